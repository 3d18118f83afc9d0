DROP TABLE translation_reviews;
