-- Anonymous tips. Nothing here identifies a tipster: no address, no agent, no precise time
-- (the day is enough for triage; the id orders them), not even of a later visit. What they
-- wrote is sealed with the key outside the database; `ref_key` is a random name that binds each sealed value to its row.
CREATE TABLE tips (
    id INTEGER PRIMARY KEY NOT NULL,
    ref_key TEXT NOT NULL UNIQUE,
    -- Argon2id(receipt, site salt): found again from the receipt, never read back.
    receipt_hash TEXT NOT NULL UNIQUE,
    subject TEXT NOT NULL,
    status TEXT NOT NULL,
    governorate TEXT,
    approximate_month TEXT,
    language TEXT,
    received_on TEXT NOT NULL,
    -- Sealed JSON: description, names, phone numbers, accounts, agency, place.
    content BLOB NOT NULL,
    -- Sealed note from the moderators shown on follow-up.
    public_message BLOB,
    -- The last message came from the tipster and no moderator has answered it.
    awaiting_reply BOOLEAN NOT NULL
);
CREATE INDEX tips_status ON tips (status, id);

-- Keyed hashes of normalised phone numbers and accounts, to link tips that share one.
CREATE TABLE tip_identifiers (
    tip_id BIGINT NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    blind_index TEXT NOT NULL,
    PRIMARY KEY (tip_id, blind_index)
);
CREATE INDEX tip_identifiers_index ON tip_identifiers (blind_index);

CREATE TABLE tip_messages (
    id INTEGER PRIMARY KEY NOT NULL,
    tip_id BIGINT NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
    ref_key TEXT NOT NULL UNIQUE,
    author TEXT NOT NULL,
    -- The moderator who wrote it; NULL for the tipster.
    staff_id TEXT,
    body BLOB NOT NULL,
    sent_on TEXT NOT NULL
);
CREATE INDEX tip_messages_tip ON tip_messages (tip_id, id);

-- Pictures with every metadata block removed, sealed.
CREATE TABLE tip_attachments (
    id INTEGER PRIMARY KEY NOT NULL,
    tip_id BIGINT NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
    ref_key TEXT NOT NULL UNIQUE,
    mime TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    size_bytes INTEGER NOT NULL,
    data BLOB NOT NULL
);
CREATE INDEX tip_attachments_tip ON tip_attachments (tip_id, id);
