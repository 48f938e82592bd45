// SPDX-License-Identifier: GPL-2.0

//! Dumps: a handler called once per skb until it has written everything,
//! resuming from a typed cursor kept in `netlink_callback::ctx` and dropped
//! when the dump ends.
//!
//! # Sizes
//!
//! Each dump op states the largest message it emits
//! ([`DumpIt::MAX_MESSAGE`]). The layer sets `min_dump_alloc` from it before
//! the first skb is allocated, so every message fits an skb of its own and
//! reaches any reader whose buffer holds that message. Messages are packed
//! into an skb only up to `NLMSG_GOODSIZE` (what a reader with a 4 KiB
//! buffer takes whole), unless the reader has shown it reads more: a
//! message larger than 4 KiB then travels alone, and a reader whose buffer
//! is too small gets `MSG_TRUNC` for it rather than a short dump;
//! `NLMSG_DONE` then comes in an skb of its own.

use crate::{
    attrs::Attrs,
    bindings,
    extack::Extack,
    family::Family,
    inlined,
    lock::FamilyLock,
    msg::{emsgsize, Cmd, Writer},
    netns,
    policy::Policy,
    size,
    view::{AttrSet, View},
};
use core::{
    ffi::c_int,
    hash::{Hash, Hasher},
    marker::PhantomData,
    mem,
};
use kernel::prelude::*;

/// Where a dump resumes: stored in `netlink_callback::ctx` between calls.
/// `Default` is the start. It must fit `ctx` (48 bytes) next to the layer's
/// 8-byte mark (so 40 bytes), aligned as a `long` at most (checked at
/// compile time). It is dropped when the dump ends,
/// however it ends, so it may own memory (a `KBox` of a long key, say).
///
/// Its `Hash` is how the layer sees whether a call moved it: a call that
/// fills an skb and asks to be called again (`EMSGSIZE`) must leave the
/// cursor elsewhere than it found it, or the next call would send the same
/// messages again, for ever. The layer ends such a dump with `EIO` (and
/// "dump made no progress" in its extack) instead, and logs it. Hash what
/// says where the dump stands, and only that. (The hash is keyed at random
/// when the family registers: whoever writes the data a dump walks cannot
/// plan two positions that look alike, and so end other readers' dumps.)
pub trait DumpCursor: Default + Hash + Send + 'static {}
impl<T: Default + Hash + Send + 'static> DumpCursor for T {}

/// A dumpit handler of family `F`. Implement it with `#[vtable]`: the
/// layer calls [`DumpIt::start`] only where it is implemented.
#[vtable]
pub trait DumpIt<F: Family> {
    /// The request's attribute policy (dump filters); [`Policy::NONE`] for
    /// none, and then every attribute is refused.
    const POLICY: &'static Policy;
    /// The largest attribute payload of one message the dump emits (build
    /// it with [`crate::size`]); at most 32 KiB with the headers, the
    /// largest buffer the netlink core expects of a reader.
    const MAX_MESSAGE: usize;
    /// The resume point.
    type Cursor: DumpCursor;

    /// Runs as the dump starts, before its first call, with the cursor at
    /// its `Default`: sets it up from the request (the spec's dump `pre`,
    /// C's `start`). An error refuses the dump (its extack set through
    /// `start`), and the cursor is dropped.
    fn start(_start: &mut DumpStart<'_, F>, _cursor: &mut Self::Cursor) -> Result {
        Ok(())
    }

    /// Runs as the dump ends, however it ends, before the cursor is dropped
    /// (the spec's dump `post`, C's `done`).
    fn done(_cursor: &mut Self::Cursor) {}

