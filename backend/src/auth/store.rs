//! Staff accounts, one-time links and sessions in the database.

use diesel::{prelude::*, result::DatabaseErrorKind, Connection};
use sanad_shared::{
    staff::{Email, LinkPurpose, Role, StaffProfile},
    Language,
};

use crate::{
    audit::now_ms,
    auth::tokens::{random_id, random_secret, sha256_hex},
    crypto::Sealer,
    db::{DbConnection, DbError},
    schema::{staff, staff_links, staff_roles, staff_sessions, staff_spent_refresh},
};

/// A one-time link is good for 48 hours.
pub const LINK_TTL_MS: i64 = 48 * 3600 * 1000;
/// A mailed sign-in link is for the sign-in happening now.
pub const UNLOCK_TTL_MS: i64 = 30 * 60 * 1000;
/// At most one sign-in link per account in this long, so no one fills an inbox with them.
pub const UNLOCK_RESEND_MS: i64 = 5 * 60 * 1000;
/// A session ends 12 hours after login, whatever happens.
pub const SESSION_ABSOLUTE_MS: i64 = 12 * 3600 * 1000;
/// … and after 30 minutes without a request.
pub const SESSION_IDLE_MS: i64 = 30 * 60 * 1000;
/// Consecutive failed logins that lock an account, and for how long.
pub const LOCK_AFTER_FAILURES: i32 = 10;
pub const LOCK_MS: i64 = 15 * 60 * 1000;

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = staff)]
pub struct StaffRow {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub language: String,
    pub password_hash: Option<String>,
    pub totp_secret: Option<String>,
    pub totp_pending_secret: Option<String>,
    pub totp_last_step: Option<i64>,
    pub active: bool,
    pub failed_logins: i32,
    pub locked_until_ms: Option<i64>,
    pub created_at_ms: i64,
}

impl StaffRow {
    pub fn locked(&self, now: i64) -> bool {
        self.locked_until_ms.is_some_and(|until| until > now)
    }

    /// The row with its email and TOTP secrets opened (they are sealed at rest).
    fn opened(self, sealer: &Sealer) -> Result<StaffRow, StoreError> {
        self.opened_with(|stored, context| {
            sealer
                .open_column(stored, context)
                .map_err(|_| StoreError::Sealed)
        })
    }

    /// The row with its email and TOTP secrets as `open` reads them, given each stored value
    /// and the context it is sealed under.
    fn opened_with<E>(
        mut self,
        open: impl Fn(&str, &str) -> Result<String, E>,
    ) -> Result<StaffRow, E> {
        let open = |stored: &str, field: &str| open(stored, &staff_context(&self.id, field));
        let email = open(&self.email, "email")?;
        let totp = self
            .totp_secret
            .as_deref()
            .map(|s| open(s, "totp"))
            .transpose()?;
        let pending = self
            .totp_pending_secret
            .as_deref()
            .map(|s| open(s, "totp"))
            .transpose()?;
        self.email = email;
        self.totp_secret = totp;
        self.totp_pending_secret = pending;
        Ok(self)
    }
}

/// What a sealed staff value is bound to. The pending and the confirmed TOTP secret share one
/// context, because confirming copies the one into the other inside the database.
fn staff_context(id: &str, field: &str) -> String {
    format!("staff:{id}:{field}")
}

/// The keyed index an email is found by at sign-in, its normalised form (`Email::parse`).
pub fn email_index(sealer: &Sealer, normalised: &str) -> Result<String, StoreError> {
    sealer
        .blind_index("staff-email", normalised)
        .map_err(|_| StoreError::Sealed)
}

/// Seals the emails and TOTP secrets written before they were sealed at rest, and gives each
/// email its index. Run at start and by commands that add staff; returns how many rows it
/// sealed (0 once every row is).
pub fn seal_at_rest(conn: &mut DbConnection, sealer: &Sealer) -> Result<usize, StoreError> {
    crate::db::write_transaction(conn, |conn| {
        let rows: Vec<StaffRow> = staff::table
            .filter(staff::email_index.is_null())
            .select(StaffRow::as_select())
            .load(conn)?;
        let sealed = rows.len();
        for row in rows {
            store_sealed(conn, sealer, &row.opened(sealer)?)?;
        }
        Ok(sealed)
    })
}

