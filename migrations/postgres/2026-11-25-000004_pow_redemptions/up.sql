-- Proof-of-work tokens already spent, so a solved challenge buys one submission across every
-- instance. Rows are useless after the token expires and are deleted then.
CREATE TABLE pow_redemptions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    expires_at_ms BIGINT NOT NULL
);
CREATE INDEX pow_redemptions_expiry ON pow_redemptions (expires_at_ms);
