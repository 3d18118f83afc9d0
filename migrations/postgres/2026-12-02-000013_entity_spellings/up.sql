-- An agency's name as the first tip and as the first case wrote it: a reader is shown the
-- spelling of a kind of report they work, never another kind's words. The entities recorded
-- before are read again by the server's background pass, which fills these in.
ALTER TABLE entities ADD COLUMN display_tip BYTEA;
ALTER TABLE entities ADD COLUMN display_case BYTEA;
INSERT INTO entity_backlog (kind, item_id)
SELECT 'tip', id FROM tips
WHERE wiped_on IS NULL
  AND NOT EXISTS (SELECT 1 FROM entity_backlog b WHERE b.kind = 'tip' AND b.item_id = tips.id);
INSERT INTO entity_backlog (kind, item_id)
SELECT 'case', id FROM cases
WHERE wiped_on IS NULL
  AND NOT EXISTS (SELECT 1 FROM entity_backlog b WHERE b.kind = 'case' AND b.item_id = cases.id);
