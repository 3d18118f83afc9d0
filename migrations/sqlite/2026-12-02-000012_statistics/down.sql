DROP INDEX tips_statistics;
DROP INDEX triage_statistics;
