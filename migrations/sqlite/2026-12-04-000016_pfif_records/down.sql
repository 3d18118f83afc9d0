ALTER TABLE case_notes DROP COLUMN pfif_note;
DROP TABLE case_pfif;
