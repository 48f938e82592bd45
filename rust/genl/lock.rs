// SPDX-License-Identifier: GPL-2.0

//! The family's own mutex: what makes `&mut` access to its per-namespace
//! and per-socket state sound.
//!
//! Every doit (and pre/post doit) and dumpit of the family takes it inside
//! `genl_mutex` (which the genetlink core holds around them, the family not
//! being `parallel_ops`); the namespaces' deferred work takes it alone.
//! Deferred work must not wait for `genl_mutex`: a namespace's teardown
//! waits for its work while holding `pernet_ops_rwsem`, and other
//! families' handlers take `pernet_ops_rwsem` (loading a module that
//! registers pernet operations) while holding `genl_mutex`. The order here
//! is `genl_mutex` -> family mutex, and the family's code, run under it,
//! takes neither `genl_mutex` nor `pernet_ops_rwsem`.

use crate::{bindings, family::Family};
use core::marker::PhantomData;
use kernel::types::Opaque;

/// Initialises a family's mutex.
///
/// # Safety
///
/// `lock` is not in use, and not initialised before.
pub(crate) unsafe fn init(lock: &Opaque<bindings::mutex>) {
    // SAFETY: the caller's contract.
    unsafe { bindings::rgnl_mutex_init(lock.get()) };
}

/// The mutex of family `F`, held while the guard lives.
pub(crate) struct FamilyLock<F: Family>(PhantomData<F>);

/// `mutex_lock(lock)`, called directly rather than through a helper: a
/// function of the kernel's, unless lockdep makes it a macro for
/// `mutex_lock_nested(lock, 0)`.
///
/// # Safety
///
/// `lock` is an initialised mutex; the caller may sleep.
#[inline(always)]
unsafe fn lock(lock: *mut bindings::mutex) {
    // SAFETY: the caller's.
    #[cfg(not(CONFIG_DEBUG_LOCK_ALLOC))]
    unsafe {
        bindings::mutex_lock(lock)
    };
    // SAFETY: the caller's.
    #[cfg(CONFIG_DEBUG_LOCK_ALLOC)]
    unsafe {
        bindings::mutex_lock_nested(lock, 0)
    };
}

impl<F: Family> FamilyLock<F> {
    /// Takes the mutex; sleeps. The family must have been registered (its
    /// mutex is initialised then, and never destroyed).
    #[inline]
    pub(crate) fn new() -> Self {
        // SAFETY: initialised by `Registration::new` before anything that
        // takes it can run (callbacks exist only once it registered);
        // process context; released by `drop`.
        unsafe { lock(F::storage().lock_ptr()) };
        Self(PhantomData)
    }
}

impl<F: Family> Drop for FamilyLock<F> {
    #[inline]
    fn drop(&mut self) {
        // SAFETY: taken by `new`.
        unsafe { bindings::mutex_unlock(F::storage().lock_ptr()) };
    }
}
