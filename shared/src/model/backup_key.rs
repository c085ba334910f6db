//! The recovery key: a generated alternative to a backup passphrase.
//!
//! 25 characters of Crockford's base32 (125 random bits), shown once in five
//! groups of five to write down. Typed back in any case, with or without the
//! dashes or spaces, and with the letters people confuse (O for 0, I and L
//! for 1) read as the digits they stand for, it opens the backup.

use ring::rand::{SecureRandom, SystemRandom};
use zeroize::Zeroizing;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const GROUPS: usize = 5;
const GROUP_LEN: usize = 5;
const CHARS: usize = GROUPS * GROUP_LEN;

/// A fresh recovery key, `XXXXX-XXXXX-XXXXX-XXXXX-XXXXX`; `None` if the
/// system's random source failed.
pub fn generate() -> Option<Zeroizing<String>> {
    let mut random = Zeroizing::new([0u8; CHARS]);
    SystemRandom::new().fill(random.as_mut()).ok()?;
    let symbols: Zeroizing<Vec<u8>> = Zeroizing::new(
        random
            .iter()
            .map(|byte| ALPHABET[usize::from(byte & 31)])
            .collect(),
    );
    Some(grouped(&symbols))
}

/// The written form of a typed recovery key, or `None` when the text is not
/// one (then it is a passphrase, used as typed).
pub fn canonical(typed: &str) -> Option<Zeroizing<String>> {
    let mut symbols = Zeroizing::new(Vec::with_capacity(CHARS));
    for character in typed.chars() {
        let symbol = match character.to_ascii_uppercase() {
            ' ' | '-' => continue,
            'O' => b'0',
            'I' | 'L' => b'1',
            other => match u8::try_from(other) {
                Ok(byte) if ALPHABET.contains(&byte) => byte,
                _ => return None,
            },
        };
        symbols.push(symbol);
    }
    (symbols.len() == CHARS).then(|| grouped(&symbols))
}

fn grouped(symbols: &[u8]) -> Zeroizing<String> {
    let mut text = Zeroizing::new(String::with_capacity(CHARS + GROUPS));
    for (index, group) in symbols.chunks(GROUP_LEN).enumerate() {
        if index > 0 {
            text.push('-');
        }
        text.extend(group.iter().map(|&symbol| char::from(symbol)));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recovery_key_reads_back_however_it_is_typed() {
        let key = generate().unwrap();
        assert_eq!(key.len(), CHARS + GROUPS - 1);
        assert_eq!(canonical(&key).as_deref(), Some(&*key));
        let sloppy = key.replace('-', " ").to_lowercase().replace('0', "o");
        assert_eq!(canonical(&sloppy).as_deref(), Some(&*key));
        assert_ne!(*generate().unwrap(), *key);
        assert_eq!(canonical("quiet harbor 7"), None);
    }
}
