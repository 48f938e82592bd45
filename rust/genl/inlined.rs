// SPDX-License-Identifier: GPL-2.0

//! The `static inline` functions of the netlink API that the layer calls
//! for every message, written in Rust so that they inline as they do in C:
//! a call through an out-of-line C helper costs tens of instructions (with
//! a mitigated kernel's return thunks) on every reply and dump message.
//! Also `nla_put` for payloads of a size known at build time, made of what
//! it does (`skb_tailroom`, `skb_put`, the header): a message puts several.
//! Fields of the structures bindgen keeps opaque (`sk_buff`, `net`) are
//! read at offsets C computes (`bindings_helper.h`). `inlined_check.rs`
//! compares each with C's own.
//!
//! Headers inside an skb are written unaligned: `netlink_dump` sizes a
//! dump's skb by the reader's last `recvmsg` length, so its data, and every
//! message in it, need not be 4-byte aligned.

use crate::{bindings, size};
use core::ffi::{c_int, c_void};

/// `skb->len`.
///
/// # Safety
///
/// `skb` points to a valid `sk_buff`.
#[inline]
pub(crate) unsafe fn skb_len(skb: *const bindings::sk_buff) -> u32 {
    // SAFETY: every `sk_buff` holds its `u32` `len` at this offset.
    unsafe {
        skb.byte_add(bindings::RGNL_SKB_LEN_OFFSET)
            .cast::<u32>()
            .read()
    }
}

/// `skb_tail_pointer(skb)` of a linear skb, as netlink skbs are:
/// `skb->data + skb->len`.
///
/// # Safety
///
/// `skb` points to a valid, linear `sk_buff`.
#[inline]
unsafe fn skb_tail(skb: *const bindings::sk_buff) -> *mut u8 {
    // SAFETY: the `len` bytes after `data` are the skb's linear data.
    unsafe { skb_data(skb).add(skb_len(skb) as usize) }
}

/// `skb->data`.
///
/// # Safety
///
/// `skb` points to a valid `sk_buff`.
#[inline]
unsafe fn skb_data(skb: *const bindings::sk_buff) -> *mut u8 {
    // SAFETY: every `sk_buff` holds its `data` pointer at this offset.
    unsafe {
        skb.byte_add(bindings::RGNL_SKB_DATA_OFFSET)
            .cast::<*mut u8>()
            .read()
    }
}

/// The netlink header of the message whose user header `genlmsg_put`
/// returned (`genlmsg_nlhdr`: it is always `NLMSG_HDRLEN + GENL_HDRLEN`
/// bytes before).
#[inline]
fn genlmsg_nlhdr(hdr: *mut c_void) -> *mut bindings::nlmsghdr {
    hdr.wrapping_byte_sub(bindings::RGNL_GENL_MSG_HDRLEN).cast()
}

/// Where in `skb` the message whose user header `genlmsg_put` returned
/// starts: the length of the skb before it.
///
/// # Safety
///
/// `hdr` is what `genlmsg_put` returned for a message put into `skb`, a
/// valid linear skb.
#[inline]
pub(crate) unsafe fn genlmsg_offset(skb: *const bindings::sk_buff, hdr: *mut c_void) -> usize {
    // SAFETY: the message starts in the skb's linear data, at or after
    // `data`.
    unsafe { genlmsg_nlhdr(hdr).cast::<u8>().offset_from(skb_data(skb)) as usize }
}

/// `genlmsg_end(skb, hdr)`: the message's length is what was put since.
///
/// # Safety
///
/// `hdr` is what `genlmsg_put` returned for the last message put into
/// `skb`, a valid linear skb.
#[inline]
pub(crate) unsafe fn genlmsg_end(skb: *mut bindings::sk_buff, hdr: *mut c_void) {
    let nlh = genlmsg_nlhdr(hdr);
    // SAFETY: `nlh` starts the message `genlmsg_put` put into `skb`, whose
    // tail is after it; the header may be unaligned (module docs).
    unsafe {
        let len = skb_tail(skb).offset_from(nlh.cast::<u8>()) as u32;
        core::ptr::addr_of_mut!((*nlh).nlmsg_len).write_unaligned(len);
    }
}

