-- Each merge of a duplicate case into the case that stays, with what it changed, so that an
-- unmerge restores both as they were: the duplicate's status, close reason and closing time, and
-- the recruiters' numbers and accounts that moved to the case that stays ([entity id, whether the
-- case that stays did not name it before] pairs, JSON). The caseworker's reason is sealed.
CREATE TABLE case_merges (
    id BIGSERIAL PRIMARY KEY NOT NULL,
    kept_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    duplicate_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    ref_key TEXT NOT NULL UNIQUE,
    reason BYTEA NOT NULL,
    previous_status TEXT NOT NULL,
    previous_close_reason TEXT,
    previous_closed_at_ms BIGINT,
    moved_entities TEXT NOT NULL,
    merged_by TEXT NOT NULL,
    merged_at_ms BIGINT NOT NULL,
    unmerged_by TEXT,
    unmerged_at_ms BIGINT
);
CREATE INDEX case_merges_duplicate ON case_merges (duplicate_id, id);