    /// Writes messages with [`DumpOut::add`] from `cursor` on, advancing it
    /// after each message added. Return `Ok(())` when everything is
    /// written; propagate the `EMSGSIZE` of a full skb with `?` and the
    /// layer calls again with a new skb, from the cursor.
    fn dumpit(dump: &mut Dump<'_, F>, cursor: &mut Self::Cursor) -> Result;
}

/// The output of one call of a dump of family `F`: the skb to fill.
///
/// # Invariants
///
/// `skb` and `cb` are the arguments of a dumpit call of `F`, valid for
/// `'a`, under `genl_mutex` and the family's mutex; the dump was started
/// by [`start`]. `skb` is linear (`netlink_dump` allocates it with
/// `alloc_skb`, or `netlink_alloc_large_skb`, and only reserves headroom).
pub struct DumpOut<'a, F: Family> {
    skb: *mut bindings::sk_buff,
    cb: *mut bindings::netlink_callback,
    /// Messages beyond the first stop at this many bytes of the skb.
    pack_limit: usize,
    /// The skb's length when the call began: messages were added since
    /// when it is longer (a refused message is trimmed off again).
    start_len: u32,
    _call: PhantomData<(&'a mut (), F)>,
}

/// The start of a dump of family `F` ([`DumpIt::start`]): its request and
/// its namespace's state, no output yet.
///
/// # Invariants
///
/// `cb` is the argument of the dump start of an op of `F` whose policy has
/// `attrs_len` entries (or that gets no attribute table), valid for `'a`,
/// after `genl_start` set up its `genl_dumpit_info`, under `genl_mutex`
/// and the family's mutex.
pub struct DumpStart<'a, F: Family> {
    cb: *mut bindings::netlink_callback,
    attrs_len: usize,
    _call: PhantomData<(&'a mut (), F)>,
}

impl<'a, F: Family> DumpStart<'a, F> {
    fn info(&self) -> &'a bindings::genl_info {
        // SAFETY: by the type invariants `cb->data` holds the
        // `genl_dumpit_info` `genl_start` set up, valid for `'a`.
        unsafe { &*inlined::genl_info_dump(self.cb) }
    }

    /// The request's attributes as set `S`, validated.
    pub fn view<S: AttrSet>(&self) -> View<'a, S> {
        request_view(self.info(), self.attrs_len)
    }

    /// The extack of the dump request.
    pub fn extack(&self) -> Extack<'a> {
        // SAFETY: the core sets `cb->extack` around the start call.
        unsafe { Extack::from_raw((*self.cb).extack) }
    }

    /// The family's state for the dumping socket's network namespace.
    pub fn net_state(&mut self) -> &mut F::NetState {
        // SAFETY: the family's mutex is held for `'a`; the `&mut self` borrow
        // makes this the only reference to the state; the socket keeps its
        // namespace alive.
        unsafe { netns::state::<F>(bindings::rgnl_dump_net(self.cb)) }
    }
}

/// The request of a dump, `info`'s, as set `S`: its table of `attrs_len`
/// entries and its attributes as sent (none when nothing was parsed, so
/// nothing validated).
fn request_view<S: AttrSet>(info: &bindings::genl_info, attrs_len: usize) -> View<'_, S> {
    // SAFETY: `genl_start` parsed the request with the op's policy of at
    // least `attrs_len` entries, or parsed nothing and left the table null
    // (`SplitOp` invariants); the table, and the request `info` describes,
    // live as long as the dump; `genl_start` and `genl_dumpit` set
    // `info->extack` to this call's `cb->extack`, which lives for the
    // call only: so does the view (`'a` is the call's).
    unsafe { View::top(info, attrs_len) }
}

/// One call of a dump of family `F`: its output ([`DumpOut`], which `Dump`
/// dereferences to), its request and its namespace's state.
pub struct Dump<'a, F: Family> {
    out: DumpOut<'a, F>,
    attrs_len: usize,
}

impl<'a, F: Family> core::ops::Deref for Dump<'a, F> {
    type Target = DumpOut<'a, F>;
    fn deref(&self) -> &Self::Target {
        &self.out
    }
}

impl<'a, F: Family> core::ops::DerefMut for Dump<'a, F> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.out
    }
}

