-- Brückenbuch schema, version 1.
-- Codes (kinds, types, formats, statuses) are stable English keys; the UI translates them.
-- Dates are ISO 8601 text: 'YYYY-MM-DD'; local times (Europe/Berlin) 'YYYY-MM-DDTHH:MM'.

-- Small facts about the database itself, e.g. demo = 1 for generated demo data.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT
) WITHOUT ROWID;

CREATE TABLE region (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0)
);

CREATE TABLE district (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  region_id INTEGER NOT NULL REFERENCES region (id) ON DELETE RESTRICT
);

CREATE TABLE organisation (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  kind        TEXT NOT NULL DEFAULT 'other'
              CHECK (kind IN ('operator', 'alliance', 'self-organisation', 'project',
                              'administration', 'district-office', 'volunteer-agency', 'other')),
  street      TEXT,
  postcode    TEXT CHECK (postcode IS NULL OR postcode GLOB '[0-9][0-9][0-9][0-9][0-9]'),
  city        TEXT,
  district_id INTEGER REFERENCES district (id) ON DELETE SET NULL,
  phone       TEXT,
  email       TEXT,
  web         TEXT,
  notes       TEXT
);
CREATE INDEX organisation_name ON organisation (name COLLATE NOCASE);

-- Deleting a shelter keeps its consultations: they lose the link (shelter_id becomes NULL) but
-- keep the shelter's name in consultation.former_shelter_name (trigger below), because the
-- consultation log is the record the BfE reports on. Closing a shelter is the normal way.
CREATE TABLE shelter (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  kind        TEXT NOT NULL DEFAULT 'community'
              CHECK (kind IN ('community', 'reception', 'emergency', 'muf', 'tempohome', 'other')),
  operator_id INTEGER REFERENCES organisation (id) ON DELETE SET NULL,
  street      TEXT,
  postcode    TEXT CHECK (postcode IS NULL OR postcode GLOB '[0-9][0-9][0-9][0-9][0-9]'),
  district_id INTEGER NOT NULL REFERENCES district (id) ON DELETE RESTRICT,
  capacity    INTEGER CHECK (capacity IS NULL OR capacity >= 0),
  residents   INTEGER CHECK (residents IS NULL OR residents >= 0),
  opened_on   TEXT CHECK (opened_on IS NULL OR date(opened_on) = opened_on),
  closed_on   TEXT CHECK (closed_on IS NULL OR date(closed_on) = closed_on),
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('planned', 'open', 'closed')),
  phone       TEXT,
  email       TEXT,
  notes       TEXT,
  CHECK (closed_on IS NULL OR opened_on IS NULL OR closed_on >= opened_on)
);
CREATE INDEX shelter_name ON shelter (name COLLATE NOCASE);
CREATE INDEX shelter_district ON shelter (district_id);
CREATE INDEX shelter_operator ON shelter (operator_id);

CREATE TABLE person (
  id              INTEGER PRIMARY KEY,
  given_name      TEXT,
  family_name     TEXT,
  pronouns        TEXT,
  function        TEXT,
  organisation_id INTEGER REFERENCES organisation (id) ON DELETE SET NULL,
  email           TEXT,
  phone           TEXT,
  languages       TEXT,
  notes           TEXT,
  CHECK (length(trim(coalesce(given_name, '') || coalesce(family_name, ''))) > 0)
);
CREATE INDEX person_name ON person (family_name COLLATE NOCASE, given_name COLLATE NOCASE);
CREATE INDEX person_organisation ON person (organisation_id);

CREATE TABLE person_shelter (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  shelter_id INTEGER NOT NULL REFERENCES shelter (id) ON DELETE CASCADE,
  role       TEXT NOT NULL DEFAULT 'volunteer-coordination'
             CHECK (role IN ('volunteer-coordination', 'management', 'social-work', 'other')),
  since      TEXT CHECK (since IS NULL OR date(since) = since),
  until      TEXT CHECK (until IS NULL OR date(until) = until),
  UNIQUE (person_id, shelter_id, role),
  CHECK (until IS NULL OR since IS NULL OR until >= since)
);
CREATE INDEX person_shelter_shelter ON person_shelter (shelter_id);

