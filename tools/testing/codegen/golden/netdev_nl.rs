// SPDX-License-Identifier: GPL-2.0
// Do not edit: generated from Documentation/netlink/specs/netdev.yaml
// by tools/net/ynl/ynl-gen-rust.py --mode kernel.

//! The `netdev` generic netlink family's tables.
//!
//! netdev configuration over generic netlink.
//!
//! Handlers are hand-written: implement [`Handlers`] for the family type
//! and use [`Ops::TABLE`] as its `OPS`.

// Like a generated C header, the tables name all the spec has, whether or
// not this family's code uses it.
#![allow(dead_code)]

use core::marker::PhantomData;

/// The family's name.
pub(crate) const FAMILY_NAME: &kernel::str::CStr = kernel::c_str!("netdev");
/// The family's version.
pub(crate) const FAMILY_VERSION: u32 = 1;

/// Enum `xdp-act`.
pub(crate) mod xdp_act {
    /// XDP features set supported by all drivers (XDP_ABORTED, XDP_DROP, XDP_PASS, XDP_TX)
    pub(crate) const BASIC: u32 = 1;
    /// The netdev supports XDP_REDIRECT
    pub(crate) const REDIRECT: u32 = 2;
    /// This feature informs if netdev implements ndo_xdp_xmit callback.
    pub(crate) const NDO_XMIT: u32 = 4;
    /// This feature informs if netdev supports AF_XDP in zero copy mode.
    pub(crate) const XSK_ZEROCOPY: u32 = 8;
    /// This feature informs if netdev supports XDP hw offloading.
    pub(crate) const HW_OFFLOAD: u32 = 16;
    /// This feature informs if netdev implements non-linear XDP buffer support in the driver napi
    /// callback.
    pub(crate) const RX_SG: u32 = 32;
    /// This feature informs if netdev implements non-linear XDP buffer support in ndo_xdp_xmit
    /// callback.
    pub(crate) const NDO_XMIT_SG: u32 = 64;
    /// Every flag.
    pub(crate) const MASK: u32 = 0x7f;
}

/// Enum `xdp-rx-metadata`.
pub(crate) mod xdp_rx_metadata {
    /// Device is capable of exposing receive HW timestamp via bpf_xdp_metadata_rx_timestamp().
    pub(crate) const TIMESTAMP: u32 = 1;
    /// Device is capable of exposing receive packet hash via bpf_xdp_metadata_rx_hash().
    pub(crate) const HASH: u32 = 2;
    /// Device is capable of exposing receive packet VLAN tag via bpf_xdp_metadata_rx_vlan_tag().
    pub(crate) const VLAN_TAG: u32 = 4;
    /// Every flag.
    pub(crate) const MASK: u32 = 0x7;
}

/// Enum `xsk-flags`.
pub(crate) mod xsk_flags {
    /// HW timestamping egress packets is supported by the driver.
    pub(crate) const TX_TIMESTAMP: u32 = 1;
    /// L3 checksum HW offload is supported by the driver.
    pub(crate) const TX_CHECKSUM: u32 = 2;
    /// Every flag.
    pub(crate) const MASK: u32 = 0x3;
}

/// Enum `queue-type`.
pub(crate) mod queue_type {
    pub(crate) const RX: u32 = 0;
    pub(crate) const TX: u32 = 1;
}

/// Enum `qstats-scope`.
pub(crate) mod qstats_scope {
    pub(crate) const QUEUE: u32 = 1;
    /// Every flag.
    pub(crate) const MASK: u32 = 0x1;
}

/// Attribute set `dev`.
pub(crate) mod attr_dev {
    pub(crate) const IFINDEX: u16 = 1;
    pub(crate) const PAD: u16 = 2;
    pub(crate) const XDP_FEATURES: u16 = 3;
    pub(crate) const XDP_ZC_MAX_SEGS: u16 = 4;
    pub(crate) const XDP_RX_METADATA_FEATURES: u16 = 5;
    pub(crate) const XSK_FEATURES: u16 = 6;
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 6;
}

