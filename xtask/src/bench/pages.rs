//! `cargo xtask bench pages`: Lighthouse mobile (simulated Slow 4G) on the public pages in Arabic
//! and Sorani, served by the release server. The performance score and the timings behind it
//! depend on the machine's speed, so they are judged here and never in a test; the browser tests
//! assert only what does not (accessibility, best practices, layout shift, other hosts).

use std::{collections::BTreeMap, path::Path, process::Command};

use anyhow::{bail, Context as _};
use serde_json::Value;

use super::Verdict;
use crate::{
    process::{self, root},
    test::{self, Server},
};

/// Lighthouse rounds per page; each figure is the median of them.
const ROUNDS: usize = 3;

/// A figure Lighthouse reports and the target it is held to.
struct Metric {
    name: &'static str,
    /// The field in the JSON line `e2e/bench/pages.mjs` prints.
    field: &'static str,
    unit: &'static str,
    target: f64,
    /// Whether the figure must be at least the target (a score) or at most (a time).
    at_least: bool,
}

/// The performance score target is the quality notes' (>= 98); the three timings are the
/// boundaries at which Lighthouse's mobile scoring calls them good (its 10th-percentile control
/// points: FCP 1.8 s, LCP 2.5 s, TBT 200 ms).
const METRICS: [Metric; 4] = [
    Metric {
        name: "performance",
        field: "performance",
        unit: "",
        target: 98.0,
        at_least: true,
    },
    Metric {
        name: "first contentful paint",
        field: "fcp_ms",
        unit: " ms",
        target: 1800.0,
        at_least: false,
    },
    Metric {
        name: "largest contentful paint",
        field: "lcp_ms",
        unit: " ms",
        target: 2500.0,
        at_least: false,
    },
    Metric {
        name: "total blocking time",
        field: "tbt_ms",
        unit: " ms",
        target: 200.0,
        at_least: false,
    },
];

pub fn scenario(sanad_binary: &Path) -> anyhow::Result<Vec<Verdict>> {
    let Some(chromium) = test::chromium() else {
        bail!("Chromium is not installed (apt-get install chromium): the pages bench needs it");
    };
    let e2e = test::e2e_packages()?;
    let dir = root().join(format!("target/bench-pages-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let server = Server::start(sanad_binary, &dir, &[])?;
    println!("Lighthouse: 8 pages, {ROUNDS} rounds (several minutes)");
    let output = process::output(
        Command::new("node")
            .arg("bench/pages.mjs")
            .current_dir(&e2e)
            .env("SANAD_URL", &server.url)
            .env("SANAD_CHROMIUM", &chromium)
            .env("SANAD_BENCH_ROUNDS", ROUNDS.to_string()),
    );
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
    let audits = parse(&output?)?;
    Ok(report(&audits))
}

/// Every audit's figures, by page in the order they were audited.
fn parse(output: &str) -> anyhow::Result<Vec<(String, Vec<Value>)>> {
    let mut pages: Vec<(String, Vec<Value>)> = Vec::new();
    for line in output.lines().filter(|l| l.starts_with('{')) {
        let audit: Value =
            serde_json::from_str(line).with_context(|| format!("not a Lighthouse line: {line}"))?;
        let path = audit["path"]
            .as_str()
            .with_context(|| format!("no path in {line}"))?
            .to_owned();
        match pages.iter_mut().find(|(p, _)| *p == path) {
            Some((_, audits)) => audits.push(audit),
            None => pages.push((path, vec![audit])),
        }
    }
    if pages.is_empty() {
        bail!("Lighthouse printed no result:\n{output}");
    }
    Ok(pages)
}

/// The median and the lowest and highest of one field over a page's rounds.
fn spread(audits: &[Value], field: &str) -> Option<(f64, f64, f64)> {
    let mut values: Vec<f64> = audits.iter().filter_map(|a| a[field].as_f64()).collect();
    if values.len() != audits.len() || values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    Some((
        values[(values.len() - 1) / 2],
        values[0],
        values[values.len() - 1],
    ))
}

fn report(pages: &[(String, Vec<Value>)]) -> Vec<Verdict> {
    let all: Vec<Value> = pages.iter().flat_map(|(_, a)| a.iter().cloned()).collect();
    println!(
        "\nPublic pages, Lighthouse 12 mobile (simulated Slow 4G), median of {ROUNDS} rounds [lowest-highest]"
    );
    if let Some((median, low, high)) = spread(&all, "benchmark_index") {
        println!(
            "  this machine's CPU by Lighthouse's benchmark index, same run: {median:.0} [{low:.0}-{high:.0}]"
        );
    }
    let mut verdicts = Vec::new();
    let mut by_metric: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (path, audits) in pages {
        for (index, metric) in METRICS.iter().enumerate() {
            let Some((median, low, high)) = spread(audits, metric.field) else {
                verdicts.push(Verdict::missing(format!("{path} {}", metric.name)));
                continue;
            };
            let holds = if metric.at_least {
                median >= metric.target
            } else {
                median <= metric.target
            };
            let unit = metric.unit;
            by_metric.entry(index).or_default().push(format!(
                "    {path:<52} {median:>6.0}{unit} [{low:.0}-{high:.0}]  {}",
                if holds { "holds" } else { "MISSES" }
            ));
            verdicts.push(Verdict {
                what: format!("{path} {}", metric.name),
                figure: format!("{median:.0}{unit}"),
                target: format!(
                    "{} {}{unit}",
                    if metric.at_least { ">=" } else { "<=" },
                    metric.target
                ),
                holds,
            });
        }
    }
    for (index, lines) in by_metric {
        let metric = &METRICS[index];
        println!(
            "  {} (target {} {}{}):",
            metric.name,
            if metric.at_least { ">=" } else { "<=" },
            metric.target,
            metric.unit
        );
        for line in lines {
            println!("{line}");
        }
    }
    verdicts
}
