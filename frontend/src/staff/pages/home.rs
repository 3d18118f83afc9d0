use leptos::prelude::*;
use sanad_frontend::i18n::{t_args, use_i18n};
use sanad_shared::Direction;

use crate::session::{role_key, use_session};

#[component]
pub fn Home() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    move || {
        session.profile().map(|profile| {
            let name = profile.display_name.clone();
            let roles = profile.roles.clone();
            view! {
                <section class="page">
                    <h1>{t_args("staff-welcome", &[("name", name.clone())])}</h1>
                    <p>{move || {
                        let names: Vec<String> = roles.iter().map(|r| i18n.message(role_key(*r), None)).collect();
                        // Arabic script lists take the Arabic comma.
                        let separator = if i18n.shown.get().direction() == Direction::Rtl { "، " } else { ", " };
                        t_args("staff-your-roles", &[("roles", names.join(separator))])()
                    }}</p>
                </section>
            }
        })
    }
}
