// SPDX-License-Identifier: GPL-2.0

//! Operations: `genl_split_ops` entries built at compile time from Rust
//! handler types, and the `extern "C"` trampolines that call them.

use crate::{
    bindings,
    dump::{self, DumpIt},
    family::Family,
    lock::FamilyLock,
    policy::Policy,
    request::Request,
};
use core::{ffi::c_int, marker::PhantomData};
use kernel::prelude::*;

/// A doit handler of family `F`: one request, one (optional) reply.
pub trait DoIt<F: Family> {
    /// The request's attribute policy ([`crate::policy`]); [`Policy::NONE`]
    /// for a command without attributes (the layer then rejects every
    /// attribute, as the genetlink core does for ops without a policy).
    /// Attribute tables are `maxattr + 1` entries, so handlers see at most
    /// `POLICY.len()` of them.
    const POLICY: &'static Policy;
    /// Handles the request. An error is returned to the sender as a
    /// negative errno, with the extack message set through the request.
    fn doit(req: &mut Request<'_, F>) -> Result;
}

/// One entry of the operations table of family `F` (`struct
/// genl_split_ops`). Rows are built with [`SplitOp::doit`] and
/// [`SplitOp::dumpit`], whose handlers must be handlers of `F`.
///
/// # Invariants
///
/// The callbacks are this layer's trampolines for `F` and the handler the
/// entry was built for, and either `policy` points to a `'static` policy of
/// `maxattr + 1` entries, at least as many as the handler's own policy has,
/// or `maxattr` is 0 (`policy` null or one entry: 7.x's ops without
/// attributes, and [`SplitOp::dont_parse_dump`]), and the core passes no
/// attribute table.
#[repr(transparent)]
pub struct SplitOp<F> {
    op: bindings::genl_split_ops,
    _family: PhantomData<fn() -> F>,
}

// SAFETY: immutable after construction; function pointers and `'static`
// policies only.
unsafe impl<F> Sync for SplitOp<F> {}

/// The most entries an op's policy may have: the core allocates a table of
/// `maxattr + 1` pointers for every request (`kmalloc_array`), which stays
/// a slab allocation (8 KiB) up to this.
const OP_POLICY_MAX_LEN: usize = 1024;

/// The policy pointer and `maxattr` of a handler's policy. A policy of at
/// most one entry (type 0, which is never valid) takes no attributes: the
/// kernel's way of saying so differs (`compat::NO_ATTRS_POLICY`).
#[inline]
const fn policy_ptr(p: &'static Policy) -> (*const bindings::nla_policy, u32) {
    assert!(
        p.len() <= OP_POLICY_MAX_LEN,
        "an op's policy names attribute types up to 1023: the core allocates a pointer per type for every request"
    );
    if p.len() <= 1 {
        return crate::compat::NO_ATTRS_POLICY;
    }
    (p.as_ptr(), p.len() as u32 - 1)
}

impl<F: Family> SplitOp<F> {
    /// The do operation of command `cmd`, handled by `H`.
    #[inline]
    pub const fn doit<H: DoIt<F>>(cmd: u8) -> Self {
        let (policy, maxattr) = policy_ptr(H::POLICY);
        Self::new(
            bindings::genl_split_ops__bindgen_ty_1 {
                // A doit's hooks are part of its handler (the generated
                // tables call the spec's `pre`/`post` there), under the
                // same lock.
                __bindgen_anon_1: bindings::genl_split_ops__bindgen_ty_1__bindgen_ty_1 {
                    pre_doit: None,
                    doit: Some(doit::<F, H>),
                    post_doit: None,
                },
            },
            policy,
            maxattr,
            cmd,
            bindings::GENL_CMD_CAP_DO,
        )
    }

    /// The dump operation of command `cmd`, handled by `H`.
    #[inline]
    pub const fn dumpit<H: DumpIt<F>>(cmd: u8) -> Self {
        let (policy, maxattr) = policy_ptr(H::POLICY);
        Self::new(
            bindings::genl_split_ops__bindgen_ty_1 {
                __bindgen_anon_2: bindings::genl_split_ops__bindgen_ty_1__bindgen_ty_2 {
                    start: Some(dump::start::<F, H>),
                    dumpit: Some(dump::dumpit::<F, H>),
                    done: Some(dump::done::<F, H>),
                },
            },
            policy,
            maxattr,
            cmd,
            bindings::GENL_CMD_CAP_DUMP,
        )
    }

    #[inline]
    const fn new(
        callbacks: bindings::genl_split_ops__bindgen_ty_1,
        policy: *const bindings::nla_policy,
        maxattr: u32,
        cmd: u8,
        cap: u32,
    ) -> Self {
        Self {
            op: bindings::genl_split_ops {
                __bindgen_anon_1: callbacks,
                policy,
                maxattr,
                cmd,
                internal_flags: 0,
                flags: cap as u8,
                // Zero: strict validation (no GENL_DONT_VALIDATE_* exceptions).
                validate: 0,
            },
            _family: PhantomData,
        }
    }

