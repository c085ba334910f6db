//! A client for a real relay process on loopback: start and restart
//! `phoenix-relay`, sign in as a specialist, make signed device requests.
//! Used by the relay's tests and by the `relay-load` bench.

#![allow(clippy::missing_panics_doc)]

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, PoisonError};

use relay_protocol::api::{
    self, Delivery, Inbox, KeysPublished, PairRequest, Paired, Receipts, Sent,
};
use relay_protocol::channel::{Account, Arrival, Channel, ChannelIdentity, Invite, SealedMessage};
use relay_protocol::share::Body;
use relay_protocol::{DeviceIdentity, DevicePublicKeys, MailboxId, ProtocolError};
use serde_json::{Value, json};

mod notify;
pub use notify::Events;

/// The key test doubles encrypt their channel pickles with.
const PICKLE_KEY: [u8; 32] = [42; 32];

/// The password test and bench specialists are created with.
pub const PASSWORD: &str = "a long inbox password";

/// The login secret the inbox derives from `password` for `username`
/// (what a browser sends at sign-in, never the password itself).
pub fn login_secret(username: &str, password: &str) -> String {
    let salt = relay_protocol::inbox_secrets::salt_for(username);
    relay_protocol::inbox_secrets::InboxSecrets::derive(password, &salt)
        .unwrap()
        .login_secret()
        .to_string()
}

/// `phoenix-relay`, next to the running executable (or one level up, from
/// a test binary in `deps/`); `PHOENIX_RELAY_BINARY` names another (the
/// load bench comparing two builds).
pub fn relay_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("PHOENIX_RELAY_BINARY") {
        return PathBuf::from(path);
    }
    let exe = std::env::current_exe().expect("the running executable's path");
    let dir = exe.parent().expect("a directory");
    [dir, dir.parent().unwrap_or(dir)]
        .iter()
        .map(|d| d.join("phoenix-relay"))
        .find(|path| path.exists())
        .expect("phoenix-relay is built next to this program")
}

/// A running `phoenix-relay serve`; killed when dropped.
pub struct Relay {
    child: Child,
    pub url: String,
    database: String,
    extra: Vec<String>,
}

impl Relay {
    /// Starts `phoenix-relay serve` on a free loopback port; `database` is
    /// its `--database`, `extra` more `serve` options.
    pub fn start(database: &str, extra: &[&str]) -> Self {
        let extra: Vec<String> = extra.iter().map(|s| (*s).to_owned()).collect();
        Self::spawn(database.to_owned(), extra, "127.0.0.1:0")
    }

    fn spawn(database: String, extra: Vec<String>, listen: &str) -> Self {
        let mut child = Command::new(relay_binary())
            .args([
                "--database",
                &database,
                "serve",
                "--listen",
                listen,
                "--insecure-cookies",
            ])
            .args(&extra)
            // The relay logs each request at `info`: tests and the bench
            // keep to warnings unless RUST_LOG asks for more.
            .env(
                "RUST_LOG",
                std::env::var("RUST_LOG").unwrap_or_else(|_| "warn".into()),
            )
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line
            .split_whitespace()
            .find(|word| word.starts_with("http://"))
            .unwrap_or_else(|| panic!("the relay did not start: {line:?}"))
            .to_owned();
        Self {
            child,
            url,
            database,
            extra,
        }
    }

    /// The process id, for the bench's CPU accounting.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Stops the process and starts a new one on the same address and data.
    pub fn restart(&mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
        let listen = self.url.trim_start_matches("http://").to_owned();
        let next = Self::spawn(self.database.clone(), self.extra.clone(), &listen);
        *self = next;
    }

    /// Runs `phoenix-relay <args>` against this relay's database.
    pub fn admin(&self, args: &[&str]) -> bool {
        Command::new(relay_binary())
            .args(["--database", &self.database])
            .args(args)
            .stdout(Stdio::null())
            .status()
            .unwrap()
            .success()
    }

