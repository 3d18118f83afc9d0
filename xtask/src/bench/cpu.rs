//! Where the CPU goes during a measured window: the server's threads grouped by the name they
//! were given (Argon2 hashing, actix workers, the blocking pool, group commit), the bench client
//! itself, and the machine's idle time. Read from `/proc`, so it costs nothing while the load
//! runs and needs no profiler.

use std::collections::BTreeMap;

/// Ticks per second of the CPU times in `/proc` (`USER_HZ`, 100 on every Linux we run on).
const TICKS_PER_SECOND: f64 = 100.0;

/// CPU times at one moment, in ticks.
pub struct Snapshot {
    server: BTreeMap<String, u64>,
    client: u64,
    machine_busy: u64,
    machine_total: u64,
}

impl Snapshot {
    /// Reads the server's threads, this process and the machine. A thread that ends between
    /// two snapshots loses its share; the named pools the server runs do not end under load.
    pub fn take(server_pid: u32) -> Snapshot {
        let mut server = BTreeMap::new();
        if let Ok(tasks) = std::fs::read_dir(format!("/proc/{server_pid}/task")) {
            for task in tasks.flatten() {
                let path = task.path();
                let name = std::fs::read_to_string(path.join("comm")).unwrap_or_default();
                let ticks = std::fs::read_to_string(path.join("stat"))
                    .map(|stat| process_ticks(&stat))
                    .unwrap_or(0);
                *server.entry(group_of(name.trim())).or_insert(0) += ticks;
            }
        }
        let client = std::fs::read_to_string("/proc/self/stat")
            .map(|stat| process_ticks(&stat))
            .unwrap_or(0);
        let (machine_busy, machine_total) = std::fs::read_to_string("/proc/stat")
            .map(|stat| machine_ticks(&stat))
            .unwrap_or((0, 0));
        Snapshot {
            server,
            client,
            machine_busy,
            machine_total,
        }
    }

    /// What was spent between `self` and `later`, per request when `requests` completed in it.
    pub fn until(&self, later: &Snapshot, requests: usize) -> Spent {
        let per_request = |ticks: u64| {
            if requests == 0 {
                f64::NAN
            } else {
                ticks as f64 / TICKS_PER_SECOND * 1000.0 / requests as f64
            }
        };
        let server = later
            .server
            .iter()
            .map(|(group, &ticks)| {
                let before = self.server.get(group).copied().unwrap_or(0);
                (group.clone(), per_request(ticks.saturating_sub(before)))
            })
            .filter(|(_, ms)| *ms > 0.0)
            .collect();
        let busy = later.machine_busy.saturating_sub(self.machine_busy);
        let total = later.machine_total.saturating_sub(self.machine_total);
        Spent {
            server,
            client_ms: per_request(later.client.saturating_sub(self.client)),
            machine_idle: if total == 0 {
                f64::NAN
            } else {
                1.0 - busy as f64 / total as f64
            },
        }
    }
}

/// CPU milliseconds per request by thread group, and the machine's idle share.
pub struct Spent {
    server: Vec<(String, f64)>,
    client_ms: f64,
    machine_idle: f64,
}

impl std::fmt::Display for Spent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let total: f64 = self.server.iter().map(|(_, ms)| ms).sum();
        write!(f, "server {total:.2} ms (")?;
        for (n, (group, ms)) in self.server.iter().enumerate() {
            let separator = if n == 0 { "" } else { ", " };
            write!(f, "{separator}{group} {ms:.2}")?;
        }
        write!(
            f,
            "), bench client {:.2} ms; machine idle {:.0}%",
            self.client_ms,
            self.machine_idle * 100.0
        )
    }
}

/// A thread's name without the number that tells threads of one pool apart
/// (`argon2-1` and `argon2-0` are both `argon2`).
fn group_of(name: &str) -> String {
    let without_number = name.trim_end_matches(|c: char| c.is_ascii_digit());
    let trimmed = without_number
        .strip_suffix(['-', ' '])
        .unwrap_or(without_number);
    if trimmed.is_empty() || without_number.len() == name.len() {
        name.to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// User plus system ticks from a `/proc/<pid>/stat` or `/proc/<pid>/task/<tid>/stat` line. The
/// name in parentheses may hold spaces, so the fields are counted after its closing one.
fn process_ticks(stat: &str) -> u64 {
    let Some((_, after_name)) = stat.rsplit_once(')') else {
        return 0;
    };
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    // After the name come state (field 3), ..., utime (field 14) and stime (field 15).
    let field = |n: usize| fields.get(n - 3).and_then(|v| v.parse::<u64>().ok());
    field(14).unwrap_or(0) + field(15).unwrap_or(0)
}

/// (busy, total) ticks of all cores from `/proc/stat`; idle and iowait are not busy.
fn machine_ticks(stat: &str) -> (u64, u64) {
    let Some(line) = stat.lines().find(|l| l.starts_with("cpu ")) else {
        return (0, 0);
    };
    let values: Vec<u64> = line
        .split_whitespace()
        .skip(1)
        .filter_map(|v| v.parse().ok())
        .collect();
    // user nice system idle iowait irq softirq steal; guest time is already in user.
    let total: u64 = values.iter().take(8).sum();
    let idle = values.get(3).copied().unwrap_or(0) + values.get(4).copied().unwrap_or(0);
    (total.saturating_sub(idle), total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_ticks_after_a_name_with_spaces_and_parentheses() {
        let stat = "1234 (actix-rt|system:0 (x)) S 1 2 3 4 5 6 7 8 9 10 250 37 0 0 20 0 1";
        assert_eq!(process_ticks(stat), 287);
    }

    #[test]
    fn groups_numbered_threads_of_one_pool() {
        assert_eq!(group_of("argon2-1"), "argon2");
        assert_eq!(group_of("group-commit-0"), "group-commit");
        assert_eq!(group_of("tokio-runtime-w"), "tokio-runtime-w");
        assert_eq!(group_of("42"), "42");
    }

    #[test]
    fn idle_and_iowait_are_not_busy() {
        let stat = "cpu  100 0 50 800 40 5 5 0 0 0\ncpu0 50 0 25 400 20 2 3 0 0 0\n";
        assert_eq!(machine_ticks(stat), (160, 1000));
    }
}
