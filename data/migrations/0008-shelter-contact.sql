-- Brückenbuch schema, version 8: the date of each shelter's last consultation, kept by
-- triggers. The shelter list sorts and filters by it ("Lange kein Kontakt"); computed with
-- MAX() per shelter and per sort key it took ~60 ms for 11,000 shelters at 100 times the
-- BfE's data. Derived data like the search index: the undo records leave it out, and the
-- triggers write it again when an undo puts consultations back.
-- A shelter without linked consultations has no row.
CREATE TABLE shelter_contact (
  shelter_id           INTEGER PRIMARY KEY,
  last_consultation_at TEXT NOT NULL
);

INSERT INTO shelter_contact (shelter_id, last_consultation_at)
  SELECT shelter_id, max (started_at) FROM consultation
   WHERE shelter_id IS NOT NULL GROUP BY shelter_id;

-- A new consultation can only move the date forward; after other changes the date of the
-- shelters concerned is made again.
CREATE TRIGGER consultation_contact_insert AFTER INSERT ON consultation
  WHEN NEW.shelter_id IS NOT NULL
BEGIN
  INSERT INTO shelter_contact (shelter_id, last_consultation_at)
    VALUES (NEW.shelter_id, NEW.started_at)
    ON CONFLICT (shelter_id) DO UPDATE SET last_consultation_at = excluded.last_consultation_at
     WHERE excluded.last_consultation_at > last_consultation_at;
END;

CREATE TRIGGER consultation_contact_update AFTER UPDATE OF shelter_id, started_at ON consultation
BEGIN
  DELETE FROM shelter_contact WHERE shelter_id IN (OLD.shelter_id, NEW.shelter_id);
  INSERT INTO shelter_contact (shelter_id, last_consultation_at)
    SELECT shelter_id, max (started_at) FROM consultation
     WHERE shelter_id IN (OLD.shelter_id, NEW.shelter_id) GROUP BY shelter_id;
END;

CREATE TRIGGER consultation_contact_delete AFTER DELETE ON consultation
  WHEN OLD.shelter_id IS NOT NULL
BEGIN
  DELETE FROM shelter_contact WHERE shelter_id = OLD.shelter_id;
  INSERT INTO shelter_contact (shelter_id, last_consultation_at)
    SELECT shelter_id, max (started_at) FROM consultation
     WHERE shelter_id = OLD.shelter_id GROUP BY shelter_id;
END;

-- Deleting a shelter unlinks its consultations (the update trigger then leaves no row); this
-- catches any row left.
CREATE TRIGGER shelter_contact_delete AFTER DELETE ON shelter
BEGIN
  DELETE FROM shelter_contact WHERE shelter_id = OLD.id;
END;
