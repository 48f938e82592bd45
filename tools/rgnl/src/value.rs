//! Values are bytes: given as text, hex or a file's contents, shown as
//! text when they are printable UTF-8 and as hex otherwise.

use anyhow::{bail, Context};

/// The JSON form of a value, `{"text": ..., "hex": ...}`, is the generated
/// one of every binary attribute.
pub use ynl::json::{as_text, binary as serialize, to_hex};

/// Parses `s` as hex digits (an optional `0x`; whitespace ignored).
pub fn parse_hex(s: &str) -> anyhow::Result<Vec<u8>> {
    let digits: Vec<u8> = s
        .strip_prefix("0x")
        .unwrap_or(s)
        .bytes()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    if !digits.len().is_multiple_of(2) {
        bail!("hex value has an odd number of digits");
    }
    digits
        .chunks(2)
        .map(|pair| {
            let pair = std::str::from_utf8(pair).context("hex value")?;
            u8::from_str_radix(pair, 16).with_context(|| format!("{pair:?} is not a hex byte"))
        })
        .collect()
}

/// How a value is shown to people: its text, or `0x` and hex digits.
pub fn display(bytes: &[u8]) -> String {
    match as_text(bytes) {
        Some(s) => s.to_string(),
        None => format!("0x{}", to_hex(bytes)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trip() {
        assert_eq!(parse_hex("0x00ff10").unwrap(), vec![0, 0xff, 0x10]);
        assert_eq!(parse_hex("de ad").unwrap(), vec![0xde, 0xad]);
        assert!(parse_hex("abc").is_err());
        assert!(parse_hex("zz").is_err());
        assert_eq!(to_hex(&[0, 0xff]), "00ff");
    }

    #[test]
    fn display_falls_back_to_hex() {
        assert_eq!(display(b"hello"), "hello");
        assert_eq!(display(b"a\nb"), "0x610a62");
        assert_eq!(display(&[0xff]), "0xff");
        assert_eq!(display(b""), "");
    }
}
