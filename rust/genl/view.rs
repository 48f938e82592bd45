// SPDX-License-Identifier: GPL-2.0

//! Typed reading of a request's attributes, per attribute set of a spec.
//!
//! ynl-gen-rust.py generates, for each attribute set, a type naming it
//! ([`AttrSet`]), one [`AttrId`] per attribute (its number and its
//! [`kind`](crate::kind)), and a view of the set's nests; for each
//! operation, a view of its request with one accessor per attribute the
//! request may carry. The accessors are infallible where the op's policy
//! proved the attribute's type and length before the handler ran; they
//! read within the attribute whatever its length, so even an attribute no
//! policy checked reads as some value, never out of bounds.

use crate::{
    attrs::{self, Attr, Attrs, Nested},
    bindings,
    extack::Extack,
    kind::{Get, NulStr},
};
use core::marker::PhantomData;
use kernel::{prelude::*, str::CStr};

/// An attribute set of a family's spec: a type without values that names
/// the set in [`AttrId`]s, views and [`crate::Writer`]s. Generated.
pub trait AttrSet: 'static {
    /// The generated view of a nest of this set: its accessors.
    type View<'a>;
    /// Wraps a nest of this set in its accessors.
    fn view(view: NestView<'_, Self>) -> Self::View<'_>
    where
        Self: Sized;
}

/// The attributes of no particular set: raw access ([`View::raw`],
/// [`crate::Writer`]'s untyped puts), for families whose tables are written
/// by hand.
pub enum Raw {}

impl AttrSet for Raw {
    type View<'a> = NestView<'a, Raw>;
    fn view(view: NestView<'_, Self>) -> NestView<'_, Self> {
        view
    }
}

/// Attribute number `id` of set `S`, of kind `K` (a [`crate::kind`] type:
/// how its payload reads and writes).
pub struct AttrId<S, K> {
    id: u16,
    _attr: PhantomData<fn() -> (S, K)>,
}

impl<S, K> Clone for AttrId<S, K> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<S, K> Copy for AttrId<S, K> {}

impl<S, K> AttrId<S, K> {
    /// Attribute number `id` (generated from the spec).
    #[inline]
    pub const fn new(id: u16) -> Self {
        Self {
            id,
            _attr: PhantomData,
        }
    }

    /// The attribute's number.
    #[inline]
    pub const fn id(self) -> u16 {
        self.id
    }
}

/// The top level of a request's attributes, of set `S`, as the policy
/// parsed them into a table. Two words, so that it travels in registers
/// from the generated op to the handler: the table and the extack are read
/// from `info` where they are needed.
///
/// # Invariants
///
/// `info` is the `genl_info` of a request (or dump) being handled, valid
/// for `'a`, whose `attrs` table is null or as [`Attrs::from_raw`] requires
/// with `len` entries, and whose `extack` is the request's.
pub struct View<'a, S> {
    info: &'a bindings::genl_info,
    len: usize,
    _set: PhantomData<fn() -> S>,
}

impl<S> Clone for View<'_, S> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<S> Copy for View<'_, S> {}

impl<'a, S: AttrSet> View<'a, S> {
    /// The top level of the request `info`, whose table has `len` entries.
    ///
    /// # Safety
    ///
    /// `info` is the `genl_info` of a request (or dump) being handled,
    /// valid for `'a`: `nlhdr` a whole message, `genlhdr` its genetlink
    /// header, `attrs` null or a table of `len` entries as
    /// [`Attrs::from_raw`] requires, `extack` null or the request's.
    #[inline]
    pub(crate) unsafe fn top(info: &'a bindings::genl_info, len: usize) -> Self {
        // INVARIANT: the caller's contract.
        Self {
            info,
            len,
            _set: PhantomData,
        }
    }

    /// The parsed table.
    #[inline]
    fn attrs(&self) -> Attrs<'a> {
        // SAFETY: by the type invariants the table is null or has `len`
        // validated entries, and the extack is the request's, all valid for
        // `'a`.
        unsafe { Attrs::from_raw(self.info.attrs, self.len, self.extack()) }
    }

    /// The attribute `id`: its slot, empty when the request lacks it.
    #[inline]
    pub fn get<K>(&self, id: AttrId<S, K>) -> Slot<'a, K> {
        Slot {
            attr: self.attrs().get(id.id),
            id: id.id,
            nest: None,
            extack: self.extack(),
            _kind: PhantomData,
        }
    }

    /// Every occurrence of the multi-attr attribute `id`, in order.
    #[inline]
    pub fn all<K>(&self, id: AttrId<S, K>) -> Multi<'a, K> {
        Multi::new(self.raw(), id.id, self.extack())
    }

    /// Every attribute of the request, in order, as sent: raw access, for
    /// what the spec does not describe.
    #[inline]
    pub fn raw(&self) -> Nested<'a> {
        if self.info.attrs.is_null() {
            // Without a table the core parsed nothing, so validated
            // nothing: none is seen.
            return Nested::of(&[]);
        }
        // SAFETY: by the type invariants `info` is a request being handled,
        // valid for `'a`.
        Nested::of(unsafe { attrs::encoded(self.info.nlhdr, self.info.genlhdr) })
    }

    /// The request's extack.
    #[inline]
    pub fn extack(&self) -> Extack<'a> {
        // SAFETY: by the type invariants `info->extack` is null or the
        // request's, valid for `'a`.
        unsafe { Extack::from_raw(self.info.extack) }
    }
}

