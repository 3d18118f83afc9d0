DROP TABLE tip_attachments;
DROP TABLE tip_messages;
DROP TABLE tip_identifiers;
DROP TABLE tips;
