-- A made-up version 2 for testing migrations: a new column and a new table.
ALTER TABLE shelter ADD COLUMN website TEXT;
CREATE TABLE test_note (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
INSERT INTO test_note (text) SELECT name FROM shelter;
