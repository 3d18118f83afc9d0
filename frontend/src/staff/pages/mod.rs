//! One component per staff screen.

pub mod account;
pub mod article;
pub mod articles;
pub mod audit;
pub mod case;
pub mod case_compare;
pub mod cases;
pub mod conversation;
pub mod entities;
pub mod exchange;
pub mod file_export;
pub mod home;
pub mod map;
pub mod network;
pub mod queue;
pub mod set_password;
pub mod settings;
pub mod sign_in;
pub mod statistics;
pub mod team;
pub mod tip;
pub mod tips;
pub mod translations;
pub mod triage;

use leptos::prelude::*;
use sanad_frontend::{api::ApiFailure, i18n::use_i18n};

/// The outcome of a form: nothing yet, a success message key, or a failure.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Idle,
    Done(String),
    Failed(ApiFailure),
}

/// Shows an [`Outcome`] where screen readers announce it.
#[component]
pub fn OutcomeNotice(outcome: RwSignal<Outcome>) -> impl IntoView {
    let i18n = use_i18n();
    move || match outcome.get() {
        Outcome::Idle => None,
        Outcome::Done(text) => {
            Some(view! { <p class="notice notice-ok" role="status">{text}</p> }.into_any())
        }
        Outcome::Failed(failure) => {
            let key = failure.message_key();
            Some(view! { <p class="notice notice-error" role="alert">{move || i18n.message(key, None)}</p> }.into_any())
        }
    }
}
