// SPDX-License-Identifier: GPL-2.0

//! Per-network-namespace state of a family (`register_pernet_subsys` with
//! `id`/`size`: the kernel allocates the memory, the layer constructs and
//! drops the Rust value in it).

use crate::{bindings, family::Family};
use core::{ffi::c_int, mem};
use kernel::{error::to_result, prelude::*, types::Opaque};

/// State a family keeps for each network namespace.
///
/// Handlers reach it with `net_state()`: mutably, since they are serialised
/// by `genl_mutex`, and a namespace is only torn down once no socket (and so
/// no request or dump) of it remains. [`NetState::new`] runs for every
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

/// The bytes the kernel allocates per namespace: at least one, since the
/// pernet core takes an `id` only together with a non-zero `size` (and
/// `WARN`s otherwise); a zero-sized state is still constructed in them.
const fn alloc_size<S>() -> usize {
    if mem::size_of::<S>() == 0 {
        1
    } else {
        mem::size_of::<S>()
    }
}

/// Returns the state of `net`.
///
/// # Safety
///
/// The family's pernet operations are registered, `net` is alive, and the
/// caller holds `genl_mutex` (or is the pernet init/exit of `net`) for as
/// long as the returned reference lives.
pub(crate) unsafe fn state<'a, F: Family>(net: *const bindings::net) -> &'a mut F::NetState {
    // SAFETY: the pernet operations are registered, so `net_generic` returns
    // the memory in which `net_init` constructed the state of `net`;
    // exclusivity is the caller's contract.
    unsafe { &mut *bindings::rgnl_net_generic(net, F::storage().net_id()).cast::<F::NetState>() }
}

/// # Safety
///
/// Only the pernet core calls it, for a new `net`, with the family's
/// pernet operations registered.
unsafe extern "C" fn net_init<F: Family>(net: *mut bindings::net) -> c_int {
    match F::NetState::new() {
        Ok(value) => {
            // SAFETY: the kernel allocated `alloc_size::<F::NetState>()`
            // zeroed bytes, aligned to 8 (checked in `register`), for `net`
            // before calling init; nothing else uses them yet.
            let slot = unsafe { bindings::rgnl_net_generic(net, F::storage().net_id()) };
            // SAFETY: see above; they hold a `F::NetState`.
            unsafe { slot.cast::<F::NetState>().write(value) };
            0
        }
        Err(e) => e.to_errno(),
    }
}

/// # Safety
///
/// Only the pernet core calls it, for a `net` whose `net_init` succeeded.
unsafe extern "C" fn net_exit<F: Family>(net: *mut bindings::net) {
    // SAFETY: `net_init` succeeded for `net` (exit is only called then), and
    // the namespace has no sockets left, so no handler uses the state.
    let slot = unsafe { bindings::rgnl_net_generic(net, F::storage().net_id()) };
    // SAFETY: `slot` holds the value `net_init` wrote; it is dropped once.
    unsafe { core::ptr::drop_in_place(slot.cast::<F::NetState>()) };
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
            mem::align_of::<F::NetState>() <= 8,
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
        size: alloc_size::<F::NetState>(),
        ..Default::default()
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
