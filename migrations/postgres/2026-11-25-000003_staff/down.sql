DROP TABLE staff_spent_refresh;
DROP TABLE staff_sessions;
DROP TABLE staff_links;
DROP TABLE staff_roles;
DROP TABLE staff;
