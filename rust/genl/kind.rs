// SPDX-License-Identifier: GPL-2.0

//! Attribute kinds: how the payload of each YNL attribute type reads
//! ([`Get`]) and writes ([`Put`]), one type per YNL type, as ynl-gen-c has
//! one class per attribute type.
//!
//! Reads are infallible: the op's policy proved the length before the
//! handler ran (`NLA_U32` is 4 bytes, `NLA_UINT` 4 or 8, `NLA_NUL_STRING`
//! holds a NUL). They read within the payload whatever its length all the
//! same (a shorter one reads as zeros, a string without a NUL as empty):
//! the value of an attribute nobody checked is wrong, never out of bounds.

use crate::{
    attrs::Attr,
    extack::Extack,
    msg::Writer,
    view::{AttrSet, NestView},
};
use core::marker::PhantomData;
use kernel::{prelude::*, str::CStr};

/// A kind whose value a handler reads.
pub trait Get {
    /// The value, borrowing from the request.
    type Value<'a>;
    /// Reads `attr`'s value.
    fn get<'a>(attr: Attr<'a>, extack: Extack<'a>) -> Self::Value<'a>;
}

/// A kind a writer puts.
pub trait Put {
    /// What is put.
    type In<'b>;
    /// Puts `v` as attribute `attr_type` (`EMSGSIZE` when it does not fit).
    fn put<S>(w: &mut Writer<'_, S>, attr_type: u16, v: Self::In<'_>) -> Result;
}

/// The first `N` bytes of `b`, zeros where it is shorter. (The policy
/// holds integers to their size: the first branch, one load.)
#[inline]
fn head<const N: usize>(b: &[u8]) -> [u8; N] {
    if let Some(head) = b.first_chunk::<N>() {
        return *head;
    }
    let mut out = [0; N];
    for (o, i) in out.iter_mut().zip(b) {
        *o = *i;
    }
    out
}

