//! `cargo xtask bench queue`: the moderators' queue with 100,000 tips and 100,000 cases in the
//! database, as a moderator uses it: priority-ordered with two filters, a word search, the
//! default order and the overview. Each answer's p99 is held to 50 ms (one request at a time, as
//! a person clicks; the quality notes' target for the staff queue and search).

use std::{net::SocketAddr, path::Path, time::Instant};

use anyhow::{bail, Context as _};
use http_body_util::{BodyExt as _, Empty};
use hyper::{body::Bytes, Request};
use tokio::net::TcpStream;

use super::{admin_token, socket_address, Verdict, CASES};
use crate::{process::root, test::Server};

const TIPS: usize = 100_000;
const ROUNDS: usize = 300;
const TARGET_P99_MS: f64 = 50.0;

/// What is measured: a name and the request.
const CALLS: [(&str, &str); 4] = [
    (
        "queue, new and in review, high priority",
        "/api/v1/tips?status=new,in_review&priority=high",
    ),
    // "مكتب", in a tenth of the tips.
    (
        "queue, word search",
        "/api/v1/tips?q=%D9%85%D9%83%D8%AA%D8%A8",
    ),
    ("queue, default order", "/api/v1/tips"),
    ("overview", "/api/v1/triage/overview"),
];

fn seed(example: &str, dir: &Path, count: usize) -> anyhow::Result<()> {
    let seeded =
        std::process::Command::new(root().join(format!("target/release/examples/{example}")))
            .arg(dir)
            .arg(count.to_string())
            .output()
            .with_context(|| format!("running {example}"))?;
    if !seeded.status.success() {
        bail!(
            "{example} failed: {}",
            String::from_utf8_lossy(&seeded.stderr)
        );
    }
    print!("{}", String::from_utf8_lossy(&seeded.stdout));
    Ok(())
}

/// One GET after another on one connection: each answer's time, sorted, in microseconds.
async fn latencies(
    address: SocketAddr,
    token: &str,
    path: &str,
    rounds: usize,
) -> anyhow::Result<Vec<u64>> {
    let stream = TcpStream::connect(address).await?;
    stream.set_nodelay(true)?;
    let (mut sender, conn) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream)).await?;
    tokio::spawn(conn);
    let mut times = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let request = Request::get(path)
            .header("host", address.to_string())
            .header("authorization", format!("Bearer {token}"))
            .body(Empty::<Bytes>::new())?;
        let started = Instant::now();
        sender.ready().await?;
        let response = sender.send_request(request).await?;
        let status = response.status().as_u16();
        let body = response.into_body().collect().await?.to_bytes();
        if status != 200 {
            bail!(
                "{path} answered {status}: {}",
                String::from_utf8_lossy(&body)
            );
        }
        times.push(started.elapsed().as_micros() as u64);
    }
    times.sort_unstable();
    Ok(times)
}

pub fn scenario(
    runtime: &tokio::runtime::Runtime,
    sanad_binary: &Path,
) -> anyhow::Result<Vec<Verdict>> {
    let dir = root().join(format!("target/bench-queue-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    seed("seed_tips", &dir, TIPS)?;
    seed("seed_cases", &dir, CASES)?;
    let server = Server::start(sanad_binary, &dir, &[("SANAD_POW_BITS", "0")])?;
    let address = socket_address(&server.url)?;
    let result = runtime.block_on(async {
        let token = admin_token(sanad_binary, &dir, address).await?;
        let mut measured = Vec::new();
        for (name, path) in CALLS {
            // Warm the page cache the way a running server would be.
            latencies(address, &token, path, 20).await?;
            measured.push((name, latencies(address, &token, path, ROUNDS).await?));
        }
        anyhow::Ok(measured)
    });
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
    let measured = result?;
    println!(
        "Staff queue, SQLite, {TIPS} tips and {CASES} cases, {ROUNDS} requests one at a time each (target p99 <= {TARGET_P99_MS} ms):"
    );
    let mut verdicts = Vec::new();
    for (name, times) in measured {
        let at = |p: f64| times[((times.len() - 1) as f64 * p) as usize] as f64 / 1000.0;
        let p99 = at(0.99);
        let holds = p99 <= TARGET_P99_MS;
        println!(
            "  {name:<42} p50 {:>6.1} ms  p99 {p99:>6.1} ms  max {:>6.1} ms  {}",
            at(0.5),
            at(1.0),
            if holds { "holds" } else { "MISSES" }
        );
        verdicts.push(Verdict {
            what: format!("{name} p99"),
            figure: format!("{p99:.1} ms"),
            target: format!("<= {TARGET_P99_MS} ms"),
            holds,
        });
    }
    Ok(verdicts)
}
