//! Staff authentication. Only staff have accounts; tipsters and families never do.
//!
//! A request proves who it is with `Authorization: Bearer <access token>`; [`StaffAuth`] checks
//! the token and then the session behind it in the database, so logout, deactivation and a
//! password change end access at once rather than when the token expires.

pub mod password;
pub mod store;
pub mod throttle;
pub mod tokens;
pub mod totp;

use std::{future::Future, pin::Pin};

use actix_web::{
    body::{EitherBody, MessageBody},
    dev::{Payload, ServiceRequest, ServiceResponse},
    http::header,
    middleware::Next,
    web, FromRequest, HttpMessage as _, HttpRequest, ResponseError as _,
};
use sanad_shared::staff::Role;

use crate::{
    db::{self, with_db},
    error::ApiError,
};

/// A signed-in staff member, with the roles the account holds now (not when the token was made).
#[derive(Clone, Debug)]
pub struct StaffAuth {
    pub staff_id: String,
    pub session_id: String,
    pub roles: Vec<Role>,
    /// TOTP is required of all staff and this account has not set it up: until it does, only its
    /// own account endpoints answer.
    pub totp_missing: bool,
}

impl StaffAuth {
    /// Every staff endpoint calls this with the roles it allows.
    pub fn require(&self, allowed: &[Role]) -> Result<(), ApiError> {
        if self.totp_missing {
            return Err(ApiError::TotpSetupRequired);
        }
        self.require_role_only(allowed)
    }

    /// For the person's own account endpoints, which must work while TOTP is being set up.
    pub fn require_role_only(&self, allowed: &[Role]) -> Result<(), ApiError> {
        if self.roles.iter().any(|role| allowed.contains(role)) {
            Ok(())
        } else {
            Err(ApiError::Forbidden)
        }
    }

    pub fn actor(&self) -> crate::audit::Actor {
        crate::audit::Actor::Staff(self.staff_id.clone())
    }

    /// An audit entry of something this staff member did to `object`.
    pub fn entry(
        &self,
        action: &'static str,
        object: String,
        details: serde_json::Value,
    ) -> crate::audit::Entry {
        crate::audit::Entry {
            actor: self.actor(),
            action,
            object,
            details,
        }
    }
}

impl StaffAuth {
    /// Checks the bearer token and the session behind it.
    pub async fn authenticate(req: &HttpRequest) -> Result<StaffAuth, ApiError> {
        let token = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(|t| t.trim().to_owned());
        let keys = req.app_data::<web::Data<tokens::TokenKeys>>().cloned();
        let pool = req.app_data::<web::Data<db::Pool>>().cloned();
        let (Some(token), Some(keys), Some(pool)) = (token, keys, pool) else {
            return Err(ApiError::Unauthorized);
        };
        let claims = keys.validate(&token).ok_or(ApiError::Unauthorized)?;
        let (session_id, staff_id) = (claims.sid.clone(), claims.sub.clone());
        let check = with_db(&pool, move |conn| {
            Ok(store::check_session(conn, &session_id, &staff_id)?)
        })
        .await?
        .ok_or(ApiError::Unauthorized)?;
        Ok(StaffAuth {
            staff_id: claims.sub,
            session_id: claims.sid,
            roles: check.roles,
            totp_missing: check.totp_missing,
        })
    }
}

/// Middleware for every staff route: the session is checked before anything reads the request
/// body, so a request without a valid session learns nothing about the endpoint.
///
/// A refusal is answered here as a response, not returned as an error: an error would pass the
/// outer middleware by (no security headers, no JSON body, no access-log line).
pub async fn require_session<B: MessageBody>(
    req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B>>, actix_web::Error> {
    match StaffAuth::authenticate(req.request()).await {
        Ok(auth) => {
            req.extensions_mut().insert(auth);
            Ok(next.call(req).await?.map_into_left_body())
        }
        Err(refusal) => Ok(req
            .into_response(refusal.error_response())
            .map_into_right_body()),
    }
}

impl FromRequest for StaffAuth {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<StaffAuth, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let checked = req.extensions().get::<StaffAuth>().cloned();
        let req = req.clone();
        Box::pin(async move {
            match checked {
                Some(auth) => Ok(auth),
                None => StaffAuth::authenticate(&req).await,
            }
        })
    }
}

/// Which roles a [`Staff`] extractor lets through.
pub trait Roles {
    const ALLOWED: &'static [Role];
    /// The person's own account endpoints work while TOTP is still being set up; nothing else.
    const BEFORE_TOTP_SETUP: bool = false;
}

/// A signed-in staff member holding one of `R`'s roles. A handler that takes one cannot run for
/// anyone else, so the role check is in its signature rather than a line each handler must
/// remember.
#[derive(Clone, Debug)]
pub struct Staff<R: Roles>(pub StaffAuth, std::marker::PhantomData<R>);

impl<R: Roles> std::ops::Deref for Staff<R> {
    type Target = StaffAuth;

    fn deref(&self) -> &StaffAuth {
        &self.0
    }
}

impl<R: Roles + 'static> FromRequest for Staff<R> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Staff<R>, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let auth = StaffAuth::from_request(req, payload);
        Box::pin(async move {
            let auth = auth.await?;
            if R::BEFORE_TOTP_SETUP {
                auth.require_role_only(R::ALLOWED)?;
            } else {
                auth.require(R::ALLOWED)?;
            }
            Ok(Staff(auth, std::marker::PhantomData))
        })
    }
}

#[derive(Clone, Debug)]
pub struct Moderation;
impl Roles for Moderation {
    const ALLOWED: &'static [Role] = &[Role::Moderator, Role::Admin];
}

#[derive(Clone, Debug)]
pub struct Casework;
impl Roles for Casework {
    const ALLOWED: &'static [Role] = &[Role::Caseworker, Role::Admin];
}

#[derive(Clone, Debug)]
pub struct Editing;
impl Roles for Editing {
    const ALLOWED: &'static [Role] = &[Role::Editor, Role::Admin];
}

#[derive(Clone, Debug)]
pub struct Administration;
impl Roles for Administration {
    const ALLOWED: &'static [Role] = &[Role::Admin];
}

#[derive(Clone, Debug)]
pub struct OwnAccount;
impl Roles for OwnAccount {
    const ALLOWED: &'static [Role] = &Role::ALL;
    const BEFORE_TOTP_SETUP: bool = true;
}

#[derive(Clone, Debug)]
pub struct Triaging;
impl Roles for Triaging {
    const ALLOWED: &'static [Role] = &[Role::Moderator, Role::Caseworker, Role::Admin];
}

/// Works tips, cases or both.
pub type Triager = Staff<Triaging>;
/// Works tips.
pub type Moderator = Staff<Moderation>;
/// Works missing-person cases.
pub type Caseworker = Staff<Casework>;
/// Writes and publishes articles.
pub type Editor = Staff<Editing>;
/// Manages staff, settings and the audit trail.
pub type Admin = Staff<Administration>;
/// Any staff member, on their own account's endpoints.
pub type AnyStaff = Staff<OwnAccount>;
