-- Brückenbuch schema, version 6: what the search index holds for each row is said once, in a
-- view per indexed table, and the triggers copy a row's entry from its view. A bulk load
-- (the demo data) can then fill the index from the same views in one statement per table:
-- FTS5 writes a segment of its index at every statement's savepoint, so filling it row by
-- row through the triggers writes one segment per row and merges them again and again.
-- Each view: search_rowid (the index's rowid, ref * 4 + 0 shelter, 1 person, 2 organisation,
-- 3 consultation), kind, ref, title, body — the columns of search_index.
CREATE VIEW search_source_shelter AS
  SELECT s.id * 4 + 0 AS search_rowid, 'shelter' AS kind, s.id AS ref, s.name AS title,
         trim (coalesce (s.street, '') || ' ' || coalesce (s.postcode, '') || ' ' || coalesce (s.notes, '') || ' ' || coalesce ((SELECT name FROM district WHERE id = s.district_id), '') || ' ' || coalesce ((SELECT name FROM organisation WHERE id = s.operator_id), '')) AS body
    FROM shelter s;

CREATE VIEW search_source_person AS
  SELECT p.id * 4 + 1 AS search_rowid, 'person' AS kind, p.id AS ref,
         trim (coalesce (p.given_name, '') || ' ' || coalesce (p.family_name, '')) AS title,
         trim (coalesce (p.function, '') || ' ' || coalesce (p.email, '') || ' ' || coalesce (p.languages, '') || ' ' || coalesce (p.notes, '') || ' ' || coalesce ((SELECT name FROM organisation WHERE id = p.organisation_id), '')) AS body
    FROM person p;

CREATE VIEW search_source_organisation AS
  SELECT o.id * 4 + 2 AS search_rowid, 'organisation' AS kind, o.id AS ref, o.name AS title,
         trim (coalesce (o.street, '') || ' ' || coalesce (o.postcode, '') || ' ' || coalesce (o.city, '') || ' ' || coalesce (o.email, '') || ' ' || coalesce (o.web, '') || ' ' || coalesce (o.notes, '')) AS body
    FROM organisation o;

-- Consultations are found by their notes; the title names the shelter for the result list.
CREATE VIEW search_source_consultation AS
  SELECT c.id * 4 + 3 AS search_rowid, 'consultation' AS kind, c.id AS ref,
         coalesce ((SELECT name FROM shelter WHERE id = c.shelter_id), c.former_shelter_name) AS title,
         c.notes AS body
    FROM consultation c;

-- The same entries as the triggers of version 1 wrote, now read from the views. An AFTER
-- trigger finds the new row in its table. The delete triggers stay as they are.
DROP TRIGGER shelter_search_insert;
DROP TRIGGER shelter_search_update;
DROP TRIGGER person_search_insert;
DROP TRIGGER person_search_update;
DROP TRIGGER organisation_search_insert;
DROP TRIGGER organisation_search_update;
DROP TRIGGER consultation_search_insert;
DROP TRIGGER consultation_search_update;

CREATE TRIGGER shelter_search_insert AFTER INSERT ON shelter
BEGIN
  INSERT INTO search_index (rowid, kind, ref, title, body)
    SELECT search_rowid, kind, ref, title, body FROM search_source_shelter WHERE ref = NEW.id;
END;
CREATE TRIGGER shelter_search_update AFTER UPDATE ON shelter
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4 + 0;
  INSERT INTO search_index (rowid, kind, ref, title, body)
    SELECT search_rowid, kind, ref, title, body FROM search_source_shelter WHERE ref = NEW.id;
END;

CREATE TRIGGER person_search_insert AFTER INSERT ON person
BEGIN
  INSERT INTO search_index (rowid, kind, ref, title, body)
    SELECT search_rowid, kind, ref, title, body FROM search_source_person WHERE ref = NEW.id;
END;
CREATE TRIGGER person_search_update AFTER UPDATE ON person
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4 + 1;
  INSERT INTO search_index (rowid, kind, ref, title, body)
    SELECT search_rowid, kind, ref, title, body FROM search_source_person WHERE ref = NEW.id;
END;

CREATE TRIGGER organisation_search_insert AFTER INSERT ON organisation
BEGIN
  INSERT INTO search_index (rowid, kind, ref, title, body)
    SELECT search_rowid, kind, ref, title, body FROM search_source_organisation WHERE ref = NEW.id;
END;
CREATE TRIGGER organisation_search_update AFTER UPDATE ON organisation
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4 + 2;
  INSERT INTO search_index (rowid, kind, ref, title, body)
    SELECT search_rowid, kind, ref, title, body FROM search_source_organisation WHERE ref = NEW.id;
END;

CREATE TRIGGER consultation_search_insert AFTER INSERT ON consultation
BEGIN
  INSERT INTO search_index (rowid, kind, ref, title, body)
    SELECT search_rowid, kind, ref, title, body FROM search_source_consultation WHERE ref = NEW.id;
END;
CREATE TRIGGER consultation_search_update AFTER UPDATE ON consultation
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4 + 3;
  INSERT INTO search_index (rowid, kind, ref, title, body)
    SELECT search_rowid, kind, ref, title, body FROM search_source_consultation WHERE ref = NEW.id;
END;
