// SPDX-License-Identifier: GPL-2.0

//! Dumps: a handler called once per skb until it has written everything,
//! resuming from a typed cursor kept in `netlink_callback::ctx` and dropped
//! when the dump ends.

use super::{attrs::Attrs, bindings, extack::Extack, family::Family, msg::Writer, netns};
use core::{ffi::c_int, marker::PhantomData, mem};
use kernel::prelude::*;

/// Where a dump resumes: stored in `netlink_callback::ctx` between calls.
/// `Default` is the start. It must fit the 48 bytes of `ctx`, aligned to 8
/// at most (checked at compile time). It is dropped when the dump ends,
/// however it ends, so it may own memory (a `KBox` of a long key, say).
pub trait DumpCursor: Default + Send + 'static {}
impl<T: Default + Send + 'static> DumpCursor for T {}

/// A dumpit handler.
pub trait DumpIt<F: Family> {
    /// The request's attribute policy (dump filters); `&[]` for none.
    const POLICY: &'static [super::AttrPolicy];
    /// The resume point.
    type Cursor: DumpCursor;

    /// Writes messages with [`Dump::add`] from `cursor` on, advancing it
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
/// `'a`, under `genl_mutex`; the dump was started by [`start`].
pub struct DumpOut<'a, F: Family> {
    skb: *mut bindings::sk_buff,
    cb: *mut bindings::netlink_callback,
    added: bool,
    _call: PhantomData<(&'a mut (), F)>,
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
        // SAFETY: `genl_start` parsed the request with the op's policy of
        // `attrs_len` entries; the table lives as long as the dump.
        unsafe { Attrs::from_raw(self.info().attrs, self.attrs_len, self.extack()) }
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
        // SAFETY: `genl_mutex` is held for `'a`; the `&mut self` borrow
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
        unsafe { &*bindings::rgnl_genl_info_dump(self.cb) }
    }

    /// Records the generation of the data being dumped. When it differs
    /// from the one recorded by an earlier call of the same dump, the next
    /// message is flagged `NLM_F_DUMP_INTR` so userspace knows the dump is
    /// inconsistent and may retry. Zero means "not tracked".
    pub fn set_generation(&mut self, generation: u32) {
        // SAFETY: `cb` is valid; `seq` is ours to set during the call.
        unsafe { (*self.cb).seq = generation };
    }

    /// Adds one message with command `cmd` whose attributes `fill` writes.
    /// On `EMSGSIZE` (or any error) the message is removed again.
    pub fn add(&mut self, cmd: u8, fill: impl FnOnce(&mut Writer<'_>) -> Result) -> Result {
        let info = self.info();
        // SAFETY: `skb` is the dump's output skb, ours during the call.
        let hdr = unsafe {
            bindings::genlmsg_put(
                self.skb,
                info.snd_portid,
                info.snd_seq,
                F::storage().family_ptr(),
                bindings::NLM_F_MULTI as c_int,
                cmd,
            )
        };
        if hdr.is_null() {
            return Err(super::msg::emsgsize());
        }
        // SAFETY: `hdr` was just put into this dump's skb.
        unsafe { bindings::rgnl_genl_dump_check_consistent(self.cb, hdr) };
        // SAFETY: the skb is ours for the closure's duration.
        let mut w = unsafe { Writer::from_raw(self.skb, F::PAD_ATTR) };
        match fill(&mut w) {
            Ok(()) => {
                // SAFETY: `hdr` is the message being built in `skb`.
                unsafe { bindings::rgnl_genlmsg_end(self.skb, hdr) };
                self.added = true;
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

const fn check_cursor<C: DumpCursor>() {
    assert!(
        mem::size_of::<C>() <= 48,
        "a dump cursor must fit netlink_callback::ctx (48 bytes)"
    );
    assert!(
        mem::align_of::<C>() <= 8,
        "netlink_callback::ctx is 8-byte aligned"
    );
}

fn cursor_ptr<C: DumpCursor>(cb: *mut bindings::netlink_callback) -> *mut C {
    const { check_cursor::<C>() };
    // SAFETY: `ctx` is inside `*cb`; only the address is taken.
    unsafe { core::ptr::addr_of_mut!((*cb).__bindgen_anon_1.ctx).cast::<C>() }
}

/// # Safety
///
/// Only the genetlink core calls it, as the dump start of an op of `F` handled by `H`.
pub(crate) unsafe extern "C" fn start<F: Family, H: DumpIt<F>>(
    cb: *mut bindings::netlink_callback,
) -> c_int {
    // SAFETY: called once by `genl_start` before any dumpit of this dump;
    // `ctx` is 48 bytes, 8-aligned, ours, and fits `H::Cursor`.
    unsafe { cursor_ptr::<H::Cursor>(cb).write(H::Cursor::default()) };
    0
}

/// # Safety
///
/// Only the genetlink core calls it, as the dumpit of an op of `F` handled by `H`, after `start`.
pub(crate) unsafe extern "C" fn dumpit<F: Family, H: DumpIt<F>>(
    skb: *mut bindings::sk_buff,
    cb: *mut bindings::netlink_callback,
) -> c_int {
    // INVARIANT: called by the genetlink core for a dump op of `F` with
    // policy `H::POLICY`, under `genl_mutex`, after `start`.
    let mut dump = Dump::<F> {
        out: DumpOut {
            skb,
            cb,
            added: false,
            _call: PhantomData,
        },
        attrs_len: H::POLICY.len(),
    };
    // SAFETY: `start` initialised the cursor; nothing else refers to `ctx`
    // during the call.
    let cursor = unsafe { &mut *cursor_ptr::<H::Cursor>(cb) };
    match H::dumpit(&mut dump, cursor) {
        Ok(()) => 0,
        // A full skb with messages in it: send it, call again.
        Err(e) if e.to_errno() == super::msg::emsgsize().to_errno() && dump.out.added => {
            // SAFETY: `skb` is valid; its length is the bytes written.
            unsafe { bindings::rgnl_skb_len(skb) as c_int }
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
    // SAFETY: `start` wrote a cursor; no dumpit runs any more, and this is
    // the only drop.
    unsafe { core::ptr::drop_in_place(cursor_ptr::<H::Cursor>(cb)) };
    0
}
