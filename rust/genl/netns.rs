// SPDX-License-Identifier: GPL-2.0

//! Per-network-namespace state of a family (`register_pernet_subsys` with
//! `id`/`size`: the kernel allocates the memory, the layer constructs and
//! drops the Rust value in it, next to the namespace's deferred work).

use crate::{bindings, deferred, family::Family};
use core::{ffi::c_int, mem, ptr::addr_of_mut};
use kernel::{error::to_result, prelude::*, types::Opaque};

/// State a family keeps for each network namespace.
///
/// Handlers reach it with `net_state()`, and [`Family::deferred`] gets it:
/// mutably, since all of them run under the family's mutex, and a namespace is
/// only torn down once no socket (and so no request or dump) of it remains
/// and its deferred work is disabled. [`NetState::new`] runs for every
/// namespace, whatever the type's size: it may refuse a namespace.
pub trait NetState: Sized + Send + 'static {
    /// Creates the state of a new namespace; an error fails the namespace's
    /// creation (or the family's registration, for existing namespaces).
    fn new() -> Result<Self>;
}

impl NetState for () {
    fn new() -> Result<Self> {
        Ok(())
    }
}

/// The largest `NetState`: it is built on the kernel stack (16 KiB).
const NET_STATE_MAX: usize = 1024;

/// What the kernel allocates for each namespace (`net_generic` memory).
///
/// # Invariants
///
/// Once `net_init` returned 0 for `net`, and until `net_exit` ran: `work`
/// is an initialised delayed work whose function is
/// [`deferred::run::<F>`], `net` is the namespace, and `state` its state.
#[repr(C)]
pub(crate) struct NetSlot<F: Family> {
    /// First, so that the work's address is the slot's.
    pub(crate) work: Opaque<bindings::delayed_work>,
    pub(crate) net: *mut bindings::net,
    pub(crate) state: F::NetState,
}

/// The slot of `net`.
///
/// # Safety
///
/// The family's pernet operations are registered and `net` is alive.
pub(crate) unsafe fn slot<F: Family>(net: *const bindings::net) -> *mut NetSlot<F> {
    // SAFETY: the pernet operations are registered, so `net_generic` returns
    // the memory allocated for the slot of `net`.
    unsafe { bindings::rgnl_net_generic(net, F::storage().net_id()).cast() }
}

/// Returns the state of `net`.
///
/// # Safety
///
/// The family's pernet operations are registered, `net` is alive, and the
/// caller holds the family's mutex (or is the pernet init/exit of `net`) for as
/// long as the returned reference lives.
pub(crate) unsafe fn state<'a, F: Family>(net: *const bindings::net) -> &'a mut F::NetState {
    // SAFETY: `net_init` constructed the slot of `net` (the caller's
    // contract); exclusivity is the caller's contract too. Only the `state`
    // field is borrowed: the work is the workqueue's.
    unsafe { &mut *addr_of_mut!((*slot::<F>(net)).state) }
}

/// # Safety
///
/// Only the pernet core calls it, for a new `net`, with the family's
/// pernet operations registered.
unsafe extern "C" fn net_init<F: Family>(net: *mut bindings::net) -> c_int {
    match F::NetState::new() {
        Ok(value) => {
            // SAFETY: the kernel allocated a zeroed `NetSlot<F>`, aligned to
            // 8 (checked in `register`), for `net` before calling init;
            // nothing else uses it yet.
            let slot = unsafe { slot::<F>(net) };
            // SAFETY: see above.
            unsafe {
                addr_of_mut!((*slot).state).write(value);
                addr_of_mut!((*slot).net).write(net);
                deferred::init::<F>(addr_of_mut!((*slot).work));
            }
            // INVARIANT: all three fields are initialised.
            0
        }
        Err(e) => e.to_errno(),
    }
}

/// # Safety
///
/// Only the pernet core calls it, for a `net` whose `net_init` succeeded.
unsafe extern "C" fn net_exit<F: Family>(net: *mut bindings::net) {
    // SAFETY: `net_init` succeeded for `net` (exit is only called then).
    let slot = unsafe { slot::<F>(net) };
    // SAFETY: the work was initialised by `net_init`. Once this returns it
    // neither runs nor can be queued again.
    unsafe { deferred::disable(addr_of_mut!((*slot).work)) };
    // SAFETY: the state holds the value `net_init` wrote and is dropped
    // once, here; nothing else uses it now. The work is disabled above.
    // Handlers and dumps reach the state only through a socket of `net`
    // or under a request, which no longer exist when the namespace is
    // torn down; and on the unregistration path (`unregister`, with
    // namespaces and their sockets alive) the family is already
    // unregistered (`genl_unregister_family` waited for running handlers),
    // no dump runs (a running dump pins the module, whose exit is what
    // unregisters), and deferred work saw the family stopping under its
    // mutex and returns without touching any state.
    unsafe { core::ptr::drop_in_place(addr_of_mut!((*slot).state)) };
}

/// Registers the pernet operations of `F` in `ops`, with the id written to
/// `id`: `F::NetState::new` runs for every existing namespace now, and for
/// every new one until [`unregister`].
pub(crate) fn register<F: Family>(
    ops: &'static Opaque<bindings::pernet_operations>,
    id: &'static Opaque<core::ffi::c_uint>,
) -> Result {
    const {
        assert!(
            mem::align_of::<NetSlot<F>>() <= 8,
            "kzalloc aligns net_generic memory to 8"
        );
        // `new()` returns the state by value, on the kernel stack.
        assert!(
            mem::size_of::<F::NetState>() <= NET_STATE_MAX,
            "a NetState is built on the kernel stack: box what is larger than 1 KiB"
        );
    };
    let value = bindings::pernet_operations {
        init: Some(net_init::<F>),
        exit: Some(net_exit::<F>),
        id: id.get(),
        size: mem::size_of::<NetSlot<F>>(),
        // SAFETY: the rest are integers, raw pointers, optional function
        // pointers and list heads, for which all-zero bytes are valid (C's
        // static initialisers leave them so).
        ..unsafe { mem::zeroed() }
    };
    // SAFETY: the caller (`Registration::new`) owns `ops` until it is
    // registered; it is `'static`.
    unsafe { ops.get().write(value) };
    // SAFETY: `ops` is initialised and `'static`; `id` outlives it.
    to_result(unsafe { bindings::register_pernet_subsys(ops.get()) })
}

/// Unregisters what [`register`] registered, dropping every namespace's
/// state.
///
/// # Safety
///
/// [`register`] succeeded with `ops` and they were not unregistered since.
pub(crate) unsafe fn unregister(ops: &'static Opaque<bindings::pernet_operations>) {
    // SAFETY: `register` succeeded with these ops (the caller's contract).
    unsafe { bindings::unregister_pernet_subsys(ops.get()) };
}
