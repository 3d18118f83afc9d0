//! Staff sign-in: login, refresh, logout, the signed-in person's profile, and the one-time links
//! that set a password (invitation, bootstrap, reset).

use actix_web::{
    cookie::{time::Duration as CookieDuration, Cookie, SameSite},
    web, HttpRequest, HttpResponse,
};
use sanad_shared::{
    api::ApiError as ApiErrorBody,
    staff::{Email, LinkInfo, LinkPurpose, LoginRequest, ResetRequest, SessionGrant, StaffProfile},
    Language,
};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::{
    audit::{self, now_ms, Actor, Entry},
    auth::{
        password::{self, PasswordHasher, Verified},
        store::{self, Rotation, SESSION_ABSOLUTE_MS},
        throttle::{Subjects, Throttle},
        tokens::{self, TokenKeys},
        totp, AnyStaff,
    },
    config::Site,
    crypto::Sealer,
    db,
    db::with_db,
    error::ApiError,
    locales::Locales,
    mail::{self, Mailer, StaffMail},
};

pub const REFRESH_COOKIE: &str = "sanad_refresh";
/// The refresh cookie goes only to the auth endpoints, never to the rest of the API.
pub const REFRESH_PATH: &str = "/api/v1/auth";

fn refresh_cookie(value: String) -> Cookie<'static> {
    Cookie::build(REFRESH_COOKIE, value)
        .path(REFRESH_PATH)
        .http_only(true)
        .secure(true)
        .same_site(SameSite::Strict)
        .max_age(CookieDuration::milliseconds(SESSION_ABSOLUTE_MS))
        .finish()
}

fn expired_cookie() -> Cookie<'static> {
    let mut cookie = refresh_cookie(String::new());
    cookie.make_removal();
    cookie
}

/// The attempt's throttle subjects (its email and its client), or how long to wait first.
pub(crate) async fn admit(
    throttle: &Throttle,
    email: &str,
    req: &HttpRequest,
) -> Result<Subjects, ApiError> {
    let subjects = throttle.subjects(email, crate::client::address(req));
    match throttle.check(&subjects).await? {
        Ok(()) => Ok(subjects),
        Err(wait) => Err(ApiError::TooManyAttempts {
            retry_after_secs: wait.as_secs().max(1),
        }),
    }
}

/// Whole seconds until an account's lock ends, at least one (a Retry-After of 0 means "now").
pub(crate) fn seconds_until(locked_until_ms: Option<i64>, now: i64) -> u64 {
    u64::try_from((locked_until_ms.unwrap_or(now) - now) / 1000)
        .unwrap_or(1)
        .max(1)
}

fn audit_entry(
    actor: Actor,
    action: &'static str,
    object: String,
    details: serde_json::Value,
) -> Entry {
    Entry {
        actor,
        action,
        object,
        details,
    }
}

/// Signs a staff member in. A wrong password, an unknown email and a deactivated account all
/// answer the same way after the same Argon2 work, so the answer never tells whether an email
/// belongs to staff.
///
/// An email being guessed at (slowed by the throttle, or its account locked after ten failures)
/// no longer opens with the right password alone, but does with the right password and the right
/// TOTP code: otherwise anyone who knows a staff email could keep its owner out by guessing. An
/// account without TOTP gets a sign-in link by mail when the right password arrives while it is
/// held, and opens with that link and the password. While held, every failure answers 429 alike,
/// so it never tells that the password was right.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "auth", request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in; the refresh token is set as an HttpOnly cookie", body = SessionGrant),
        (status = 401, description = "Wrong email or password, or a TOTP code is needed", body = ApiErrorBody),
        (status = 429, description = "Too many attempts; see Retry-After. The right password with the right TOTP code, or with a mailed sign-in link's secret, still signs in", body = ApiErrorBody),
    ))]
