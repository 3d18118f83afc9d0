//! Deterministic Fruchterman–Reingold layout for small graphs (≤ a few hundred
//! nodes) drawn as SVG. Pure `std`, no randomness: the same input gives the same
//! output bit for bit. Only IEEE-exact operations (+ − × ÷ √) are used, never
//! `sin`/`ln` whose last bits differ between libms, so a native server render
//! and the WASM client produce identical coordinates (no hydration mismatch).

use std::f32::consts::PI;

/// Position in SVG user units, origin at the top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

/// The box to draw in (SVG user units) and how long to simulate.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutOptions {
    pub width: f32,
    pub height: f32,
    pub iterations: u32,
    pub margin: f32,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        Self {
            width: 1000.0,
            height: 700.0,
            iterations: 300,
            margin: 24.0,
        }
    }
}

/// Closest two node centres may end up, when the box has room for it.
const MIN_DIST: f32 = 12.0;
/// Caller-supplied iteration counts are capped so a bad value cannot freeze the UI.
const MAX_ITERATIONS: u32 = 5_000;
/// Small graphs are not blown up to fill the box: a 3-node graph stretched to
/// 1300 px looks broken, not readable.
const MAX_UPSCALE: f32 = 1.5;
/// Heavy edges pull harder, but one huge weight must not collapse its endpoints.
const MAX_WEIGHT: f32 = 20.0;
/// Ideal edge length as a fraction of the side of each node's share of the box.
const SPACING: f32 = 0.8;
/// Gravity as a fraction of the strength at which a graph without edges would
/// exactly fill the ellipse inscribed in the box (see `simulate`).
const GRAVITY: f32 = 0.5;
/// cos and sin of the golden angle, π(3 − √5), the sunflower's turn per seed.
const GOLDEN_TURN: Vec2 = (-0.737_368_9, 0.675_490_3);

type Vec2 = (f32, f32);
type Edge = (usize, usize, f32);

/// `clamp` that sends NaN to `lo` (`f32::max` returns its non-NaN side), so
/// garbage input degrades to a valid value; `f32::clamp` would keep the NaN.
#[allow(clippy::manual_clamp)]
fn clamp_nan(v: f32, lo: f32, hi: f32) -> f32 {
    v.max(lo).min(hi)
}

/// Lay out `node_count` nodes inside the box described by `options`.
///
/// `edges` are `(from, to, weight)`; edges with an endpoint out of range and
/// self-loops are ignored, and weights that are NaN or below 1 count as 1.
/// `pinned` (if in range) is placed exactly at the centre of the box.
/// Returns one point per node, always finite and inside the margins (on the
/// centre line if the margins leave no room), at least 12 px apart when the
/// box has room for that.
pub fn layout(
    node_count: usize,
    edges: &[(usize, usize, f32)],
    pinned: Option<usize>,
    options: &LayoutOptions,
) -> Vec<Point> {
    let n = node_count;
    // The cap keeps infinities out of the arithmetic.
    let sane = |v: f32| clamp_nan(v, 0.0, 1e6);
    let [width, height, margin] = [options.width, options.height, options.margin].map(sane);
    let (cx, cy) = (width / 2.0, height / 2.0);
    // Half-extents of the drawable area; all work happens centred on the origin
    // so the pinned node is just (0, 0) and gravity points at (0, 0).
    let (hw, hh) = ((cx - margin).max(0.0), (cy - margin).max(0.0));
    let pinned = pinned.filter(|&p| p < n);
    let edges: Vec<Edge> = edges
        .iter()
        .filter(|&&(a, b, _)| a < n && b < n && a != b)
        // √w stays within 18% of the usual 1 + ln w over 1..=20, without `ln`.
        .map(|&(a, b, w)| (a, b, clamp_nan(w, 1.0, MAX_WEIGHT).sqrt()))
        .collect();

    // Simulate in a box of at least 1x1 so degenerate sizes cannot produce
    // zero/NaN physics; the final fit squeezes into the real box anyway.
    let size = (hw.max(1.0), hh.max(1.0));
    let its = options.iterations.min(MAX_ITERATIONS);
    let mut pos = simulate(n, &edges, pinned, size, its);
    fit(&mut pos, pinned, hw, hh);
    separate(&mut pos, pinned, hw, hh);
    // Clamping in pixel space makes "inside the margins" exact despite rounding.
    let (left, top) = (margin.min(cx), margin.min(cy));
    let (right, bottom) = ((width - margin).max(left), (height - margin).max(top));
    pos.iter()
        .map(|&(x, y)| Point {
            x: clamp_nan(cx + x, left, right),
            y: clamp_nan(cy + y, top, bottom),
        })
        .collect()
}