    pub fn add_specialist(&self, username: &str, name: &str) {
        let mut child = Command::new(relay_binary())
            .args(["--database", &self.database, "add-specialist"])
            .args(["--username", username, "--name", name])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        writeln!(child.stdin.take().unwrap(), "{PASSWORD}").unwrap();
        assert!(child.wait().unwrap().success());
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP answer: status and JSON body (or `Null`).
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub body: Value,
}

impl Answer {
    pub fn error(&self) -> &str {
        self.body["error"].as_str().unwrap_or_default()
    }

    pub fn parse<T: serde::de::DeserializeOwned>(&self) -> T {
        serde_json::from_value(self.body.clone()).unwrap()
    }
}

pub fn answer(result: Result<ureq::Response, ureq::Error>) -> Answer {
    let response = match result {
        Ok(response) | Err(ureq::Error::Status(_, response)) => response,
        Err(error) => panic!("transport error: {error}"),
    };
    let status = response.status();
    let text = response.into_string().unwrap_or_default();
    Answer {
        status,
        body: serde_json::from_str(&text).unwrap_or(Value::Null),
    }
}

/// A specialist signed in to the inbox API.
pub struct Specialist {
    pub url: String,
    cookie: String,
    pub csrf: String,
    pub device: DeviceIdentity,
    /// The inbox's channel account, whose identity and one-time keys it
    /// published at sign-in.
    pub account: Account,
}

impl Specialist {
    /// Signs in, registers the inbox's device keys and publishes its
    /// channel keys.
    pub fn sign_in(relay: &Relay, username: &str) -> Self {
        Self::sign_in_at(&relay.url, username)
    }

    /// The same, at the relay at `url`.
    pub fn sign_in_at(url: &str, username: &str) -> Self {
        let (cookie, csrf) = session(url, username);
        let specialist = Self {
            url: url.to_owned(),
            cookie,
            csrf,
            device: DeviceIdentity::generate().unwrap(),
            account: Account::new(),
        };
        let keys = specialist.device.public_keys();
        let registered = specialist.change("PUT", "/inbox/api/device", &json!({ "keys": keys }));
        assert_eq!(registered.status, 204, "{registered:?}");
        let mut specialist = specialist;
        specialist.publish_keys(10);
        specialist
    }

    /// Signs in again with a new session (after a sign-out ended the last
    /// one); the inbox keeps its keys.
    pub fn sign_in_again(&mut self, username: &str) {
        (self.cookie, self.csrf) = session(&self.url, username);
    }

    /// The session cookie, as the browser sends it (`phoenix_inbox=…`).
    pub fn cookie(&self) -> &str {
        &self.cookie
    }

    /// Publishes the inbox's identity and `count` more one-time keys.
    pub fn publish_keys(&mut self, count: usize) -> KeysPublished {
        let bundle = self.account.bundle(count);
        let answer =
            self.as_device()
                .request("PUT", api::KEYS, &serde_json::to_vec(&bundle).unwrap());
        assert_eq!(answer.status, 200, "{answer:?}");
        answer.parse()
    }

    /// The invite as the inbox shows it: the relay's code and the inbox's
    /// fingerprint.
    pub fn invite_text(&self) -> String {
        Invite {
            code: self.invite(),
            fingerprint: self.account.fingerprint(),
        }
        .to_string()
    }

    pub fn get(&self, path: &str) -> Answer {
        answer(
            ureq::get(&format!("{}{path}", self.url))
                .set("cookie", &self.cookie)
                .call(),
        )
    }

    pub fn change(&self, method: &str, path: &str, body: &Value) -> Answer {
        answer(
            ureq::request(method, &format!("{}{path}", self.url))
                .set("cookie", &self.cookie)
                .set("x-csrf-token", &self.csrf)
                .send_json(body.clone()),
        )
    }

    pub fn invite(&self) -> String {
        let invite = self.change("POST", "/inbox/api/invites", &json!({}));
        assert_eq!(invite.status, 200, "{invite:?}");
        assert!(invite.body["qr_svg"].as_str().unwrap().starts_with("<?xml"));
        invite.body["code"].as_str().unwrap().to_owned()
    }