/// `genl_dump_check_consistent(cb, hdr)`: flags the message
/// `NLM_F_DUMP_INTR` when the dump's generation moved since the last one.
///
/// # Safety
///
/// `cb` is a running dump's callback, and `hdr` what `genlmsg_put`
/// returned for the message just put into its skb.
#[inline]
pub(crate) unsafe fn genl_dump_check_consistent(
    cb: *mut bindings::netlink_callback,
    hdr: *mut c_void,
) {
    let nlh = genlmsg_nlhdr(hdr);
    // SAFETY: `cb` is valid and ours during the call; `nlh` starts the
    // message just put, maybe unaligned (module docs).
    unsafe {
        if (*cb).prev_seq != 0 && (*cb).seq != (*cb).prev_seq {
            let flags = core::ptr::addr_of_mut!((*nlh).nlmsg_flags);
            flags.write_unaligned(flags.read_unaligned() | bindings::NLM_F_DUMP_INTR as u16);
        }
        (*cb).prev_seq = (*cb).seq;
    }
}

/// `genl_info_net(info)`.
///
/// # Safety
///
/// `info` points to a valid `genl_info`.
#[inline]
#[cfg_attr(not(CONFIG_NET_NS), allow(unused_variables))]
pub(crate) unsafe fn genl_info_net(info: *const bindings::genl_info) -> *mut bindings::net {
    // SAFETY: `info` is valid; `_net` is its request's namespace.
    #[cfg(CONFIG_NET_NS)]
    return unsafe { (*info)._net.net };
    // Without namespaces `possible_net_t` is empty: there is one.
    #[cfg(not(CONFIG_NET_NS))]
    // SAFETY: only the address is taken (rustc before 1.82 wants `unsafe`).
    #[allow(unused_unsafe)]
    return unsafe { core::ptr::addr_of_mut!(bindings::init_net) };
}

/// `genl_info_dump(cb)`: the request of a running genetlink dump.
///
/// # Safety
///
/// `cb` is the callback of a running genetlink dump (whose `data` is the
/// `genl_dumpit_info` the core set up).
#[inline]
pub(crate) unsafe fn genl_info_dump(
    cb: *const bindings::netlink_callback,
) -> *const bindings::genl_info {
    // SAFETY: the caller's contract: `cb->data` is read, and the address
    // of the `info` it holds computed.
    unsafe { core::ptr::addr_of!((*(*cb).data.cast::<bindings::genl_dumpit_info>()).info) }
}

/// `genlmsg_new(payload, flags)`: an skb for one message of `payload` bytes
/// of attributes, or null (also for more than [`size::PAYLOAD_MAX`]).
#[inline]
pub(crate) fn genlmsg_new(payload: usize, flags: bindings::gfp_t) -> *mut bindings::sk_buff {
    if payload > size::PAYLOAD_MAX {
        return core::ptr::null_mut();
    }
    // SAFETY: plain allocation (`alloc_skb`) of at most about 1 MiB.
    unsafe {
        bindings::__alloc_skb(
            size::message(payload) as u32,
            flags,
            0,
            bindings::RGNL_NUMA_NO_NODE,
        )
    }
}

const NLA_HDRLEN: usize = core::mem::size_of::<bindings::nlattr>();

/// A `u32` field of `skb` at `offset`.
///
/// # Safety
///
/// `skb` points to a valid `sk_buff` that holds a `u32` at `offset`.
#[inline]
unsafe fn skb_u32(skb: *mut bindings::sk_buff, offset: usize) -> *mut u32 {
    // SAFETY: the caller's contract.
    unsafe { skb.byte_add(offset).cast::<u32>() }
}

