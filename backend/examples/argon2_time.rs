//! For `cargo xtask bench`: how long one Argon2id hash takes with the parameters staff passwords
//! use (and later receipts will), and how many run at once.

use std::time::Instant;

use sanad_backend::auth::password::{default_params, PasswordHasher};

fn main() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let hasher = PasswordHasher::for_this_machine()?;
    let rounds = 20;
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
    let params = default_params();
    let cores = std::thread::available_parallelism()
        .map(usize::from)
        .unwrap_or(2);
    println!(
        "argon2id m={} KiB t={} p={}: {per_hash:.1} ms per hash (one at a time, {rounds} rounds); \
         at most {cores} at once (one per core), so at most {:.0} hashes/s",
        params.m_cost(),
        params.t_cost(),
        params.p_cost(),
        cores as f64 * 1000.0 / per_hash
    );
    Ok(())
}
