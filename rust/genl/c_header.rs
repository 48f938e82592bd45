// SPDX-License-Identifier: GPL-2.0

//! Constants YNL specs take from C headers (a `header:` definition, whose
//! `value` only stands in for the macro): their values in the tree the
//! layer is built against, as ynl-gen-c's C gets them from the header.
//! The generator names these; it refuses a header constant not here.

use crate::bindings;

/// `PAGE_SIZE` (`asm/page.h`).
pub const PAGE_SIZE: u32 = {
    assert!(bindings::RGNL_PAGE_SIZE <= u32::MAX as u64);
    bindings::RGNL_PAGE_SIZE as u32
};

/// `MAX_ERRNO` (`linux/err.h`).
pub const MAX_ERRNO: u32 = bindings::RGNL_MAX_ERRNO;

/// `V`, a header constant, as an inline policy bound (`s16`): the build
/// fails where the macro's value does not fit, rather than cut it
/// (`PAGE_SIZE` as an `s16` is 0 on 64 KiB pages). A const parameter, so
/// that the check runs at build time only, wherever this is called.
#[inline]
pub const fn fit_i16<const V: u32>() -> i16 {
    const {
        assert!(
            V <= i16::MAX as u32,
            "a C header's value does not fit the policy's s16 bound"
        )
    };
    V as i16
}

/// `V`, a header constant, as a policy length (`u16`): the build fails
/// where the macro's value does not fit.
#[inline]
pub const fn fit_u16<const V: u32>() -> u16 {
    const {
        assert!(
            V <= u16::MAX as u32,
            "a C header's value does not fit the policy's u16 length"
        )
    };
    V as u16
}
