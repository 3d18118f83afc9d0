//! Entities for staff: looking one up by what a report wrote, its page (the reports that name
//! it, when and where, its other spellings, merging and splitting agency names), and the panel
//! on a tip or a case listing what it names and the other reports that name the same. Reports
//! of a kind the person does not work are counted, never shown; the server decides that.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use sanad_frontend::{
    api::ApiFailure,
    components::states::{Failed, Loading},
    i18n::{t, t_args, t_count, t_owned, use_i18n},
    loader::Loader,
};
use sanad_shared::{
    cases::CaseStatus,
    entities::{
        ConnectedItem, Connections, EntityKind, EntityLookup, EntityMerge, EntityPage, EntityRef,
    },
    tips::TipStatus,
    triage::ItemKind,
};

use super::{Outcome, OutcomeNotice};
use crate::session::use_session;

pub fn kind_key(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Phone => "entity-kind-phone",
        EntityKind::Account => "entity-kind-account",
        EntityKind::Agency => "entity-kind-agency",
    }
}

/// Numbers and handles read left to right in every language; an agency's name in its own script.
pub fn value_dir(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Agency => "auto",
        EntityKind::Phone | EntityKind::Account => "ltr",
    }
}

fn count(value: u32) -> i64 {
    i64::from(value)
}

/// An entity's value, or a word saying it is spelled only in reports the reader does not work
/// (the server leaves it empty then).
pub fn shown_value(display: String) -> String {
    if display.is_empty() {
        t("entity-unnamed")()
    } else {
        display
    }
}

/// An entity as a link to its page, with its kind and how many reports support it.
#[component]
fn EntityName(entity: EntityRef) -> impl IntoView {
    view! {
        <a href=format!("/staff/entities/{}", entity.id) class="entity-link">
            <span class="entity-kind">{t(kind_key(entity.kind))}</span>
            " "
            <bdi dir=value_dir(entity.kind)>{shown_value(entity.display)}</bdi>
        </a>
        " "
        <span class="hint">{t_count("entity-sources", &[("count", count(entity.sources))])}</span>
    }
}

/// One tip or case: a link, its status, day and governorate, and what it has in common.
#[component]
fn ItemLine(item: ConnectedItem, names: Vec<(i64, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let (href, title) = match item.kind {
        ItemKind::Tip => (
            format!("/staff/tips/{}", item.id),
            t_args("tip-title", &[("id", item.id.to_string())])(),
        ),
        ItemKind::Case => (
            format!("/staff/cases/{}", item.id),
            item.case_number.clone(),
        ),
    };
    let status_key = match item.kind {
        ItemKind::Tip => TipStatus::parse(&item.status).map(|s| s.message_key().to_owned()),
        ItemKind::Case => CaseStatus::parse(&item.status).map(CaseStatus::message_key),
    };
    let status = move || {
        status_key
            .as_deref()
            .map(|key| i18n.message(key, None))
            .unwrap_or_default()
    };
    let shared: Vec<String> = item
        .shared
        .iter()
        .filter_map(|id| names.iter().find(|(i, _)| i == id).map(|(_, n)| n.clone()))
        .collect();
    view! {
        <li>
            <a href=href><bdi>{title}</bdi></a>
            " · "
            {status}
            " · "
            <span dir="ltr">{item.received_on}</span>
            {item.governorate.map(|g| view! { " · " {t_owned(g.message_key())} })}
            {(!shared.is_empty()).then(|| view! {
                <br/>
                <span class="hint">{t("connections-shared")}</span>
                " "
                {shared.into_iter().map(|s| view! { <bdi class="identifier">{s}</bdi>" " }).collect_view()}
            })}
        </li>
    }
}

/// The reports of one kind: listed if the person works them, otherwise only counted.
#[component]
fn ItemList(
    heading: &'static str,
    none: &'static str,
    hidden: &'static str,
    items: Vec<ConnectedItem>,
    total: u32,
    visible: bool,
    names: Vec<(i64, String)>,
) -> impl IntoView {
    let shown = items.len();
    let body = if !visible && total > 0 {
        view! { <p class="hint">{t_count(hidden, &[("count", count(total))])}</p> }.into_any()
    } else if items.is_empty() {
        view! { <p class="hint">{t(none)}</p> }.into_any()
    } else {
        let rest = i64::from(total).saturating_sub(i64::try_from(shown).unwrap_or(i64::MAX));
        view! {
            <ul class="plain-list linked">
                {items.into_iter().map(|item| view! { <ItemLine item names=names.clone()/> }).collect_view()}
            </ul>
            {(rest > 0).then(|| view! { <p class="hint">{t_count("connections-more", &[("count", rest)])}</p> })}
        }
        .into_any()
    };
    view! {
        <h3>{t(heading)}</h3>
        {body}
    }
}

/// On a tip's or a case's page: what it names, and the other reports naming the same.
/// `skip_tips` on a tip's page, which lists the tips it shares a number with already.
#[component]
pub fn ConnectionsPanel(
    kind: ItemKind,
    id: i64,
    #[prop(optional)] skip_tips: bool,
) -> impl IntoView {
    let session = use_session();
    let base = match kind {
        ItemKind::Tip => "tips",
        ItemKind::Case => "cases",
    };
    let found = Loader::new(move || async move {
        session
            .call::<(), Connections>("GET", &format!("/api/v1/{base}/{id}/connections"), None)
            .await
    });
    view! {
        <section class="connections" aria-labelledby="connections-title">
            <h2 id="connections-title">{t("connections-title")}</h2>
            {move || match found.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(failure)) => view! { <Failed failure on_retry=move || found.reload()/> }.into_any(),
                Some(Ok(connections)) => connections_body(connections, kind, id, skip_tips),
            }}
        </section>
    }
}

