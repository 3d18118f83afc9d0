//! Sanad's server. `startup` assembles the actix-web application (the same one the tests run);
//! `routes` holds one module per API area; `db` picks SQLite or PostgreSQL from the URL.

pub mod anonymous;
pub mod articles;
pub mod attachments;
pub mod audit;
pub mod auth;
pub mod backup;
pub mod cases;
pub mod cli;
pub mod client;
pub mod config;
pub mod crypto;
pub mod db;
pub mod entities;
pub mod error;
pub mod evidence;
pub mod exchange;
pub mod exports;
pub mod frontend;
pub mod group_commit;
pub mod json_body;
pub mod keys;
pub mod locales;
pub mod mail;
pub mod markdown;
pub mod metrics;
pub mod names;
pub mod notify;
pub mod openapi;
pub mod pfif;
pub mod pow;
pub mod public_pages;
pub mod query_params;
pub mod rotation;
pub mod routes;
pub mod saved_views;
pub mod schema;
pub mod settings;
pub mod startup;
pub mod statistics;
pub mod telemetry;
pub mod tips;
pub mod translations;
pub mod triage;

#[cfg(test)]
mod layering;
