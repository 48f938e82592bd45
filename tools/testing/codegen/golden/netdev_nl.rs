// SPDX-License-Identifier: GPL-2.0
// Do not edit: generated from Documentation/netlink/specs/netdev.yaml
// by tools/net/ynl/ynl-gen-rust.py --mode kernel.

//! The `netdev` generic netlink family's tables.
//!
//! netdev configuration over generic netlink.
//!
//! The family type [`Netdev`] and its description; typed ids,
//! views and writers of its attributes; one trait per handler, which the
//! family's code implements for the family type, and which the ops table
//! calls with the request already validated.

// Like a generated C header, the tables name all the spec has, whether or
// not this family's code uses it.
#![allow(dead_code)]

/// Flags `xdp-act`.
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

/// Flags `xdp-rx-metadata`.
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

/// Flags `xsk-flags`.
pub(crate) mod xsk_flags {
    /// HW timestamping egress packets is supported by the driver.
    pub(crate) const TX_TIMESTAMP: u32 = 1;
    /// L3 checksum HW offload is supported by the driver.
    pub(crate) const TX_CHECKSUM: u32 = 2;
    /// Every flag.
    pub(crate) const MASK: u32 = 0x3;
}

/// Enum `queue-type`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u32)]
#[allow(clippy::enum_variant_names)] // The spec's names.
pub(crate) enum QueueType {
    Rx = 0,
    Tx = 1,
}

impl genl::kind::EnumValue for QueueType {
    fn value(self) -> u32 {
        self as u32
    }
}

impl genl::kind::CheckedEnum for QueueType {
    fn from_validated(v: u32) -> Self {
        match v {
            0 => Self::Rx,
            _ => Self::Tx,
        }
    }
}

/// Flags `qstats-scope`.
pub(crate) mod qstats_scope {
    pub(crate) const QUEUE: u32 = 1;
    /// Every flag.
    pub(crate) const MASK: u32 = 0x1;
}

/// Attribute set `dev`.
pub(crate) mod attr_dev {
    #[allow(unused_imports)]
    use super::*;

    /// The set, in attribute ids, views and writers.
    pub(crate) enum Set {}
    /// netdev ifindex
    pub(crate) const IFINDEX: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(1);
    pub(crate) const PAD: genl::AttrId<Set, genl::kind::Pad> = genl::AttrId::new(2);
    /// Bitmask of enabled xdp-features.
    pub(crate) const XDP_FEATURES: genl::AttrId<Set, genl::kind::U64> = genl::AttrId::new(3);
    /// max fragment count supported by ZC driver
    pub(crate) const XDP_ZC_MAX_SEGS: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(4);
    /// Bitmask of supported XDP receive metadata features.
    pub(crate) const XDP_RX_METADATA_FEATURES: genl::AttrId<Set, genl::kind::U64> =
        genl::AttrId::new(5);
    /// Bitmask of enabled AF_XDP features.
    pub(crate) const XSK_FEATURES: genl::AttrId<Set, genl::kind::U64> = genl::AttrId::new(6);
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 6;
}

/// Attribute set `page-pool`.
pub(crate) mod attr_page_pool {
    #[allow(unused_imports)]
    use super::*;

    /// The set, in attribute ids, views and writers.
    pub(crate) enum Set {}
    /// Unique ID of a Page Pool instance.
    pub(crate) const ID: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(1);
    /// ifindex of the netdev to which the pool belongs.
    pub(crate) const IFINDEX: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(2);
    /// Id of NAPI using this Page Pool instance.
    pub(crate) const NAPI_ID: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(3);
    /// Number of outstanding references to this page pool (allocated but yet to be freed pages).
    pub(crate) const INFLIGHT: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(4);
    /// Amount of memory held by inflight pages.
    pub(crate) const INFLIGHT_MEM: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(5);
    /// Seconds in CLOCK_BOOTTIME of when Page Pool was detached by the driver.
    pub(crate) const DETACH_TIME: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(6);
    /// ID of the dmabuf this page-pool is attached to.
    pub(crate) const DMABUF: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(7);
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 7;
}

/// Attribute set `page-pool-info`, a subset of `page-pool`.
pub(crate) mod attr_page_pool_info {
    #[allow(unused_imports)]
    use super::*;

    /// The set, in attribute ids, views and writers.
    pub(crate) enum Set {}
    /// Unique ID of a Page Pool instance.
    pub(crate) const ID: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(1);
    /// ifindex of the netdev to which the pool belongs.
    pub(crate) const IFINDEX: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(2);
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 2;
}

/// Attribute set `page-pool-stats`.
pub(crate) mod attr_page_pool_stats {
    #[allow(unused_imports)]
    use super::*;

    /// The set, in attribute ids, views and writers.
    pub(crate) enum Set {}
    /// Page pool identifying information.
    pub(crate) const INFO: genl::AttrId<Set, genl::kind::Nest<attr_page_pool_info::Set>> =
        genl::AttrId::new(1);
    pub(crate) const ALLOC_FAST: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(8);
    pub(crate) const ALLOC_SLOW: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(9);
    pub(crate) const ALLOC_SLOW_HIGH_ORDER: genl::AttrId<Set, genl::kind::Uint> =
        genl::AttrId::new(10);
    pub(crate) const ALLOC_EMPTY: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(11);
    pub(crate) const ALLOC_REFILL: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(12);
    pub(crate) const ALLOC_WAIVE: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(13);
    pub(crate) const RECYCLE_CACHED: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(14);
    pub(crate) const RECYCLE_CACHE_FULL: genl::AttrId<Set, genl::kind::Uint> =
        genl::AttrId::new(15);
    pub(crate) const RECYCLE_RING: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(16);
    pub(crate) const RECYCLE_RING_FULL: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(17);
    pub(crate) const RECYCLE_RELEASED_REFCNT: genl::AttrId<Set, genl::kind::Uint> =
        genl::AttrId::new(18);
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 18;
}

/// Attribute set `napi`.
pub(crate) mod attr_napi {
    #[allow(unused_imports)]
    use super::*;

