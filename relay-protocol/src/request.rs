//! Signed requests: each device signs what it asks of the relay, so a
//! mailbox can be read or written only with its key, and a captured request
//! cannot be sent again.
//!
//! The signature covers `phoenix-relay-v1`, the method, the path, the time,
//! a random nonce and SHA-256 of the body, one per line. The relay accepts a
//! time within [`MAX_SKEW_MS`] of its clock and each nonce once
//! ([`ReplayGuard`]).

use std::collections::{HashMap, VecDeque};

use ring::rand::{SecureRandom, SystemRandom};
use serde::{Deserialize, Serialize};

use crate::encoding::{decode, decode_array, encode};
use crate::{DeviceIdentity, DevicePublicKeys, MailboxId, ProtocolError};

/// HTTP headers carrying the signature.
pub const HEADER_DEVICE: &str = "x-phoenix-device";
pub const HEADER_TIME: &str = "x-phoenix-time";
pub const HEADER_NONCE: &str = "x-phoenix-nonce";
pub const HEADER_SIGNATURE: &str = "x-phoenix-signature";

/// How far a request's time may be from the relay's clock.
pub const MAX_SKEW_MS: i64 = 5 * 60 * 1000;

/// A request's signature, as its four headers carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestSignature {
    /// The device's signing key (base64url).
    pub device: String,
    /// Milliseconds since the Unix epoch.
    pub time_ms: i64,
    /// 16 random bytes (base64url).
    pub nonce: String,
    /// Ed25519 over the canonical request (base64url).
    pub signature: String,
}

fn canonical(method: &str, path: &str, time_ms: i64, nonce: &str, body: &[u8]) -> Vec<u8> {
    let body_hash = ring::digest::digest(&ring::digest::SHA256, body);
    format!(
        "phoenix-relay-v1\n{}\n{path}\n{time_ms}\n{nonce}\n{}",
        method.to_ascii_uppercase(),
        encode(body_hash.as_ref())
    )
    .into_bytes()
}

impl DeviceIdentity {
    /// Signs a request to the relay made at `now_ms`.
    pub fn sign_request(
        &self,
        method: &str,
        path: &str,
        body: &[u8],
        now_ms: i64,
    ) -> Result<RequestSignature, ProtocolError> {
        let mut nonce = [0u8; 16];
        SystemRandom::new()
            .fill(&mut nonce)
            .map_err(|_| ProtocolError::Randomness)?;
        let nonce = encode(&nonce);
        let signature = self.sign(&canonical(method, path, now_ms, &nonce, body));
        Ok(RequestSignature {
            device: self.public_keys().signing,
            time_ms: now_ms,
            nonce,
            signature: encode(&signature),
        })
    }
}

impl RequestSignature {
    /// Checks the signature and the time; returns the signer's mailbox.
    /// (Replay is the [`ReplayGuard`]'s job, which needs memory.)
    pub fn verify(
        &self,
        method: &str,
        path: &str,
        body: &[u8],
        now_ms: i64,
    ) -> Result<MailboxId, ProtocolError> {
        decode_array::<16>(&self.nonce)?;
        let signer = DevicePublicKeys {
            signing: self.device.clone(),
            agreement: String::new(),
        };
        signer.verify(
            &canonical(method, path, self.time_ms, &self.nonce, body),
            &decode(&self.signature)?,
        )?;
        if (now_ms - self.time_ms).abs() > MAX_SKEW_MS {
            return Err(ProtocolError::Stale);
        }
        signer.mailbox()
    }
}

/// Remembers each (device, nonce) seen within the accepted time window, so a
/// captured request replayed later is refused. Memory is bounded: entries
/// older than the window are forgotten, since such requests are stale anyway.
#[derive(Debug, Default)]
pub struct ReplayGuard {
    seen: HashMap<(String, String), i64>,
    order: VecDeque<(i64, (String, String))>,
}

impl ReplayGuard {
    /// Accepts a verified request's signature once.
    pub fn check(
        &mut self,
        signature: &RequestSignature,
        now_ms: i64,
    ) -> Result<(), ProtocolError> {
        while let Some((time, _)) = self.order.front() {
            if now_ms - *time <= 2 * MAX_SKEW_MS {
                break;
            }
            if let Some((_, key)) = self.order.pop_front() {
                self.seen.remove(&key);
            }
        }
        let key = (signature.device.clone(), signature.nonce.clone());
        if self.seen.contains_key(&key) {
            return Err(ProtocolError::Replayed);
        }
        self.seen.insert(key.clone(), now_ms);
        self.order.push_back((now_ms, key));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_772_452_800_000;

    #[test]
    fn a_signed_request_verifies_once_and_any_change_is_refused() {
        let device = DeviceIdentity::generate().unwrap();
        let body = br#"{"to":"abc"}"#;
        let signed = device
            .sign_request("post", "/v1/messages", body, NOW)
            .unwrap();
        assert_eq!(
            signed
                .verify("POST", "/v1/messages", body, NOW + 1_000)
                .unwrap(),
            device.mailbox()
        );
        let mut guard = ReplayGuard::default();
        guard.check(&signed, NOW).unwrap();
        assert_eq!(
            guard.check(&signed, NOW + 5).unwrap_err(),
            ProtocolError::Replayed
        );

        assert_eq!(
            signed
                .verify("POST", "/v1/messages", br#"{"to":"xyz"}"#, NOW)
                .unwrap_err(),
            ProtocolError::BadSignature,
            "another body"
        );
        assert_eq!(
            signed.verify("POST", "/v1/mailbox", body, NOW).unwrap_err(),
            ProtocolError::BadSignature,
            "another path"
        );
        let other = DeviceIdentity::generate().unwrap();
        let forged = RequestSignature {
            device: other.public_keys().signing,
            ..signed.clone()
        };
        assert_eq!(
            forged
                .verify("POST", "/v1/messages", body, NOW)
                .unwrap_err(),
            ProtocolError::BadSignature,
            "someone else's key"
        );
        assert_eq!(
            signed
                .verify("POST", "/v1/messages", body, NOW + MAX_SKEW_MS + 1)
                .unwrap_err(),
            ProtocolError::Stale
        );
        let garbage = RequestSignature {
            nonce: "!!".into(),
            ..signed
        };
        assert_eq!(
            garbage
                .verify("POST", "/v1/messages", body, NOW)
                .unwrap_err(),
            ProtocolError::Malformed
        );
    }

    #[test]
    fn the_guard_forgets_only_what_is_stale_anyway() {
        let device = DeviceIdentity::generate().unwrap();
        let mut guard = ReplayGuard::default();
        for i in 0..1_000 {
            let signed = device
                .sign_request("GET", "/v1/mailbox", b"", NOW + i)
                .unwrap();
            guard.check(&signed, NOW + i).unwrap();
        }
        let late = NOW + 3 * MAX_SKEW_MS;
        let signed = device
            .sign_request("GET", "/v1/mailbox", b"", late)
            .unwrap();
        guard.check(&signed, late).unwrap();
        assert_eq!(guard.seen.len(), 1, "old nonces are forgotten");
    }
}