/// Writes an opened row's email and TOTP secrets sealed under `sealer`, with the email's index.
fn store_sealed(
    conn: &mut DbConnection,
    sealer: &Sealer,
    row: &StaffRow,
) -> Result<(), StoreError> {
    let seal = |text: &str, field: &str| {
        sealer
            .seal_column(text, &staff_context(&row.id, field))
            .map_err(|_| StoreError::Sealed)
    };
    diesel::update(staff::table.find(&row.id))
        .set((
            staff::email.eq(seal(&row.email, "email")?),
            staff::email_index.eq(email_index(sealer, &row.email)?),
            staff::totp_secret.eq(row
                .totp_secret
                .as_deref()
                .map(|s| seal(s, "totp"))
                .transpose()?),
            staff::totp_pending_secret.eq(row
                .totp_pending_secret
                .as_deref()
                .map(|s| seal(s, "totp"))
                .transpose()?),
        ))
        .execute(conn)?;
    Ok(())
}

/// Every staff row's email and TOTP secrets sealed again, and its email index computed again,
/// under the rotation's new key (`sanad rotate-key`). A row a crashed run already did opens
/// under the new key and is done again the same way.
pub fn rekey(conn: &mut DbConnection, rekey: &crate::rotation::Rekey) -> anyhow::Result<usize> {
    let rows: Vec<StaffRow> = staff::table.select(StaffRow::as_select()).load(conn)?;
    let count = rows.len();
    for row in rows {
        let row = row.opened_with(|stored, context| rekey.open_column(stored, context))?;
        store_sealed(conn, &rekey.new, &row)?;
    }
    Ok(count)
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("a staff member with this email exists")]
    EmailTaken,
    #[error("no such staff member")]
    NotFound,
    #[error("the link is unknown, used or expired")]
    LinkInvalid,
    #[error("at least one active admin must remain")]
    LastAdmin,
    #[error("a sealed staff value did not open (wrong key or moved data)")]
    Sealed,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for StoreError {
    fn from(error: diesel::result::Error) -> Self {
        match error {
            diesel::result::Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => {
                StoreError::EmailTaken
            }
            diesel::result::Error::NotFound => StoreError::NotFound,
            other => StoreError::Db(DbError::Query(other)),
        }
    }
}

pub fn create_staff(
    conn: &mut DbConnection,
    sealer: &Sealer,
    email: &Email,
    display_name: &str,
    language: Language,
    roles: &[Role],
) -> Result<StaffRow, StoreError> {
    conn.transaction(|conn| {
        let id = random_id();
        let sealed_email = sealer
            .seal_column(email.as_str(), &staff_context(&id, "email"))
            .map_err(|_| StoreError::Sealed)?;
        diesel::insert_into(staff::table)
            .values((
                staff::id.eq(&id),
                staff::email.eq(sealed_email),
                staff::email_index.eq(email_index(sealer, email.as_str())?),
                staff::display_name.eq(display_name.trim()),
                staff::language.eq(language.code()),
                staff::active.eq(true),
                staff::failed_logins.eq(0),
                staff::created_at_ms.eq(now_ms()),
            ))
            .execute(conn)?;
        set_roles_unchecked(conn, &id, roles)?;
        staff::table
            .find(&id)
            .select(StaffRow::as_select())
            .first(conn)?
            .opened(sealer)
    })
}

