//! Which client a request comes from, for throttling only (never stored or logged). Behind a
//! reverse proxy every request's peer is the proxy, so throttles keyed by it would make one
//! person's wrong receipts or passwords slow everyone down. A peer listed in
//! `SANAD_TRUSTED_PROXIES` is believed about the address it forwards for; nobody else is, since
//! anyone can send an `X-Forwarded-For` header.

use std::net::IpAddr;

use actix_web::{http::header, web, HttpRequest};
use ipnet::IpNet;

/// The proxies whose forwarding headers are believed (`SANAD_TRUSTED_PROXIES`).
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(pub Vec<IpNet>);

impl TrustedProxies {
    fn trusts(&self, address: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(&address))
    }

    /// The client's address: the peer, or, when the peer is a trusted proxy, the last address
    /// in the forwarding chain that is not one of ours (what comes before it was written by
    /// the client itself and may be anything).
    pub fn client(
        &self,
        peer: Option<IpAddr>,
        forwarded: Option<&str>,
        x_forwarded_for: Option<&str>,
    ) -> Option<IpAddr> {
        let peer = peer?;
        if !self.trusts(peer) {
            return Some(peer);
        }
        let chain: Vec<IpAddr> = match (forwarded, x_forwarded_for) {
            (Some(forwarded), _) => forwarded_for(forwarded),
            (None, Some(list)) => list
                .split(',')
                .filter_map(|a| parse_address(a.trim()))
                .collect(),
            (None, None) => Vec::new(),
        };
        Some(
            chain
                .into_iter()
                .rev()
                .find(|address| !self.trusts(*address))
                .unwrap_or(peer),
        )
    }
}

/// A proxy as written in `SANAD_TRUSTED_PROXIES`: an address or a network (`10.0.0.0/8`).
pub fn parse_proxy(text: &str) -> Result<IpNet, String> {
    let text = text.trim();
    text.parse::<IpNet>()
        .or_else(|_| text.parse::<IpAddr>().map(IpNet::from))
        .map_err(|_| format!("{text:?} is neither an IP address nor a network like 10.0.0.0/8"))
}

/// The client address of a request, as [`TrustedProxies::client`] decides.
pub fn address(req: &HttpRequest) -> Option<IpAddr> {
    let header = |name| req.headers().get(name).and_then(|v| v.to_str().ok());
    let proxies = req.app_data::<web::Data<TrustedProxies>>();
    let peer = req.peer_addr().map(|a| a.ip());
    match proxies {
        Some(proxies) => proxies.client(
            peer,
            header(header::FORWARDED),
            header(header::HeaderName::from_static("x-forwarded-for")),
        ),
        None => peer,
    }
}

/// The `for=` addresses of an RFC 7239 `Forwarded` header, in order; obfuscated identifiers
/// (`unknown`, `_hidden`) are skipped.
fn forwarded_for(header: &str) -> Vec<IpAddr> {
    header
        .split(',')
        .flat_map(|element| element.split(';'))
        .filter_map(|pair| {
            let (key, value) = pair.split_once('=')?;
            key.trim()
                .eq_ignore_ascii_case("for")
                .then(|| parse_address(value.trim().trim_matches('"')))?
        })
        .collect()
}

/// `192.0.2.1`, `192.0.2.1:4711`, `2001:db8::1` or `[2001:db8::1]:4711`.
fn parse_address(text: &str) -> Option<IpAddr> {
    if let Ok(address) = text.parse::<IpAddr>() {
        return Some(address);
    }
    if let Some(rest) = text.strip_prefix('[') {
        return rest.split(']').next()?.parse().ok();
    }
    text.rsplit_once(':')?.0.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proxies(list: &[&str]) -> TrustedProxies {
        TrustedProxies(list.iter().map(|p| parse_proxy(p).unwrap()).collect())
    }

    fn ip(text: &str) -> Option<IpAddr> {
        Some(text.parse().unwrap())
    }

    #[test]
    fn a_peer_that_is_not_a_trusted_proxy_is_the_client_whatever_it_claims() {
        let none = TrustedProxies::default();
        assert_eq!(
            none.client(ip("198.51.100.7"), Some("for=192.0.2.1"), Some("192.0.2.2")),
            ip("198.51.100.7")
        );
        let one = proxies(&["10.0.0.1"]);
        assert_eq!(
            one.client(ip("10.0.0.2"), None, Some("192.0.2.2")),
            ip("10.0.0.2")
        );
        assert_eq!(one.client(None, None, Some("192.0.2.2")), None);
    }

    #[test]
    fn behind_trusted_proxies_the_last_address_not_ours_is_the_client() {
        let ours = proxies(&["10.0.0.0/8", "::1"]);
        // The client prepended a lie; our two proxies appended the truth.
        assert_eq!(
            ours.client(ip("10.0.0.1"), None, Some("6.6.6.6, 203.0.113.9, 10.1.2.3")),
            ip("203.0.113.9")
        );
        assert_eq!(
            ours.client(
                ip("::1"),
                Some(r#"for=6.6.6.6, for="[2001:db8::7]:4711";proto=https, for=10.0.0.5"#),
                Some("9.9.9.9")
            ),
            ip("2001:db8::7"),
            "Forwarded is preferred"
        );
        assert_eq!(
            ours.client(ip("10.0.0.1"), Some("for=unknown"), None),
            ip("10.0.0.1")
        );
        assert_eq!(
            ours.client(ip("10.0.0.1"), None, Some("203.0.113.9:1234")),
            ip("203.0.113.9")
        );
        assert_eq!(ours.client(ip("10.0.0.1"), None, None), ip("10.0.0.1"));
    }

    #[test]
    fn proxies_are_addresses_or_networks() {
        assert!(parse_proxy("10.0.0.0/8").is_ok());
        assert!(parse_proxy(" 2001:db8::/32 ").is_ok());
        assert!(parse_proxy("127.0.0.1").is_ok());
        assert!(parse_proxy("proxy.example").is_err());
        assert!(parse_proxy("10.0.0.0/33").is_err());
    }
}
