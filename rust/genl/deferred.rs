// SPDX-License-Identifier: GPL-2.0

//! Deferred work: one delayed work per network namespace, which runs
//! [`Family::deferred`] under the family's mutex, as handlers run (see
//! `lock` for why not under `genl_mutex`).
//!
//! Lifetimes: a namespace's work is disabled (cancelled, and never queued
//! again) before its state is dropped, and the family stops running it,
//! under its mutex, before it unregisters; so no work runs on a freed
//! state, with the family unregistered, or after the module is gone.

use crate::{bindings, family::Family, lock::FamilyLock, net::Net, netns::NetSlot};
use kernel::types::Opaque;

/// Initialises the work of a namespace slot to run [`run::<F>`].
///
/// # Safety
///
/// `work` is the `work` field of a `NetSlot<F>`, not in use.
pub(crate) unsafe fn init<F: Family>(work: *mut Opaque<bindings::delayed_work>) {
    const {
        assert!(core::mem::offset_of!(bindings::delayed_work, work) == 0);
        assert!(core::mem::offset_of!(NetSlot<F>, work) == 0);
    };
    // SAFETY: `work` is valid and unused (the caller's contract).
    unsafe { bindings::rgnl_init_delayed_work(crate::compat::opaque_ptr(work), Some(run::<F>)) };
}

/// Disables the work: waits for a running instance, and nothing queues it
/// again.
///
/// # Safety
///
/// `work` was initialised by [`init`].
pub(crate) unsafe fn disable(work: *mut Opaque<bindings::delayed_work>) {
    // SAFETY: the caller's contract.
    unsafe { bindings::rgnl_disable_delayed_work_sync(crate::compat::opaque_ptr(work)) };
}

/// Runs the work within `msecs` milliseconds (keeping an earlier run).
///
/// # Safety
///
/// `work` was initialised by [`init`] and is not disabled yet (it may be,
/// concurrently: then nothing is queued).
pub(crate) unsafe fn schedule(work: *mut Opaque<bindings::delayed_work>, msecs: u32) {
    // SAFETY: the caller's contract.
    unsafe { bindings::rgnl_defer(crate::compat::opaque_ptr(work), msecs) };
}

/// The work function of a namespace's slot.
///
/// # Safety
///
/// Only the workqueue calls it, for a work initialised by [`init::<F>`].
unsafe extern "C" fn run<F: Family>(work: *mut bindings::work_struct) {
    let _lock = FamilyLock::<F>::new();
    // Checked under the family's mutex: a family that started unregistering
    // (`Registration::drop` sets this under it) gets no more calls.
    if !F::storage().is_running() {
        return;
    }
    let slot = work.cast::<NetSlot<F>>();
    // SAFETY: `work` is the first field of a slot (`init`), whose state
    // lives until `net_exit` disabled this work, which waits for this call;
    // the namespace is alive until then too. The family's mutex is held,
    // so no handler uses the state.
    let (net, state) = unsafe {
        (
            Net::<F>::from_raw((*slot).net),
            &mut *core::ptr::addr_of_mut!((*slot).state),
        )
    };
    F::deferred(&net, state);
}