impl<'a, F: Family> Dump<'a, F> {
    fn info(&self) -> &'a bindings::genl_info {
        self.out.info()
    }

    /// The request's attributes (the dump filter), validated.
    pub fn attrs(&self) -> Attrs<'a> {
        // SAFETY: `genl_start` parsed the request with the op's policy of at
        // least `attrs_len` entries, or parsed nothing and left the table
        // null (`SplitOp` invariants); the table lives as long as the dump.
        unsafe { Attrs::from_raw(self.info().attrs, self.attrs_len, self.extack()) }
    }

    /// The request's attributes as set `S` (the op's request set),
    /// validated. Generated request views wrap it.
    pub fn view<S: AttrSet>(&self) -> View<'a, S> {
        request_view(self.info(), self.attrs_len)
    }

    /// The command of the dump request.
    pub fn cmd(&self) -> u8 {
        // SAFETY: `genlhdr` points into the dump's request, valid for `'a`.
        unsafe { (*self.info().genlhdr).cmd }
    }

    /// The extack of the dump request.
    pub fn extack(&self) -> Extack<'a> {
        // SAFETY: `cb->extack` is null or valid during the call.
        unsafe { Extack::from_raw((*self.out.cb).extack) }
    }

    /// The family's state for the dumping socket's network namespace.
    pub fn net_state(&mut self) -> &mut F::NetState {
        self.with_state().0
    }

    /// The namespace's state and the output together, to write messages
    /// straight from the state.
    pub fn with_state(&mut self) -> (&mut F::NetState, &mut DumpOut<'a, F>) {
        // SAFETY: the family's mutex is held for `'a`; the `&mut self` borrow
        // makes this the only reference to the state (`DumpOut` gives no
        // access to it); the socket keeps its namespace alive.
        let state = unsafe { netns::state::<F>(bindings::rgnl_dump_net(self.out.cb)) };
        (state, &mut self.out)
    }
}

impl<'a, F: Family> DumpOut<'a, F> {
    fn info(&self) -> &'a bindings::genl_info {
        // SAFETY: by the type invariants `cb` belongs to a running genetlink
        // dump, whose `cb->data` holds the `genl_dumpit_info` the core set
        // up for it, valid for `'a`.
        unsafe { &*inlined::genl_info_dump(self.cb) }
    }

    /// Records the generation of the data being dumped. When it differs
    /// from the one recorded by an earlier call of the same dump, the next
    /// message is flagged `NLM_F_DUMP_INTR` so userspace knows the dump is
    /// inconsistent and may retry. Zero means "not tracked".
    pub fn set_generation(&mut self, generation: u32) {
        // SAFETY: `cb` is valid; `seq` is ours to set during the call.
        unsafe { (*self.cb).seq = generation };
    }

    /// Flags this dump's messages, and its `NLMSG_DONE`, with
    /// `NLM_F_DUMP_FILTERED`: the request's filter was applied, so
    /// userspace need not filter again.
    pub fn set_filtered(&mut self) {
        // SAFETY: `cb` is valid; `answer_flags` is the dump's to set.
        unsafe { (*self.cb).answer_flags |= bindings::NLM_F_DUMP_FILTERED as u16 };
    }

    /// Adds one message with command `cmd` whose attributes `fill` writes.
    /// On `EMSGSIZE` (or any error) the message is removed again.
    #[inline]
    pub fn add<S>(
        &mut self,
        cmd: Cmd<S>,
        fill: impl FnOnce(&mut Writer<'_, S>) -> Result,
    ) -> Result {
        let info = self.info();
        // SAFETY: `cb` is valid during the call.
        let flags =
            bindings::NLM_F_MULTI as c_int | c_int::from(unsafe { (*self.cb).answer_flags });
        // SAFETY: `skb` is the dump's output skb, ours during the call.
        let hdr = unsafe {
            bindings::genlmsg_put(
                self.skb,
                info.snd_portid,
                info.snd_seq,
                F::storage().family_ptr(),
                flags,
                cmd.id(),
            )
        };
        if hdr.is_null() {
            return Err(emsgsize());
        }
        // SAFETY: `hdr` was just put into this dump's skb.
        unsafe { inlined::genl_dump_check_consistent(self.cb, hdr) };
        // SAFETY: the skb is linear (type invariants), with the message
        // just put under construction, and ours for the closure's duration.
        let mut w = unsafe { Writer::from_raw(self.skb, F::PAD_ATTR) };
        let filled = fill(&mut w).and_then(|()| {
            // SAFETY: `skb` is valid.
            let len = unsafe { inlined::skb_len(self.skb) } as usize;
            if len <= self.pack_limit {
                return Ok(());
            }
            // Past the packing limit only the call's first message stays.
            // SAFETY: `hdr` was put into `skb` by this call.
            let at = unsafe { inlined::genlmsg_offset(self.skb, hdr) };
            if at > self.start_len as usize {
                Err(emsgsize())
            } else {
                Ok(())
            }
        });
        match filled {
            Ok(()) => {
                // SAFETY: `hdr` is the message being built in `skb`.
                unsafe { inlined::genlmsg_end(self.skb, hdr) };
                Ok(())
            }
            Err(e) => {
                // SAFETY: as above; trims the skb back to before `hdr`.
                unsafe { bindings::rgnl_genlmsg_cancel(self.skb, hdr) };
                Err(e)
            }
        }
    }
}

