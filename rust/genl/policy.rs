// SPDX-License-Identifier: GPL-2.0

//! Attribute validation policies (`struct nla_policy`), built at compile time.
//!
//! A policy is an array indexed by attribute type. The genetlink core
//! validates every request strictly against the policy of its operation
//! before the handler runs: wrong type or length, values out of range,
//! attributes the policy does not name (`NLA_UNSPEC`), and trailing garbage
//! are all rejected with an extack message pointing at the attribute.
//!
//! A [`Policy`] is only built by [`policy`], from `(type, rule)` pairs:
//! its entry 0, which the kernel reads as `strict_start_type` (and reports
//! in policy dumps), is always the empty rule, and every type fits the
//! 14 bits of `nla_type` that name a type.
//!
//! ```ignore
//! static ENTRY_POLICY: Policy<[AttrPolicy; ATTR_MAX + 1]> = policy(&[
//!     (ATTR_KEY, AttrPolicy::nul_string(64)),
//!     (ATTR_TAG, AttrPolicy::u32()),
//! ]);
//! // An op's or a nest's policy, whatever its length:
//! const POLICY: &Policy = &ENTRY_POLICY;
//! ```

use crate::bindings;

/// The attribute types a policy can name: `nla_type`'s top two bits are
/// the nested and byte-order flags, so types stop at 0x3fff.
pub const ATTR_TYPE_MAX: u16 = 0x3fff;

/// A policy: rules indexed by attribute type, entry 0 empty. `Policy` is
/// the unsized form ops and nests take (`&Policy`); [`policy`] builds a
/// `Policy<[AttrPolicy; N]>`, which coerces to it.
#[repr(transparent)]
pub struct Policy<T: ?Sized = [AttrPolicy]>(T);

impl Policy {
    /// The policy of a request that takes no attributes.
    pub const NONE: &'static Policy = &Policy([]);

    /// The number of entries: the highest attribute type plus one (0 for
    /// [`Policy::NONE`]).
    #[inline]
    pub const fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the policy has no entries.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    #[inline]
    pub(crate) const fn as_ptr(&self) -> *const bindings::nla_policy {
        self.0.as_ptr().cast()
    }
}

/// The validation rule for one attribute type.
///
/// # Invariants
///
/// Any pointer in it (nested policy, range, reject message) points to
/// `'static` data matching the rule's type.
#[repr(transparent)]
#[derive(Clone, Copy)]
pub struct AttrPolicy(bindings::nla_policy);

// SAFETY: an `nla_policy` is immutable data the kernel only reads; the
// pointers it may hold (nested policies, range tables) point to `'static`
// data of the same kind.
unsafe impl Sync for AttrPolicy {}
// SAFETY: as for `Sync`: nothing in it is tied to a thread.
unsafe impl Send for AttrPolicy {}

/// A 64-bit range for [`AttrPolicy::range_u64`].
#[repr(transparent)]
pub struct RangeU64(bindings::netlink_range_validation);

impl RangeU64 {
    /// The inclusive range `min..=max`.
    #[inline]
    pub const fn new(min: u64, max: u64) -> Self {
        assert!(min <= max, "a range's minimum must not exceed its maximum");
        Self(bindings::netlink_range_validation { min, max })
    }
}

/// The union of an `nla_policy` with all its bytes zero (through its
/// widest member): the kernel reads members other than the one a rule
/// sets (`min`/`max` of any integer in policy dumps), so none may be left
/// uninitialised.
#[inline]
const fn zeroed_anon() -> bindings::nla_policy__bindgen_ty_1 {
    bindings::nla_policy__bindgen_ty_1 {
        nested_policy: core::ptr::null(),
    }
}

/// An enum whose values are not one range ([`AttrPolicy::one_of`]).
/// Generated with the enum.
pub trait SparseEnum {
    /// Every value of the enum.
    const VALUES: &'static [u32];
}

