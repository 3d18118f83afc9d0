-- The audit trail: every staff action, hash-chained so that an edited, deleted or reordered row is
-- detected by `sanad audit verify`. Times are Unix milliseconds (UTC) in both databases.
CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY NOT NULL,
    at_ms BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    object TEXT NOT NULL,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_action ON audit_log (action, seq);
CREATE INDEX audit_log_actor ON audit_log (actor, seq);

-- One row: the chain's end. Appending updates it first, which serialises appenders on both
-- databases and lets verification notice rows deleted from the end.
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY NOT NULL,
    last_seq BIGINT NOT NULL,
    last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