/// What the layer keeps in `netlink_callback::ctx`: the handler's cursor,
/// and where it stood when the last call returned ([`fingerprint`]), or
/// [`FINISHED`]: the handler has finished while `NLMSG_DONE` still waits for
/// an skb of its own. (Two `u32`s: `ctx` is aligned as a `long`.)
#[repr(C)]
struct Slot<C> {
    cursor: C,
    mark: [u32; 2],
}

/// [`Slot::mark`] of a finished dump; no fingerprint (they are even).
const FINISHED: [u32; 2] = [1, 0];

/// Where a cursor of family `F` stands: SipHash-2-4 under the family's
/// random 128-bit key, so whoever writes the data a dump walks cannot plan
/// two positions that look alike; made even, so never [`FINISHED`].
#[inline]
fn fingerprint<F: Family, C: Hash>(cursor: &C) -> [u32; 2] {
    let [k0, k1] = F::storage().dump_key();
    // `core`'s only keyed hash; deprecated for std's RandomState, which the
    // kernel does not have.
    #[allow(deprecated)]
    let mut h = core::hash::SipHasher::new_with_keys(k0, k1);
    cursor.hash(&mut h);
    let v = h.finish() & !1;
    [v as u32, (v >> 32) as u32]
}

/// The `min_dump_alloc` of a dump op whose messages carry at most
/// `max_message` bytes of attributes.
#[inline]
const fn min_dump_alloc(max_message: usize) -> u32 {
    let total = size::message(max_message);
    assert!(
        total <= bindings::RGNL_NETLINK_READER_MAX,
        "a dump message must fit the 32 KiB a netlink reader is expected to read"
    );
    total as u32
}

fn slot_ptr<C: DumpCursor>(cb: *mut bindings::netlink_callback) -> *mut Slot<C> {
    const {
        assert!(
            mem::size_of::<Slot<C>>() <= bindings::RGNL_NETLINK_CB_CTX_SIZE,
            "a dump cursor must fit netlink_callback::ctx"
        );
        assert!(
            mem::align_of::<Slot<C>>() <= mem::align_of::<core::ffi::c_long>(),
            "netlink_callback::ctx is aligned as a long"
        );
    };
    // SAFETY: `ctx` is inside `*cb`; only the address is taken.
    unsafe { core::ptr::addr_of_mut!((*cb).__bindgen_anon_1.ctx).cast::<Slot<C>>() }
}

/// # Safety
///
/// Only the genetlink core calls it, as the dump start of an op of `F` handled by `H`.
pub(crate) unsafe extern "C" fn start<F: Family, H: DumpIt<F>>(
    cb: *mut bindings::netlink_callback,
) -> c_int {
    let min_alloc = const { min_dump_alloc(H::MAX_MESSAGE) };
    // SAFETY: called once by `genl_start` before any dumpit of this dump
    // (and before `netlink_dump` allocates its first skb); `ctx` is ours,
    // 8-aligned and fits `H::Cursor`.
    unsafe { (*cb).min_dump_alloc = (*cb).min_dump_alloc.max(min_alloc) };
    let mut cursor = H::Cursor::default();
    if H::HAS_START {
        let _lock = FamilyLock::<F>::new();
        // INVARIANT: called by `genl_start` for a dump op of `F` with policy
        // `H::POLICY`, after it set up the dump's info, under `genl_mutex`;
        // the family's mutex is held.
        let mut start = DumpStart::<F> {
            cb,
            attrs_len: H::POLICY.len(),
            _call: PhantomData,
        };
        // On an error the core calls no `done`: the cursor drops here.
        if let Err(e) = H::start(&mut start, &mut cursor) {
            return e.to_errno();
        }
    }
    let mark = fingerprint::<F, _>(&cursor);
    // SAFETY: `ctx` is ours, 8-aligned and fits `Slot<H::Cursor>`; `done`
    // drops what is written here.
    unsafe { slot_ptr::<H::Cursor>(cb).write(Slot { cursor, mark }) };
    0
}

