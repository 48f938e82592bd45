// SPDX-License-Identifier: GPL-2.0

//! What every generated client shares, written once: the values of YNL
//! types that are more than one integer, their encoders and decoders, and
//! the spec's checks run before a request is sent.
//!
//! A generated decoder walks a message's attributes once, matching each
//! type; it keeps the first occurrence of a single attribute and refuses a
//! second one ([`once`]): nothing is silently overwritten.

use crate::attr::{Attr, DecodeError};
use crate::request::Request;
use core::fmt;

/// A reply, notification or nest decoded from its attributes, borrowing
/// the receive buffer.
pub trait Decode<'a>: Sized {
    /// Decodes `attrs`.
    fn decode(attrs: crate::Attrs<'a>) -> Result<Self, DecodeError>;
}

/// The reply or notification of an op without attributes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Empty {}

impl Empty {
    /// Decodes message `m` (its attributes are not looked at).
    pub fn decode_msg(m: &crate::Msg<'_>) -> Result<Self, DecodeError> {
        m.attrs(0).map(|_| Self {})
    }
}

/// Attributes a request writes: a request of an op, or a nest in one.
pub trait Encode {
    /// The spec's checks on the attributes given.
    fn check(&self) -> Result<(), CheckError>;

    /// Writes the attributes as given into `req`, unchecked (the kernel
    /// validates them too).
    fn encode(&self, req: &mut Request);
}

impl<T: Encode> crate::RequestAttrs for T {
    type Error = CheckError;

    fn check(&self) -> Result<(), CheckError> {
        Encode::check(self)
    }

    fn encode(&self, req: &mut Request) {
        Encode::encode(self, req)
    }
}

/// Stores `v`, the value of single attribute `a`, in `slot`; a second
/// occurrence is an error.
pub fn once<T>(slot: &mut Option<T>, a: &Attr<'_>, v: T) -> Result<(), DecodeError> {
    if slot.is_some() {
        return Err(DecodeError::Twice { attr: a.ty() });
    }
    *slot = Some(v);
    Ok(())
}

/// Stores `v`, the whole value of single attribute `a` (an array), in
/// `slot`; a second occurrence is an error.
pub fn once_vec<T>(slot: &mut Vec<T>, a: &Attr<'_>, v: Vec<T>) -> Result<(), DecodeError> {
    if !slot.is_empty() {
        return Err(DecodeError::Twice { attr: a.ty() });
    }
    *slot = v;
    Ok(())
}

/// The entries of `indexed-array` attribute `a`, in order, each decoded
/// by `each` (their types are indices, not attribute types). Counted
/// first: one allocation, not one per doubling.
pub fn indexed<'a, T>(
    a: &Attr<'a>,
    mut each: impl FnMut(&Attr<'a>) -> Result<T, DecodeError>,
) -> Result<Vec<T>, DecodeError> {
    let mut out = Vec::with_capacity(a.nested().count());
    for e in a.nested() {
        out.push(each(&e?)?);
    }
    Ok(out)
}

/// The entries of a nest whose attribute types are values
/// (`type-value`): `(type, each(entry))`, in order.
pub fn type_value<'a, T>(
    a: &Attr<'a>,
    mut each: impl FnMut(&Attr<'a>) -> Result<T, DecodeError>,
) -> Result<Vec<(u16, T)>, DecodeError> {
    let mut out = Vec::with_capacity(a.nested().count());
    for e in a.nested() {
        let e = e?;
        out.push((e.ty(), each(&e)?));
    }
    Ok(out)
}

impl<T: Encode> Encode for Box<T> {
    fn check(&self) -> Result<(), CheckError> {
        (**self).check()
    }

    fn encode(&self, req: &mut Request) {
        (**self).encode(req)
    }
}

/// String attribute `a`: NUL-terminated, as the kernel puts them (YNL's C
/// library refuses one without), up to its first NUL, as UTF-8.
#[inline]
pub fn string<'a>(a: &Attr<'a>) -> Result<&'a str, DecodeError> {
    match a.bytes().last() {
        Some(0) => a.str(),
        _ => Err(DecodeError::Unterminated { attr: a.ty() }),
    }
}

/// A fixed-size value of a YNL scalar type: an attribute's payload, a
/// member of an array (`sub-type`) or of a binary struct.
pub trait Scalar: Copy + Sized {
    /// Its size in bytes.
    const SIZE: usize;
    /// The value of `b` (exactly [`Scalar::SIZE`] bytes), host order or
    /// big-endian.
    fn from_bytes(b: &[u8], big_endian: bool) -> Self;
    /// Appends its bytes to `out`.
    fn put_bytes(self, out: &mut Vec<u8>, big_endian: bool);
    /// Writes it as attribute `ty` of `req` (no allocation).
    fn put_attr(self, req: &mut Request, ty: u16, big_endian: bool);
}

