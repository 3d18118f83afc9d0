//! The map of Iraq's governorates on the statistics page: tips or cases per governorate, coloured
//! by count per 100,000 inhabitants or by raw count. A governorate whose count is "<5" is
//! hatched, never coloured by a guess. The outline is generated from Natural Earth (see
//! `governorate_shapes`); Halabja, a governorate since 2014, is a point inside Sulaymaniyah.

use leptos::prelude::*;
use sanad_frontend::i18n::t;
use sanad_shared::{
    statistics::{colour_class, per_100k, Bucket, Count},
    tips::Governorate,
};

use super::statistics::governorate_label;
use crate::governorate_shapes::{HALABJA, HEIGHT, SHAPES, WIDTH};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Measure {
    Rate,
    Raw,
}

/// The figure a governorate is coloured by; `None` when its count is hidden.
fn figure(count: Count, code: &str, measure: Measure) -> Option<f32> {
    let n = count.value()?;
    match measure {
        Measure::Raw => Some(n as f32),
        Measure::Rate => per_100k(n, Governorate::parse(code)?),
    }
}

fn class_of(value: f32, max: f32) -> String {
    format!("map-class-{}", colour_class(value, max))
}

fn written(value: Option<f32>, measure: Measure) -> String {
    match (value, measure) {
        (None, _) => "<5".to_owned(),
        (Some(v), Measure::Raw) => format!("{v:.0}"),
        (Some(v), Measure::Rate) => format!("{v:.1}"),
    }
}

#[component]
pub fn GovernorateMap(tips: Option<Vec<Bucket>>, cases: Option<Vec<Bucket>>) -> impl IntoView {
    let show_cases = RwSignal::new(tips.is_none());
    let measure = RwSignal::new(Measure::Rate);
    let both = tips.is_some() && cases.is_some();
    let tips = StoredValue::new(tips.unwrap_or_default());
    let cases = StoredValue::new(cases.unwrap_or_default());
    let buckets = move || {
        if show_cases.get() {
            cases.get_value()
        } else {
            tips.get_value()
        }
    };
    let drawing = move || {
        let measure = measure.get();
        let buckets = buckets();
        let value_of = |code: &str| {
            buckets
                .iter()
                .find(|b| b.key == code)
                .and_then(|b| figure(b.count, code, measure))
        };
        // Reports without a governorate are not on the map, so they set no colour.
        let max = buckets
            .iter()
            .filter(|b| b.key != "unknown")
            .filter_map(|b| figure(b.count, &b.key, measure))
            .fold(0.0_f32, f32::max);
        let regions = SHAPES
            .iter()
            .map(|(code, path, (x, y))| {
                let value = value_of(code);
                let class = match value {
                    Some(v) => class_of(v, max),
                    None => "map-small".to_owned(),
                };
                let name = governorate_label(code);
                view! {
                    <path d=*path class=format!("region {class}")>
                        <title>{format!("{name}: {}", written(value, measure))}</title>
                    </path>
                    <text x=*x y=*y text-anchor="middle" direction="ltr" class="map-figure">{written(value, measure)}</text>
                }
            })
            .collect_view();
        let halabja = value_of("halabja");
        let halabja_class = match halabja {
            Some(v) => class_of(v, max),
            None => "map-small".to_owned(),
        };
        view! {
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") class="map" role="img" aria-labelledby="map-caption">
                <defs>
                    <pattern id="map-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect width="6" height="6" class="hatch-ground"/>
                        <line x1="0" y1="0" x2="0" y2="6" class="hatch-line"/>
                    </pattern>
                </defs>
                {regions}
                <circle cx=HALABJA.0 cy=HALABJA.1 r="7" class=format!("region {halabja_class}")>
                    <title>{format!("{}: {}", governorate_label("halabja"), written(halabja, measure))}</title>
                </circle>
            </svg>
        }
    };
    let table = move || {
        buckets()
            .into_iter()
            .filter(|b| b.key != "unknown")
            .map(|b| {
                let rate = figure(b.count, &b.key, Measure::Rate);
                view! {
                    <tr>
                        <th scope="row">{governorate_label(&b.key)}</th>
                        <td dir="ltr">{b.count.to_string()}</td>
                        <td dir="ltr">{written(rate, Measure::Rate)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <figure class="chart map-chart">
            <figcaption id="map-caption">{t("map-title")}</figcaption>
            <div class="map-switches">
                {both.then(|| view! {
                    <fieldset>
                        <legend>{t("map-show")}</legend>
                        <label><input type="radio" name="map-kind" prop:checked=move || !show_cases.get() on:change=move |_| show_cases.set(false)/>{t("statistics-series-tips")}</label>
                        <label><input type="radio" name="map-kind" prop:checked=move || show_cases.get() on:change=move |_| show_cases.set(true)/>{t("statistics-series-cases")}</label>
                    </fieldset>
                })}
                <fieldset>
                    <legend>{t("map-measure")}</legend>
                    <label><input type="radio" name="map-measure" prop:checked=move || measure.get() == Measure::Rate on:change=move |_| measure.set(Measure::Rate)/>{t("map-rate")}</label>
                    <label><input type="radio" name="map-measure" prop:checked=move || measure.get() == Measure::Raw on:change=move |_| measure.set(Measure::Raw)/>{t("map-raw")}</label>
                </fieldset>
            </div>
            <div class="map-frame">{drawing}</div>
            <ul class="network-legend">
                <li><span class="swatch map-class-1" aria-hidden="true"></span>{t("map-fewer")}</li>
                <li><span class="swatch map-class-5" aria-hidden="true"></span>{t("map-more")}</li>
                <li><span class="swatch map-small" aria-hidden="true"></span>{t("map-hidden")}</li>
            </ul>
            <p class="hint">{t("map-note")}</p>
            <details>
                <summary>{t("statistics-as-table")}</summary>
                <table class="figures">
                    <thead><tr>
                        <th scope="col">{t("entity-governorates")}</th>
                        <th scope="col">{t("map-raw")}</th>
                        <th scope="col">{t("map-rate")}</th>
                    </tr></thead>
                    <tbody>{table}</tbody>
                </table>
            </details>
        </figure>
    }
}
