//! `cargo xtask bench login`: a wrong password for a real staff email and any password for an
//! email nobody has must cost the server the same Argon2 work, so the time of the answer cannot
//! tell an attacker which emails belong to staff. The test suite checks that the decoy hash has
//! the stored hashes' parameters; how long each answer takes on this machine is measured here.

use std::{path::Path, time::Instant};

use anyhow::bail;

use super::{admin_token, send_once, socket_address, Call, Verdict};
use crate::{process::root, test::Server};

/// Each server allows three free failures per client, so each round is a fresh server with one
/// attempt of each kind, the order alternating.
const ROUNDS: usize = 6;

pub fn scenario(
    runtime: &tokio::runtime::Runtime,
    sanad_binary: &Path,
) -> anyhow::Result<Vec<Verdict>> {
    let mut known = Vec::new();
    let mut unknown = Vec::new();
    for round in 0..ROUNDS {
        let dir = root().join(format!("target/bench-login-{}-{round}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let server = Server::start(sanad_binary, &dir, &[])?;
        let address = socket_address(&server.url)?;
        let timed = runtime.block_on(async {
            // Creates bench@example.org with a password, and signs in once.
            admin_token(sanad_binary, &dir, address).await?;
            let mut pair = [
                ("bench@example.org", &mut known),
                ("nobody@example.org", &mut unknown),
            ];
            if round % 2 == 1 {
                pair.reverse();
            }
            for (email, times) in pair {
                let call = Call::post_json(
                    "/api/v1/auth/login",
                    format!(r#"{{"email":"{email}","password":"a wrong guess of a password"}}"#),
                    401,
                );
                let started = Instant::now();
                let (status, body) = send_once(address, &call).await?;
                times.push(started.elapsed().as_secs_f64() * 1000.0);
                if status != 401 {
                    bail!("a wrong sign-in for {email} answered {status}: {body}");
                }
            }
            anyhow::Ok(())
        });
        drop(server);
        let _ = std::fs::remove_dir_all(&dir);
        timed?;
    }
    // Other work on the machine can only add to a time, never take from it: the fastest of
    // each kind is what the request itself costs.
    let fastest = |times: &[f64]| times.iter().copied().fold(f64::INFINITY, f64::min);
    let (known, unknown) = (fastest(&known), fastest(&unknown));
    let ratio = known / unknown;
    let holds = (0.5..=2.0).contains(&ratio);
    println!("Sign-in, a wrong password against an unknown email ({ROUNDS} fresh servers, fastest of each):");
    println!(
        "  wrong password {known:.1} ms, unknown email {unknown:.1} ms, ratio {ratio:.2} (target 0.5 to 2.0)  {}",
        if holds { "holds" } else { "MISSES" }
    );
    Ok(vec![Verdict {
        what: "sign-in time, wrong password / unknown email".to_owned(),
        figure: format!("{ratio:.2}"),
        target: "0.5 to 2.0".to_owned(),
        holds,
    }])
}