macro_rules! scalar {
    ($($t:ty),*) => {$(
        impl Scalar for $t {
            const SIZE: usize = core::mem::size_of::<$t>();
#[inline]
            fn from_bytes(b: &[u8], big_endian: bool) -> Self {
                let mut a = [0; core::mem::size_of::<$t>()];
                a.copy_from_slice(b);
                if big_endian { <$t>::from_be_bytes(a) } else { <$t>::from_ne_bytes(a) }
            }
#[inline]
            fn put_bytes(self, out: &mut Vec<u8>, big_endian: bool) {
                if big_endian {
                    out.extend_from_slice(&self.to_be_bytes())
                } else {
                    out.extend_from_slice(&self.to_ne_bytes())
                }
            }
#[inline]
            fn put_attr(self, req: &mut Request, ty: u16, big_endian: bool) {
                if big_endian {
                    req.put(ty, &self.to_be_bytes());
                } else {
                    req.put(ty, &self.to_ne_bytes());
                }
            }
        }
    )*};
}
scalar!(u8, u16, u32, u64, i8, i16, i32, i64);

/// The value of scalar attribute `a`, in host order or big-endian
/// (`byte-order: big-endian`).
pub fn scalar<T: Scalar>(a: &Attr<'_>, big_endian: bool) -> Result<T, DecodeError> {
    let b = a.bytes();
    if b.len() != T::SIZE {
        return Err(DecodeError::Length {
            attr: a.ty(),
            len: b.len(),
            what: core::any::type_name::<T>(),
        });
    }
    Ok(T::from_bytes(b, big_endian))
}

/// Writes scalar attribute `ty`.
pub fn put_scalar<T: Scalar>(req: &mut Request, ty: u16, v: T, big_endian: bool) {
    v.put_attr(req, ty, big_endian);
}

/// A binary attribute holding an array of scalars (`sub-type`).
pub fn array<T: Scalar>(a: &Attr<'_>, big_endian: bool) -> Result<Vec<T>, DecodeError> {
    let b = a.bytes();
    if !b.len().is_multiple_of(T::SIZE) {
        return Err(DecodeError::Length {
            attr: a.ty(),
            len: b.len(),
            what: "whole number of array members",
        });
    }
    Ok(b.chunks_exact(T::SIZE)
        .map(|c| T::from_bytes(c, big_endian))
        .collect())
}

/// Writes a binary attribute holding the array `v`.
pub fn put_array<T: Scalar>(req: &mut Request, ty: u16, v: &[T], big_endian: bool) {
    let mut b = Vec::with_capacity(v.len() * T::SIZE);
    for x in v {
        x.put_bytes(&mut b, big_endian);
    }
    req.put(ty, &b);
}

/// A C struct carried in a binary attribute or as a fixed header,
/// packed as the spec lists its members.
pub trait Struct: Sized {
    /// Its size in bytes.
    const SIZE: usize;
    /// Decodes exactly [`Struct::SIZE`] bytes.
    fn from_bytes(b: &[u8]) -> Self;
    /// Appends its bytes.
    fn put_bytes(&self, out: &mut Vec<u8>);
}

/// Binary attribute `a` as struct `T`.
pub fn binary_struct<T: Struct>(a: &Attr<'_>) -> Result<T, DecodeError> {
    // A kernel newer than the spec may append members: those are ignored.
    match a.bytes().get(..T::SIZE) {
        Some(b) => Ok(T::from_bytes(b)),
        None => Err(DecodeError::Length {
            attr: a.ty(),
            len: a.bytes().len(),
            what: core::any::type_name::<T>(),
        }),
    }
}

/// Writes binary attribute `ty` holding struct `v`.
pub fn put_struct<T: Struct>(req: &mut Request, ty: u16, v: &T) {
    let mut b = Vec::with_capacity(T::SIZE);
    v.put_bytes(&mut b);
    req.put(ty, &b);
}

/// Reads a scalar member of a struct, from `*at`.
pub fn member<T: Scalar>(b: &[u8], at: &mut usize, big_endian: bool) -> T {
    let v = T::from_bytes(&b[*at..*at + T::SIZE], big_endian);
    *at += T::SIZE;
    v
}

/// Reads `N` bytes of a struct's binary member, from `*at`.
pub fn member_bytes<const N: usize>(b: &[u8], at: &mut usize) -> [u8; N] {
    let mut v = [0; N];
    v.copy_from_slice(&b[*at..*at + N]);
    *at += N;
    v
}

