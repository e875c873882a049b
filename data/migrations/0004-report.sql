-- Brückenbuch schema, version 4: covering indexes for the activity report, so that a year of
-- hundreds of thousands of consultations is counted from the indexes alone, without reading
-- the consultations' rows (with their notes) scattered over the file.
-- By date: format, region and shelter of the consultations of a period.
CREATE INDEX consultation_report ON consultation (started_at, format, region_id, shelter_id,
                                                  former_shelter_name);
-- By id: date and region of a follow-up's or a topic link's consultation.
CREATE INDEX consultation_report_by_id ON consultation (id, started_at, region_id, shelter_id);
