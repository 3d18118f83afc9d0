//! Proof of work instead of a CAPTCHA: an anonymous submission carries `Proof-Of-Work:
//! token:nonce`, where SHA-256 of the ASCII bytes `token:nonce` starts with `bits` zero bits. The
//! server checks it in microseconds; a phone needs about a second to find it, and a flood needs
//! that second for every single submission.

use sha2::{Digest, Sha256};

/// Zero bits at the start of `bytes`.
pub fn leading_zero_bits(bytes: &[u8]) -> u32 {
    let mut zeros = 0;
    for byte in bytes {
        if *byte == 0 {
            zeros += 8;
        } else {
            return zeros + byte.leading_zeros();
        }
    }
    zeros
}

/// Whether `nonce` (decimal digits) solves `token` at `bits` difficulty.
pub fn solves(token: &str, nonce: &str, bits: u8) -> bool {
    if nonce.is_empty() || nonce.len() > 20 || !nonce.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut hasher = Sha256::new();
    hasher.update(token.as_bytes());
    hasher.update(b":");
    hasher.update(nonce.as_bytes());
    leading_zero_bits(&hasher.finalize()) >= u32::from(bits)
}

/// Splits a `Proof-Of-Work` header value into token and nonce (the nonce follows the last colon).
pub fn parse_header(value: &str) -> Option<(&str, &str)> {
    let (token, nonce) = value.trim().rsplit_once(':')?;
    (!token.is_empty() && !nonce.is_empty()).then_some((token, nonce))
}

/// Finds the smallest nonce from `start` that solves `token`, trying at most `attempts` nonces;
/// the page calls it in slices between frames so it stays responsive.
pub fn search(token: &str, bits: u8, start: u64, attempts: u64) -> Option<u64> {
    (start..start.saturating_add(attempts)).find(|nonce| solves(token, &nonce.to_string(), bits))
}

/// How long a search takes on this device, as far as its measured speed says. The search is a
/// lottery: however long it has run, the hashes still expected are the same (`2^bits`), so no
/// share of it is ever "done" and no bar can honestly fill; a page says instead how long it
/// usually takes here and how long it has run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Estimate {
    /// The expected time of a whole search at the measured rate, rounded up to 5 seconds.
    pub usual_seconds: u32,
    pub elapsed_seconds: u32,
}

impl Estimate {
    /// From the challenge's difficulty and the hashes tried in `elapsed_ms`.
    pub fn measure(bits: u8, tried: u64, elapsed_ms: f64) -> Estimate {
        let expected = 2_f64.powi(i32::from(bits));
        let per_ms = (tried.max(1) as f64) / elapsed_ms.max(1.0);
        let usual = (expected / per_ms / 1000.0).clamp(1.0, 3600.0);
        Estimate {
            usual_seconds: ((usual / 5.0).ceil() * 5.0) as u32,
            elapsed_seconds: (elapsed_ms / 1000.0).clamp(0.0, 86_400.0) as u32,
        }
    }
}

/// A duration as a clock shows it (`0:45`, `2:05`, `61:40`): the estimate reads the same in
/// every language and every count, where "45 seconds" would need each language's plural forms.
pub fn clock(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_minutes_and_seconds() {
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(45), "0:45");
        assert_eq!(clock(125), "2:05");
        assert_eq!(clock(3600), "60:00");
    }

    #[test]
    fn zero_bits_are_counted_across_bytes() {
        assert_eq!(leading_zero_bits(&[0xff]), 0);
        assert_eq!(leading_zero_bits(&[0x00, 0x80]), 8);
        assert_eq!(leading_zero_bits(&[0x00, 0x00, 0x0f]), 20);
        assert_eq!(leading_zero_bits(&[0x00, 0x00]), 16);
    }

    #[test]
    fn a_found_nonce_solves_its_token_and_not_another() {
        let nonce = search("challenge-token", 12, 0, 1_000_000).expect("12 bits are found quickly");
        assert!(solves("challenge-token", &nonce.to_string(), 12));
        let mut hasher = Sha256::new();
        hasher.update(format!("challenge-token:{nonce}").as_bytes());
        assert!(
            leading_zero_bits(&hasher.finalize()) >= 12,
            "the same bytes the spec names"
        );
        // Deterministic inputs: this nonce happens not to solve the other token (as 4095 in 4096 don't).
        assert!(!solves("another-token", &nonce.to_string(), 12));
        assert!(solves("anything", "1", 0), "zero bits means no work");
    }

    #[test]
    fn malformed_nonces_never_pass() {
        for nonce in ["", "12a", "-1", " 1", "123456789012345678901"] {
            assert!(!solves("t", nonce, 0), "{nonce:?}");
        }
    }

    #[test]
    fn the_header_splits_at_the_last_colon() {
        assert_eq!(parse_header("abc.def:123"), Some(("abc.def", "123")));
        assert_eq!(parse_header("a:b:42"), Some(("a:b", "42")));
        assert_eq!(parse_header("nocolon"), None);
        assert_eq!(parse_header(":5"), None);
        assert_eq!(parse_header("t:"), None);
    }

    #[test]
    fn the_estimate_follows_the_measured_rate_and_does_not_shrink_as_the_search_runs() {
        // 2^20 hashes at 50 a millisecond: about 21 s, said as 25.
        let early = Estimate::measure(20, 50_000, 1_000.0);
        assert_eq!(
            early,
            Estimate {
                usual_seconds: 25,
                elapsed_seconds: 1
            }
        );
        // Later at the same rate the search is no nearer its end, and the page does not say so.
        let later = Estimate::measure(20, 1_500_000, 30_000.0);
        assert_eq!(
            later,
            Estimate {
                usual_seconds: 25,
                elapsed_seconds: 30
            }
        );
        // A phone ten times slower hears ten times longer.
        assert_eq!(Estimate::measure(20, 5_000, 1_000.0).usual_seconds, 210);
        // Nothing measured yet, or a clock that did not move, gives a number, not a panic.
        assert_eq!(Estimate::measure(20, 0, 0.0).usual_seconds, 1050);
        assert_eq!(Estimate::measure(0, 1_000, 1_000.0).usual_seconds, 5);
    }
}
