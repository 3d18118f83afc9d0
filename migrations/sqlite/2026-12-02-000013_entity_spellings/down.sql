ALTER TABLE entities DROP COLUMN display_case;
ALTER TABLE entities DROP COLUMN display_tip;
