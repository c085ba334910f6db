//! [`ClientAddress`]: who a request comes from, for the limits. Behind a
//! reverse proxy every request arrives from the proxy, so the operator names
//! the header the proxy sets (`--client-address-header x-forwarded-for`) and
//! the relay reads the last address in it: the one the trusted proxy added.
//! Without that setting, or when the header is missing or unreadable, the
//! socket's address. IPv6 addresses are grouped by their /64 prefix, which
//! one home or phone usually holds whole.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;

use super::AppState;
use super::failure::Failure;

/// The client's address as the limits key it: an IPv4 address, or an IPv6
/// /64 prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientAddress(pub String);

impl FromRequestParts<Arc<AppState>> for ClientAddress {
    type Rejection = Failure;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<AppState>) -> Result<Self, Failure> {
        let socket = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(address)| address.ip());
        let forwarded = state
            .limits
            .client_address_header
            .as_deref()
            .and_then(|name| forwarded_address(&parts.headers, name));
        let address = forwarded.or(socket).ok_or_else(Failure::internal)?;
        Ok(Self(limit_key(address)))
    }
}

/// The last address in the header (`x-forwarded-for: client, proxy1`), if
/// it is one.
fn forwarded_address(headers: &HeaderMap, name: &str) -> Option<IpAddr> {
    let last = headers
        .get_all(name)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .next_back()?
        .trim();
    last.parse::<IpAddr>()
        .ok()
        .or_else(|| last.parse::<SocketAddr>().ok().map(|socket| socket.ip()))
}

/// IPv4 (and IPv4 mapped into IPv6) as is; IPv6 by its /64 prefix.
pub fn limit_key(address: IpAddr) -> String {
    match address {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                v4.to_string()
            } else {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_in_one_ipv6_64_share_a_key_and_ipv4_stays_whole() {
        let one: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let two: IpAddr = "2001:db8:1:2:bbbb::9".parse().unwrap();
        let other: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(limit_key(one), limit_key(two));
        assert_ne!(limit_key(one), limit_key(other));
        assert_eq!(
            limit_key("::ffff:203.0.113.7".parse().unwrap()),
            "203.0.113.7"
        );
        assert_eq!(limit_key("203.0.113.7".parse().unwrap()), "203.0.113.7");
    }

    #[test]
    fn the_proxy_added_address_is_the_last_one() {
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            "198.51.100.1, 203.0.113.7".parse().unwrap(),
        );
        assert_eq!(
            forwarded_address(&headers, "x-forwarded-for"),
            Some("203.0.113.7".parse().unwrap())
        );
        headers.insert("x-forwarded-for", "not an address".parse().unwrap());
        assert_eq!(forwarded_address(&headers, "x-forwarded-for"), None);
    }
}
