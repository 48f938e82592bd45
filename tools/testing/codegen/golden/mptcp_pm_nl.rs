// SPDX-License-Identifier: GPL-2.0
// Do not edit: generated from Documentation/netlink/specs/mptcp_pm.yaml
// by tools/net/ynl/ynl-gen-rust.py --mode kernel.

//! The `mptcp_pm` generic netlink family's tables.
//!
//! Multipath TCP.
//!
//! Handlers are hand-written: implement [`Handlers`] for the family type
//! and use [`Ops::TABLE`] as its `OPS`.

// Like a generated C header, the tables name all the spec has, whether or
// not this family's code uses it.
#![allow(dead_code)]

use core::marker::PhantomData;

/// The family's name.
pub(crate) const FAMILY_NAME: &kernel::str::CStr = kernel::c_str!("mptcp_pm");
/// The family's version.
pub(crate) const FAMILY_VERSION: u32 = 1;

/// Enum `event-type`.
pub(crate) mod event_type {
    /// unused event
    pub(crate) const UNSPEC: u32 = 0;
    /// A new MPTCP connection has been created. It is the good time to allocate memory and send
    /// ADD_ADDR if needed. Depending on the traffic-patterns it can take a long time until the
    /// MPTCP_EVENT_ESTABLISHED is sent. Attributes: token, family, saddr4 | saddr6, daddr4 |
    /// daddr6, sport, dport, server-side, [flags].
    pub(crate) const CREATED: u32 = 1;
    /// A MPTCP connection is established (can start new subflows). Attributes: token, family,
    /// saddr4 | saddr6, daddr4 | daddr6, sport, dport, server-side, [flags].
    pub(crate) const ESTABLISHED: u32 = 2;
    /// A MPTCP connection has stopped. Attribute: token.
    pub(crate) const CLOSED: u32 = 3;
    /// A new address has been announced by the peer. Attributes: token, rem_id, family, daddr4 |
    /// daddr6 [, dport].
    pub(crate) const ANNOUNCED: u32 = 6;
    /// An address has been lost by the peer. Attributes: token, rem_id.
    pub(crate) const REMOVED: u32 = 7;
    /// A new subflow has been established. 'error' should not be set. Attributes: token, family,
    /// loc_id, rem_id, saddr4 | saddr6, daddr4 | daddr6, sport, dport, backup, if-idx [, error].
    pub(crate) const SUB_ESTABLISHED: u32 = 10;
    /// A subflow has been closed. An error (copy of sk_err) could be set if an error has been
    /// detected for this subflow. Attributes: token, family, loc_id, rem_id, saddr4 | saddr6,
    /// daddr4 | daddr6, sport, dport, backup, if-idx [, error].
    pub(crate) const SUB_CLOSED: u32 = 11;
    /// The priority of a subflow has changed. 'error' should not be set. Attributes: token, family,
    /// loc_id, rem_id, saddr4 | saddr6, daddr4 | daddr6, sport, dport, backup, if-idx [, error].
    pub(crate) const SUB_PRIORITY: u32 = 13;
    /// A new PM listener is created. Attributes: family, sport, saddr4 | saddr6.
    pub(crate) const LISTENER_CREATED: u32 = 15;
    /// A PM listener is closed. Attributes: family, sport, saddr4 | saddr6.
    pub(crate) const LISTENER_CLOSED: u32 = 16;
}

/// Attribute set `address`.
pub(crate) mod attr_address {
    pub(crate) const UNSPEC: u16 = 0;
    pub(crate) const FAMILY: u16 = 1;
    pub(crate) const ID: u16 = 2;
    pub(crate) const ADDR4: u16 = 3;
    pub(crate) const ADDR6: u16 = 4;
    pub(crate) const PORT: u16 = 5;
    pub(crate) const FLAGS: u16 = 6;
    pub(crate) const IF_IDX: u16 = 7;
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 7;
}

