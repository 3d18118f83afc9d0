//! Time-based one-time codes (RFC 6238: SHA-1, six digits, 30 seconds), as every authenticator
//! app reads them. The enrolment QR code is drawn here as SVG: the secret never leaves the server
//! for an outside QR service.

use qrcode::{render::svg, QrCode};
use totp_rs::{Algorithm, Secret, TOTP};

const STEP_SECS: u64 = 30;

pub fn new_secret() -> String {
    Secret::generate_secret().to_encoded().to_string()
}

fn totp(secret_base32: &str, account: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret_base32.to_owned()).to_bytes().ok()?;
    TOTP::new(
        Algorithm::SHA1,
        6,
        1,
        STEP_SECS,
        bytes,
        Some("Sanad".to_owned()),
        account.to_owned(),
    )
    .ok()
}

/// What an authenticator app needs: the `otpauth://` URL and the same as a QR code (SVG).
pub fn enrolment(secret_base32: &str, account: &str) -> Option<(String, String)> {
    let url = totp(secret_base32, account)?.get_url();
    let svg = QrCode::new(url.as_bytes())
        .ok()?
        .render::<svg::Color<'_>>()
        .min_dimensions(220, 220)
        .quiet_zone(true)
        .build();
    Some((url, svg))
}

/// The time step `code` belongs to (this one, or one step either side for clock drift), if it is
/// right and newer than `last_step`, the last one accepted: a code works once.
pub fn accept(
    secret_base32: &str,
    code: &str,
    last_step: Option<i64>,
    now_secs: u64,
) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let code = sanad_shared::digits::to_ascii_digits(&code);
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let totp = totp(secret_base32, "")?;
    let current = now_secs / STEP_SECS;
    [current.saturating_sub(1), current, current + 1]
        .into_iter()
        .find_map(|step| {
            let step_i64 = i64::try_from(step).ok()?;
            let fresh = last_step.is_none_or(|last| step_i64 > last);
            (fresh && totp.generate(step * STEP_SECS) == code).then_some(step_i64)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_accepted_once_within_its_window_and_never_again() {
        let secret = new_secret();
        let now = 1_800_000_000;
        let code = totp(&secret, "").unwrap().generate(now);
        let step = accept(&secret, &code, None, now).unwrap();
        assert_eq!(step, (now / 30) as i64);
        assert_eq!(accept(&secret, &code, Some(step), now), None, "replayed");
        assert!(
            accept(&secret, &code, None, now + 30).is_some(),
            "one step of clock drift is tolerated"
        );
        assert_eq!(accept(&secret, &code, None, now + 90), None, "too old");
        assert_eq!(accept(&secret, "000000x", None, now), None);
    }

    #[test]
    fn codes_typed_in_arabic_indic_digits_are_accepted() {
        let secret = new_secret();
        let now = 1_800_000_000;
        let code = totp(&secret, "").unwrap().generate(now);
        let arabic: String = code
            .chars()
            .map(|c| char::from_u32(0x0660 + c.to_digit(10).unwrap()).unwrap())
            .collect();
        assert!(accept(&secret, &format!(" {} ", arabic), None, now).is_some());
    }

    #[test]
    fn enrolment_gives_an_otpauth_url_and_a_local_svg_qr_code() {
        let (url, svg) = enrolment(&new_secret(), "sara@example.org").unwrap();
        assert!(
            url.starts_with("otpauth://totp/Sanad:sara%40example.org?secret="),
            "{url}"
        );
        assert!(svg.contains("<svg"));
        for outside in ["href", "<image", "url("] {
            assert!(
                !svg.contains(outside),
                "the QR image refers to something outside it: {outside}"
            );
        }
    }
}
