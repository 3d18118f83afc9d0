//! The home page: three large actions, the way back to a sent report, the privacy promise and
//! the staff entry.

use leptos::prelude::*;

use crate::{
    paths::{self, Form},
    Messages,
};

pub fn home(messages: &dyn Messages) -> AnyView {
    let language = messages.language();
    let action = |class: &'static str, href: String, title: &str, text: &str| {
        view! {
            <li>
                <a href=href class=format!("action {class}")>
                    <span class="action-title">{messages.get(title)}</span>
                    <span class="action-text">{messages.get(text)}</span>
                </a>
            </li>
        }
    };
    view! {
        <section class="home">
            <h1>{messages.get("home-title")}</h1>
            <p class="lead">{messages.get("home-intro")}</p>
            <ul class="actions">
                {action("action-report", paths::form(language, Form::Report), "home-report-title", "home-report-text")}
                {action("action-missing", paths::form(language, Form::Missing), "home-missing-title", "home-missing-text")}
                {action("action-learn", paths::learn(language, None, 1), "home-learn-title", "home-learn-text")}
            </ul>
            <p class="follow-up-entry">
                <a href=paths::form(language, Form::FollowUp)>{messages.get("home-follow-up")}</a>
            </p>
            <p class="privacy">{messages.get("home-privacy")}</p>
            <p class="staff-entry">
                <a href="/staff">{messages.get("home-staff-entry")}</a>
            </p>
        </section>
    }
    .into_any()
}
