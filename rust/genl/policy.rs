// SPDX-License-Identifier: GPL-2.0

//! Attribute validation policies (`struct nla_policy`), built at compile time.
//!
//! A policy is an array indexed by attribute type. The genetlink core
//! validates every request strictly against the policy of its operation
//! before the handler runs: wrong type or length, values out of range,
//! attributes the policy does not name (`NLA_UNSPEC`), and trailing garbage
//! are all rejected with an extack message pointing at the attribute.
//!
//! ```ignore
//! const ENTRY_POLICY: [AttrPolicy; ATTR_MAX + 1] = policy(&[
//!     (ATTR_KEY, AttrPolicy::nul_string(64)),
//!     (ATTR_TAG, AttrPolicy::u32()),
//! ]);
//! ```

use super::bindings;

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
    pub const fn new(min: u64, max: u64) -> Self {
        assert!(min <= max);
        Self(bindings::netlink_range_validation { min, max })
    }
}

const fn zeroed_anon() -> bindings::nla_policy__bindgen_ty_1 {
    bindings::nla_policy__bindgen_ty_1 {
        strict_start_type: 0,
    }
}

impl AttrPolicy {
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
    pub const fn unspec() -> Self {
        Self::of(bindings::NLA_UNSPEC, 0)
    }
    /// An unsigned 8-bit integer.
    pub const fn u8() -> Self {
        Self::of(bindings::NLA_U8, 0)
    }
    /// An unsigned 16-bit integer.
    pub const fn u16() -> Self {
        Self::of(bindings::NLA_U16, 0)
    }
    /// An unsigned 32-bit integer.
    pub const fn u32() -> Self {
        Self::of(bindings::NLA_U32, 0)
    }
    /// An unsigned 64-bit integer.
    pub const fn u64() -> Self {
        Self::of(bindings::NLA_U64, 0)
    }
    /// A signed 32-bit integer.
    pub const fn s32() -> Self {
        Self::of(bindings::NLA_S32, 0)
    }
    /// A signed 64-bit integer.
    pub const fn s64() -> Self {
        Self::of(bindings::NLA_S64, 0)
    }
    /// A flag: present or absent, no payload.
    pub const fn flag() -> Self {
        Self::of(bindings::NLA_FLAG, 0)
    }
    /// A NUL-terminated string of at most `max_len` bytes before the NUL.
    pub const fn nul_string(max_len: u16) -> Self {
        Self::of(bindings::NLA_NUL_STRING, max_len)
    }
    /// Binary data of at most `max_len` bytes.
    pub const fn binary(max_len: u16) -> Self {
        Self::of(bindings::NLA_BINARY, max_len)
    }
    /// A nested attribute set, validated against `policy` (indexed by the
    /// nested attribute types).
    pub const fn nested(policy: &'static [AttrPolicy]) -> Self {
        assert!(!policy.is_empty() && policy.len() <= u16::MAX as usize + 1);
        let mut p = Self::of(bindings::NLA_NESTED, (policy.len() - 1) as u16);
        p.0.__bindgen_anon_1 = bindings::nla_policy__bindgen_ty_1 {
            nested_policy: policy.as_ptr().cast(),
        };
        p
    }
    /// An attribute that is always refused, with `msg` as the extack message.
    pub const fn reject(msg: &'static kernel::str::CStr) -> Self {
        let mut p = Self::of(bindings::NLA_REJECT, 0);
        p.0.__bindgen_anon_1 = bindings::nla_policy__bindgen_ty_1 {
            reject_message: msg.as_char_ptr().cast(),
        };
        p
    }

    /// Restricts an integer to `min..=max`, checked by the kernel. Both
    /// bounds must fit in an `s16` (the inline range of `nla_policy`); use
    /// [`AttrPolicy::range_u64`] for wider ranges.
    pub const fn range(mut self, min: i16, max: i16) -> Self {
        assert!(min <= max);
        assert!(is_integer(self.0.type_ as u32));
        self.0.validation_type = bindings::NLA_VALIDATE_RANGE as u8;
        self.0.__bindgen_anon_1 = bindings::nla_policy__bindgen_ty_1 {
            __bindgen_anon_1: bindings::nla_policy__bindgen_ty_1__bindgen_ty_1 { min, max },
        };
        self
    }

    /// Restricts an unsigned integer to `range`, checked by the kernel.
    pub const fn range_u64(mut self, range: &'static RangeU64) -> Self {
        let t = self.0.type_ as u32;
        assert!(
            t == bindings::NLA_U8
                || t == bindings::NLA_U16
                || t == bindings::NLA_U32
                || t == bindings::NLA_U64
        );
        self.0.validation_type = bindings::NLA_VALIDATE_RANGE_PTR as u8;
        self.0.__bindgen_anon_1 = bindings::nla_policy__bindgen_ty_1 { range: &range.0 };
        self
    }

    /// Requires a string or binary attribute to be at least `min_len` bytes
    /// (not counting a string's NUL).
    pub const fn min_len(mut self, min_len: i16) -> Self {
        let t = self.0.type_ as u32;
        assert!(t == bindings::NLA_BINARY);
        self.0.validation_type = bindings::NLA_VALIDATE_MIN as u8;
        self.0.__bindgen_anon_1 = bindings::nla_policy__bindgen_ty_1 {
            __bindgen_anon_1: bindings::nla_policy__bindgen_ty_1__bindgen_ty_1 {
                min: min_len,
                max: 0,
            },
        };
        self
    }

    pub(crate) const fn raw(&self) -> &bindings::nla_policy {
        &self.0
    }
}

const fn is_integer(t: u32) -> bool {
    matches!(
        t,
        bindings::NLA_U8
            | bindings::NLA_U16
            | bindings::NLA_U32
            | bindings::NLA_U64
            | bindings::NLA_S8
            | bindings::NLA_S16
            | bindings::NLA_S32
            | bindings::NLA_S64
    )
}

/// Builds a policy array from `(attribute type, rule)` pairs; every type not
/// listed is [`AttrPolicy::unspec`] and so refused. `N` is the highest
/// attribute type plus one. Type 0 is reserved and may not be listed.
pub const fn policy<const N: usize>(entries: &[(u16, AttrPolicy)]) -> [AttrPolicy; N] {
    let mut table = [AttrPolicy::unspec(); N];
    let mut i = 0;
    while i < entries.len() {
        let (t, p) = entries[i];
        assert!(
            t != 0 && (t as usize) < N,
            "attribute type out of the policy's range"
        );
        assert!(
            table[t as usize].0.type_ as u32 == bindings::NLA_UNSPEC,
            "attribute listed twice"
        );
        table[t as usize] = p;
        i += 1;
    }
    table
}
