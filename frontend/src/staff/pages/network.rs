//! `/staff/network/{entity|tip|case}/{id}`: what is connected to an entity, a tip or a case up to
//! two steps away, drawn as SVG with a force-directed layout (`sanad_shared::graph_layout`), with
//! a period filter. The drawing is a picture for the eye; the same network follows as a list of
//! links for keyboards and screen readers.

use leptos::{ev::SubmitEvent, prelude::*};
use sanad_frontend::{
    components::states::{Failed, Loading},
    i18n::{t, t_args, t_count},
    loader::Loader,
};
use sanad_shared::{
    entities::{Network, NetworkNode, NodeKind},
    graph_layout::{layout, LayoutOptions},
};

use super::{
    file_export::FileExport,
    queue::{current_search, query_value},
};
use crate::session::use_session;

const WIDTH: f32 = 1200.0;
/// A few items need less height than a crowd; the drawing keeps its width either way.
const HEIGHT: f32 = 760.0;
const SMALL_HEIGHT: f32 = 440.0;
const SMALL: usize = 12;

#[component]
pub fn NetworkView(kind: &'static str, id: i64) -> impl IntoView {
    let session = use_session();
    let search = current_search();
    let from = RwSignal::new(query_value(&search, "from"));
    let to = RwSignal::new(query_value(&search, "to"));
    let network = Loader::new(move || async move {
        let mut url = format!("/api/v1/network?{kind}={id}");
        for (name, value) in [("from", from.get_untracked()), ("to", to.get_untracked())] {
            if !value.is_empty() {
                url.push_str(&format!("&{name}={value}"));
            }
        }
        session.call::<(), Network>("GET", &url, None).await
    });
    let apply = move |event: SubmitEvent| {
        event.prevent_default();
        // The period goes into the address, so the view can be shared and reloaded as it is.
        let mut query = Vec::new();
        for (name, value) in [("from", from.get_untracked()), ("to", to.get_untracked())] {
            if !value.is_empty() {
                query.push(format!("{name}={value}"));
            }
        }
        let path = format!("/staff/network/{kind}/{id}");
        let address = if query.is_empty() {
            path
        } else {
            format!("{path}?{}", query.join("&"))
        };
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ =
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
        }
        network.reload();
    };
    let back = match kind {
        "tip" => format!("/staff/tips/{id}"),
        "case" => format!("/staff/cases/{id}"),
        _ => format!("/staff/entities/{id}"),
    };
    let about = match kind {
        "tip" => "network-about-tip",
        "case" => "network-about-case",
        _ => "network-about-entity",
    };
    view! {
        <section class="page page-wide network-page">
            <p><a href=back>{t("network-back")}</a></p>
            <h1>{t("network-title")}</h1>
            <p>{t(about)}</p>
            <form class="filters network-period" on:submit=apply>
                <div class="filter">
                    <label for="network-from">{t("network-from")}</label>
                    <input id="network-from" type="date" dir="ltr" prop:value=move || from.get() on:change=move |event| from.set(event_target_value(&event))/>
                </div>
                <div class="filter">
                    <label for="network-to">{t("network-to")}</label>
                    <input id="network-to" type="date" dir="ltr" prop:value=move || to.get() on:change=move |event| to.set(event_target_value(&event))/>
                </div>
                <button type="submit" class="button button-secondary">{t("network-apply")}</button>
            </form>
            <FileExport address=Callback::new(move |()| {
                let mut url = format!("/api/v1/network/export?{kind}={id}");
                for (name, value) in [("from", from.get_untracked()), ("to", to.get_untracked())] {
                    if !value.is_empty() {
                        url.push_str(&format!("&{name}={value}"));
                    }
                }
                url
            }) name="network" extension="ftm.json" label="export-ftm" hint="export-ftm-hint"/>
            {move || match network.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(failure)) => view! { <Failed failure on_retry=move || network.reload()/> }.into_any(),
                Some(Ok(found)) => view! { <Drawing network=found/> }.into_any(),
            }}
        </section>
    }
}

