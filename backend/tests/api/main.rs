//! End-to-end tests of the HTTP API: each test starts the real server on a random port with a
//! fresh database (SQLite by default, PostgreSQL when `SANAD_TEST_DB=postgres`) and speaks HTTP.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod access_control;
mod articles;
mod audit;
mod backup;
mod cases;
mod cli;
mod database;
mod deploy;
mod entities;
mod errors;
mod evidence;
mod exchange;
mod exports;
mod frontend;
mod health;
mod helpers;
mod instances;
mod languages;
mod metrics;
mod openapi;
mod pow;
mod process;
mod public_forms;
mod rotation;
mod security;
mod site;
mod smtp;
mod staff;
mod statistics;
mod tips;
mod translations;
mod triage;
