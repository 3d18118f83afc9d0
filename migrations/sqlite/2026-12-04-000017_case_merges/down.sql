DROP TABLE case_merges;