/// Attribute set `subflow-attribute`.
pub(crate) mod attr_subflow_attribute {
    pub(crate) const UNSPEC: u16 = 0;
    pub(crate) const TOKEN_REM: u16 = 1;
    pub(crate) const TOKEN_LOC: u16 = 2;
    pub(crate) const RELWRITE_SEQ: u16 = 3;
    pub(crate) const MAP_SEQ: u16 = 4;
    pub(crate) const MAP_SFSEQ: u16 = 5;
    pub(crate) const SSN_OFFSET: u16 = 6;
    pub(crate) const MAP_DATALEN: u16 = 7;
    pub(crate) const FLAGS: u16 = 8;
    pub(crate) const ID_REM: u16 = 9;
    pub(crate) const ID_LOC: u16 = 10;
    pub(crate) const PAD: u16 = 11;
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 11;
}

/// Attribute set `endpoint`.
pub(crate) mod attr_endpoint {
    pub(crate) const ADDR: u16 = 1;
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 1;
}

/// Attribute set `attr`.
pub(crate) mod attr_attr {
    pub(crate) const UNSPEC: u16 = 0;
    pub(crate) const ADDR: u16 = 1;
    pub(crate) const RCV_ADD_ADDRS: u16 = 2;
    pub(crate) const SUBFLOWS: u16 = 3;
    pub(crate) const TOKEN: u16 = 4;
    pub(crate) const LOC_ID: u16 = 5;
    pub(crate) const ADDR_REMOTE: u16 = 6;
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 6;
}

/// Attribute set `event-attr`.
pub(crate) mod attr_event_attr {
    pub(crate) const UNSPEC: u16 = 0;
    pub(crate) const TOKEN: u16 = 1;
    pub(crate) const FAMILY: u16 = 2;
    pub(crate) const LOC_ID: u16 = 3;
    pub(crate) const REM_ID: u16 = 4;
    pub(crate) const SADDR4: u16 = 5;
    pub(crate) const SADDR6: u16 = 6;
    pub(crate) const DADDR4: u16 = 7;
    pub(crate) const DADDR6: u16 = 8;
    pub(crate) const SPORT: u16 = 9;
    pub(crate) const DPORT: u16 = 10;
    pub(crate) const BACKUP: u16 = 11;
    pub(crate) const ERROR: u16 = 12;
    pub(crate) const FLAGS: u16 = 13;
    pub(crate) const TIMEOUT: u16 = 14;
    pub(crate) const IF_IDX: u16 = 15;
    pub(crate) const RESET_REASON: u16 = 16;
    pub(crate) const RESET_FLAGS: u16 = 17;
    pub(crate) const SERVER_SIDE: u16 = 18;
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 18;
}

/// Commands, notifications included (one numbering, as in the spec).
pub(crate) mod cmd {
    pub(crate) const UNSPEC: u8 = 0;
    pub(crate) const ADD_ADDR: u8 = 1;
    pub(crate) const DEL_ADDR: u8 = 2;
    pub(crate) const GET_ADDR: u8 = 3;
    pub(crate) const FLUSH_ADDRS: u8 = 4;
    pub(crate) const SET_LIMITS: u8 = 5;
    pub(crate) const GET_LIMITS: u8 = 6;
    pub(crate) const SET_FLAGS: u8 = 7;
    pub(crate) const ANNOUNCE: u8 = 8;
    pub(crate) const REMOVE: u8 = 9;
    pub(crate) const SUBFLOW_CREATE: u8 = 10;
    pub(crate) const SUBFLOW_DESTROY: u8 = 11;
}

/// The lowest `genl::Family::RESV_START_OP` the ops allow: past the last
/// one with `dont-validate` (the core refuses those flags from it on).
pub(crate) const MIN_RESV_START_OP: u8 = cmd::SUBFLOW_DESTROY + 1;

/// `add-addr` requests (do and dump).
static ADD_ADDR_POLICY: genl::Policy<[genl::AttrPolicy; attr_endpoint::ADDR as usize + 1]> =
    genl::policy(&[(
        attr_endpoint::ADDR,
        genl::AttrPolicy::nested(&ADDRESS_NESTED_POLICY),
    )]);

/// `del-addr` requests (do and dump).
static DEL_ADDR_POLICY: genl::Policy<[genl::AttrPolicy; attr_endpoint::ADDR as usize + 1]> =
    genl::policy(&[(
        attr_endpoint::ADDR,
        genl::AttrPolicy::nested(&ADDRESS_NESTED_POLICY),
    )]);

