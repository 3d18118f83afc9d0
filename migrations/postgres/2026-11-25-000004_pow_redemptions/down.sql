DROP TABLE pow_redemptions;
