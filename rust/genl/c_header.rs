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

/// `value`, a header constant, as an inline policy bound (`s16`): the
/// build fails where the macro's value does not fit, rather than cut it
/// (`PAGE_SIZE` as an `s16` is 0 on 64 KiB pages).
pub const fn fit_i16(value: u32) -> i16 {
    assert!(
        value <= i16::MAX as u32,
        "a C header's value does not fit the policy's s16 bound"
    );
    value as i16
}

/// `value`, a header constant, as a policy length (`u16`): the build fails
/// where the macro's value does not fit.
pub const fn fit_u16(value: u32) -> u16 {
    assert!(
        value <= u16::MAX as u32,
        "a C header's value does not fit the policy's u16 length"
    );
    value as u16
}
