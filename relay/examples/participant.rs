//! A scripted participant device, for trying a relay by hand and for the
//! inbox's browser tests (Rust's relay-protocol against the inbox's wasm):
//! pair with an invite, send, and read on the Olm channel, keeping the
//! device's keys, account and channel in a state file between runs.
//!
//! ```text
//! participant --relay URL --state FILE pair "CODE FINGERPRINT" NAME
//! participant --relay URL --state FILE send TEXT
//! participant --relay URL --state FILE share JSON         # a shared item's envelope (relay_protocol::share)
//! participant --relay URL --state FILE send-many COUNT    # "message 1".."message COUNT"
//! participant --relay URL --state FILE seal-only TEXT     # sealed, never sent: a lost message
//! participant --relay URL --state FILE read               # JSON lines of new texts
//! participant --relay URL --state FILE code               # the verification code
//! ```
//!
//! `pair` refuses (exit status 1, and unpairs) when the keys the relay hands
//! over do not match the invite's fingerprint, as the participant's core does.

use relay::testing::Device;
use relay_protocol::channel::{
    Account, Arrival, Channel, ClaimedKeys, Invite, SealedMessage, verification_code,
};
use relay_protocol::share::{Body, Envelope};
use relay_protocol::{DeviceIdentity, DevicePublicKeys, MailboxId, api, encoding};
use serde::{Deserialize, Serialize};
use serde_json::json;

/// The test double's pickle key; a real device keeps its key in the vault.
const PICKLE_KEY: [u8; 32] = [7; 32];

#[derive(Serialize, Deserialize)]
struct State {
    identity: String,
    account: String,
    channel: Option<String>,
    specialist: Option<DevicePublicKeys>,
    /// The last message id fetched.
    after: i64,
}

fn now_ms() -> i64 {
    relay::now_ms()
}

fn post(device: &Device, sealed: &SealedMessage) -> i64 {
    let sent = device.request("POST", api::MESSAGES, &serde_json::to_vec(sealed).unwrap());
    assert_eq!(
        sent.status,
        201,
        "the relay refused the message: {}",
        sent.error()
    );
    sent.body["id"].as_i64().unwrap()
}

/// Pairs with `invite` (code and fingerprint), checks the specialist's keys
/// against the fingerprint (unpairing and exiting when they differ), and
/// greets; prints the specialist's name.
fn pair(
    device: &Device,
    account: &Account,
    invite: &str,
    name: &str,
) -> (DevicePublicKeys, Channel) {
    let invite = Invite::parse(invite).expect("an invite: code and fingerprint");
    let request = json!({
        "invite": invite.code,
        "keys": device.identity.public_keys(),
        "identity": account.identity(),
        "name": name,
    });
    let paired = device.request("POST", api::PAIRING, &serde_json::to_vec(&request).unwrap());
    assert_eq!(paired.status, 200, "pairing refused: {}", paired.error());
    let claimed: ClaimedKeys =
        serde_json::from_value(paired.body["specialist_channel"].clone()).unwrap();
    let Ok(mut opened) = account.open_channel(&claimed, &invite.fingerprint) else {
        device.request("DELETE", api::PAIRING, b"");
        eprintln!("the specialist's keys do not match the invite's fingerprint");
        std::process::exit(1);
    };
    let keys: DevicePublicKeys =
        serde_json::from_value(paired.body["specialist_keys"].clone()).unwrap();
    let greeting = opened
        .greet(device.identity.mailbox(), keys.mailbox().unwrap(), now_ms())
        .unwrap();
    post(device, &greeting);
    println!("{}", paired.body["specialist_name"].as_str().unwrap());
    (keys, opened)
}

