//! One module per area of the API. Handlers stay thin: they parse, call a domain function or
//! repository, and shape the answer.

pub mod health;
pub mod languages;