#[allow(clippy::too_many_arguments)] // one per extractor actix hands the handler
pub async fn login(
    req: HttpRequest,
    body: crate::json_body::Json<LoginRequest>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
    keys: web::Data<TokenKeys>,
    hasher: web::Data<PasswordHasher>,
    throttle: web::Data<Throttle>,
    mail: web::Data<SignInMail>,
    sealer: web::Data<Sealer>,
) -> Result<HttpResponse, ApiError> {
    let LoginRequest {
        email,
        password,
        totp_code,
        unlock,
    } = body.into_inner();
    let subjects = throttle.subjects(&email, crate::client::address(&req));
    let too_many = |wait: std::time::Duration| ApiError::TooManyAttempts {
        retry_after_secs: wait.as_secs().max(1),
    };
    // The email's wait, when it is held; a client's own wait is never passed.
    let held = match throttle.check(&subjects).await? {
        Ok(()) => None,
        Err(wait) => match throttle.check_client(&subjects).await? {
            Err(client_wait) => return Err(too_many(client_wait)),
            Ok(()) if totp_code.is_none() && unlock.is_none() => return Err(too_many(wait)),
            Ok(()) => Some(wait),
        },
    };
    let normalised = email.trim().to_lowercase();
    let opener = sealer.clone();
    let row = with_db(&pool, move |conn| {
        Ok(store::find_by_email(conn, &opener, &normalised)?)
    })
    .await?;
    let stored = row
        .as_ref()
        .filter(|r| r.active)
        .and_then(|r| r.password_hash.clone());
    let verdict = hasher.verify(password.clone(), stored).await?;
    let now = now_ms();
    let locked = row.as_ref().is_some_and(|r| r.locked(now));
    if held.is_some() || locked {
        let right_password = matches!(verdict, Verified::Correct { .. });
        let opened = match (&row, &totp_code, &unlock) {
            (Some(row), Some(code), _) if right_password => {
                second_factor_accepted(&pool, row, code).await?
            }
            (Some(row), None, Some(secret)) if right_password && row.totp_secret.is_none() => {
                let (id, secret) = (row.id.clone(), secret.clone());
                with_db(&pool, move |conn| {
                    Ok(store::claim_unlock_link(conn, &id, &secret)?)
                })
                .await?
            }
            _ => false,
        };
        if !opened {
            if let Some(row) = row
                .as_ref()
                .filter(|r| right_password && r.totp_secret.is_none())
            {
                // Only someone who knows the password gets here: its owner, most likely, kept
                // out by someone guessing. The mail also warns them if it was not them.
                mail.send_link(&pool, &seal, row.clone());
            }
            throttle.failed(&subjects).await?;
            let lock_left = match &row {
                Some(row) if locked => seconds_until(row.locked_until_ms, now),
                _ => 0,
            };
            let object = match &row {
                Some(row) => format!("staff:{}", row.id),
                None => "unknown_account".to_owned(),
            };
            with_db(&pool, move |conn| {
                audit::append(
                    conn,
                    &seal,
                    &audit_entry(Actor::System, "login_refused_locked", object, json!({})),
                )?;
                Ok(())
            })
            .await?;
            let held_secs = held.map(|w| w.as_secs()).unwrap_or_default();
            return Err(ApiError::TooManyAttempts {
                retry_after_secs: lock_left.max(held_secs).max(1),
            });
        }
    }
    match row {
        Some(row) if matches!(verdict, Verified::Correct { .. }) => {
            // While held, the code was checked above; otherwise it is asked for here.
            if held.is_none() && !locked && row.totp_secret.is_some() {
                let Some(code) = totp_code else {
                    // The password was right; the second factor is still missing. Not a failure.
                    return Err(ApiError::TotpRequired);
                };
                if !second_factor_accepted(&pool, &row, &code).await? {
                    return Err(failed_login(
                        &pool,
                        &seal,
                        &throttle,
                        &subjects,
                        Some(row.id.clone()),
                        "totp",
                    )
                    .await);
                }
            }
            throttle.succeeded(&subjects).await?;
            if matches!(verdict, Verified::Correct { rehash: true }) {
                let upgraded = hasher.hash(password).await?;
                let id = row.id.clone();
                with_db(&pool, move |conn| {
                    Ok(store::upgrade_hash(conn, &id, &upgraded)?)
                })
                .await?;
            }
            let id = row.id.clone();
            let (profile, session_id, refresh) = with_db(&pool, move |conn| {
                audit::audited(conn, |conn| {
                    store::clear_failures(conn, &id)?;
                    let (session_id, refresh) = store::create_session(conn, &id)?;
                    let profile = store::profile(conn, &row)?;
                    audit::append(
                        conn,
                        &seal,
                        &audit_entry(
                            Actor::Staff(id.clone()),
                            "login",
                            format!("staff:{id}"),
                            json!({ "session": session_id }),
                        ),
                    )?;
                    Ok((profile, session_id, refresh))
                })
            })
            .await?;
            grant(&keys, profile, &session_id, refresh)
        }
        row => Err(failed_login(
            &pool,
            &seal,
            &throttle,
            &subjects,
            row.map(|r| r.id),
            "password",
        )
        .await),
    }
}

/// What mailing a sign-in link needs, kept together so the login handler stays readable.
pub struct SignInMail {
    pub mailer: web::Data<Mailer>,
    pub locales: web::Data<Locales>,
    pub site: web::Data<Site>,
}