fn connections_body(connections: Connections, kind: ItemKind, id: i64, skip_tips: bool) -> AnyView {
    if connections.entities.is_empty() {
        return view! { <p class="hint">{t("connections-none")}</p> }.into_any();
    }
    let names: Vec<(i64, String)> = connections
        .entities
        .iter()
        .map(|e| (e.id, e.display.clone()))
        .collect();
    let network = format!("/staff/network/{}/{id}", kind.as_str());
    view! {
        <h3>{t("connections-entities")}</h3>
        <ul class="plain-list entities">
            {connections.entities.into_iter().map(|entity| view! { <li><EntityName entity/></li> }).collect_view()}
        </ul>
        <p><a href=network class="button button-secondary">{t("connections-network")}</a></p>
        {(!skip_tips).then(|| view! {
            <ItemList heading="connections-tips" none="connections-tips-none" hidden="connections-hidden-tips"
                items=connections.tips total=connections.tip_count visible=connections.tips_visible names=names.clone()/>
        })}
        <ItemList heading="connections-cases" none="connections-cases-none" hidden="connections-hidden-cases"
            items=connections.cases total=connections.case_count visible=connections.cases_visible names/>
    }
    .into_any()
}

/// `/staff/entities`: find an entity by what a report wrote.
#[component]
pub fn EntitySearch() -> impl IntoView {
    let session = use_session();
    let value = RwSignal::new(String::new());
    let found = RwSignal::new(None::<Result<Vec<EntityRef>, ApiFailure>>);
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let typed = value.get_untracked();
        if typed.trim().is_empty() {
            return;
        }
        spawn_local(async move {
            let url = format!("/api/v1/entities?value={}", encode(&typed));
            let answer = session
                .call::<(), EntityLookup>("GET", &url, None)
                .await
                .map(|lookup| lookup.entities);
            found.set(Some(answer));
        });
    };
    view! {
        <section class="page">
            <h1>{t("entities-title")}</h1>
            <p>{t("entities-intro")}</p>
            <form class="entity-search" role="search" on:submit=on_submit>
                <label for="entity-value">{t("entities-search-label")}</label>
                <p class="hint" id="entity-value-hint">{t("entities-search-hint")}</p>
                <input id="entity-value" type="search" dir="auto" aria-describedby="entity-value-hint" bind:value=value/>
                <button type="submit" class="button">{t("entities-search-go")}</button>
            </form>
            <div aria-live="polite">
                {move || found.get().map(|answer| match answer {
                    Err(failure) => view! { <Failed failure on_retry=move || {}/> }.into_any(),
                    Ok(list) if list.is_empty() => view! { <p class="hint">{t("entities-none")}</p> }.into_any(),
                    Ok(list) => view! {
                        <ul class="plain-list entities">
                            {list.into_iter().map(|entity| view! { <li><EntityName entity/></li> }).collect_view()}
                        </ul>
                    }.into_any(),
                })}
            </div>
        </section>
    }
}

