//! Instance-wide settings that admins change at run time, shared by every instance through the
//! database.

use diesel::{prelude::*, Connection};

use crate::{
    db::{DbConnection, DbError},
    schema::settings,
};

/// Every staff member must use TOTP.
pub const REQUIRE_TOTP: &str = "require_totp";

pub fn get(conn: &mut DbConnection, key: &str) -> Result<Option<String>, DbError> {
    Ok(settings::table
        .find(key)
        .select(settings::value)
        .first(conn)
        .optional()?)
}

pub fn flag(conn: &mut DbConnection, key: &str) -> Result<bool, DbError> {
    Ok(get(conn, key)?.as_deref() == Some("true"))
}

/// Sets `key`. Delete-then-insert in one transaction: the same SQL on both databases.
pub fn set(conn: &mut DbConnection, key: &str, value: &str) -> Result<(), DbError> {
    conn.transaction(|conn| {
        diesel::delete(settings::table.find(key)).execute(conn)?;
        diesel::insert_into(settings::table)
            .values((settings::key.eq(key), settings::value.eq(value)))
            .execute(conn)?;
        Ok(())
    })
}