/// Attribute set `page-pool` (`page-pool-info`: subsets of it).
pub(crate) mod attr_page_pool {
    pub(crate) const ID: u16 = 1;
    pub(crate) const IFINDEX: u16 = 2;
    pub(crate) const NAPI_ID: u16 = 3;
    pub(crate) const INFLIGHT: u16 = 4;
    pub(crate) const INFLIGHT_MEM: u16 = 5;
    pub(crate) const DETACH_TIME: u16 = 6;
    pub(crate) const DMABUF: u16 = 7;
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 7;
}

/// Attribute set `page-pool-stats`.
pub(crate) mod attr_page_pool_stats {
    pub(crate) const INFO: u16 = 1;
    pub(crate) const ALLOC_FAST: u16 = 8;
    pub(crate) const ALLOC_SLOW: u16 = 9;
    pub(crate) const ALLOC_SLOW_HIGH_ORDER: u16 = 10;
    pub(crate) const ALLOC_EMPTY: u16 = 11;
    pub(crate) const ALLOC_REFILL: u16 = 12;
    pub(crate) const ALLOC_WAIVE: u16 = 13;
    pub(crate) const RECYCLE_CACHED: u16 = 14;
    pub(crate) const RECYCLE_CACHE_FULL: u16 = 15;
    pub(crate) const RECYCLE_RING: u16 = 16;
    pub(crate) const RECYCLE_RING_FULL: u16 = 17;
    pub(crate) const RECYCLE_RELEASED_REFCNT: u16 = 18;
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 18;
}

/// Attribute set `napi`.
pub(crate) mod attr_napi {
    pub(crate) const IFINDEX: u16 = 1;
    pub(crate) const ID: u16 = 2;
    pub(crate) const IRQ: u16 = 3;
    pub(crate) const PID: u16 = 4;
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 4;
}

/// Attribute set `queue` (`queue-id`: subsets of it).
pub(crate) mod attr_queue {
    pub(crate) const ID: u16 = 1;
    pub(crate) const IFINDEX: u16 = 2;
    pub(crate) const TYPE: u16 = 3;
    pub(crate) const NAPI_ID: u16 = 4;
    pub(crate) const DMABUF: u16 = 5;
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 5;
}

/// Attribute set `qstats`.
pub(crate) mod attr_qstats {
    pub(crate) const IFINDEX: u16 = 1;
    pub(crate) const QUEUE_TYPE: u16 = 2;
    pub(crate) const QUEUE_ID: u16 = 3;
    pub(crate) const SCOPE: u16 = 4;
    pub(crate) const RX_PACKETS: u16 = 8;
    pub(crate) const RX_BYTES: u16 = 9;
    pub(crate) const TX_PACKETS: u16 = 10;
    pub(crate) const TX_BYTES: u16 = 11;
    pub(crate) const RX_ALLOC_FAIL: u16 = 12;
    pub(crate) const RX_HW_DROPS: u16 = 13;
    pub(crate) const RX_HW_DROP_OVERRUNS: u16 = 14;
    pub(crate) const RX_CSUM_COMPLETE: u16 = 15;
    pub(crate) const RX_CSUM_UNNECESSARY: u16 = 16;
    pub(crate) const RX_CSUM_NONE: u16 = 17;
    pub(crate) const RX_CSUM_BAD: u16 = 18;
    pub(crate) const RX_HW_GRO_PACKETS: u16 = 19;
    pub(crate) const RX_HW_GRO_BYTES: u16 = 20;
    pub(crate) const RX_HW_GRO_WIRE_PACKETS: u16 = 21;
    pub(crate) const RX_HW_GRO_WIRE_BYTES: u16 = 22;
    pub(crate) const RX_HW_DROP_RATELIMITS: u16 = 23;
    pub(crate) const TX_HW_DROPS: u16 = 24;
    pub(crate) const TX_HW_DROP_ERRORS: u16 = 25;
    pub(crate) const TX_CSUM_NONE: u16 = 26;
    pub(crate) const TX_NEEDS_CSUM: u16 = 27;
    pub(crate) const TX_HW_GSO_PACKETS: u16 = 28;
    pub(crate) const TX_HW_GSO_BYTES: u16 = 29;
    pub(crate) const TX_HW_GSO_WIRE_PACKETS: u16 = 30;
    pub(crate) const TX_HW_GSO_WIRE_BYTES: u16 = 31;
    pub(crate) const TX_HW_DROP_RATELIMITS: u16 = 32;
    pub(crate) const TX_STOP: u16 = 33;
    pub(crate) const TX_WAKE: u16 = 34;
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 34;
}

