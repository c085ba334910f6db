//! [`InboxState`]: everything the inbox keeps secret, in wasm memory while
//! signed in and sealed under the [`Keyring`] in the browser's storage:
//! its device keys (signing relay requests), its Olm account
//! (`relay_protocol::channel`), and for each participant the identity it
//! first saw and the channel (the double ratchet and its counters).
//!
//! The participant identities are remembered on first sight (from the
//! relay's pairing report) and compared on every later one: a different
//! identity is held as *changed*: nothing is sent to that participant and
//! no new channel starts until the specialist confirms it
//! ([`InboxState::confirm`]), after comparing the verification code with
//! the participant.
//!
//! The counters live in the channel: the caller stores the sealed state
//! after each seal and before sending (inbox.js holds a Web Lock around
//! load → seal → store), so a second tab or a lost response never reuses a
//! sequence number or a ratchet key.

use std::collections::BTreeMap;

use relay_protocol::channel::{
    Account, Arrival, Channel, ChannelIdentity, Fingerprint, KeyBundle, Letter, SealedMessage,
    verification_code,
};
use relay_protocol::encoding::{decode, encode};
use relay_protocol::share::{Body, Envelope};
use relay_protocol::{DeviceIdentity, DevicePublicKeys, MailboxId, ProtocolError};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::keyring::Keyring;

/// The name the state is sealed under in the browser's storage.
const ITEM: &str = "state";

/// What the specialist sees about a participant's identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeerStatus {
    /// The identity first seen for this participant, still the same.
    Known,
    /// The relay now reports another identity: nothing is sent or opened
    /// until the specialist confirms it.
    Changed,
}

/// What opening a message showed, for the page.
#[derive(Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Opened {
    /// A letter to show; `missing` earlier ones did not arrive (yet). A
    /// message has its `text`; a shared item has none, and `shared` holds
    /// its envelope (`{v, key, item}`); an item of a later version or an
    /// unknown kind is `unsupported` ("This item needs a newer Phoenix").
    Letter {
        sequence: u64,
        sent_at_ms: i64,
        text: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        shared: Option<Box<Envelope>>,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        unsupported: bool,
        missing: u64,
    },
    /// The participant's greeting that opened the channel: nothing to show.
    Greeting,
    /// Already opened: nothing new.
    Duplicate,
}

impl Opened {
    /// A letter as the page reads it.
    fn letter(letter: Letter, missing: u64) -> Self {
        let (text, shared, unsupported) = match letter.body {
            Body::Text(text) => (Some(text), None, false),
            Body::Item(envelope) => (None, Some(Box::new(envelope)), false),
            Body::Unsupported => (None, None, true),
        };
        Self::Letter {
            sequence: letter.sequence,
            sent_at_ms: letter.sent_at_ms,
            text,
            shared,
            unsupported,
            missing,
        }
    }
}

impl std::fmt::Debug for Opened {
    /// What a letter says is the participant's: never shown.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Letter {
                sequence,
                shared,
                unsupported,
                missing,
                ..
            } => f
                .debug_struct("Letter")
                .field("sequence", sequence)
                .field("shared", &shared.as_ref().map(|e| e.item.kind()))
                .field("unsupported", unsupported)
                .field("missing", missing)
                .finish_non_exhaustive(),
            Self::Greeting => f.write_str("Greeting"),
            Self::Duplicate => f.write_str("Duplicate"),
        }
    }
}

struct Peer {
    identity: ChannelIdentity,
    /// Reported by the relay, different from `identity`, not confirmed.
    changed: Option<ChannelIdentity>,
    channel: Option<Channel>,
}

pub struct InboxState {
    device: DeviceIdentity,
    account: Account,
    peers: BTreeMap<MailboxId, Peer>,
}

impl std::fmt::Debug for InboxState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InboxState")
            .field("mailbox", &self.device.mailbox())
            .field("peers", &self.peers.len())
            .finish_non_exhaustive()
    }
}

/// The sealed form: JSON inside the keyring's AES-GCM; the account and
/// channel pickles are also encrypted with the keyring's pickle key.
#[derive(Serialize, Deserialize)]
struct Stored {
    device: String,
    account: String,
    peers: BTreeMap<MailboxId, StoredPeer>,
}

#[derive(Serialize, Deserialize)]
struct StoredPeer {
    identity: ChannelIdentity,
    changed: Option<ChannelIdentity>,
    channel: Option<String>,
}

impl InboxState {
    /// New device keys and a new Olm account.
    pub fn generate() -> Result<Self, ProtocolError> {
        Ok(Self {
            device: DeviceIdentity::generate()?,
            account: Account::new(),
            peers: BTreeMap::new(),
        })
    }

