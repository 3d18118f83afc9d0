-- An editor's mark that a message of a language was read by a native speaker, for the text whose
-- SHA-256 it names: a message whose text changed needs review again.
CREATE TABLE translation_reviews (
    language TEXT NOT NULL,
    message_id TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    reviewed_by TEXT NOT NULL REFERENCES staff (id),
    reviewed_at_ms BIGINT NOT NULL,
    PRIMARY KEY (language, message_id)
);
