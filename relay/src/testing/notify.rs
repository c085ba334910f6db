//! The test client's side of issue 19: a device's waiting key, and an
//! inbox's event stream read off a raw socket.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use relay_protocol::DeviceIdentity;
use relay_protocol::channel::Account;
use relay_protocol::waiting::{RegisterWaitingKey, WAITING, WAITING_KEY};

use super::{Answer, Device, Relay, Specialist};

impl Device {
    /// Registers a new waiting key for this device; the waiting key as a
    /// device of its own, and the relay's answer.
    pub fn register_waiting_key(&self) -> (Device, Answer) {
        let waiting = DeviceIdentity::generate().unwrap();
        let body = RegisterWaitingKey::new(&waiting, &self.identity.mailbox());
        let answer = self.request("PUT", WAITING_KEY, &serde_json::to_vec(&body).unwrap());
        (
            Device::with_identity(&self.url, waiting, Account::new()),
            answer,
        )
    }

    /// `GET /v1/waiting`, signed by this device's key.
    pub fn waiting(&self) -> Answer {
        self.request("GET", WAITING, b"")
    }
}

/// An open `GET /inbox/api/events` stream.
pub struct Events {
    reader: BufReader<TcpStream>,
    /// The answer's status line.
    pub status: String,
}

impl Specialist {
    /// Opens the inbox's event stream with this session's cookie.
    pub fn events(&self) -> Events {
        self.events_through(&self.url)
    }

    /// The same, through the relay process at `url` (same database).
    pub fn events_through(&self, url: &str) -> Events {
        let address = url.trim_start_matches("http://");
        let mut stream = TcpStream::connect(address).unwrap();
        write!(
            stream,
            "GET /inbox/api/events HTTP/1.1\r\nHost: {address}\r\nCookie: {}\r\n\
             Accept: text/event-stream\r\n\r\n",
            self.cookie
        )
        .unwrap();
        let mut reader = BufReader::new(stream);
        let mut status = String::new();
        reader.read_line(&mut status).unwrap();
        Events { reader, status }
    }
}

impl Events {
    /// Whether a `mail` event that a browser's `EventSource` dispatches
    /// arrives within `limit`: `event: mail` and a `data:` field, ended by
    /// a blank line (a browser drops an event without data).
    pub fn mail_within(&mut self, limit: Duration) -> bool {
        let deadline = Instant::now() + limit;
        let (mut mail, mut data) = (false, false);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            self.reader.get_ref().set_read_timeout(Some(left)).unwrap();
            let mut line = String::new();
            match self.reader.read_line(&mut line) {
                Ok(0) | Err(_) => return false,
                Ok(_) => match line.trim_end() {
                    "" if mail && data => return true,
                    "" => (mail, data) = (false, false),
                    "event: mail" => mail = true,
                    field if field.starts_with("data:") => data = true,
                    _ => {}
                },
            }
        }
    }
}

impl Relay {
    /// The relay process's resident memory, in KiB (Linux).
    pub fn resident_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmRSS:"))
            .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    }

    /// CPU time the relay process has used (user + system), in clock ticks
    /// (Linux).
    pub fn cpu_ticks(&self) -> u64 {
        let stat =
            std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap_or_default();
        // After the command's closing parenthesis: fields 3 onwards.
        let fields: Vec<&str> = stat
            .rsplit_once(')')
            .map_or("", |(_, rest)| rest)
            .split_whitespace()
            .collect();
        let field = |index: usize| fields.get(index).and_then(|v| v.parse::<u64>().ok());
        field(11).unwrap_or(0) + field(12).unwrap_or(0)
    }
}