macro_rules! int_kind {
    ($(#[$doc:meta])* $kind:ident, $ty:ty, $from:ident, $to:ident, $put:ident) => {
        $(#[$doc])*
        pub enum $kind {}

        impl Get for $kind {
            type Value<'a> = $ty;
            #[inline]
            fn get<'a>(attr: Attr<'a>, _: Extack<'a>) -> $ty {
                <$ty>::$from(head(attr.bytes()))
            }
        }

        impl Put for $kind {
            type In<'b> = $ty;
            #[inline(always)]
            fn put<S>(w: &mut Writer<'_, S>, attr_type: u16, v: $ty) -> Result {
                w.$put(attr_type, &v.$to())
            }
        }
    };
}

int_kind!(
    /// `u8`.
    U8, u8, from_ne_bytes, to_ne_bytes, put_fixed
);
int_kind!(
    /// `u16`.
    U16, u16, from_ne_bytes, to_ne_bytes, put_fixed
);
int_kind!(
    /// `u32`.
    U32, u32, from_ne_bytes, to_ne_bytes, put_fixed
);
int_kind!(
    /// `u64`, 8-byte aligned with the family's pad attribute.
    U64, u64, from_ne_bytes, to_ne_bytes, put_64bit
);
int_kind!(
    /// `s8`.
    S8, i8, from_ne_bytes, to_ne_bytes, put_fixed
);
int_kind!(
    /// `s16`.
    S16, i16, from_ne_bytes, to_ne_bytes, put_fixed
);
int_kind!(
    /// `s32`.
    S32, i32, from_ne_bytes, to_ne_bytes, put_fixed
);
int_kind!(
    /// `s64`, 8-byte aligned with the family's pad attribute.
    S64, i64, from_ne_bytes, to_ne_bytes, put_64bit
);
int_kind!(
    /// `u16` with `byte-order: big-endian`, in host order.
    Be16, u16, from_be_bytes, to_be_bytes, put_fixed
);
int_kind!(
    /// `u32` with `byte-order: big-endian`, in host order.
    Be32, u32, from_be_bytes, to_be_bytes, put_fixed
);

macro_rules! auto_int_kind {
    ($(#[$doc:meta])* $kind:ident, $ty:ty, $short:ty) => {
        $(#[$doc])*
        pub enum $kind {}

        impl Get for $kind {
            type Value<'a> = $ty;
            #[inline]
            fn get<'a>(attr: Attr<'a>, _: Extack<'a>) -> $ty {
                let b = attr.bytes();
                match b.len() {
                    4 => <$short>::from_ne_bytes(head(b)).into(),
                    _ => <$ty>::from_ne_bytes(head(b)),
                }
            }
        }

        impl Put for $kind {
            type In<'b> = $ty;
            #[inline]
            fn put<S>(w: &mut Writer<'_, S>, attr_type: u16, v: $ty) -> Result {
                match <$short>::try_from(v) {
                    Ok(v) => w.put_fixed(attr_type, &v.to_ne_bytes()),
                    Err(_) => w.put_fixed(attr_type, &v.to_ne_bytes()),
                }
            }
        }
    };
}

auto_int_kind!(
    /// `uint` (`NLA_UINT`): sent in 4 or 8 bytes, as the sender chose; put
    /// in the fewest, as `nla_put_uint()` does.
    Uint, u64, u32
);
auto_int_kind!(
    /// `sint` (`NLA_SINT`): 4 or 8 bytes in, the fewest out
    /// (`nla_put_sint()`).
    Sint, i64, i32
);

/// `pad`: the alignment filler of 64-bit attributes, which the layer puts
/// itself; neither read nor put.
pub enum Pad {}

/// `flag`: present or not. Read with [`crate::Slot::is_present`]; put
/// when `true`.
pub enum Flag {}

impl Put for Flag {
    type In<'b> = bool;
    #[inline]
    fn put<S>(w: &mut Writer<'_, S>, attr_type: u16, v: bool) -> Result {
        if v {
            w.put_fixed(attr_type, &[])
        } else {
            Ok(())
        }
    }
}

/// `string` (`NLA_NUL_STRING`): read up to its NUL; put from bytes, the
/// NUL added.
pub enum NulStr {}

impl Get for NulStr {
    type Value<'a> = &'a CStr;
    #[inline]
    fn get<'a>(attr: Attr<'a>, _: Extack<'a>) -> &'a CStr {
        attr.cstr().unwrap_or(kernel::c_str!(""))
    }
}

impl Put for NulStr {
    type In<'b> = &'b [u8];
    #[inline]
    fn put<S>(w: &mut Writer<'_, S>, attr_type: u16, v: &[u8]) -> Result {
        w.put_str_bytes(attr_type, v)
    }
}

/// `string` with `unterminated-ok` (`NLA_STRING`): its bytes, up to a NUL
/// if it has one; put as [`NulStr`] is.
pub enum Str {}

impl Get for Str {
    type Value<'a> = &'a [u8];
    #[inline]
    fn get<'a>(attr: Attr<'a>, _: Extack<'a>) -> &'a [u8] {
        attr.str_bytes()
    }
}

impl Put for Str {
    type In<'b> = &'b [u8];
    #[inline]
    fn put<S>(w: &mut Writer<'_, S>, attr_type: u16, v: &[u8]) -> Result {
        w.put_str_bytes(attr_type, v)
    }
}

/// `binary` (and the types the layer carries as bytes: structs,
/// `bitfield32`).
pub enum Binary {}

impl Get for Binary {
    type Value<'a> = &'a [u8];
    #[inline]
    fn get<'a>(attr: Attr<'a>, _: Extack<'a>) -> &'a [u8] {
        attr.bytes()
    }
}

impl Put for Binary {
    type In<'b> = &'b [u8];
    #[inline]
    fn put<S>(w: &mut Writer<'_, S>, attr_type: u16, v: &[u8]) -> Result {
        w.put_bytes(attr_type, v)
    }
}

/// `bitfield32` (`struct nla_bitfield32`): which bits to change
/// (`selector`) and to what (`value`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Bitfield32 {
    /// The bits' new values.
    pub value: u32,
    /// The bits to change.
    pub selector: u32,
}

impl Get for Bitfield32 {
    type Value<'a> = Bitfield32;
    #[inline]
    fn get<'a>(attr: Attr<'a>, _: Extack<'a>) -> Bitfield32 {
        let b: [u8; 8] = head(attr.bytes());
        let [v0, v1, v2, v3, s0, s1, s2, s3] = b;
        Bitfield32 {
            value: u32::from_ne_bytes([v0, v1, v2, v3]),
            selector: u32::from_ne_bytes([s0, s1, s2, s3]),
        }
    }
}