/// Attribute set `dmabuf`.
pub(crate) mod attr_dmabuf {
    pub(crate) const IFINDEX: u16 = 1;
    pub(crate) const QUEUES: u16 = 2;
    pub(crate) const FD: u16 = 3;
    pub(crate) const ID: u16 = 4;
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 4;
}

/// Commands, notifications included (one numbering, as in the spec).
pub(crate) mod cmd {
    pub(crate) const DEV_GET: u8 = 1;
    pub(crate) const DEV_ADD_NTF: u8 = 2;
    pub(crate) const DEV_DEL_NTF: u8 = 3;
    pub(crate) const DEV_CHANGE_NTF: u8 = 4;
    pub(crate) const PAGE_POOL_GET: u8 = 5;
    pub(crate) const PAGE_POOL_ADD_NTF: u8 = 6;
    pub(crate) const PAGE_POOL_DEL_NTF: u8 = 7;
    pub(crate) const PAGE_POOL_CHANGE_NTF: u8 = 8;
    pub(crate) const PAGE_POOL_STATS_GET: u8 = 9;
    pub(crate) const QUEUE_GET: u8 = 10;
    pub(crate) const NAPI_GET: u8 = 11;
    pub(crate) const QSTATS_GET: u8 = 12;
    pub(crate) const BIND_RX: u8 = 13;
}

/// The lowest `genl::Family::RESV_START_OP` the ops allow: past the last
/// one with `dont-validate` (the core refuses those flags from it on).
pub(crate) const MIN_RESV_START_OP: u8 = 0;

/// Multicast groups: indexes into [`MCGRPS`].
pub(crate) mod group {
    pub(crate) const MGMT: u32 = 0;
    pub(crate) const PAGE_POOL: u32 = 1;
}

/// The multicast groups, for `genl::Family::MCGRPS`.
pub(crate) static MCGRPS: [genl::McGroup; 2] = [
    genl::McGroup::new(kernel::c_str!("mgmt")),
    genl::McGroup::new(kernel::c_str!("page-pool")),
];

static PAGE_POOL_ID_RANGE: genl::RangeU64 = genl::RangeU64::new(1, u32::MAX as u64);

static PAGE_POOL_IFINDEX_RANGE: genl::RangeU64 = genl::RangeU64::new(1, i32::MAX as u64);

/// `dev-get` do requests.
static DEV_GET_POLICY: genl::Policy<[genl::AttrPolicy; attr_dev::IFINDEX as usize + 1]> =
    genl::policy(&[(attr_dev::IFINDEX, genl::AttrPolicy::u32().min(1))]);

/// `page-pool-get` do requests.
#[cfg(CONFIG_PAGE_POOL = "y")]
static PAGE_POOL_GET_POLICY: genl::Policy<[genl::AttrPolicy; attr_page_pool::ID as usize + 1]> =
    genl::policy(&[(
        attr_page_pool::ID,
        genl::AttrPolicy::uint().range_u64(&PAGE_POOL_ID_RANGE),
    )]);

/// `page-pool-stats-get` do requests.
#[cfg(CONFIG_PAGE_POOL_STATS = "y")]
static PAGE_POOL_STATS_GET_POLICY: genl::Policy<
    [genl::AttrPolicy; attr_page_pool_stats::INFO as usize + 1],
> = genl::policy(&[(
    attr_page_pool_stats::INFO,
    genl::AttrPolicy::nested(&PAGE_POOL_INFO_NESTED_POLICY),
)]);