    pub fn participants(&self) -> Vec<Value> {
        self.get("/inbox/api/participants").body["participants"]
            .as_array()
            .unwrap()
            .clone()
    }

    /// The inbox as a device: it signs with the inbox's keys, opens with
    /// the inbox's channel account, and learns each participant's channel
    /// identity from the inbox's participant list (as the inbox page does).
    pub fn as_device(&self) -> Device {
        let mut device = Device::with_identity(
            &self.url,
            DeviceIdentity::from_secret_bytes(&self.device.to_secret_bytes()).unwrap(),
            Account::from_pickle(&self.account.pickle(&PICKLE_KEY), &PICKLE_KEY).unwrap(),
        );
        device.roster = Some(self.cookie.clone());
        device
    }
}

/// Signs `username` in at the relay at `url`: the session cookie (as the
/// browser sends it back) and the session's CSRF token.
fn session(url: &str, username: &str) -> (String, String) {
    let response = ureq::post(&format!("{url}/inbox/api/login"))
        .send_json(json!({"username": username, "secret": login_secret(username, PASSWORD)}))
        .unwrap();
    let set_cookie = response.header("set-cookie").unwrap().to_owned();
    assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Strict"));
    let me: Value = response.into_json().unwrap();
    (
        set_cookie.split(';').next().unwrap().to_owned(),
        me["csrf"].as_str().unwrap().to_owned(),
    )
}

/// A device making signed `/v1` requests, with one Olm channel per peer:
/// the participant's side opens it at pairing, the inbox's side accepts
/// it from the participant's first letter.
pub struct Device {
    pub url: String,
    /// Its own connection pool, so a device keeps its connection alive.
    agent: ureq::Agent,
    pub identity: DeviceIdentity,
    /// Its channel account.
    pub account: Account,
    /// The channel with each peer, by the peer's mailbox.
    channels: Mutex<HashMap<MailboxId, Channel>>,
    /// Letters opened so far, by relay id: the device's stored history
    /// (a letter opens once; reading again shows what was stored). `None`
    /// for a greeting, which has no text.
    opened: Mutex<BTreeMap<i64, Option<String>>>,
    /// The inbox's session cookie, for a device that is a specialist's
    /// inbox: it looks up a participant's channel identity there.
    roster: Option<String>,
}

/// A signed request, ready to send (or to send twice).
pub struct Signed {
    agent: ureq::Agent,
    pub method: String,
    pub url: String,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Signed {
    /// The same request as a reverse proxy forwards it from `address` (the
    /// relay reads it when started with `--client-address-header
    /// x-forwarded-for`).
    #[must_use]
    pub fn from_address(mut self, address: &str) -> Self {
        self.headers.push(("x-forwarded-for", address.to_owned()));
        self
    }

    pub fn send(&self) -> Answer {
        let mut request = self.agent.request(&self.method, &self.url);
        for (name, value) in &self.headers {
            request = request.set(name, value);
        }
        answer(if self.body.is_empty() {
            request.call()
        } else {
            request
                .set("content-type", "application/json")
                .send_bytes(&self.body)
        })
    }
}

impl Device {
    pub fn new(relay: &Relay) -> Self {
        Self::with_identity(
            &relay.url,
            DeviceIdentity::generate().unwrap(),
            Account::new(),
        )
    }

    /// A device with known keys and channel account.
    pub fn with_identity(url: &str, identity: DeviceIdentity, account: Account) -> Self {
        Self {
            url: url.to_owned(),
            agent: ureq::Agent::new(),
            identity,
            account,
            channels: Mutex::new(HashMap::new()),
            opened: Mutex::new(BTreeMap::new()),
            roster: None,
        }
    }

    pub fn sign(&self, method: &str, path_and_query: &str, body: &[u8]) -> Signed {
        let signature = self
            .identity
            .sign_request(method, path_and_query, body, crate::now_ms())
            .unwrap();
        Signed {
            agent: self.agent.clone(),
            method: method.to_owned(),
            url: format!("{}{path_and_query}", self.url),
            headers: signature.headers().to_vec(),
            body: body.to_vec(),
        }
    }

