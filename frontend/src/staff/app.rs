//! The staff area's routes and layout. Links appear only for what the person's roles allow; the
//! server refuses the rest anyway.

use leptos::prelude::*;
use sanad_frontend::{
    components::{language_switcher::LanguageSwitcher, states::LoadFailed},
    i18n::{t, I18n, LoadState},
    router::provide_location,
};
use sanad_shared::staff::Role;

use crate::{
    pages::{
        account::Account,
        article::ArticleEditor,
        articles::ArticleList,
        audit::AuditTrail,
        case::CaseView,
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
    },
    session::Session,
};

fn staff_path(path: &str) -> bool {
    path == "/staff" || path.starts_with("/staff/")
}

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::provide();
    Session::provide();
    view! {
        {move || {
            if i18n.bundle_ready() {
                view! { <Layout/> }.into_any()
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
    let location = provide_location(staff_path);
    let title = t("staff-title");
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
            {move || {
                let path = location.path();
                if path == "/staff/set-password" {
                    return view! { <SetPassword/> }.into_any();
                }
                if session.restoring.get() {
                    return view! { <p class="state" role="status">{t("state-loading")}</p> }.into_any();
                }
                if !session.signed_in() {
                    return view! { <SignIn/> }.into_any();
                }
                let admin = session.has(Role::Admin);
                let moderates = session.moderates();
                let tip = path
                    .strip_prefix("/staff/tips/")
                    .and_then(|id| id.parse::<i64>().ok())
                    .filter(|_| moderates);
                if let Some(id) = tip {
                    return view! { <TipView id/> }.into_any();
                }
                let works_cases = session.works_cases();
                let case = path
                    .strip_prefix("/staff/cases/")
                    .and_then(|id| id.parse::<i64>().ok())
                    .filter(|_| works_cases);
                if let Some(id) = case {
                    return view! { <CaseView id/> }.into_any();
                }
                let triages = moderates || works_cases;
                let entity = path
                    .strip_prefix("/staff/entities/")
                    .and_then(|id| id.parse::<i64>().ok())
                    .filter(|_| triages);
                if let Some(id) = entity {
                    return view! { <EntityView id/> }.into_any();
                }
                let network = path.strip_prefix("/staff/network/").and_then(|rest| {
                    let (kind, id) = rest.split_once('/')?;
                    let kind = ["entity", "tip", "case"].into_iter().find(|k| *k == kind)?;
                    Some((kind, id.parse::<i64>().ok()?))
                });
                if let Some((kind, id)) = network.filter(|_| triages) {
                    return view! { <NetworkView kind id/> }.into_any();
                }
                let edits = session.edits();
                let article = path
                    .strip_prefix("/staff/articles/")
                    .and_then(|id| id.parse::<i64>().ok())
                    .filter(|_| edits);
                if let Some(id) = article {
                    return view! { <ArticleEditor id/> }.into_any();
                }
                match path.as_str() {
                    "/staff" => view! { <Home/> }.into_any(),
                    "/staff/account" => view! { <Account/> }.into_any(),
                    "/staff/tips" if moderates => view! { <TipList/> }.into_any(),
                    "/staff/cases" if works_cases => view! { <CaseList/> }.into_any(),
                    "/staff/exchange" if works_cases => view! { <Exchange/> }.into_any(),
                    "/staff/entities" if triages => view! { <EntitySearch/> }.into_any(),
                    "/staff/statistics" if triages => view! { <StatisticsView/> }.into_any(),
                    "/staff/articles" if edits => view! { <ArticleList/> }.into_any(),
                    "/staff/team" if admin => view! { <Team/> }.into_any(),
                    "/staff/audit" if admin => view! { <AuditTrail/> }.into_any(),
                    "/staff/settings" if admin => view! { <Settings/> }.into_any(),
                    _ => view! {
                        <section class="page">
                            <h1>{t("not-found-title")}</h1>
                            <p>{t("not-found-text")}</p>
                            <p><a href="/staff">{t("staff-nav-home")}</a></p>
                        </section>
                    }.into_any(),
                }
            }}
        </main>
    }
}
