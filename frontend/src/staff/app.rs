//! The staff area's routes and layout. Links appear only for what the person's roles allow; the
//! server refuses the rest anyway.

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    hooks::{use_location, use_params_map},
    path,
};
use sanad_frontend::{
    components::{language_switcher::LanguageSwitcher, states::LoadFailed},
    i18n::{t, I18n, LoadState},
};
use sanad_shared::staff::Role;

use crate::{
    pages::{
        account::Account,
        article::ArticleEditor,
        articles::ArticleList,
        audit::AuditTrail,
        case::CaseView,
        case_compare::CaseCompare,
        cases::CaseList,
        entities::{EntitySearch, EntityView},
        exchange::Exchange,
        home::Home,
        network::NetworkView,
        set_password::SetPassword,
        settings::Settings,
        sign_in::SignIn,
        statistics::StatisticsView,
        team::Team,
        tip::TipView,
        tips::TipList,
        translations::Translations,
    },
    session::Session,
};

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::provide();
    Session::provide();
    view! {
        {move || {
            if i18n.bundle_ready() {
                view! { <Router><Layout/></Router> }.into_any()
            } else if i18n.state.get() == LoadState::Failed {
                view! { <div class="boot-state"><LoadFailed on_retry=move || i18n.retry()/></div> }.into_any()
            } else {
                view! { <div class="boot-state"><p class="spinner" role="status">{t("state-loading")}</p></div> }.into_any()
            }
        }}
    }
}

#[component]
fn Layout() -> impl IntoView {
    let session = crate::session::use_session();
    let title = t("staff-title");
    // A new page starts at its top (the router scrolls there), and keyboard and screen-reader
    // users land on its content rather than on the link they followed.
    let path = use_location().pathname;
    Effect::new(move |previous: Option<String>| {
        let now = path.get();
        if previous.is_some_and(|p| p != now) {
            if let Some(main) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("main"))
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
            {
                let _ = main.focus();
            }
        }
        now
    });
    Effect::new(move |_| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&title());
        }
    });
    view! {
        <a class="skip-link" href="#main">{t("skip-to-content")}</a>
        <header class="site-header staff-header">
            <a href="/staff" class="brand">{t("staff-title")}</a>
            <LanguageSwitcher/>
        </header>
        {move || session.signed_in().then(|| view! {
            <nav class="staff-nav" aria-label=t("nav-main")>
                <ul>
                    <li><a href="/staff">{t("staff-nav-home")}</a></li>
                    {session.moderates().then(|| view! {
                        <li><a href="/staff/tips">{t("staff-nav-tips")}</a></li>
                    })}
                    {session.works_cases().then(|| view! {
                        <li><a href="/staff/cases">{t("staff-nav-cases")}</a></li>
                    })}
                    {(session.moderates() || session.works_cases()).then(|| view! {
                        <li><a href="/staff/entities">{t("staff-nav-entities")}</a></li>
                        <li><a href="/staff/statistics">{t("staff-nav-statistics")}</a></li>
                    })}
                    {session.edits().then(|| view! {
                        <li><a href="/staff/articles">{t("staff-nav-articles")}</a></li>
                        <li><a href="/staff/translations">{t("staff-nav-translations")}</a></li>
                    })}
                    {session.has(Role::Admin).then(|| view! {
                        <li><a href="/staff/team">{t("staff-nav-team")}</a></li>
                        <li><a href="/staff/audit">{t("staff-nav-audit")}</a></li>
                        <li><a href="/staff/settings">{t("staff-nav-settings")}</a></li>
                    })}
                    <li><a href="/staff/account">{t("staff-nav-account")}</a></li>
                    <li>
                        <button type="button" class="link-button" on:click=move |_| session.sign_out()>
                            {t("staff-sign-out")}
                        </button>
                    </li>
                </ul>
            </nav>
        })}
        <main id="main" tabindex="-1">
            <Routes fallback=NotFound>
                <Route path=path!("/staff") view=|| gate(|_| true, || view! { <Home/> })/>
                <Route path=path!("/staff/set-password") view=SetPassword/>
                <Route path=path!("/staff/account") view=|| gate(|_| true, || view! { <Account/> })/>
                <Route path=path!("/staff/tips") view=|| gate(Session::moderates, || view! { <TipList/> })/>
                <Route path=path!("/staff/tips/:id") view=|| gate(Session::moderates, || with_id(|id| view! { <TipView id/> }))/>
                <Route path=path!("/staff/cases") view=|| gate(Session::works_cases, || view! { <CaseList/> })/>
                <Route path=path!("/staff/cases/:id") view=|| gate(Session::works_cases, || with_id(|id| view! { <CaseView id/> }))/>
                <Route path=path!("/staff/cases/:id/compare/:other") view=|| gate(Session::works_cases, compare)/>
                <Route path=path!("/staff/exchange") view=|| gate(Session::works_cases, || view! { <Exchange/> })/>
                <Route path=path!("/staff/entities") view=|| gate(triages, || view! { <EntitySearch/> })/>
                <Route path=path!("/staff/entities/:id") view=|| gate(triages, || with_id(|id| view! { <EntityView id/> }))/>
                <Route path=path!("/staff/network/:kind/:id") view=|| gate(triages, network)/>
                <Route path=path!("/staff/statistics") view=|| gate(triages, || view! { <StatisticsView/> })/>
                <Route path=path!("/staff/articles") view=|| gate(Session::edits, || view! { <ArticleList/> })/>
                <Route path=path!("/staff/articles/:id") view=|| gate(Session::edits, || with_id(|id| view! { <ArticleEditor id/> }))/>
                <Route path=path!("/staff/translations") view=|| gate(Session::edits, || view! { <Translations/> })/>
                <Route path=path!("/staff/team") view=|| gate(admin, || view! { <Team/> })/>
                <Route path=path!("/staff/audit") view=|| gate(admin, || view! { <AuditTrail/> })/>
                <Route path=path!("/staff/settings") view=|| gate(admin, || view! { <Settings/> })/>
            </Routes>
        </main>
    }
}

