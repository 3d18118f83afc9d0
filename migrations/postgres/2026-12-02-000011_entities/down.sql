DROP TABLE entity_backlog;
DROP TABLE entity_mentions;
DROP TABLE entities;