/// # Safety
///
/// Only the genetlink core calls it, as the dumpit of an op of `F` handled by `H`, after `start`.
pub(crate) unsafe extern "C" fn dumpit<F: Family, H: DumpIt<F>>(
    skb: *mut bindings::sk_buff,
    cb: *mut bindings::netlink_callback,
) -> c_int {
    // `netlink_dump` gives an empty skb of `max(min_dump_alloc, GOODSIZE)`
    // bytes, or more when the reader has read that much at once: then the
    // reader takes whole skbs, else only what fits a 4 KiB buffer is packed.
    // SAFETY: `skb` and `cb` are valid during the call.
    let room = unsafe { bindings::rgnl_skb_tailroom(skb) }.max(0) as usize;
    // SAFETY: as above.
    let min_alloc = unsafe { (*cb).min_dump_alloc } as usize;
    let pack_limit = if room > min_alloc.max(size::GOODSIZE) {
        room
    } else {
        size::GOODSIZE
    };
    let _lock = FamilyLock::<F>::new();
    // INVARIANT: called by the genetlink core for a dump op of `F` with
    // policy `H::POLICY`, under `genl_mutex`, after `start`; the family's
    // mutex is held.
    let mut dump = Dump::<F> {
        out: DumpOut {
            skb,
            cb,
            pack_limit,
            // SAFETY: `skb` is valid during the call.
            start_len: unsafe { inlined::skb_len(skb) },
            _call: PhantomData,
        },
        attrs_len: H::POLICY.len(),
    };
    // SAFETY: `start` initialised the slot; nothing else refers to `ctx`
    // during the call.
    let slot = unsafe { &mut *slot_ptr::<H::Cursor>(cb) };
    if slot.mark == FINISHED {
        // An empty skb: the core puts `NLMSG_DONE` in it.
        return 0;
    }
    let result = H::dumpit(&mut dump, &mut slot.cursor);
    // SAFETY: `skb` is valid; its length is the bytes written.
    let len = unsafe { inlined::skb_len(skb) } as usize;
    let added = len > dump.out.start_len as usize;
    match result {
        // The core appends `NLMSG_DONE` to the last skb when it has room:
        // past the packing limit, a reader that takes only that much would
        // lose it with the truncated skb. Send this one; `DONE` comes next.
        Ok(()) if added && len + bindings::RGNL_NLMSG_DONE_SIZE > pack_limit => {
            slot.mark = FINISHED;
            len as c_int
        }
        Ok(()) => 0,
        // A full skb with messages in it: send it, call again; unless the
        // cursor stayed where it was, and so would the next call.
        Err(e) if e.to_errno() == emsgsize().to_errno() && added => {
            let after = fingerprint::<F, _>(&slot.cursor);
            if after != slot.mark {
                slot.mark = after;
                return len as c_int;
            }
            // SAFETY: `skb` is this call's output, ours during the call;
            // `cb` is the running genetlink dump's.
            unsafe { bindings::rgnl_dump_no_progress(skb, cb) };
            let err = dump.extack().fail(
                EIO,
                kernel::c_str!("dump made no progress: its cursor did not move"),
            );
            err.to_errno()
        }
        Err(e) => e.to_errno(),
    }
}

/// # Safety
///
/// Only the genetlink core calls it, as the dump done of an op of `F`
/// handled by `H`, once, for a dump whose `start` ran.
pub(crate) unsafe extern "C" fn done<F: Family, H: DumpIt<F>>(
    cb: *mut bindings::netlink_callback,
) -> c_int {
    // SAFETY: `start` wrote the slot (the core calls `done` only after a
    // `start` that succeeded); no dumpit runs any more.
    let slot = unsafe { &mut *slot_ptr::<H::Cursor>(cb) };
    H::done(&mut slot.cursor);
    // SAFETY: as above; this is the only drop.
    unsafe { core::ptr::drop_in_place(slot) };
    0
}