    /// The set, in attribute ids, views and writers.
    pub(crate) enum Set {}
    /// ifindex of the netdevice to which NAPI instance belongs.
    pub(crate) const IFINDEX: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(1);
    /// ID of the NAPI instance.
    pub(crate) const ID: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(2);
    /// The associated interrupt vector number for the napi
    pub(crate) const IRQ: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(3);
    /// PID of the napi thread, if NAPI is configured to operate in threaded mode.
    pub(crate) const PID: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(4);
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 4;
}

/// Attribute set `queue`.
pub(crate) mod attr_queue {
    #[allow(unused_imports)]
    use super::*;

    /// The set, in attribute ids, views and writers.
    pub(crate) enum Set {}
    /// Queue index; most queue types are indexed like a C array, with indexes starting at 0 and
    /// ending at queue count - 1.
    pub(crate) const ID: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(1);
    /// ifindex of the netdevice to which the queue belongs.
    pub(crate) const IFINDEX: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(2);
    /// Queue type as rx, tx.
    pub(crate) const TYPE: genl::AttrId<Set, genl::kind::Enum<QueueType, genl::kind::U32>> =
        genl::AttrId::new(3);
    /// ID of the NAPI instance which services this queue.
    pub(crate) const NAPI_ID: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(4);
    /// ID of the dmabuf attached to this queue, if any.
    pub(crate) const DMABUF: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(5);
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 5;
}

/// Attribute set `qstats`.
pub(crate) mod attr_qstats {
    #[allow(unused_imports)]
    use super::*;

    /// The set, in attribute ids, views and writers.
    pub(crate) enum Set {}
    /// ifindex of the netdevice to which stats belong.
    pub(crate) const IFINDEX: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(1);
    /// Queue type as rx, tx, for queue-id.
    pub(crate) const QUEUE_TYPE: genl::AttrId<Set, genl::kind::Enum<QueueType, genl::kind::U32>> =
        genl::AttrId::new(2);
    /// Queue ID, if stats are scoped to a single queue instance.
    pub(crate) const QUEUE_ID: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(3);
    /// What object type should be used to iterate over the stats.
    pub(crate) const SCOPE: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(4);
    /// Number of wire packets successfully received and passed to the stack.
    pub(crate) const RX_PACKETS: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(8);
    /// Successfully received bytes, see `rx-packets`.
    pub(crate) const RX_BYTES: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(9);
    /// Number of wire packets successfully sent.
    pub(crate) const TX_PACKETS: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(10);
    /// Successfully sent bytes, see `tx-packets`.
    pub(crate) const TX_BYTES: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(11);
    /// Number of times skb or buffer allocation failed on the Rx datapath.
    pub(crate) const RX_ALLOC_FAIL: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(12);
    /// Number of all packets which entered the device, but never left it, including but not limited
    /// to: packets dropped due to lack of buffer space, processing errors, explicit or implicit
    /// policies and packet filters.
    pub(crate) const RX_HW_DROPS: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(13);
    /// Number of packets dropped due to transient lack of resources, such as buffer space, host
    /// descriptors etc.
    pub(crate) const RX_HW_DROP_OVERRUNS: genl::AttrId<Set, genl::kind::Uint> =
        genl::AttrId::new(14);
    /// Number of packets that were marked as CHECKSUM_COMPLETE.
    pub(crate) const RX_CSUM_COMPLETE: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(15);
    /// Number of packets that were marked as CHECKSUM_UNNECESSARY.
    pub(crate) const RX_CSUM_UNNECESSARY: genl::AttrId<Set, genl::kind::Uint> =
        genl::AttrId::new(16);
    /// Number of packets that were not checksummed by device.
    pub(crate) const RX_CSUM_NONE: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(17);
    /// Number of packets with bad checksum.
    pub(crate) const RX_CSUM_BAD: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(18);
    /// Number of packets that were coalesced from smaller packets by the device.
    pub(crate) const RX_HW_GRO_PACKETS: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(19);
    /// See `rx-hw-gro-packets`.
    pub(crate) const RX_HW_GRO_BYTES: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(20);
    /// Number of packets that were coalesced to bigger packetss with the HW-GRO netdevice feature.
    pub(crate) const RX_HW_GRO_WIRE_PACKETS: genl::AttrId<Set, genl::kind::Uint> =
        genl::AttrId::new(21);
    /// See `rx-hw-gro-wire-packets`.
    pub(crate) const RX_HW_GRO_WIRE_BYTES: genl::AttrId<Set, genl::kind::Uint> =
        genl::AttrId::new(22);
    /// Number of the packets dropped by the device due to the received packets bitrate exceeding
    /// the device rate limit.
    pub(crate) const RX_HW_DROP_RATELIMITS: genl::AttrId<Set, genl::kind::Uint> =
        genl::AttrId::new(23);
    /// Number of packets that arrived at the device but never left it, encompassing packets dropped
    /// for reasons such as processing errors, as well as those affected by explicitly defined
    /// policies and packet filtering criteria.
    pub(crate) const TX_HW_DROPS: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(24);
    /// Number of packets dropped because they were invalid or malformed.
    pub(crate) const TX_HW_DROP_ERRORS: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(25);
    /// Number of packets that did not require the device to calculate the checksum.
    pub(crate) const TX_CSUM_NONE: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(26);
    /// Number of packets that required the device to calculate the checksum.
    pub(crate) const TX_NEEDS_CSUM: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(27);
    /// Number of packets that necessitated segmentation into smaller packets by the device.
    pub(crate) const TX_HW_GSO_PACKETS: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(28);
    /// See `tx-hw-gso-packets`.
    pub(crate) const TX_HW_GSO_BYTES: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(29);
    /// Number of wire-sized packets generated by processing `tx-hw-gso-packets`
    pub(crate) const TX_HW_GSO_WIRE_PACKETS: genl::AttrId<Set, genl::kind::Uint> =
        genl::AttrId::new(30);
    /// See `tx-hw-gso-wire-packets`.
    pub(crate) const TX_HW_GSO_WIRE_BYTES: genl::AttrId<Set, genl::kind::Uint> =
        genl::AttrId::new(31);
    /// Number of the packets dropped by the device due to the transmit packets bitrate exceeding
    /// the device rate limit.
    pub(crate) const TX_HW_DROP_RATELIMITS: genl::AttrId<Set, genl::kind::Uint> =
        genl::AttrId::new(32);
    /// Number of times driver paused accepting new tx packets from the stack to this queue, because
    /// the queue was full.
    pub(crate) const TX_STOP: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(33);
    /// Number of times driver re-started accepting send requests to this queue from the stack.
    pub(crate) const TX_WAKE: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(34);
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 34;
}