/// `queue-get` do requests.
static QUEUE_GET_DO_POLICY: genl::Policy<[genl::AttrPolicy; attr_queue::TYPE as usize + 1]> =
    genl::policy(&[
        (attr_queue::ID, genl::AttrPolicy::u32()),
        (attr_queue::IFINDEX, genl::AttrPolicy::u32().min(1)),
        (attr_queue::TYPE, genl::AttrPolicy::u32().max(1)),
    ]);

/// `queue-get` dump requests.
static QUEUE_GET_DUMP_POLICY: genl::Policy<[genl::AttrPolicy; attr_queue::IFINDEX as usize + 1]> =
    genl::policy(&[(attr_queue::IFINDEX, genl::AttrPolicy::u32().min(1))]);

/// `napi-get` do requests.
static NAPI_GET_DO_POLICY: genl::Policy<[genl::AttrPolicy; attr_napi::ID as usize + 1]> =
    genl::policy(&[(attr_napi::ID, genl::AttrPolicy::u32())]);

/// `napi-get` dump requests.
static NAPI_GET_DUMP_POLICY: genl::Policy<[genl::AttrPolicy; attr_napi::IFINDEX as usize + 1]> =
    genl::policy(&[(attr_napi::IFINDEX, genl::AttrPolicy::u32().min(1))]);

/// `qstats-get` dump requests.
static QSTATS_GET_POLICY: genl::Policy<[genl::AttrPolicy; attr_qstats::SCOPE as usize + 1]> =
    genl::policy(&[
        (attr_qstats::IFINDEX, genl::AttrPolicy::u32().min(1)),
        (attr_qstats::SCOPE, genl::AttrPolicy::uint().mask(0x1)),
    ]);

/// `bind-rx` do requests.
static BIND_RX_POLICY: genl::Policy<[genl::AttrPolicy; attr_dmabuf::FD as usize + 1]> =
    genl::policy(&[
        (attr_dmabuf::IFINDEX, genl::AttrPolicy::u32().min(1)),
        (
            attr_dmabuf::QUEUES,
            genl::AttrPolicy::nested(&QUEUE_ID_NESTED_POLICY),
        ),
        (attr_dmabuf::FD, genl::AttrPolicy::u32()),
    ]);

/// Nested attribute set `page-pool-info`.
static PAGE_POOL_INFO_NESTED_POLICY: genl::Policy<
    [genl::AttrPolicy; attr_page_pool::IFINDEX as usize + 1],
> = genl::policy(&[
    (
        attr_page_pool::ID,
        genl::AttrPolicy::uint().range_u64(&PAGE_POOL_ID_RANGE),
    ),
    (
        attr_page_pool::IFINDEX,
        genl::AttrPolicy::u32().range_u64(&PAGE_POOL_IFINDEX_RANGE),
    ),
]);

/// Nested attribute set `queue-id`.
static QUEUE_ID_NESTED_POLICY: genl::Policy<[genl::AttrPolicy; attr_queue::TYPE as usize + 1]> =
    genl::policy(&[
        (attr_queue::ID, genl::AttrPolicy::u32()),
        (attr_queue::TYPE, genl::AttrPolicy::u32().max(1)),
    ]);

