-- Staff emails and TOTP secrets are sealed at rest (`sealed:` and base64 in the same columns);
-- sign-in finds an email by its keyed blind index. Rows from before are sealed, and given their
-- index, by the server's next start (`auth::store::seal_at_rest`).
ALTER TABLE staff ADD COLUMN email_index TEXT;
CREATE UNIQUE INDEX staff_email_index ON staff (email_index);
