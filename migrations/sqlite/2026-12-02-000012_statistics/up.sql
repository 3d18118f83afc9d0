-- The statistics count reports by day of arrival, governorate, status and day of first look,
-- and tips by subject, over a period: each from one walk of an index that holds every column
-- it reads, without touching the rows (which hold the sealed content).
CREATE INDEX triage_statistics ON triage (kind, received_on, governorate, status, first_look_on);
CREATE INDEX tips_statistics ON tips (received_on, subject);
