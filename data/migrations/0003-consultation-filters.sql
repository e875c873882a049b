-- Brückenbuch schema, version 3: indexes for the filters of the Beratungen view, so that a
-- region, format or author filter reads only its own consultations, newest first, also with
-- hundreds of thousands of them.
CREATE INDEX consultation_region ON consultation (region_id, started_at);
CREATE INDEX consultation_format ON consultation (format, started_at);
CREATE INDEX consultation_author ON consultation (author, started_at);