/// Percent-encodes a query value (the address bar shows it decoded again).
pub fn encode(text: &str) -> String {
    js_sys::encode_uri_component(text)
        .as_string()
        .unwrap_or_default()
}

/// `/staff/entities/{id}`.
#[component]
pub fn EntityView(id: i64) -> impl IntoView {
    let session = use_session();
    let loaded = Loader::new(move || async move {
        session
            .call::<(), EntityPage>("GET", &format!("/api/v1/entities/{id}"), None)
            .await
    });
    // A merge or a split answers with the page as it is now.
    let current = RwSignal::new(None::<EntityPage>);
    view! {
        <section class="page page-wide entity-page">
            <p><a href="/staff/entities">{t("entity-back")}</a></p>
            {move || match (current.get(), loaded.get()) {
                (Some(page), _) | (None, Some(Ok(page))) => view! { <EntityBody page current/> }.into_any(),
                (None, None) => view! { <h1>{t("entities-title")}</h1><Loading/> }.into_any(),
                (None, Some(Err(failure))) => view! {
                    <h1>{t("entities-title")}</h1>
                    <Failed failure on_retry=move || loaded.reload()/>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn EntityBody(page: EntityPage, current: RwSignal<Option<EntityPage>>) -> impl IntoView {
    let i18n = use_i18n();
    let id = page.id;
    let kind = page.kind;
    let governorates = page.governorates.clone();
    let places = move || {
        governorates
            .iter()
            .map(|g| {
                format!(
                    "{} ({})",
                    i18n.message(&g.governorate.message_key(), None),
                    g.items
                )
            })
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let no_places = page.governorates.is_empty();
    let names = vec![(page.id, page.display.clone())];
    view! {
        <h1>
            <span class="entity-kind">{t(kind_key(kind))}</span>
            " "
            <bdi dir=value_dir(kind)>{shown_value(page.display.clone())}</bdi>
        </h1>
        <dl class="tip-fields">
            <dt>{t("entity-sources-label")}</dt>
            <dd>{t_count("entity-sources", &[("count", count(page.sources))])}</dd>
            <dt>{t("entity-first-seen")}</dt>
            <dd><span dir="ltr">{page.first_seen.clone().unwrap_or_default()}</span></dd>
            <dt>{t("entity-last-seen")}</dt>
            <dd><span dir="ltr">{page.last_seen.clone().unwrap_or_default()}</span></dd>
            <dt>{t("entity-governorates")}</dt>
            <dd>{if no_places { view! { <span class="hint">{t("tip-not-given")}</span> }.into_any() } else { view! { <span>{places}</span> }.into_any() }}</dd>
        </dl>
        <p><a href=format!("/staff/network/entity/{id}") class="button button-secondary">{t("connections-network")}</a></p>
        {(kind == EntityKind::Agency).then(|| view! { <Spellings page=page.clone() current/> })}
        <h2>{t("entity-reports")}</h2>
        <ItemList heading="entity-tips" none="entity-tips-none" hidden="connections-hidden-tips"
            items=page.tips total=page.tip_count visible=page.tips_visible names=names.clone()/>
        <ItemList heading="entity-cases" none="entity-cases-none" hidden="connections-hidden-cases"
            items=page.cases total=page.case_count visible=page.cases_visible names/>
    }
}

/// An agency's other spellings, each split off with one button, and the form that merges another.
#[component]
fn Spellings(page: EntityPage, current: RwSignal<Option<EntityPage>>) -> impl IntoView {
    let session = use_session();
    let id = page.id;
    let outcome = RwSignal::new(Outcome::Idle);
    let value = RwSignal::new(String::new());
    let candidates = RwSignal::new(None::<Vec<EntityRef>>);
    let busy = RwSignal::new(false);
    let apply = move |answer: Result<EntityPage, ApiFailure>, done: &'static str| {
        busy.set(false);
        match answer {
            Ok(page) => {
                current.set(Some(page));
                outcome.set(Outcome::Done(t(done)()));
            }
            Err(failure) => outcome.set(Outcome::Failed(failure)),
        }
    };
    let split = move |alias: i64| {
        busy.set(true);
        spawn_local(async move {
            let answer = session
                .call::<(), EntityPage>(
                    "DELETE",
                    &format!("/api/v1/entities/{id}/aliases/{alias}"),
                    None,
                )
                .await;
            apply(answer, "entity-split-done");
        });
    };
    let merge = move |other: i64| {
        busy.set(true);
        spawn_local(async move {
            let answer = session
                .call::<EntityMerge, EntityPage>(
                    "POST",
                    &format!("/api/v1/entities/{id}/aliases"),
                    Some(&EntityMerge { other }),
                )
                .await;
            candidates.set(None);
            value.set(String::new());
            apply(answer, "entity-merged");
        });
    };
    let find = move |event: SubmitEvent| {
        event.prevent_default();
        let typed = value.get_untracked();
        if typed.trim().is_empty() {
            return;
        }
        spawn_local(async move {
            let url = format!("/api/v1/entities?value={}", encode(&typed));
            match session.call::<(), EntityLookup>("GET", &url, None).await {
                Ok(lookup) => candidates.set(Some(
                    lookup
                        .entities
                        .into_iter()
                        .filter(|e| e.kind == EntityKind::Agency && e.id != id)
                        .collect(),
                )),
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
        });
    };
    view! {
        <h2>{t("entity-aliases")}</h2>
        {if page.aliases.is_empty() {
            view! { <p class="hint">{t("entity-aliases-none")}</p> }.into_any()
        } else {
            view! {
                <ul class="plain-list aliases">
                    {page.aliases.into_iter().map(|alias| {
                        let alias_id = alias.id;
                        view! {
                            <li>
                                <bdi dir="auto">{alias.display}</bdi>
                                " "
                                <span class="hint">{t_count("entity-sources", &[("count", count(alias.sources))])}</span>
                                " "
                                <button type="button" class="button button-secondary" disabled=move || busy.get()
                                    on:click=move |_| split(alias_id)>{t("entity-split")}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <form class="entity-merge" on:submit=find>
            <label for="merge-value">{t("entity-merge")}</label>
            <p class="hint" id="merge-value-hint">{t("entity-merge-hint")}</p>
            <input id="merge-value" type="search" dir="auto" aria-describedby="merge-value-hint" bind:value=value/>
            <button type="submit" class="button button-secondary">{t("entity-merge-find")}</button>
        </form>
        <div aria-live="polite">
            {move || candidates.get().map(|list| if list.is_empty() {
                view! { <p class="hint">{t("entity-merge-none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {list.into_iter().map(|other| {
                            let other_id = other.id;
                            view! {
                                <li>
                                    <button type="button" class="button" disabled=move || busy.get()
                                        on:click=move |_| merge(other_id)>
                                        {t_args("entity-merge-confirm", &[("name", other.display.clone())])}
                                    </button>
                                    " "
                                    <span class="hint">{t_count("entity-sources", &[("count", count(other.sources))])}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            })}
        </div>
        <OutcomeNotice outcome/>
    }
}