    pub fn request(&self, method: &str, path_and_query: &str, body: &[u8]) -> Answer {
        self.sign(method, path_and_query, body).send()
    }

    /// Pairs with an invite code (or a whole invite, whose code is sent).
    pub fn pair(&self, invite: &str, name: &str) -> Answer {
        self.pair_request(invite, name).send()
    }

    /// A signed pairing request, not sent yet.
    pub fn pair_request(&self, invite: &str, name: &str) -> Signed {
        let code = Invite::parse(invite).map_or_else(|_| invite.to_owned(), |invite| invite.code);
        let request = PairRequest {
            invite: code,
            keys: self.identity.public_keys(),
            identity: self.account.identity(),
            name: name.to_owned(),
        };
        self.sign("POST", api::PAIRING, &serde_json::to_vec(&request).unwrap())
    }

    /// Pairs and opens the channel with the specialist's claimed keys,
    /// checked against the invite's fingerprint when `invite` is whole
    /// (against the claimed identity's own when it is a bare code).
    pub fn paired(&self, invite: &str, name: &str) -> Paired {
        let answer = self.pair(invite, name);
        assert_eq!(answer.status, 200, "{answer:?}");
        let paired: Paired = answer.parse();
        let claimed = &paired.specialist_channel;
        let expected = Invite::parse(invite).map_or_else(
            |_| claimed.identity.fingerprint().unwrap(),
            |invite| invite.fingerprint,
        );
        let channel = self.account.open_channel(claimed, &expected).unwrap();
        self.channels()
            .insert(paired.specialist_keys.mailbox().unwrap(), channel);
        paired
    }

    fn channels(&self) -> std::sync::MutexGuard<'_, HashMap<MailboxId, Channel>> {
        self.channels.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Seals the next letter for `to` on the channel with it. With no
    /// channel yet (an inbox that never heard from `to`, a device that
    /// never paired), a letter on a channel of its own: real ciphertext, to
    /// the relay like any other, that `to` cannot open.
    pub fn seal(&self, to: &DevicePublicKeys, text: &str) -> SealedMessage {
        let (from, to) = (self.identity.mailbox(), to.mailbox().unwrap());
        let mut channels = self.channels();
        match channels.get_mut(&to) {
            Some(channel) => channel.seal(from, to, text, crate::now_ms()).unwrap(),
            None => stranger_channel()
                .seal(from, to, text, crate::now_ms())
                .unwrap(),
        }
    }

    /// Numbers this device's next letter to `to` `next`, as a faulty or
    /// hostile inbox could (the channel's pickle keeps the counter in the
    /// clear): the ratchet itself is untouched, so the letter opens.
    pub fn number_next_letter(&self, to: &DevicePublicKeys, next: u64) {
        let mut channels = self.channels();
        let channel = channels
            .get_mut(&to.mailbox().unwrap())
            .expect("a channel with that peer");
        let mut pickle: Value = serde_json::from_str(&channel.pickle(&PICKLE_KEY)).unwrap();
        pickle["sent"] = (next - 1).into();
        *channel = Channel::from_pickle(&pickle.to_string(), &PICKLE_KEY).unwrap();
    }

    pub fn post(&self, sealed: &SealedMessage) -> Answer {
        self.request("POST", api::MESSAGES, &serde_json::to_vec(sealed).unwrap())
    }

    pub fn send(&self, to: &DevicePublicKeys, text: &str) -> Sent {
        let sealed = self.seal(to, text);
        let answer = self.post(&sealed);
        assert_eq!(answer.status, 201, "{answer:?}");
        answer.parse()
    }

    pub fn fetch(&self, after: i64) -> Inbox {
        let answer = self.request("GET", &format!("{}?after={after}", api::MESSAGES), b"");
        assert_eq!(answer.status, 200, "{answer:?}");
        answer.parse()
    }

