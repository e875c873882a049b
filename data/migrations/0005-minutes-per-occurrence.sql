-- Brückenbuch schema, version 5: minutes (Protokoll) per occurrence. A monthly Jour fixe has
-- one Protokoll per meeting, not one text for the whole series. An occurrence is identified by
-- its original start, as in attendance.occurrence.
CREATE TABLE event_minutes (
  id         INTEGER PRIMARY KEY,
  event_id   INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  occurrence TEXT NOT NULL,
  text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
  UNIQUE (event_id, occurrence)
);

-- The one text a series had so far belongs to no particular meeting; it goes to the first,
-- where nothing is lost and a coordinator finds it at the series' start.
INSERT INTO event_minutes (event_id, occurrence, text)
  SELECT id, starts_at, minutes FROM event
   WHERE minutes IS NOT NULL AND length(trim(minutes)) > 0;

ALTER TABLE event DROP COLUMN minutes;
