-- The phone numbers, accounts and agencies named in tips and cases, each once, so a family's
-- report and an anonymous tip that name the same recruiter meet. Like phones elsewhere, an
-- entity is found by a keyed blind index of its normalised value; what people wrote is sealed.
CREATE TABLE entities (
    id INTEGER PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    blind_index TEXT NOT NULL,
    -- Sealed: the value as first written.
    display BLOB NOT NULL,
    -- Another spelling of this entity (agencies only), merged by staff and split off at will.
    merged_into BIGINT REFERENCES entities (id),
    UNIQUE (kind, blind_index)
);
CREATE INDEX entities_merged ON entities (merged_into);

-- Which report names which entity: one row per report, however often it names it, so a count
-- of rows is a count of independent sources.
CREATE TABLE entity_mentions (
    entity_id BIGINT NOT NULL REFERENCES entities (id),
    kind TEXT NOT NULL,
    item_id BIGINT NOT NULL,
    PRIMARY KEY (entity_id, kind, item_id)
);
CREATE INDEX entity_mentions_item ON entity_mentions (kind, item_id, entity_id);

-- Reports that arrived before entities were kept: their sealed content has to be read with the
-- key, which only the running server has, so its background pass empties this list.
CREATE TABLE entity_backlog (
    kind TEXT NOT NULL,
    item_id BIGINT NOT NULL,
    PRIMARY KEY (kind, item_id)
);
INSERT INTO entity_backlog (kind, item_id) SELECT 'tip', id FROM tips WHERE wiped_on IS NULL;
INSERT INTO entity_backlog (kind, item_id) SELECT 'case', id FROM cases WHERE wiped_on IS NULL;