/// Fruchterman–Reingold from a sunflower spiral, with linear cooling.
fn simulate(n: usize, edges: &[Edge], pin: Option<usize>, (sw, sh): Vec2, its: u32) -> Vec<Vec2> {
    let k = (SPACING * (4.0 * sw * sh / n.max(1) as f32).sqrt()).min(sw.min(sh) / 2.0);
    // The spiral is deterministic, evenly spread and has no coincident nodes;
    // it is stretched to the box's aspect so the layout needn't reshape itself.
    let aspect = (sw / sh).sqrt();
    let (mut pos, mut dir) = (Vec::with_capacity(n), (1.0f32, 0.0f32));
    for slot in 0..n {
        let r = k * (slot as f32 / PI).sqrt();
        pos.push((r * dir.0 * aspect, r * dir.1 / aspect));
        let (c, s) = GOLDEN_TURN;
        dir = (dir.0 * c - dir.1 * s, dir.0 * s + dir.1 * c);
    }
    // The pinned node takes the centre slot; those before it shift up by one.
    if let Some(p) = pin {
        pos[..=p].rotate_left(1);
    }
    let k2 = k * k;
    // Repulsion k²/d between all pairs is a 2-D Coulomb force, so with linear
    // gravity g·r alone the nodes settle into a uniform disc of radius² = n·k²/g.
    // g = n·k²/(sw·sh) gives that disc the area of the ellipse inscribed in the
    // box, and splitting g unevenly between the axes (the uniform-ellipse field)
    // gives it the box's aspect. Edges then shrink it, and `fit` rescales.
    let g = GRAVITY * k2 * n as f32 / (sw * sh) * 2.0 / (sw + sh);
    let (gx, gy) = (g * sh, g * sw);
    let t0 = 0.1 * sw.max(sh);
    let mut disp: Vec<Vec2> = vec![(0.0, 0.0); n];
    for it in 0..its {
        let t = t0 * (1.0 - it as f32 / its as f32);
        for (d, &(x, y)) in disp.iter_mut().zip(pos.iter()) {
            *d = (-gx * x, -gy * y);
        }
        for i in 0..n {
            let (xi, yi) = pos[i];
            let (mut fx, mut fy) = (0.0, 0.0);
            // Zipped slices rather than indexing: no bounds checks in the hot loop.
            for (&(xj, yj), dj) in pos[i + 1..].iter().zip(&mut disp[i + 1..]) {
                let (dx, dy) = (xi - xj, yi - yj);
                // Softening keeps coincident nodes finite, and unlike `max` it needs
                // no NaN handling, which makes it cheaper in WASM.
                let f = k2 / (dx * dx + dy * dy + 0.01);
                (fx, fy) = (fx + dx * f, fy + dy * f);
                *dj = (dj.0 - dx * f, dj.1 - dy * f);
            }
            disp[i] = (disp[i].0 + fx, disp[i].1 + fy);
        }
        for &(a, b, s) in edges {
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let f = (dx * dx + dy * dy).sqrt() * s / k;
            disp[a] = (disp[a].0 - dx * f, disp[a].1 - dy * f);
            disp[b] = (disp[b].0 + dx * f, disp[b].1 + dy * f);
        }
        for (i, (p, &(dx, dy))) in pos.iter_mut().zip(disp.iter()).enumerate() {
            let len = (dx * dx + dy * dy).sqrt();
            if Some(i) != pin && len > 0.0 {
                let step = len.min(t) / len;
                *p = (p.0 + dx * step, p.1 + dy * step);
            }
        }
    }
    pos
}

