// SPDX-License-Identifier: GPL-2.0

//! Building genetlink messages: [`Writer`] puts attributes into an skb,
//! [`MsgBuilder`] owns a new skb holding one message.

use crate::{
    bindings,
    family::Family,
    inlined,
    kind::{IndexedArray, Nest, Put},
    net::{Gfp, Net},
    size,
    view::{AttrId, AttrSet, Raw},
};
use core::{ffi::c_void, marker::PhantomData};
use kernel::{error::code::ENOMEM, prelude::*, str::CStr};

/// `EMSGSIZE`: the skb is full (not among `kernel::error::code`'s names).
#[inline]
pub(crate) fn emsgsize() -> Error {
    Error::from_errno(-(bindings::EMSGSIZE as core::ffi::c_int))
}

/// The payload length of `len` bytes if an attribute can carry it: its
/// `nla_len` is a `u16` holding the 4-byte header too.
#[inline]
fn attr_len(len: usize) -> Result<core::ffi::c_int> {
    if len <= size::ATTR_PAYLOAD_MAX {
        Ok(len as core::ffi::c_int)
    } else {
        Err(emsgsize())
    }
}

/// Command number `id`, whose messages carry attributes of set `S` (its
/// spec's `attribute-set`). Generated from the spec.
pub struct Cmd<S> {
    id: u8,
    _set: PhantomData<fn() -> S>,
}

impl<S> Clone for Cmd<S> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<S> Copy for Cmd<S> {}

impl<S> Cmd<S> {
    /// Command number `id`.
    #[inline]
    pub const fn new(id: u8) -> Self {
        Self {
            id,
            _set: PhantomData,
        }
    }

    /// The command's number.
    #[inline]
    pub const fn id(self) -> u8 {
        self.id
    }
}

/// Puts attributes of set `S` into the message being built: typed with
/// [`Writer::put`] and [`Writer::put_nest`], untyped with the `put_*`
/// methods (raw access, for what a spec does not describe). Every put fails with
/// `EMSGSIZE` when the skb is full or the attribute would be longer than
/// `nla_len` can say ([`size::ATTR_PAYLOAD_MAX`]), leaving the message as
/// it was.
///
/// # Invariants
///
/// `skb` points to a linear skb with a message under construction,
/// exclusively ours for `'a`.
pub struct Writer<'a, S = Raw> {
    skb: *mut bindings::sk_buff,
    pad: u16,
    _skb: PhantomData<&'a mut ()>,
    _set: PhantomData<fn() -> S>,
}

impl<'a, S> Writer<'a, S> {
    /// # Safety
    ///
    /// `skb` is as the type invariants require for `'a`.
    #[inline]
    pub(crate) unsafe fn from_raw(skb: *mut bindings::sk_buff, pad: u16) -> Self {
        // INVARIANT: the caller's contract.
        Self {
            skb,
            pad,
            _skb: PhantomData,
            _set: PhantomData,
        }
    }

    /// Puts attribute `attr` with value `v`, typed by the spec. (Always
    /// inlined: a scalar is written in place, other payloads are a few
    /// instructions around the C call, fewer than a call of it.)
    #[inline(always)]
    pub fn put<K: Put>(&mut self, attr: AttrId<S, K>, v: K::In<'_>) -> Result {
        K::put(self, attr.id(), v)
    }