/// The validation function of [`AttrPolicy::one_of`] on an integer of `W`
/// bytes: its value, read as the accessors read it (its first `W` bytes,
/// zeros past a shorter one), must be one of `E`'s.
///
/// # Safety
///
/// Only the kernel calls it, validating an attribute with such a policy:
/// `attr` is a whole attribute (`nla_ok`), readable; `extack` null or
/// valid. (Its length is `W` under strict validation; a liberal one only
/// checks that it is not shorter.)
#[cfg(rgnl_kernel_7)]
unsafe extern "C" fn validate_one_of<E: SparseEnum, const W: usize>(
    attr: *const bindings::nlattr,
    extack: *mut bindings::netlink_ext_ack,
) -> core::ffi::c_int {
    // SAFETY: the caller's contract: a whole, readable attribute.
    let attr = unsafe { crate::attrs::Attr::from_raw(attr) };
    let mut le = [0u8; 4];
    for (o, i) in le.iter_mut().zip(attr.bytes().iter().take(W)) {
        *o = *i;
    }
    let value = match W {
        1 => u32::from(le[0]),
        2 => u32::from(u16::from_ne_bytes([le[0], le[1]])),
        _ => u32::from_ne_bytes(le),
    };
    if E::VALUES.contains(&value) {
        return 0;
    }
    // SAFETY: `extack` is null or valid during the call.
    let extack = unsafe { crate::extack::Extack::from_raw(extack) };
    extack
        .fail_attr(
            kernel::error::code::EINVAL,
            &attr,
            kernel::c_str!("invalid enum value"),
        )
        .to_errno()
}

impl AttrPolicy {
    #[inline]
    const fn of(nla_type: u32, len: u16) -> Self {
        Self(bindings::nla_policy {
            type_: nla_type as u8,
            validation_type: 0,
            len,
            __bindgen_anon_1: zeroed_anon(),
        })
    }

