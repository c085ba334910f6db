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
//! ```

use std::io::{BufRead, Write};

use relay::testing::{Device, Relay, Specialist};
use relay_protocol::DevicePublicKeys;

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

    // The inbox's device, once a participant paired: it keeps the channel.
    let mut inbox: Option<(Device, DevicePublicKeys)> = None;
    for line in std::io::stdin().lock().lines() {
        let line = line.unwrap();
        let (command, argument) = line.split_once(' ').unwrap_or((&line, ""));
        match command {
            "invite" => writeln!(out, "{}", specialist.invite_text()).unwrap(),
            "send" => {
                let (device, participant) = inbox.get_or_insert_with(|| {
                    let device = specialist.as_device();
                    let participant: DevicePublicKeys =
                        serde_json::from_value(specialist.participants()[0]["keys"].clone())
                            .expect("a paired participant");
                    // The participant's greeting starts the inbox's side of the channel.
                    device.read_texts(&participant, 0);
                    (device, participant)
                });
                let sent = device.send(participant, argument);
                writeln!(out, "sent {}", sent.id).unwrap();
            }
            other => panic!("unknown command {other:?}"),
        }
        out.flush().unwrap();
    }
}
