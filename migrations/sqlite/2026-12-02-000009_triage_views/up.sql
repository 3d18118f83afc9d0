-- Every column the staff home's counts read, so they come from one walk of this index
-- without touching the table.
CREATE INDEX triage_overview ON triage (kind, status, assignee, first_look_on, received_on, priority);

-- A person's named queue views. Name and filters are sealed together: a saved search holds
-- the words someone looked for, which the blind word index never keeps in the clear.
CREATE TABLE saved_views (
    id INTEGER PRIMARY KEY NOT NULL,
    ref_key TEXT NOT NULL UNIQUE,
    staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    body BLOB NOT NULL,
    saved_at_ms BIGINT NOT NULL
);
CREATE INDEX saved_views_owner ON saved_views (staff_id, kind, id);
