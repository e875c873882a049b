-- Brückenbuch schema, version 2: drafts of editors, so that nothing typed is ever lost.
-- One draft per editor and record: kind names the editor ('consultation'), record_id the record
-- being edited (0 for a new one). content is the editor's state as GVariant text (a{sv});
-- updated_at the local time of the last change, 'YYYY-MM-DDTHH:MM:SS'.
CREATE TABLE draft (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (length(kind) > 0),
  record_id  INTEGER NOT NULL DEFAULT 0 CHECK (record_id >= 0),
  content    TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (kind, record_id)
);
