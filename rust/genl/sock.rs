// SPDX-License-Identifier: GPL-2.0

//! Per-socket state of a family (`sock_priv_size`, `sock_priv_destroy`):
//! the layer's helper allocates and initialises it on a socket's first use
//! and stores it in the family's `sock_privs`, whence the genetlink core
//! frees it when the socket closes or the family unregisters.
//!
//! Handlers reach the requesting socket's state mutably
//! ([`crate::Request::sock_state`]); multicast filters read the listeners'
//! state ([`crate::Net::multicast_filtered`]). Both run under the family's
//! mutex (a filter runs within a send, and sends need a [`crate::Net`] or a
//! [`crate::Request`], which exist only under it), and a request's `&mut`
//! borrow of its socket's state ends before it can send, so no filter
//! reads a state while a handler writes it. The core frees a socket's
//! state only after `netlink_release` took the socket off the multicast
//! lists (`netlink_remove`, whose `netlink_table_grab` waits for running
//! broadcasts), and at unregistration, when neither can reach it.

use crate::{bindings, family::Family};
use core::ffi::{c_int, c_void};

/// State a family keeps for each of its sockets that uses it.
///
/// [`SockState::new`] returns the value on the kernel stack, so the type is
/// at most 1 KiB (checked at build time): box what is larger in it.
pub trait SockState: Sized + Send + 'static {
    /// The state of a socket that has just used it for the first time; an
    /// error fails the request that asked for it
    /// ([`crate::Request::sock_state`]).
    fn new() -> kernel::error::Result<Self>;
}

impl SockState for () {
    fn new() -> kernel::error::Result<Self> {
        Ok(())
    }
}

/// The largest `SockState`: it is built on the kernel stack (16 KiB).
const SOCK_STATE_MAX: usize = 1024;

/// The bytes the core allocates per socket: at least one, since a
/// `sock_priv_size` of 0 means "no per-socket state" to the core (and the
/// layer always registers it).
pub(crate) const fn alloc_size<S>() -> usize {
    const {
        // kzalloc() aligns to at least 8 bytes.
        assert!(
            core::mem::align_of::<S>() <= 8,
            "a SockState is aligned to at most 8 bytes"
        );
        assert!(
            core::mem::size_of::<S>() <= SOCK_STATE_MAX,
            "a SockState is built on the kernel stack: box what is larger than 1 KiB"
        );
    };
    if core::mem::size_of::<S>() == 0 {
        1
    } else {
        core::mem::size_of::<S>()
    }
}

/// Initialises a socket's state; a negative errno (and nothing written)
/// when [`SockState::new`] fails. Not the family's `sock_priv_init`, which
/// cannot fail: the layer's `rgnl_genl_sk_priv_get` calls it.
///
/// # Safety
///
/// Only `rgnl_genl_sk_priv_get` calls it, with `alloc_size` fresh, zeroed,
/// 8-byte aligned bytes.
unsafe extern "C" fn init<F: Family>(priv_: *mut c_void) -> c_int {
    match F::SockState::new() {
        Ok(state) => {
            // SAFETY: the caller's contract.
            unsafe { priv_.cast::<F::SockState>().write(state) };
            0
        }
        Err(e) => e.to_errno(),
    }
}

/// `sock_priv_destroy`.
///
/// # Safety
///
/// Only the core calls it, once, for memory `init::<F>` initialised (the
/// only entries of `sock_privs`), which nothing uses any more (see the
/// module documentation).
pub(crate) unsafe extern "C" fn destroy<F: Family>(priv_: *mut c_void) {
    // SAFETY: the caller's contract.
    unsafe { core::ptr::drop_in_place(priv_.cast::<F::SockState>()) };
}

/// The state of socket `sk`, allocated on first use.
///
/// # Safety
///
/// `F` is registered, `sk` is a live socket of the family's protocol, and
/// the caller holds the family's mutex for `'a` with no other reference to this
/// socket's state (see the module documentation).
pub(crate) unsafe fn get<'a, F: Family>(
    sk: *mut bindings::sock,
) -> kernel::error::Result<&'a mut F::SockState> {
    // SAFETY: the family is registered with `sock_priv_size`, so its
    // `sock_privs` exists; `sk` is alive; `init::<F>` initialises
    // `alloc_size::<F::SockState>()` bytes, the family's `sock_priv_size`.
    let p =
        unsafe { bindings::rgnl_genl_sk_priv_get(F::storage().family_ptr(), sk, Some(init::<F>)) };
    let p = kernel::error::from_err_ptr(p)?;
    // SAFETY: `p` was initialised by `init::<F>` (the helper frees what
    // fails to initialise); exclusivity is the caller's contract.
    Ok(unsafe { &mut *p.cast::<F::SockState>() })
}

/// The `netlink_filter_fn` of [`crate::Net::multicast_filtered`]: drops
/// (returns 1 for) the listeners `data`, a `&P`, does not deliver to.
///
/// # Safety
///
/// Called by `netlink_broadcast_filtered` within a send of family `F`,
/// under the family's mutex, for a listener `dsk` (counted in
/// `nl_table_users`, so not released),
/// with `data` a valid `&P`.
pub(crate) unsafe extern "C" fn filter<F: Family, P>(
    dsk: *mut bindings::sock,
    _skb: *mut bindings::sk_buff,
    data: *mut c_void,
) -> c_int
where
    P: Fn(Option<&F::SockState>) -> bool,
{
    // SAFETY: the caller's contract.
    let deliver = unsafe { &*data.cast::<P>() };
    // SAFETY: `dsk` is on the group's listener list, so its state, if any,
    // is not freed (see the module documentation); `xa_load` takes the RCU
    // read lock itself.
    let p = unsafe { bindings::rgnl_genl_sk_priv_lookup(F::storage().family_ptr(), dsk) };
    // SAFETY: a non-null entry was initialised by `init::<F>` (the helper
    // stores only those); under the family's mutex no handler writes it
    // (module documentation).
    let state = unsafe { p.cast::<F::SockState>().as_ref() };
    c_int::from(!deliver(state))
}