/// Attribute set `queue-id`, a subset of `queue`.
pub(crate) mod attr_queue_id {
    #[allow(unused_imports)]
    use super::*;

    /// The set, in attribute ids, views and writers.
    pub(crate) enum Set {}
    /// Queue index; most queue types are indexed like a C array, with indexes starting at 0 and
    /// ending at queue count - 1.
    pub(crate) const ID: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(1);
    /// Queue type as rx, tx.
    pub(crate) const TYPE: genl::AttrId<Set, genl::kind::Enum<QueueType, genl::kind::U32>> =
        genl::AttrId::new(3);
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 3;
}

/// Attribute set `dmabuf`.
pub(crate) mod attr_dmabuf {
    #[allow(unused_imports)]
    use super::*;

    /// The set, in attribute ids, views and writers.
    pub(crate) enum Set {}
    /// netdev ifindex to bind the dmabuf to.
    pub(crate) const IFINDEX: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(1);
    /// receive queues to bind the dmabuf to.
    pub(crate) const QUEUES: genl::AttrId<Set, genl::kind::Nest<attr_queue_id::Set>> =
        genl::AttrId::new(2);
    /// dmabuf file descriptor to bind.
    pub(crate) const FD: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(3);
    /// id of the dmabuf binding
    pub(crate) const ID: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(4);
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 4;
}

/// Commands, notifications included (one numbering, as in the spec),
/// each with the attribute set of its messages.
pub(crate) mod cmd {
    /// Get / dump information about a netdev.
    pub(crate) const DEV_GET: genl::Cmd<super::attr_dev::Set> = genl::Cmd::new(1);
    /// Notification about device appearing.
    pub(crate) const DEV_ADD_NTF: genl::Cmd<super::attr_dev::Set> = genl::Cmd::new(2);
    /// Notification about device disappearing.
    pub(crate) const DEV_DEL_NTF: genl::Cmd<super::attr_dev::Set> = genl::Cmd::new(3);
    /// Notification about device configuration being changed.
    pub(crate) const DEV_CHANGE_NTF: genl::Cmd<super::attr_dev::Set> = genl::Cmd::new(4);
    /// Get / dump information about Page Pools.
    pub(crate) const PAGE_POOL_GET: genl::Cmd<super::attr_page_pool::Set> = genl::Cmd::new(5);
    /// Notification about page pool appearing.
    pub(crate) const PAGE_POOL_ADD_NTF: genl::Cmd<super::attr_page_pool::Set> = genl::Cmd::new(6);
    /// Notification about page pool disappearing.
    pub(crate) const PAGE_POOL_DEL_NTF: genl::Cmd<super::attr_page_pool::Set> = genl::Cmd::new(7);
    /// Notification about page pool configuration being changed.
    pub(crate) const PAGE_POOL_CHANGE_NTF: genl::Cmd<super::attr_page_pool::Set> =
        genl::Cmd::new(8);
    /// Get page pool statistics.
    pub(crate) const PAGE_POOL_STATS_GET: genl::Cmd<super::attr_page_pool_stats::Set> =
        genl::Cmd::new(9);
    /// Get queue information from the kernel.
    pub(crate) const QUEUE_GET: genl::Cmd<super::attr_queue::Set> = genl::Cmd::new(10);
    /// Get information about NAPI instances configured on the system.
    pub(crate) const NAPI_GET: genl::Cmd<super::attr_napi::Set> = genl::Cmd::new(11);
    /// Get / dump fine grained statistics.
    pub(crate) const QSTATS_GET: genl::Cmd<super::attr_qstats::Set> = genl::Cmd::new(12);
    /// Bind dmabuf to netdev
    pub(crate) const BIND_RX: genl::Cmd<super::attr_dmabuf::Set> = genl::Cmd::new(13);
}

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
static DEV_GET_POLICY: genl::Policy<[genl::AttrPolicy; attr_dev::IFINDEX.id() as usize + 1]> =
    genl::policy(&[(attr_dev::IFINDEX.id(), genl::AttrPolicy::u32().min(1))]);

/// `page-pool-get` do requests.
#[cfg(CONFIG_PAGE_POOL = "y")]
static PAGE_POOL_GET_POLICY: genl::Policy<
    [genl::AttrPolicy; attr_page_pool::ID.id() as usize + 1],
> = genl::policy(&[(
    attr_page_pool::ID.id(),
    genl::AttrPolicy::uint().range_u64(&PAGE_POOL_ID_RANGE),
)]);

/// `page-pool-stats-get` do requests.
#[cfg(CONFIG_PAGE_POOL_STATS = "y")]
static PAGE_POOL_STATS_GET_POLICY: genl::Policy<
    [genl::AttrPolicy; attr_page_pool_stats::INFO.id() as usize + 1],
> = genl::policy(&[(
    attr_page_pool_stats::INFO.id(),
    genl::AttrPolicy::nested(&PAGE_POOL_INFO_NESTED_POLICY),
)]);

/// `queue-get` do requests.
static QUEUE_GET_DO_POLICY: genl::Policy<[genl::AttrPolicy; attr_queue::TYPE.id() as usize + 1]> =
    genl::policy(&[
        (attr_queue::ID.id(), genl::AttrPolicy::u32()),
        (attr_queue::IFINDEX.id(), genl::AttrPolicy::u32().min(1)),
        (attr_queue::TYPE.id(), genl::AttrPolicy::u32().max(1)),
    ]);

