//! `cargo xtask bench`: the release server against a bare actix-web handler serving the same
//! JSON, measured in the same run on the same machine, so the figures are ratios, not absolutes
//! (our machines are noisy). Later issues add scenarios here.

use std::{
    net::SocketAddr,
    time::{Duration, Instant},
};

use anyhow::{bail, Context as _};
use http_body_util::{BodyExt as _, Empty};
use hyper::{body::Bytes, Request};
use tokio::{net::TcpStream, task::JoinSet};

use crate::{
    process::{self, root},
    test::Server,
};

const CONNECTIONS: usize = 32;
const WARM_UP: Duration = Duration::from_secs(1);
const MEASURE: Duration = Duration::from_secs(5);
const ROUNDS: usize = 3;

struct Measurement {
    requests: usize,
    seconds: f64,
    p50_us: u64,
    p99_us: u64,
}

impl Measurement {
    fn throughput(&self) -> f64 {
        self.requests as f64 / self.seconds
    }
}

pub fn run() -> anyhow::Result<()> {
    process::cargo(&[
        "build",
        "--release",
        "-p",
        "sanad-backend",
        "--bin",
        "sanad",
        "--example",
        "bare_json",
        "--example",
        "argon2_time",
    ])?;
    let data_dir = root().join(format!("target/bench-data-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data_dir);
    let sanad_binary = root().join("target/release/sanad");

    // Start-up on an existing database: the first start creates and migrates it.
    drop(Server::start(&sanad_binary, &data_dir, &[])?);
    let started = Instant::now();
    let sanad = Server::start(&sanad_binary, &data_dir, &[])?;
    let startup = started.elapsed();
    let baseline = Server::start(
        &root().join("target/release/examples/bare_json"),
        &data_dir,
        &[],
    )?;

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let home = runtime.block_on(get_status(socket_address(&sanad.url)?, "/"))?;
    if home != 200 {
        bail!("the release server answered {home} for / : the web app is not embedded");
    }
    let path = "/api/v1/languages";
    let mut best_sanad: Option<Measurement> = None;
    let mut best_baseline: Option<Measurement> = None;
    // Interleaved rounds, best of each, so a burst of noise does not decide the ratio.
    for round in 1..=ROUNDS {
        for (name, server, best) in [
            ("bare actix-web", &baseline, &mut best_baseline),
            ("sanad", &sanad, &mut best_sanad),
        ] {
            let address = socket_address(&server.url)?;
            let measurement = runtime.block_on(measure(address, path))?;
            println!(
                "round {round}: {name:<15} {:>9.0} req/s  p50 {:>6} µs  p99 {:>6} µs",
                measurement.throughput(),
                measurement.p50_us,
                measurement.p99_us
            );
            if best
                .as_ref()
                .is_none_or(|b| measurement.throughput() > b.throughput())
            {
                *best = Some(measurement);
            }
        }
    }
    let (Some(sanad_best), Some(baseline_best)) = (best_sanad, best_baseline) else {
        bail!("no measurement");
    };
    let (rss, peak) = memory_of(sanad.pid)?;
    drop(sanad);
    drop(baseline);
    let _ = std::fs::remove_dir_all(&data_dir);

    println!(
        "\nGET {path}, {CONNECTIONS} keep-alive connections, best of {ROUNDS} rounds of {} s:",
        MEASURE.as_secs()
    );
    println!(
        "  bare actix-web  {:>9.0} req/s  p50 {:>6} µs  p99 {:>6} µs",
        baseline_best.throughput(),
        baseline_best.p50_us,
        baseline_best.p99_us
    );
    println!(
        "  sanad           {:>9.0} req/s  p50 {:>6} µs  p99 {:>6} µs",
        sanad_best.throughput(),
        sanad_best.p50_us,
        sanad_best.p99_us
    );
    println!(
        "  throughput ratio sanad / bare: {:.2}",
        sanad_best.throughput() / baseline_best.throughput()
    );
    println!(
        "  sanad RSS after the run: {:.1} MB (peak {:.1} MB)",
        rss as f64 / 1e6,
        peak as f64 / 1e6
    );
    println!(
        "  sanad start-up on an existing SQLite database: {} ms",
        startup.as_millis()
    );
    println!();
    process::run(&mut std::process::Command::new(
        root().join("target/release/examples/argon2_time"),
    ))?;
    Ok(())
}

fn socket_address(url: &str) -> anyhow::Result<SocketAddr> {
    url.trim_start_matches("http://")
        .trim_end_matches('/')
        .parse()
        .with_context(|| format!("bad server URL {url}"))
}

async fn measure(address: SocketAddr, path: &'static str) -> anyhow::Result<Measurement> {
    let warm_up_until = Instant::now() + WARM_UP;
    let stop_at = warm_up_until + MEASURE;
    let mut tasks = JoinSet::new();
    for _ in 0..CONNECTIONS {
        tasks.spawn(connection(address, path, warm_up_until, stop_at));
    }
    let mut latencies = Vec::new();
    while let Some(result) = tasks.join_next().await {
        latencies.extend(result??);
    }
    if latencies.is_empty() {
        bail!("no request completed");
    }
    latencies.sort_unstable();
    let percentile = |p: f64| latencies[((latencies.len() - 1) as f64 * p) as usize];
    Ok(Measurement {
        requests: latencies.len(),
        seconds: MEASURE.as_secs_f64(),
        p50_us: percentile(0.50),
        p99_us: percentile(0.99),
    })
}

/// One keep-alive connection sending requests back to back; latencies after the warm-up, in µs.
async fn connection(
    address: SocketAddr,
    path: &'static str,
    warm_up_until: Instant,
    stop_at: Instant,
) -> anyhow::Result<Vec<u64>> {
    let stream = TcpStream::connect(address).await?;
    stream.set_nodelay(true)?;
    let (mut sender, conn) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream)).await?;
    tokio::spawn(conn);
    let mut latencies = Vec::new();
    loop {
        let now = Instant::now();
        if now >= stop_at {
            break;
        }
        let request = Request::get(path)
            .header("host", address.to_string())
            .body(Empty::<Bytes>::new())?;
        sender.ready().await?;
        let response = sender.send_request(request).await?;
        if !response.status().is_success() {
            bail!("{path} answered {}", response.status());
        }
        response.into_body().collect().await?;
        if now >= warm_up_until {
            latencies.push(now.elapsed().as_micros() as u64);
        }
    }
    Ok(latencies)
}

async fn get_status(address: SocketAddr, path: &str) -> anyhow::Result<u16> {
    let stream = TcpStream::connect(address).await?;
    let (mut sender, conn) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream)).await?;
    tokio::spawn(conn);
    let request = Request::get(path)
        .header("host", address.to_string())
        .body(Empty::<Bytes>::new())?;
    let response = sender.send_request(request).await?;
    let status = response.status().as_u16();
    response.into_body().collect().await?;
    Ok(status)
}

/// (current, peak) resident memory of a process, in bytes.
fn memory_of(pid: u32) -> anyhow::Result<(u64, u64)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    let field = |name: &str| -> u64 {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|kb| kb.parse::<u64>().ok())
            .map(|kb| kb * 1024)
            .unwrap_or(0)
    };
    Ok((field("VmRSS:"), field("VmHWM:")))
}
