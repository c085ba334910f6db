//! What the relay keeps, written once over [`Driver`]: specialists and their
//! sessions, invite codes, pairings, and sealed messages (ciphertext, the
//! two mailbox ids, size and times; nothing else about a message).
//!
//! Secrets the relay hands out (session tokens, invite codes) are stored
//! only as SHA-256 hashes, so a copy of the database cannot be used to log
//! in or to pair.

use relay_protocol::api::{MAX_ONE_TIME_KEYS, PAGE, Receipt};
use relay_protocol::channel::{ChannelIdentity, ClaimedKeys, KeyBundle, SignedOneTimeKey};
use relay_protocol::{DevicePublicKeys, MailboxId};

use crate::db::{Conn, DbError, Driver, PoolUse, Row, Value};

pub mod limits;
mod send;
pub mod waiting;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Specialist {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub password_hash: String,
    pub device: Option<DevicePublicKeys>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub specialist_id: i64,
    pub csrf: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pairing {
    pub id: i64,
    pub specialist_id: i64,
    pub participant_keys: DevicePublicKeys,
    pub participant_mailbox: MailboxId,
    pub participant_name: String,
    pub paired_ms: i64,
    /// The participant's channel identity, as their device sent it.
    pub participant_identity: Option<ChannelIdentity>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredMessage {
    pub id: i64,
    pub body: Vec<u8>,
    pub received_ms: i64,
}

/// Why an invite code could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairingRefused {
    UnknownInvite,
    ExpiredInvite,
    UsedInvite,
    SpecialistHasNoDevice,
    AlreadyPaired,
}

pub struct Store {
    driver: Box<dyn Driver>,
}

fn text(row: &Row, index: usize) -> String {
    row[index].text().unwrap_or_default().to_owned()
}

fn int(row: &Row, index: usize) -> i64 {
    row[index].int().unwrap_or_default()
}

fn keys(signing: &Value, agreement: &Value) -> Option<DevicePublicKeys> {
    Some(DevicePublicKeys {
        signing: signing.text()?.to_owned(),
        agreement: agreement.text()?.to_owned(),
    })
}

const SPECIALIST_COLUMNS: &str =
    "id, username, display_name, password_hash, signing, agreement FROM specialists";

fn specialist(row: &Row) -> Specialist {
    Specialist {
        id: int(row, 0),
        username: text(row, 1),
        display_name: text(row, 2),
        password_hash: text(row, 3),
        device: keys(&row[4], &row[5]),
    }
}

const PAIRING_COLUMNS: &str = "id, specialist_id, participant_signing, participant_agreement, \
     participant_mailbox, participant_name, paired_ms FROM pairings";

fn pairing(row: &Row) -> Pairing {
    Pairing {
        id: int(row, 0),
        specialist_id: int(row, 1),
        participant_keys: DevicePublicKeys {
            signing: text(row, 2),
            agreement: text(row, 3),
        },
        participant_mailbox: MailboxId(text(row, 4)),
        participant_name: text(row, 5),
        paired_ms: int(row, 6),
        participant_identity: None,
    }
}

// The channel's keys: identities by mailbox (the inbox's, published; a
// participant's, sent at pairing) and the inbox's unclaimed one-time keys.

fn identity_of(
    conn: &mut dyn Conn,
    mailbox: &MailboxId,
) -> Result<Option<ChannelIdentity>, DbError> {
    let rows = conn.query(
        "SELECT identity FROM channel_identities WHERE mailbox = $1",
        &[mailbox.0.as_str().into()],
    )?;
    Ok(rows
        .first()
        .and_then(|row| serde_json::from_str(row[0].text()?).ok()))
}

fn set_identity(
    conn: &mut dyn Conn,
    mailbox: &MailboxId,
    identity: &ChannelIdentity,
) -> Result<(), DbError> {
    let json = serde_json::to_string(identity).map_err(|e| DbError::Backend(e.to_string()))?;
    conn.execute(
        "INSERT INTO channel_identities (mailbox, identity) VALUES ($1, $2) \
         ON CONFLICT (mailbox) DO UPDATE SET identity = excluded.identity",
        &[mailbox.0.as_str().into(), json.as_str().into()],
    )?;
    Ok(())
}

/// The inbox's identity and its oldest unclaimed one-time key.
fn offered_keys(
    conn: &mut dyn Conn,
    mailbox: &MailboxId,
) -> Result<Option<(i64, ClaimedKeys)>, DbError> {
    let Some(identity) = identity_of(conn, mailbox)? else {
        return Ok(None);
    };
    let rows = conn.query(
        "SELECT id, otk, signature FROM one_time_keys WHERE mailbox = $1 ORDER BY id LIMIT 1",
        &[mailbox.0.as_str().into()],
    )?;
    Ok(rows.first().map(|row| {
        let one_time_key = SignedOneTimeKey {
            key: text(row, 1),
            signature: text(row, 2),
        };
        (
            int(row, 0),
            ClaimedKeys {
                identity,
                one_time_key,
            },
        )
    }))
}

/// Each one-time key goes to one pairing only.
fn claim_one_time_key(conn: &mut dyn Conn, id: i64) -> Result<(), DbError> {
    let claimed = conn.execute("DELETE FROM one_time_keys WHERE id = $1", &[id.into()])?;
    if claimed == 1 {
        Ok(())
    } else {
        // Another pairing claimed it at the same moment: rolled back, and
        // the participant's device tries again.
        Err(DbError::Backend("one-time key claimed concurrently".into()))
    }
}

fn count_one_time_keys(conn: &mut dyn Conn, mailbox: &MailboxId) -> Result<usize, DbError> {
    let rows = conn.query(
        "SELECT COUNT(*) FROM one_time_keys WHERE mailbox = $1",
        &[mailbox.0.as_str().into()],
    )?;
    Ok(rows
        .first()
        .and_then(|row| row[0].int())
        .and_then(|count| usize::try_from(count).ok())
        .unwrap_or(0))
}

impl Store {
    pub fn new(driver: Box<dyn Driver>) -> Self {
        Self { driver }
    }

