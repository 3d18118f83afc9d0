-- An item's timeline reads the audit trail by the object changed ("tip:42").
CREATE INDEX audit_log_object ON audit_log (object, seq);