    /// Puts nest `attr`, whose attributes (of its set `T`) `fill` writes;
    /// on any error, or when the nest would be longer than `nla_len` can
    /// say, the whole nest is removed again.
    #[inline]
    pub fn put_nest<T: AttrSet>(
        &mut self,
        attr: AttrId<S, Nest<T>>,
        fill: impl FnOnce(&mut Writer<'_, T>) -> Result,
    ) -> Result {
        self.nest_of(attr.id(), fill)
    }

    /// Puts indexed array `attr`, whose entries `fill` adds with
    /// [`ArrayWriter::entry`]: nests of set `T`, each of the type of its
    /// index, from 0. Removed whole on error, as a nest is.
    #[inline]
    pub fn put_array<T: AttrSet>(
        &mut self,
        attr: AttrId<S, IndexedArray<T>>,
        fill: impl FnOnce(&mut ArrayWriter<'_, T>) -> Result,
    ) -> Result {
        self.nest_of(attr.id(), |w: &mut Writer<'_, Raw>| {
            fill(&mut ArrayWriter {
                writer: w.reborrow(),
                next: 0,
            })
        })
    }

    /// The same skb for a shorter lifetime, as another set's writer.
    #[inline]
    fn reborrow<T>(&mut self) -> Writer<'_, T> {
        // SAFETY: the same skb, still ours, for the borrow of `self`.
        unsafe { Writer::from_raw(self.skb, self.pad) }
    }

    #[inline(always)]
    fn put_raw(&mut self, attr_type: u16, data: &[u8]) -> Result {
        let len = attr_len(data.len())?;
        // SAFETY: by the type invariants `skb` is ours; `data` is readable
        // for `len` bytes. `nla_put` checks the tailroom.
        let ret =
            unsafe { bindings::nla_put(self.skb, attr_type.into(), len, data.as_ptr().cast()) };
        if ret < 0 {
            Err(emsgsize())
        } else {
            Ok(())
        }
    }

    /// Puts a payload of `N` bytes, `N` known at build time: written inline
    /// ([`inlined::nla_put_fixed`]).
    #[inline(always)]
    pub(crate) fn put_fixed<const N: usize>(&mut self, attr_type: u16, data: &[u8; N]) -> Result {
        // SAFETY: by the type invariants `skb` is a linear skb that is ours.
        if unsafe { inlined::nla_put_fixed(self.skb, attr_type.into(), data) }.is_null() {
            Err(emsgsize())
        } else {
            Ok(())
        }
    }

    /// Puts a `u8`.
    #[inline]
    pub fn put_u8(&mut self, attr_type: u16, v: u8) -> Result {
        self.put_fixed(attr_type, &v.to_ne_bytes())
    }
    /// Puts a `u16`.
    #[inline]
    pub fn put_u16(&mut self, attr_type: u16, v: u16) -> Result {
        self.put_fixed(attr_type, &v.to_ne_bytes())
    }
    /// Puts a `u32`.
    #[inline]
    pub fn put_u32(&mut self, attr_type: u16, v: u32) -> Result {
        self.put_fixed(attr_type, &v.to_ne_bytes())
    }
    /// Puts an `i32`.
    #[inline]
    pub fn put_s32(&mut self, attr_type: u16, v: i32) -> Result {
        self.put_fixed(attr_type, &v.to_ne_bytes())
    }
    /// Puts a `u64`, 8-byte aligned with the family's pad attribute.
    #[inline]
    pub fn put_u64(&mut self, attr_type: u16, v: u64) -> Result {
        self.put_64bit(attr_type, &v.to_ne_bytes())
    }
    /// Puts 8 bytes, 8-byte aligned with the family's pad attribute where
    /// the architecture wants it (`nla_put_64bit`, which pads only where
    /// unaligned access is slow: elsewhere, as on x86 and arm64, inline).
    #[inline(always)]
    pub(crate) fn put_64bit(&mut self, attr_type: u16, b: &[u8; 8]) -> Result {
        if cfg!(CONFIG_HAVE_EFFICIENT_UNALIGNED_ACCESS) {
            return self.put_fixed(attr_type, b);
        }
        // SAFETY: as in `put_raw`; 8 bytes are readable at `b`.
        let ret = unsafe {
            bindings::nla_put_64bit(
                self.skb,
                attr_type.into(),
                8,
                b.as_ptr().cast(),
                self.pad.into(),
            )
        };
        if ret < 0 {
            Err(emsgsize())
        } else {
            Ok(())
        }
    }
    /// Puts a flag (no payload).
    #[inline]
    pub fn put_flag(&mut self, attr_type: u16) -> Result {
        self.put_fixed(attr_type, &[])
    }
    /// Puts binary data.
    #[inline(always)]
    pub fn put_bytes(&mut self, attr_type: u16, data: &[u8]) -> Result {
        self.put_raw(attr_type, data)
    }
    /// Puts a NUL-terminated string.
    #[inline]
    pub fn put_str(&mut self, attr_type: u16, s: &CStr) -> Result {
        self.put_raw(attr_type, crate::compat::cstr_bytes_with_nul(s))
    }
    /// Puts `s` as a NUL-terminated string (the NUL is added).
    #[inline]
    pub fn put_str_bytes(&mut self, attr_type: u16, s: &[u8]) -> Result {
        let len = attr_len(s.len().saturating_add(1))?;
        // SAFETY: by the type invariants `skb` is ours; `nla_reserve` checks
        // the tailroom and returns room for `len` payload bytes or null.
        let attr = unsafe { bindings::nla_reserve(self.skb, attr_type.into(), len) };
        if attr.is_null() {
            return Err(emsgsize());
        }
        // SAFETY: the payload of `attr` is `len` writable bytes after its
        // 4-byte header; `s` does not overlap the skb's fresh tail.
        unsafe {
            let dst = attr.cast::<u8>().add(4);
            // No `memcpy` call for an empty string.
            if !s.is_empty() {
                core::ptr::copy_nonoverlapping(s.as_ptr(), dst, s.len());
            }
            *dst.add(s.len()) = 0;
        }
        Ok(())
    }

