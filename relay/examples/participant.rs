//! A scripted participant device, for trying a relay by hand and for the
//! inbox's browser test (Rust's relay-protocol against the inbox's
//! WebCrypto): pair with an invite, send, and read, keeping the device's
//! keys in a state file between runs.
//!
//! ```text
//! participant --relay URL --state FILE pair CODE NAME
//! participant --relay URL --state FILE send TEXT
//! participant --relay URL --state FILE read      # JSON lines of texts
//! ```

use relay::testing::Device;
use relay_protocol::api::Paired;
use relay_protocol::{DeviceIdentity, DevicePublicKeys, encoding};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
struct State {
    identity: String,
    specialist: Option<DevicePublicKeys>,
    sent: u64,
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
            specialist: None,
            sent: 0,
        },
        |bytes| serde_json::from_slice(&bytes).unwrap(),
    );
    let identity =
        DeviceIdentity::from_secret_bytes(&encoding::decode(&state.identity).unwrap()).unwrap();
    let device = Device::with_identity(&url, identity, state.sent);
    match command.as_slice() {
        ["pair", code, name] => {
            let paired: Paired = device.paired(code, name);
            println!("{}", paired.specialist_name);
            state.specialist = Some(paired.specialist_keys);
        }
        ["send", text] => {
            let sent = device.send(state.specialist.as_ref().expect("paired"), text);
            println!("{}", sent.id);
            state.sent += 1;
        }
        ["read"] => {
            let from = state.specialist.as_ref().expect("paired");
            for text in device.read_texts(from, 0) {
                println!("{}", serde_json::to_string(&text).unwrap());
            }
        }
        _ => panic!("unknown command: {command:?}"),
    }
    std::fs::write(&path, serde_json::to_vec(&state).unwrap()).unwrap();
}
