//! The core's side of the background check (issue 19): the waiting key
//! made and registered at pairing, the "Check for messages in the
//! background" setting, and the config the shell keeps outside the vault
//! for the phone's scheduler ([`crate::background`] runs the check).
//!
//! The waiting key lives in the pairing record (`Messaging::waiting_key`)
//! while background checks are on. Once the relay has accepted it
//! (`PUT /v1/waiting-key`, signed by the device's main key), [`config`]
//! yields what the shell keeps: the relay, the waiting key, discreet mode
//! and the language; the app hands it over whenever it changes and tells
//! the shell to forget it when there is none (turned off, unpaired,
//! erased).

use relay_protocol::DeviceIdentity;
use relay_protocol::waiting::{RegisterWaitingKey, WAITING_KEY};

use super::outgoing::{identity_of, signed};
use super::records::{Call, Messaging};
use crate::effects::BackgroundCheckOperation;
use crate::i18n::Language;
use crate::model::problem::Problem;
use crate::model::{Data, Request, Update};

/// What the shell should keep for the background check now: the config
/// once the relay accepted the waiting key, otherwise nothing (the shell
/// forgets any config it held).
pub fn config(data: &Data, language: Language) -> BackgroundCheckOperation {
    let Some(messaging) = &data.messaging else {
        return BackgroundCheckOperation::Forget;
    };
    match &messaging.waiting_key {
        Some(key) if messaging.waiting_key_registered => BackgroundCheckOperation::Keep {
            relay: messaging.relay.clone(),
            waiting_key: key.to_vec(),
            discreet: data.settings.discreet,
            language: language.code().to_owned(),
        },
        _ => BackgroundCheckOperation::Forget,
    }
}

/// Turns background checks on (a new waiting key, registered with the
/// relay) or off (the key dropped; the shell then forgets the config).
pub fn set(on: bool, data: &mut Data, now_ms: i64) -> Result<Update, Problem> {
    let messaging = data.messaging.as_mut().ok_or(Problem::NotPaired)?;
    let mut effects = Update::default();
    if on {
        if messaging.waiting_key.is_none() {
            register_new_key(messaging, now_ms, &mut effects)?;
        }
    } else {
        messaging.waiting_key = None;
        messaging.waiting_key_registered = false;
    }
    effects.changes.push(data.messaging_change());
    Ok(effects)
}

/// Makes a new waiting key for `messaging` and asks the relay to register
/// it (the caller saves the pairing record with it).
pub(super) fn register_new_key(
    messaging: &mut Messaging,
    now_ms: i64,
    effects: &mut Update,
) -> Result<(), Problem> {
    let waiting = DeviceIdentity::generate().map_err(|_| Problem::RelayRefused)?;
    messaging.waiting_key = Some(waiting.to_secret_bytes());
    messaging.waiting_key_registered = false;
    register(messaging, now_ms, effects)
}

/// Asks the relay to register the stored waiting key, if it has not yet
/// (at pairing, and again with each sync while it has not answered).
pub(super) fn register(
    messaging: &Messaging,
    now_ms: i64,
    effects: &mut Update,
) -> Result<(), Problem> {
    let (Some(key), false) = (&messaging.waiting_key, messaging.waiting_key_registered) else {
        return Ok(());
    };
    let waiting = DeviceIdentity::from_secret_bytes(key).map_err(|_| Problem::RelayRefused)?;
    let identity = identity_of(messaging)?;
    let body = RegisterWaitingKey::new(&waiting, &identity.mailbox());
    // Public: the waiting key's public half and its proof.
    let body = serde_json::to_vec(&body).map_err(|_| Problem::RelayRefused)?;
    let request = signed(
        &identity,
        &messaging.relay,
        "PUT",
        WAITING_KEY,
        body,
        now_ms,
    )?;
    effects
        .requests
        .push(Request::Relay(Call::RegisterWaitingKey, request));
    Ok(())
}

/// The relay answered the registration: accepted, or refused for good
/// (background checks then stay off). A passing failure is tried again
/// with the next sync.
pub(super) fn registered(accepted: bool, retry: bool, data: &mut Data, effects: &mut Update) {
    let Some(messaging) = data.messaging.as_mut() else {
        return;
    };
    if messaging.waiting_key.is_none() || retry {
        return;
    }
    if accepted {
        messaging.waiting_key_registered = true;
    } else {
        messaging.waiting_key = None;
    }
    effects.changes.push(data.messaging_change());
}