    /// Appends already-encoded attributes verbatim (at most
    /// [`size::PAYLOAD_MAX`] bytes), padded to 4 bytes so that what follows
    /// stays aligned (`nla_append`, with the padding it leaves out).
    #[inline]
    pub fn put_encoded(&mut self, encoded: &[u8]) -> Result {
        if encoded.len() > size::PAYLOAD_MAX {
            return Err(emsgsize());
        }
        let padded = size::align4(encoded.len());
        // SAFETY: by the type invariants `skb` is a linear skb that is ours.
        let dst = unsafe { inlined::skb_put_checked(self.skb, padded) };
        if dst.is_null() {
            return Err(emsgsize());
        }
        // SAFETY: `dst` is `padded` fresh bytes of the skb, which `encoded`
        // (not in it) does not overlap. The padding is zeroed by zeroing
        // the last 4-byte word before the copy (no `memset()` call for up
        // to 3 bytes).
        unsafe {
            if padded != 0 {
                dst.add(padded - 4).cast::<u32>().write_unaligned(0);
            }
            core::ptr::copy_nonoverlapping(encoded.as_ptr(), dst, encoded.len());
        }
        Ok(())
    }

    /// Puts a nested attribute whose contents `fill` writes; on any error,
    /// or when the nest would be longer than `nla_len` can say, the whole
    /// nest is removed again.
    #[inline]
    pub fn nest(&mut self, attr_type: u16, fill: impl FnOnce(&mut Writer<'_>) -> Result) -> Result {
        self.nest_of(attr_type, fill)
    }

    #[inline]
    fn nest_of<T>(
        &mut self,
        attr_type: u16,
        fill: impl FnOnce(&mut Writer<'_, T>) -> Result,
    ) -> Result {
        // SAFETY: by the type invariants `skb` is ours.
        let start = unsafe { inlined::nla_nest_start(self.skb, attr_type) };
        if start.is_null() {
            return Err(emsgsize());
        }
        // SAFETY: the same skb, still ours, for a shorter lifetime.
        let mut inner = unsafe { Writer::from_raw(self.skb, self.pad) };
        match fill(&mut inner) {
            Ok(()) => {
                // SAFETY: `start` was returned by `nla_nest_start` on `skb`;
                // a nest too long is cancelled there.
                if unsafe { inlined::nla_nest_end_checked(self.skb, start) } < 0 {
                    return Err(emsgsize());
                }
                Ok(())
            }
            Err(e) => {
                // SAFETY: as above; trims the skb back to `start`.
                unsafe { bindings::rgnl_nla_nest_cancel(self.skb, start) };
                Err(e)
            }
        }
    }
}

/// Adds the entries of an indexed array ([`Writer::put_array`]).
pub struct ArrayWriter<'a, T> {
    writer: Writer<'a, T>,
    next: u16,
}

impl<T> ArrayWriter<'_, T> {
    /// Adds an entry, a nest of set `T` that `fill` writes.
    #[inline]
    pub fn entry(&mut self, fill: impl FnOnce(&mut Writer<'_, T>) -> Result) -> Result {
        let index = self.next;
        self.writer.nest_of(index, fill)?;
        self.next = index.wrapping_add(1);
        Ok(())
    }
}

/// A new skb holding one genetlink message of family `F` whose attributes
/// are of set `S`, freed on drop unless sent.
///
/// # Invariants
///
/// `skb` is a valid linear skb we own (`genlmsg_new`'s: a plain
/// `alloc_skb`, no fragments); `hdr` is the user header `genlmsg_put`
/// returned for the message in it.
pub struct MsgBuilder<F: Family, S = Raw> {
    skb: *mut bindings::sk_buff,
    hdr: *mut c_void,
    _family: PhantomData<(F, fn() -> S)>,
}

impl<F: Family, S> MsgBuilder<F, S> {
    /// A message that no request asked for (an event): command `cmd`,
    /// port id and sequence number 0, room for `payload` bytes of
    /// attributes, allocated as `gfp` allows. Send it with `net`, which
    /// also proves the family registered (the header is filled from its
    /// `genl_family`) and its mutex held.
    pub fn event(_net: &Net<'_, F>, cmd: Cmd<S>, payload: usize, gfp: Gfp) -> Result<Self> {
        Self::new(payload, 0, 0, 0, cmd.id(), gfp)
    }