/// The attributes of a nest of a request, of set `S`, which the policy
/// validated but nobody parsed: searched, as `nla_find()` would, the last of
/// several occurrences winning as in `nla_parse()`.
pub struct NestView<'a, S> {
    nest: Attr<'a>,
    extack: Extack<'a>,
    _set: PhantomData<fn() -> S>,
}

impl<S> Clone for NestView<'_, S> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<S> Copy for NestView<'_, S> {}

impl<'a, S: AttrSet> NestView<'a, S> {
    /// The attributes nested in `nest`.
    #[inline]
    pub(crate) fn new(nest: Attr<'a>, extack: Extack<'a>) -> Self {
        Self {
            nest,
            extack,
            _set: PhantomData,
        }
    }

    /// The attribute `id`: its slot, empty when the nest lacks it.
    #[inline]
    pub fn get<K>(&self, id: AttrId<S, K>) -> Slot<'a, K> {
        Slot {
            attr: self.raw().filter(|a| a.attr_type() == id.id).last(),
            id: id.id,
            nest: Some(self.nest),
            extack: self.extack,
            _kind: PhantomData,
        }
    }

    /// Every occurrence of the multi-attr attribute `id`, in order.
    #[inline]
    pub fn all<K>(&self, id: AttrId<S, K>) -> Multi<'a, K> {
        Multi::new(self.raw(), id.id, self.extack)
    }

    /// Every attribute of the nest, in order, as sent.
    #[inline]
    pub fn raw(&self) -> Nested<'a> {
        Nested::of(self.nest.bytes())
    }

    /// The request's extack.
    pub fn extack(&self) -> Extack<'a> {
        self.extack
    }
}

/// The place of attribute `K` in a request: the attribute, if sent.
pub struct Slot<'a, K> {
    attr: Option<Attr<'a>>,
    id: u16,
    nest: Option<Attr<'a>>,
    extack: Extack<'a>,
    _kind: PhantomData<fn() -> K>,
}

impl<'a, K: Get> Slot<'a, K> {
    /// Its value, if it was sent.
    #[inline]
    pub fn get(&self) -> Option<K::Value<'a>> {
        self.attr.map(|a| K::get(a, self.extack))
    }
}

impl<'a, K> Slot<'a, K> {
    /// Whether it was sent (a flag's value).
    #[inline]
    pub fn is_present(&self) -> bool {
        self.attr.is_some()
    }

    /// The attribute, if it was sent.
    #[inline]
    pub fn field(&self) -> Option<Field<'a, K>> {
        self.attr.map(|attr| Field {
            attr,
            extack: self.extack,
            _kind: PhantomData,
        })
    }

    /// The attribute, or `EINVAL` with the extack saying which is missing
    /// and from which nest (`NL_SET_ERR_ATTR_MISS`: `miss-type`,
    /// `miss-nest`).
    #[inline]
    pub fn required(&self) -> Result<Field<'a, K>> {
        // Fields by value, not `self` in a closure: the common path then
        // keeps the slot in registers.
        let (nest, id, extack) = (self.nest, self.id, self.extack);
        match self.field() {
            Some(field) => Ok(field),
            None => Err(extack.missing_in(nest, id, kernel::c_str!("missing required attribute"))),
        }
    }
}

impl<'a> Slot<'a, NulStr> {
    /// The string's bytes without its NUL, if it was sent.
    #[inline]
    pub fn bytes(&self) -> Option<&'a [u8]> {
        self.attr.map(|a| a.str_bytes())
    }
}

/// One attribute of a request, of kind `K`: its value, and the attribute
/// itself for an extack about it.
pub struct Field<'a, K> {
    attr: Attr<'a>,
    extack: Extack<'a>,
    _kind: PhantomData<fn() -> K>,
}

impl<K> Clone for Field<'_, K> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<K> Copy for Field<'_, K> {}

impl<'a, K: Get> Field<'a, K> {
    /// Its value.
    #[inline]
    pub fn get(&self) -> K::Value<'a> {
        K::get(self.attr, self.extack)
    }
}

impl<'a, K> Field<'a, K> {
    /// The attribute (raw access, and [`Attr::memdup`]).
    #[inline]
    pub fn attr(&self) -> Attr<'a> {
        self.attr
    }

    /// Sets the extack message, points the error at this attribute, and
    /// returns `err`: `return Err(field.fail(EINVAL, c_str!("...")))`.
    pub fn fail(&self, err: Error, msg: &'static CStr) -> Error {
        self.extack.fail_attr(err, &self.attr, msg)
    }
}

impl<'a> Field<'a, NulStr> {
    /// The string's bytes without its NUL.
    #[inline]
    pub fn bytes(&self) -> &'a [u8] {
        self.attr.str_bytes()
    }
}

/// The occurrences of a multi-attr attribute of kind `K`, in order.
pub struct Multi<'a, K> {
    attrs: Nested<'a>,
    id: u16,
    extack: Extack<'a>,
    _kind: PhantomData<fn() -> K>,
}

impl<'a, K> Multi<'a, K> {
    #[inline]
    fn new(attrs: Nested<'a>, id: u16, extack: Extack<'a>) -> Self {
        Self {
            attrs,
            id,
            extack,
            _kind: PhantomData,
        }
    }
}

impl<'a, K> Iterator for Multi<'a, K> {
    type Item = Field<'a, K>;

    #[inline]
    fn next(&mut self) -> Option<Field<'a, K>> {
        let id = self.id;
        self.attrs.find(|a| a.attr_type() == id).map(|attr| Field {
            attr,
            extack: self.extack,
            _kind: PhantomData,
        })
    }
}
