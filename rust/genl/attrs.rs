// SPDX-License-Identifier: GPL-2.0

//! Typed read access to the attributes of a request.
//!
//! The kernel has already validated them against the operation's policy;
//! the accessors still check lengths, so a policy that disagrees with the
//! accessor used gives `EINVAL`, never an out-of-bounds read.

use crate::{bindings, bytes::Bytes, extack::Extack};
use core::{marker::PhantomData, mem::size_of, slice};
use kernel::{error::code::EINVAL, prelude::*, str::CStr};

const NLA_HDRLEN: usize = size_of::<bindings::nlattr>();
const NLA_TYPE_MASK: u16 = !((1 << 15) | (1 << 14));

#[inline]
const fn nla_align(len: usize) -> usize {
    (len + 3) & !3
}

/// The attributes of the genetlink message `nlh` as they were sent: the
/// bytes after its genetlink header `genlhdr`.
///
/// # Safety
///
/// `nlh` is a whole message of `nlmsg_len` bytes (as the netlink core
/// checks), readable for `'a`; `genlhdr` points into it, at its genetlink
/// header.
#[inline]
pub(crate) unsafe fn encoded<'a>(
    nlh: *const bindings::nlmsghdr,
    genlhdr: *const bindings::genlmsghdr,
) -> &'a [u8] {
    // SAFETY: the caller's contract: both ends lie within the message (or
    // the header ends past it, and the slice is empty).
    unsafe {
        let start = genlhdr.cast::<u8>().add(size_of::<bindings::genlmsghdr>());
        let end = nlh.cast::<u8>().add((*nlh).nlmsg_len as usize);
        slice::from_raw_parts(start, end.offset_from(start).max(0) as usize)
    }
}

/// The parsed attributes of a request: `genl_info->attrs`.
///
/// # Invariants
///
/// `table` is null or points to `len` attribute pointers, each null or
/// pointing to a validated attribute inside the request, all valid for `'a`.
#[derive(Clone, Copy)]
pub struct Attrs<'a> {
    table: *const *mut bindings::nlattr,
    len: usize,
    extack: Extack<'a>,
}

impl<'a> Attrs<'a> {
    /// # Safety
    ///
    /// `table` is null or as the type invariants require for `'a`, `extack`
    /// belongs to the same request.
    #[inline]
    pub(crate) unsafe fn from_raw(
        table: *const *mut bindings::nlattr,
        len: usize,
        extack: Extack<'a>,
    ) -> Self {
        // INVARIANT: the caller's contract.
        Self { table, len, extack }
    }

    /// The attribute of type `attr_type`, if the request has it.
    #[inline]
    pub fn get(&self, attr_type: u16) -> Option<Attr<'a>> {
        let i = usize::from(attr_type);
        if self.table.is_null() || i >= self.len {
            return None;
        }
        // SAFETY: `i < len`, so by the type invariants this is a valid read
        // of an attribute pointer.
        let ptr = unsafe { *self.table.add(i) };
        // SAFETY: non-null entries point to validated attributes valid for
        // `'a`.
        (!ptr.is_null()).then(|| unsafe { Attr::from_raw(ptr) })
    }

    /// The attribute of type `attr_type`, or `EINVAL` with the extack
    /// marking it missing.
    #[inline]
    pub fn required(&self, attr_type: u16) -> Result<Attr<'a>> {
        self.get(attr_type).ok_or_else(|| {
            self.extack
                .missing(attr_type, kernel::c_str!("missing required attribute"))
        })
    }

    /// The extack of the request these attributes belong to.
    #[inline]
    pub fn extack(&self) -> Extack<'a> {
        self.extack
    }
}

/// One attribute of a request.
///
/// # Invariants
///
/// `ptr` points to an attribute whose header and `nla_len` bytes are
/// readable for `'a`.
#[derive(Clone, Copy)]
pub struct Attr<'a> {
    ptr: *const bindings::nlattr,
    _request: PhantomData<&'a [u8]>,
}

impl<'a> Attr<'a> {
    /// # Safety
    ///
    /// `ptr` points to an attribute readable (header and `nla_len` bytes)
    /// for `'a`, with `nla_len >= NLA_HDRLEN`.
    #[inline]
    pub(crate) unsafe fn from_raw(ptr: *const bindings::nlattr) -> Self {
        // INVARIANT: the caller's contract.
        Self {
            ptr,
            _request: PhantomData,
        }
    }

    #[inline]
    pub(crate) fn as_raw(&self) -> *const bindings::nlattr {
        self.ptr
    }

    /// The attribute type, without the nested/byte-order flags.
    #[inline]
    pub fn attr_type(&self) -> u16 {
        // SAFETY: by the type invariants the header is readable.
        unsafe { (*self.ptr).nla_type & NLA_TYPE_MASK }
    }

