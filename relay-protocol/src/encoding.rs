//! Base64url without padding: how keys, nonces and ciphertext travel in JSON.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::ProtocolError;

pub fn encode(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn decode(text: &str) -> Result<Vec<u8>, ProtocolError> {
    URL_SAFE_NO_PAD
        .decode(text)
        .map_err(|_| ProtocolError::Malformed)
}

/// Decodes exactly `N` bytes.
pub fn decode_array<const N: usize>(text: &str) -> Result<[u8; N], ProtocolError> {
    decode(text)?
        .try_into()
        .map_err(|_| ProtocolError::Malformed)
}
