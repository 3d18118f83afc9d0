DROP TABLE item_words;
DROP TABLE presence;
DROP TABLE item_notes;
DROP TABLE item_labels;
DROP TABLE labels;
DROP TABLE triage;
ALTER TABLE tips DROP COLUMN wiped_on;
ALTER TABLE tips DROP COLUMN closed_on;