fn triages(session: &Session) -> bool {
    session.moderates() || session.works_cases()
}

fn admin(session: &Session) -> bool {
    session.has(Role::Admin)
}

/// A page for the signed-in whose roles `allowed` accepts: the sign-in form for anyone else, and
/// "not found" for a role that may not see it (as if it were not there; the server refuses it
/// anyway).
fn gate<V: IntoView + 'static>(
    allowed: fn(&Session) -> bool,
    page: impl Fn() -> V + Send + Sync + 'static,
) -> impl IntoView {
    let session = crate::session::use_session();
    move || {
        if session.restoring.get() {
            view! { <p class="state" role="status">{t("state-loading")}</p> }.into_any()
        } else if !session.signed_in() {
            view! { <SignIn/> }.into_any()
        } else if allowed(&session) {
            page().into_any()
        } else {
            view! { <NotFound/> }.into_any()
        }
    }
}

/// The page for the record the address names (`…/:id`), or "not found" for an address that
/// names none.
fn with_id<V: IntoView + 'static>(
    page: impl Fn(i64) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let params = use_params_map();
    move || match params
        .read()
        .get("id")
        .and_then(|id| id.parse::<i64>().ok())
    {
        Some(id) => page(id).into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}

fn compare() -> impl IntoView {
    let params = use_params_map();
    move || {
        let params = params.read();
        let id = |name: &str| params.get(name).and_then(|id| id.parse::<i64>().ok());
        match (id("id"), id("other")) {
            (Some(id), Some(other)) if id != other => view! { <CaseCompare id other/> }.into_any(),
            _ => view! { <NotFound/> }.into_any(),
        }
    }
}

fn network() -> impl IntoView {
    let params = use_params_map();
    move || {
        let params = params.read();
        let kind = params
            .get("kind")
            .and_then(|kind| ["entity", "tip", "case"].into_iter().find(|k| *k == kind));
        match (kind, params.get("id").and_then(|id| id.parse::<i64>().ok())) {
            (Some(kind), Some(id)) => view! { <NetworkView kind id/> }.into_any(),
            _ => view! { <NotFound/> }.into_any(),
        }
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <section class="page">
            <h1>{t("not-found-title")}</h1>
            <p>{t("not-found-text")}</p>
            <p><a href="/staff">{t("staff-nav-home")}</a></p>
        </section>
    }
}
