//! What travels inside a sealed message: the [`Letter`], framed and padded
//! to a size bucket, and the receiver's constant-size record of which
//! sequence numbers arrived.

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::ProtocolError;
use crate::share::{Body, Envelope};

/// The longest message text (or shared item's JSON), in bytes.
pub const MAX_TEXT_BYTES: usize = 16 * 1024;
/// The framing before a letter's body: format, sequence, time, body length.
const HEADER_BYTES: usize = 1 + 8 + 8 + 4;
/// The body is a message's text.
const TEXT_FORMAT: u8 = 1;
/// The body is a shared item's JSON ([`Envelope`]).
const ITEM_FORMAT: u8 = 2;
/// Every letter is padded to the smallest of these sizes that holds it, so
/// a ciphertext's length tells the relay only which bucket it is in.
pub const SIZE_BUCKETS: [usize; 4] = [256, 1024, 4096, HEADER_BYTES + MAX_TEXT_BYTES];
/// How many earlier sequence numbers a receiver remembers, to tell a late
/// message from a duplicate. Older ones count as duplicates: Olm keeps at
/// most 40 skipped message keys per chain, so they could not open anyway.
pub const ORDER_WINDOW: u64 = 64;

/// What only the two ends read.
#[derive(Clone, PartialEq)]
pub struct Letter {
    /// 1, 2, 3... per sender and channel; 0 is the greeting that opens a
    /// channel and carries no text.
    pub sequence: u64,
    pub sent_at_ms: i64,
    /// A message's text, a shared item, or an item this end cannot read.
    pub body: Body,
}

impl Letter {
    /// The greeting [`Channel::greet`] seals: nothing to show.
    pub fn is_greeting(&self) -> bool {
        self.sequence == 0
    }

    /// The message's text, if the letter is a message.
    pub fn text(&self) -> Option<&str> {
        match &self.body {
            Body::Text(text) => Some(text),
            _ => None,
        }
    }
}

impl std::fmt::Debug for Letter {
    /// The body is participant content: [`Body`]'s `Debug` shows only its
    /// kind and length.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Letter")
            .field("sequence", &self.sequence)
            .field("sent_at_ms", &self.sent_at_ms)
            .field("body", &self.body)
            .finish()
    }
}

/// What opening a message found.
#[derive(Debug, Clone, PartialEq)]
pub enum Arrival {
    /// The next letter, or a late one that fills an earlier gap.
    Arrived(Letter),
    /// A letter, after `missing` earlier ones that have not arrived (yet):
    /// the conversation shows that a message did not arrive.
    Gap { missing: u64, letter: Letter },
    /// Already opened (or too old to tell): nothing new to show.
    Duplicate,
}

/// Which sequence numbers arrived: the highest, and a bitmap of the
/// [`ORDER_WINDOW`] numbers up to it. Constant size, whatever arrives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Received {
    pub(super) highest: u64,
    /// Bit `i`: sequence `highest - i` arrived.
    window: u64,
}

pub(super) enum Order {
    Next,
    After { missing: u64 },
    Again,
}

impl Received {
    pub(super) fn accept(&mut self, sequence: u64) -> Order {
        if sequence > self.highest {
            let step = sequence - self.highest;
            let missing = step - 1;
            self.window = if step >= ORDER_WINDOW {
                1
            } else {
                (self.window << step) | 1
            };
            self.highest = sequence;
            if missing == 0 {
                Order::Next
            } else {
                Order::After { missing }
            }
        } else {
            let back = self.highest - sequence;
            if back >= ORDER_WINDOW || self.window & (1 << back) != 0 {
                Order::Again
            } else {
                self.window |= 1 << back;
                Order::Next
            }
        }
    }
}

/// A body's frame format and bytes; `None` for [`Body::Unsupported`],
/// which is only ever received, or a body over [`MAX_TEXT_BYTES`].
pub(super) fn body_bytes(body: &Body) -> Option<(u8, Zeroizing<Vec<u8>>)> {
    let (format, bytes) = match body {
        Body::Text(text) => (TEXT_FORMAT, Zeroizing::new(text.as_bytes().to_vec())),
        Body::Item(envelope) => (ITEM_FORMAT, Zeroizing::new(envelope.to_json().into_bytes())),
        Body::Unsupported => return None,
    };
    (bytes.len() <= MAX_TEXT_BYTES).then_some((format, bytes))
}

/// Format, sequence, time, body length, body, then zeros to the bucket.
/// The body was checked by [`body_bytes`].
pub(super) fn frame(sequence: u64, sent_at_ms: i64, format: u8, text: &[u8]) -> Zeroizing<Vec<u8>> {
    let length = HEADER_BYTES + text.len();
    let bucket = SIZE_BUCKETS
        .iter()
        .copied()
        .find(|&bucket| bucket >= length)
        .unwrap_or(length);
    let mut framed = Zeroizing::new(Vec::with_capacity(bucket));
    framed.push(format);
    framed.extend_from_slice(&sequence.to_be_bytes());
    framed.extend_from_slice(&sent_at_ms.to_be_bytes());
    framed.extend_from_slice(&u32::try_from(text.len()).unwrap_or(u32::MAX).to_be_bytes());
    framed.extend_from_slice(text);
    framed.resize(bucket, 0);
    framed
}

/// Reads a frame. A format this end does not know, or an item it cannot
/// read, is [`Body::Unsupported`]: the letter still counts and shows.
pub(super) fn unframe(plain: &[u8]) -> Result<Letter, ProtocolError> {
    if plain.len() < HEADER_BYTES {
        return Err(ProtocolError::Malformed);
    }
    let number = |range: std::ops::Range<usize>| -> [u8; 8] {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(&plain[range]);
        bytes
    };
    let sequence = u64::from_be_bytes(number(1..9));
    let sent_at_ms = i64::from_be_bytes(number(9..17));
    let length = usize::try_from(u32::from_be_bytes([
        plain[17], plain[18], plain[19], plain[20],
    ]))
    .map_err(|_| ProtocolError::Malformed)?;
    let text = plain
        .get(HEADER_BYTES..HEADER_BYTES.saturating_add(length))
        .filter(|_| length <= MAX_TEXT_BYTES)
        .ok_or(ProtocolError::Malformed)?;
    let body = match plain[0] {
        TEXT_FORMAT => Body::Text(
            std::str::from_utf8(text)
                .map_err(|_| ProtocolError::Malformed)?
                .to_owned(),
        ),
        ITEM_FORMAT => Envelope::read(text),
        _ => Body::Unsupported,
    };
    Ok(Letter {
        sequence,
        sent_at_ms,
        body,
    })
}