    pub fn backend(&self) -> &'static str {
        self.driver.name()
    }

    /// The database pool's use, for the operator's metrics.
    pub fn pool(&self) -> Option<PoolUse> {
        self.driver.pool()
    }

    /// Runs `work` in a transaction and returns what it produced.
    fn with<T>(
        &self,
        mut work: impl FnMut(&mut dyn Conn) -> Result<T, DbError>,
    ) -> Result<T, DbError> {
        let mut output = None;
        self.driver.transaction(&mut |conn| {
            output = Some(work(conn)?);
            Ok(())
        })?;
        output.ok_or_else(|| DbError::Backend("transaction produced nothing".into()))
    }

    // Specialists and sessions.

    /// `Err(Conflict)` if the username is taken.
    pub fn add_specialist(
        &self,
        username: &str,
        display_name: &str,
        password_hash: &str,
        now_ms: i64,
    ) -> Result<i64, DbError> {
        self.with(|conn| {
            let rows = conn.query(
                "INSERT INTO specialists (username, display_name, password_hash, created_ms) \
                 VALUES ($1, $2, $3, $4) RETURNING id",
                &[
                    username.into(),
                    display_name.into(),
                    password_hash.into(),
                    now_ms.into(),
                ],
            )?;
            Ok(rows.first().map_or(0, |row| int(row, 0)))
        })
    }

    pub fn specialist_by_username(&self, username: &str) -> Result<Option<Specialist>, DbError> {
        self.with(|conn| {
            let sql = format!("SELECT {SPECIALIST_COLUMNS} WHERE username = $1");
            Ok(conn
                .query(&sql, &[username.into()])?
                .first()
                .map(specialist))
        })
    }

    pub fn specialist(&self, id: i64) -> Result<Option<Specialist>, DbError> {
        self.with(|conn| {
            let sql = format!("SELECT {SPECIALIST_COLUMNS} WHERE id = $1");
            Ok(conn.query(&sql, &[id.into()])?.first().map(specialist))
        })
    }