impl Put for Bitfield32 {
    type In<'b> = Bitfield32;
    #[inline]
    fn put<S>(w: &mut Writer<'_, S>, attr_type: u16, v: Bitfield32) -> Result {
        let [v0, v1, v2, v3] = v.value.to_ne_bytes();
        let [s0, s1, s2, s3] = v.selector.to_ne_bytes();
        w.put_fixed(attr_type, &[v0, v1, v2, v3, s0, s1, s2, s3])
    }
}

/// `nest` of set `T`: read as the set's view; put with
/// [`Writer::put_nest`].
pub struct Nest<T>(PhantomData<fn() -> T>);

impl<T: AttrSet> Get for Nest<T> {
    type Value<'a> = T::View<'a>;
    #[inline]
    fn get<'a>(attr: Attr<'a>, extack: Extack<'a>) -> T::View<'a> {
        T::view(NestView::new(attr, extack))
    }
}

/// `indexed-array` of nests of set `T` (`NLA_POLICY_NESTED_ARRAY`): read
/// as an iterator of the entries' views; put with [`Writer::put_array`].
pub struct IndexedArray<T>(PhantomData<fn() -> T>);

impl<T: AttrSet> Get for IndexedArray<T> {
    type Value<'a> = Entries<'a, T>;
    #[inline]
    fn get<'a>(attr: Attr<'a>, extack: Extack<'a>) -> Entries<'a, T> {
        Entries {
            entries: attr.nested(),
            extack,
            _set: PhantomData,
        }
    }
}

/// The entries of an indexed array, in order, each a view of set `T`.
pub struct Entries<'a, T> {
    entries: crate::attrs::Nested<'a>,
    extack: Extack<'a>,
    _set: PhantomData<fn() -> T>,
}

impl<'a, T: AttrSet> Iterator for Entries<'a, T> {
    type Item = T::View<'a>;

    #[inline]
    fn next(&mut self) -> Option<T::View<'a>> {
        let entry = self.entries.next()?;
        Some(T::view(NestView::new(entry, self.extack)))
    }
}

/// An enum of the spec, generated as a Rust enum.
pub trait EnumValue: Copy {
    /// Its value.
    fn value(self) -> u32;
}

/// An enum whose values a policy checks (`NLA_POLICY_MAX`/`RANGE`, or
/// [`crate::AttrPolicy::one_of`] for a sparse one): every value it lets
/// through has a variant.
pub trait CheckedEnum: EnumValue {
    /// The variant of `v`, a value the policy let through (others read as
    /// the nearest variant).
    fn from_validated(v: u32) -> Self;
}

/// An integer kind an enum is carried in: `u8`, `u16` or `u32`.
pub trait EnumBase {
    /// The value of `attr`, widened.
    fn get_u32(attr: Attr<'_>) -> u32;
    /// Puts `v` (a generated enum's value, which fits) in this width.
    fn put_u32<S>(w: &mut Writer<'_, S>, attr_type: u16, v: u32) -> Result;
}

macro_rules! enum_base {
    ($kind:ident, $ty:ty) => {
        impl EnumBase for $kind {
            #[inline]
            fn get_u32(attr: Attr<'_>) -> u32 {
                <$ty>::from_ne_bytes(head(attr.bytes())).into()
            }
            #[inline]
            fn put_u32<S>(w: &mut Writer<'_, S>, attr_type: u16, v: u32) -> Result {
                w.put_fixed(attr_type, &(v as $ty).to_ne_bytes())
            }
        }
    };
}
enum_base!(U8, u8);
enum_base!(U16, u16);
enum_base!(U32, u32);

/// An attribute of integer kind `B` whose values are enum `E`'s.
pub struct Enum<E, B>(PhantomData<fn() -> (E, B)>);

impl<E: CheckedEnum, B: EnumBase> Get for Enum<E, B> {
    type Value<'a> = E;
    #[inline]
    fn get<'a>(attr: Attr<'a>, _: Extack<'a>) -> E {
        E::from_validated(B::get_u32(attr))
    }
}

impl<E: EnumValue, B: EnumBase> Put for Enum<E, B> {
    type In<'b> = E;
    #[inline]
    fn put<S>(w: &mut Writer<'_, S>, attr_type: u16, v: E) -> Result {
        B::put_u32(w, attr_type, v.value())
    }
}