impl SignInMail {
    /// Mails a sign-in link in the background, unless one went out in the last minutes, so the
    /// answer takes as long as any other refusal and says nothing.
    fn send_link(
        &self,
        pool: &web::Data<db::Pool>,
        seal: &web::Data<crate::audit::Seal>,
        row: store::StaffRow,
    ) {
        let (pool, seal) = (pool.clone(), seal.clone());
        let (mailer, locales, site) =
            (self.mailer.clone(), self.locales.clone(), self.site.clone());
        actix_web::rt::spawn(async move {
            let id = row.id.clone();
            let secret = with_db(&pool, move |conn| {
                audit::audited(conn, |conn| -> Result<_, ApiError> {
                    if store::unlock_link_sent_recently(conn, &id)? {
                        return Ok(None);
                    }
                    let secret = store::create_link(conn, &id, LinkPurpose::Unlock)?;
                    audit::append(
                        conn,
                        &seal,
                        &audit_entry(
                            Actor::System,
                            "sign_in_link_sent",
                            format!("staff:{id}"),
                            json!({}),
                        ),
                    )?;
                    Ok(Some(secret))
                })
            })
            .await;
            let secret = match secret {
                Ok(Some(secret)) => secret,
                Ok(None) => return,
                Err(e) => {
                    tracing::error!(error = %e, "a sign-in link could not be made");
                    return;
                }
            };
            let language = Language::parse(&row.language).unwrap_or(Language::DEFAULT);
            let link = site.sign_in_link(&secret);
            let letter = mail::compose(
                &locales,
                language,
                StaffMail::SignInLink {
                    name: &row.display_name,
                    link: &link,
                },
            );
            match Email::parse(&row.email) {
                Ok(to) => {
                    if let Err(e) = mailer.send(&to, letter).await {
                        tracing::error!(error = %e, "a sign-in link could not be mailed");
                    }
                }
                Err(_) => tracing::error!("a staff account's stored email does not parse"),
            }
        });
    }
}

/// Whether `code` is the account's current TOTP code, not used before; marks it used.
async fn second_factor_accepted(
    pool: &web::Data<db::Pool>,
    row: &store::StaffRow,
    code: &str,
) -> Result<bool, ApiError> {
    let Some(secret) = row.totp_secret.as_deref() else {
        return Ok(false);
    };
    let Some(step) = totp::accept(secret, code, row.totp_last_step, tokens::unix_now()) else {
        return Ok(false);
    };
    let id = row.id.clone();
    with_db(pool, move |conn| Ok(store::use_totp_step(conn, &id, step)?)).await
}

/// Counts a failed login (wrong password, unknown or deactivated account, or a wrong TOTP code)
/// against the throttle and the account, audits it, and gives the answer every such failure
/// gets. One place, so a failed second factor locks and is audited exactly like a wrong password.
pub(crate) async fn failed_login(
    pool: &web::Data<db::Pool>,
    seal: &web::Data<crate::audit::Seal>,
    throttle: &Throttle,
    subjects: &Subjects,
    staff_id: Option<String>,
    factor: &'static str,
) -> ApiError {
    if let Err(e) = throttle.failed(subjects).await {
        return e;
    }
    let seal = seal.clone();
    let recorded = with_db(pool, move |conn| {
        let object = match &staff_id {
            Some(id) => {
                if store::record_failure(conn, id)? {
                    audit::append(
                        conn,
                        &seal,
                        &audit_entry(
                            Actor::System,
                            "account_locked",
                            format!("staff:{id}"),
                            json!({}),
                        ),
                    )?;
                }
                format!("staff:{id}")
            }
            None => "unknown_account".to_owned(),
        };
        audit::append(
            conn,
            &seal,
            &audit_entry(
                Actor::System,
                "login_failed",
                object,
                json!({ "factor": factor }),
            ),
        )?;
        Ok(())
    })
    .await;
    match recorded {
        Ok(()) => ApiError::InvalidCredentials,
        Err(error) => error,
    }
}

fn grant(
    keys: &TokenKeys,
    profile: StaffProfile,
    session_id: &str,
    refresh: String,
) -> Result<HttpResponse, ApiError> {
    let (access_token, expires_in) = keys.issue(&profile.id, session_id, &profile.roles)?;
    Ok(HttpResponse::Ok()
        .cookie(refresh_cookie(refresh))
        .json(SessionGrant {
            access_token,
            expires_in,
            staff: profile,
        }))
}

