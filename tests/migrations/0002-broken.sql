-- A made-up version 2 that fails after its first statements: nothing of it may remain.
CREATE TABLE test_note (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
UPDATE shelter SET name = 'overwritten';
INSERT INTO no_such_table VALUES (1);
