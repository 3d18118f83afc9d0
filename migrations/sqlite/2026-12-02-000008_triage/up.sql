-- The staff's work on tips and cases, one set of tables for both kinds (`kind` is `tip` or
-- `case`). `triage` mirrors what the queue filters and orders on (status, governorate, day of
-- arrival) so a queue is one indexed table; nothing here is finer than the day for an item's
-- arrival, and nothing a tipster wrote is in the clear.
CREATE TABLE triage (
    kind TEXT NOT NULL,
    item_id BIGINT NOT NULL,
    status TEXT NOT NULL,
    governorate TEXT,
    received_on TEXT NOT NULL,
    -- The score the rules and any hand change give, and the rules' reasons as JSON (rule names
    -- and figures only).
    priority INTEGER NOT NULL,
    reasons TEXT NOT NULL,
    -- The day someone is said to leave; the only fact from the content kept in the clear, for
    -- the urgency rule that changes with the calendar.
    departure_on TEXT,
    minor BOOLEAN NOT NULL,
    linked INTEGER NOT NULL,
    has_attachments BOOLEAN NOT NULL,
    adjust INTEGER NOT NULL,
    -- Sealed: why a staff member raised or lowered it.
    adjust_reason BLOB,
    assignee TEXT,
    first_look_on TEXT,
    version BIGINT NOT NULL,
    PRIMARY KEY (kind, item_id)
);
CREATE INDEX triage_queue ON triage (kind, priority, item_id);
CREATE INDEX triage_status ON triage (kind, status, priority, item_id);
CREATE INDEX triage_assignee ON triage (kind, assignee, priority, item_id);

CREATE TABLE labels (
    id INTEGER PRIMARY KEY NOT NULL,
    color TEXT NOT NULL,
    name_ar TEXT NOT NULL,
    name_ckb TEXT NOT NULL,
    name_kmr TEXT NOT NULL,
    name_en TEXT NOT NULL
);

CREATE TABLE item_labels (
    kind TEXT NOT NULL,
    item_id BIGINT NOT NULL,
    label_id BIGINT NOT NULL REFERENCES labels (id) ON DELETE CASCADE,
    PRIMARY KEY (kind, item_id, label_id)
);
CREATE INDEX item_labels_label ON item_labels (label_id, kind, item_id);

-- Staff-only notes, sealed; the tipster never sees them.
CREATE TABLE item_notes (
    id INTEGER PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    item_id BIGINT NOT NULL,
    ref_key TEXT NOT NULL UNIQUE,
    staff_id TEXT NOT NULL,
    body BLOB NOT NULL,
    written_at_ms BIGINT NOT NULL
);
CREATE INDEX item_notes_item ON item_notes (kind, item_id, id);

-- Who has an item open: staff-side times only, kept a minute's worth at a time.
CREATE TABLE presence (
    kind TEXT NOT NULL,
    item_id BIGINT NOT NULL,
    staff_id TEXT NOT NULL,
    seen_at_ms BIGINT NOT NULL,
    PRIMARY KEY (kind, item_id, staff_id)
);

-- Staff search over sealed text: one keyed blind index per normalised word of an item (the
-- Arabic/Kurdish spellings the name matcher unifies, Latin lower-cased). It shows which items
-- share a word, never the word.
CREATE TABLE item_words (
    kind TEXT NOT NULL,
    item_id BIGINT NOT NULL,
    word TEXT NOT NULL,
    PRIMARY KEY (kind, item_id, word)
);
CREATE INDEX item_words_word ON item_words (word, kind, item_id);

-- Tip retention: the day a tip was closed or dismissed (the clock starts then; for tips closed
-- before this column, at the first retention pass) and the day its content was removed.
ALTER TABLE tips ADD COLUMN closed_on TEXT;
ALTER TABLE tips ADD COLUMN wiped_on TEXT;

-- Items that arrived before this table: tracked with no priority yet and their links not yet
-- counted (linked = -1); the server's first priority pass at start fills in the rules.
INSERT INTO triage (kind, item_id, status, governorate, received_on, priority, reasons,
                    departure_on, minor, linked, has_attachments, adjust, adjust_reason,
                    assignee, first_look_on, version)
SELECT 'tip', id, status, governorate, received_on, 0, '[]', NULL, FALSE, -1,
       EXISTS (SELECT 1 FROM tip_attachments a WHERE a.tip_id = tips.id), 0, NULL, NULL, NULL, 0
FROM tips;
INSERT INTO triage (kind, item_id, status, governorate, received_on, priority, reasons,
                    departure_on, minor, linked, has_attachments, adjust, adjust_reason,
                    assignee, first_look_on, version)
SELECT 'case', id, status, governorate, reported_on, 0, '[]', NULL, FALSE, -1,
       EXISTS (SELECT 1 FROM case_photos p WHERE p.case_id = cases.id), 0, NULL, NULL, NULL, 0
FROM cases;
