//! `deploy/`: what an operator installs beside the binary.

use std::process::Command;

const UNIT: &str = include_str!("../../../deploy/systemd/sanad.service");

/// systemd's own checks, on the unit as shipped with its `ExecStart` pointed at the binary these
/// tests built: it parses, names a command that exists, and its sandbox scores "OK" or better.
#[test]
fn the_systemd_unit_is_valid_and_sandboxed() {
    if Command::new("systemd-analyze")
        .arg("--version")
        .output()
        .is_err()
    {
        assert!(
            std::env::var_os("CI").is_none(),
            "systemd-analyze is required in CI"
        );
        eprintln!("\n!!! SKIPPING the systemd unit check: systemd-analyze is not installed !!!\n");
        return;
    }
    let binary = env!("CARGO_BIN_EXE_sanad");
    assert!(UNIT.contains("ExecStart=/usr/local/bin/sanad serve\n"));
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("sanad.service");
    std::fs::write(&unit, UNIT.replace("/usr/local/bin/sanad", binary)).unwrap();

    let verify = Command::new("systemd-analyze")
        .arg("verify")
        .arg(&unit)
        .output()
        .unwrap();
    let complaints = String::from_utf8_lossy(&verify.stderr);
    assert!(
        verify.status.success() && complaints.trim().is_empty(),
        "systemd-analyze verify: {complaints}"
    );

    // Exposure is 0.0 (locked down) to 10.0 (unprotected); systemd calls up to 2.0 "OK".
    let security = Command::new("systemd-analyze")
        .args(["security", "--offline=yes", "--threshold=20"])
        .arg(&unit)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&security.stdout);
    assert!(security.status.success(), "exposure above 2.0:\n{report}");
}

/// The sandbox the operator is promised, and only settings the server knows.
#[test]
fn the_systemd_unit_confines_the_server_to_its_data_directory() {
    let directives: Vec<(&str, &str)> = UNIT
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once('='))
        .collect();
    let value = |key: &str| {
        directives
            .iter()
            .filter(|(k, _)| *k == key)
            .map(|(_, v)| *v)
            .collect::<Vec<_>>()
    };
    assert_eq!(value("User"), ["sanad"]);
    assert_eq!(value("ProtectSystem"), ["strict"]);
    assert_eq!(value("ReadWritePaths"), ["/var/lib/sanad"]);
    assert_eq!(value("StateDirectory"), ["sanad"]);
    assert_eq!(value("NoNewPrivileges"), ["yes"]);
    assert_eq!(value("CapabilityBoundingSet"), [""]);
    assert_eq!(value("MemoryMax").len(), 1);
    assert!(value("Environment").contains(&"SANAD_DATA_DIR=/var/lib/sanad"));

    let help = Command::new(env!("CARGO_BIN_EXE_sanad"))
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    for setting in value("Environment") {
        let name = setting.split('=').next().unwrap();
        assert!(
            help.contains(name),
            "the unit sets {name}, which sanad does not know"
        );
    }
}
