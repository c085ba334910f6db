//! The waiting key: a second Ed25519 key a participant's device registers
//! so that a background check, with the vault locked, can ask the relay one
//! question: how many messages are waiting for this mailbox.
//!
//! The relay accepts a request signed with a waiting key only on
//! [`WAITING`]; every other route refuses it (`waiting_key_only`, 403). The
//! answer is a count the relay already knows (no ids, sizes, senders or
//! times), so a stolen waiting key reveals only whether mail is waiting; it
//! cannot read, send, acknowledge, delete or unpair.

use serde::{Deserialize, Serialize};

use crate::encoding::{decode, encode};
use crate::{DeviceIdentity, DevicePublicKeys, MailboxId, ProtocolError};

/// `PUT`, signed by the device's main key: registers [`RegisterWaitingKey`].
pub const WAITING_KEY: &str = "/v1/waiting-key";
/// `GET`, signed by the waiting key: answers [`Waiting`].
pub const WAITING: &str = "/v1/waiting";

/// A waiting key and its proof that its holder chose this mailbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterWaitingKey {
    /// The waiting key's Ed25519 public key (base64url).
    pub key: String,
    /// The waiting key's signature over [`proof_message`] of the owner's
    /// mailbox (base64url): nobody can register a key they do not hold,
    /// such as another device's main key.
    pub proof: String,
}

/// What a waiting key may learn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Waiting {
    /// Messages for the owner's mailbox not yet fetched.
    pub waiting: u32,
}

fn proof_message(owner: &MailboxId) -> Vec<u8> {
    format!("phoenix-waiting-key-v1\n{}", owner.0).into_bytes()
}

impl RegisterWaitingKey {
    /// `waiting` registered for `owner`'s mailbox.
    #[must_use]
    pub fn new(waiting: &DeviceIdentity, owner: &MailboxId) -> Self {
        Self {
            key: waiting.public_keys().signing,
            proof: encode(&waiting.sign(&proof_message(owner))),
        }
    }

    /// The waiting key's own mailbox id (how the relay recognises it), if
    /// the proof holds for `owner`.
    pub fn verify(&self, owner: &MailboxId) -> Result<MailboxId, ProtocolError> {
        let key = DevicePublicKeys {
            signing: self.key.clone(),
            agreement: String::new(),
        };
        key.verify(&proof_message(owner), &decode(&self.proof)?)?;
        key.mailbox()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proof_holds_only_for_the_mailbox_it_was_made_for() {
        let owner = DeviceIdentity::generate().unwrap().mailbox();
        let other = DeviceIdentity::generate().unwrap().mailbox();
        let waiting = DeviceIdentity::generate().unwrap();
        let register = RegisterWaitingKey::new(&waiting, &owner);
        assert_eq!(register.verify(&owner).unwrap(), waiting.mailbox());
        assert!(register.verify(&other).is_err());
    }
}