    /// Not accepted: `NLA_UNSPEC`, which strict validation rejects. The
    /// policy of an attribute an operation does not take.
    #[inline]
    pub const fn unspec() -> Self {
        Self::of(bindings::NLA_UNSPEC, 0)
    }
    /// An unsigned 8-bit integer.
    #[inline]
    pub const fn u8() -> Self {
        Self::of(bindings::NLA_U8, 0)
    }
    /// An unsigned 16-bit integer.
    #[inline]
    pub const fn u16() -> Self {
        Self::of(bindings::NLA_U16, 0)
    }
    /// An unsigned 32-bit integer.
    #[inline]
    pub const fn u32() -> Self {
        Self::of(bindings::NLA_U32, 0)
    }
    /// An unsigned 64-bit integer.
    #[inline]
    pub const fn u64() -> Self {
        Self::of(bindings::NLA_U64, 0)
    }
    /// An unsigned integer of 32 or 64 bits, as the sender chose
    /// (`NLA_UINT`).
    #[inline]
    pub const fn uint() -> Self {
        Self::of(bindings::NLA_UINT, 0)
    }
    /// A big-endian unsigned 16-bit integer.
    #[inline]
    pub const fn be16() -> Self {
        Self::of(bindings::NLA_BE16, 0)
    }
    /// A big-endian unsigned 32-bit integer.
    #[inline]
    pub const fn be32() -> Self {
        Self::of(bindings::NLA_BE32, 0)
    }
    /// A signed 8-bit integer.
    #[inline]
    pub const fn s8() -> Self {
        Self::of(bindings::NLA_S8, 0)
    }
    /// A signed 16-bit integer.
    #[inline]
    pub const fn s16() -> Self {
        Self::of(bindings::NLA_S16, 0)
    }
    /// A signed 32-bit integer.
    #[inline]
    pub const fn s32() -> Self {
        Self::of(bindings::NLA_S32, 0)
    }
    /// A signed 64-bit integer.
    #[inline]
    pub const fn s64() -> Self {
        Self::of(bindings::NLA_S64, 0)
    }
    /// A signed integer of 32 or 64 bits, as the sender chose (`NLA_SINT`).
    #[inline]
    pub const fn sint() -> Self {
        Self::of(bindings::NLA_SINT, 0)
    }
    /// A flag: present or absent, no payload.
    #[inline]
    pub const fn flag() -> Self {
        Self::of(bindings::NLA_FLAG, 0)
    }
    /// A NUL-terminated string of 1 to `max_len` bytes before the NUL
    /// (`max_len` at least 1: the kernel reads 0 as "unbounded").
    #[inline]
    pub const fn nul_string(max_len: u16) -> Self {
        assert!(max_len > 0, "a string's maximum length must be at least 1");
        Self::of(bindings::NLA_NUL_STRING, max_len)
    }
    /// A NUL-terminated string of any length.
    #[inline]
    pub const fn nul_string_unbounded() -> Self {
        Self::of(bindings::NLA_NUL_STRING, 0)
    }
    /// A string of 1 to `max_len` bytes, NUL-terminated or not (`NLA_STRING`;
    /// `max_len` at least 1, as for [`AttrPolicy::nul_string`]).
    #[inline]
    pub const fn string(max_len: u16) -> Self {
        assert!(max_len > 0, "a string's maximum length must be at least 1");
        Self::of(bindings::NLA_STRING, max_len)
    }
    /// A string of any length, NUL-terminated or not.
    #[inline]
    pub const fn string_unbounded() -> Self {
        Self::of(bindings::NLA_STRING, 0)
    }
    /// Binary data of exactly `len` bytes (`NLA_POLICY_EXACT_LEN`).
    #[inline]
    pub const fn exact_len(len: u16) -> Self {
        assert!(
            len <= i16::MAX as u16,
            "an exact length is at most i16::MAX (the kernel's field)"
        );
        Self::of(bindings::NLA_BINARY, 0).with_range(
            bindings::NLA_VALIDATE_RANGE,
            len as i16,
            len as i16,
        )
    }
    /// Binary data of `min_len` to `max_len` bytes, `1 <= min_len <= max_len
    /// <= i16::MAX`: `NLA_POLICY_RANGE(NLA_BINARY, min, max)`.
    #[inline]
    pub const fn binary_range(min_len: u16, max_len: u16) -> Self {
        assert!(
            min_len > 0 && min_len <= max_len && max_len <= i16::MAX as u16,
            "a binary's minimum length must be 1 to its maximum length"
        );
        Self::of(bindings::NLA_BINARY, 0).with_range(
            bindings::NLA_VALIDATE_RANGE,
            min_len as i16,
            max_len as i16,
        )
    }
    /// `{ .len = min_len }` without a type (`NLA_UNSPEC`): how 6.12's
    /// ynl-gen-c writes a binary whose only check is `min-len`. Strict
    /// validation refuses the attribute (an unspecified type); liberal
    /// validation ([`crate::SplitOp::dont_validate_strict`]) takes it with
    /// at least `min_len` bytes. Elsewhere, [`AttrPolicy::min_len`] says
    /// what is meant.
    #[inline]
    pub const fn unspec_min_len(min_len: u16) -> Self {
        assert!(
            min_len > 0,
            "an unspecified attribute's minimum length must be at least 1"
        );
        Self::of(bindings::NLA_UNSPEC, min_len)
    }
    /// Binary data of any length.
    #[inline]
    pub const fn binary_unbounded() -> Self {
        Self::of(bindings::NLA_BINARY, 0)
    }
    /// Binary data of 0 to `max_len` bytes: `NLA_POLICY_MAX_LEN`, as
    /// ynl-gen-c generates for a `max-len` check (nlctrl does not report
    /// this form's maximum). `max_len` is 1 to `i16::MAX`, the kernel's
    /// field.
    #[inline]
    pub const fn binary(max_len: u16) -> Self {
        assert!(
            max_len > 0 && max_len <= i16::MAX as u16,
            "a binary's maximum length must be 1 to i16::MAX"
        );
        Self::of(bindings::NLA_BINARY, 0).with_range(bindings::NLA_VALIDATE_MAX, 0, max_len as i16)
    }
    /// A nested attribute set, validated against `policy` (indexed by the
    /// nested attribute types).
    #[inline]
    pub const fn nested(policy: &'static Policy) -> Self {
        Self::of_nested(bindings::NLA_NESTED, policy)
    }
    /// An indexed array (`NLA_POLICY_NESTED_ARRAY`): a nest of nests, each
    /// validated with `policy` (their own types are indexes, not checked).
    #[inline]
    pub const fn nested_array(policy: &'static Policy) -> Self {
        Self::of_nested(bindings::NLA_NESTED_ARRAY, policy)
    }
    /// A rule of type `nla_type` whose nested attributes `policy` checks.
    #[inline]
    const fn of_nested(nla_type: u32, policy: &'static Policy) -> Self {
        assert!(
            policy.len() >= 2,
            "a nested policy names at least one attribute type (type 0 is never valid)"
        );
        let mut p = Self::of(nla_type, (policy.len() - 1) as u16);
        p.0.__bindgen_anon_1 = bindings::nla_policy__bindgen_ty_1 {
            nested_policy: policy.as_ptr(),
        };
        p
    }
    /// A `struct nla_bitfield32` whose value and selector may only set the
    /// bits of `valid` (`NLA_POLICY_BITFIELD32`).
    #[inline]
    pub const fn bitfield32(valid: u32) -> Self {
        let mut p = Self::of(bindings::NLA_BITFIELD32, 0);
        // A write of the member alone keeps the union's other bytes zero.
        p.0.__bindgen_anon_1.bitfield32_valid = valid;
        p
    }
    /// An attribute that is always refused, with `msg` as the extack message
    /// (shorter than an attribute can carry, as the ACK reports it in one).
    #[inline]
    pub const fn reject(msg: &'static kernel::str::CStr) -> Self {
        assert!(
            crate::compat::cstr_len(msg) < crate::size::ATTR_PAYLOAD_MAX,
            "an extack message is shorter than an attribute can carry (65531 bytes)"
        );
        let mut p = Self::of(bindings::NLA_REJECT, 0);
        p.0.__bindgen_anon_1 = bindings::nla_policy__bindgen_ty_1 {
            reject_message: crate::compat::cstr_ptr(msg).cast(),
        };
        p
    }

