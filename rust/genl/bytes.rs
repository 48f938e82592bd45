// SPDX-License-Identifier: GPL-2.0

//! [`Bytes`]: an owned copy of an attribute's payload, what `nla_memdup()`
//! gives a C family.

use crate::bindings;
use core::{ops::Deref, slice};
use kernel::prelude::*;

/// An immutable byte string in one `kmalloc` allocation of exactly its
/// length, made by [`Attr::memdup`](crate::Attr::memdup). A pointer and a
/// `u32` length, packed to 4-byte alignment: 12 bytes on 64-bit where a
/// `KVec<u8>` takes 24 (it keeps a capacity), and a `u32` beside it fills
/// 16; that can decide the slab size class of a node that holds one.
/// Filled with one `memcpy()` by `kmemdup()` (6.12's
/// `KVec::extend_from_slice` copies element by element, and its allocator
/// goes through `krealloc()`).
///
/// # Invariants
///
/// `ptr` was returned by `kmemdup()` ([`kmemdup`]) for `len` bytes
/// (`ZERO_SIZE_PTR` for none), is owned by this value and freed once, with
/// `kfree()`.
// Packed: its fields are only read by value (the compiler refuses
// references to them), with loads that need no alignment.
#[repr(C, packed(4))]
pub struct Bytes {
    ptr: *mut u8,
    len: u32,
}

// SAFETY: `Bytes` owns its allocation and only reads it; `kfree()` may run
// on any thread.
unsafe impl Send for Bytes {}
// SAFETY: `&Bytes` only reads.
unsafe impl Sync for Bytes {}

impl Bytes {
    /// A copy of `src`, charged to the current task's memory cgroup
    /// (`GFP_KERNEL_ACCOUNT`; process context only).
    #[inline]
    pub(crate) fn copy_accounted(src: &[u8]) -> Result<Self> {
        // Attribute payloads are below 64 KiB.
        let len = u32::try_from(src.len()).map_err(|_| EINVAL)?;
        // SAFETY: the caller runs in process context (requests are handled
        // there), where `GFP_KERNEL_ACCOUNT` may sleep.
        let ptr = unsafe { kmemdup(src, bindings::RGNL_GFP_KERNEL_ACCOUNT) };
        if ptr.is_null() {
            return Err(ENOMEM);
        }
        // INVARIANT: `ptr` is `kmemdup()`'s for `len` bytes, owned here.
        Ok(Self {
            ptr: ptr.cast(),
            len,
        })
    }
}

impl Deref for Bytes {
    type Target = [u8];

    #[inline]
    fn deref(&self) -> &[u8] {
        // SAFETY: by the type invariants `ptr` is valid for reads of `len`
        // bytes, initialised by `kmemdup()`, for as long as `self` lives
        // (`ZERO_SIZE_PTR` is non-null and aligned, valid for 0 bytes).
        unsafe { slice::from_raw_parts(self.ptr, self.len as usize) }
    }
}

impl Drop for Bytes {
    fn drop(&mut self) {
        // SAFETY: by the type invariants `ptr` came from `kmemdup()` and is
        // freed only here.
        unsafe { bindings::kfree(self.ptr.cast()) };
    }
}

/// `kmemdup(src, len, gfp)`: `kmemdup_noprof()` itself, called directly,
/// unless allocation profiling makes `kmemdup()` a macro that tags its
/// caller: then through a helper. Null when the allocation failed.
///
/// # Safety
///
/// The caller's context allows `gfp` (may it sleep).
#[inline]
unsafe fn kmemdup(src: &[u8], gfp: bindings::gfp_t) -> *mut core::ffi::c_void {
    // SAFETY: `src` is valid for reads of `src.len()` bytes; the caller's
    // contract.
    #[cfg(not(CONFIG_MEM_ALLOC_PROFILING))]
    return unsafe { bindings::kmemdup_noprof(src.as_ptr().cast(), src.len(), gfp) };
    // SAFETY: as above.
    #[cfg(CONFIG_MEM_ALLOC_PROFILING)]
    return unsafe { bindings::rgnl_kmemdup(src.as_ptr().cast(), src.len(), gfp) };
}
