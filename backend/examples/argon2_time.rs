//! For `cargo xtask bench`: how long one Argon2id hash takes with the parameters staff passwords
//! and receipts use, and how many run at once. The last line is for the harness:
//! `receipt_hash_ms=<ms> cores=<n>`.

use std::time::Instant;

use sanad_backend::auth::password::{default_params, receipt_params, PasswordHasher};

fn main() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let hasher = PasswordHasher::for_this_machine()?;
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
    let cores = std::thread::available_parallelism()
        .map(usize::from)
        .unwrap_or(2);
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