// `tail` and `end` are `u32` offsets from `head` (`sk_buff_data_t` where
// `NET_SKBUFF_DATA_USES_OFFSET`, on 64-bit kernels), and `len` and
// `data_len` `u32`s: `skb_put_checked` reads and writes them as such.
const _: () = assert!(
    bindings::RGNL_SKB_DATA_USES_OFFSET != 0
        && bindings::RGNL_SKB_TAIL_SIZE == 4
        && bindings::RGNL_SKB_END_SIZE == 4
        && bindings::RGNL_SKB_LEN_SIZE == 4
        && bindings::RGNL_SKB_DATA_LEN_SIZE == 4,
    "the layer needs NET_SKBUFF_DATA_USES_OFFSET (a 64-bit kernel)"
);

/// `len` bytes added at the tail of `skb`, uninitialised, or null when they
/// do not fit: `nla_put`'s check (`skb_tailroom`, which is 0 for a
/// non-linear skb) and then `skb_put` (whose overflow check the room check
/// makes moot: `__skb_put`). Both are inline in C but for `skb_put`.
///
/// # Safety
///
/// `skb` is a valid linear skb with a message under construction, ours.
#[inline(always)]
pub(crate) unsafe fn skb_put_checked(skb: *mut bindings::sk_buff, len: usize) -> *mut u8 {
    // SAFETY: `skb` is a valid `sk_buff`: its `data_len`, `tail`, `end` and
    // `len` are `u32`s at these offsets (asserted above).
    let (data_len, tail, end, skb_len) = unsafe {
        (
            skb_u32(skb, bindings::RGNL_SKB_DATA_LEN_OFFSET),
            skb_u32(skb, bindings::RGNL_SKB_TAIL_OFFSET),
            skb_u32(skb, bindings::RGNL_SKB_END_OFFSET),
            skb_u32(skb, bindings::RGNL_SKB_LEN_OFFSET),
        )
    };
    // SAFETY: as above; the skb is ours, nobody else writes it. Its linear
    // data ends at `data + len`, the tail, with `end - tail` bytes of room
    // after it.
    unsafe {
        // (`end` is never below `tail`; wrapping as C's unsigned
        // subtraction.)
        let room = end.read().wrapping_sub(tail.read()) as usize;
        if data_len.read() != 0 || room < len {
            return core::ptr::null_mut();
        }
        let at = skb_tail(skb);
        // `len` fits the room, a `u32`.
        tail.write(tail.read().wrapping_add(len as u32));
        skb_len.write(skb_len.read().wrapping_add(len as u32));
        at
    }
}

/// `nla_reserve` and `nla_put(skb, attrtype, N, data)` in one, for a
/// payload of a size known at build time (a scalar, a flag, a nest's
/// header): [`skb_put_checked`], then `__nla_reserve`'s header and zeroed
/// padding and `__nla_put`'s payload, written out rather than called (the
/// out-of-line call costs several times what it does, and a message puts
/// several). The attribute, or null (C's `-EMSGSIZE`) when it does not fit.
///
/// # Safety
///
/// `skb` is a valid linear skb with a message under construction, ours.
#[inline(always)]
pub(crate) unsafe fn nla_put_fixed<const N: usize>(
    skb: *mut bindings::sk_buff,
    attrtype: c_int,
    data: &[u8; N],
) -> *mut bindings::nlattr {
    const { assert!(N <= 8, "a fixed-size attribute payload is at most 8 bytes") };
    let total = const { size::attr(N) };
    // SAFETY: the caller's contract.
    let nla = unsafe { skb_put_checked(skb, total) };
    if nla.is_null() {
        return core::ptr::null_mut();
    }
    // SAFETY: `nla` is `total` fresh bytes of the skb, ours; the attribute
    // may be unaligned (module docs): `nla_len`, `nla_type` (the low 16
    // bits, as C's assignment keeps), the payload, and zeroes up to the
    // 4-byte boundary.
    unsafe {
        nla.cast::<u16>().write_unaligned((NLA_HDRLEN + N) as u16);
        nla.add(2).cast::<u16>().write_unaligned(attrtype as u16);
        nla.add(NLA_HDRLEN).cast::<[u8; N]>().write_unaligned(*data);
        nla.add(NLA_HDRLEN + N)
            .write_bytes(0, total - NLA_HDRLEN - N);
    }
    nla.cast()
}

