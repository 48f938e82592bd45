// SPDX-License-Identifier: GPL-2.0
// Do not edit: generated from Documentation/netlink/specs/handshake.yaml
// by tools/net/ynl/ynl-gen-rust.py --mode kernel.

//! The `handshake` generic netlink family's tables.
//!
//! Netlink protocol to request a transport layer security handshake.
//!
//! Handlers are hand-written: implement [`Handlers`] for the family type
//! and use [`Ops::TABLE`] as its `OPS`.

// Like a generated C header, the tables name all the spec has, whether or
// not this family's code uses it.
#![allow(dead_code)]

use core::marker::PhantomData;

/// The family's name.
pub(crate) const FAMILY_NAME: &kernel::str::CStr = kernel::c_str!("handshake");
/// The family's version.
pub(crate) const FAMILY_VERSION: u32 = 1;

pub(crate) const MAX_ERRNO: u32 = genl::c_header::MAX_ERRNO;

/// Enum `handler-class`.
pub(crate) mod handler_class {
    pub(crate) const NONE: u32 = 0;
    pub(crate) const TLSHD: u32 = 1;
    pub(crate) const MAX: u32 = 2;
}

/// Enum `msg-type`.
pub(crate) mod msg_type {
    pub(crate) const UNSPEC: u32 = 0;
    pub(crate) const CLIENTHELLO: u32 = 1;
    pub(crate) const SERVERHELLO: u32 = 2;
}

/// Enum `auth`.
pub(crate) mod auth {
    pub(crate) const UNSPEC: u32 = 0;
    pub(crate) const UNAUTH: u32 = 1;
    pub(crate) const PSK: u32 = 2;
    pub(crate) const X509: u32 = 3;
}

/// Attribute set `x509`.
pub(crate) mod attr_x509 {
    pub(crate) const CERT: u16 = 1;
    pub(crate) const PRIVKEY: u16 = 2;
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 2;
}

/// Attribute set `accept`.
pub(crate) mod attr_accept {
    pub(crate) const SOCKFD: u16 = 1;
    pub(crate) const HANDLER_CLASS: u16 = 2;
    pub(crate) const MESSAGE_TYPE: u16 = 3;
    pub(crate) const TIMEOUT: u16 = 4;
    pub(crate) const AUTH_MODE: u16 = 5;
    pub(crate) const PEER_IDENTITY: u16 = 6;
    pub(crate) const CERTIFICATE: u16 = 7;
    pub(crate) const PEERNAME: u16 = 8;
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 8;
}

/// Attribute set `done`.
pub(crate) mod attr_done {
    pub(crate) const STATUS: u16 = 1;
    pub(crate) const SOCKFD: u16 = 2;
    pub(crate) const REMOTE_AUTH: u16 = 3;
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 3;
}

/// Commands, notifications included (one numbering, as in the spec).
pub(crate) mod cmd {
    pub(crate) const READY: u8 = 1;
    pub(crate) const ACCEPT: u8 = 2;
    pub(crate) const DONE: u8 = 3;
}

/// The lowest `genl::Family::RESV_START_OP` the ops allow: past the last
/// one with `dont-validate` (the core refuses those flags from it on).
pub(crate) const MIN_RESV_START_OP: u8 = 0;

/// Multicast groups: indexes into [`MCGRPS`].
pub(crate) mod group {
    pub(crate) const NONE: u32 = 0;
    pub(crate) const TLSHD: u32 = 1;
}

/// The multicast groups, for `genl::Family::MCGRPS`.
pub(crate) static MCGRPS: [genl::McGroup; 2] = [
    genl::McGroup::new(kernel::c_str!("none")),
    genl::McGroup::new(kernel::c_str!("tlshd")),
];

/// `accept` do requests.
static ACCEPT_POLICY: genl::Policy<[genl::AttrPolicy; attr_accept::HANDLER_CLASS as usize + 1]> =
    genl::policy(&[(attr_accept::HANDLER_CLASS, genl::AttrPolicy::u32().max(2))]);

/// `done` do requests.
static DONE_POLICY: genl::Policy<[genl::AttrPolicy; attr_done::REMOTE_AUTH as usize + 1]> =
    genl::policy(&[
        (
            attr_done::STATUS,
            genl::AttrPolicy::u32().max(genl::c_header::fit_i16::<MAX_ERRNO>()),
        ),
        (attr_done::SOCKFD, genl::AttrPolicy::s32()),
        (attr_done::REMOTE_AUTH, genl::AttrPolicy::u32()),
    ]);

/// The hand-written side of the `handshake` family: one item per handler
/// of the spec (ynl-gen-c's prototypes). Implementing it for the family
/// type gives [`Ops::TABLE`]; a missing or mistyped handler fails the
/// build.
pub(crate) trait Handlers: genl::Family {
    /// `accept` do. Handler retrieves next queued handshake request
    fn accept_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
    /// `done` do. Handler reports handshake completion
    fn done_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
}

/// `accept` do, with the spec's policy.
struct AcceptDoit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DoIt<F> for AcceptDoit<F> {
    const POLICY: &'static genl::Policy = &ACCEPT_POLICY;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::accept_doit(req)
    }
}

/// `done` do, with the spec's policy.
struct DoneDoit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DoIt<F> for DoneDoit<F> {
    const POLICY: &'static genl::Policy = &DONE_POLICY;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::done_doit(req)
    }
}

/// The spec's operations in command order, a do before its dump: the
/// `genl::Family::OPS` of a family implementing [`Handlers`].
pub(crate) struct Ops<F>(PhantomData<fn() -> F>);

impl<F: Handlers> Ops<F> {
    /// The table.
    pub(crate) const TABLE: &'static [genl::SplitOp<F>] = &[
        genl::SplitOp::doit::<AcceptDoit<F>>(cmd::ACCEPT).admin_perm(),
        genl::SplitOp::doit::<DoneDoit<F>>(cmd::DONE).admin_perm(),
    ];
}
