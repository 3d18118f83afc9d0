-- Awareness campaigns and articles. Everything here is meant to be public once published; what
-- is kept about readers is only a count per article, language and day (article_reads).

-- Campaigns group articles under a title (JSON: [{"language": "ar", "text": "…"}]) and a period.
CREATE TABLE campaigns (
    id BIGSERIAL PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    titles TEXT NOT NULL,
    period_start TEXT,
    period_end TEXT,
    -- Hash of the seed content this row was last loaded from; NULL for campaigns made by editors.
    seed_hash TEXT,
    created_at_ms BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL
);

-- Pictures uploaded by editors, metadata removed. The id is the content hash and extension, so
-- a URL never changes meaning and can be cached for a year.
CREATE TABLE media (
    id TEXT PRIMARY KEY NOT NULL,
    mime TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    size_bytes INTEGER NOT NULL,
    data BYTEA NOT NULL,
    uploaded_by TEXT,
    created_at_ms BIGINT NOT NULL
);

CREATE TABLE articles (
    id BIGSERIAL PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    category TEXT NOT NULL,
    campaign_id BIGINT REFERENCES campaigns (id),
    status TEXT NOT NULL,
    featured BOOLEAN NOT NULL,
    -- Readers see the article when it is published and this time has come.
    publish_at_ms BIGINT,
    -- Seeded texts wait for a native speaker's review.
    needs_review BOOLEAN NOT NULL,
    review_note TEXT,
    -- Goes up with every change; editors send it back to detect concurrent edits.
    revision BIGINT NOT NULL,
    -- Hash of everything editors control, and of the seed content it was last loaded from:
    -- `sanad seed` updates an article only while the two are equal (no editor changed it).
    content_hash TEXT NOT NULL,
    seed_hash TEXT,
    created_at_ms BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL
);
CREATE INDEX articles_listing ON articles (status, featured, publish_at_ms);
CREATE INDEX articles_campaign ON articles (campaign_id);

-- The text in each language: Markdown, rendered and sanitised when served.
CREATE TABLE article_translations (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    body TEXT NOT NULL,
    image_id TEXT REFERENCES media (id),
    image_alt TEXT,
    updated_at_ms BIGINT NOT NULL,
    PRIMARY KEY (article_id, language)
);

-- Who changed what: one row per change, with the changed part as it was afterwards (JSON).
CREATE TABLE article_revisions (
    id BIGSERIAL PRIMARY KEY NOT NULL,
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    revision BIGINT NOT NULL,
    at_ms BIGINT NOT NULL,
    staff_id TEXT,
    author TEXT NOT NULL,
    kind TEXT NOT NULL,
    language TEXT,
    fields TEXT NOT NULL,
    snapshot TEXT NOT NULL,
    UNIQUE (article_id, revision)
);

-- Reads counted without tracking: per article, language and day, nothing about the reader.
CREATE TABLE article_reads (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    day TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (article_id, language, day)
);