    pub fn set_password(&self, username: &str, password_hash: &str) -> Result<bool, DbError> {
        self.with(|conn| {
            let changed = conn.execute(
                "UPDATE specialists SET password_hash = $1 WHERE username = $2",
                &[password_hash.into(), username.into()],
            )?;
            // A new password ends every session.
            conn.execute(
                "DELETE FROM sessions WHERE specialist_id IN \
                 (SELECT id FROM specialists WHERE username = $1)",
                &[username.into()],
            )?;
            Ok(changed == 1)
        })
    }

    /// Registers the specialist's browser device once; `false` if one is
    /// already registered (replacing it would orphan every conversation).
    pub fn set_specialist_device(
        &self,
        specialist_id: i64,
        device: &DevicePublicKeys,
        mailbox: &MailboxId,
    ) -> Result<bool, DbError> {
        self.with(|conn| {
            let changed = conn.execute(
                "UPDATE specialists SET signing = $1, agreement = $2, mailbox = $3 \
                 WHERE id = $4 AND signing IS NULL",
                &[
                    device.signing.as_str().into(),
                    device.agreement.as_str().into(),
                    mailbox.0.as_str().into(),
                    specialist_id.into(),
                ],
            )?;
            Ok(changed == 1)
        })
    }

    /// Forgets the specialist's inbox keys (a lost browser, a new
    /// computer) and ends their pairings, which were bound to those keys:
    /// participants pair again with a new invite. `false` if no such user.
    pub fn reset_specialist_device(&self, username: &str, now_ms: i64) -> Result<bool, DbError> {
        self.with(|conn| {
            let rows = conn.query(
                "SELECT id FROM specialists WHERE username = $1",
                &[username.into()],
            )?;
            let Some(id) = rows.first().map(|row| int(row, 0)) else {
                return Ok(false);
            };
            conn.execute(
                "UPDATE specialists SET signing = NULL, agreement = NULL, mailbox = NULL \
                 WHERE id = $1",
                &[id.into()],
            )?;
            conn.execute(
                "UPDATE pairings SET unpaired_ms = $1 WHERE specialist_id = $2 AND unpaired_ms IS NULL",
                &[now_ms.into(), id.into()],
            )?;
            Ok(true)
        })
    }

    pub fn create_session(
        &self,
        token_hash: &[u8],
        specialist_id: i64,
        csrf: &str,
        expires_ms: i64,
        now_ms: i64,
    ) -> Result<(), DbError> {
        self.with(|conn| {
            conn.execute(
                "DELETE FROM sessions WHERE expires_ms < $1",
                &[now_ms.into()],
            )?;
            conn.execute(
                "INSERT INTO sessions (token_hash, specialist_id, csrf, expires_ms) \
                 VALUES ($1, $2, $3, $4)",
                &[
                    token_hash.to_vec().into(),
                    specialist_id.into(),
                    csrf.into(),
                    expires_ms.into(),
                ],
            )?;
            Ok(())
        })
    }

    pub fn session(&self, token_hash: &[u8], now_ms: i64) -> Result<Option<Session>, DbError> {
        self.with(|conn| {
            let rows = conn.query(
                "SELECT specialist_id, csrf FROM sessions \
                 WHERE token_hash = $1 AND expires_ms > $2",
                &[token_hash.to_vec().into(), now_ms.into()],
            )?;
            Ok(rows.first().map(|row| Session {
                specialist_id: int(row, 0),
                csrf: text(row, 1),
            }))
        })
    }

    pub fn end_session(&self, token_hash: &[u8]) -> Result<(), DbError> {
        self.with(|conn| {
            conn.execute(
                "DELETE FROM sessions WHERE token_hash = $1",
                &[token_hash.to_vec().into()],
            )?;
            Ok(())
        })
    }

    // Invites and pairings.

    pub fn create_invite(
        &self,
        code_hash: &[u8],
        specialist_id: i64,
        expires_ms: i64,
    ) -> Result<(), DbError> {
        self.with(|conn| {
            conn.execute(
                "INSERT INTO invites (code_hash, specialist_id, expires_ms) VALUES ($1, $2, $3)",
                &[
                    code_hash.to_vec().into(),
                    specialist_id.into(),
                    expires_ms.into(),
                ],
            )?;
            Ok(())
        })
    }