    /// Opens a delivered letter on the channel with its sender; a
    /// participant's first (pre-key) letter starts the inbox's side.
    pub fn open(&self, delivery: &Delivery) -> Result<Arrival, ProtocolError> {
        let sealed = &delivery.message;
        let mut channels = self.channels();
        if let Some(channel) = channels.get_mut(&sealed.from) {
            return channel.open(sealed);
        }
        let peer = self
            .participant_identity(&sealed.from)
            .ok_or(ProtocolError::Unopenable)?;
        let (channel, arrival) = self.account_accept(&peer, sealed)?;
        channels.insert(sealed.from.clone(), channel);
        Ok(arrival)
    }

    fn account_accept(
        &self,
        peer: &ChannelIdentity,
        sealed: &SealedMessage,
    ) -> Result<(Channel, Arrival), ProtocolError> {
        // `accept_channel` uses up a one-time key: on a copy of the account,
        // so `&self` is enough and the double needs no lock around it.
        let mut account = Account::from_pickle(&self.account.pickle(&PICKLE_KEY), &PICKLE_KEY)?;
        account.accept_channel(peer, sealed)
    }

    /// A paired participant's channel identity, from the inbox's list.
    fn participant_identity(&self, mailbox: &MailboxId) -> Option<ChannelIdentity> {
        let cookie = self.roster.as_ref()?;
        let listed = answer(
            ureq::get(&format!("{}/inbox/api/participants", self.url))
                .set("cookie", cookie)
                .call(),
        );
        listed.body["participants"]
            .as_array()?
            .iter()
            .find(|p| p["mailbox"].as_str() == Some(mailbox.0.as_str()))
            .and_then(|p| serde_json::from_value(p["identity"].clone()).ok())
    }

    /// The texts of every letter after `after` from `from` (greetings have
    /// none; a shared item is its envelope's JSON, one this end cannot read
    /// is empty): opened once each, and from then on read from what this
    /// device stored.
    pub fn read_texts(&self, from: &DevicePublicKeys, after: i64) -> Vec<String> {
        let from = from.mailbox().unwrap();
        let mut texts = Vec::new();
        for delivery in self.fetch(after).messages {
            if delivery.message.from != from {
                continue;
            }
            let mut opened = self.opened.lock().unwrap_or_else(PoisonError::into_inner);
            let text = match opened.get(&delivery.id) {
                Some(stored) => stored.clone(),
                None => match self.open(&delivery).unwrap() {
                    Arrival::Arrived(letter) | Arrival::Gap { letter, .. } => {
                        let text = (!letter.is_greeting()).then(|| match letter.body {
                            Body::Text(text) => text,
                            Body::Item(envelope) => envelope.to_json(),
                            Body::Unsupported => String::new(),
                        });
                        opened.insert(delivery.id, text.clone());
                        text
                    }
                    Arrival::Duplicate => None,
                },
            };
            texts.extend(text);
        }
        texts
    }

    /// Tells the relay these messages are stored: it deletes their ciphertext.
    pub fn acknowledge(&self, ids: &[i64]) -> Answer {
        let body = serde_json::to_vec(&api::ReadRequest { ids: ids.to_vec() }).unwrap();
        self.request("POST", api::ACKNOWLEDGE, &body)
    }

    pub fn receipts(&self, ids: &[i64]) -> Receipts {
        let ids: Vec<String> = ids.iter().map(i64::to_string).collect();
        let answer = self.request(
            "GET",
            &format!("{}?ids={}", api::RECEIPTS, ids.join(",")),
            b"",
        );
        assert_eq!(answer.status, 200, "{answer:?}");
        answer.parse()
    }
}

/// A channel between two throwaway accounts: what a device without a real
/// channel seals with.
fn stranger_channel() -> Channel {
    let (me, mut other) = (Account::new(), Account::new());
    let claimed = relay_protocol::channel::ClaimedKeys {
        identity: other.identity(),
        one_time_key: other.publish_one_time_keys(1).remove(0),
    };
    me.open_channel(&claimed, &other.fingerprint()).unwrap()
}