    /// Restricts an integer to `min..=max`, checked by the kernel. Both
    /// bounds must fit in an `s16` (the inline range of `nla_policy`), and
    /// be within the type (not negative for an unsigned one, which the
    /// kernel `WARN`s about); use [`AttrPolicy::range_u64`] for wider
    /// ranges.
    #[inline]
    pub const fn range(self, min: i16, max: i16) -> Self {
        self.check_range(min, max);
        self.with_range(bindings::NLA_VALIDATE_RANGE, min, max)
    }

    /// Restricts an integer to at least `min` (`NLA_POLICY_MIN`), with the
    /// bounds of [`AttrPolicy::range`].
    #[inline]
    pub const fn min(self, min: i16) -> Self {
        self.check_range(min, min);
        self.with_range(bindings::NLA_VALIDATE_MIN, min, 0)
    }

    /// Restricts an integer to at most `max` (`NLA_POLICY_MAX`), with the
    /// bounds of [`AttrPolicy::range`].
    #[inline]
    pub const fn max(self, max: i16) -> Self {
        self.check_range(max, max);
        self.with_range(bindings::NLA_VALIDATE_MAX, 0, max)
    }

    /// Restricts an unsigned integer to the bits of `mask`
    /// (`NLA_POLICY_MASK`).
    #[inline]
    pub const fn mask(mut self, mask: u32) -> Self {
        assert!(
            is_unsigned(self.0.type_ as u32),
            "only unsigned integers take a mask"
        );
        self.0.validation_type = bindings::NLA_VALIDATE_MASK as u8;
        // A write of the member alone keeps the union's other bytes.
        self.0.__bindgen_anon_1.mask = mask;
        self
    }

    /// Restricts an integer of at most 32 bits to the values of `E`, an
    /// enum whose values are not one range: a validation function the
    /// kernel calls checks them (`NLA_POLICY_VALIDATE_FN`, as ynl-gen-c
    /// writes a sparse enum's), refusing others with "invalid enum value".
    ///
    /// Linux 7.x only: 6.12's nlctrl reads such a policy's function pointer
    /// as a range, and `WARN`s on it (ynl-gen-c of 6.12 writes a sparse
    /// enum's range instead: the generator does too).
    #[cfg(rgnl_kernel_7)]
    #[inline]
    pub const fn one_of<E: SparseEnum>(mut self) -> Self {
        let validate: unsafe extern "C" fn(
            *const bindings::nlattr,
            *mut bindings::netlink_ext_ack,
        ) -> core::ffi::c_int = match self.0.type_ as u32 {
            bindings::NLA_U8 => validate_one_of::<E, 1>,
            bindings::NLA_U16 => validate_one_of::<E, 2>,
            bindings::NLA_U32 => validate_one_of::<E, 4>,
            _ => panic!("only u8, u16 and u32 take an enum's values"),
        };
        self.0.validation_type = bindings::NLA_VALIDATE_FUNCTION as u8;
        self.0.__bindgen_anon_1 = bindings::nla_policy__bindgen_ty_1 {
            validate: Some(validate),
        };
        self
    }

