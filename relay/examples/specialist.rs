//! A real relay on loopback with one signed-in specialist, scripted over
//! standard input, for the JVM tests (which have no browser for the inbox):
//! starts `phoenix-relay serve` on a fresh SQLite database, adds the
//! specialist with the relay's admin command, signs in and publishes the
//! inbox's keys as the inbox page does, prints `relay URL`, then answers one
//! command a line. The relay stops when standard input closes.
//!
//! ```text
//! specialist DIR            # the relay's database goes in DIR
//! invite                    # prints the invite the inbox shows (code and fingerprint)
//! send TEXT                 # opens the paired participant's greeting, then sends TEXT
//!                           # to them on that channel; prints `sent ID`
//! letters                   # opens what the participant sent; prints `letters N`, then
//!                           # one line per letter, oldest first: `text TEXT` for a
//!                           # message (new lines as `\n`), `item JSON` for a shared
//!                           # item (its envelope), `unsupported` for one it cannot read
//! ```

use std::collections::BTreeMap;
use std::io::{BufRead, Write};

use relay::testing::{Device, Relay, Specialist};
use relay_protocol::DevicePublicKeys;
use relay_protocol::channel::Arrival;
use relay_protocol::share::Body;

/// The inbox's device, once a participant paired: it keeps the channel,
/// and each letter it opened (by relay id), as a `letters` line.
struct Inbox {
    device: Device,
    participant: DevicePublicKeys,
    letters: BTreeMap<i64, String>,
}

impl Inbox {
    fn new(specialist: &Specialist) -> Self {
        let participant: DevicePublicKeys =
            serde_json::from_value(specialist.participants()[0]["keys"].clone())
                .expect("a paired participant");
        let mut inbox = Inbox {
            device: specialist.as_device(),
            participant,
            letters: BTreeMap::new(),
        };
        // The participant's greeting starts the inbox's side of the channel.
        inbox.open_new();
        inbox
    }

    /// Opens each letter from the participant not opened yet (once: the
    /// channel cannot open a letter twice).
    fn open_new(&mut self) {
        let from = self
            .participant
            .mailbox()
            .expect("the participant's mailbox");
        for delivery in self.device.fetch(0).messages {
            if delivery.message.from != from || self.letters.contains_key(&delivery.id) {
                continue;
            }
            let line = match self.device.open(&delivery).expect("the letter opens") {
                Arrival::Arrived(letter) | Arrival::Gap { letter, .. } if !letter.is_greeting() => {
                    match letter.body {
                        Body::Text(text) => format!("text {}", text.replace('\n', "\\n")),
                        Body::Item(envelope) => format!("item {}", envelope.to_json()),
                        Body::Unsupported => "unsupported".to_owned(),
                    }
                }
                // The greeting, or a duplicate: nothing to show.
                _ => String::new(),
            };
            self.letters.insert(delivery.id, line);
        }
    }
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("a directory for the relay's database");
    let database = std::path::Path::new(&dir).join("relay.db");
    let relay = Relay::start(&database.to_string_lossy(), &[]);
    relay.add_specialist("lucia", "Lucía M.");
    let specialist = Specialist::sign_in(&relay, "lucia");
    let mut out = std::io::stdout().lock();
    writeln!(out, "relay {}", relay.url).unwrap();
    out.flush().unwrap();

    let mut inbox: Option<Inbox> = None;
    for line in std::io::stdin().lock().lines() {
        let line = line.unwrap();
        let (command, argument) = line.split_once(' ').unwrap_or((&line, ""));
        match command {
            "invite" => writeln!(out, "{}", specialist.invite_text()).unwrap(),
            "send" => {
                let inbox = inbox.get_or_insert_with(|| Inbox::new(&specialist));
                let sent = inbox.device.send(&inbox.participant, argument);
                writeln!(out, "sent {}", sent.id).unwrap();
            }
            "letters" => {
                let inbox = inbox.get_or_insert_with(|| Inbox::new(&specialist));
                inbox.open_new();
                let lines: Vec<&String> =
                    inbox.letters.values().filter(|l| !l.is_empty()).collect();
                writeln!(out, "letters {}", lines.len()).unwrap();
                for line in lines {
                    writeln!(out, "{line}").unwrap();
                }
            }
            other => panic!("unknown command {other:?}"),
        }
        out.flush().unwrap();
    }
}