/// `get-addr` requests (do and dump).
static GET_ADDR_POLICY: genl::Policy<[genl::AttrPolicy; attr_attr::TOKEN as usize + 1]> =
    genl::policy(&[
        (
            attr_attr::ADDR,
            genl::AttrPolicy::nested(&ADDRESS_NESTED_POLICY),
        ),
        (attr_attr::TOKEN, genl::AttrPolicy::u32()),
    ]);

/// `flush-addrs` requests (do and dump).
static FLUSH_ADDRS_POLICY: genl::Policy<[genl::AttrPolicy; attr_endpoint::ADDR as usize + 1]> =
    genl::policy(&[(
        attr_endpoint::ADDR,
        genl::AttrPolicy::nested(&ADDRESS_NESTED_POLICY),
    )]);

/// `set-limits` requests (do and dump).
static SET_LIMITS_POLICY: genl::Policy<[genl::AttrPolicy; attr_attr::SUBFLOWS as usize + 1]> =
    genl::policy(&[
        (attr_attr::RCV_ADD_ADDRS, genl::AttrPolicy::u32()),
        (attr_attr::SUBFLOWS, genl::AttrPolicy::u32()),
    ]);

/// `get-limits` requests (do and dump).
static GET_LIMITS_POLICY: genl::Policy<[genl::AttrPolicy; attr_attr::SUBFLOWS as usize + 1]> =
    genl::policy(&[
        (attr_attr::RCV_ADD_ADDRS, genl::AttrPolicy::u32()),
        (attr_attr::SUBFLOWS, genl::AttrPolicy::u32()),
    ]);

/// `set-flags` requests (do and dump).
static SET_FLAGS_POLICY: genl::Policy<[genl::AttrPolicy; attr_attr::ADDR_REMOTE as usize + 1]> =
    genl::policy(&[
        (
            attr_attr::ADDR,
            genl::AttrPolicy::nested(&ADDRESS_NESTED_POLICY),
        ),
        (attr_attr::TOKEN, genl::AttrPolicy::u32()),
        (
            attr_attr::ADDR_REMOTE,
            genl::AttrPolicy::nested(&ADDRESS_NESTED_POLICY),
        ),
    ]);

/// `announce` requests (do and dump).
static ANNOUNCE_POLICY: genl::Policy<[genl::AttrPolicy; attr_attr::TOKEN as usize + 1]> =
    genl::policy(&[
        (
            attr_attr::ADDR,
            genl::AttrPolicy::nested(&ADDRESS_NESTED_POLICY),
        ),
        (attr_attr::TOKEN, genl::AttrPolicy::u32()),
    ]);

/// `remove` requests (do and dump).
static REMOVE_POLICY: genl::Policy<[genl::AttrPolicy; attr_attr::LOC_ID as usize + 1]> =
    genl::policy(&[
        (attr_attr::TOKEN, genl::AttrPolicy::u32()),
        (attr_attr::LOC_ID, genl::AttrPolicy::u8()),
    ]);

/// `subflow-create` requests (do and dump).
static SUBFLOW_CREATE_POLICY: genl::Policy<
    [genl::AttrPolicy; attr_attr::ADDR_REMOTE as usize + 1],
> = genl::policy(&[
    (
        attr_attr::ADDR,
        genl::AttrPolicy::nested(&ADDRESS_NESTED_POLICY),
    ),
    (attr_attr::TOKEN, genl::AttrPolicy::u32()),
    (
        attr_attr::ADDR_REMOTE,
        genl::AttrPolicy::nested(&ADDRESS_NESTED_POLICY),
    ),
]);

/// `subflow-destroy` requests (do and dump).
static SUBFLOW_DESTROY_POLICY: genl::Policy<
    [genl::AttrPolicy; attr_attr::ADDR_REMOTE as usize + 1],
