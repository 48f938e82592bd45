// SPDX-License-Identifier: GPL-2.0

//! Sizes of attributes and messages as the kernel computes them
//! (`nla_total_size`, `nla_total_size_64bit`, `genlmsg_total_size`): to
//! allocate replies and notifications exactly, and to state the largest
//! message of a dump op ([`crate::DumpIt::MAX_MESSAGE`]).
//!
//! ```ignore
//! // An ENTRY nest: a key of up to 64 bytes, a value of up to 4096, a u32
//! // and a u64.
//! const ENTRY: usize = size::nest(size::string(64) + size::attr(4096) + size::U32 + size::U64);
//! ```

use crate::bindings;

const NLA_HDRLEN: usize = core::mem::size_of::<bindings::nlattr>();

#[inline]
pub(crate) const fn align4(len: usize) -> usize {
    // Saturating, here and below: sizes computed at run time have no
    // overflow check and no panic; one too large fails its allocation.
    len.saturating_add(3) & !3
}

/// An attribute of `payload` bytes, header and padding included
/// (`nla_total_size`).
#[inline]
pub const fn attr(payload: usize) -> usize {
    align4(NLA_HDRLEN.saturating_add(payload))
}

/// A `u8` attribute.
pub const U8: usize = attr(1);
/// A `u16` attribute.
pub const U16: usize = attr(2);
/// A `u32` or `s32` attribute.
pub const U32: usize = attr(4);
/// A `u64` or `s64` attribute with the pad attribute that may precede it
/// (`nla_total_size_64bit`, counting the pad on every architecture).
pub const U64: usize = attr(8) + attr(0);
/// A flag attribute.
pub const FLAG: usize = attr(0);

/// A NUL-terminated string of at most `max_len` bytes before the NUL.
#[inline]
pub const fn string(max_len: usize) -> usize {
    attr(max_len.saturating_add(1))
}

/// A nest holding `inner` bytes of (already sized) attributes.
#[inline]
pub const fn nest(inner: usize) -> usize {
    attr(inner)
}

/// The sum of `sizes` (attributes one after another), saturating: a bound
/// too large to allocate fails the allocation, not the arithmetic.
#[inline]
pub const fn sum(sizes: &[usize]) -> usize {
    let mut total = 0usize;
    let mut i = 0;
    while i < sizes.len() {
        total = total.saturating_add(sizes[i]);
        i += 1;
    }
    total
}

/// The payload of a message that fits an `NLMSG_GOODSIZE` skb
/// (`GENLMSG_DEFAULT_SIZE`): what to allocate when the size is not known.
pub const DEFAULT: usize = bindings::RGNL_GENLMSG_DEFAULT_SIZE;

/// The most an attribute can carry: `nla_len` is a `u16` that counts the
/// 4-byte header too.
pub const ATTR_PAYLOAD_MAX: usize = u16::MAX as usize - NLA_HDRLEN;

/// The largest message payload the layer allocates (1 MiB): larger skbs
/// are high-order allocations the page allocator warns about.
pub const PAYLOAD_MAX: usize = 1 << 20;

/// A whole message of `payload` bytes of attributes, its netlink and
/// genetlink headers included (`genlmsg_total_size`).
#[inline]
pub const fn message(payload: usize) -> usize {
    align4(bindings::RGNL_GENL_MSG_HDRLEN.saturating_add(payload))
}

/// The skb size of one netlink page (`NLMSG_GOODSIZE`): what the netlink
/// core allocates for a dump by default, and what a reader with a 4 KiB
/// receive buffer can take whole.
pub const GOODSIZE: usize = bindings::RGNL_NLMSG_GOODSIZE;
