//! The background check: what a phone's scheduler (Android's WorkManager,
//! iOS's BGAppRefreshTask) runs while the app is closed and the vault
//! locked, to learn whether messages wait and to say so without saying
//! anything private.
//!
//! It needs no core and no vault: the shell keeps a small
//! [`BackgroundCheck`] outside the vault (in Keystore- or
//! Keychain-protected storage) and calls two free functions,
//! [`background_check_request`] then [`background_check_answer`].
//!
//! The config holds the relay's address, the secret of the *waiting key*
//! (a second Ed25519 key that the relay accepts on `GET /v1/waiting` and
//! refuses everywhere else, see relay-protocol's `waiting` module), whether
//! discreet mode is on and the language. With it one can learn only
//! whether, and how many, messages wait for this device: no text, sender,
//! time or size, and nothing can be read, sent, acknowledged, deleted or
//! unpaired. The vault's keys, the channel and everything the participant
//! wrote stay in the vault.

use std::collections::HashMap;

use relay_protocol::DeviceIdentity;
use relay_protocol::waiting::{WAITING, Waiting};
use zeroize::Zeroize;

use crate::i18n::{Language, Translations};

/// What the shell keeps outside the vault for the background check.
#[derive(Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(uniffi::Record))]
pub struct BackgroundCheck {
    /// The organization's relay, as paired (`https://…`).
    pub relay: String,
    /// The waiting key's secret (relay-protocol's secret bytes).
    pub waiting_key: Vec<u8>,
    /// Discreet mode: the notification does not mention messages.
    pub discreet: bool,
    /// The language's short code (`en`, `es`).
    pub language: String,
}

impl std::fmt::Debug for BackgroundCheck {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The waiting key is a secret: never printed.
        f.debug_struct("BackgroundCheck")
            .field("relay", &self.relay)
            .field("discreet", &self.discreet)
            .field("language", &self.language)
            .finish_non_exhaustive()
    }
}

/// The one request the background check makes: `GET /v1/waiting`, signed
/// with the waiting key; the shell sends it as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(uniffi::Record))]
pub struct WaitingRequest {
    pub url: String,
    pub headers: HashMap<String, String>,
}

/// The local notification to post: never a message's text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(uniffi::Record))]
pub struct BackgroundNotification {
    pub title: String,
    pub body: String,
}

/// The signed `GET /v1/waiting` at `now_ms`; `None` if the config's key is
/// not a waiting key (a damaged config: the shell should drop it).
#[cfg_attr(not(target_arch = "wasm32"), uniffi::export)]
pub fn background_check_request(config: BackgroundCheck, now_ms: i64) -> Option<WaitingRequest> {
    let BackgroundCheck {
        relay,
        mut waiting_key,
        ..
    } = config;
    let identity = DeviceIdentity::from_secret_bytes(&waiting_key);
    waiting_key.zeroize();
    let signature = identity
        .ok()?
        .sign_request("GET", WAITING, b"", now_ms)
        .ok()?;
    Some(WaitingRequest {
        url: format!("{}{WAITING}", relay.trim_end_matches('/')),
        headers: signature
            .headers()
            .into_iter()
            .map(|(name, value)| (name.to_owned(), value))
            .collect(),
    })
}

/// What to show for the relay's answer (`status`, `body`): a notification
/// when messages wait, in discreet or normal wording; `None` when nothing
/// waits or the answer is not one (offline, refused, unpaired).
#[cfg_attr(not(target_arch = "wasm32"), uniffi::export)]
#[allow(clippy::needless_pass_by_value)] // UniFFI passes records by value
pub fn background_check_answer(
    config: BackgroundCheck,
    status: u16,
    body: Vec<u8>,
) -> Option<BackgroundNotification> {
    if status != 200 {
        return None;
    }
    let waiting: Waiting = serde_json::from_slice(&body).ok()?;
    if waiting.waiting == 0 {
        return None;
    }
    let language = Language::from_code(&config.language).unwrap_or(Language::English);
    let words = Translations::load();
    let (title, body) = wording(config.discreet);
    Some(BackgroundNotification {
        title: words.text(language, title),
        body: words.text(language, body),
    })
}

/// The words' keys (title, body) of a notification that messages wait:
/// discreet mode does not mention messages. The web app, open in a tab,
/// uses the same (`ViewModel::new_messages`).
pub(crate) fn wording(discreet: bool) -> (&'static str, &'static str) {
    if discreet {
        ("background-discreet-title", "background-discreet-body")
    } else {
        ("background-message-title", "background-message-body")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(discreet: bool, language: &str) -> BackgroundCheck {
        BackgroundCheck {
            relay: "https://relay.example.org/".into(),
            waiting_key: DeviceIdentity::generate()
                .unwrap()
                .to_secret_bytes()
                .to_vec(),
            discreet,
            language: language.into(),
        }
    }

    #[test]
    fn the_check_asks_the_relay_only_how_many_messages_wait_signed_by_the_waiting_key() {
        let check = config(false, "en");
        let waiting = DeviceIdentity::from_secret_bytes(&check.waiting_key).unwrap();
        let request = background_check_request(check, 1_700_000_000_000).unwrap();
        assert_eq!(request.url, "https://relay.example.org/v1/waiting");
        assert_eq!(
            request.headers.get(relay_protocol::request::HEADER_DEVICE),
            Some(&waiting.public_keys().signing)
        );
        let damaged = BackgroundCheck {
            waiting_key: vec![1, 2, 3],
            ..config(false, "en")
        };
        assert_eq!(background_check_request(damaged, 0), None);
    }

    #[test]
    fn waiting_messages_are_announced_in_discreet_or_normal_words_and_nothing_else_is() {
        let two = br#"{"waiting":2}"#.to_vec();
        let normal = background_check_answer(config(false, "en"), 200, two.clone()).unwrap();
        assert_eq!(
            normal.body,
            "You have a new message from your peer specialist."
        );
        let discreet = background_check_answer(config(true, "en"), 200, two.clone()).unwrap();
        assert_eq!(discreet.title, "Something new");
        assert!(!format!("{discreet:?}").contains("message"));
        let spanish = background_check_answer(config(false, "es"), 200, two.clone()).unwrap();
        assert!(spanish.body.contains("especialista de pares"));

        let none = br#"{"waiting":0}"#.to_vec();
        assert_eq!(
            background_check_answer(config(false, "en"), 200, none),
            None
        );
        assert_eq!(background_check_answer(config(false, "en"), 403, two), None);
        assert_eq!(
            background_check_answer(config(false, "en"), 200, b"<html>".to_vec()),
            None
        );
    }

    #[test]
    fn the_config_never_prints_its_key() {
        let check = config(true, "es");
        let secret = relay_protocol::encoding::encode(&check.waiting_key);
        assert!(!format!("{check:?}").contains(&secret));
    }
}
