DROP INDEX audit_log_object;
