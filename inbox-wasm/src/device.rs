//! [`InboxDevice`]: the inbox's device keys (relay-protocol's
//! `DeviceIdentity`), stored sealed under the [`Keyring`], and the
//! signature every `/v1` request to the relay carries.

use relay_protocol::{DeviceIdentity, DevicePublicKeys, ProtocolError};
use zeroize::Zeroizing;

use crate::keyring::Keyring;

/// The name the device's secrets are sealed under in the browser's storage.
const ITEM: &str = "device";

#[derive(Debug)]
pub struct InboxDevice {
    identity: DeviceIdentity,
}

impl InboxDevice {
    pub fn generate() -> Result<Self, ProtocolError> {
        Ok(Self {
            identity: DeviceIdentity::generate()?,
        })
    }

    /// The device's secrets sealed for storage.
    pub fn seal(&self, keyring: &Keyring) -> Result<String, ProtocolError> {
        keyring.seal(ITEM, &self.identity.to_secret_bytes())
    }

    pub fn open(keyring: &Keyring, sealed: &str) -> Result<Self, ProtocolError> {
        let bytes: Zeroizing<Vec<u8>> = keyring.open(ITEM, sealed)?;
        Ok(Self {
            identity: DeviceIdentity::from_secret_bytes(&bytes)?,
        })
    }

    pub fn public_keys(&self) -> DevicePublicKeys {
        self.identity.public_keys()
    }

    pub fn identity(&self) -> &DeviceIdentity {
        &self.identity
    }

    /// The four signature headers for `method path` with `body`, as
    /// `(name, value)` pairs.
    pub fn sign_request(
        &self,
        method: &str,
        path: &str,
        body: &str,
        now_ms: i64,
    ) -> Result<[(&'static str, String); 4], ProtocolError> {
        Ok(self
            .identity
            .sign_request(method, path, body.as_bytes(), now_ms)?
            .headers())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use relay_protocol::inbox_secrets::salt_for;

    #[test]
    fn the_device_reopens_under_the_same_password_and_signs_what_the_relay_checks() {
        let keyring = Keyring::unlock("a long inbox password", &salt_for("maria")).unwrap();
        let device = InboxDevice::generate().unwrap();
        let sealed = device.seal(&keyring).unwrap();
        let again = InboxDevice::open(&keyring, &sealed).unwrap();
        assert_eq!(again.public_keys(), device.public_keys());
        let headers = again
            .sign_request("GET", "/v1/messages?after=0", "", 1_000)
            .unwrap();
        let signature = relay_protocol::request::RequestSignature {
            device: headers[0].1.clone(),
            time_ms: headers[1].1.parse().unwrap(),
            nonce: headers[2].1.clone(),
            signature: headers[3].1.clone(),
        };
        assert_eq!(
            signature
                .verify("GET", "/v1/messages?after=0", b"", 1_000)
                .unwrap(),
            device.identity().mailbox()
        );
    }
}
