//! Staff management for admins: the list with roles and status, and the invitation form.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use sanad_frontend::{
    api::ApiFailure,
    components::states::{Failed, Loading},
    i18n::{t, t_args, use_i18n},
    loader::Loader,
};
use sanad_shared::{
    staff::{Email, InviteRequest, Role, RolesRequest, StaffProfile},
    ErrorCode, Language,
};

use super::{Outcome, OutcomeNotice};
use crate::session::{role_key, use_session};

#[component]
pub fn Team() -> impl IntoView {
    let session = use_session();
    let staff = Loader::new(move || async move {
        session
            .call::<(), Vec<StaffProfile>>("GET", "/api/v1/staff", None)
            .await
    });
    view! {
        <section class="page">
            <h1>{t("staff-nav-team")}</h1>
            {move || match staff.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(failure)) => view! { <Failed failure on_retry=move || staff.reload()/> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="staff-list">
                        {list.into_iter().map(|member| view! { <Member member on_change=move || staff.reload()/> }).collect_view()}
                    </ul>
                }.into_any(),
            }}
            <Invite on_done=move || staff.reload()/>
        </section>
    }
}

#[component]
fn RoleChoices(chosen: RwSignal<Vec<Role>>, prefix: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="roles">
            <legend>{t("staff-roles")}</legend>
            {Role::ALL.into_iter().map(|role| {
                let id = format!("{prefix}-{}", role.as_str());
                let label_for = id.clone();
                view! {
                    <label class="choice" for=label_for>
                        <input
                            type="checkbox"
                            id=id
                            prop:checked=move || chosen.with(|c| c.contains(&role))
                            on:change=move |_| chosen.update(|c| {
                                if let Some(i) = c.iter().position(|r| *r == role) { c.remove(i); } else { c.push(role); }
                            })
                        />
                        {move || i18n.message(role_key(role), None)}
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}

#[component]
fn Member(
    member: StaffProfile,
    on_change: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let session = use_session();
    let chosen = RwSignal::new(member.roles.clone());
    let outcome = RwSignal::new(Outcome::Idle);
    let id = StoredValue::new(member.id.clone());
    let status = if !member.active {
        "staff-status-inactive"
    } else if !member.password_set {
        "staff-status-invited"
    } else {
        "staff-status-active"
    };
    let i18n = use_i18n();
    let save_roles = move |_| {
        let body = RolesRequest {
            roles: chosen.get_untracked(),
        };
        spawn_local(async move {
            let url = format!("/api/v1/staff/{}/roles", id.get_value());
            match session.call_empty("PUT", &url, Some(&body)).await {
                Ok(()) => outcome.set(Outcome::Done(i18n.message("staff-saved", None))),
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
        });
    };
    let active = member.active;
    let toggle = move |_| {
        spawn_local(async move {
            let action = if active { "deactivate" } else { "reactivate" };
            let url = format!("/api/v1/staff/{}/{action}", id.get_value());
            match session.call_empty::<()>("POST", &url, None).await {
                Ok(()) => on_change(),
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
        });
    };
    view! {
        <li class="staff-member">
            <p class="member-name"><strong>{member.display_name.clone()}</strong> " " <span dir="ltr">{member.email.to_string()}</span></p>
            <p class="hint">{t(status)}</p>
            <RoleChoices chosen prefix=member.id.clone()/>
            <div class="actions-row">
                <button type="button" class="button" on:click=save_roles>{t("staff-save-roles")}</button>
                <button type="button" class="button button-secondary" on:click=toggle>
                    {if active { t("staff-deactivate")() } else { t("staff-reactivate")() }}
                </button>
            </div>
            <OutcomeNotice outcome/>
        </li>
    }
}

#[component]
fn Invite(on_done: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let session = use_session();
    let email = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let chosen = RwSignal::new(vec![Role::Moderator]);
    let language = RwSignal::new(Language::Ar);
    let outcome = RwSignal::new(Outcome::Idle);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let Ok(address) = Email::parse(&email.get_untracked()) else {
            outcome.set(Outcome::Failed(ApiFailure::Server(ErrorCode::InvalidEmail)));
            return;
        };
        let request = InviteRequest {
            email: address.clone(),
            display_name: name.get_untracked(),
            roles: chosen.get_untracked(),
            language: language.get_untracked(),
        };
        // Made before the task: it runs outside the component, where no language is at hand.
        let invited = t_args("staff-invited", &[("email", address.to_string())]);
        spawn_local(async move {
            match session
                .call::<_, StaffProfile>("POST", "/api/v1/staff", Some(&request))
                .await
            {
                Ok(_) => {
                    outcome.set(Outcome::Done(invited()));
                    email.set(String::new());
                    name.set(String::new());
                    on_done();
                }
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
        });
    };
    view! {
        <h2>{t("staff-invite-title")}</h2>
        <form class="form" on:submit=submit>
            <label for="invite-email">{t("staff-email")}</label>
            <input id="invite-email" type="email" required dir="ltr" bind:value=email/>
            <label for="invite-name">{t("staff-display-name")}</label>
            <input id="invite-name" type="text" required maxlength="120" bind:value=name/>
            <RoleChoices chosen prefix="invite".to_owned()/>
            <label for="invite-language">{t("staff-invite-language")}</label>
            <select id="invite-language" on:change=move |event| {
                if let Ok(chosen) = Language::parse(&event_target_value(&event)) { language.set(chosen); }
            }>
                {Language::ALL.into_iter().map(|l| view! {
                    <option value=l.code() selected=move || language.get() == l>{l.code()}</option>
                }).collect_view()}
            </select>
            <button type="submit" class="button">{t("staff-invite")}</button>
        </form>
        <OutcomeNotice outcome/>
    }
}