/// `queue-get` dump requests.
static QUEUE_GET_DUMP_POLICY: genl::Policy<
    [genl::AttrPolicy; attr_queue::IFINDEX.id() as usize + 1],
> = genl::policy(&[(attr_queue::IFINDEX.id(), genl::AttrPolicy::u32().min(1))]);

/// `napi-get` do requests.
static NAPI_GET_DO_POLICY: genl::Policy<[genl::AttrPolicy; attr_napi::ID.id() as usize + 1]> =
    genl::policy(&[(attr_napi::ID.id(), genl::AttrPolicy::u32())]);

/// `napi-get` dump requests.
static NAPI_GET_DUMP_POLICY: genl::Policy<
    [genl::AttrPolicy; attr_napi::IFINDEX.id() as usize + 1],
> = genl::policy(&[(attr_napi::IFINDEX.id(), genl::AttrPolicy::u32().min(1))]);

/// `qstats-get` dump requests.
static QSTATS_GET_POLICY: genl::Policy<[genl::AttrPolicy; attr_qstats::SCOPE.id() as usize + 1]> =
    genl::policy(&[
        (attr_qstats::IFINDEX.id(), genl::AttrPolicy::u32().min(1)),
        (attr_qstats::SCOPE.id(), genl::AttrPolicy::uint().mask(0x1)),
    ]);

/// `bind-rx` do requests.
static BIND_RX_POLICY: genl::Policy<[genl::AttrPolicy; attr_dmabuf::FD.id() as usize + 1]> =
    genl::policy(&[
        (attr_dmabuf::IFINDEX.id(), genl::AttrPolicy::u32().min(1)),
        (
            attr_dmabuf::QUEUES.id(),
            genl::AttrPolicy::nested(&QUEUE_ID_NESTED_POLICY),
        ),
        (attr_dmabuf::FD.id(), genl::AttrPolicy::u32()),
    ]);

/// Nested attribute set `page-pool-info`.
static PAGE_POOL_INFO_NESTED_POLICY: genl::Policy<
    [genl::AttrPolicy; attr_page_pool::IFINDEX.id() as usize + 1],
> = genl::policy(&[
    (
        attr_page_pool::ID.id(),
        genl::AttrPolicy::uint().range_u64(&PAGE_POOL_ID_RANGE),
    ),
    (
        attr_page_pool::IFINDEX.id(),
        genl::AttrPolicy::u32().range_u64(&PAGE_POOL_IFINDEX_RANGE),
    ),
]);

/// Nested attribute set `queue-id`.
static QUEUE_ID_NESTED_POLICY: genl::Policy<
    [genl::AttrPolicy; attr_queue::TYPE.id() as usize + 1],
> = genl::policy(&[
    (attr_queue::ID.id(), genl::AttrPolicy::u32()),
    (attr_queue::TYPE.id(), genl::AttrPolicy::u32().max(1)),
]);

/// The largest attribute payload of each message whose attributes the
/// spec bounds, for `new_message` and dumps' `MAX_MESSAGE`.
pub(crate) mod max_payload {
    #[allow(unused_imports)]
    use super::*;

    /// `dev-get` do reply.
    pub(crate) const DEV_GET_DO: usize = genl::size::sum(&[
        genl::size::U32,
        genl::size::U64,
        genl::size::U32,
        genl::size::U64,
        genl::size::U64,
    ]);
    /// `dev-get` dump reply.
    pub(crate) const DEV_GET_DUMP: usize = genl::size::sum(&[
        genl::size::U32,
        genl::size::U64,
        genl::size::U32,
        genl::size::U64,
        genl::size::U64,
    ]);
    /// `page-pool-get` do reply.
    pub(crate) const PAGE_POOL_GET_DO: usize = genl::size::sum(&[
        genl::size::attr(8),
        genl::size::U32,
        genl::size::attr(8),
        genl::size::attr(8),
        genl::size::attr(8),
        genl::size::attr(8),
        genl::size::U32,
    ]);
    /// `page-pool-get` dump reply.
    pub(crate) const PAGE_POOL_GET_DUMP: usize = genl::size::sum(&[
        genl::size::attr(8),
        genl::size::U32,
        genl::size::attr(8),
        genl::size::attr(8),
        genl::size::attr(8),
        genl::size::attr(8),
        genl::size::U32,
    ]);
    /// `page-pool-stats-get` do reply.
    pub(crate) const PAGE_POOL_STATS_GET_DO: usize = genl::size::sum(&[
        genl::size::nest(genl::size::sum(&[genl::size::attr(8), genl::size::U32])),
        genl::size::attr(8),
        genl::size::attr(8),
        genl::size::attr(8),
        genl::size::attr(8),
        genl::size::attr(8),
        genl::size::attr(8),
        genl::size::attr(8),
        genl::size::attr(8),
        genl::size::attr(8),
        genl::size::attr(8),
        genl::size::attr(8),
    ]);
    /// `page-pool-stats-get` dump reply.
    pub(crate) const PAGE_POOL_STATS_GET_DUMP: usize = genl::size::sum(&[
        genl::size::nest(genl::size::sum(&[genl::size::attr(8), genl::size::U32])),
        genl::size::attr(8),
        genl::size::attr(8),
        genl::size::attr(8),
        genl::size::attr(8),
        genl::size::attr(8),
        genl::size::attr(8),
        genl::size::attr(8),
        genl::size::attr(8),
        genl::size::attr(8),
        genl::size::attr(8),
        genl::size::attr(8),
    ]);
    /// `queue-get` do reply.
    pub(crate) const QUEUE_GET_DO: usize = genl::size::sum(&[
        genl::size::U32,
        genl::size::U32,
        genl::size::U32,
        genl::size::U32,
        genl::size::U32,
    ]);
    /// `queue-get` dump reply.
    pub(crate) const QUEUE_GET_DUMP: usize = genl::size::sum(&[
        genl::size::U32,
        genl::size::U32,
        genl::size::U32,
        genl::size::U32,
        genl::size::U32,
    ]);
    /// `napi-get` do reply.
    pub(crate) const NAPI_GET_DO: usize = genl::size::sum(&[
        genl::size::U32,
        genl::size::U32,
        genl::size::U32,
        genl::size::U32,
    ]);
    /// `napi-get` dump reply.
    pub(crate) const NAPI_GET_DUMP: usize = genl::size::sum(&[
        genl::size::U32,
        genl::size::U32,
        genl::size::U32,
        genl::size::U32,
    ]);
    /// `qstats-get` dump reply.
    pub(crate) const QSTATS_GET_DUMP: usize = genl::size::sum(&[
        genl::size::U32,
        genl::size::U32,
        genl::size::U32,
        genl::size::attr(8),
        genl::size::attr(8),
        genl::size::attr(8),
        genl::size::attr(8),
    ]);
    /// `bind-rx` do reply.
    pub(crate) const BIND_RX_DO: usize = genl::size::sum(&[genl::size::U32]);
}