-- A typed link between two people and/or organisations: exactly one end on each side.
CREATE TABLE relation (
  id                   INTEGER PRIMARY KEY,
  from_person_id       INTEGER REFERENCES person (id) ON DELETE CASCADE,
  from_organisation_id INTEGER REFERENCES organisation (id) ON DELETE CASCADE,
  to_person_id         INTEGER REFERENCES person (id) ON DELETE CASCADE,
  to_organisation_id   INTEGER REFERENCES organisation (id) ON DELETE CASCADE,
  kind                 TEXT NOT NULL DEFAULT 'cooperates'
                       CHECK (kind IN ('cooperates', 'member-of', 'works-for', 'refers-to',
                                       'funds', 'advises', 'other')),
  since                TEXT CHECK (since IS NULL OR date(since) = since),
  until                TEXT CHECK (until IS NULL OR date(until) = until),
  note                 TEXT,
  CHECK ((from_person_id IS NULL) <> (from_organisation_id IS NULL)),
  CHECK ((to_person_id IS NULL) <> (to_organisation_id IS NULL)),
  CHECK (from_person_id IS NULL OR to_person_id IS NULL OR from_person_id <> to_person_id),
  CHECK (from_organisation_id IS NULL OR to_organisation_id IS NULL
         OR from_organisation_id <> to_organisation_id),
  CHECK (until IS NULL OR since IS NULL OR until >= since)
);
CREATE INDEX relation_from_person ON relation (from_person_id);
CREATE INDEX relation_from_organisation ON relation (from_organisation_id);
CREATE INDEX relation_to_person ON relation (to_person_id);
CREATE INDEX relation_to_organisation ON relation (to_organisation_id);

CREATE TABLE consultation (
  id                  INTEGER PRIMARY KEY,
  started_at          TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M', started_at) = started_at),
  duration_minutes    INTEGER CHECK (duration_minutes IS NULL OR duration_minutes > 0),
  format              TEXT NOT NULL DEFAULT 'on-site'
                      CHECK (format IN ('on-site', 'phone', 'video', 'email')),
  region_id           INTEGER REFERENCES region (id) ON DELETE SET NULL,
  shelter_id          INTEGER REFERENCES shelter (id) ON DELETE SET NULL,
  former_shelter_name TEXT,
  author              TEXT,
  notes               TEXT
);
CREATE INDEX consultation_started ON consultation (started_at);
CREATE INDEX consultation_shelter ON consultation (shelter_id, started_at);

CREATE TRIGGER shelter_keep_name_in_consultations BEFORE DELETE ON shelter
BEGIN
  UPDATE consultation SET former_shelter_name = OLD.name WHERE shelter_id = OLD.id;
END;

CREATE TABLE consultation_person (
  consultation_id INTEGER NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
  person_id       INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  PRIMARY KEY (consultation_id, person_id)
) WITHOUT ROWID;
CREATE INDEX consultation_person_person ON consultation_person (person_id);

CREATE TABLE topic (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0)
);

CREATE TABLE consultation_topic (
  consultation_id INTEGER NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
  topic_id        INTEGER NOT NULL REFERENCES topic (id) ON DELETE CASCADE,
  PRIMARY KEY (consultation_id, topic_id)
) WITHOUT ROWID;
CREATE INDEX consultation_topic_topic ON consultation_topic (topic_id);

CREATE TABLE followup (
  id              INTEGER PRIMARY KEY,
  consultation_id INTEGER NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
  text            TEXT NOT NULL CHECK (length(trim(text)) > 0),
  due_on          TEXT CHECK (due_on IS NULL OR date(due_on) = due_on),
  done_on         TEXT CHECK (done_on IS NULL OR date(done_on) = done_on)
);
CREATE INDEX followup_consultation ON followup (consultation_id);
CREATE INDEX followup_open ON followup (due_on) WHERE done_on IS NULL;