/// Prints each new letter from `from` as a JSON line; the last id fetched.
fn read(device: &Device, channel: &mut Channel, from: &MailboxId, mut after: i64) -> i64 {
    loop {
        let page = device.request("GET", &format!("{}?after={after}", api::MESSAGES), b"");
        let messages = page.body["messages"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if messages.is_empty() {
            return after;
        }
        for delivery in messages {
            after = delivery["id"].as_i64().unwrap();
            let Ok(sealed) = serde_json::from_value::<SealedMessage>(delivery["message"].clone())
            else {
                continue;
            };
            if sealed.from != *from {
                continue;
            }
            if let Ok(Arrival::Arrived(letter) | Arrival::Gap { letter, .. }) =
                channel.open(&sealed)
            {
                println!("{}", serde_json::to_string(&letter.text()).unwrap());
            }
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        let index = args.iter().position(|a| a == flag).expect(flag);
        args[index + 1].clone()
    };
    let (url, path) = (value("--relay"), value("--state"));
    let command: Vec<&str> = args[4..].iter().map(String::as_str).collect();
    let mut state: State = std::fs::read(&path).map_or_else(
        |_| State {
            identity: encoding::encode(&DeviceIdentity::generate().unwrap().to_secret_bytes()),
            account: Account::new().pickle(&PICKLE_KEY),
            channel: None,
            specialist: None,
            after: 0,
        },
        |bytes| serde_json::from_slice(&bytes).unwrap(),
    );
    let identity =
        DeviceIdentity::from_secret_bytes(&encoding::decode(&state.identity).unwrap()).unwrap();
    let me = identity.mailbox();
    let account = Account::from_pickle(&state.account, &PICKLE_KEY).unwrap();
    let device = Device::with_identity(&url, identity, Account::new());
    let mut channel = state
        .channel
        .as_ref()
        .map(|pickle| Channel::from_pickle(pickle, &PICKLE_KEY).unwrap());
    let specialist = |state: &State| -> MailboxId {
        state
            .specialist
            .as_ref()
            .expect("paired")
            .mailbox()
            .unwrap()
    };
    match command.as_slice() {
        ["pair", invite, name] => {
            let (keys, opened) = pair(&device, &account, invite, name);
            state.specialist = Some(keys);
            channel = Some(opened);
        }
        ["send", text] => {
            let to = specialist(&state);
            let sealed = channel
                .as_mut()
                .expect("paired")
                .seal(me, to, text, now_ms())
                .unwrap();
            println!("{}", post(&device, &sealed));
        }
        ["share", envelope] => {
            // A shared item as the app sends it: `{"v":1,"key":…,"item":{…}}`.
            let body = Envelope::read(envelope.as_bytes());
            assert!(matches!(body, Body::Item(_)), "an item of this version");
            let to = specialist(&state);
            let sealed = channel
                .as_mut()
                .expect("paired")
                .seal_body(me, to, &body, now_ms())
                .unwrap();
            println!("{}", post(&device, &sealed));
        }
        ["send-many", count] => {
            let to = specialist(&state);
            let channel = channel.as_mut().expect("paired");
            for n in 1..=count.parse::<u32>().unwrap() {
                let text = format!("message {n}");
                post(
                    &device,
                    &channel
                        .seal(me.clone(), to.clone(), &text, now_ms())
                        .unwrap(),
                );
            }
        }
        ["seal-only", text] => {
            let to = specialist(&state);
            channel
                .as_mut()
                .expect("paired")
                .seal(me, to, text, now_ms())
                .unwrap();
        }
        ["read"] => {
            let from = specialist(&state);
            let channel = channel.as_mut().expect("paired");
            state.after = read(&device, channel, &from, state.after);
        }
        ["code"] => {
            let channel = channel.as_ref().expect("paired");
            println!(
                "{}",
                verification_code(&account.identity(), channel.peer()).unwrap()
            );
        }
        _ => panic!("unknown command: {command:?}"),
    }
    state.channel = channel.map(|channel| channel.pickle(&PICKLE_KEY));
    state.account = account.pickle(&PICKLE_KEY);
    std::fs::write(&path, serde_json::to_vec(&state).unwrap()).unwrap();
}