    /// A message of family `F` with command `cmd`, addressed with `portid`
    /// and `seq`, room for `payload` bytes of attributes (`EMSGSIZE` past
    /// [`size::PAYLOAD_MAX`]). Its header names the family's id, which is
    /// 0 (and the message useless) unless the family is registered.
    #[inline]
    pub(crate) fn new(
        payload: usize,
        portid: u32,
        seq: u32,
        flags: u16,
        cmd: u8,
        gfp: Gfp,
    ) -> Result<Self> {
        if payload > size::PAYLOAD_MAX {
            return Err(emsgsize());
        }
        let skb = inlined::genlmsg_new(payload, gfp.raw());
        if skb.is_null() {
            return Err(ENOMEM);
        }
        // SAFETY: `skb` is ours and has room for the headers; the family
        // storage is registered while handlers run.
        let hdr = unsafe {
            bindings::genlmsg_put(
                skb,
                portid,
                seq,
                F::storage().family_ptr(),
                flags.into(),
                cmd,
            )
        };
        if hdr.is_null() {
            // SAFETY: `skb` is ours and not sent.
            unsafe { bindings::rgnl_nlmsg_free(skb) };
            return Err(emsgsize());
        }
        // INVARIANT: both set above.
        Ok(Self {
            skb,
            hdr,
            _family: PhantomData,
        })
    }

    /// The attribute writer of the message.
    pub fn writer(&mut self) -> Writer<'_, S> {
        // SAFETY: by the type invariants the skb is linear, with a message
        // under construction, and ours for `'_`.
        unsafe { Writer::from_raw(self.skb, F::PAD_ATTR) }
    }

    /// Finalises the header and hands the skb over; the caller sends it.
    pub(crate) fn finish(self) -> *mut bindings::sk_buff {
        let this = core::mem::ManuallyDrop::new(self);
        // SAFETY: by the type invariants `hdr` belongs to the message in
        // `skb`.
        unsafe { inlined::genlmsg_end(this.skb, this.hdr) };
        this.skb
    }
}

impl<F: Family, S> Drop for MsgBuilder<F, S> {
    fn drop(&mut self) {
        // SAFETY: by the type invariants the unsent skb is ours.
        unsafe { bindings::rgnl_nlmsg_free(self.skb) };
    }
}
