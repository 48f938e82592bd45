// SPDX-License-Identifier: GPL-2.0

//! The check of `inlined.rs` against C: each copy of a `static inline`
//! netlink function run beside C's own (compiled by the kernel's compiler
//! from the kernel's headers, `helpers.c` under `RGNL_INLINE_CHECK`) on the
//! same input, and their results compared, so that a kernel release that
//! changes what one of them does fails a test rather than going unnoticed.
//! Built only into a test module (`genl-inline-check := y`).

use crate::{
    bindings,
    family::Family,
    inlined,
    msg::{emsgsize, Writer},
    request::Request,
    view::Raw,
};
use core::ffi::{c_int, c_void};
use kernel::prelude::*;

/// Counts the checks that pass; the first that fails is an `EINVAL`, named
/// in the kernel log.
struct Checks(u32);

impl Checks {
    fn that(&mut self, ok: bool, what: &str) -> Result {
        if !ok {
            pr_err!("genl: inlined.rs differs from C: {what}\n");
            return Err(EINVAL);
        }
        self.0 = self.0.saturating_add(1);
        Ok(())
    }
}

/// An skb of C's `genlmsg_new()`, freed on drop.
struct Skb(*mut bindings::sk_buff);

impl Skb {
    fn new(payload: usize) -> Result<Self> {
        // SAFETY: plain allocation, process context.
        let skb = unsafe { bindings::rgnl_c_genlmsg_new(payload, bindings::RGNL_GFP_KERNEL) };
        (!skb.is_null()).then_some(Self(skb)).ok_or(ENOMEM)
    }

    /// The same message header in it as in every other: `genlmsg_put`.
    fn put_header<F: Family>(&self) -> Result<*mut c_void> {
        // SAFETY: `self.0` is a fresh skb with room for the header; the
        // family is registered while its requests run.
        let hdr = unsafe { bindings::genlmsg_put(self.0, 1, 2, F::storage().family_ptr(), 0, 3) };
        (!hdr.is_null()).then_some(hdr).ok_or_else(emsgsize)
    }

    fn put_u32(&self, attrtype: u16, v: u32) -> Result {
        // SAFETY: `self.0` is ours; `nla_put` checks the room.
        let err = unsafe {
            bindings::nla_put(self.0, attrtype.into(), 4, core::ptr::from_ref(&v).cast())
        };
        if err < 0 {
            return Err(emsgsize());
        }
        Ok(())
    }

    /// Whether `self` and `other` hold the same bytes.
    fn same(&self, other: &Skb) -> bool {
        // SAFETY: both are valid skbs.
        unsafe { bindings::rgnl_c_skb_equal(self.0, other.0) }
    }
}

impl Drop for Skb {
    fn drop(&mut self) {
        // SAFETY: ours, freed once.
        unsafe { bindings::rgnl_nlmsg_free(self.0) };
    }
}

/// A zeroed dump callback of C's, freed on drop.
struct Callback(*mut bindings::netlink_callback);

impl Callback {
    fn new() -> Result<Self> {
        // SAFETY: plain allocation, process context.
        let cb = unsafe { bindings::rgnl_c_callback_new() };
        (!cb.is_null()).then_some(Self(cb)).ok_or(ENOMEM)
    }
}

impl Drop for Callback {
    fn drop(&mut self) {
        // SAFETY: ours, freed once.
        unsafe { bindings::rgnl_c_callback_free(self.0) };
    }
}

