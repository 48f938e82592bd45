// SPDX-License-Identifier: GPL-2.0

//! Operations: `genl_split_ops` entries built at compile time from Rust
//! handler types, and the `extern "C"` trampolines that call them.

use super::{
    bindings,
    dump::{self, DumpIt},
    family::Family,
    policy::AttrPolicy,
    request::Request,
};
use core::ffi::c_int;
use kernel::prelude::*;

/// Permission and capability flags of an operation.
pub mod op_flags {
    use super::bindings;
    /// Needs `CAP_NET_ADMIN` in the initial user namespace.
    pub const ADMIN_PERM: u8 = bindings::GENL_ADMIN_PERM as u8;
    /// Needs `CAP_NET_ADMIN` in the user namespace owning the request's
    /// network namespace.
    pub const UNS_ADMIN_PERM: u8 = bindings::GENL_UNS_ADMIN_PERM as u8;
}

/// A doit handler: one request, one (optional) reply.
pub trait DoIt<F: Family> {
    /// The request's attribute policy, indexed by attribute type; `&[]`
    /// for a command without attributes.
    const POLICY: &'static [AttrPolicy];
    /// Handles the request. An error is returned to the sender as a
    /// negative errno, with the extack message set through the request.
    fn doit(req: &mut Request<'_, F>) -> Result;
}

/// One entry of a family's operations table (`struct genl_split_ops`).
///
/// # Invariants
///
/// `policy` is null or points to a `'static` policy of `maxattr + 1`
/// entries, and the callbacks are this layer's trampolines for the family
/// and handler the entry was built for.
#[repr(transparent)]
pub struct SplitOp(bindings::genl_split_ops);

// SAFETY: immutable after construction; function pointers and `'static`
// policies only.
unsafe impl Sync for SplitOp {}

const fn policy_ptr(p: &'static [AttrPolicy]) -> (*const bindings::nla_policy, u32) {
    if p.is_empty() {
        (core::ptr::null(), 0)
    } else {
        (p.as_ptr().cast(), p.len() as u32 - 1)
    }
}

impl SplitOp {
    /// The do operation of command `cmd`, handled by `H`.
    pub const fn doit<F: Family, H: DoIt<F>>(cmd: u8) -> Self {
        let (policy, maxattr) = policy_ptr(H::POLICY);
        Self(bindings::genl_split_ops {
            __bindgen_anon_1: bindings::genl_split_ops__bindgen_ty_1 {
                __bindgen_anon_1: bindings::genl_split_ops__bindgen_ty_1__bindgen_ty_1 {
                    pre_doit: if F::PRE_DOIT.is_some() {
                        Some(pre_doit::<F>)
                    } else {
                        None
                    },
                    doit: Some(doit::<F, H>),
                    post_doit: if F::POST_DOIT.is_some() {
                        Some(post_doit::<F>)
                    } else {
                        None
                    },
                },
            },
            policy,
            maxattr,
            cmd,
            internal_flags: 0,
            flags: bindings::GENL_CMD_CAP_DO as u8,
            // Zero: strict validation (no GENL_DONT_VALIDATE_* exceptions).
            validate: 0,
        })
    }

    /// The dump operation of command `cmd`, handled by `H`.
    pub const fn dumpit<F: Family, H: DumpIt<F>>(cmd: u8) -> Self {
        let (policy, maxattr) = policy_ptr(H::POLICY);
        Self(bindings::genl_split_ops {
            __bindgen_anon_1: bindings::genl_split_ops__bindgen_ty_1 {
                __bindgen_anon_2: bindings::genl_split_ops__bindgen_ty_1__bindgen_ty_2 {
                    start: Some(dump::start::<F, H>),
                    dumpit: Some(dump::dumpit::<F, H>),
                    done: Some(dump::done::<F, H>),
                },
            },
            policy,
            maxattr,
            cmd,
            internal_flags: 0,
            flags: bindings::GENL_CMD_CAP_DUMP as u8,
            validate: 0,
        })
    }

    /// Adds permission flags ([`op_flags`]).
    pub const fn flags(mut self, flags: u8) -> Self {
        self.0.flags |= flags;
        self
    }

    /// Whether `b` may follow `a` in a table (`genl_validate_ops`).
    pub(crate) const fn may_follow(a: &SplitOp, b: &SplitOp) -> bool {
        let caps = (bindings::GENL_CMD_CAP_DO | bindings::GENL_CMD_CAP_DUMP) as u8;
        a.0.cmd < b.0.cmd
            || (a.0.cmd == b.0.cmd
                && (a.0.flags & !caps) == (b.0.flags & !caps)
                && a.0.flags & bindings::GENL_CMD_CAP_DO as u8 != 0
                && b.0.flags & bindings::GENL_CMD_CAP_DUMP as u8 != 0)
    }
}

fn errno(r: Result) -> c_int {
    match r {
        Ok(()) => 0,
        Err(e) => e.to_errno(),
    }
}

/// # Safety
///
/// Only the genetlink core calls it, as the doit of an op of `F` handled by `H`.
unsafe extern "C" fn doit<F: Family, H: DoIt<F>>(
    _skb: *mut bindings::sk_buff,
    info: *mut bindings::genl_info,
) -> c_int {
    // SAFETY: called by the genetlink core for an op of `F` with policy
    // `H::POLICY`, so `info->attrs` has `H::POLICY.len()` entries, under
    // `genl_mutex` (the family is not `parallel_ops`).
    let mut req = unsafe { Request::<F>::from_raw(info, H::POLICY.len()) };
    errno(H::doit(&mut req))
}

/// # Safety
///
/// Only the genetlink core calls it, as the pre_doit of an op of `F` .
unsafe extern "C" fn pre_doit<F: Family>(
    _ops: *const bindings::genl_split_ops,
    _skb: *mut bindings::sk_buff,
    info: *mut bindings::genl_info,
) -> c_int {
    // SAFETY: as in `doit`; pre_doit gets the same parsed request. The
    // attribute table's size is unknown here, so no attributes are exposed.
    let mut req = unsafe { Request::<F>::from_raw(info, 0) };
    match F::PRE_DOIT {
        Some(f) => errno(f(&mut req)),
        None => 0,
    }
}

/// # Safety
///
/// Only the genetlink core calls it, as the post_doit of an op of `F` .
unsafe extern "C" fn post_doit<F: Family>(
    _ops: *const bindings::genl_split_ops,
    _skb: *mut bindings::sk_buff,
    info: *mut bindings::genl_info,
) {
    // SAFETY: as in `pre_doit`.
    let mut req = unsafe { Request::<F>::from_raw(info, 0) };
    if let Some(f) = F::POST_DOIT {
        f(&mut req);
    }
}
