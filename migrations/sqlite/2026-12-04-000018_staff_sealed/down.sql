DROP INDEX staff_email_index;
ALTER TABLE staff DROP COLUMN email_index;
