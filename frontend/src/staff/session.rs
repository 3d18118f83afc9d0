//! The signed-in staff member. The access token lives only in memory; the refresh token is an
//! HttpOnly cookie the page cannot read. The session renews itself a minute before the access
//! token expires, and a page load restores it from the cookie.

use std::time::Duration;

use leptos::{prelude::*, task::spawn_local};
use sanad_frontend::{
    api::{self, ApiFailure},
    i18n::{self, use_i18n, I18n},
};
use sanad_shared::{
    staff::{Role, SessionGrant, StaffProfile},
    ErrorCode,
};
use serde::{de::DeserializeOwned, Serialize};

#[derive(Clone, Copy)]
pub struct Session {
    grant: RwSignal<Option<SessionGrant>>,
    /// True until the first refresh attempt has answered.
    pub restoring: RwSignal<bool>,
    /// Each new grant bumps this; a renewal timer of an older grant does nothing.
    generation: StoredValue<u64>,
    i18n: I18n,
}

impl Session {
    pub fn provide() -> Session {
        let session = Session {
            grant: RwSignal::new(None),
            restoring: RwSignal::new(true),
            generation: StoredValue::new(0),
            i18n: use_i18n(),
        };
        provide_context(session);
        session.renew();
        session
    }

    fn renew(&self) {
        let this = *self;
        spawn_local(async move {
            match api::send_json::<(), SessionGrant>("POST", "/api/v1/auth/refresh", None, None)
                .await
            {
                Ok(grant) => this.accept(grant),
                Err(_) => this.grant.set(None),
            }
            this.restoring.set(false);
        });
    }

    pub fn accept(&self, grant: SessionGrant) {
        // A caseworker invited in Sorani works in Sorani, unless they chose otherwise here.
        if !i18n::chosen_here() && self.i18n.chosen.get_untracked() != grant.staff.language {
            self.i18n.choose(grant.staff.language);
        }
        let renew_in = Duration::from_secs(u64::from(grant.expires_in.saturating_sub(60).max(30)));
        let generation = self.generation.get_value() + 1;
        self.generation.set_value(generation);
        self.grant.set(Some(grant));
        let this = *self;
        set_timeout(
            move || {
                if this.generation.get_value() == generation
                    && this.grant.with_untracked(Option::is_some)
                {
                    this.renew();
                }
            },
            renew_in,
        );
    }

    pub fn signed_in(&self) -> bool {
        self.grant.with(Option::is_some)
    }

    pub fn profile(&self) -> Option<StaffProfile> {
        self.grant.with(|g| g.as_ref().map(|g| g.staff.clone()))
    }

    pub fn has(&self, role: Role) -> bool {
        self.grant
            .with(|g| g.as_ref().is_some_and(|g| g.staff.roles.contains(&role)))
    }

    /// Moderators and admins work the tips.
    pub fn moderates(&self) -> bool {
        self.has(Role::Moderator) || self.has(Role::Admin)
    }

    /// Caseworkers and admins work the missing-person cases.
    pub fn works_cases(&self) -> bool {
        self.has(Role::Caseworker) || self.has(Role::Admin)
    }

    /// Editors and admins write the awareness articles.
    pub fn edits(&self) -> bool {
        self.has(Role::Editor) || self.has(Role::Admin)
    }

    pub fn set_totp_enabled(&self, enabled: bool) {
        self.grant.update(|g| {
            if let Some(g) = g {
                g.staff.totp_enabled = enabled;
            }
        });
    }

    /// Forgets the session here and on the server.
    pub fn sign_out(&self) {
        self.generation.set_value(self.generation.get_value() + 1);
        self.grant.set(None);
        spawn_local(async {
            let _ = api::send("POST", "/api/v1/auth/logout", None, None).await;
        });
    }

    /// The session ended on the server (password changed elsewhere, deactivated, expired).
    pub fn ended(&self) {
        self.generation.set_value(self.generation.get_value() + 1);
        self.grant.set(None);
    }

