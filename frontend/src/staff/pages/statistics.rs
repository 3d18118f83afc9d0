//! `/staff/statistics`: the committee's figures as SVG charts drawn here (no charting library):
//! reports per week, time to first look, and counts by governorate, subject, status and outcome.
//! Counts under five come as "<5" for everyone but admins, and are drawn as a hatched stub
//! labelled "<5", never as a guess. Every chart has its figures as a table beside it.

use leptos::{ev::SubmitEvent, prelude::*};
use sanad_frontend::{
    components::states::{Failed, Loading},
    i18n::{t, t_args, use_i18n},
    loader::Loader,
};
use sanad_shared::{
    cases::CaseStatus,
    statistics::{Bucket, Count, KindFigures, Statistics},
    tips::{Governorate, TipStatus, TipSubject},
    Direction,
};

use super::{
    file_export::FileExport,
    map::GovernorateMap,
    queue::{current_search, query_value},
};
use crate::session::use_session;

#[component]
pub fn StatisticsView() -> impl IntoView {
    let session = use_session();
    let search = current_search();
    let from = RwSignal::new(query_value(&search, "from"));
    let to = RwSignal::new(query_value(&search, "to"));
    let figures = Loader::new(move || async move {
        let mut query = Vec::new();
        for (name, value) in [("from", from.get_untracked()), ("to", to.get_untracked())] {
            if !value.is_empty() {
                query.push(format!("{name}={value}"));
            }
        }
        session
            .call::<(), Statistics>(
                "GET",
                &format!("/api/v1/statistics?{}", query.join("&")),
                None,
            )
            .await
    });
    let apply = move |event: SubmitEvent| {
        event.prevent_default();
        let mut query = Vec::new();
        for (name, value) in [("from", from.get_untracked()), ("to", to.get_untracked())] {
            if !value.is_empty() {
                query.push(format!("{name}={value}"));
            }
        }
        let address = if query.is_empty() {
            "/staff/statistics".to_owned()
        } else {
            format!("/staff/statistics?{}", query.join("&"))
        };
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ =
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
        }
        figures.reload();
    };
    view! {
        <section class="page page-wide statistics-page">
            <h1>{t("statistics-title")}</h1>
            <form class="filters network-period" on:submit=apply>
                <div class="filter">
                    <label for="statistics-from">{t("statistics-from")}</label>
                    <input id="statistics-from" type="date" dir="ltr" prop:value=move || from.get() on:change=move |event| from.set(event_target_value(&event))/>
                </div>
                <div class="filter">
                    <label for="statistics-to">{t("statistics-to")}</label>
                    <input id="statistics-to" type="date" dir="ltr" prop:value=move || to.get() on:change=move |event| to.set(event_target_value(&event))/>
                </div>
                <button type="submit" class="button button-secondary">{t("network-apply")}</button>
            </form>
            <FileExport address=Callback::new(move |()| {
                let mut query = Vec::new();
                for (name, value) in [("from", from.get_untracked()), ("to", to.get_untracked())] {
                    if !value.is_empty() {
                        query.push(format!("{name}={value}"));
                    }
                }
                format!("/api/v1/statistics/export?{}", query.join("&"))
            }) name="statistics"/>
            {move || match figures.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(failure)) => view! { <Failed failure on_retry=move || figures.reload()/> }.into_any(),
                Some(Ok(found)) => view! { <Figures statistics=found/> }.into_any(),
            }}
        </section>
    }
}

fn shown(count: Count) -> String {
    count.to_string()
}

#[component]
fn Figures(statistics: Statistics) -> impl IntoView {
    let period = t_args(
        "statistics-period",
        &[
            ("from", statistics.from.clone()),
            ("to", statistics.to.clone()),
        ],
    );
    let tips = statistics.tips.clone();
    let cases = statistics.cases.clone();
    view! {
        <p><bdi>{period}</bdi></p>
        {(!statistics.exact).then(|| view! { <p class="hint">{t("statistics-small")}</p> })}
        <div class="count-tiles">
            {tips.clone().map(|k| view! {
                <Tile label="statistics-tips-open" count=k.open/>
                <Tile label="statistics-tips-overdue" count=k.overdue/>
                <Tile label="statistics-tips-received" count=k.received/>
            })}
            {cases.clone().map(|k| view! {
                <Tile label="statistics-cases-open" count=k.open/>
                <Tile label="statistics-cases-overdue" count=k.overdue/>
                <Tile label="statistics-cases-received" count=k.received/>
            })}
        </div>
        <WeeklyChart tips=tips.clone() cases=cases.clone()/>
        <FirstLookChart tips=tips.clone() cases=cases.clone()/>
        <GovernorateMap tips=tips.as_ref().map(|k| k.by_governorate.clone()) cases=cases.as_ref().map(|k| k.by_governorate.clone())/>
        {tips.map(|k| view! {
            <BarChart id="tips-governorate" title="statistics-tips-by-governorate" buckets=k.by_governorate.clone() label=governorate_label/>
            <BarChart id="tips-subject" title="statistics-tips-by-subject" buckets=k.by_subject.clone() label=subject_label/>
            <BarChart id="tips-status" title="statistics-tips-by-status" buckets=k.by_status.clone() label=tip_status_label/>
        })}
        {cases.map(|k| view! {
            <BarChart id="cases-governorate" title="statistics-cases-by-governorate" buckets=k.by_governorate.clone() label=governorate_label/>
            <BarChart id="cases-status" title="statistics-cases-by-status" buckets=k.by_status.clone() label=case_status_label/>
            <BarChart id="cases-outcome" title="statistics-cases-outcomes" buckets=k.outcomes.clone() label=case_status_label/>
        })}
    }
}