    /// Uses the invite and pairs, in one transaction: either both happen or
    /// neither does, and a code works once even under concurrent attempts.
    pub fn redeem_invite(
        &self,
        code_hash: &[u8],
        participant: &DevicePublicKeys,
        participant_mailbox: &MailboxId,
        participant_identity: &ChannelIdentity,
        participant_name: &str,
        now_ms: i64,
    ) -> Result<Result<(Specialist, ClaimedKeys), PairingRefused>, DbError> {
        let outcome = self.with(|conn| {
            let rows = conn.query(
                "SELECT specialist_id, expires_ms, used_ms FROM invites WHERE code_hash = $1",
                &[code_hash.to_vec().into()],
            )?;
            let Some(row) = rows.first() else {
                return Ok(Err(PairingRefused::UnknownInvite));
            };
            if row[2] != Value::Null {
                return Ok(Err(PairingRefused::UsedInvite));
            }
            if int(row, 1) <= now_ms {
                return Ok(Err(PairingRefused::ExpiredInvite));
            }
            let specialist_id = int(row, 0);
            let sql = format!("SELECT {SPECIALIST_COLUMNS} WHERE id = $1");
            let Some(found) = conn
                .query(&sql, &[specialist_id.into()])?
                .first()
                .map(specialist)
            else {
                return Ok(Err(PairingRefused::UnknownInvite));
            };
            let Some(specialist_mailbox) = found
                .device
                .as_ref()
                .and_then(|device| device.mailbox().ok())
            else {
                return Ok(Err(PairingRefused::SpecialistHasNoDevice));
            };
            let active = conn.query(
                "SELECT id FROM pairings WHERE participant_mailbox = $1 AND unpaired_ms IS NULL",
                &[participant_mailbox.0.as_str().into()],
            )?;
            if !active.is_empty() {
                return Ok(Err(PairingRefused::AlreadyPaired));
            }
            // The inbox must have published its identity and a one-time
            // key; read here, claimed below once the invite is used.
            let Some((one_time_key_id, keys)) = offered_keys(conn, &specialist_mailbox)? else {
                return Ok(Err(PairingRefused::SpecialistHasNoDevice));
            };
            // `used_ms IS NULL` again: a concurrent redeem on another
            // PostgreSQL connection may have won the race.
            let claimed = conn.execute(
                "UPDATE invites SET used_ms = $1 WHERE code_hash = $2 AND used_ms IS NULL",
                &[now_ms.into(), code_hash.to_vec().into()],
            )?;
            if claimed != 1 {
                return Ok(Err(PairingRefused::UsedInvite));
            }
            claim_one_time_key(conn, one_time_key_id)?;
            set_identity(conn, participant_mailbox, participant_identity)?;
            conn.execute(
                "INSERT INTO pairings (specialist_id, participant_mailbox, participant_signing, \
                 participant_agreement, participant_name, paired_ms) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
                &[
                    specialist_id.into(),
                    participant_mailbox.0.as_str().into(),
                    participant.signing.as_str().into(),
                    participant.agreement.as_str().into(),
                    participant_name.into(),
                    now_ms.into(),
                ],
            )?;
            Ok(Ok((found, keys)))
        });
        match outcome {
            // The partial unique index caught a concurrent pairing of the
            // same device; the transaction (and the invite's use) rolled back.
            Err(DbError::Conflict) => Ok(Err(PairingRefused::AlreadyPaired)),
            other => other,
        }
    }

    pub fn pairings_of(&self, specialist_id: i64) -> Result<Vec<Pairing>, DbError> {
        self.with(|conn| {
            let sql = format!(
                "SELECT {PAIRING_COLUMNS} WHERE specialist_id = $1 AND unpaired_ms IS NULL \
                 ORDER BY id"
            );
            let mut pairings: Vec<Pairing> = conn
                .query(&sql, &[specialist_id.into()])?
                .iter()
                .map(pairing)
                .collect();
            for pairing in &mut pairings {
                pairing.participant_identity = identity_of(conn, &pairing.participant_mailbox)?;
            }
            Ok(pairings)
        })
    }

