// SPDX-License-Identifier: GPL-2.0

//! Reading attributes: views into the receive buffer, never copies.
//!
//! Every read checks what the bytes say against what they are: an
//! attribute header past the end, a length shorter than its header or
//! longer than what holds it, a payload of the wrong size for its type.
//! Each is a [`DecodeError`] naming the attribute, never a panic, and an
//! attribute nobody asked about is simply there to be iterated.

use crate::wire::{self, NLA_F_NESTED, NLA_HDRLEN, NLA_TYPE_MASK};

/// Why bytes are not the attribute they should be.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// An attribute header or payload runs past what holds it.
    #[error("attribute at byte {offset} is truncated ({left} bytes left, it says {len})")]
    Truncated {
        /// Where the attribute starts, in what holds it.
        offset: usize,
        /// The bytes left from there.
        left: usize,
        /// The length its header says (0: not even a header).
        len: usize,
    },
    /// A payload of the wrong length for its type.
    #[error("attribute {attr}: {len} bytes, not a {what}")]
    Length {
        /// The attribute type.
        attr: u16,
        /// Its payload length.
        len: usize,
        /// What it should hold.
        what: &'static str,
    },
    /// A string that is not UTF-8.
    #[error("attribute {attr}: not UTF-8")]
    Utf8 {
        /// The attribute type.
        attr: u16,
    },
    /// A message shorter than its headers.
    #[error("message of {len} bytes is shorter than its {need}-byte headers")]
    ShortMessage {
        /// Its length.
        len: usize,
        /// What its headers need.
        need: usize,
    },
    /// A string without its terminating NUL.
    #[error("attribute {attr}: string without its NUL")]
    Unterminated {
        /// The attribute type.
        attr: u16,
    },
    /// A single attribute that came twice (a decoder keeps no last one).
    #[error("attribute {attr} came twice")]
    Twice {
        /// The attribute type.
        attr: u16,
    },
    /// An attribute the message must carry and does not.
    #[error("missing attribute {attr}")]
    Missing {
        /// The attribute type.
        attr: u16,
    },
}

/// The attributes in `bytes`, in order.
#[derive(Clone, Copy, Debug)]
pub struct Attrs<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Attrs<'a> {
    /// The attributes encoded in `bytes`.
    #[inline]
    pub fn new(bytes: &'a [u8]) -> Self {
        Self { bytes, pos: 0 }
    }

    /// The first attribute of type `ty`, if any (errors in the stream
    /// before it are errors).
    pub fn find(self, ty: u16) -> Result<Option<Attr<'a>>, DecodeError> {
        for a in self {
            let a = a?;
            if a.ty() == ty {
                return Ok(Some(a));
            }
        }
        Ok(None)
    }
}

impl<'a> Iterator for Attrs<'a> {
    type Item = Result<Attr<'a>, DecodeError>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.bytes.get(self.pos..)?;
        if rest.is_empty() {
            return None;
        }
        let offset = self.pos;
        let len = match rest.len() {
            0..NLA_HDRLEN => 0,
            _ => usize::from(wire::u16_at(rest, 0).unwrap_or(0)),
        };
        if len < NLA_HDRLEN || len > rest.len() {
            // Nothing after a broken header can be trusted.
            self.pos = self.bytes.len();
            return Some(Err(DecodeError::Truncated {
                offset,
                left: rest.len(),
                len,
            }));
        }
        let ty = wire::u16_at(rest, 2).unwrap_or(0);
        self.pos = self
            .pos
            .saturating_add(wire::align(len))
            .min(self.bytes.len());
        Some(Ok(Attr {
            ty,
            payload: &rest[NLA_HDRLEN..len],
        }))
    }
}

/// One attribute: its type and payload, borrowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attr<'a> {
    ty: u16,
    payload: &'a [u8],
}

macro_rules! fixed {
    ($($(#[$doc:meta])* $name:ident: $t:ty, $from:ident;)*) => {$(
        $(#[$doc])*
#[inline]
        pub fn $name(&self) -> Result<$t, DecodeError> {
            self.payload
                .try_into()
                .map(<$t>::$from)
                .map_err(|_| self.length(stringify!($t)))
        }
    )*};
}

impl<'a> Attr<'a> {
    /// The attribute type, without the nested and byte-order flags.
    #[inline]
    pub fn ty(&self) -> u16 {
        self.ty & NLA_TYPE_MASK
    }

    /// Whether the sender flagged it nested (`NLA_F_NESTED`). Older
    /// families (nlctrl among them) send nests without it: readers go by
    /// the spec, not by the flag.
    #[inline]
    pub fn is_flagged_nested(&self) -> bool {
        self.ty & NLA_F_NESTED != 0
    }

    /// The payload.
    #[inline]
    pub fn bytes(&self) -> &'a [u8] {
        self.payload
    }

    /// The payload's attributes.
    #[inline]
    pub fn nested(&self) -> Attrs<'a> {
        Attrs::new(self.payload)
    }

    fn length(&self, what: &'static str) -> DecodeError {
        DecodeError::Length {
            attr: self.ty(),
            len: self.payload.len(),
            what,
        }
    }

    fixed! {
        /// A `u8`.
        u8: u8, from_ne_bytes;
        /// A `u16`, host order.
        u16: u16, from_ne_bytes;
        /// A `u32`, host order.
        u32: u32, from_ne_bytes;
        /// A `u64`, host order.
        u64: u64, from_ne_bytes;
        /// An `s8`.
        s8: i8, from_ne_bytes;
        /// An `s16`, host order.
        s16: i16, from_ne_bytes;
        /// An `s32`, host order.
        s32: i32, from_ne_bytes;
        /// An `s64`, host order.
        s64: i64, from_ne_bytes;
        /// A big-endian `u16` (`byte-order: big-endian`).
        be16: u16, from_be_bytes;
        /// A big-endian `u32`.
        be32: u32, from_be_bytes;
        /// A big-endian `u64`.
        be64: u64, from_be_bytes;
    }

    /// A YNL `uint`: 4 or 8 bytes (the kernel's `nla_put_uint`), host order.
    #[inline]
    pub fn uint(&self) -> Result<u64, DecodeError> {
        match self.payload.len() {
            4 => self.u32().map(u64::from),
            8 => self.u64(),
            _ => Err(self.length("uint (4 or 8 bytes)")),
        }
    }

    /// A YNL `sint`: 4 or 8 bytes, host order.
    #[inline]
    pub fn sint(&self) -> Result<i64, DecodeError> {
        match self.payload.len() {
            4 => self.s32().map(i64::from),
            8 => self.s64(),
            _ => Err(self.length("sint (4 or 8 bytes)")),
        }
    }

    /// A `string`: the payload up to its NUL (the whole payload when it
    /// has none), as UTF-8.
    #[inline]
    pub fn str(&self) -> Result<&'a str, DecodeError> {
        let b = self.payload;
        let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
        core::str::from_utf8(&b[..end]).map_err(|_| DecodeError::Utf8 { attr: self.ty() })
    }
}
