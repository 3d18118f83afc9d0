-- Failed sign-ins and receipts, counted in the database so that every instance on it counts
-- against the same subjects (`auth::throttle`). A key is a keyed hash of an email, a client
-- address or a receipt's first digits, never the value; a row goes an hour after its last failure.
CREATE TABLE throttle_attempts (
    key TEXT PRIMARY KEY NOT NULL,
    failures INTEGER NOT NULL,
    next_allowed_ms BIGINT NOT NULL,
    last_failure_ms BIGINT NOT NULL
);
CREATE INDEX throttle_attempts_last_failure ON throttle_attempts (last_failure_ms);