-- Times are local wall-clock times in Europe/Berlin ('YYYY-MM-DDTHH:MM'); all-day events use
-- dates ('YYYY-MM-DD') with an exclusive end. rrule is an RFC 5545 RRULE value, exdates a
-- comma-separated list of cancelled occurrence starts.
CREATE TABLE event (
  id           INTEGER PRIMARY KEY,
  uid          TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),
  sequence     INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
  kind         TEXT NOT NULL DEFAULT 'other'
               CHECK (kind IN ('jour-fixe', 'workshop', 'network-meeting', 'training-basic',
                               'training-advanced', 'other')),
  region_id    INTEGER REFERENCES region (id) ON DELETE SET NULL,
  title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
  starts_at    TEXT NOT NULL,
  ends_at      TEXT NOT NULL,
  all_day      INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),
  location     TEXT,
  online_url   TEXT,
  description  TEXT,
  minutes      TEXT,
  status       TEXT NOT NULL DEFAULT 'confirmed'
               CHECK (status IN ('confirmed', 'tentative', 'cancelled')),
  organiser_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
  rrule        TEXT,
  exdates      TEXT,
  CHECK (ends_at >= starts_at),
  CHECK (CASE all_day
           WHEN 1 THEN date(starts_at) = starts_at AND date(ends_at) = ends_at
           ELSE strftime('%Y-%m-%dT%H:%M', starts_at) = starts_at
                AND strftime('%Y-%m-%dT%H:%M', ends_at) = ends_at
         END)
);
CREATE INDEX event_starts ON event (starts_at);
CREATE INDEX event_region ON event (region_id);

-- One changed occurrence of a series (RECURRENCE-ID): moved, retitled or cancelled.
CREATE TABLE event_override (
  id            INTEGER PRIMARY KEY,
  event_id      INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  recurrence_id TEXT NOT NULL,
  starts_at     TEXT NOT NULL,
  ends_at       TEXT NOT NULL,
  title         TEXT,
  location      TEXT,
  status        TEXT NOT NULL DEFAULT 'confirmed'
                CHECK (status IN ('confirmed', 'tentative', 'cancelled')),
  UNIQUE (event_id, recurrence_id),
  CHECK (ends_at >= starts_at)
);

CREATE TABLE event_invitee (
  id         INTEGER PRIMARY KEY,
  event_id   INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  person_id  INTEGER REFERENCES person (id) ON DELETE CASCADE,
  shelter_id INTEGER REFERENCES shelter (id) ON DELETE CASCADE,
  CHECK ((person_id IS NULL) <> (shelter_id IS NULL)),
  UNIQUE (event_id, person_id, shelter_id)
);
CREATE INDEX event_invitee_person ON event_invitee (person_id);
CREATE INDEX event_invitee_shelter ON event_invitee (shelter_id);

-- Attendance of one person at one occurrence (identified by its original start).
CREATE TABLE attendance (
  id         INTEGER PRIMARY KEY,
  event_id   INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  occurrence TEXT NOT NULL,
  person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  status     TEXT NOT NULL DEFAULT 'attended' CHECK (status IN ('attended', 'excused', 'absent')),
  UNIQUE (event_id, occurrence, person_id)
);
CREATE INDEX attendance_person ON attendance (person_id);

