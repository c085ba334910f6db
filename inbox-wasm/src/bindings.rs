//! The wasm-bindgen surface inbox.js imports (wasm32 only). Values cross as
//! strings (JSON where structured); every error becomes a JavaScript `Error`
//! carrying the protocol's sentence for the failed check.

use relay_protocol::ProtocolError;
use wasm_bindgen::prelude::*;

use crate::device::InboxDevice;
use crate::keyring::Keyring;

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

/// The inbox's device keys.
#[wasm_bindgen(js_name = Device)]
pub struct JsDevice(InboxDevice);

#[wasm_bindgen(js_class = Device)]
impl JsDevice {
    pub fn generate() -> Result<JsDevice, JsError> {
        InboxDevice::generate().map(JsDevice).map_err(failed)
    }

    /// The device stored sealed under `keys`.
    pub fn open(keys: &JsKeys, sealed: &str) -> Result<JsDevice, JsError> {
        InboxDevice::open(&keys.0, sealed)
            .map(JsDevice)
            .map_err(failed)
    }

    pub fn seal(&self, keys: &JsKeys) -> Result<String, JsError> {
        self.0.seal(&keys.0).map_err(failed)
    }

    /// `{ signing, agreement }` as JSON.
    #[wasm_bindgen(js_name = publicKeys)]
    pub fn public_keys(&self) -> Result<String, JsError> {
        serde_json::to_string(&self.0.public_keys()).map_err(|_| failed(ProtocolError::Malformed))
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
        let now_ms = now_ms as i64;
        let headers = self
            .0
            .sign_request(method, path, body, now_ms)
            .map_err(failed)?;
        let object: serde_json::Map<String, serde_json::Value> = headers
            .into_iter()
            .map(|(name, value)| (name.to_owned(), serde_json::Value::String(value)))
            .collect();
        serde_json::to_string(&object).map_err(|_| failed(ProtocolError::Malformed))
    }
}
