DROP TABLE saved_views;
DROP INDEX triage_overview;
