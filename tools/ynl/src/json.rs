// SPDX-License-Identifier: GPL-2.0

//! How generated types show in JSON, with the spec's names and as the
//! kernel's YNL CLI (`cli.py --output-json`) shows them: binary attributes
//! as hex, enums by name (a number the spec does not know as the number),
//! flags as the sorted list of their names. [`binary`] shows bytes as text
//! and hex, for a client's own types.

use serde::ser::{SerializeSeq, SerializeStruct, Serializer};

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

/// A binary attribute: `{"text": ..., "hex": ...}`, `text` being null
/// for bytes that are not printable UTF-8.
pub fn binary<S: Serializer, B: AsRef<[u8]> + ?Sized>(bytes: &B, s: S) -> Result<S::Ok, S::Error> {
    let bytes = bytes.as_ref();
    let mut st = s.serialize_struct("Binary", 2)?;
    st.serialize_field("text", &as_text(bytes))?;
    st.serialize_field("hex", &to_hex(bytes))?;
    st.end()
}

/// Bytes as lowercase hex (`cli.py`'s `bytes.hex()`).
pub fn hex<S: Serializer, B: AsRef<[u8]> + ?Sized>(bytes: &B, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&to_hex(bytes.as_ref()))
}

/// An optional binary attribute as hex (skip it when absent).
pub fn hex_opt<S: Serializer, B: AsRef<[u8]>>(bytes: &Option<B>, s: S) -> Result<S::Ok, S::Error> {
    match bytes {
        Some(bytes) => hex(bytes.as_ref(), s),
        None => s.serialize_none(),
    }
}

/// Repeated binary attributes as hex.
pub fn hex_all<S: Serializer, B: AsRef<[u8]>>(all: &[B], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(all.iter().map(|b| to_hex(b.as_ref())))
}

/// An enum value: its name in the spec, or the number.
pub fn enum_value<S: Serializer>(name: Option<&str>, v: u64, s: S) -> Result<S::Ok, S::Error> {
    match name {
        Some(name) => s.serialize_str(name),
        None => s.serialize_u64(v),
    }
}

/// A flags value: the sorted names of its bits (`names` gives each
/// bit's), and the bits without a name as one number.
pub fn flags<S: Serializer>(
    v: u64,
    names: impl Fn(u64) -> Option<&'static str>,
    s: S,
) -> Result<S::Ok, S::Error> {
    let mut known = Vec::new();
    let mut unknown = 0;
    for bit in (0..64).map(|i| 1u64 << i).filter(|b| v & b != 0) {
        match names(bit) {
            Some(name) => known.push(name),
            None => unknown |= bit,
        }
    }
    known.sort_unstable();
    let mut seq = s.serialize_seq(None)?;
    for name in known {
        seq.serialize_element(name)?;
    }
    if unknown != 0 {
        seq.serialize_element(&unknown)?;
    }
    seq.end()
}