fn set_roles_unchecked(
    conn: &mut DbConnection,
    id: &str,
    roles: &[Role],
) -> Result<(), StoreError> {
    diesel::delete(staff_roles::table.filter(staff_roles::staff_id.eq(id))).execute(conn)?;
    let mut unique: Vec<Role> = roles.to_vec();
    unique.sort();
    unique.dedup();
    for role in unique {
        diesel::insert_into(staff_roles::table)
            .values((
                staff_roles::staff_id.eq(id),
                staff_roles::role.eq(role.as_str()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Replaces a person's roles; refuses to leave the service without an admin who can sign in.
pub fn set_roles(conn: &mut DbConnection, id: &str, roles: &[Role]) -> Result<(), StoreError> {
    crate::db::write_transaction(conn, |conn| {
        stored_by_id(conn, id)?.ok_or(StoreError::NotFound)?;
        set_roles_unchecked(conn, id, roles)?;
        if admins_who_can_sign_in(conn)? == 0 {
            return Err(StoreError::LastAdmin);
        }
        Ok(())
    })
}

pub fn set_active(conn: &mut DbConnection, id: &str, active: bool) -> Result<(), StoreError> {
    conn.transaction(|conn| {
        let updated = diesel::update(staff::table.find(id))
            .set(staff::active.eq(active))
            .execute(conn)?;
        if updated == 0 {
            return Err(StoreError::NotFound);
        }
        if !active {
            if admins_who_can_sign_in(conn)? == 0 {
                return Err(StoreError::LastAdmin);
            }
            revoke_all_sessions(conn, id)?;
        }
        Ok(())
    })
}

/// An invited admin who has not chosen a password yet cannot sign in, so does not count.
fn admins_who_can_sign_in(conn: &mut DbConnection) -> Result<i64, StoreError> {
    Ok(staff::table
        .inner_join(staff_roles::table)
        .filter(staff::active.eq(true))
        .filter(staff::password_hash.is_not_null())
        .filter(staff_roles::role.eq(Role::Admin.as_str()))
        .count()
        .get_result(conn)?)
}

/// Where mail for admins goes: every admin who can sign in.
pub struct AdminMailbox {
    pub email: sanad_shared::staff::Email,
    pub display_name: String,
    pub language: sanad_shared::Language,
}

pub fn admin_mailboxes(
    conn: &mut DbConnection,
    sealer: &Sealer,
) -> Result<Vec<AdminMailbox>, StoreError> {
    mailboxes(conn, sealer, Role::Admin)
}

/// Every active person with `role` who can sign in, with their email opened.
pub fn mailboxes(
    conn: &mut DbConnection,
    sealer: &Sealer,
    role: Role,
) -> Result<Vec<AdminMailbox>, StoreError> {
    let rows: Vec<(String, String, String, String)> = staff::table
        .inner_join(staff_roles::table)
        .filter(staff::active.eq(true))
        .filter(staff::password_hash.is_not_null())
        .filter(staff_roles::role.eq(role.as_str()))
        .select((
            staff::id,
            staff::email,
            staff::display_name,
            staff::language,
        ))
        .load(conn)?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, email, display_name, language) in rows {
        let email = sealer
            .open_column(&email, &staff_context(&id, "email"))
            .map_err(|_| StoreError::Sealed)?;
        if let Ok(email) = sanad_shared::staff::Email::parse(&email) {
            out.push(AdminMailbox {
                email,
                display_name,
                language: language.parse().unwrap_or(sanad_shared::Language::Ar),
            });
        }
    }
    Ok(out)
}

pub fn count_staff(conn: &mut DbConnection) -> Result<i64, StoreError> {
    Ok(staff::table.count().get_result(conn)?)
}

/// The person with this (normalised) email, found by its keyed index; a row from before
/// sealing, not yet given its index, is found by the email itself.
pub fn find_by_email(
    conn: &mut DbConnection,
    sealer: &Sealer,
    email: &str,
) -> Result<Option<StaffRow>, StoreError> {
    let index = email_index(sealer, email)?;
    staff::table
        .filter(
            staff::email_index
                .eq(index)
                .or(staff::email_index.is_null().and(staff::email.eq(email))),
        )
        .select(StaffRow::as_select())
        .first(conn)
        .optional()?
        .map(|row| row.opened(sealer))
        .transpose()
}

pub fn find_by_id(
    conn: &mut DbConnection,
    sealer: &Sealer,
    id: &str,
) -> Result<Option<StaffRow>, StoreError> {
    stored_by_id(conn, id)?
        .map(|row| row.opened(sealer))
        .transpose()
}

/// The row as stored, its email and TOTP secrets sealed: for checks that read neither.
fn stored_by_id(conn: &mut DbConnection, id: &str) -> Result<Option<StaffRow>, StoreError> {
    Ok(staff::table
        .find(id)
        .select(StaffRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn roles_of(conn: &mut DbConnection, id: &str) -> Result<Vec<Role>, StoreError> {
    let names: Vec<String> = staff_roles::table
        .filter(staff_roles::staff_id.eq(id))
        .select(staff_roles::role)
        .load(conn)?;
    let mut roles: Vec<Role> = names.iter().filter_map(|n| n.parse().ok()).collect();
    roles.sort();
    Ok(roles)
}

pub fn profile(conn: &mut DbConnection, row: &StaffRow) -> Result<StaffProfile, StoreError> {
    Ok(StaffProfile {
        id: row.id.clone(),
        email: Email::parse(&row.email).map_err(|_| StoreError::NotFound)?,
        display_name: row.display_name.clone(),
        language: Language::parse(&row.language).unwrap_or(Language::DEFAULT),
        roles: roles_of(conn, &row.id)?,
        totp_enabled: row.totp_secret.is_some(),
        active: row.active,
        password_set: row.password_hash.is_some(),
    })
}

pub fn list(conn: &mut DbConnection, sealer: &Sealer) -> Result<Vec<StaffProfile>, StoreError> {
    let rows: Vec<StaffRow> = staff::table.select(StaffRow::as_select()).load(conn)?;
    let mut rows = rows
        .into_iter()
        .map(|row| row.opened(sealer))
        .collect::<Result<Vec<_>, _>>()?;
    // Sealed emails cannot be ordered by the database.
    rows.sort_by(|a, b| a.email.cmp(&b.email));
    rows.iter().map(|row| profile(conn, row)).collect()
}

/// Makes a single-use link and returns its secret, the only time it exists in clear.
pub fn create_link(
    conn: &mut DbConnection,
    staff_id: &str,
    purpose: LinkPurpose,
) -> Result<String, StoreError> {
    let secret = random_secret();
    diesel::insert_into(staff_links::table)
        .values((
            staff_links::token_hash.eq(sha256_hex(&secret)),
            staff_links::staff_id.eq(staff_id),
            staff_links::purpose.eq(purpose.as_str()),
            staff_links::expires_at_ms.eq(now_ms()
                + match purpose {
                    LinkPurpose::Unlock => UNLOCK_TTL_MS,
                    LinkPurpose::Invite | LinkPurpose::Reset => LINK_TTL_MS,
                }),
        ))
        .execute(conn)?;
    Ok(secret)
}

/// The account and purpose of an unused, unexpired link that sets a password (an invitation or
/// a reset; a sign-in link never does).
pub fn open_link(
    conn: &mut DbConnection,
    sealer: &Sealer,
    secret: &str,
) -> Result<(StaffRow, LinkPurpose), StoreError> {
    let (staff_id, purpose): (String, String) = staff_links::table
        .filter(staff_links::token_hash.eq(sha256_hex(secret)))
        .filter(staff_links::used_at_ms.is_null())
        .filter(staff_links::expires_at_ms.gt(now_ms()))
        .select((staff_links::staff_id, staff_links::purpose))
        .first(conn)
        .optional()?
        .ok_or(StoreError::LinkInvalid)?;
    let row = find_by_id(conn, sealer, &staff_id)?
        .filter(|r| r.active)
        .ok_or(StoreError::LinkInvalid)?;
    let purpose = match purpose.as_str() {
        "reset" => LinkPurpose::Reset,
        "invite" => LinkPurpose::Invite,
        _ => return Err(StoreError::LinkInvalid),
    };
    Ok((row, purpose))
}

/// Whether a sign-in link went to this account within [`UNLOCK_RESEND_MS`].
pub fn unlock_link_sent_recently(
    conn: &mut DbConnection,
    staff_id: &str,
) -> Result<bool, StoreError> {
    let sent: i64 = staff_links::table
        .filter(staff_links::staff_id.eq(staff_id))
        .filter(staff_links::purpose.eq(LinkPurpose::Unlock.as_str()))
        .filter(staff_links::expires_at_ms.gt(now_ms() + UNLOCK_TTL_MS - UNLOCK_RESEND_MS))
        .count()
        .get_result(conn)?;
    Ok(sent > 0)
}

/// Uses this account's sign-in link: true once per link, while it is unexpired.
pub fn claim_unlock_link(
    conn: &mut DbConnection,
    staff_id: &str,
    secret: &str,
) -> Result<bool, StoreError> {
    let claimed = diesel::update(
        staff_links::table
            .filter(staff_links::token_hash.eq(sha256_hex(secret)))
            .filter(staff_links::staff_id.eq(staff_id))
            .filter(staff_links::purpose.eq(LinkPurpose::Unlock.as_str()))
            .filter(staff_links::used_at_ms.is_null())
            .filter(staff_links::expires_at_ms.gt(now_ms())),
    )
    .set(staff_links::used_at_ms.eq(now_ms()))
    .execute(conn)?;
    Ok(claimed == 1)
}

/// Uses a link to set a password: marks it used (once, even under concurrent requests), sets the
/// hash, clears any lock, and ends every session of the account.
pub fn use_link(
    conn: &mut DbConnection,
    sealer: &Sealer,
    secret: &str,
    password_hash: &str,
) -> Result<StaffRow, StoreError> {
    crate::db::write_transaction(conn, |conn| {
        let (row, _) = open_link(conn, sealer, secret)?;
        let now = now_ms();
        let claimed = diesel::update(
            staff_links::table
                .filter(staff_links::token_hash.eq(sha256_hex(secret)))
                .filter(staff_links::used_at_ms.is_null()),
        )
        .set(staff_links::used_at_ms.eq(now))
        .execute(conn)?;
        if claimed != 1 {
            return Err(StoreError::LinkInvalid);
        }
        set_password(conn, &row.id, password_hash)?;
        Ok(row)
    })
}

/// Stores a new password hash, unlocks the account and revokes its sessions.
pub fn set_password(
    conn: &mut DbConnection,
    id: &str,
    password_hash: &str,
) -> Result<(), StoreError> {
    diesel::update(staff::table.find(id))
        .set((
            staff::password_hash.eq(password_hash),
            staff::failed_logins.eq(0),
            staff::locked_until_ms.eq(None::<i64>),
        ))
        .execute(conn)?;
    revoke_all_sessions(conn, id)
}

/// An upgraded hash of the same password (stronger parameters); sessions stay.
pub fn upgrade_hash(
    conn: &mut DbConnection,
    id: &str,
    password_hash: &str,
) -> Result<(), StoreError> {
    diesel::update(staff::table.find(id))
        .set(staff::password_hash.eq(password_hash))
        .execute(conn)?;
    Ok(())
}

/// Counts a failed login; returns whether the account is now locked.
pub fn record_failure(conn: &mut DbConnection, id: &str) -> Result<bool, StoreError> {
    conn.transaction(|conn| {
        diesel::update(staff::table.find(id))
            .set(staff::failed_logins.eq(staff::failed_logins + 1))
            .execute(conn)?;
        let failures: i32 = staff::table
            .find(id)
            .select(staff::failed_logins)
            .first(conn)?;
        if failures >= LOCK_AFTER_FAILURES {
            diesel::update(staff::table.find(id))
                .set((
                    staff::locked_until_ms.eq(now_ms() + LOCK_MS),
                    staff::failed_logins.eq(0),
                ))
                .execute(conn)?;
            return Ok(true);
        }
        Ok(false)
    })
}

pub fn clear_failures(conn: &mut DbConnection, id: &str) -> Result<(), StoreError> {
    diesel::update(staff::table.find(id))
        .set((
            staff::failed_logins.eq(0),
            staff::locked_until_ms.eq(None::<i64>),
        ))
        .execute(conn)?;
    Ok(())
}

/// A new session; returns its id and the refresh token (`<id>.<secret>`) for the cookie.
pub fn create_session(
    conn: &mut DbConnection,
    staff_id: &str,
) -> Result<(String, String), StoreError> {
    let id = random_id();
    let secret = random_secret();
    let now = now_ms();
    diesel::insert_into(staff_sessions::table)
        .values((
            staff_sessions::id.eq(&id),
            staff_sessions::staff_id.eq(staff_id),
            staff_sessions::refresh_hash.eq(sha256_hex(&secret)),
            staff_sessions::created_at_ms.eq(now),
            staff_sessions::last_seen_ms.eq(now),
        ))
        .execute(conn)?;
    Ok((id.clone(), format!("{id}.{secret}")))
}

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = staff_sessions)]
pub struct SessionRow {
    pub id: String,
    pub staff_id: String,
    pub refresh_hash: String,
    pub created_at_ms: i64,
    pub last_seen_ms: i64,
    pub revoked_at_ms: Option<i64>,
}

impl SessionRow {
    pub fn live(&self, now: i64) -> bool {
        self.revoked_at_ms.is_none()
            && now - self.created_at_ms < SESSION_ABSOLUTE_MS
            && now - self.last_seen_ms < SESSION_IDLE_MS
    }
}

/// What a live session may do now.
#[derive(Clone, Debug)]
pub struct SessionCheck {
    pub roles: Vec<Role>,
    /// The admins require TOTP and this account has not set it up yet.
    pub totp_missing: bool,
}

/// A live session of an active account, touched (so its idle timer restarts), with the
/// account's current roles; `None` otherwise.
pub fn check_session(
    conn: &mut DbConnection,
    session_id: &str,
    staff_id: &str,
) -> Result<Option<SessionCheck>, StoreError> {
    let now = now_ms();
    let Some(session) = staff_sessions::table
        .find(session_id)
        .select(SessionRow::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(None);
    };
    if session.staff_id != staff_id || !session.live(now) {
        return Ok(None);
    }
    let Some(row) = stored_by_id(conn, staff_id)?.filter(|row| row.active) else {
        return Ok(None);
    };
    // One write a minute at most per session, not one per request.
    if now - session.last_seen_ms > 60_000 {
        diesel::update(staff_sessions::table.find(session_id))
            .set(staff_sessions::last_seen_ms.eq(now))
            .execute(conn)?;
    }
    let totp_missing =
        row.totp_secret.is_none() && crate::settings::flag(conn, crate::settings::REQUIRE_TOTP)?;
    Ok(Some(SessionCheck {
        roles: roles_of(conn, staff_id)?,
        totp_missing,
    }))
}

/// Starts TOTP enrolment with a new pending secret (replacing any earlier pending one).
pub fn set_pending_totp(
    conn: &mut DbConnection,
    sealer: &Sealer,
    id: &str,
    secret: &str,
) -> Result<(), StoreError> {
    let sealed = sealer
        .seal_column(secret, &staff_context(id, "totp"))
        .map_err(|_| StoreError::Sealed)?;
    diesel::update(staff::table.find(id))
        .set(staff::totp_pending_secret.eq(sealed))
        .execute(conn)?;
    Ok(())
}

/// Makes the pending secret the account's TOTP secret, with the step of the code that proved it.
pub fn confirm_totp(conn: &mut DbConnection, id: &str, step: i64) -> Result<(), StoreError> {
    diesel::update(
        staff::table
            .find(id)
            .filter(staff::totp_pending_secret.is_not_null()),
    )
    .set((
        staff::totp_secret.eq(staff::totp_pending_secret),
        staff::totp_pending_secret.eq(None::<String>),
        staff::totp_last_step.eq(step),
    ))
    .execute(conn)?;
    Ok(())
}

pub fn disable_totp(conn: &mut DbConnection, id: &str) -> Result<(), StoreError> {
    diesel::update(staff::table.find(id))
        .set((
            staff::totp_secret.eq(None::<String>),
            staff::totp_pending_secret.eq(None::<String>),
            staff::totp_last_step.eq(None::<i64>),
        ))
        .execute(conn)?;
    Ok(())
}

/// Records the step of an accepted login code, only if it is newer than the last one: two
/// concurrent logins with one code cannot both pass.
pub fn use_totp_step(conn: &mut DbConnection, id: &str, step: i64) -> Result<bool, StoreError> {
    let updated = diesel::update(
        staff::table.find(id).filter(
            staff::totp_last_step
                .is_null()
                .or(staff::totp_last_step.lt(step)),
        ),
    )
    .set(staff::totp_last_step.eq(step))
    .execute(conn)?;
    Ok(updated == 1)
}

#[derive(Debug, PartialEq, Eq)]
pub enum Rotation {
    /// The new refresh token, and the session's account.
    Rotated {
        token: String,
        session_id: String,
        staff_id: String,
    },
    /// Unknown, expired or revoked.
    Invalid,
    /// A refresh token that was already rotated came back: it was stolen or copied. The whole
    /// session is revoked.
    Replayed { staff_id: String },
}

pub fn rotate_refresh(conn: &mut DbConnection, token: &str) -> Result<Rotation, StoreError> {
    let Some((session_id, secret)) = token.split_once('.') else {
        return Ok(Rotation::Invalid);
    };
    crate::db::write_transaction(conn, |conn| {
        let Some(session) = staff_sessions::table
            .find(session_id)
            .select(SessionRow::as_select())
            .first(conn)
            .optional()?
        else {
            return Ok(Rotation::Invalid);
        };
        let presented = sha256_hex(secret);
        let now = now_ms();
        if presented != session.refresh_hash {
            let spent: i64 = staff_spent_refresh::table
                .filter(staff_spent_refresh::refresh_hash.eq(&presented))
                .filter(staff_spent_refresh::session_id.eq(session_id))
                .count()
                .get_result(conn)?;
            if spent > 0 {
                revoke_session(conn, session_id)?;
                return Ok(Rotation::Replayed {
                    staff_id: session.staff_id,
                });
            }
            return Ok(Rotation::Invalid);
        }
        if !session.live(now)
            || !stored_by_id(conn, &session.staff_id)?.is_some_and(|row| row.active)
        {
            return Ok(Rotation::Invalid);
        }
        let fresh = random_secret();
        diesel::insert_into(staff_spent_refresh::table)
            .values((
                staff_spent_refresh::refresh_hash.eq(&presented),
                staff_spent_refresh::session_id.eq(session_id),
            ))
            .execute(conn)?;
        diesel::update(staff_sessions::table.find(session_id))
            .set((
                staff_sessions::refresh_hash.eq(sha256_hex(&fresh)),
                staff_sessions::last_seen_ms.eq(now),
            ))
            .execute(conn)?;
        Ok(Rotation::Rotated {
            token: format!("{session_id}.{fresh}"),
            session_id: session_id.to_owned(),
            staff_id: session.staff_id,
        })
    })
}

pub fn revoke_session(conn: &mut DbConnection, session_id: &str) -> Result<(), StoreError> {
    diesel::update(
        staff_sessions::table
            .find(session_id)
            .filter(staff_sessions::revoked_at_ms.is_null()),
    )
    .set(staff_sessions::revoked_at_ms.eq(now_ms()))
    .execute(conn)?;
    Ok(())
}

pub fn revoke_all_sessions(conn: &mut DbConnection, staff_id: &str) -> Result<(), StoreError> {
    diesel::update(
        staff_sessions::table
            .filter(staff_sessions::staff_id.eq(staff_id))
            .filter(staff_sessions::revoked_at_ms.is_null()),
    )
    .set(staff_sessions::revoked_at_ms.eq(now_ms()))
    .execute(conn)?;
    Ok(())
}

/// The session id inside a refresh token, for logout.
pub fn session_of_refresh(token: &str) -> Option<&str> {
    token.split_once('.').map(|(id, _)| id)
}
