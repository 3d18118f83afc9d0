-- Instance-wide settings that admins change at run time (for example "every staff member must use
-- TOTP"), kept in the database so every instance behind a load balancer sees the same value.
CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