/// The hand-written side of the `netdev` family: one item per handler
/// of the spec (ynl-gen-c's prototypes). Implementing it for the family
/// type gives [`Ops::TABLE`]; a missing or mistyped handler fails the
/// build.
pub(crate) trait Handlers: genl::Family {
    /// `dev-get` do. Get / dump information about a netdev.
    fn dev_get_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
    /// `dev-get` dump: where a dump resumes.
    type DevGetDumpCursor: genl::DumpCursor;
    /// `dev-get` dump: the largest attribute payload of one message.
    const DEV_GET_DUMP_MAX_MESSAGE: usize;
    /// `dev-get` dump. Get / dump information about a netdev.
    fn dev_get_dumpit(
        dump: &mut genl::Dump<'_, Self>,
        cursor: &mut Self::DevGetDumpCursor,
    ) -> kernel::error::Result;
    /// `page-pool-get` do. Get / dump information about Page Pools.
    #[cfg(CONFIG_PAGE_POOL = "y")]
    fn page_pool_get_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
    /// `page-pool-get` dump: where a dump resumes.
    #[cfg(CONFIG_PAGE_POOL = "y")]
    type PagePoolGetDumpCursor: genl::DumpCursor;
    /// `page-pool-get` dump: the largest attribute payload of one message.
    #[cfg(CONFIG_PAGE_POOL = "y")]
    const PAGE_POOL_GET_DUMP_MAX_MESSAGE: usize;
    /// `page-pool-get` dump. Get / dump information about Page Pools.
    #[cfg(CONFIG_PAGE_POOL = "y")]
    fn page_pool_get_dumpit(
        dump: &mut genl::Dump<'_, Self>,
        cursor: &mut Self::PagePoolGetDumpCursor,
    ) -> kernel::error::Result;
    /// `page-pool-stats-get` do. Get page pool statistics.
    #[cfg(CONFIG_PAGE_POOL_STATS = "y")]
    fn page_pool_stats_get_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
    /// `page-pool-stats-get` dump: where a dump resumes.
    #[cfg(CONFIG_PAGE_POOL_STATS = "y")]
    type PagePoolStatsGetDumpCursor: genl::DumpCursor;
    /// `page-pool-stats-get` dump: the largest attribute payload of one message.
    #[cfg(CONFIG_PAGE_POOL_STATS = "y")]
    const PAGE_POOL_STATS_GET_DUMP_MAX_MESSAGE: usize;
    /// `page-pool-stats-get` dump. Get page pool statistics.
    #[cfg(CONFIG_PAGE_POOL_STATS = "y")]
    fn page_pool_stats_get_dumpit(
        dump: &mut genl::Dump<'_, Self>,
        cursor: &mut Self::PagePoolStatsGetDumpCursor,
    ) -> kernel::error::Result;
    /// `queue-get` do. Get queue information from the kernel.
    fn queue_get_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
    /// `queue-get` dump: where a dump resumes.
    type QueueGetDumpCursor: genl::DumpCursor;
    /// `queue-get` dump: the largest attribute payload of one message.
    const QUEUE_GET_DUMP_MAX_MESSAGE: usize;
    /// `queue-get` dump. Get queue information from the kernel.
    fn queue_get_dumpit(
        dump: &mut genl::Dump<'_, Self>,
        cursor: &mut Self::QueueGetDumpCursor,
    ) -> kernel::error::Result;
    /// `napi-get` do. Get information about NAPI instances configured on the system.
    fn napi_get_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
    /// `napi-get` dump: where a dump resumes.
    type NapiGetDumpCursor: genl::DumpCursor;
    /// `napi-get` dump: the largest attribute payload of one message.
    const NAPI_GET_DUMP_MAX_MESSAGE: usize;
    /// `napi-get` dump. Get information about NAPI instances configured on the system.
    fn napi_get_dumpit(
        dump: &mut genl::Dump<'_, Self>,
        cursor: &mut Self::NapiGetDumpCursor,
    ) -> kernel::error::Result;
    /// `qstats-get` dump: where a dump resumes.
    type QstatsGetDumpCursor: genl::DumpCursor;
    /// `qstats-get` dump: the largest attribute payload of one message.
    const QSTATS_GET_DUMP_MAX_MESSAGE: usize;
    /// `qstats-get` dump. Get / dump fine grained statistics.
    fn qstats_get_dumpit(
        dump: &mut genl::Dump<'_, Self>,
        cursor: &mut Self::QstatsGetDumpCursor,
    ) -> kernel::error::Result;
    /// `bind-rx` do. Bind dmabuf to netdev
    fn bind_rx_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
}

/// `dev-get` do, with the spec's policy.
struct DevGetDoit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DoIt<F> for DevGetDoit<F> {
    const POLICY: &'static genl::Policy = &DEV_GET_POLICY;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::dev_get_doit(req)
    }
}