    /// The checks of [`AttrPolicy::range`] for `min..=max`.
    #[inline]
    const fn check_range(&self, min: i16, max: i16) {
        assert!(min <= max, "a range's minimum must not exceed its maximum");
        let t = self.0.type_ as u32;
        assert!(is_integer(t), "only integers take a range");
        assert!(
            is_signed(t) || min >= 0,
            "an unsigned integer's range must not be negative"
        );
        assert!(
            t != bindings::NLA_U8 || max <= u8::MAX as i16,
            "the range does not fit an 8-bit integer"
        );
        assert!(
            t != bindings::NLA_S8 || (min >= i8::MIN as i16 && max <= i8::MAX as i16),
            "the range does not fit an 8-bit integer"
        );
    }

    #[inline]
    const fn with_range(mut self, validation: u32, min: i16, max: i16) -> Self {
        self.0.validation_type = validation as u8;
        // A write of the member alone keeps the union's other bytes.
        self.0.__bindgen_anon_1.__bindgen_anon_1 =
            bindings::nla_policy__bindgen_ty_1__bindgen_ty_1 { min, max };
        self
    }

    /// Restricts an unsigned integer to `range`, checked by the kernel.
    #[inline]
    pub const fn range_u64(mut self, range: &'static RangeU64) -> Self {
        assert!(
            is_unsigned(self.0.type_ as u32),
            "only unsigned integers take a 64-bit range"
        );
        self.0.validation_type = bindings::NLA_VALIDATE_RANGE_PTR as u8;
        self.0.__bindgen_anon_1 = bindings::nla_policy__bindgen_ty_1 { range: &range.0 };
        self
    }

    /// Requires a binary attribute of any length ([`AttrPolicy::binary_unbounded`])
    /// to be at least `min_len` bytes, 1 to `i16::MAX` (the kernel's field):
    /// `NLA_POLICY_MIN_LEN`. [`AttrPolicy::binary_range`] bounds both ends.
    #[inline]
    pub const fn min_len(self, min_len: u16) -> Self {
        assert!(
            self.0.type_ as u32 == bindings::NLA_BINARY
                && self.0.validation_type == 0
                && self.0.len == 0,
            "only binary attributes of any length take a minimum length"
        );
        assert!(
            min_len > 0 && min_len <= i16::MAX as u16,
            "a binary's minimum length must be 1 to i16::MAX"
        );
        self.with_range(bindings::NLA_VALIDATE_MIN, min_len as i16, 0)
    }
}

#[inline]
const fn is_signed(t: u32) -> bool {
    matches!(
        t,
        bindings::NLA_S8
            | bindings::NLA_S16
            | bindings::NLA_S32
            | bindings::NLA_S64
            | bindings::NLA_SINT
    )
}

#[inline]
const fn is_unsigned(t: u32) -> bool {
    matches!(
        t,
        bindings::NLA_U8
            | bindings::NLA_U16
            | bindings::NLA_U32
            | bindings::NLA_U64
            | bindings::NLA_UINT
            | bindings::NLA_BE16
            | bindings::NLA_BE32
    )
}

#[inline]
const fn is_integer(t: u32) -> bool {
    is_unsigned(t) || is_signed(t)
}

/// Builds a policy from `(attribute type, rule)` pairs; every type not
/// listed is [`AttrPolicy::unspec`] and so refused. `N` is the highest
/// attribute type plus one, at most [`ATTR_TYPE_MAX`] + 1. Type 0 is
/// reserved and may not be listed.
#[inline]
pub const fn policy<const N: usize>(entries: &[(u16, AttrPolicy)]) -> Policy<[AttrPolicy; N]> {
    assert!(
        N <= ATTR_TYPE_MAX as usize + 1,
        "attribute types stop at 0x3fff (nla_type's top bits are flags)"
    );
    let mut table = [AttrPolicy::unspec(); N];
    let mut i = 0;
    while i < entries.len() {
        let (t, p) = entries[i];
        assert!(
            t != 0 && (t as usize) < N,
            "attribute type out of the policy's range"
        );
        let free = &table[t as usize].0;
        assert!(
            free.type_ as u32 == bindings::NLA_UNSPEC && free.len == 0,
            "attribute listed twice"
        );
        table[t as usize] = p;
        i += 1;
    }
    Policy(table)
}