> = genl::policy(&[
    (
        attr_attr::ADDR,
        genl::AttrPolicy::nested(&ADDRESS_NESTED_POLICY),
    ),
    (attr_attr::TOKEN, genl::AttrPolicy::u32()),
    (
        attr_attr::ADDR_REMOTE,
        genl::AttrPolicy::nested(&ADDRESS_NESTED_POLICY),
    ),
]);

/// Nested attribute set `address`.
static ADDRESS_NESTED_POLICY: genl::Policy<[genl::AttrPolicy; attr_address::IF_IDX as usize + 1]> =
    genl::policy(&[
        (attr_address::FAMILY, genl::AttrPolicy::u16()),
        (attr_address::ID, genl::AttrPolicy::u8()),
        (attr_address::ADDR4, genl::AttrPolicy::u32()),
        (attr_address::ADDR6, genl::AttrPolicy::exact_len(16)),
        (attr_address::PORT, genl::AttrPolicy::u16()),
        (attr_address::FLAGS, genl::AttrPolicy::u32()),
        (attr_address::IF_IDX, genl::AttrPolicy::s32()),
    ]);

/// The hand-written side of the `mptcp_pm` family: one item per handler
/// of the spec (ynl-gen-c's prototypes). Implementing it for the family
/// type gives [`Ops::TABLE`]; a missing or mistyped handler fails the
/// build.
pub(crate) trait Handlers: genl::Family {
    /// `add-addr` do. Add endpoint
    fn add_addr_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
    /// `del-addr` do. Delete endpoint
    fn del_addr_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
    /// `get-addr` do. Get endpoint information
    fn get_addr_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
    /// `get-addr` dump: where a dump resumes.
    type GetAddrDumpCursor: genl::DumpCursor;
    /// `get-addr` dump: the largest attribute payload of one message.
    const GET_ADDR_DUMP_MAX_MESSAGE: usize;
    /// `get-addr` dump. Get endpoint information
    fn get_addr_dumpit(
        dump: &mut genl::Dump<'_, Self>,
        cursor: &mut Self::GetAddrDumpCursor,
    ) -> kernel::error::Result;
    /// `flush-addrs` do. flush addresses
    fn flush_addrs_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
    /// `set-limits` do. Set protocol limits
    fn set_limits_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
    /// `get-limits` do. Get protocol limits
    fn get_limits_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
    /// `set-flags` do. Change endpoint flags
    fn set_flags_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
    /// `announce` do. announce new sf
    fn announce_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
    /// `remove` do. announce removal
    fn remove_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
    /// `subflow-create` do. todo
    fn subflow_create_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
    /// `subflow-destroy` do. todo
    fn subflow_destroy_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
}

/// `add-addr` do, with the spec's policy.
struct AddAddrDoit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DoIt<F> for AddAddrDoit<F> {
    const POLICY: &'static genl::Policy = &ADD_ADDR_POLICY;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::add_addr_doit(req)
    }
}

/// `del-addr` do, with the spec's policy.
struct DelAddrDoit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DoIt<F> for DelAddrDoit<F> {
    const POLICY: &'static genl::Policy = &DEL_ADDR_POLICY;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::del_addr_doit(req)
    }
}

/// `get-addr` do, with the spec's policy.
struct GetAddrDoit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DoIt<F> for GetAddrDoit<F> {
    const POLICY: &'static genl::Policy = &GET_ADDR_POLICY;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::get_addr_doit(req)
    }
}

/// `get-addr` dump, with the spec's policy.
struct GetAddrDumpit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DumpIt<F> for GetAddrDumpit<F> {
    const POLICY: &'static genl::Policy = &GET_ADDR_POLICY;
    const MAX_MESSAGE: usize = F::GET_ADDR_DUMP_MAX_MESSAGE;
    type Cursor = F::GetAddrDumpCursor;

    fn dumpit(dump: &mut genl::Dump<'_, F>, cursor: &mut Self::Cursor) -> kernel::error::Result {
        F::get_addr_dumpit(dump, cursor)
    }
}

/// `flush-addrs` do, with the spec's policy.
struct FlushAddrsDoit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DoIt<F> for FlushAddrsDoit<F> {
    const POLICY: &'static genl::Policy = &FLUSH_ADDRS_POLICY;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::flush_addrs_doit(req)
    }
}

