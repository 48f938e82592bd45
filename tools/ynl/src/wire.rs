// SPDX-License-Identifier: GPL-2.0

//! The netlink wire format this crate reads and writes
//! (include/uapi/linux/netlink.h, genetlink.h): headers, flags, alignment.

/// `struct nlmsghdr`: length, type, flags, sequence number, port id.
pub const NLMSG_HDRLEN: usize = 16;
/// `struct genlmsghdr`: command, version, reserved.
pub const GENL_HDRLEN: usize = 4;
/// `struct nlattr`: length, type.
pub const NLA_HDRLEN: usize = 4;

/// Message types of the netlink core.
pub const NLMSG_NOOP: u16 = 1;
pub const NLMSG_ERROR: u16 = 2;
pub const NLMSG_DONE: u16 = 3;
pub const NLMSG_OVERRUN: u16 = 4;

/// `nlmsg_flags`.
pub const NLM_F_REQUEST: u16 = 0x1;
pub const NLM_F_MULTI: u16 = 0x2;
pub const NLM_F_ACK: u16 = 0x4;
pub const NLM_F_ECHO: u16 = 0x8;
pub const NLM_F_DUMP_INTR: u16 = 0x10;
pub const NLM_F_DUMP: u16 = 0x300;
/// On an `NLMSG_ERROR`: the request is echoed without its payload.
pub const NLM_F_CAPPED: u16 = 0x100;
/// On an `NLMSG_ERROR` or `NLMSG_DONE`: extended ACK attributes follow.
pub const NLM_F_ACK_TLVS: u16 = 0x200;

/// `nla_type` flags.
pub const NLA_F_NESTED: u16 = 1 << 15;
pub const NLA_F_NET_BYTEORDER: u16 = 1 << 14;
pub const NLA_TYPE_MASK: u16 = !(NLA_F_NESTED | NLA_F_NET_BYTEORDER);

/// The payload of an attribute can say at most this many bytes.
pub const NLA_PAYLOAD_MAX: usize = u16::MAX as usize - NLA_HDRLEN;

/// `len` rounded up to the 4-byte alignment of messages and attributes.
#[inline]
pub const fn align(len: usize) -> usize {
    (len + 3) & !3
}

/// The native-endian `u16` at `off` of `b`, if `b` holds it.
#[inline]
pub(crate) fn u16_at(b: &[u8], off: usize) -> Option<u16> {
    Some(u16::from_ne_bytes(
        b.get(off..off.checked_add(2)?)?.try_into().ok()?,
    ))
}

/// The native-endian `u32` at `off` of `b`, if `b` holds it.
#[inline]
pub(crate) fn u32_at(b: &[u8], off: usize) -> Option<u32> {
    Some(u32::from_ne_bytes(
        b.get(off..off.checked_add(4)?)?.try_into().ok()?,
    ))
}