    /// Publishes an inbox's channel keys. A new identity replaces the old
    /// one and drops its unclaimed one-time keys. `None` if no specialist
    /// has this mailbox; otherwise how many one-time keys are unclaimed
    /// (new ones beyond [`MAX_ONE_TIME_KEYS`] are not kept).
    pub fn publish_keys(
        &self,
        mailbox: &MailboxId,
        bundle: &KeyBundle,
    ) -> Result<Option<usize>, DbError> {
        self.with(|conn| {
            let specialist = conn.query(
                "SELECT id FROM specialists WHERE mailbox = $1",
                &[mailbox.0.as_str().into()],
            )?;
            if specialist.is_empty() {
                return Ok(None);
            }
            if identity_of(conn, mailbox)?.as_ref() != Some(&bundle.identity) {
                conn.execute(
                    "DELETE FROM one_time_keys WHERE mailbox = $1",
                    &[mailbox.0.as_str().into()],
                )?;
                set_identity(conn, mailbox, &bundle.identity)?;
            }
            let room = MAX_ONE_TIME_KEYS.saturating_sub(count_one_time_keys(conn, mailbox)?);
            for key in bundle.one_time_keys.iter().take(room) {
                conn.execute(
                    "INSERT INTO one_time_keys (mailbox, otk, signature) VALUES ($1, $2, $3)",
                    &[
                        mailbox.0.as_str().into(),
                        key.key.as_str().into(),
                        key.signature.as_str().into(),
                    ],
                )?;
            }
            Ok(Some(count_one_time_keys(conn, mailbox)?))
        })
    }

    /// Ends the participant's active pairing; `false` if there was none.
    pub fn unpair_participant(&self, mailbox: &MailboxId, now_ms: i64) -> Result<bool, DbError> {
        self.with(|conn| {
            let changed = conn.execute(
                "UPDATE pairings SET unpaired_ms = $1 \
                 WHERE participant_mailbox = $2 AND unpaired_ms IS NULL",
                &[now_ms.into(), mailbox.0.as_str().into()],
            )?;
            Ok(changed > 0)
        })
    }

    /// Ends one of this specialist's pairings; `false` if it is not theirs.
    pub fn unpair_by_specialist(
        &self,
        specialist_id: i64,
        pairing_id: i64,
        now_ms: i64,
    ) -> Result<bool, DbError> {
        self.with(|conn| {
            let changed = conn.execute(
                "UPDATE pairings SET unpaired_ms = $1 \
                 WHERE id = $2 AND specialist_id = $3 AND unpaired_ms IS NULL",
                &[now_ms.into(), pairing_id.into(), specialist_id.into()],
            )?;
            Ok(changed > 0)
        })
    }

    // Messages.

    /// The recipient's messages after `after`, oldest first, marked delivered.
    pub fn fetch_messages(
        &self,
        recipient: &MailboxId,
        after: i64,
        now_ms: i64,
    ) -> Result<Vec<StoredMessage>, DbError> {
        self.with(|conn| {
            let rows = conn.query(
                &format!(
                    "SELECT id, body, received_ms FROM messages \
                     WHERE recipient = $1 AND id > $2 AND acked_ms IS NULL \
                     ORDER BY id LIMIT {PAGE}"
                ),
                &[recipient.0.as_str().into(), after.into()],
            )?;
            let messages: Vec<StoredMessage> = rows
                .iter()
                .map(|row| StoredMessage {
                    id: int(row, 0),
                    body: row[1].bytes().unwrap_or_default().to_vec(),
                    received_ms: int(row, 2),
                })
                .collect();
            if let (Some(first), Some(last)) = (messages.first(), messages.last()) {
                conn.execute(
                    "UPDATE messages SET delivered_ms = $1 WHERE recipient = $2 \
                     AND id >= $3 AND id <= $4 AND delivered_ms IS NULL",
                    &[
                        now_ms.into(),
                        recipient.0.as_str().into(),
                        first.id.into(),
                        last.id.into(),
                    ],
                )?;
            }
            Ok(messages)
        })
    }

