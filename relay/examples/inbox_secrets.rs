//! Prints the two secrets the inbox derives from a specialist's password
//! (relay-protocol's `inbox_secrets`, the code the inbox's wasm runs), for
//! the browser tests that check neither is left on disk or sent where it
//! should not be.
//!
//! ```text
//! inbox_secrets USERNAME < password   # {"login":"…","unwrap":"…"} (base64url)
//! ```

use std::io::BufRead;

use relay_protocol::encoding::encode;
use relay_protocol::inbox_secrets::{InboxSecrets, salt_for};

fn main() {
    let username = std::env::args().nth(1).expect("a username");
    let mut password = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut password)
        .expect("a password on standard input");
    let secrets = InboxSecrets::derive(
        password.trim_end_matches(['\r', '\n']),
        &salt_for(&username),
    )
    .expect("secrets derived");
    println!(
        "{}",
        serde_json::json!({
            "login": secrets.login_secret().as_str(),
            "unwrap": encode(secrets.unwrap_key()),
        })
    );
}
