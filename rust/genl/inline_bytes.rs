// SPDX-License-Identifier: GPL-2.0

//! [`InlineBytes`]: a byte string of at most `N` bytes held in place, as a C
//! struct holds `u8 key[N]` and a length: a map key that is made where it
//! is stored (`RbMap`'s `insert_with`) without zeroing the bytes it does
//! not use, and compares bytewise.

use core::{cmp::Ordering, mem::MaybeUninit};

/// A byte string of at most `N` bytes (`N` at most 255), ordered bytewise
/// as `memcmp()` and then by length.
///
/// # Invariants
///
/// `len <= N`, and `bytes[..len]` are initialised.
#[derive(Clone)]
pub struct InlineBytes<const N: usize> {
    len: u8,
    bytes: [MaybeUninit<u8>; N],
}

impl<const N: usize> InlineBytes<N> {
    /// Checked where a value is made: a capacity its `u8` length cannot
    /// count does not build.
    const FITS_U8: () = assert!(N <= u8::MAX as usize);

    /// The empty string.
    #[inline]
    pub const fn new() -> Self {
        #[allow(clippy::let_unit_value)]
        let () = Self::FITS_U8;
        // INVARIANT: no byte is used.
        Self {
            len: 0,
            bytes: [MaybeUninit::uninit(); N],
        }
    }

    /// Makes it `src`, cut short after `N` bytes.
    #[inline]
    pub fn set(&mut self, src: &[u8]) {
        let len = src.len().min(N);
        // SAFETY: `src` holds `len` bytes and `bytes` room for `N >= len`;
        // they do not overlap (`self` is borrowed mutably).
        unsafe {
            core::ptr::copy_nonoverlapping(src.as_ptr(), self.bytes.as_mut_ptr().cast::<u8>(), len)
        };
        // INVARIANT: `len <= N`, the bytes written above.
        self.len = len as u8;
    }

    /// The string `src`, cut short after `N` bytes.
    #[inline]
    pub fn from_slice(src: &[u8]) -> Self {
        let mut s = Self::new();
        s.set(src);
        s
    }

    /// Its bytes.
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        // SAFETY: `len <= N` and `bytes[..len]` are initialised (type
        // invariants: no bound check on every step of a tree walk), and
        // `MaybeUninit<u8>` has `u8`'s layout.
        unsafe { core::slice::from_raw_parts(self.bytes.as_ptr().cast::<u8>(), self.len.into()) }
    }
}

impl<const N: usize> Default for InlineBytes<N> {
    #[inline]
    fn default() -> Self {
        Self::new()
    }
}

/// Bytewise, as `memcmp()` and then the length. Open-coded: the slices'
/// own `cmp` is an out-of-line call around `memcmp()`, which every step of
/// a tree walk would pay for.
#[inline]
pub fn compare_bytes(a: &[u8], b: &[u8]) -> Ordering {
    a.iter().cmp(b.iter())
}

impl<const N: usize> PartialEq for InlineBytes<N> {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl<const N: usize> Eq for InlineBytes<N> {}

impl<const N: usize> PartialOrd for InlineBytes<N> {
    #[inline]
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<const N: usize> Ord for InlineBytes<N> {
    #[inline]
    fn cmp(&self, other: &Self) -> Ordering {
        compare_bytes(self.as_bytes(), other.as_bytes())
    }
}
