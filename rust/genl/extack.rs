// SPDX-License-Identifier: GPL-2.0

//! Extended ACK: why a request was refused, reported to userspace with the
//! error (`NL_SET_ERR_MSG`, `NL_SET_BAD_ATTR`, `NL_SET_ERR_ATTR_MISS`).

use crate::{attrs::Attr, bindings};
use kernel::{error::Error, str::CStr};

/// The extack of one request or dump.
///
/// # Invariants
///
/// `ptr` is null or points to the `netlink_ext_ack` of the request being
/// handled, valid for `'a`.
#[derive(Clone, Copy)]
pub struct Extack<'a> {
    ptr: *mut bindings::netlink_ext_ack,
    _request: core::marker::PhantomData<&'a ()>,
}

impl<'a> Extack<'a> {
    /// # Safety
    ///
    /// `ptr` is null or valid for `'a`.
    #[inline]
    pub(crate) unsafe fn from_raw(ptr: *mut bindings::netlink_ext_ack) -> Self {
        // INVARIANT: the caller's contract.
        Self {
            ptr,
            _request: core::marker::PhantomData,
        }
    }

    /// Sets the message and returns `err`, for `return Err(ext.fail(..))`.
    /// A message longer than an attribute can carry is replaced by a short
    /// one saying so (the ACK would otherwise hold a truncated `nla_len`).
    pub fn fail(self, err: Error, msg: &'static CStr) -> Error {
        let msg = if crate::compat::cstr_len(msg) < crate::size::ATTR_PAYLOAD_MAX {
            msg
        } else {
            kernel::c_str!("extack message too long")
        };
        // SAFETY: by the type invariants `ptr` is null or valid; the
        // message is `'static`, as the extack keeps the pointer.
        unsafe { bindings::rgnl_nl_set_err_msg(self.ptr, crate::compat::cstr_ptr(msg).cast()) };
        err
    }

    /// Sets the message, points the error at `attr` and returns `err`.
    pub fn fail_attr(self, err: Error, attr: &Attr<'_>, msg: &'static CStr) -> Error {
        // SAFETY: as in `fail`; `attr` points into the request message,
        // which outlives the extack report.
        unsafe { bindings::rgnl_nl_set_bad_attr(self.ptr, attr.as_raw()) };
        self.fail(err, msg)
    }

    /// Reports attribute `attr_type` as missing (top level) and returns
    /// `EINVAL`.
    pub fn missing(self, attr_type: u16, msg: &'static CStr) -> Error {
        self.missing_in(None, attr_type, msg)
    }

    /// Reports attribute `attr_type` as missing from `nest` (`None`: the
    /// top level) and returns `EINVAL`.
    pub fn missing_in(self, nest: Option<Attr<'_>>, attr_type: u16, msg: &'static CStr) -> Error {
        let nest = nest.map_or(core::ptr::null(), |n| n.as_raw());
        // SAFETY: as in `fail`; `nest` is null (the top level) or points
        // into the request message, which outlives the extack report.
        unsafe { bindings::rgnl_nl_set_err_attr_miss(self.ptr, nest.cast_mut(), attr_type) };
        self.fail(kernel::error::code::EINVAL, msg)
    }
}