-- Global search: one FTS5 index over shelters, people, organisations and consultation notes,
-- kept current by triggers. kind is the table name, ref its row id. The rowid is
-- ref * 4 + (0 shelter, 1 person, 2 organisation, 3 consultation), so that the triggers find
-- a row by its rowid: UNINDEXED columns can only be scanned.
CREATE VIRTUAL TABLE search_index USING fts5 (
  kind UNINDEXED,
  ref UNINDEXED,
  title,
  body,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER shelter_search_insert AFTER INSERT ON shelter
BEGIN
  INSERT INTO search_index (rowid, kind, ref, title, body)
  VALUES (NEW.id * 4 + 0, 'shelter', NEW.id, NEW.name,
          trim (coalesce (NEW.street, '') || ' ' || coalesce (NEW.postcode, '') || ' ' || coalesce (NEW.notes, '') || ' ' || coalesce ((SELECT name FROM district WHERE id = NEW.district_id), '') || ' ' || coalesce ((SELECT name FROM organisation WHERE id = NEW.operator_id), '')));
END;
CREATE TRIGGER shelter_search_update AFTER UPDATE ON shelter
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4 + 0;
  INSERT INTO search_index (rowid, kind, ref, title, body)
  VALUES (NEW.id * 4 + 0, 'shelter', NEW.id, NEW.name,
          trim (coalesce (NEW.street, '') || ' ' || coalesce (NEW.postcode, '') || ' ' || coalesce (NEW.notes, '') || ' ' || coalesce ((SELECT name FROM district WHERE id = NEW.district_id), '') || ' ' || coalesce ((SELECT name FROM organisation WHERE id = NEW.operator_id), '')));
END;
CREATE TRIGGER shelter_search_delete AFTER DELETE ON shelter
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4 + 0;
END;

CREATE TRIGGER person_search_insert AFTER INSERT ON person
BEGIN
  INSERT INTO search_index (rowid, kind, ref, title, body)
  VALUES (NEW.id * 4 + 1, 'person', NEW.id, trim (coalesce (NEW.given_name, '') || ' ' || coalesce (NEW.family_name, '')),
          trim (coalesce (NEW.function, '') || ' ' || coalesce (NEW.email, '') || ' ' || coalesce (NEW.languages, '') || ' ' || coalesce (NEW.notes, '') || ' ' || coalesce ((SELECT name FROM organisation WHERE id = NEW.organisation_id), '')));
END;
CREATE TRIGGER person_search_update AFTER UPDATE ON person
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4 + 1;
  INSERT INTO search_index (rowid, kind, ref, title, body)
  VALUES (NEW.id * 4 + 1, 'person', NEW.id, trim (coalesce (NEW.given_name, '') || ' ' || coalesce (NEW.family_name, '')),
          trim (coalesce (NEW.function, '') || ' ' || coalesce (NEW.email, '') || ' ' || coalesce (NEW.languages, '') || ' ' || coalesce (NEW.notes, '') || ' ' || coalesce ((SELECT name FROM organisation WHERE id = NEW.organisation_id), '')));
END;
CREATE TRIGGER person_search_delete AFTER DELETE ON person
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4 + 1;
END;

CREATE TRIGGER organisation_search_insert AFTER INSERT ON organisation
BEGIN
  INSERT INTO search_index (rowid, kind, ref, title, body)
  VALUES (NEW.id * 4 + 2, 'organisation', NEW.id, NEW.name,
          trim (coalesce (NEW.street, '') || ' ' || coalesce (NEW.postcode, '') || ' ' || coalesce (NEW.city, '') || ' ' || coalesce (NEW.email, '') || ' ' || coalesce (NEW.web, '') || ' ' || coalesce (NEW.notes, '')));
END;
CREATE TRIGGER organisation_search_update AFTER UPDATE ON organisation
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4 + 2;
  INSERT INTO search_index (rowid, kind, ref, title, body)
  VALUES (NEW.id * 4 + 2, 'organisation', NEW.id, NEW.name,
          trim (coalesce (NEW.street, '') || ' ' || coalesce (NEW.postcode, '') || ' ' || coalesce (NEW.city, '') || ' ' || coalesce (NEW.email, '') || ' ' || coalesce (NEW.web, '') || ' ' || coalesce (NEW.notes, '')));
END;
CREATE TRIGGER organisation_search_delete AFTER DELETE ON organisation
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4 + 2;
END;

-- Consultations are found by their notes; the title names the shelter for the result list.
CREATE TRIGGER consultation_search_insert AFTER INSERT ON consultation
BEGIN
  INSERT INTO search_index (rowid, kind, ref, title, body)
  VALUES (NEW.id * 4 + 3, 'consultation', NEW.id,
          coalesce ((SELECT name FROM shelter WHERE id = NEW.shelter_id), NEW.former_shelter_name),
          NEW.notes);
END;
CREATE TRIGGER consultation_search_update AFTER UPDATE ON consultation
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4 + 3;
  INSERT INTO search_index (rowid, kind, ref, title, body)
  VALUES (NEW.id * 4 + 3, 'consultation', NEW.id,
          coalesce ((SELECT name FROM shelter WHERE id = NEW.shelter_id), NEW.former_shelter_name),
          NEW.notes);
END;
CREATE TRIGGER consultation_search_delete AFTER DELETE ON consultation
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4 + 3;
END;

INSERT INTO region (id, name) VALUES (1, 'Nord'), (2, 'West'), (3, 'Südost');
INSERT INTO district (name, region_id) VALUES
  ('Mitte', 1), ('Pankow', 1), ('Reinickendorf', 1), ('Spandau', 2),
  ('Charlottenburg-Wilmersdorf', 2), ('Steglitz-Zehlendorf', 2), ('Tempelhof-Schöneberg', 2),
  ('Friedrichshain-Kreuzberg', 3), ('Neukölln', 3), ('Treptow-Köpenick', 3),
  ('Marzahn-Hellersdorf', 3), ('Lichtenberg', 3);