/// Trades the refresh cookie for a new access token and a new refresh cookie. A refresh token
/// that was already used revokes its whole session: someone else has a copy.
#[utoipa::path(post, path = "/api/v1/auth/refresh", tag = "auth",
    responses(
        (status = 200, description = "A new access token; the refresh cookie is replaced", body = SessionGrant),
        (status = 401, description = "No valid session", body = ApiErrorBody),
    ))]
pub async fn refresh(
    req: HttpRequest,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
    keys: web::Data<TokenKeys>,
    sealer: web::Data<Sealer>,
) -> Result<HttpResponse, ApiError> {
    let Some(token) = req.cookie(REFRESH_COOKIE).map(|c| c.value().to_owned()) else {
        return Err(ApiError::Unauthorized);
    };
    let outcome = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| match store::rotate_refresh(conn, &token)? {
            Rotation::Rotated {
                token,
                session_id,
                staff_id,
            } => {
                let row =
                    store::find_by_id(conn, &sealer, &staff_id)?.ok_or(ApiError::Unauthorized)?;
                Ok(Some((store::profile(conn, &row)?, session_id, token)))
            }
            Rotation::Replayed { staff_id } => {
                audit::append(
                    conn,
                    &seal,
                    &audit_entry(
                        Actor::System,
                        "refresh_token_replayed",
                        format!("staff:{staff_id}"),
                        json!({}),
                    ),
                )?;
                Ok(None)
            }
            Rotation::Invalid => Ok(None),
        })
    })
    .await?;
    match outcome {
        Some((profile, session_id, token)) => grant(&keys, profile, &session_id, token),
        None => Err(ApiError::Unauthorized),
    }
}

/// Ends the session of the refresh cookie. Always succeeds, and always clears the cookie.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "auth",
    responses((status = 204, description = "Signed out")))]
pub async fn logout(
    req: HttpRequest,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    if let Some(token) = req.cookie(REFRESH_COOKIE).map(|c| c.value().to_owned()) {
        with_db(&pool, move |conn| {
            audit::audited(conn, |conn| {
                // Only a token that matches its session may end it; a guessed id must not log
                // others out.
                if let Rotation::Rotated {
                    session_id,
                    staff_id,
                    ..
                } = store::rotate_refresh(conn, &token)?
                {
                    store::revoke_session(conn, &session_id)?;
                    audit::append(
                        conn,
                        &seal,
                        &audit_entry(
                            Actor::Staff(staff_id.clone()),
                            "logout",
                            format!("staff:{staff_id}"),
                            json!({ "session": session_id }),
                        ),
                    )?;
                }
                Ok(())
            })
        })
        .await?;
    }
    Ok(HttpResponse::NoContent().cookie(expired_cookie()).finish())
}

/// The signed-in staff member.
#[utoipa::path(get, path = "/api/v1/me", tag = "auth", security(("bearer" = [])),
    responses(
        (status = 200, description = "The signed-in staff member", body = StaffProfile),
        (status = 401, description = "No valid session", body = ApiErrorBody),
    ))]
pub async fn me(
    auth: AnyStaff,
    pool: web::Data<db::Pool>,
    sealer: web::Data<Sealer>,
) -> Result<HttpResponse, ApiError> {
    let id = auth.staff_id.clone();
    let profile = with_db(&pool, move |conn| {
        let row = store::find_by_id(conn, &sealer, &id)?.ok_or(ApiError::Unauthorized)?;
        Ok(store::profile(conn, &row)?)
    })
    .await?;
    Ok(HttpResponse::Ok().json(profile))
}

/// The secret of a one-time link. It travels in the body, never in a URL, so it cannot end up in
/// an access log or a Referer header.
#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct LinkToken {
    pub token: String,
}

#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct LinkPassword {
    pub token: String,
    pub password: String,
}

/// What a one-time link is for and whose it is, so the page can greet the person.
#[utoipa::path(post, path = "/api/v1/auth/link", tag = "auth", request_body = LinkToken,
    responses(
        (status = 200, description = "The link is valid", body = LinkInfo),
        (status = 410, description = "Unknown, used or expired", body = ApiErrorBody),
    ))]
pub async fn link_info(
    body: crate::json_body::Json<LinkToken>,
    pool: web::Data<db::Pool>,
    sealer: web::Data<Sealer>,
) -> Result<HttpResponse, ApiError> {
    let token = body.into_inner().token;
    let info = with_db(&pool, move |conn| {
        let (row, purpose) = store::open_link(conn, &sealer, &token)?;
        Ok(LinkInfo {
            purpose,
            email: Email::parse(&row.email).map_err(|_| ApiError::LinkInvalid)?,
            display_name: row.display_name,
            language: Language::parse(&row.language).unwrap_or(Language::DEFAULT),
        })
    })
    .await?;
    Ok(HttpResponse::Ok().json(info))
}