/// `dev-get` dump, with the spec's policy.
struct DevGetDumpit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DumpIt<F> for DevGetDumpit<F> {
    const POLICY: &'static genl::Policy = genl::Policy::NONE;
    const MAX_MESSAGE: usize = F::DEV_GET_DUMP_MAX_MESSAGE;
    type Cursor = F::DevGetDumpCursor;

    fn dumpit(dump: &mut genl::Dump<'_, F>, cursor: &mut Self::Cursor) -> kernel::error::Result {
        F::dev_get_dumpit(dump, cursor)
    }
}

/// `page-pool-get` do, with the spec's policy.
#[cfg(CONFIG_PAGE_POOL = "y")]
struct PagePoolGetDoit<F>(PhantomData<fn() -> F>);

#[cfg(CONFIG_PAGE_POOL = "y")]
impl<F: Handlers> genl::DoIt<F> for PagePoolGetDoit<F> {
    const POLICY: &'static genl::Policy = &PAGE_POOL_GET_POLICY;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::page_pool_get_doit(req)
    }
}

/// `page-pool-get` dump, with the spec's policy.
#[cfg(CONFIG_PAGE_POOL = "y")]
struct PagePoolGetDumpit<F>(PhantomData<fn() -> F>);

#[cfg(CONFIG_PAGE_POOL = "y")]
impl<F: Handlers> genl::DumpIt<F> for PagePoolGetDumpit<F> {
    const POLICY: &'static genl::Policy = genl::Policy::NONE;
    const MAX_MESSAGE: usize = F::PAGE_POOL_GET_DUMP_MAX_MESSAGE;
    type Cursor = F::PagePoolGetDumpCursor;

    fn dumpit(dump: &mut genl::Dump<'_, F>, cursor: &mut Self::Cursor) -> kernel::error::Result {
        F::page_pool_get_dumpit(dump, cursor)
    }
}

/// `page-pool-stats-get` do, with the spec's policy.
#[cfg(CONFIG_PAGE_POOL_STATS = "y")]
struct PagePoolStatsGetDoit<F>(PhantomData<fn() -> F>);

#[cfg(CONFIG_PAGE_POOL_STATS = "y")]
impl<F: Handlers> genl::DoIt<F> for PagePoolStatsGetDoit<F> {
    const POLICY: &'static genl::Policy = &PAGE_POOL_STATS_GET_POLICY;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::page_pool_stats_get_doit(req)
    }
}

/// `page-pool-stats-get` dump, with the spec's policy.
#[cfg(CONFIG_PAGE_POOL_STATS = "y")]
struct PagePoolStatsGetDumpit<F>(PhantomData<fn() -> F>);

#[cfg(CONFIG_PAGE_POOL_STATS = "y")]
impl<F: Handlers> genl::DumpIt<F> for PagePoolStatsGetDumpit<F> {
    const POLICY: &'static genl::Policy = genl::Policy::NONE;
    const MAX_MESSAGE: usize = F::PAGE_POOL_STATS_GET_DUMP_MAX_MESSAGE;
    type Cursor = F::PagePoolStatsGetDumpCursor;

    fn dumpit(dump: &mut genl::Dump<'_, F>, cursor: &mut Self::Cursor) -> kernel::error::Result {
        F::page_pool_stats_get_dumpit(dump, cursor)
    }
}

/// `queue-get` do, with the spec's policy.
struct QueueGetDoit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DoIt<F> for QueueGetDoit<F> {
    const POLICY: &'static genl::Policy = &QUEUE_GET_DO_POLICY;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::queue_get_doit(req)
    }
}

/// `queue-get` dump, with the spec's policy.
struct QueueGetDumpit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DumpIt<F> for QueueGetDumpit<F> {
    const POLICY: &'static genl::Policy = &QUEUE_GET_DUMP_POLICY;
    const MAX_MESSAGE: usize = F::QUEUE_GET_DUMP_MAX_MESSAGE;
    type Cursor = F::QueueGetDumpCursor;