    pub fn seal(&self, keyring: &Keyring) -> Result<String, ProtocolError> {
        let key = keyring.pickle_key();
        let stored = Stored {
            device: encode(&self.device.to_secret_bytes()),
            account: self.account.pickle(key),
            peers: self
                .peers
                .iter()
                .map(|(mailbox, peer)| {
                    let stored = StoredPeer {
                        identity: peer.identity.clone(),
                        changed: peer.changed.clone(),
                        channel: peer.channel.as_ref().map(|channel| channel.pickle(key)),
                    };
                    (mailbox.clone(), stored)
                })
                .collect(),
        };
        let json =
            Zeroizing::new(serde_json::to_vec(&stored).map_err(|_| ProtocolError::Malformed)?);
        keyring.seal(ITEM, &json)
    }

    /// The state sealed under `keyring`; refuses another password's.
    pub fn open(keyring: &Keyring, sealed: &str) -> Result<Self, ProtocolError> {
        let key = keyring.pickle_key();
        let json = keyring.open(ITEM, sealed)?;
        let stored: Stored = serde_json::from_slice(&json).map_err(|_| ProtocolError::Malformed)?;
        let device = DeviceIdentity::from_secret_bytes(&Zeroizing::new(decode(&stored.device)?))?;
        let mut peers = BTreeMap::new();
        for (mailbox, peer) in stored.peers {
            let channel = peer
                .channel
                .map(|pickle| Channel::from_pickle(&pickle, key))
                .transpose()?;
            peers.insert(
                mailbox,
                Peer {
                    identity: peer.identity,
                    changed: peer.changed,
                    channel,
                },
            );
        }
        Ok(Self {
            device,
            account: Account::from_pickle(&stored.account, key)?,
            peers,
        })
    }

    pub fn device(&self) -> &DeviceIdentity {
        &self.device
    }

    pub fn public_keys(&self) -> DevicePublicKeys {
        self.device.public_keys()
    }

    /// This inbox's channel identity, which participants check.
    pub fn identity(&self) -> ChannelIdentity {
        self.account.identity()
    }

    /// What the invite carries: the identity's fingerprint.
    pub fn fingerprint(&self) -> Fingerprint {
        self.account.fingerprint()
    }

    /// The identity and `count` new signed one-time keys to publish; store
    /// the state afterwards (the secret halves live in the account).
    pub fn bundle(&mut self, count: usize) -> KeyBundle {
        self.account.bundle(count)
    }

    /// Compares the identity the relay reports for `mailbox` with the one
    /// remembered; remembers it on first sight.
    pub fn check_peer(&mut self, mailbox: &MailboxId, reported: &ChannelIdentity) -> PeerStatus {
        match self.peers.get_mut(mailbox) {
            None => {
                self.peers.insert(
                    mailbox.clone(),
                    Peer {
                        identity: reported.clone(),
                        changed: None,
                        channel: None,
                    },
                );
                PeerStatus::Known
            }
            Some(peer) if peer.identity == *reported => PeerStatus::Known,
            Some(peer) => {
                peer.changed = Some(reported.clone());
                PeerStatus::Changed
            }
        }
    }

    /// The specialist accepts the changed identity (after comparing the new
    /// verification code): the old channel ends, the participant's next
    /// first message starts a new one.
    pub fn confirm(&mut self, mailbox: &MailboxId) -> Result<(), ProtocolError> {
        let peer = self.peer_mut(mailbox)?;
        if let Some(identity) = peer.changed.take() {
            peer.identity = identity;
            peer.channel = None;
        }
        Ok(())
    }

    /// Forgets a participant who is no longer paired.
    pub fn forget(&mut self, mailbox: &MailboxId) {
        self.peers.remove(mailbox);
    }

    fn peer_mut(&mut self, mailbox: &MailboxId) -> Result<&mut Peer, ProtocolError> {
        self.peers.get_mut(mailbox).ok_or(ProtocolError::Unopenable)
    }

    fn trusted_peer(&mut self, mailbox: &MailboxId) -> Result<&mut Peer, ProtocolError> {
        let peer = self.peer_mut(mailbox)?;
        if peer.changed.is_some() {
            return Err(ProtocolError::FingerprintMismatch);
        }
        Ok(peer)
    }