/// `set-limits` do, with the spec's policy.
struct SetLimitsDoit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DoIt<F> for SetLimitsDoit<F> {
    const POLICY: &'static genl::Policy = &SET_LIMITS_POLICY;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::set_limits_doit(req)
    }
}

/// `get-limits` do, with the spec's policy.
struct GetLimitsDoit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DoIt<F> for GetLimitsDoit<F> {
    const POLICY: &'static genl::Policy = &GET_LIMITS_POLICY;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::get_limits_doit(req)
    }
}

/// `set-flags` do, with the spec's policy.
struct SetFlagsDoit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DoIt<F> for SetFlagsDoit<F> {
    const POLICY: &'static genl::Policy = &SET_FLAGS_POLICY;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::set_flags_doit(req)
    }
}

/// `announce` do, with the spec's policy.
struct AnnounceDoit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DoIt<F> for AnnounceDoit<F> {
    const POLICY: &'static genl::Policy = &ANNOUNCE_POLICY;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::announce_doit(req)
    }
}

/// `remove` do, with the spec's policy.
struct RemoveDoit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DoIt<F> for RemoveDoit<F> {
    const POLICY: &'static genl::Policy = &REMOVE_POLICY;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::remove_doit(req)
    }
}

/// `subflow-create` do, with the spec's policy.
struct SubflowCreateDoit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DoIt<F> for SubflowCreateDoit<F> {
    const POLICY: &'static genl::Policy = &SUBFLOW_CREATE_POLICY;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::subflow_create_doit(req)
    }
}

/// `subflow-destroy` do, with the spec's policy.
struct SubflowDestroyDoit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DoIt<F> for SubflowDestroyDoit<F> {
    const POLICY: &'static genl::Policy = &SUBFLOW_DESTROY_POLICY;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::subflow_destroy_doit(req)
    }
}

/// The spec's operations in command order, a do before its dump: the
/// `genl::Family::OPS` of a family implementing [`Handlers`].
pub(crate) struct Ops<F>(PhantomData<fn() -> F>);

impl<F: Handlers> Ops<F> {
    /// The table.
    pub(crate) const TABLE: &'static [genl::SplitOp<F>] = &[
        genl::SplitOp::doit::<AddAddrDoit<F>>(cmd::ADD_ADDR)
            .uns_admin_perm()
            .dont_validate_strict(),
        genl::SplitOp::doit::<DelAddrDoit<F>>(cmd::DEL_ADDR)
            .uns_admin_perm()
            .dont_validate_strict(),
        genl::SplitOp::doit::<GetAddrDoit<F>>(cmd::GET_ADDR).dont_validate_strict(),
        genl::SplitOp::dumpit::<GetAddrDumpit<F>>(cmd::GET_ADDR).dont_validate_strict(),
        genl::SplitOp::doit::<FlushAddrsDoit<F>>(cmd::FLUSH_ADDRS)
            .uns_admin_perm()
            .dont_validate_strict(),
        genl::SplitOp::doit::<SetLimitsDoit<F>>(cmd::SET_LIMITS)
            .uns_admin_perm()
            .dont_validate_strict(),
        genl::SplitOp::doit::<GetLimitsDoit<F>>(cmd::GET_LIMITS).dont_validate_strict(),
        genl::SplitOp::doit::<SetFlagsDoit<F>>(cmd::SET_FLAGS)
            .uns_admin_perm()
            .dont_validate_strict(),
        genl::SplitOp::doit::<AnnounceDoit<F>>(cmd::ANNOUNCE)
            .uns_admin_perm()
            .dont_validate_strict(),
        genl::SplitOp::doit::<RemoveDoit<F>>(cmd::REMOVE)
            .uns_admin_perm()
            .dont_validate_strict(),
        genl::SplitOp::doit::<SubflowCreateDoit<F>>(cmd::SUBFLOW_CREATE)
            .uns_admin_perm()
            .dont_validate_strict(),
        genl::SplitOp::doit::<SubflowDestroyDoit<F>>(cmd::SUBFLOW_DESTROY)
            .uns_admin_perm()
            .dont_validate_strict(),
    ];
}
