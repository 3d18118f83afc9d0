-- A partner's PFIF person record as last accepted (sealed PFIF XML, notes apart), so every field
-- it carried, shown or not, goes out again unchanged; and its expiry in clear, so retention finds
-- the records a partner asked to be deleted without opening any. Cases authored here have none.
CREATE TABLE case_pfif (
    case_id BIGINT PRIMARY KEY NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    person BLOB NOT NULL,
    expiry_ms BIGINT
);
CREATE INDEX case_pfif_expiry ON case_pfif (expiry_ms);
-- A partner's PFIF note as received (sealed PFIF XML): its ids, links and contact fields.
ALTER TABLE case_notes ADD COLUMN pfif_note BLOB;