    /// Requires `CAP_NET_ADMIN` in the initial user namespace
    /// (`GENL_ADMIN_PERM`).
    #[inline]
    pub const fn admin_perm(mut self) -> Self {
        self.op.flags |= bindings::GENL_ADMIN_PERM as u8;
        self
    }

    /// Requires `CAP_NET_ADMIN` in the user namespace owning the request's
    /// network namespace (`GENL_UNS_ADMIN_PERM`).
    #[inline]
    pub const fn uns_admin_perm(mut self) -> Self {
        self.op.flags |= bindings::GENL_UNS_ADMIN_PERM as u8;
        self
    }

    /// Validates a do's request liberally (`GENL_DONT_VALIDATE_STRICT`,
    /// `NL_VALIDATE_LIBERAL`): attributes of types above the policy's
    /// highest are ignored (the handler does not see them), while those of
    /// a type the policy leaves `NLA_UNSPEC` are accepted unchecked, and
    /// the handler sees them; trailing bytes are ignored. For legacy
    /// families only; the attribute accessors check lengths either way.
    #[inline]
    pub const fn dont_validate_strict(mut self) -> Self {
        self.op.validate |= bindings::GENL_DONT_VALIDATE_STRICT as u8;
        self
    }

    /// `GENL_DONT_VALIDATE_DUMP` on a split op, as ynl-gen-c writes it for
    /// a `kernel-policy: split` family: it only skips `genl_start`'s check
    /// of the genetlink header, which `genl_family_rcv_msg` made already;
    /// the attributes are still parsed and validated with the policy, and
    /// the dump sees them. (A full op's flag means more: see
    /// [`SplitOp::dont_parse_dump`].)
    #[inline]
    pub const fn dont_validate_dump(mut self) -> Self {
        self.op.validate |= bindings::GENL_DONT_VALIDATE_DUMP as u8;
        self
    }

    /// What the core makes of a full op's `GENL_DONT_VALIDATE_DUMP` when it
    /// converts it to a split dump op (`genl_cmd_full_to_split`), as for
    /// the full ops of ynl-gen-c's `per-op` and `global` policy families:
    /// the flag, and no policy. The request's attributes are not validated,
    /// whatever they are, and the dump sees none. nlctrl lists a policy for
    /// it where it lists none for the full op: 6.12's reject-all, which
    /// its requests never meet, and 7.x's stand-in, an empty policy (see
    /// `compat::UNPARSED_DUMP`).
    #[inline]
    pub const fn dont_parse_dump(mut self) -> Self {
        self.op.validate |= bindings::GENL_DONT_VALIDATE_DUMP as u8;
        if self.op.flags & bindings::GENL_CMD_CAP_DUMP as u8 != 0 {
            let (policy, maxattr, validate) = crate::compat::UNPARSED_DUMP;
            self.op.policy = policy;
            self.op.maxattr = maxattr;
            self.op.validate |= validate as u8;
        }
        self
    }

    /// Validates a dump's request liberally (`GENL_DONT_VALIDATE_DUMP_STRICT`),
    /// as [`SplitOp::dont_validate_strict`] does a do's.
    #[inline]
    pub const fn dont_validate_dump_strict(mut self) -> Self {
        self.op.validate |= bindings::GENL_DONT_VALIDATE_DUMP_STRICT as u8;
        self
    }

    /// Whether the core takes this row's `dont_validate_*` flags in a family
    /// whose `resv_start_op` is `resv_start_op` (`genl_validate_ops` refuses,
    /// with a `WARN`, such flags on commands from it on).
    #[inline]
    pub(crate) const fn validate_allowed(&self, resv_start_op: u8) -> bool {
        self.op.validate == 0 || self.op.cmd < resv_start_op
    }

    /// Whether `b` may follow `a` in a table (`genl_validate_ops`).
    #[inline]
    pub(crate) const fn may_follow(a: &Self, b: &Self) -> bool {
        let (a, b) = (&a.op, &b.op);
        let caps = (bindings::GENL_CMD_CAP_DO | bindings::GENL_CMD_CAP_DUMP) as u8;
        a.cmd < b.cmd
            || (a.cmd == b.cmd
                && (a.flags & !caps) == (b.flags & !caps)
                && a.flags & bindings::GENL_CMD_CAP_DO as u8 != 0
                && b.flags & bindings::GENL_CMD_CAP_DUMP as u8 != 0)
    }
}

#[inline]
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
    skb: *mut bindings::sk_buff,
    info: *mut bindings::genl_info,
) -> c_int {
    // SAFETY: called by the genetlink core for an op of `F` whose policy has
    // at least `H::POLICY.len()` entries, or that gets no attribute table
    // (the `SplitOp` invariants), so `info->attrs` is null or has that
    // many, under `genl_mutex` (the family is not `parallel_ops`); the
    // family's mutex is taken below, for the call.
    let mut req = unsafe { Request::<F>::from_raw(info, skb, H::POLICY.len()) };
    let _lock = FamilyLock::<F>::new();
    errno(H::doit(&mut req))
}