#[component]
fn Tile(label: &'static str, count: Count) -> impl IntoView {
    view! {
        <div class="count-tile">
            <span class="count-figure" dir="ltr">{shown(count)}</span>
            <span class="count-label">{t(label)}</span>
        </div>
    }
}

pub fn governorate_label(key: &str) -> String {
    match Governorate::parse(key) {
        Some(g) => t_args_owned(&g.message_key()),
        None => t("statistics-unknown-governorate")(),
    }
}

fn subject_label(key: &str) -> String {
    TipSubject::ALL
        .into_iter()
        .find(|s| s.as_str() == key)
        .map(|s| t(s.message_key())())
        .unwrap_or_else(|| key.to_owned())
}

fn tip_status_label(key: &str) -> String {
    TipStatus::parse(key)
        .map(|s| t(s.message_key())())
        .unwrap_or_else(|| key.to_owned())
}

fn case_status_label(key: &str) -> String {
    CaseStatus::parse(key)
        .map(|s| t_args_owned(&s.message_key()))
        .unwrap_or_else(|| key.to_owned())
}

fn t_args_owned(key: &str) -> String {
    use_i18n().message(key, None)
}

/// A horizontal bar per bucket, the longest first; bars grow from the side the text starts on.
#[component]
fn BarChart(
    id: &'static str,
    title: &'static str,
    buckets: Vec<Bucket>,
    label: fn(&str) -> String,
) -> impl IntoView {
    let i18n = use_i18n();
    let mut rows: Vec<(String, Count)> = buckets.iter().map(|b| (label(&b.key), b.count)).collect();
    rows.sort_by_key(|(_, c)| std::cmp::Reverse(c.value().unwrap_or(0)));
    let max = rows
        .iter()
        .filter_map(|(_, c)| c.value())
        .max()
        .unwrap_or(0)
        .max(5) as f32;
    const WIDTH: f32 = 640.0;
    const LABEL: f32 = 190.0;
    const ROW: f32 = 24.0;
    let height = ROW * rows.len() as f32 + 8.0;
    let rtl = i18n.shown.get_untracked().direction() == Direction::Rtl;
    let room = WIDTH - LABEL - 60.0;
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, (name, count))| {
            let y = 4.0 + ROW * i as f32;
            let length = match count.value() {
                Some(n) => room * n as f32 / max,
                None => 6.0,
            };
            let (label_x, bar_x, value_x, anchor) = if rtl {
                (WIDTH - 4.0, WIDTH - LABEL - length, WIDTH - LABEL - length - 6.0, "end")
            } else {
                (4.0, LABEL, LABEL + length + 6.0, "start")
            };
            let class = if count.value().is_some() { "bar" } else { "bar bar-small" };
            view! {
                <text x=label_x y=y + 16.0 text-anchor="start" direction=if rtl { "rtl" } else { "ltr" }>{name.clone()}</text>
                <rect x=bar_x y=y + 4.0 width=length height=ROW - 8.0 class=class/>
                <text x=value_x y=y + 16.0 text-anchor=anchor class="bar-value" direction="ltr">{shown(*count)}</text>
            }
        })
        .collect_view();
    let caption_id = format!("{id}-caption");
    view! {
        <figure class="chart">
            <figcaption id=caption_id.clone()>{t(title)}</figcaption>
            <svg viewBox=format!("0 0 {WIDTH} {height}") class="bar-chart" role="img" aria-labelledby=caption_id>
                {bars}
            </svg>
            <details>
                <summary>{t("statistics-as-table")}</summary>
                <table class="figures">
                    <tbody>
                        {rows.into_iter().map(|(name, count)| view! {
                            <tr><th scope="row">{name}</th><td dir="ltr">{shown(count)}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
        </figure>
    }
}

/// A series' CSS class, its name's key, and its count per week.
type WeeklySeries = (&'static str, &'static str, Vec<(String, Count)>);
/// A series' CSS class, its name's key, its table's caption key, and per week the median and
/// 90th percentile of days to the first look.
type FirstLookSeries = (
    &'static str,
    &'static str,
    &'static str,
    Vec<(String, Option<f32>, Option<f32>)>,
);

const CHART_W: f32 = 720.0;
const CHART_H: f32 = 240.0;
const PAD_X: f32 = 36.0;
const PAD_Y: f32 = 16.0;
const AXIS: f32 = 28.0;

/// Reports per week, tips and cases side by side; time runs left to right in every language.
#[component]
fn WeeklyChart(tips: Option<KindFigures>, cases: Option<KindFigures>) -> impl IntoView {
    let series: Vec<WeeklySeries> = [
        tips.as_ref()
            .map(|k| ("series-tips", "statistics-series-tips", k)),
        cases
            .as_ref()
            .map(|k| ("series-cases", "statistics-series-cases", k)),
    ]
    .into_iter()
    .flatten()
    .map(|(class, name, k)| {
        (
            class,
            name,
            k.weeks
                .iter()
                .map(|w| (w.week.clone(), w.received))
                .collect(),
        )
    })
    .collect();
    let weeks: Vec<String> = series
        .first()
        .map(|(_, _, v)| v.iter().map(|(w, _)| w.clone()).collect())
        .unwrap_or_default();
    let max = series
        .iter()
        .flat_map(|(_, _, v)| v.iter().filter_map(|(_, c)| c.value()))
        .max()
        .unwrap_or(0)
        .max(5) as f32;
    let slot = (CHART_W - 2.0 * PAD_X) / weeks.len().max(1) as f32;
    let bar = (slot * 0.8 / series.len().max(1) as f32).max(1.0);
    let base = CHART_H - AXIS;
    let scale = (base - PAD_Y) / max;
    let mut shapes = Vec::new();
    for (s, (class, _, values)) in series.iter().enumerate() {
        for (i, (week, count)) in values.iter().enumerate() {
            let x = PAD_X + slot * i as f32 + slot * 0.1 + bar * s as f32;
            let (h, small) = match count.value() {
                Some(n) => (n as f32 * scale, false),
                None => (4.0, true),
            };
            let class = format!("{class}{}", if small { " bar-small" } else { "" });
            shapes.push(view! {
                <rect x=x y=base - h width=bar height=h class=class>
                    <title>{format!("{week}: {count}")}</title>
                </rect>
            });
        }
    }
    // A date under every fourth week, so the labels never overlap.
    let ticks = weeks
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 4 == 0)
        .map(|(i, week)| {
            let x = PAD_X + slot * i as f32 + slot / 2.0;
            view! { <text x=x y=CHART_H - 8.0 text-anchor="middle" direction="ltr" class="tick">{week.get(5..).unwrap_or(week).to_owned()}</text> }
        })
        .collect_view();
    let top = max as u32;
    let legend = series
        .iter()
        .map(|(class, name, _)| view! { <li><span class=format!("swatch {class}") aria-hidden="true"></span>{t(name)}</li> })
        .collect_view();
    let table_head = series
        .iter()
        .map(|(_, name, _)| view! { <th scope="col">{t(name)}</th> })
        .collect_view();
    let table_rows = weeks
        .iter()
        .enumerate()
        .map(|(i, week)| {
            let cells = series
                .iter()
                .map(|(_, _, values)| {
                    let value = values.get(i).map(|(_, c)| shown(*c)).unwrap_or_default();
                    view! { <td dir="ltr">{value}</td> }
                })
                .collect_view();
            view! { <tr><th scope="row" dir="ltr">{week.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <figcaption id="weekly-caption">{t("statistics-weekly")}</figcaption>
            <ul class="network-legend">{legend}</ul>
            <svg viewBox=format!("0 0 {CHART_W} {CHART_H}") class="column-chart" role="img" aria-labelledby="weekly-caption">
                <line x1=PAD_X y1=base x2=CHART_W - PAD_X y2=base class="axis"/>
                <text x=PAD_X - 4.0 y=PAD_Y + 4.0 text-anchor="end" direction="ltr" class="tick">{top}</text>
                <text x=PAD_X - 4.0 y=base text-anchor="end" direction="ltr" class="tick">"0"</text>
                {shapes}
                {ticks}
            </svg>
            <details>
                <summary>{t("statistics-as-table")}</summary>
                <table class="figures">
                    <thead><tr><th scope="col">{t("statistics-week")}</th>{table_head}</tr></thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </details>
        </figure>
    }
}

/// Median and 90th percentile of days to the first look, per week, as lines.
#[component]
fn FirstLookChart(tips: Option<KindFigures>, cases: Option<KindFigures>) -> impl IntoView {
    let series: Vec<FirstLookSeries> = [
        tips.as_ref().map(|k| {
            (
                "series-tips",
                "statistics-series-tips",
                "statistics-first-look-tips",
                k,
            )
        }),
        cases.as_ref().map(|k| {
            (
                "series-cases",
                "statistics-series-cases",
                "statistics-first-look-cases",
                k,
            )
        }),
    ]
    .into_iter()
    .flatten()
    .map(|(class, name, long, k)| {
        (
            class,
            name,
            long,
            k.weeks
                .iter()
                .map(|w| {
                    (
                        w.week.clone(),
                        w.first_look_median_days,
                        w.first_look_p90_days,
                    )
                })
                .collect(),
        )
    })
    .collect();
    let weeks = series.first().map(|(_, _, _, v)| v.len()).unwrap_or(0);
    let max = series
        .iter()
        .flat_map(|(_, _, _, v)| v.iter().flat_map(|(_, m, p)| [*m, *p]).flatten())
        .fold(1.0_f32, f32::max);
    let slot = (CHART_W - 2.0 * PAD_X) / weeks.max(1) as f32;
    let base = CHART_H - AXIS;
    let scale = (base - PAD_Y) / max;
    let point = |i: usize, v: f32| (PAD_X + slot * i as f32 + slot / 2.0, base - v * scale);
    let mut lines = Vec::new();
    for (class, _, _, values) in &series {
        for (pick, dashed) in [(0usize, false), (1usize, true)] {
            // Weeks without a figure (too few looked at) break the line.
            let mut path = String::new();
            let mut pen_down = false;
            for (i, (_, median, p90)) in values.iter().enumerate() {
                match if pick == 0 { median } else { p90 } {
                    Some(v) => {
                        let (x, y) = point(i, *v);
                        path.push_str(&format!(
                            "{}{x:.1},{y:.1} ",
                            if pen_down { "L" } else { "M" }
                        ));
                        pen_down = true;
                    }
                    None => pen_down = false,
                }
            }
            let dots = values
                .iter()
                .enumerate()
                .filter_map(|(i, (_, m, p))| (if pick == 0 { *m } else { *p }).map(|v| point(i, v)))
                .map(|(x, y)| view! { <circle cx=x cy=y r=2.5 class=format!("{class} dot")/> })
                .collect_view();
            lines.push(view! {
                <path d=path class=format!("{class} line{}", if dashed { " line-p90" } else { "" })/>
                {dots}
            });
        }
    }
    let legend = series
        .iter()
        .map(|(class, name, _, _)| view! { <li><span class=format!("swatch {class}") aria-hidden="true"></span>{t(name)}</li> })
        .collect_view();
    let tables = series
        .iter()
        .map(|(_, _, long, values)| {
            let rows = values
                .iter()
                .map(|(week, m, p)| {
                    let days = |v: &Option<f32>| v.map(|d| format!("{d:.0}")).unwrap_or_else(|| "–".to_owned());
                    view! { <tr><th scope="row" dir="ltr">{week.clone()}</th><td dir="ltr">{days(m)}</td><td dir="ltr">{days(p)}</td></tr> }
                })
                .collect_view();
            view! {
                <table class="figures">
                    <caption>{t(long)}</caption>
                    <thead><tr><th scope="col">{t("statistics-week")}</th><th scope="col">{t("statistics-median")}</th><th scope="col">{t("statistics-p90")}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        })
        .collect_view();
    let top = format!("{max:.0}");
    view! {
        <figure class="chart">
            <figcaption id="first-look-caption">{t("statistics-first-look")}</figcaption>
            <p class="hint">{t("statistics-first-look-hint")}</p>
            <ul class="network-legend">
                {legend}
                <li><span class="swatch-line" aria-hidden="true"></span>{t("statistics-median")}</li>
                <li><span class="swatch-line swatch-dashed" aria-hidden="true"></span>{t("statistics-p90")}</li>
            </ul>
            <svg viewBox=format!("0 0 {CHART_W} {CHART_H}") class="line-chart" role="img" aria-labelledby="first-look-caption">
                <line x1=PAD_X y1=base x2=CHART_W - PAD_X y2=base class="axis"/>
                <text x=PAD_X - 4.0 y=PAD_Y + 4.0 text-anchor="end" direction="ltr" class="tick">{top}</text>
                <text x=PAD_X - 4.0 y=base text-anchor="end" direction="ltr" class="tick">"0"</text>
                {lines}
            </svg>
            <details>
                <summary>{t("statistics-as-table")}</summary>
                {tables}
            </details>
        </figure>
    }
}
