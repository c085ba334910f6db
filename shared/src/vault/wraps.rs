//! The `key_wraps` rows: the data key wrapped under the passcode (or the
//! passcode and the device secret) and under the platform key.

use rusqlite::{Connection, OptionalExtension};

use super::error::Result;
use super::keys::{Kdf, Slot, Wrap};

/// The data key wrapped for `slot`, if the file has one.
pub(super) fn read_wrap(conn: &Connection, slot: Slot) -> Result<Option<Wrap>> {
    let row = conn
        .query_row(
            "SELECT salt, kdf, memory_kib, iterations, sealed, device_bound
             FROM key_wraps WHERE slot = ?1",
            [slot.name()],
            |row| {
                Ok((
                    row.get::<_, Vec<u8>>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, u32>(2)?,
                    row.get::<_, u32>(3)?,
                    row.get::<_, Vec<u8>>(4)?,
                    row.get::<_, bool>(5)?,
                ))
            },
        )
        .optional()?;
    let Some((salt, kdf, memory_kib, iterations, sealed, device_bound)) = row else {
        return Ok(None);
    };
    let kdf = match kdf.as_str() {
        "pbkdf2-sha256" => Some(Kdf::Pbkdf2 { iterations }),
        "argon2id" => Some(Kdf::Argon2id {
            memory_kib,
            passes: iterations,
        }),
        _ => None,
    };
    Ok(Some(Wrap {
        salt,
        kdf,
        device_bound,
        sealed,
    }))
}

/// Writes (or replaces) the data key wrapped for `slot`.
pub(super) fn write_wrap(conn: &Connection, slot: Slot, wrap: &Wrap) -> Result<()> {
    let (kdf, memory_kib, iterations) = match wrap.kdf {
        Some(Kdf::Pbkdf2 { iterations }) => ("pbkdf2-sha256", 0, iterations),
        Some(Kdf::Argon2id { memory_kib, passes }) => ("argon2id", memory_kib, passes),
        None => ("none", 0, 0),
    };
    conn.execute(
        "INSERT INTO key_wraps (slot, salt, kdf, memory_kib, iterations, sealed, device_bound)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (slot) DO UPDATE SET
            salt = excluded.salt, kdf = excluded.kdf, memory_kib = excluded.memory_kib,
            iterations = excluded.iterations, sealed = excluded.sealed,
            device_bound = excluded.device_bound",
        (
            slot.name(),
            &wrap.salt,
            kdf,
            memory_kib,
            iterations,
            &wrap.sealed,
            wrap.device_bound,
        ),
    )?;
    Ok(())
}
