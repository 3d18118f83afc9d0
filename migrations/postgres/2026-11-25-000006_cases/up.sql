-- Missing-person cases. Everything personal (names, dates, numbers, what the family said, the
-- reporter) is sealed in `content`; the clear columns are what lists, filters and retention need.
CREATE TABLE cases (
    id BIGSERIAL PRIMARY KEY NOT NULL,
    -- Public and human-readable, said on the phone (MP-4KQ7-92XD).
    case_number TEXT NOT NULL UNIQUE,
    ref_key TEXT NOT NULL UNIQUE,
    -- Argon2id(receipt, site salt); NULL for cases imported from a partner.
    receipt_hash TEXT UNIQUE,
    status TEXT NOT NULL,
    close_reason TEXT,
    governorate TEXT,
    consent TEXT NOT NULL,
    reported_on TEXT NOT NULL,
    content BYTEA,
    -- The case this one duplicates, once a caseworker merged them.
    merged_into BIGINT REFERENCES cases (id),
    -- A partner's PFIF person_record_id, so a second import updates instead of duplicating.
    pfif_record_id TEXT UNIQUE,
    -- Staff-side times (families are not anonymous tipsters, but only staff actions are timed).
    updated_at_ms BIGINT NOT NULL,
    closed_at_ms BIGINT,
    -- Set when retention removed the personal data; the row stays as a placeholder.
    wiped_on TEXT,
    -- A pending deceased status awaiting a second caseworker: who proposed it.
    deceased_proposed_by TEXT
);
CREATE INDEX cases_status ON cases (status, id);
CREATE INDEX cases_governorate ON cases (governorate, id);
CREATE INDEX cases_reported_on ON cases (reported_on, id);

-- The missing person's photo, metadata removed, sealed.
CREATE TABLE case_photos (
    case_id BIGINT PRIMARY KEY NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    mime TEXT NOT NULL,
    data BYTEA NOT NULL
);

-- Keyed hashes of name keys and phone numbers: duplicate candidates and search without names
-- in the clear.
CREATE TABLE case_keys (
    case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    blind_index TEXT NOT NULL,
    PRIMARY KEY (case_id, kind, blind_index)
);
CREATE INDEX case_keys_index ON case_keys (blind_index, case_id);

-- PFIF-style notes by caseworkers (and imported from partners): author, time, status, text.
CREATE TABLE case_notes (
    id BIGSERIAL PRIMARY KEY NOT NULL,
    case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    ref_key TEXT NOT NULL UNIQUE,
    staff_id TEXT,
    author_name TEXT NOT NULL,
    status TEXT,
    body BYTEA NOT NULL,
    created_at_ms BIGINT NOT NULL,
    pfif_record_id TEXT UNIQUE
);
CREATE INDEX case_notes_case ON case_notes (case_id, id);

-- The conversation with the family.
CREATE TABLE case_messages (
    id BIGSERIAL PRIMARY KEY NOT NULL,
    case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    ref_key TEXT NOT NULL UNIQUE,
    author TEXT NOT NULL,
    staff_id TEXT,
    body BYTEA NOT NULL,
    sent_on TEXT NOT NULL
);
CREATE INDEX case_messages_case ON case_messages (case_id, id);

-- Probable duplicates found by the matcher, until a caseworker merges or dismisses them.
CREATE TABLE case_matches (
    case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    other_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    score INTEGER NOT NULL,
    reasons TEXT NOT NULL,
    state TEXT NOT NULL,
    PRIMARY KEY (case_id, other_id)
);
CREATE INDEX case_matches_other ON case_matches (other_id);
