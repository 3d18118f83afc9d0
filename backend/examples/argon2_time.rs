//! For `cargo xtask bench`: how long one Argon2id hash takes with the parameters staff passwords
//! and receipts use, and how many run at once. The last line is for the harness:
//! `receipt_hash_ms=<ms> cores=<n>`.
//!
//! `argon2_time --ceiling SECONDS` measures instead what the server can reach: receipt hashes
//! through the server's own hasher with every core busy (more hashes asked for than cores, as
//! under load), for SECONDS, and prints `receipt_ceiling_per_s=<rate> cores=<n>`.

use std::time::Instant;

use sanad_backend::auth::password::{default_params, receipt_params, PasswordHasher};

fn main() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let hasher = PasswordHasher::for_this_machine()?;
    let cores = std::thread::available_parallelism()
        .map(usize::from)
        .unwrap_or(2);
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, seconds] = args.as_slice() {
        anyhow::ensure!(
            flag == "--ceiling",
            "usage: argon2_time [--ceiling SECONDS]"
        );
        let seconds: f64 = seconds.parse()?;
        let rate = runtime.block_on(ceiling(hasher, cores, seconds))?;
        println!("receipt_ceiling_per_s={rate:.3} cores={cores}");
        return Ok(());
    }
    let rounds: u32 = 20;
    let started = Instant::now();
    runtime.block_on(async {
        for _ in 0..rounds {
            hasher
                .hash("Tigris floods at dawn, 1958".to_owned())
                .await?;
        }
        anyhow::Ok(())
    })?;
    let per_hash = started.elapsed().as_secs_f64() * 1000.0 / f64::from(rounds);
    // Receipts: their own parameters, a fixed site salt, one hash per submission or lookup.
    let started = Instant::now();
    runtime.block_on(async {
        for i in 0..u64::from(rounds) {
            hasher
                .derive(
                    format!("{:016}", 1234_5678_9012_0000_u64 + i).into_bytes(),
                    [7; 16],
                )
                .await?;
        }
        anyhow::Ok(())
    })?;
    let per_receipt = started.elapsed().as_secs_f64() * 1000.0 / f64::from(rounds);
    let params = default_params();
    let receipts = receipt_params();
    println!(
        "argon2id passwords m={} KiB t={} p={}: {per_hash:.1} ms per hash; receipts m={} KiB \
         t={} p={}: {per_receipt:.1} ms per hash (one at a time, {rounds} rounds); at most \
         {cores} at once (one per core), so at most {:.0} receipts/s",
        params.m_cost(),
        params.t_cost(),
        params.p_cost(),
        receipts.m_cost(),
        receipts.t_cost(),
        receipts.p_cost(),
        cores as f64 * 1000.0 / per_receipt
    );
    println!("receipt_hash_ms={per_receipt:.3} cores={cores}");
    Ok(())
}

/// Receipt hashes per second with four askers per core for `seconds`, counted from the first
/// finished hash to the last, so start-up is not in the rate.
async fn ceiling(hasher: PasswordHasher, cores: usize, seconds: f64) -> anyhow::Result<f64> {
    let hasher = std::sync::Arc::new(hasher);
    let deadline = Instant::now() + std::time::Duration::from_secs_f64(seconds);
    let mut askers = tokio::task::JoinSet::new();
    for asker in 0..cores * 4 {
        let hasher = hasher.clone();
        askers.spawn(async move {
            let mut finished = Vec::new();
            let mut n = 0_u64;
            while Instant::now() < deadline {
                let receipt = format!(
                    "{:016}",
                    1000_0000_0000_0000_u64 + asker as u64 * 1_000_000 + n
                );
                hasher.derive(receipt.into_bytes(), [7; 16]).await?;
                finished.push(Instant::now());
                n += 1;
            }
            anyhow::Ok(finished)
        });
    }
    let mut finished = Vec::new();
    while let Some(asker) = askers.join_next().await {
        finished.extend(asker??);
    }
    finished.sort();
    let (Some(first), Some(last)) = (finished.first(), finished.last()) else {
        anyhow::bail!("no hash finished in {seconds} s");
    };
    let span = last.duration_since(*first).as_secs_f64();
    anyhow::ensure!(span > 0.0 && finished.len() > 1, "too few hashes to time");
    Ok((finished.len() - 1) as f64 / span)
}