    /// Marks the recipient's own messages read (and delivered).
    pub fn mark_read(
        &self,
        recipient: &MailboxId,
        ids: &[i64],
        now_ms: i64,
    ) -> Result<(), DbError> {
        self.with(|conn| {
            for &id in ids {
                conn.execute(
                    "UPDATE messages SET read_ms = $1, delivered_ms = COALESCE(delivered_ms, $1) \
                     WHERE id = $2 AND recipient = $3 AND read_ms IS NULL",
                    &[now_ms.into(), id.into(), recipient.0.as_str().into()],
                )?;
            }
            Ok(())
        })
    }

    /// Erases the ciphertext of the recipient's own messages it has stored;
    /// their delivery and read times stay for the sender's receipts.
    pub fn acknowledge(
        &self,
        recipient: &MailboxId,
        ids: &[i64],
        now_ms: i64,
    ) -> Result<(), DbError> {
        let mut erased = 0;
        self.with(|conn| {
            erased = 0;
            for &id in ids {
                erased += conn.execute(
                    "UPDATE messages SET body = $1, acked_ms = $2, \
                     delivered_ms = COALESCE(delivered_ms, $2) \
                     WHERE id = $3 AND recipient = $4 AND acked_ms IS NULL",
                    &[
                        Vec::new().into(),
                        now_ms.into(),
                        id.into(),
                        recipient.0.as_str().into(),
                    ],
                )?;
            }
            Ok(())
        })?;
        if erased > 0 {
            self.driver.erased()?;
        }
        Ok(())
    }

    /// Deletes every message received before `before_ms`: undelivered ones
    /// and the receipts of delivered ones, after the retention period.
    pub fn forget_messages_before(&self, before_ms: i64) -> Result<(), DbError> {
        let deleted = self.with(|conn| {
            conn.execute(
                "DELETE FROM messages WHERE received_ms < $1",
                &[before_ms.into()],
            )
        })?;
        if deleted > 0 {
            self.driver.erased()?;
        }
        Ok(())
    }

    /// Delivery and read times of messages `sender` sent; others' ids are
    /// simply absent.
    pub fn receipts(&self, sender: &MailboxId, ids: &[i64]) -> Result<Vec<Receipt>, DbError> {
        self.with(|conn| {
            let mut receipts = Vec::with_capacity(ids.len());
            for &id in ids {
                let rows = conn.query(
                    "SELECT id, delivered_ms, read_ms FROM messages WHERE id = $1 AND sender = $2",
                    &[id.into(), sender.0.as_str().into()],
                )?;
                receipts.extend(rows.first().map(|row| Receipt {
                    id: int(row, 0),
                    delivered_at_ms: row[1].int(),
                    read_at_ms: row[2].int(),
                }));
            }
            Ok(receipts)
        })
    }

    /// How many messages wait for their recipient to fetch them: the
    /// relay's queue depth, for the operator's metrics.
    pub fn pending_messages(&self) -> Result<i64, DbError> {
        self.with(|conn| {
            let rows = conn.query(
                "SELECT COUNT(*) FROM messages WHERE delivered_ms IS NULL",
                &[],
            )?;
            Ok(rows.first().map_or(0, |row| int(row, 0)))
        })
    }

    /// The schema version the database holds (`None` if it has none yet).
    pub fn schema_version(&self) -> Result<Option<i64>, DbError> {
        self.with(|conn| {
            let rows = conn.query("SELECT version FROM relay_schema", &[])?;
            Ok(rows.first().and_then(|row| row[0].int()))
        })
    }

    /// How many messages and pairings exist: for tests that check nothing
    /// was stored by a refused request.
    pub fn counts(&self) -> Result<(i64, i64), DbError> {
        self.with(|conn| {
            let messages = conn.query("SELECT COUNT(*) FROM messages", &[])?;
            let pairings = conn.query("SELECT COUNT(*) FROM pairings", &[])?;
            Ok((
                messages.first().map_or(0, |row| int(row, 0)),
                pairings.first().map_or(0, |row| int(row, 0)),
            ))
        })
    }
}