/// Centre the drawing (on the pinned node if any) and scale it to the box,
/// keeping the aspect ratio.
fn fit(pos: &mut [Vec2], pinned: Option<usize>, hw: f32, hh: f32) {
    let (mut lo, mut hi) = ((f32::MAX, f32::MAX), (f32::MIN, f32::MIN));
    for &(x, y) in pos.iter() {
        (lo, hi) = ((lo.0.min(x), lo.1.min(y)), (hi.0.max(x), hi.1.max(y)));
    }
    let o = pinned.map_or(((lo.0 + hi.0) / 2.0, (lo.1 + hi.1) / 2.0), |p| pos[p]);
    let ex = pos.iter().fold(0.0f32, |e, p| e.max((p.0 - o.0).abs()));
    let ey = pos.iter().fold(0.0f32, |e, p| e.max((p.1 - o.1).abs()));
    // A zero extent gives inf or NaN here; `min` ignores NaN, so either way
    // that axis simply doesn't constrain the scale.
    let s = MAX_UPSCALE.min(hw / ex).min(hh / ey);
    for p in pos.iter_mut() {
        *p = ((p.0 - o.0) * s, (p.1 - o.1) * s);
    }
}

/// Push apart nodes closer than `MIN_DIST`: scaling a dense graph down can
/// leave circles overlapping even when the simulation kept them apart.
fn separate(pos: &mut [Vec2], pinned: Option<usize>, hw: f32, hh: f32) {
    let n = pos.len();
    for _ in 0..50 {
        let mut moved = false;
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = (pos[j].0 - pos[i].0, pos[j].1 - pos[i].1);
                let d = (dx * dx + dy * dy).sqrt();
                if d >= MIN_DIST {
                    continue;
                }
                // Coincident nodes (in practice only in a box of zero width or
                // height) need some direction; any fixed one will do.
                let (ux, uy) = if d > 1e-3 {
                    (dx / d, dy / d)
                } else {
                    (0.6, 0.8)
                };
                // Slight overshoot so rounding doesn't leave pairs just under the limit.
                let push = (MIN_DIST - d) * 1.02;
                let (wi, wj) = match pinned {
                    Some(p) if p == i => (0.0, 1.0),
                    Some(p) if p == j => (1.0, 0.0),
                    _ => (0.5, 0.5),
                };
                pos[i] = (pos[i].0 - ux * push * wi, pos[i].1 - uy * push * wi);
                pos[j] = (pos[j].0 + ux * push * wj, pos[j].1 + uy * push * wj);
                moved = true;
            }
        }
        for p in pos.iter_mut() {
            *p = (p.0.clamp(-hw, hw), p.1.clamp(-hh, hh));
        }
        if !moved {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(width: f32, height: f32, iterations: u32, margin: f32) -> LayoutOptions {
        LayoutOptions {
            width,
            height,
            iterations,
            margin,
        }
    }

    fn screen() -> LayoutOptions {
        opts(1366.0, 850.0, 300, 24.0)
    }

    /// Deterministic pseudo-random edges (Knuth's MMIX LCG), weights 1..=4.
    fn random_edges(n: usize, m: usize, seed: u64) -> Vec<(usize, usize, f32)> {
        let mut s = seed;
        let mut next = move || {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (s >> 33) as usize
        };
        (0..m)
            .map(|_| (next() % n, next() % n, (1 + next() % 4) as f32))
            .collect()
    }

    fn dist(a: Point, b: Point) -> f32 {
        ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt()
    }

    fn assert_in_box(pts: &[Point], o: &LayoutOptions) {
        for p in pts {
            assert!(p.x.is_finite() && p.y.is_finite(), "{p:?}");
            assert!(p.x >= o.margin && p.x <= o.width - o.margin, "{p:?}");
            assert!(p.y >= o.margin && p.y <= o.height - o.margin, "{p:?}");
        }
    }

    #[test]
    fn empty_graph() {
        assert!(layout(0, &[(0, 1, 1.0)], Some(0), &screen()).is_empty());
    }

    #[test]
    fn single_node_is_centred() {
        let centre = Point { x: 683.0, y: 425.0 };
        assert_eq!(layout(1, &[], None, &screen()), vec![centre]);
    }

    #[test]
    fn pinned_node_is_centred() {
        let pts = layout(50, &random_edges(50, 120, 7), Some(17), &screen());
        assert_eq!(pts[17], Point { x: 683.0, y: 425.0 });
    }

    #[test]
    fn large_graph_is_finite_and_inside_box() {
        let pts = layout(200, &random_edges(200, 600, 1), Some(3), &screen());
        assert_eq!(pts.len(), 200);
        assert_in_box(&pts, &screen());
    }

    #[test]
    fn deterministic() {
        let e = random_edges(120, 300, 2);
        let run = || {
            let pts = layout(120, &e, None, &screen());
            pts.iter()
                .flat_map(|p| [p.x.to_bits(), p.y.to_bits()])
                .collect::<Vec<_>>()
        };
        assert_eq!(run(), run());
    }

    #[test]
    fn connected_pairs_are_closer() {
        // Two dense 15-node clusters joined by the single edge 0–15.
        let mut e = random_edges(15, 40, 3);
        e.extend(
            random_edges(15, 40, 4)
                .iter()
                .map(|&(a, b, w)| (a + 15, b + 15, w)),
        );
        e.push((0, 15, 1.0));
        let pts = layout(30, &e, None, &screen());
        let edge_mean = e.iter().map(|&(a, b, _)| dist(pts[a], pts[b])).sum::<f32>() / 81.0;
        let all: f32 = (0..30)
            .flat_map(|i| (0..30).map(move |j| (i, j)))
            .map(|(i, j)| dist(pts[i], pts[j]))
            .sum();
        let pair_mean = all / (30.0 * 29.0);
        assert!(edge_mean < 0.6 * pair_mean, "{edge_mean} vs {pair_mean}");
    }

    #[test]
    fn heavier_edges_are_shorter() {
        let pts = layout(3, &[(0, 1, 10.0), (0, 2, 1.0)], Some(0), &screen());
        assert!(dist(pts[0], pts[1]) < 0.8 * dist(pts[0], pts[2]), "{pts:?}");
    }

    #[test]
    fn nodes_keep_minimum_distance() {
        let pts = layout(200, &random_edges(200, 600, 5), Some(0), &screen());
        for i in 0..pts.len() {
            for j in i + 1..pts.len() {
                assert!(dist(pts[i], pts[j]) >= 10.0, "{i} {j}");
            }
        }
    }

    #[test]
    fn bad_edges_and_weights_are_ignored() {
        let clean = [(0, 1, 1.0), (1, 2, 1.0), (2, 3, 3.0)];
        let mut dirty = vec![(0, 1, f32::NAN), (1, 1, 5.0), (9, 0, 1.0), (1, 2, -4.0)];
        dirty.extend([(3, usize::MAX, 1.0), (usize::MAX, 2, 1.0), (2, 3, 3.0)]);
        assert_eq!(
            layout(4, &dirty, None, &screen()),
            layout(4, &clean, None, &screen())
        );
        let inf = [(0, 1, f32::INFINITY), (2, 3, f32::NEG_INFINITY)];
        assert_in_box(&layout(4, &inf, Some(9), &screen()), &screen());
    }

    #[test]
    fn degenerate_options_do_not_panic() {
        let e = random_edges(20, 40, 6);
        for o in [
            opts(0.0, 0.0, 0, 0.0),
            opts(30.0, 20.0, 10, 24.0),
            opts(f32::NAN, -5.0, u32::MAX, f32::INFINITY),
            opts(f32::INFINITY, f32::MAX, 1, f32::NEG_INFINITY),
        ] {
            let pts = layout(20, &e, Some(1), &o);
            assert!(
                pts.iter().all(|p| p.x.is_finite() && p.y.is_finite()),
                "{o:?}"
            );
        }
        // 200 nodes cannot keep 12 px apart in 52x32, but must stay inside.
        let o = opts(100.0, 80.0, 300, 24.0);
        assert_in_box(&layout(200, &e, None, &o), &o);
    }
}
