-- Staff accounts. Only staff have accounts: tipsters and families never do.
CREATE TABLE staff (
    id TEXT PRIMARY KEY NOT NULL,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    language TEXT NOT NULL,
    -- NULL until the person sets a password through their one-time link.
    password_hash TEXT,
    -- Base32 TOTP secret once enrolment is confirmed; the pending one during enrolment.
    totp_secret TEXT,
    totp_pending_secret TEXT,
    -- The last 30-second step whose code was accepted, so a code cannot be used twice.
    totp_last_step BIGINT,
    active BOOLEAN NOT NULL,
    failed_logins INTEGER NOT NULL,
    locked_until_ms BIGINT,
    created_at_ms BIGINT NOT NULL
);

CREATE TABLE staff_roles (
    staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    PRIMARY KEY (staff_id, role)
);

-- Single-use links (invitation, bootstrap, password reset), stored only as hashes.
CREATE TABLE staff_links (
    token_hash TEXT PRIMARY KEY NOT NULL,
    staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    expires_at_ms BIGINT NOT NULL,
    used_at_ms BIGINT
);
CREATE INDEX staff_links_staff ON staff_links (staff_id);

-- One row per login: the refresh-token family. The current refresh token is stored hashed;
-- rotated ones go to staff_spent_refresh so that a replay revokes the whole family.
CREATE TABLE staff_sessions (
    id TEXT PRIMARY KEY NOT NULL,
    staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    refresh_hash TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL,
    last_seen_ms BIGINT NOT NULL,
    revoked_at_ms BIGINT
);
CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);

CREATE TABLE staff_spent_refresh (
    refresh_hash TEXT PRIMARY KEY NOT NULL,
    session_id TEXT NOT NULL REFERENCES staff_sessions (id) ON DELETE CASCADE
);
