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
/// `ptr` was returned by `kmemdup()` (`kmemdup_noprof()`, or the helper `rgnl_kmemdup`)
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
        let (src, n, gfp) = (
            src.as_ptr().cast(),
            src.len(),
            bindings::RGNL_GFP_KERNEL_ACCOUNT,
        );
        // `kmemdup()` is `kmemdup_noprof()` itself unless allocation
        // profiling wraps it to tag the caller: then through a helper.
        // SAFETY: `src` is valid for reads of `n` bytes; the caller runs in
        // process context, where `GFP_KERNEL_ACCOUNT` may sleep.
        #[cfg(not(CONFIG_MEM_ALLOC_PROFILING))]
        let ptr = unsafe { bindings::kmemdup_noprof(src, n, gfp) };
        // SAFETY: as above.
        #[cfg(CONFIG_MEM_ALLOC_PROFILING)]
        let ptr = unsafe { bindings::rgnl_kmemdup(src, n, gfp) };
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