/// A `bitfield32`: the bits to set, and which bits the request touches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Bitfield32 {
    /// The bits' values.
    pub value: u32,
    /// The bits that count.
    pub selector: u32,
}

/// A `bitfield32` attribute.
pub fn bitfield32(a: &Attr<'_>) -> Result<Bitfield32, DecodeError> {
    let b = a.bytes();
    if b.len() != 8 {
        return Err(DecodeError::Length {
            attr: a.ty(),
            len: b.len(),
            what: "bitfield32",
        });
    }
    Ok(Bitfield32 {
        value: u32::from_bytes(&b[..4], false),
        selector: u32::from_bytes(&b[4..], false),
    })
}

/// Writes `bitfield32` attribute `ty`.
pub fn put_bitfield32(req: &mut Request, ty: u16, v: Bitfield32) {
    let mut b = [0; 8];
    b[..4].copy_from_slice(&v.value.to_ne_bytes());
    b[4..].copy_from_slice(&v.selector.to_ne_bytes());
    req.put(ty, &b);
}

/// A value of request attribute `name` given as text (a command line's
/// `name=value`): integers in decimal or `0x` hex, enums by name or number.
pub fn parse<T: core::str::FromStr>(name: &str, v: &str) -> Result<T, CheckError> {
    let hex = v
        .strip_prefix("0x")
        .and_then(|h| u64::from_str_radix(h, 16).ok())
        .map(|n| n.to_string());
    hex.as_deref()
        .unwrap_or(v)
        .parse()
        .map_err(|_| CheckError(format!("{name}: {v:?} is not a value of it")))
}

/// A flag attribute given as text: `name` alone, or `name=true|false`.
pub fn parse_flag(name: &str, v: &str) -> Result<bool, CheckError> {
    match v {
        "" | "true" | "1" => Ok(true),
        "false" | "0" => Ok(false),
        _ => Err(CheckError(format!(
            "{name} is a flag: true or false, not {v:?}"
        ))),
    }
}

/// An enum's value from its name in the spec or its number.
pub fn enum_from_str(
    v: &str,
    name_of: impl Fn(u32) -> Option<&'static str>,
    all: &[u32],
) -> Option<u32> {
    all.iter()
        .copied()
        .find(|&n| name_of(n) == Some(v))
        .or_else(|| v.parse().ok())
}

/// A request the spec's checks refuse, found before sending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckError(pub String);

impl fmt::Display for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CheckError {}

/// A string of at most `max` bytes (before its NUL), without NUL.
pub fn check_str(name: &str, v: &str, max: Option<usize>) -> Result<(), CheckError> {
    match max {
        Some(max) if v.len() > max || v.contains('\0') => Err(CheckError(format!(
            "{name} must be at most {max} bytes without NUL"
        ))),
        None if v.contains('\0') => Err(CheckError(format!("{name} must not contain NUL"))),
        _ => Ok(()),
    }
}

/// A binary of `len` bytes, within `min` and `max`.
pub fn check_len(
    name: &str,
    len: usize,
    min: Option<usize>,
    max: Option<usize>,
) -> Result<(), CheckError> {
    let bound = match (min, max) {
        (Some(min), Some(max)) if min == max => format!("must be {min}"),
        (Some(min), Some(max)) => format!("must be {min} to {max}"),
        (Some(min), None) => format!("at least {min} needed"),
        (None, Some(max)) => format!("at most {max} fit"),
        (None, None) => return Ok(()),
    };
    if min.is_some_and(|min| len < min) || max.is_some_and(|max| len > max) {
        return Err(CheckError(format!("{name} is {len} bytes, {bound}")));
    }
    Ok(())
}

/// An integer within `min` and `max`.
pub fn check_range<T: PartialOrd + fmt::Display>(
    name: &str,
    v: T,
    min: Option<T>,
    max: Option<T>,
) -> Result<(), CheckError> {
    let bound = match (&min, &max) {
        (Some(min), Some(max)) => format!("{min} to {max}"),
        (Some(min), None) => format!("at least {min}"),
        (None, Some(max)) => format!("at most {max}"),
        (None, None) => return Ok(()),
    };
    if min.is_some_and(|min| v < min) || max.is_some_and(|max| v > max) {
        return Err(CheckError(format!("{name} is {v}, must be {bound}")));
    }
    Ok(())
}

/// Flags within `mask`.
pub fn check_mask(name: &str, v: u64, mask: u64) -> Result<(), CheckError> {
    if v & !mask != 0 {
        return Err(CheckError(format!(
            "{name} is {v:#x}, with flags outside {mask:#x}"
        )));
    }
    Ok(())
}