/// Runs the check on `req`, a request of family `F` (its namespace, its
/// family's groups), returning how many comparisons agreed.
pub fn check_inlined<F: Family>(req: &Request<'_, F>) -> Result<u32> {
    let mut checks = Checks(0);
    for payload in [0, 1, 100, 3000, 3800, 4096, 65536] {
        let ours = inlined::genlmsg_new(payload, bindings::RGNL_GFP_KERNEL);
        let ours = (!ours.is_null()).then_some(Skb(ours)).ok_or(ENOMEM)?;
        let theirs = Skb::new(payload)?;
        // SAFETY: both are valid skbs.
        let (room, len) = unsafe {
            (
                bindings::rgnl_skb_tailroom(ours.0) == bindings::rgnl_skb_tailroom(theirs.0),
                inlined::skb_len(ours.0) == bindings::rgnl_c_skb_len(theirs.0),
            )
        };
        checks.that(room && len, "genlmsg_new: the skb's room and length")?;
    }
    messages::<F>(&mut checks)?;
    puts::<F>(&mut checks)?;
    dumps::<F>(&mut checks)?;
    let info = req.info_ptr();
    // SAFETY: `info` is the request being handled; its namespace is alive.
    unsafe {
        let net = inlined::genl_info_net(info);
        checks.that(net == bindings::rgnl_c_genl_info_net(info), "genl_info_net")?;
        let sock = inlined::genl_sock(net);
        checks.that(
            sock == bindings::rgnl_c_genl_sock(net),
            "genlmsg_reply's socket",
        )?;
        let family = F::storage().family_ptr();
        for group in 0..F::MCGRPS.len() as u32 {
            let same = inlined::genl_has_listeners(family, net, group)
                == bindings::rgnl_c_genl_has_listeners(family, net, group);
            checks.that(same, "genl_has_listeners")?;
        }
    }
    Ok(checks.0)
}

/// A message with a nest, ended each way: the same bytes.
fn messages<F: Family>(checks: &mut Checks) -> Result {
    let (ours, theirs) = (Skb::new(200)?, Skb::new(200)?);
    let (h1, h2) = (ours.put_header::<F>()?, theirs.put_header::<F>()?);
    // SAFETY: both skbs are ours, with a message under construction.
    let (n1, n2) = unsafe {
        (
            inlined::nla_nest_start(ours.0, 7),
            bindings::rgnl_c_nla_nest_start(theirs.0, 7),
        )
    };
    checks.that(!n1.is_null() && !n2.is_null(), "nla_nest_start")?;
    ours.put_u32(1, 0x1234_5678)?;
    theirs.put_u32(1, 0x1234_5678)?;
    // SAFETY: the nests were started in these skbs; `nla_nest_end`
    // returns the skb's length.
    let (e1, e2, len) = unsafe {
        (
            inlined::nla_nest_end_checked(ours.0, n1),
            bindings::rgnl_c_nla_nest_end(theirs.0, n2),
            bindings::rgnl_c_skb_len(theirs.0),
        )
    };
    checks.that(e1 == 0 && e2 as u32 == len, "nla_nest_end's result")?;
    checks.that(ours.same(&theirs), "nla_nest_start/end: the bytes")?;
    // SAFETY: the headers are the messages just put.
    unsafe {
        inlined::genlmsg_end(ours.0, h1);
        bindings::rgnl_c_genlmsg_end(theirs.0, h2);
    }
    checks.that(ours.same(&theirs), "genlmsg_end: the bytes")
}

