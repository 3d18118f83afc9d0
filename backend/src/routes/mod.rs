//! One module per area of the API. Handlers stay thin: they parse, call a domain function or
//! repository, and shape the answer.

pub mod articles;
pub mod audit;
pub mod auth;
pub mod cases;
pub mod challenges;
pub mod editor;
pub mod health;
pub mod languages;
pub mod me;
pub mod moderation;
pub mod settings;
pub mod staff;
pub mod tips;
pub mod uploads;

use actix_web::web;

use crate::{
    db::{self, DbConnection, DbError},
    error::ApiError,
};

/// Runs `work` on a pooled connection on the blocking pool, so queries never stall the async
/// workers.
pub async fn with_db<T, F>(pool: &web::Data<db::Pool>, work: F) -> Result<T, ApiError>
where
    F: FnOnce(&mut DbConnection) -> Result<T, ApiError> + Send + 'static,
    T: Send + 'static,
{
    let pool = pool.clone();
    web::block(move || {
        let mut conn = pool.get().map_err(DbError::from)?;
        work(&mut conn)
    })
    .await?
}
