DROP TABLE presence;
DROP TABLE item_notes;
DROP TABLE item_labels;
DROP TABLE labels;
DROP TABLE triage;