    /// Opens a message from `mailbox`. The participant's first (pre-key)
    /// message starts the channel; one that opens nothing changes nothing.
    pub fn receive(
        &mut self,
        mailbox: &MailboxId,
        sealed: &SealedMessage,
    ) -> Result<Opened, ProtocolError> {
        let Self { account, peers, .. } = self;
        let peer = peers.get_mut(mailbox).ok_or(ProtocolError::Unopenable)?;
        // The channel already open authenticates the identity it was opened
        // with: its letters still open while a change waits for the
        // specialist. No new channel starts until then.
        let existing = match peer.channel.as_mut() {
            Some(channel) => channel.open(sealed),
            None => Err(ProtocolError::Unopenable),
        };
        let arrival = match existing {
            Ok(arrival) => arrival,
            Err(_) if peer.changed.is_some() => return Err(ProtocolError::FingerprintMismatch),
            // A new session from the same identity (the participant paired
            // again from the same device): its pre-key message starts it.
            Err(error) if !sealed.pre_key => return Err(error),
            Err(_) => {
                let (channel, arrival) = account.accept_channel(&peer.identity, sealed)?;
                peer.channel = Some(channel);
                arrival
            }
        };
        Ok(match arrival {
            Arrival::Arrived(letter) if letter.is_greeting() => Opened::Greeting,
            Arrival::Arrived(letter) => Opened::letter(letter, 0),
            Arrival::Gap { missing, letter } => Opened::letter(letter, missing),
            Arrival::Duplicate => Opened::Duplicate,
        })
    }

    /// Seals `text` for `mailbox` with the next sequence number.
    pub fn send(
        &mut self,
        mailbox: &MailboxId,
        text: &str,
        now_ms: i64,
    ) -> Result<SealedMessage, ProtocolError> {
        let from = self.device.mailbox();
        let peer = self.trusted_peer(mailbox)?;
        let channel = peer.channel.as_mut().ok_or(ProtocolError::Unopenable)?;
        channel.seal(from, mailbox.clone(), text, now_ms)
    }

    /// Whether `mailbox`'s identity changed, and whether a channel exists.
    pub fn peer_status(&self, mailbox: &MailboxId) -> Option<(PeerStatus, bool)> {
        self.peers.get(mailbox).map(|peer| {
            let status = if peer.changed.is_some() {
                PeerStatus::Changed
            } else {
                PeerStatus::Known
            };
            (status, peer.channel.is_some())
        })
    }

    /// The code to compare with the participant: from the identity being
    /// used, or the changed one when there is one to confirm.
    pub fn verification_code(&self, mailbox: &MailboxId) -> Result<String, ProtocolError> {
        let peer = self.peers.get(mailbox).ok_or(ProtocolError::Unopenable)?;
        verification_code(
            &self.account.identity(),
            peer.changed.as_ref().unwrap_or(&peer.identity),
        )
    }

    /// The participant identity's fingerprint, shown beside their name.
    pub fn peer_fingerprint(&self, mailbox: &MailboxId) -> Result<Fingerprint, ProtocolError> {
        let peer = self.peers.get(mailbox).ok_or(ProtocolError::Unopenable)?;
        peer.changed
            .as_ref()
            .unwrap_or(&peer.identity)
            .fingerprint()
    }
}

#[cfg(test)]
mod tests {
    use relay_protocol::channel::{Account, Channel, ClaimedKeys};
    use relay_protocol::inbox_secrets::salt_for;

    use super::*;

    const NOW: i64 = 1_772_452_800_000;

    fn keyring() -> Keyring {
        Keyring::unlock("a long inbox password", &salt_for("maria")).unwrap()
    }

    /// A participant paired with `inbox` from its published bundle; the
    /// greeting has been opened by the inbox.
    fn pair(inbox: &mut InboxState, name: &str) -> (Account, Channel, MailboxId) {
        let bundle = inbox.bundle(1);
        let claimed = ClaimedKeys {
            identity: bundle.identity,
            one_time_key: bundle.one_time_keys[0].clone(),
        };
        let phone = Account::new();
        let mut channel = phone.open_channel(&claimed, &inbox.fingerprint()).unwrap();
        let mailbox = MailboxId(name.into());
        let me = inbox.device().mailbox();
        assert_eq!(
            inbox.check_peer(&mailbox, &phone.identity()),
            PeerStatus::Known
        );
        let greeting = channel.greet(mailbox.clone(), me, NOW).unwrap();
        assert_eq!(
            inbox.receive(&mailbox, &greeting).unwrap(),
            Opened::Greeting
        );
        (phone, channel, mailbox)
    }

    fn text_of(opened: Opened) -> (String, u64) {
        match opened {
            Opened::Letter {
                text: Some(text),
                missing,
                ..
            } => (text, missing),
            other => panic!("expected a letter, got {other:?}"),
        }
    }