/// Puts into two skbs of the same size until both are full, by `ours`
/// (through a [`Writer`]) and by `theirs` (C, 0 or `-EMSGSIZE`): the same
/// result at every step, and the same bytes and room after it. Each skb's
/// room is filled with `0xff` first (so that a byte a put leaves unwritten
/// shows), and the fill is done with the data 0 to 3 bytes into the skb (so
/// that the attributes are unaligned and the room runs out at every
/// remainder). One comparison in all.
fn fill<F: Family>(
    checks: &mut Checks,
    what: &str,
    mut ours: impl FnMut(&mut Writer<'_, Raw>) -> Result,
    mut theirs: impl FnMut(*mut bindings::sk_buff) -> c_int,
) -> Result {
    for headroom in 0..4 {
        let (a, b) = (Skb::new(100)?, Skb::new(100)?);
        // SAFETY: both are fresh, empty skbs of ours.
        unsafe {
            bindings::rgnl_c_skb_prepare(a.0, headroom);
            bindings::rgnl_c_skb_prepare(b.0, headroom);
        }
        a.put_header::<F>()?;
        b.put_header::<F>()?;
        // SAFETY: `a` is a linear skb (C's `genlmsg_new`: a plain
        // `alloc_skb`) with the message just put under construction, ours
        // while `a` lives, which outlives `w`; nothing else writes it.
        let mut w = unsafe { Writer::<Raw>::from_raw(a.0, 1) };
        loop {
            let ra = match ours(&mut w) {
                Ok(()) => 0,
                Err(e) => e.to_errno(),
            };
            let rb = theirs(b.0);
            // SAFETY: both are valid skbs.
            let room =
                unsafe { bindings::rgnl_skb_tailroom(a.0) == bindings::rgnl_skb_tailroom(b.0) };
            if ra != rb || !room || !a.same(&b) {
                return checks.that(false, what);
            }
            if ra < 0 {
                break;
            }
        }
    }
    checks.that(true, what)
}

// A type with bits beyond `nla_type`'s 16, which C truncates to the type
// the writer is given.
const C_TYPE: c_int = 0x1_8005;
const TYPE: u16 = 0x8005;

/// `Writer::put_fixed` of `N` bytes (`nla_put_fixed`) beside C's `nla_put`.
fn fill_fixed<F: Family, const N: usize>(checks: &mut Checks, what: &str) -> Result {
    let data: [u8; N] = core::array::from_fn(|i| 0xa1_u8.wrapping_add(i as u8));
    fill::<F>(
        checks,
        what,
        |w| w.put_fixed(TYPE, &data),
        // SAFETY: `fill` gives an skb of its own; `nla_put` checks the
        // room; `data` holds `N` bytes.
        |skb| unsafe { bindings::nla_put(skb, C_TYPE, N as c_int, data.as_ptr().cast()) },
    )
}

/// `nla_put_fixed` for each payload size a scalar, a flag or a nest header
/// has; `Writer::put_64bit` beside `nla_put_64bit` (inline where that would
/// not pad); `Writer::put_encoded` (its `skb_put_checked`) for lengths
/// around the padding.
fn puts<F: Family>(checks: &mut Checks) -> Result {
    fill_fixed::<F, 0>(checks, "nla_put_fixed, 0 bytes")?;
    fill_fixed::<F, 1>(checks, "nla_put_fixed, 1 byte")?;
    fill_fixed::<F, 2>(checks, "nla_put_fixed, 2 bytes")?;
    fill_fixed::<F, 4>(checks, "nla_put_fixed, 4 bytes")?;
    fill_fixed::<F, 8>(checks, "nla_put_fixed, 8 bytes")?;
    let data = [0xa1_u8, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8];
    fill::<F>(
        checks,
        "Writer::put_64bit",
        |w| w.put_64bit(TYPE, &data),
        // SAFETY: `fill` gives an skb of its own; `nla_put_64bit` checks
        // the room (padding with attribute 1, as the writer, if it pads).
        |skb| unsafe { bindings::nla_put_64bit(skb, C_TYPE, 8, data.as_ptr().cast(), 1) },
    )?;
    // (Not 0 bytes: nothing would ever fill the skb.)
    for len in [1, 2, 3, 4, 7] {
        let data = &data[..len];
        fill::<F>(
            checks,
            "Writer::put_encoded",
            |w| w.put_encoded(data),
            // SAFETY: `fill` gives an skb of its own; the helper checks the
            // room; `data` holds `len` bytes.
            |skb| unsafe {
                bindings::rgnl_c_nla_append_padded(skb, len as c_int, data.as_ptr().cast())
            },
        )?;
    }
    Ok(())
}

/// The consistency flag of a dump message, for each way the dump's
/// sequence can have moved; and `genl_info_dump`.
fn dumps<F: Family>(checks: &mut Checks) -> Result {
    let (cb1, cb2) = (Callback::new()?, Callback::new()?);
    for (seq, prev_seq) in [(0, 0), (5, 5), (6, 5), (6, 0), (0, 6)] {
        let (ours, theirs) = (Skb::new(100)?, Skb::new(100)?);
        let (h1, h2) = (ours.put_header::<F>()?, theirs.put_header::<F>()?);
        // SAFETY: the callbacks are ours; the headers the messages just put.
        let prev = unsafe {
            for cb in [cb1.0, cb2.0] {
                (*cb).seq = seq;
                (*cb).prev_seq = prev_seq;
            }
            inlined::genl_dump_check_consistent(cb1.0, h1);
            bindings::rgnl_c_genl_dump_check_consistent(cb2.0, h2);
            (*cb1.0).prev_seq == (*cb2.0).prev_seq
        };
        checks.that(prev && ours.same(&theirs), "genl_dump_check_consistent")?;
    }
    // SAFETY: the callback's `data` is a `genl_dumpit_info` (zeroed).
    let same = unsafe { inlined::genl_info_dump(cb1.0) == bindings::rgnl_c_genl_info_dump(cb1.0) };
    checks.that(same, "genl_info_dump")
}