    /// An API call with the access token; a refused session sends the person to sign in.
    pub async fn call<B: Serialize, T: DeserializeOwned>(
        &self,
        method: &str,
        url: &str,
        body: Option<&B>,
    ) -> Result<T, ApiFailure> {
        let token = self
            .grant
            .with_untracked(|g| g.as_ref().map(|g| g.access_token.clone()));
        let result = api::send_json(method, url, body, token.as_deref()).await;
        if result.as_ref().err() == Some(&ApiFailure::Server(ErrorCode::Unauthorized)) {
            self.ended();
        }
        result
    }

    /// A file behind the access token (a tip's picture), as a Blob for an object URL.
    pub async fn blob(&self, url: &str) -> Result<web_sys::Blob, ApiFailure> {
        let token = self
            .grant
            .with_untracked(|g| g.as_ref().map(|g| g.access_token.clone()));
        let result = api::blob(url, token.as_deref()).await;
        if result.as_ref().err() == Some(&ApiFailure::Server(ErrorCode::Unauthorized)) {
            self.ended();
        }
        result
    }

    /// A call whose answer is text rather than JSON (a PFIF document), optionally sending text
    /// of a given Content-Type.
    pub async fn text(
        &self,
        method: &str,
        url: &str,
        body: Option<(String, &'static str)>,
    ) -> Result<String, ApiFailure> {
        let bearer = self
            .grant
            .with_untracked(|g| g.as_ref().map(|g| format!("Bearer {}", g.access_token)));
        let headers: Vec<(&str, &str)> = bearer
            .iter()
            .map(|value| ("Authorization", value.as_str()))
            .collect();
        let body = body.map_or(api::Body::Empty, |(text, content_type)| api::Body::Text {
            text,
            content_type,
        });
        let result = api::request(method, url, body, &headers)
            .await
            .map_err(|refusal| refusal.failure);
        if result.as_ref().err() == Some(&ApiFailure::Server(ErrorCode::Unauthorized)) {
            self.ended();
        }
        result
    }

    /// A multipart upload (an article's picture) with the access token; the JSON answer.
    pub async fn form<T: DeserializeOwned>(
        &self,
        url: &str,
        form: web_sys::FormData,
    ) -> Result<T, ApiFailure> {
        let bearer = self
            .grant
            .with_untracked(|g| g.as_ref().map(|g| format!("Bearer {}", g.access_token)));
        let headers: Vec<(&str, &str)> = bearer
            .iter()
            .map(|value| ("Authorization", value.as_str()))
            .collect();
        let result = api::request("POST", url, api::Body::Form(form), &headers)
            .await
            .map_err(|refusal| refusal.failure);
        if result.as_ref().err() == Some(&ApiFailure::Server(ErrorCode::Unauthorized)) {
            self.ended();
        }
        serde_json::from_str(&result?).map_err(|_| ApiFailure::Server(ErrorCode::Unknown))
    }

    /// Like [`Session::call`], for answers without a body.
    pub async fn call_empty<B: Serialize>(
        &self,
        method: &str,
        url: &str,
        body: Option<&B>,
    ) -> Result<(), ApiFailure> {
        let token = self
            .grant
            .with_untracked(|g| g.as_ref().map(|g| g.access_token.clone()));
        let body = body.and_then(|b| serde_json::to_string(b).ok());
        let result = api::send(method, url, body, token.as_deref())
            .await
            .map(|_| ());
        if result.as_ref().err() == Some(&ApiFailure::Server(ErrorCode::Unauthorized)) {
            self.ended();
        }
        result
    }
}

pub fn use_session() -> Session {
    use_context::<Session>().unwrap_or_else(Session::provide)
}

pub fn role_key(role: Role) -> &'static str {
    match role {
        Role::Admin => "role-admin",
        Role::Moderator => "role-moderator",
        Role::Caseworker => "role-caseworker",
        Role::Editor => "role-editor",
    }
}