/// The request of `dev-get` do, validated by its policy.
pub(crate) struct DevGetDoRequest<'a>(genl::View<'a, attr_dev::Set>);

impl<'a> DevGetDoRequest<'a> {
    /// `ifindex`: netdev ifindex
    pub(crate) fn ifindex(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr_dev::IFINDEX)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr_dev::Set> {
        self.0
    }
}

/// The request of `page-pool-get` do, validated by its policy.
pub(crate) struct PagePoolGetDoRequest<'a>(genl::View<'a, attr_page_pool::Set>);

impl<'a> PagePoolGetDoRequest<'a> {
    /// `id`: Unique ID of a Page Pool instance.
    pub(crate) fn id(&self) -> genl::Slot<'a, genl::kind::Uint> {
        self.0.get(attr_page_pool::ID)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr_page_pool::Set> {
        self.0
    }
}

/// The request of `page-pool-stats-get` do, validated by its policy.
pub(crate) struct PagePoolStatsGetDoRequest<'a>(genl::View<'a, attr_page_pool_stats::Set>);

impl<'a> PagePoolStatsGetDoRequest<'a> {
    /// `info`: Page pool identifying information.
    pub(crate) fn info(&self) -> genl::Slot<'a, genl::kind::Nest<attr_page_pool_info::Set>> {
        self.0.get(attr_page_pool_stats::INFO)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr_page_pool_stats::Set> {
        self.0
    }
}

/// The request of `queue-get` do, validated by its policy.
pub(crate) struct QueueGetDoRequest<'a>(genl::View<'a, attr_queue::Set>);

impl<'a> QueueGetDoRequest<'a> {
    /// `id`: Queue index; most queue types are indexed like a C array, with indexes starting at 0 and ending at queue count - 1.
    pub(crate) fn id(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr_queue::ID)
    }
    /// `ifindex`: ifindex of the netdevice to which the queue belongs.
    pub(crate) fn ifindex(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr_queue::IFINDEX)
    }
    /// `type`: Queue type as rx, tx.
    pub(crate) fn r#type(&self) -> genl::Slot<'a, genl::kind::Enum<QueueType, genl::kind::U32>> {
        self.0.get(attr_queue::TYPE)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr_queue::Set> {
        self.0
    }
}

/// The request of `queue-get` dump, validated by its policy.
pub(crate) struct QueueGetDumpRequest<'a>(genl::View<'a, attr_queue::Set>);

impl<'a> QueueGetDumpRequest<'a> {
    /// `ifindex`: ifindex of the netdevice to which the queue belongs.
    pub(crate) fn ifindex(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr_queue::IFINDEX)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr_queue::Set> {
        self.0
    }
}

/// The request of `napi-get` do, validated by its policy.
pub(crate) struct NapiGetDoRequest<'a>(genl::View<'a, attr_napi::Set>);

impl<'a> NapiGetDoRequest<'a> {
    /// `id`: ID of the NAPI instance.
    pub(crate) fn id(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr_napi::ID)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr_napi::Set> {
        self.0
    }
}

/// The request of `napi-get` dump, validated by its policy.
pub(crate) struct NapiGetDumpRequest<'a>(genl::View<'a, attr_napi::Set>);

impl<'a> NapiGetDumpRequest<'a> {
    /// `ifindex`: ifindex of the netdevice to which NAPI instance belongs.
    pub(crate) fn ifindex(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr_napi::IFINDEX)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr_napi::Set> {
        self.0
    }
}

/// The request of `qstats-get` dump, validated by its policy.
pub(crate) struct QstatsGetDumpRequest<'a>(genl::View<'a, attr_qstats::Set>);

impl<'a> QstatsGetDumpRequest<'a> {
    /// `ifindex`: ifindex of the netdevice to which stats belong.
    pub(crate) fn ifindex(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr_qstats::IFINDEX)
    }
    /// `scope`: What object type should be used to iterate over the stats.
    pub(crate) fn scope(&self) -> genl::Slot<'a, genl::kind::Uint> {
        self.0.get(attr_qstats::SCOPE)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr_qstats::Set> {
        self.0
    }
}

/// The request of `bind-rx` do, validated by its policy.
pub(crate) struct BindRxDoRequest<'a>(genl::View<'a, attr_dmabuf::Set>);

impl<'a> BindRxDoRequest<'a> {
    /// `ifindex`: netdev ifindex to bind the dmabuf to.
    pub(crate) fn ifindex(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr_dmabuf::IFINDEX)
    }
    /// `queues`: receive queues to bind the dmabuf to.
    pub(crate) fn queues(&self) -> genl::Multi<'a, genl::kind::Nest<attr_queue_id::Set>> {
        self.0.all(attr_dmabuf::QUEUES)
    }
    /// `fd`: dmabuf file descriptor to bind.
    pub(crate) fn fd(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr_dmabuf::FD)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr_dmabuf::Set> {
        self.0
    }
}