    /// The payload.
    #[inline]
    pub fn bytes(&self) -> &'a [u8] {
        // SAFETY: by the type invariants the header is readable and
        // `nla_len >= NLA_HDRLEN`.
        // (Saturating: no overflow check and its panic on the hot path.)
        let len = usize::from(unsafe { (*self.ptr).nla_len }).saturating_sub(NLA_HDRLEN);
        // SAFETY: the payload follows the header and is `len` bytes long,
        // readable for `'a`.
        unsafe { slice::from_raw_parts(self.ptr.cast::<u8>().add(NLA_HDRLEN), len) }
    }

    /// A copy of the payload the family may keep past the request:
    /// `nla_memdup(attr, GFP_KERNEL_ACCOUNT)`. What a request makes a
    /// family keep is charged to the sender's memory cgroup.
    #[inline]
    pub fn memdup(&self) -> Result<Bytes> {
        // Requests are handled in process context.
        Bytes::copy_accounted(self.bytes())
    }

    /// The payload as an `N`-byte array; `EINVAL` for any other length.
    #[inline]
    fn fixed<const N: usize>(&self) -> Result<[u8; N]> {
        self.bytes().try_into().map_err(|_| EINVAL)
    }

    /// The payload as a `u8`.
    #[inline]
    pub fn u8(&self) -> Result<u8> {
        Ok(u8::from_ne_bytes(self.fixed()?))
    }
    /// The payload as a `u16`.
    #[inline]
    pub fn u16(&self) -> Result<u16> {
        Ok(u16::from_ne_bytes(self.fixed()?))
    }
    /// The payload as a `u32`.
    #[inline]
    pub fn u32(&self) -> Result<u32> {
        Ok(u32::from_ne_bytes(self.fixed()?))
    }
    /// The payload as a `u64`.
    #[inline]
    pub fn u64(&self) -> Result<u64> {
        Ok(u64::from_ne_bytes(self.fixed()?))
    }
    /// The payload as an `i32`.
    #[inline]
    pub fn s32(&self) -> Result<i32> {
        Ok(i32::from_ne_bytes(self.fixed()?))
    }
    /// The payload as an `i64`.
    #[inline]
    pub fn s64(&self) -> Result<i64> {
        Ok(i64::from_ne_bytes(self.fixed()?))
    }

    /// The payload as a big-endian `u16` (`NLA_BE16`), in host order.
    #[inline]
    pub fn be16(&self) -> Result<u16> {
        Ok(u16::from_be_bytes(self.fixed()?))
    }
    /// The payload as a big-endian `u32` (`NLA_BE32`), in host order.
    #[inline]
    pub fn be32(&self) -> Result<u32> {
        Ok(u32::from_be_bytes(self.fixed()?))
    }
    /// The payload as an `i8`.
    #[inline]
    pub fn s8(&self) -> Result<i8> {
        Ok(i8::from_ne_bytes(self.fixed()?))
    }
    /// The payload as an `i16`.
    #[inline]
    pub fn s16(&self) -> Result<i16> {
        Ok(i16::from_ne_bytes(self.fixed()?))
    }
    /// The payload as an `NLA_UINT`: 4 or 8 bytes, as the sender chose.
    #[inline]
    pub fn uint(&self) -> Result<u64> {
        match self.bytes().len() {
            4 => self.u32().map(u64::from),
            _ => self.u64(),
        }
    }
    /// The payload as an `NLA_SINT`: 4 or 8 bytes, as the sender chose.
    #[inline]
    pub fn sint(&self) -> Result<i64> {
        match self.bytes().len() {
            4 => self.s32().map(i64::from),
            _ => self.s64(),
        }
    }

    /// A string's bytes, up to its first NUL if it has one: the whole
    /// payload of an `NLA_STRING` ([`crate::AttrPolicy::string`], which a
    /// sender need not terminate), or a NUL-terminated string's bytes
    /// without the NUL (`nla_strscpy`'s reading).
    #[inline]
    pub fn str_bytes(&self) -> &'a [u8] {
        let b = self.bytes();
        match b.iter().position(|&c| c == 0) {
            Some(nul) => b.get(..nul).unwrap_or(b),
            None => b,
        }
    }

    /// A NUL-terminated string, as [`crate::AttrPolicy::nul_string`]
    /// guarantees; `EINVAL` for a payload without a NUL (which an
    /// [`crate::AttrPolicy::string`] may be: read those with
    /// [`Attr::str_bytes`]).
    pub fn cstr(&self) -> Result<&'a CStr> {
        let b = self.bytes();
        let nul = b.iter().position(|&c| c == 0).ok_or(EINVAL)?;
        CStr::from_bytes_with_nul(b.get(..=nul).ok_or(EINVAL)?).map_err(|_| EINVAL)
    }

    /// The attributes nested in this one, in order.
    #[inline]
    pub fn nested(&self) -> Nested<'a> {
        Nested::of(self.bytes())
    }
}

/// Iterator over nested attributes (`nla_for_each_nested`). Stops at the
/// first malformed one (the policy rejects those before a handler runs).
pub struct Nested<'a> {
    rest: &'a [u8],
}

impl<'a> Nested<'a> {
    /// The attributes encoded in `bytes`, which start 4-byte aligned
    /// within a message.
    #[inline]
    pub(crate) fn of(bytes: &'a [u8]) -> Self {
        Self { rest: bytes }
    }
}

impl<'a> Iterator for Nested<'a> {
    type Item = Attr<'a>;

    #[inline]
    fn next(&mut self) -> Option<Attr<'a>> {
        if self.rest.len() < NLA_HDRLEN {
            return None;
        }
        let len = usize::from(u16::from_ne_bytes([self.rest[0], self.rest[1]]));
        if len < NLA_HDRLEN || len > self.rest.len() {
            return None;
        }
        // SAFETY: the header and `len` payload bytes lie within `rest`,
        // readable for `'a`; `len >= NLA_HDRLEN`. Attributes are 4-aligned
        // within a message, as is `rest` (it starts at an aligned payload
        // and advances by aligned lengths).
        let attr = unsafe { Attr::from_raw(self.rest.as_ptr().cast()) };
        self.rest = &self.rest[nla_align(len).min(self.rest.len())..];
        Some(attr)
    }
}