fn kind_class(node: &NetworkNode) -> &'static str {
    if node.id.is_none() {
        return "node-hidden";
    }
    match node.kind {
        NodeKind::Phone => "node-phone",
        NodeKind::Account => "node-account",
        NodeKind::Agency => "node-agency",
        NodeKind::Tip => "node-tip",
        NodeKind::Case => "node-case",
    }
}

fn kind_key(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Phone => "entity-kind-phone",
        NodeKind::Account => "entity-kind-account",
        NodeKind::Agency => "entity-kind-agency",
        NodeKind::Tip => "network-kind-tip",
        NodeKind::Case => "network-kind-case",
    }
}

fn is_entity(kind: NodeKind) -> bool {
    matches!(kind, NodeKind::Phone | NodeKind::Account | NodeKind::Agency)
}

fn href(node: &NetworkNode) -> Option<String> {
    let id = node.id?;
    Some(match node.kind {
        NodeKind::Tip => format!("/staff/tips/{id}"),
        NodeKind::Case => format!("/staff/cases/{id}"),
        NodeKind::Phone | NodeKind::Account | NodeKind::Agency => format!("/staff/entities/{id}"),
    })
}

/// What a node is called in the list and its tooltip.
fn name(node: &NetworkNode) -> String {
    match (node.kind, node.id) {
        (NodeKind::Tip, Some(id)) => t_args("tip-title", &[("id", id.to_string())])(),
        (NodeKind::Tip, None) => t("network-hidden-tip")(),
        (NodeKind::Case, None) => t("network-hidden-case")(),
        _ => super::entities::shown_value(node.label.clone()),
    }
}

/// Long agency names are cut in the drawing; the list below has them whole.
fn short(label: &str) -> String {
    let mut out: String = label.chars().take(22).collect();
    if label.chars().count() > 22 {
        out.push('…');
    }
    out
}

/// A line's thickness grows with the independent sources behind it, by its square root so one
/// busy pair does not cover the drawing.
fn thickness(sources: u32) -> f32 {
    (1.0 + 1.6 * ((sources.max(1) - 1) as f32).sqrt()).min(9.0)
}

fn radius(node: &NetworkNode) -> f32 {
    if node.step == 0 {
        14.0
    } else if is_entity(node.kind) {
        (6.0 + 1.5 * (node.sources as f32).sqrt()).min(13.0)
    } else {
        5.5
    }
}