/// Chooses a password through a one-time link. The link then stops working, and every session of
/// the account ends.
#[utoipa::path(post, path = "/api/v1/auth/link/password", tag = "auth", request_body = LinkPassword,
    responses(
        (status = 204, description = "The password is set; sign in with it"),
        (status = 400, description = "The password is refused; the code says why", body = ApiErrorBody),
        (status = 410, description = "Unknown, used or expired", body = ApiErrorBody),
    ))]
pub async fn link_password(
    body: crate::json_body::Json<LinkPassword>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
    hasher: web::Data<PasswordHasher>,
    sealer: web::Data<Sealer>,
) -> Result<HttpResponse, ApiError> {
    let LinkPassword { token, password } = body.into_inner();
    let probe = token.clone();
    let opener = sealer.clone();
    let (row, _) = with_db(&pool, move |conn| {
        Ok(store::open_link(conn, &opener, &probe)?)
    })
    .await?;
    password::check_strength(&password, &[&row.email, &row.display_name])
        .map_err(ApiError::Password)?;
    let hash = hasher.hash(password).await?;
    // The password and its entry in the trail land together or not at all.
    with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            let row = store::use_link(conn, &sealer, &token, &hash)?;
            audit::append(
                conn,
                &seal,
                &audit_entry(
                    Actor::Staff(row.id.clone()),
                    "password_set",
                    format!("staff:{}", row.id),
                    json!({}),
                ),
            )?;
            Ok::<_, ApiError>(())
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Sends a reset link to an active staff member's address. Answers the same whether or not the
/// address belongs to staff, and sends in the background so the timing does not tell either.
#[utoipa::path(post, path = "/api/v1/auth/password-reset", tag = "auth", request_body = ResetRequest,
    responses(
        (status = 202, description = "If the address belongs to staff, a link is on its way"),
        (status = 429, description = "Too many requests for this address or from this client; see `details.retry_after_secs`", body = ApiErrorBody),
    ))]
#[allow(clippy::too_many_arguments)] // one per extractor actix hands the handler
pub async fn password_reset(
    req: HttpRequest,
    body: crate::json_body::Json<ResetRequest>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
    throttle: web::Data<Throttle>,
    mailer: web::Data<Mailer>,
    locales: web::Data<Locales>,
    site: web::Data<Site>,
    sealer: web::Data<Sealer>,
) -> Result<HttpResponse, ApiError> {
    let email = body.into_inner().email;
    let subjects = admit(&throttle, &email, &req).await?;
    // Each request counts, so nobody can flood an inbox with reset mail.
    throttle.failed(&subjects).await?;
    actix_web::rt::spawn(async move {
        let normalised = email.trim().to_lowercase();
        let prepared = with_db(&pool, move |conn| {
            audit::audited(conn, |conn| {
                let Some(row) =
                    store::find_by_email(conn, &sealer, &normalised)?.filter(|r| r.active)
                else {
                    return Ok(None);
                };
                let secret = store::create_link(conn, &row.id, LinkPurpose::Reset)?;
                audit::append(
                    conn,
                    &seal,
                    &audit_entry(
                        Actor::System,
                        "password_reset_sent",
                        format!("staff:{}", row.id),
                        json!({}),
                    ),
                )?;
                Ok(Some((row, secret)))
            })
        })
        .await;
        if let Ok(Some((row, secret))) = prepared {
            let link = site.link(&secret);
            let language = Language::parse(&row.language).unwrap_or(Language::DEFAULT);
            let letter = mail::compose(
                &locales,
                language,
                StaffMail::PasswordReset {
                    name: &row.display_name,
                    link: &link,
                },
            );
            if let Ok(to) = Email::parse(&row.email) {
                if let Err(e) = mailer.send(&to, letter).await {
                    tracing::error!("password reset mail failed: {e}");
                }
            }
        }
    });
    Ok(HttpResponse::Accepted().finish())
}

/// This module's routes under `/api/v1`.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/auth/login").route(web::post().to(login)))
        .service(web::resource("/auth/refresh").route(web::post().to(refresh)))
        .service(web::resource("/auth/logout").route(web::post().to(logout)))
        .service(web::resource("/auth/link").route(web::post().to(link_info)))
        .service(web::resource("/auth/link/password").route(web::post().to(link_password)))
        .service(web::resource("/auth/password-reset").route(web::post().to(password_reset)))
        .service(secured!("/me").route(web::get().to(me)));
}