/// `nla_nest_start(skb, attrtype)`: the start of a new nest, or null when
/// the skb is full.
///
/// # Safety
///
/// `skb` is a valid linear skb with a message under construction, ours.
#[inline]
pub(crate) unsafe fn nla_nest_start(
    skb: *mut bindings::sk_buff,
    attrtype: u16,
) -> *mut bindings::nlattr {
    let attrtype = c_int::from(attrtype) | bindings::NLA_F_NESTED as c_int;
    // SAFETY: the caller's contract.
    unsafe { nla_put_fixed(skb, attrtype, &[]) }
}

/// `nla_nest_end(skb, start)`, but a nest longer than its `u16` `nla_len`
/// can say is cancelled and refused with `-EMSGSIZE` (`nla_nest_end`
/// would truncate its length). Returns 0 on success (`nla_nest_end`:
/// `skb->len`).
///
/// # Safety
///
/// `start` is what [`nla_nest_start`] returned for `skb`, a valid linear
/// skb that is ours.
#[inline]
pub(crate) unsafe fn nla_nest_end_checked(
    skb: *mut bindings::sk_buff,
    start: *mut bindings::nlattr,
) -> c_int {
    // SAFETY: the nest runs from `start` to the skb's tail.
    let len = unsafe { skb_tail(skb).offset_from(start.cast::<u8>()) } as usize;
    match u16::try_from(len) {
        Ok(len) => {
            // SAFETY: `start` is the nest's attribute header, in the skb,
            // maybe unaligned (module docs).
            unsafe { core::ptr::addr_of_mut!((*start).nla_len).write_unaligned(len) };
            0
        }
        Err(_) => {
            // SAFETY: `start` was returned by `nla_nest_start` on `skb`.
            unsafe { bindings::rgnl_nla_nest_cancel(skb, start) };
            -(bindings::EMSGSIZE as c_int)
        }
    }
}

/// The genetlink socket of `net` (`net->genl_sock`).
///
/// # Safety
///
/// `net` is alive.
#[inline]
pub(crate) unsafe fn genl_sock(net: *mut bindings::net) -> *mut bindings::sock {
    // SAFETY: every `net` holds its genetlink socket at this offset.
    unsafe {
        net.byte_add(bindings::RGNL_NET_GENL_SOCK_OFFSET)
            .cast::<*mut bindings::sock>()
            .read()
    }
}

/// `genl_has_listeners(family, net, group)`, for a `group` the caller
/// checked against the family's groups.
///
/// # Safety
///
/// `family` is registered, `group` below its `n_mcgrps`, `net` alive.
#[inline]
pub(crate) unsafe fn genl_has_listeners(
    family: *const bindings::genl_family,
    net: *mut bindings::net,
    group: u32,
) -> bool {
    // SAFETY: the caller's contract; `mcgrp_offset` is set at registration.
    let id = unsafe { (*family).mcgrp_offset };
    // Wrapping, as C's: the core keeps offset and groups within the ids.
    // SAFETY: the caller's contract.
    unsafe { bindings::netlink_has_listeners(genl_sock(net), id.wrapping_add(group)) != 0 }
}

/// `genlmsg_reply(skb, info)`: unicasts `skb` to the requester; consumes it.
///
/// # Safety
///
/// `skb` is a finished message the caller owns, `info` the request being
/// handled.
#[inline]
pub(crate) unsafe fn genlmsg_reply(
    skb: *mut bindings::sk_buff,
    info: *const bindings::genl_info,
) -> c_int {
    // SAFETY: the request's namespace is alive while it is handled.
    let sk = unsafe { genl_sock(genl_info_net(info)) };
    // SAFETY: `nlmsg_unicast`: `netlink_unicast` consumes `skb` in every case.
    let err = unsafe {
        bindings::netlink_unicast(sk, skb, (*info).snd_portid, bindings::RGNL_MSG_DONTWAIT)
    };
    err.min(0)
}