impl genl::AttrSet for attr_dev::Set {
    type View<'a> = genl::NestView<'a, Self>;
    fn view(view: genl::NestView<'_, Self>) -> genl::NestView<'_, Self> {
        view
    }
}

impl genl::AttrSet for attr_page_pool::Set {
    type View<'a> = genl::NestView<'a, Self>;
    fn view(view: genl::NestView<'_, Self>) -> genl::NestView<'_, Self> {
        view
    }
}

/// A nest of set `page-pool-info` in a request.
pub(crate) struct PagePoolInfoAttrs<'a>(genl::NestView<'a, attr_page_pool_info::Set>);

impl<'a> PagePoolInfoAttrs<'a> {
    /// `id`: Unique ID of a Page Pool instance.
    pub(crate) fn id(&self) -> genl::Slot<'a, genl::kind::Uint> {
        self.0.get(attr_page_pool_info::ID)
    }
    /// `ifindex`: ifindex of the netdev to which the pool belongs.
    pub(crate) fn ifindex(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr_page_pool_info::IFINDEX)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::NestView<'a, attr_page_pool_info::Set> {
        self.0
    }
}

impl genl::AttrSet for attr_page_pool_info::Set {
    type View<'a> = PagePoolInfoAttrs<'a>;
    fn view(view: genl::NestView<'_, Self>) -> PagePoolInfoAttrs<'_> {
        PagePoolInfoAttrs(view)
    }
}

impl genl::AttrSet for attr_page_pool_stats::Set {
    type View<'a> = genl::NestView<'a, Self>;
    fn view(view: genl::NestView<'_, Self>) -> genl::NestView<'_, Self> {
        view
    }
}

impl genl::AttrSet for attr_napi::Set {
    type View<'a> = genl::NestView<'a, Self>;
    fn view(view: genl::NestView<'_, Self>) -> genl::NestView<'_, Self> {
        view
    }
}

impl genl::AttrSet for attr_queue::Set {
    type View<'a> = genl::NestView<'a, Self>;
    fn view(view: genl::NestView<'_, Self>) -> genl::NestView<'_, Self> {
        view
    }
}

impl genl::AttrSet for attr_qstats::Set {
    type View<'a> = genl::NestView<'a, Self>;
    fn view(view: genl::NestView<'_, Self>) -> genl::NestView<'_, Self> {
        view
    }
}

/// A nest of set `queue-id` in a request.
pub(crate) struct QueueIdAttrs<'a>(genl::NestView<'a, attr_queue_id::Set>);

impl<'a> QueueIdAttrs<'a> {
    /// `id`: Queue index; most queue types are indexed like a C array, with indexes starting at 0 and ending at queue count - 1.
    pub(crate) fn id(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr_queue_id::ID)
    }
    /// `type`: Queue type as rx, tx.
    pub(crate) fn r#type(&self) -> genl::Slot<'a, genl::kind::Enum<QueueType, genl::kind::U32>> {
        self.0.get(attr_queue_id::TYPE)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::NestView<'a, attr_queue_id::Set> {
        self.0
    }
}

impl genl::AttrSet for attr_queue_id::Set {
    type View<'a> = QueueIdAttrs<'a>;
    fn view(view: genl::NestView<'_, Self>) -> QueueIdAttrs<'_> {
        QueueIdAttrs(view)
    }
}

impl genl::AttrSet for attr_dmabuf::Set {
    type View<'a> = genl::NestView<'a, Self>;
    fn view(view: genl::NestView<'_, Self>) -> genl::NestView<'_, Self> {
        view
    }
}

/// `dev-get` do. Get / dump information about a netdev.
pub(crate) trait DevGetDoit {
    fn doit(
        req: &mut genl::Request<'_, Netdev>,
        attrs: DevGetDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `dev-get` dump. Get / dump information about a netdev.
pub(crate) trait DevGetDumpit {
    /// Where a dump resumes.
    type Cursor: genl::DumpCursor;
    fn dumpit(
        dump: &mut genl::Dump<'_, Netdev>,
        cursor: &mut Self::Cursor,
    ) -> kernel::error::Result;
}

/// `page-pool-get` do. Get / dump information about Page Pools.
#[cfg(CONFIG_PAGE_POOL = "y")]
pub(crate) trait PagePoolGetDoit {
    fn doit(
        req: &mut genl::Request<'_, Netdev>,
        attrs: PagePoolGetDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `page-pool-get` dump. Get / dump information about Page Pools.
#[cfg(CONFIG_PAGE_POOL = "y")]
pub(crate) trait PagePoolGetDumpit {
    /// Where a dump resumes.
    type Cursor: genl::DumpCursor;
    fn dumpit(
        dump: &mut genl::Dump<'_, Netdev>,
        cursor: &mut Self::Cursor,
    ) -> kernel::error::Result;
}

/// `page-pool-stats-get` do. Get page pool statistics.
#[cfg(CONFIG_PAGE_POOL_STATS = "y")]
pub(crate) trait PagePoolStatsGetDoit {
    fn doit(
        req: &mut genl::Request<'_, Netdev>,
        attrs: PagePoolStatsGetDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `page-pool-stats-get` dump. Get page pool statistics.
#[cfg(CONFIG_PAGE_POOL_STATS = "y")]
pub(crate) trait PagePoolStatsGetDumpit {
    /// Where a dump resumes.
    type Cursor: genl::DumpCursor;
    fn dumpit(
        dump: &mut genl::Dump<'_, Netdev>,
        cursor: &mut Self::Cursor,
    ) -> kernel::error::Result;
}

/// `queue-get` do. Get queue information from the kernel.
pub(crate) trait QueueGetDoit {
    fn doit(
        req: &mut genl::Request<'_, Netdev>,
        attrs: QueueGetDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `queue-get` dump. Get queue information from the kernel.
pub(crate) trait QueueGetDumpit {
    /// Where a dump resumes.
    type Cursor: genl::DumpCursor;
    fn dumpit(
        dump: &mut genl::Dump<'_, Netdev>,
        attrs: QueueGetDumpRequest<'_>,
        cursor: &mut Self::Cursor,
    ) -> kernel::error::Result;
}

/// `napi-get` do. Get information about NAPI instances configured on the system.
pub(crate) trait NapiGetDoit {
    fn doit(
        req: &mut genl::Request<'_, Netdev>,
        attrs: NapiGetDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `napi-get` dump. Get information about NAPI instances configured on the system.
pub(crate) trait NapiGetDumpit {
    /// Where a dump resumes.
    type Cursor: genl::DumpCursor;
    fn dumpit(
        dump: &mut genl::Dump<'_, Netdev>,
        attrs: NapiGetDumpRequest<'_>,
        cursor: &mut Self::Cursor,
    ) -> kernel::error::Result;
}

/// `qstats-get` dump. Get / dump fine grained statistics.
pub(crate) trait QstatsGetDumpit {
    /// Where a dump resumes.
    type Cursor: genl::DumpCursor;
    fn dumpit(
        dump: &mut genl::Dump<'_, Netdev>,
        attrs: QstatsGetDumpRequest<'_>,
        cursor: &mut Self::Cursor,
    ) -> kernel::error::Result;
}

/// `bind-rx` do. Bind dmabuf to netdev
pub(crate) trait BindRxDoit {
    fn doit(
        req: &mut genl::Request<'_, Netdev>,
        attrs: BindRxDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `dev-get` do: the spec's policy, the handler.
struct DevGetDoitOp;

impl genl::DoIt<Netdev> for DevGetDoitOp {
    const POLICY: &'static genl::Policy = &DEV_GET_POLICY;

    fn doit(req: &mut genl::Request<'_, Netdev>) -> kernel::error::Result {
        let attrs = DevGetDoRequest(req.view());
        <Netdev as DevGetDoit>::doit(req, attrs)
    }
}

/// `dev-get` dump: the spec's policy, the handler.
struct DevGetDumpitOp;

#[kernel::prelude::vtable]
impl genl::DumpIt<Netdev> for DevGetDumpitOp {
    const POLICY: &'static genl::Policy = genl::Policy::NONE;
    const MAX_MESSAGE: usize = max_payload::DEV_GET_DUMP;
    type Cursor = <Netdev as DevGetDumpit>::Cursor;

    fn dumpit(
        dump: &mut genl::Dump<'_, Netdev>,
        cursor: &mut Self::Cursor,
    ) -> kernel::error::Result {
        <Netdev as DevGetDumpit>::dumpit(dump, cursor)
    }
}

/// `page-pool-get` do: the spec's policy, the handler.
#[cfg(CONFIG_PAGE_POOL = "y")]
struct PagePoolGetDoitOp;

#[cfg(CONFIG_PAGE_POOL = "y")]
impl genl::DoIt<Netdev> for PagePoolGetDoitOp {
    const POLICY: &'static genl::Policy = &PAGE_POOL_GET_POLICY;

    fn doit(req: &mut genl::Request<'_, Netdev>) -> kernel::error::Result {
        let attrs = PagePoolGetDoRequest(req.view());
        <Netdev as PagePoolGetDoit>::doit(req, attrs)
    }
}

/// `page-pool-get` dump: the spec's policy, the handler.
#[cfg(CONFIG_PAGE_POOL = "y")]
struct PagePoolGetDumpitOp;

#[cfg(CONFIG_PAGE_POOL = "y")]
#[kernel::prelude::vtable]
impl genl::DumpIt<Netdev> for PagePoolGetDumpitOp {
    const POLICY: &'static genl::Policy = genl::Policy::NONE;
    const MAX_MESSAGE: usize = max_payload::PAGE_POOL_GET_DUMP;
    type Cursor = <Netdev as PagePoolGetDumpit>::Cursor;

    fn dumpit(
        dump: &mut genl::Dump<'_, Netdev>,
        cursor: &mut Self::Cursor,
    ) -> kernel::error::Result {
        <Netdev as PagePoolGetDumpit>::dumpit(dump, cursor)
    }
}

/// `page-pool-stats-get` do: the spec's policy, the handler.
#[cfg(CONFIG_PAGE_POOL_STATS = "y")]
struct PagePoolStatsGetDoitOp;

#[cfg(CONFIG_PAGE_POOL_STATS = "y")]
impl genl::DoIt<Netdev> for PagePoolStatsGetDoitOp {
    const POLICY: &'static genl::Policy = &PAGE_POOL_STATS_GET_POLICY;

    fn doit(req: &mut genl::Request<'_, Netdev>) -> kernel::error::Result {
        let attrs = PagePoolStatsGetDoRequest(req.view());
        <Netdev as PagePoolStatsGetDoit>::doit(req, attrs)
    }
}

/// `page-pool-stats-get` dump: the spec's policy, the handler.
#[cfg(CONFIG_PAGE_POOL_STATS = "y")]
struct PagePoolStatsGetDumpitOp;

#[cfg(CONFIG_PAGE_POOL_STATS = "y")]
#[kernel::prelude::vtable]
impl genl::DumpIt<Netdev> for PagePoolStatsGetDumpitOp {
    const POLICY: &'static genl::Policy = genl::Policy::NONE;
    const MAX_MESSAGE: usize = max_payload::PAGE_POOL_STATS_GET_DUMP;
    type Cursor = <Netdev as PagePoolStatsGetDumpit>::Cursor;

    fn dumpit(
        dump: &mut genl::Dump<'_, Netdev>,
        cursor: &mut Self::Cursor,
    ) -> kernel::error::Result {
        <Netdev as PagePoolStatsGetDumpit>::dumpit(dump, cursor)
    }
}

/// `queue-get` do: the spec's policy, the handler.
struct QueueGetDoitOp;

impl genl::DoIt<Netdev> for QueueGetDoitOp {
    const POLICY: &'static genl::Policy = &QUEUE_GET_DO_POLICY;

    fn doit(req: &mut genl::Request<'_, Netdev>) -> kernel::error::Result {
        let attrs = QueueGetDoRequest(req.view());
        <Netdev as QueueGetDoit>::doit(req, attrs)
    }
}

/// `queue-get` dump: the spec's policy, the handler.
struct QueueGetDumpitOp;

#[kernel::prelude::vtable]
impl genl::DumpIt<Netdev> for QueueGetDumpitOp {
    const POLICY: &'static genl::Policy = &QUEUE_GET_DUMP_POLICY;
    const MAX_MESSAGE: usize = max_payload::QUEUE_GET_DUMP;
    type Cursor = <Netdev as QueueGetDumpit>::Cursor;

    fn dumpit(
        dump: &mut genl::Dump<'_, Netdev>,
        cursor: &mut Self::Cursor,
    ) -> kernel::error::Result {
        let attrs = QueueGetDumpRequest(dump.view());
        <Netdev as QueueGetDumpit>::dumpit(dump, attrs, cursor)
    }
}

/// `napi-get` do: the spec's policy, the handler.
struct NapiGetDoitOp;

impl genl::DoIt<Netdev> for NapiGetDoitOp {
    const POLICY: &'static genl::Policy = &NAPI_GET_DO_POLICY;

    fn doit(req: &mut genl::Request<'_, Netdev>) -> kernel::error::Result {
        let attrs = NapiGetDoRequest(req.view());
        <Netdev as NapiGetDoit>::doit(req, attrs)
    }
}

/// `napi-get` dump: the spec's policy, the handler.
struct NapiGetDumpitOp;

#[kernel::prelude::vtable]
impl genl::DumpIt<Netdev> for NapiGetDumpitOp {
    const POLICY: &'static genl::Policy = &NAPI_GET_DUMP_POLICY;
    const MAX_MESSAGE: usize = max_payload::NAPI_GET_DUMP;
    type Cursor = <Netdev as NapiGetDumpit>::Cursor;

    fn dumpit(
        dump: &mut genl::Dump<'_, Netdev>,
        cursor: &mut Self::Cursor,
    ) -> kernel::error::Result {
        let attrs = NapiGetDumpRequest(dump.view());
        <Netdev as NapiGetDumpit>::dumpit(dump, attrs, cursor)
    }
}

/// `qstats-get` dump: the spec's policy, the handler.
struct QstatsGetDumpitOp;

#[kernel::prelude::vtable]
impl genl::DumpIt<Netdev> for QstatsGetDumpitOp {
    const POLICY: &'static genl::Policy = &QSTATS_GET_POLICY;
    const MAX_MESSAGE: usize = max_payload::QSTATS_GET_DUMP;
    type Cursor = <Netdev as QstatsGetDumpit>::Cursor;

    fn dumpit(
        dump: &mut genl::Dump<'_, Netdev>,
        cursor: &mut Self::Cursor,
    ) -> kernel::error::Result {
        let attrs = QstatsGetDumpRequest(dump.view());
        <Netdev as QstatsGetDumpit>::dumpit(dump, attrs, cursor)
    }
}

/// `bind-rx` do: the spec's policy, the handler.
struct BindRxDoitOp;

impl genl::DoIt<Netdev> for BindRxDoitOp {
    const POLICY: &'static genl::Policy = &BIND_RX_POLICY;

    fn doit(req: &mut genl::Request<'_, Netdev>) -> kernel::error::Result {
        let attrs = BindRxDoRequest(req.view());
        <Netdev as BindRxDoit>::doit(req, attrs)
    }
}

/// The `netdev` family: implement `genl::Family` for it (the
/// state types and what else the spec cannot say), and one trait per
/// handler above.
pub(crate) struct Netdev;

impl genl::FamilySpec for Netdev {
    const NAME: &'static kernel::str::CStr = kernel::c_str!("netdev");
    const VERSION: u32 = 1;
    // Every op has a policy of its own: 0, as in ynl-gen-c's family struct.
    const MAX_ATTR: u16 = 0;
    const PAD_ATTR: u16 = 0;
    const MCGRPS: &'static [genl::McGroup] = &MCGRPS;
    /// The spec's operations in command order, a do before its dump.
    const OPS: &'static [genl::SplitOp<Netdev>] = &[
        genl::SplitOp::doit::<DevGetDoitOp>(cmd::DEV_GET.id()),
        genl::SplitOp::dumpit::<DevGetDumpitOp>(cmd::DEV_GET.id()),
        #[cfg(CONFIG_PAGE_POOL = "y")]
        genl::SplitOp::doit::<PagePoolGetDoitOp>(cmd::PAGE_POOL_GET.id()),
        #[cfg(CONFIG_PAGE_POOL = "y")]
        genl::SplitOp::dumpit::<PagePoolGetDumpitOp>(cmd::PAGE_POOL_GET.id()),
        #[cfg(CONFIG_PAGE_POOL_STATS = "y")]
        genl::SplitOp::doit::<PagePoolStatsGetDoitOp>(cmd::PAGE_POOL_STATS_GET.id()),
        #[cfg(CONFIG_PAGE_POOL_STATS = "y")]
        genl::SplitOp::dumpit::<PagePoolStatsGetDumpitOp>(cmd::PAGE_POOL_STATS_GET.id()),
        genl::SplitOp::doit::<QueueGetDoitOp>(cmd::QUEUE_GET.id()),
        genl::SplitOp::dumpit::<QueueGetDumpitOp>(cmd::QUEUE_GET.id()),
        genl::SplitOp::doit::<NapiGetDoitOp>(cmd::NAPI_GET.id()),
        genl::SplitOp::dumpit::<NapiGetDumpitOp>(cmd::NAPI_GET.id()),
        genl::SplitOp::dumpit::<QstatsGetDumpitOp>(cmd::QSTATS_GET.id()),
        genl::SplitOp::doit::<BindRxDoitOp>(cmd::BIND_RX.id()).admin_perm(),
    ];
}