    fn dumpit(dump: &mut genl::Dump<'_, F>, cursor: &mut Self::Cursor) -> kernel::error::Result {
        F::queue_get_dumpit(dump, cursor)
    }
}

/// `napi-get` do, with the spec's policy.
struct NapiGetDoit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DoIt<F> for NapiGetDoit<F> {
    const POLICY: &'static genl::Policy = &NAPI_GET_DO_POLICY;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::napi_get_doit(req)
    }
}

/// `napi-get` dump, with the spec's policy.
struct NapiGetDumpit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DumpIt<F> for NapiGetDumpit<F> {
    const POLICY: &'static genl::Policy = &NAPI_GET_DUMP_POLICY;
    const MAX_MESSAGE: usize = F::NAPI_GET_DUMP_MAX_MESSAGE;
    type Cursor = F::NapiGetDumpCursor;

    fn dumpit(dump: &mut genl::Dump<'_, F>, cursor: &mut Self::Cursor) -> kernel::error::Result {
        F::napi_get_dumpit(dump, cursor)
    }
}

/// `qstats-get` dump, with the spec's policy.
struct QstatsGetDumpit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DumpIt<F> for QstatsGetDumpit<F> {
    const POLICY: &'static genl::Policy = &QSTATS_GET_POLICY;
    const MAX_MESSAGE: usize = F::QSTATS_GET_DUMP_MAX_MESSAGE;
    type Cursor = F::QstatsGetDumpCursor;

    fn dumpit(dump: &mut genl::Dump<'_, F>, cursor: &mut Self::Cursor) -> kernel::error::Result {
        F::qstats_get_dumpit(dump, cursor)
    }
}

/// `bind-rx` do, with the spec's policy.
struct BindRxDoit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DoIt<F> for BindRxDoit<F> {
    const POLICY: &'static genl::Policy = &BIND_RX_POLICY;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::bind_rx_doit(req)
    }
}

/// The spec's operations in command order, a do before its dump: the
/// `genl::Family::OPS` of a family implementing [`Handlers`].
pub(crate) struct Ops<F>(PhantomData<fn() -> F>);

impl<F: Handlers> Ops<F> {
    /// The table.
    pub(crate) const TABLE: &'static [genl::SplitOp<F>] = &[
        genl::SplitOp::doit::<DevGetDoit<F>>(cmd::DEV_GET),
        genl::SplitOp::dumpit::<DevGetDumpit<F>>(cmd::DEV_GET),
        #[cfg(CONFIG_PAGE_POOL = "y")]
        genl::SplitOp::doit::<PagePoolGetDoit<F>>(cmd::PAGE_POOL_GET),
        #[cfg(CONFIG_PAGE_POOL = "y")]
        genl::SplitOp::dumpit::<PagePoolGetDumpit<F>>(cmd::PAGE_POOL_GET),
        #[cfg(CONFIG_PAGE_POOL_STATS = "y")]
        genl::SplitOp::doit::<PagePoolStatsGetDoit<F>>(cmd::PAGE_POOL_STATS_GET),
        #[cfg(CONFIG_PAGE_POOL_STATS = "y")]
        genl::SplitOp::dumpit::<PagePoolStatsGetDumpit<F>>(cmd::PAGE_POOL_STATS_GET),
        genl::SplitOp::doit::<QueueGetDoit<F>>(cmd::QUEUE_GET),
        genl::SplitOp::dumpit::<QueueGetDumpit<F>>(cmd::QUEUE_GET),
        genl::SplitOp::doit::<NapiGetDoit<F>>(cmd::NAPI_GET),
        genl::SplitOp::dumpit::<NapiGetDumpit<F>>(cmd::NAPI_GET),
        genl::SplitOp::dumpit::<QstatsGetDumpit<F>>(cmd::QSTATS_GET),
        genl::SplitOp::doit::<BindRxDoit<F>>(cmd::BIND_RX).admin_perm(),
    ];
}
