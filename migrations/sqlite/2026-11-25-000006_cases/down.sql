DROP TABLE case_matches;
DROP TABLE case_messages;
DROP TABLE case_notes;
DROP TABLE case_keys;
DROP TABLE case_photos;
DROP TABLE cases;
