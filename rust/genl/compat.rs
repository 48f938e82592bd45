// SPDX-License-Identifier: GPL-2.0

//! What differs between the kernels the layer builds on (6.12 and 7.x), in
//! one place: the rest of the layer, and a family's code through
//! [`kernel_api`], [`crate::this_module!`] and
//! [`crate::module_genl_family!`], call these, never the version's own API.
//! `genl.mk` sets `--cfg rgnl_kernel_7` for a 7.x tree.

use crate::bindings;
use crate::policy::AttrPolicy;
use kernel::{str::CStr, types::Opaque};

/// The policy pointer and `maxattr` of an op that takes no attributes. 7.x's
/// core refuses every attribute of a split op without a policy ("Unknown
/// attribute type"), so none is registered, as for ynl-gen-c's families.
/// 6.12's core would not parse such a request at all, and so accept any
/// attribute: there the op gets a policy that refuses every attribute with
/// the same message ("Unknown attribute type": types 0 and past 1 are
/// unknown to it, type 1 is rejected with that message).
#[cfg(rgnl_kernel_7)]
pub(crate) const NO_ATTRS_POLICY: (*const bindings::nla_policy, u32) = (core::ptr::null(), 0);
/// The policy pointer and `maxattr` of an op that takes no attributes (see
/// the 7.x variant).
#[cfg(not(rgnl_kernel_7))]
pub(crate) const NO_ATTRS_POLICY: (*const bindings::nla_policy, u32) =
    (REJECT_ALL.as_ptr().cast(), 1);
#[cfg(not(rgnl_kernel_7))]
static REJECT_ALL: [AttrPolicy; 2] = [
    AttrPolicy::unspec(),
    AttrPolicy::reject(kernel::c_str!("Unknown attribute type")),
];

/// What a dump op that parses no attributes registers ([`crate::SplitOp::dont_parse_dump`]):
/// its policy, `maxattr` and the validation flags added to
/// `GENL_DONT_VALIDATE_DUMP`. 6.12's core parses nothing for a split op
/// without a policy, as for a converted full op; only its GETPOLICY lists
/// the op with the core's reject-all policy.
#[cfg(not(rgnl_kernel_7))]
pub(crate) const UNPARSED_DUMP: (*const bindings::nla_policy, u32, u32) = (core::ptr::null(), 0, 0);
/// What a dump op that parses no attributes registers (see the 6.12
/// variant). 7.x's core gives a split op without a policy one that rejects
/// every attribute, so the op gets an empty policy (`maxattr` 0: no
/// attribute table) validated liberally: every attribute is ignored, as a
/// converted full op's are, but nlctrl lists that empty policy for the
/// dump where it lists none for the full op.
#[cfg(rgnl_kernel_7)]
pub(crate) const UNPARSED_DUMP: (*const bindings::nla_policy, u32, u32) = (
    IGNORE_ALL.as_ptr().cast(),
    0,
    bindings::GENL_DONT_VALIDATE_DUMP_STRICT,
);
#[cfg(rgnl_kernel_7)]
static IGNORE_ALL: [AttrPolicy; 1] = [AttrPolicy::unspec()];

/// `s` with its NUL.
#[inline]
pub(crate) const fn cstr_bytes_with_nul(s: &CStr) -> &[u8] {
    #[cfg(not(rgnl_kernel_7))]
    return s.as_bytes_with_nul();
    #[cfg(rgnl_kernel_7)]
    return s.to_bytes_with_nul();
}

/// `s`'s length without its NUL.
#[inline]
pub(crate) const fn cstr_len(s: &CStr) -> usize {
    cstr_bytes_with_nul(s).len().saturating_sub(1)
}

/// `s` as a C string pointer.
#[inline]
pub(crate) const fn cstr_ptr(s: &CStr) -> *const kernel::ffi::c_char {
    #[cfg(not(rgnl_kernel_7))]
    return s.as_char_ptr();
    #[cfg(rgnl_kernel_7)]
    return kernel::str::as_char_ptr_in_const_context(s);
}

/// The `T` inside the `Opaque<T>` that `this` points to: what 6.12's
/// `Opaque::raw_get` and 7.x's `Opaque::cast_into` compute, written here
/// because neither is `#[inline]`, and the family's mutex and namespace
/// id are reached through it on every request. `Opaque<T>` is
/// `repr(transparent)` over an `UnsafeCell<MaybeUninit<T>>` in both.
#[inline]
pub(crate) const fn opaque_ptr<T>(this: *const Opaque<T>) -> *mut T {
    core::cell::UnsafeCell::raw_get(
        this.cast::<core::cell::UnsafeCell<core::mem::MaybeUninit<T>>>(),
    )
    .cast::<T>()
}

/// The family's view of kernel APIs that differ between the kernels it
/// builds on; 7.x's names.
pub mod kernel_api {
    /// `EOPNOTSUPP`, which 6.12's `kernel::error::code` lacks: the answer
    /// of an operation not implemented (yet).
    #[inline]
    pub fn eopnotsupp() -> kernel::error::Error {
        #[cfg(not(rgnl_kernel_7))]
        return kernel::error::Error::from_errno(-(crate::bindings::EOPNOTSUPP as i32));
        #[cfg(rgnl_kernel_7)]
        return kernel::error::code::EOPNOTSUPP;
    }

    /// Milliseconds of the monotonic clock.
    #[inline]
    pub fn monotonic_ms() -> u64 {
        // SAFETY: no preconditions.
        unsafe { crate::bindings::rgnl_ktime_get_ms() }
    }
}

/// `module!` for `GenlModule`: its keys differ between kernels (6.12 has
/// `author`, 7.x `authors`).
#[cfg(not(rgnl_kernel_7))]
#[doc(hidden)]
#[macro_export]
macro_rules! __genl_module {
    ($name:tt, $author:tt, $description:tt, $license:tt) => {
        ::kernel::prelude::module! {
            type: GenlModule,
            name: $name,
            author: $author,
            description: $description,
            license: $license,
        }
    };
}

/// `module!` for `GenlModule`: its keys differ between kernels (6.12 has
/// `author`, 7.x `authors`).
#[cfg(rgnl_kernel_7)]
#[doc(hidden)]
#[macro_export]
macro_rules! __genl_module {
    ($name:tt, $author:tt, $description:tt, $license:tt) => {
        ::kernel::prelude::module! {
            type: GenlModule,
            name: $name,
            authors: [$author],
            description: $description,
            license: $license,
        }
    };
}

/// The `&'static ThisModule` of the module that `module_genl_family!`
/// declared (6.12: a `static` at the crate root; 7.x: an associated const).
#[cfg(not(rgnl_kernel_7))]
// `crate` is meant: the caller's crate, where `module_genl_family!` is.
#[allow(clippy::crate_in_macro_def)]
#[macro_export]
macro_rules! this_module {
    () => {
        &crate::THIS_MODULE
    };
}

/// The `&'static ThisModule` of the module that `module_genl_family!`
/// declared (6.12: a `static` at the crate root; 7.x: an associated const).
#[cfg(rgnl_kernel_7)]
// `crate` is meant: the caller's crate, where `module_genl_family!` is.
#[allow(clippy::crate_in_macro_def)]
#[macro_export]
macro_rules! this_module {
    () => {
        &<crate::GenlModule as ::kernel::ModuleMetadata>::THIS_MODULE
    };
}
