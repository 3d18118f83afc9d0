-- Each entry and the head carry an HMAC under a key kept outside the database (keys/audit-hmac.key),
-- so whoever can write the tables but not read the server's keys cannot rewrite the trail.
-- NULL only on entries written before the key existed; the first start with a key seals them.
ALTER TABLE audit_log ADD COLUMN mac TEXT;
ALTER TABLE audit_head ADD COLUMN mac TEXT;
