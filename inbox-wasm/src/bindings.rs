//! The wasm-bindgen surface inbox.js imports (wasm32 only). Values cross as
//! strings (JSON where structured); every error becomes a JavaScript `Error`
//! carrying the protocol's sentence for the failed check.

use relay_protocol::ProtocolError;
use wasm_bindgen::prelude::*;

use relay_protocol::MailboxId;
use relay_protocol::channel::{ChannelIdentity, SealedMessage};

use crate::keyring::Keyring;
use crate::state::InboxState;

fn failed(error: ProtocolError) -> JsError {
    JsError::new(&error.to_string())
}

fn text(bytes: &[u8]) -> Result<String, JsError> {
    String::from_utf8(bytes.to_vec()).map_err(|_| failed(ProtocolError::Malformed))
}

/// The password's two secrets; the unwrap key stays inside this object.
#[wasm_bindgen(js_name = Keys)]
pub struct JsKeys(Keyring);

/// Derives the login secret and the unwrap key (Argon2id, then HKDF).
#[wasm_bindgen(js_name = unlock)]
pub fn unlock(password: &str, salt: &str) -> Result<JsKeys, JsError> {
    Keyring::unlock(password, salt).map(JsKeys).map_err(failed)
}

#[wasm_bindgen(js_class = Keys)]
impl JsKeys {
    /// The secret the relay checks at sign-in (base64url).
    #[wasm_bindgen(js_name = loginSecret)]
    pub fn login_secret(&self) -> String {
        self.0.login_secret().to_string()
    }

    /// `text` sealed as the stored item `item`.
    pub fn seal(&self, item: &str, text: &str) -> Result<String, JsError> {
        self.0.seal(item, text.as_bytes()).map_err(failed)
    }

    /// The stored item `item` opened; throws for another password's.
    pub fn open(&self, item: &str, sealed: &str) -> Result<String, JsError> {
        text(&self.0.open(item, sealed).map_err(failed)?)
    }
}

/// Everything the inbox keeps secret (see `state::InboxState`).
#[wasm_bindgen(js_name = Inbox)]
pub struct JsInbox(InboxState);

fn mailbox(text: &str) -> MailboxId {
    MailboxId(text.to_owned())
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, JsError> {
    serde_json::to_string(value).map_err(|_| failed(ProtocolError::Malformed))
}

fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, JsError> {
    serde_json::from_str(text).map_err(|_| failed(ProtocolError::Malformed))
}

#[wasm_bindgen(js_class = Inbox)]
impl JsInbox {
    /// New device keys and a new Olm account.
    pub fn generate() -> Result<JsInbox, JsError> {
        InboxState::generate().map(JsInbox).map_err(failed)
    }

    /// The state stored sealed under `keys`.
    pub fn open(keys: &JsKeys, sealed: &str) -> Result<JsInbox, JsError> {
        InboxState::open(&keys.0, sealed)
            .map(JsInbox)
            .map_err(failed)
    }

    pub fn seal(&self, keys: &JsKeys) -> Result<String, JsError> {
        self.0.seal(&keys.0).map_err(failed)
    }

    /// The device's `{ signing, agreement }` as JSON.
    #[wasm_bindgen(js_name = publicKeys)]
    pub fn public_keys(&self) -> Result<String, JsError> {
        to_json(&self.0.public_keys())
    }

    pub fn mailbox(&self) -> String {
        self.0.device().mailbox().0
    }

    /// The channel identity's fingerprint, for the invite.
    pub fn fingerprint(&self) -> String {
        self.0.fingerprint().to_string()
    }

    /// The identity and `count` new signed one-time keys, as JSON.
    pub fn bundle(&mut self, count: usize) -> Result<String, JsError> {
        to_json(&self.0.bundle(count))
    }

    /// The signature headers for a `/v1` request, as a JSON object.
    #[wasm_bindgen(js_name = signRequest)]
    pub fn sign_request(
        &self,
        method: &str,
        path: &str,
        body: &str,
        now_ms: f64,
    ) -> Result<String, JsError> {
        #[allow(clippy::cast_possible_truncation)]
        let signature = self
            .0
            .device()
            .sign_request(method, path, body.as_bytes(), now_ms as i64)
            .map_err(failed)?;
        let object: serde_json::Map<String, serde_json::Value> = signature
            .headers()
            .into_iter()
            .map(|(name, value)| (name.to_owned(), serde_json::Value::String(value)))
            .collect();
        to_json(&object)
    }

    /// `"known"` or `"changed"`: the identity the relay reports for a
    /// participant against the one this inbox remembers.
    #[wasm_bindgen(js_name = checkPeer)]
    pub fn check_peer(&mut self, peer: &str, identity: &str) -> Result<String, JsError> {
        let identity: ChannelIdentity = from_json(identity)?;
        to_json(&self.0.check_peer(&mailbox(peer), &identity))
            .map(|s| s.trim_matches('"').to_owned())
    }

    /// The specialist accepts a participant's changed identity.
    pub fn confirm(&mut self, peer: &str) -> Result<(), JsError> {
        self.0.confirm(&mailbox(peer)).map_err(failed)
    }

    pub fn forget(&mut self, peer: &str) {
        self.0.forget(&mailbox(peer));
    }

    /// Opens a sealed message (JSON) from `peer`: an `Opened` as JSON.
    pub fn receive(&mut self, peer: &str, sealed: &str) -> Result<String, JsError> {
        let sealed: SealedMessage = from_json(sealed)?;
        to_json(&self.0.receive(&mailbox(peer), &sealed).map_err(failed)?)
    }

    /// Seals `text` for `peer` (a `SealedMessage` as JSON).
    pub fn send(&mut self, peer: &str, text: &str, now_ms: f64) -> Result<String, JsError> {
        #[allow(clippy::cast_possible_truncation)]
        let sealed = self
            .0
            .send(&mailbox(peer), text, now_ms as i64)
            .map_err(failed)?;
        to_json(&sealed)
    }

    /// `{ status, channel }` as JSON, or `null` for an unknown participant.
    #[wasm_bindgen(js_name = peerStatus)]
    pub fn peer_status(&self, peer: &str) -> Result<String, JsError> {
        let status = self
            .0
            .peer_status(&mailbox(peer))
            .map(|(status, channel)| serde_json::json!({ "status": status, "channel": channel }));
        to_json(&status)
    }

    #[wasm_bindgen(js_name = verificationCode)]
    pub fn verification_code(&self, peer: &str) -> Result<String, JsError> {
        self.0.verification_code(&mailbox(peer)).map_err(failed)
    }

    #[wasm_bindgen(js_name = peerFingerprint)]
    pub fn peer_fingerprint(&self, peer: &str) -> Result<String, JsError> {
        self.0
            .peer_fingerprint(&mailbox(peer))
            .map(|f| f.to_string())
            .map_err(failed)
    }
}

/// The invite as a QR code (SVG): the code and this inbox's fingerprint, as
/// the participant would type them. Made in the browser from its own keys.
#[wasm_bindgen(js_name = inviteQr)]
pub fn invite_qr(code: &str, fingerprint: &str) -> Result<String, JsError> {
    crate::invite::qr_svg(code, fingerprint).map_err(failed)
}

thread_local! {
    /// Parsed once, on the first word the page asks for.
    static WORDS: crate::words::Words = crate::words::Words::load();
}

/// The message `key` in `language` (`en` or `es`) with `args`, a JSON
/// object (`{"count": 3}`): see `words::Words::format`.
#[wasm_bindgen(js_name = words)]
pub fn words(language: &str, key: &str, args: &str) -> String {
    WORDS.with(|words| words.format(language, key, args))
}
