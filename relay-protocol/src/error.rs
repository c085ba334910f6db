//! [`ProtocolError`]: what went wrong, never what a message said.

/// Errors name the failed check; they carry no keys and no message content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ProtocolError {
    #[error("the bytes are not valid protocol data")]
    Malformed,
    #[error("the signature does not match")]
    BadSignature,
    #[error("the request's time is too far from now")]
    Stale,
    #[error("this request was already received")]
    Replayed,
    #[error("the message could not be opened (tampered, or not for this device)")]
    Unopenable,
    #[error("the protocol version is not supported")]
    UnsupportedVersion,
    #[error("the keys do not match the fingerprint they were checked against")]
    FingerprintMismatch,
    #[error("randomness unavailable")]
    Randomness,
}
