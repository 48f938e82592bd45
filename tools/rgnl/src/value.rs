//! Values are bytes: given as text, hex or a file's contents, shown as
//! text when they are printable UTF-8 and as hex otherwise.

use anyhow::{bail, Context};
use serde::Serializer;

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

/// `bytes` as lowercase hex digits.
pub fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `bytes` as text when they are UTF-8 without control characters.
pub fn as_text(bytes: &[u8]) -> Option<&str> {
    std::str::from_utf8(bytes)
        .ok()
        .filter(|s| !s.chars().any(char::is_control))
}

/// How a value is shown to people: its text, or `0x` and hex digits.
pub fn display(bytes: &[u8]) -> String {
    match as_text(bytes) {
        Some(s) => s.to_string(),
        None => format!("0x{}", to_hex(bytes)),
    }
}

/// Serialises a value as `{"text": ..., "hex": ...}`, `text` being null
/// for bytes that are not printable UTF-8.
pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeStruct;
    let mut st = s.serialize_struct("Value", 2)?;
    st.serialize_field("text", &as_text(bytes))?;
    st.serialize_field("hex", &to_hex(bytes))?;
    st.end()
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
