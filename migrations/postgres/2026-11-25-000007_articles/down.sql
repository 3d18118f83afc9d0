DROP TABLE article_reads;
DROP TABLE article_revisions;
DROP TABLE article_translations;
DROP TABLE articles;
DROP TABLE media;
DROP TABLE campaigns;