#[component]
fn Drawing(network: Network) -> impl IntoView {
    let navigate = leptos_router::hooks::use_navigate();
    if network.nodes.len() <= 1 {
        return view! { <p class="hint">{t("network-empty")}</p> }.into_any();
    }
    let height = if network.nodes.len() <= SMALL {
        SMALL_HEIGHT
    } else {
        HEIGHT
    };
    let edges: Vec<(usize, usize, f32)> = network
        .edges
        .iter()
        .map(|e| (e.from as usize, e.to as usize, e.sources as f32))
        .collect();
    let options = LayoutOptions {
        width: WIDTH,
        height,
        iterations: 300,
        // Room for a label of 22 characters centred under an item at the edge.
        margin: 90.0,
    };
    let points = layout(network.nodes.len(), &edges, Some(0), &options);
    let at = |index: u32| points.get(index as usize).copied();
    let lines = network
        .edges
        .iter()
        .filter_map(|edge| {
            let (a, b) = (at(edge.from)?, at(edge.to)?);
            let between_entities = network
                .nodes
                .get(edge.from as usize)
                .zip(network.nodes.get(edge.to as usize))
                .is_some_and(|(x, y)| is_entity(x.kind) && is_entity(y.kind));
            Some(view! {
                <line x1=a.x y1=a.y x2=b.x y2=b.y
                    class=if between_entities { "edge edge-together" } else { "edge" }
                    stroke-width=thickness(edge.sources)/>
            })
        })
        .collect_view();
    let circles = network
        .nodes
        .iter()
        .zip(points.iter())
        .map(|(node, point)| {
            let target = href(node);
            let title = name(node);
            // In a crowded view only what links several reports is named in the drawing; the
            // rest are named in their tooltip and in the list below.
            let crowded = network.nodes.len() > 60;
            let labelled = node.step == 0 || (is_entity(node.kind) && (!crowded || node.sources >= 2));
            let label = short(&title);
            let ltr = matches!(node.kind, NodeKind::Phone | NodeKind::Account | NodeKind::Tip | NodeKind::Case);
            let class = format!("node {}{}", kind_class(node), if node.step == 0 { " node-centre" } else { "" });
            let navigate = navigate.clone();
            let on_click = move |_| {
                if let Some(target) = target.as_deref() {
                    navigate(target, Default::default());
                }
            };
            view! {
                <g class=class on:click=on_click>
                    <circle cx=point.x cy=point.y r=radius(node)>
                        <title>{title.clone()}</title>
                    </circle>
                    {labelled.then(|| view! {
                        <text x=point.x y=point.y + radius(node) + 12.0 text-anchor="middle"
                            direction=if ltr { "ltr" } else { "rtl" } unicode-bidi="plaintext">{label}</text>
                    })}
                </g>
            }
        })
        .collect_view();
    let node_count = i64::try_from(network.nodes.len()).unwrap_or(i64::MAX);
    let edge_count = i64::try_from(network.edges.len()).unwrap_or(i64::MAX);
    let summary = t_count(
        "network-summary",
        &[("nodes", node_count), ("links", edge_count)],
    );
    let list = network_list(&network);
    view! {
        {network.truncated.then(|| view! { <p class="notice notice-warning">{t("network-truncated")}</p> })}
        <ul class="network-legend" aria-label=t("network-legend")>
            {[NodeKind::Phone, NodeKind::Account, NodeKind::Agency, NodeKind::Tip, NodeKind::Case].into_iter().map(|kind| {
                let class = format!("swatch node-{}", match kind {
                    NodeKind::Phone => "phone",
                    NodeKind::Account => "account",
                    NodeKind::Agency => "agency",
                    NodeKind::Tip => "tip",
                    NodeKind::Case => "case",
                });
                view! { <li><span class=class aria-hidden="true"></span>{t(kind_key(kind))}</li> }
            }).collect_view()}
            <li><span class="swatch node-hidden" aria-hidden="true"></span>{t("network-kind-hidden")}</li>
            <li><span class="swatch-line" aria-hidden="true"></span>{t("network-thickness")}</li>
        </ul>
        <div class="network-frame">
            <svg viewBox=format!("0 0 {WIDTH} {height}") class="network" role="img" aria-label=summary>
                <g class="edges">{lines}</g>
                <g class="nodes">{circles}</g>
            </svg>
        </div>
        <h2>{t("network-list")}</h2>
        {list}
    }
    .into_any()
}

/// The network as text: each node with a link and what it is connected to, closest first.
fn network_list(network: &Network) -> AnyView {
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); network.nodes.len()];
    for edge in &network.edges {
        let (a, b) = (edge.from as usize, edge.to as usize);
        if let Some(list) = neighbours.get_mut(a) {
            list.push(b);
        }
        if let Some(list) = neighbours.get_mut(b) {
            list.push(a);
        }
    }
    let rows = network
        .nodes
        .iter()
        .enumerate()
        .map(|(index, node)| {
            let title = name(node);
            let dir = if matches!(node.kind, NodeKind::Agency) { "auto" } else { "ltr" };
            let linked = neighbours.get(index).map(Vec::len).unwrap_or(0);
            let name_view = match href(node) {
                Some(target) => view! { <a href=target><bdi dir=dir>{title}</bdi></a> }.into_any(),
                None => view! { <span>{title}</span> }.into_any(),
            };
            view! {
                <li class=format!("step-{}", node.step)>
                    <span class="entity-kind">{t(kind_key(node.kind))}</span>
                    " "
                    {name_view}
                    " "
                    <span class="hint">{t_count("network-links", &[("count", i64::try_from(linked).unwrap_or(0))])}</span>
                    {node.received_on.clone().map(|day| view! { " · " <span dir="ltr">{day}</span> })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="plain-list network-list">{rows}</ul> }.into_any()
}