    #[test]
    fn a_shared_item_reaches_the_page_as_its_envelope_and_an_unknown_one_as_unsupported() {
        use relay_protocol::share::{Barc10, Item};
        let mut inbox = InboxState::generate().unwrap();
        let (_phone, mut channel, sam) = pair(&mut inbox, "sam");
        let me = inbox.device().mailbox();
        let item = Envelope::new(
            "barc10",
            Item::Barc10(Barc10 {
                score: 45,
                max: 60,
                taken_on: "2026-03-02".into(),
            }),
        );
        let sealed = channel
            .seal_body(sam.clone(), me.clone(), &Body::Item(item), NOW)
            .unwrap();
        let opened = inbox.receive(&sam, &sealed).unwrap();
        assert!(
            !format!("{opened:?}").contains("2026"),
            "no content in Debug"
        );
        let page = serde_json::to_value(&opened).unwrap();
        assert_eq!(page["text"], serde_json::Value::Null);
        assert_eq!(
            page["shared"],
            serde_json::json!({"v": 1, "key": "barc10",
                "item": {"kind": "barc10", "score": 45, "max": 60, "taken_on": "2026-03-02"}})
        );
        assert_eq!(page.get("unsupported"), None);

        let message = channel.seal(sam.clone(), me, "I made it", NOW).unwrap();
        let page = serde_json::to_value(inbox.receive(&sam, &message).unwrap()).unwrap();
        assert_eq!(page["text"], "I made it");
        assert_eq!(page.get("shared"), None);

        let unknown = Opened::letter(
            Letter {
                sequence: 3,
                sent_at_ms: NOW,
                body: Body::Unsupported,
            },
            0,
        );
        let page = serde_json::to_value(&unknown).unwrap();
        assert_eq!(
            (page["unsupported"].clone(), page["text"].clone()),
            (true.into(), serde_json::Value::Null)
        );
    }

    #[test]
    fn letters_travel_both_ways_and_the_sealed_state_keeps_the_counters() {
        let keyring = keyring();
        let mut inbox = InboxState::generate().unwrap();
        let (_phone, mut channel, sam) = pair(&mut inbox, "sam");
        let me = inbox.device().mailbox();
        let first = channel
            .seal(sam.clone(), me.clone(), "I made it", NOW)
            .unwrap();
        assert_eq!(text_of(inbox.receive(&sam, &first).unwrap()).0, "I made it");
        let reply = inbox.send(&sam, "Proud of you", NOW).unwrap();
        assert!(
            matches!(channel.open(&reply).unwrap(), Arrival::Arrived(l) if l.text() == Some("Proud of you"))
        );

        // Stored and reopened (a reload, or another tab): the next letter
        // takes the next number, and a repeat of the first is not shown again.
        let sealed = inbox.seal(&keyring).unwrap();
        assert!(!sealed.contains("Proud"));
        let mut again = InboxState::open(&keyring, &sealed).unwrap();
        assert_eq!(again.receive(&sam, &first).unwrap(), Opened::Duplicate);
        let next = again.send(&sam, "Call me", NOW).unwrap();
        match channel.open(&next).unwrap() {
            Arrival::Arrived(letter) => assert_eq!(letter.sequence, 2),
            other => panic!("expected the next letter, got {other:?}"),
        }
        let other = Keyring::unlock("another long password", &salt_for("maria")).unwrap();
        assert_eq!(
            InboxState::open(&other, &sealed).unwrap_err(),
            ProtocolError::Unopenable
        );
    }

    #[test]
    fn a_gap_is_reported_and_a_changed_identity_stops_everything_until_confirmed() {
        let mut inbox = InboxState::generate().unwrap();
        let (phone, mut channel, sam) = pair(&mut inbox, "sam");
        let me = inbox.device().mailbox();
        let _lost = channel.seal(sam.clone(), me.clone(), "lost", NOW).unwrap();
        let later = channel.seal(sam.clone(), me.clone(), "later", NOW).unwrap();
        assert_eq!(
            text_of(inbox.receive(&sam, &later).unwrap()),
            ("later".to_owned(), 1)
        );
        let code = inbox.verification_code(&sam).unwrap();
        assert_eq!(
            code,
            verification_code(&phone.identity(), &inbox.identity()).unwrap()
        );

        // The relay now reports another identity for Sam.
        let impostor = Account::new();
        assert_eq!(
            inbox.check_peer(&sam, &impostor.identity()),
            PeerStatus::Changed
        );
        assert_eq!(inbox.peer_status(&sam), Some((PeerStatus::Changed, true)));
        assert_eq!(
            inbox.send(&sam, "are you there?", NOW).unwrap_err(),
            ProtocolError::FingerprintMismatch
        );
        assert_ne!(inbox.verification_code(&sam).unwrap(), code);
        inbox.confirm(&sam).unwrap();
        assert_eq!(inbox.peer_status(&sam), Some((PeerStatus::Known, false)));
        assert_eq!(
            inbox.check_peer(&sam, &impostor.identity()),
            PeerStatus::Known
        );
    }
}
