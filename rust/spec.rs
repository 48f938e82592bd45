// SPDX-License-Identifier: GPL-2.0

//! The rgnl family's tables: attribute and command numbers, limits,
//! policies and groups. Declarative data, mirroring
//! Documentation/netlink/specs/rgnl.yaml (a test in the VM checks the
//! registered family against the spec).

use genl::{policy, AttrPolicy, McGroup, RangeU64};
use kernel::c_str;

/// Attribute types (attribute-set `rgnl`; `entry` is a subset of it).
pub(crate) mod attr {
    pub(crate) const PAD: u16 = 1;
    pub(crate) const KEY: u16 = 2;
    pub(crate) const VALUE: u16 = 3;
    pub(crate) const TAG: u16 = 4;
    pub(crate) const REVISION: u16 = 5;
    pub(crate) const ENTRY: u16 = 6;
    pub(crate) const COUNT: u16 = 7;
    pub(crate) const MAX_ENTRIES: u16 = 8;
    pub(crate) const MAX_BYTES: u16 = 9;
    pub(crate) const BYTES: u16 = 10;
    pub(crate) const PREFIX: u16 = 11;
    pub(crate) const CREATED: u16 = 12;
    pub(crate) const REPLACED: u16 = 13;
    pub(crate) const DELETED: u16 = 14;
    pub(crate) const FLUSHED: u16 = 15;
    pub(crate) const NOTIFICATIONS: u16 = 16;
    pub(crate) const TTL_MS: u16 = 17;
    pub(crate) const NOTIFY_OWNER: u16 = 18;
    pub(crate) const REASON: u16 = 19;
    pub(crate) const EXPIRED: u16 = 20;
    pub(crate) const AUDIT_MESSAGES: u16 = 21;
    pub(crate) const PORTID: u16 = 22;
    pub(crate) const UID: u16 = 23;
    pub(crate) const COMMAND: u16 = 24;
    pub(crate) const MAX: u16 = COMMAND;
}

/// Commands, notifications included (one enum, as in the spec).
pub(crate) mod cmd {
    pub(crate) const ENTRY_NEW: u8 = 1;
    pub(crate) const ENTRY_GET: u8 = 2;
    pub(crate) const ENTRY_DEL: u8 = 3;
    pub(crate) const FLUSH: u8 = 4;
    pub(crate) const STATS_GET: u8 = 5;
    pub(crate) const ECHO: u8 = 6;
    pub(crate) const LIMITS_SET: u8 = 7;
    pub(crate) const ENTRY_NEW_NTF: u8 = 8;
    pub(crate) const ENTRY_DEL_NTF: u8 = 9;
    pub(crate) const FLUSH_NTF: u8 = 10;
    pub(crate) const WATCH_SET: u8 = 11;
    pub(crate) const AUDIT_NTF: u8 = 12;
}

/// Enum `del-reason`: why an ENTRY_DEL_NTF was sent.
pub(crate) mod del_reason {
    pub(crate) const DELETED: u32 = 0;
    pub(crate) const EXPIRED: u32 = 1;
}

/// Multicast group indexes into [`MCGRPS`].
pub(crate) const GROUP_EVENTS: u32 = 0;
pub(crate) const GROUP_AUDIT: u32 = 1;
pub(crate) const MCGRPS: [McGroup; 2] = [
    McGroup::new(c_str!("events")),
    McGroup::admin(c_str!("audit")),
];

pub(crate) const KEY_MAX_LEN: usize = 64;
pub(crate) const VALUE_MAX_LEN: usize = 4096;
/// The highest limits `LIMITS_SET` accepts: whatever a namespace holds
/// stays below them (and is charged to the caller's memory cgroup).
pub(crate) const MAX_ENTRIES_LIMIT: u32 = 1 << 20;
pub(crate) const MAX_BYTES_LIMIT: u32 = 256 << 20;
/// The limits of a new namespace.
pub(crate) const DEFAULT_MAX_ENTRIES: u32 = 1 << 17;
pub(crate) const DEFAULT_MAX_BYTES: u32 = 16 << 20;
/// The longest time to live ENTRY_NEW accepts: one day.
pub(crate) const TTL_MAX_MS: u32 = 86_400_000;
// The registry keeps the low 32 bits of an expiry time in milliseconds,
// exact within 2^31 ms of now.
const _: () = assert!(TTL_MAX_MS < 1 << 30);

/// A policy's length: one past the highest attribute type its op takes, as
/// ynl-gen-c sizes them. The kernel allocates and clears an attribute table
/// of this length for every request.
const fn up_to(last: u16) -> usize {
    last as usize + 1
}

const KEY: AttrPolicy = AttrPolicy::nul_string(KEY_MAX_LEN as u16);
const VALUE: AttrPolicy = AttrPolicy::binary(VALUE_MAX_LEN as u16);

static TTL_RANGE: RangeU64 = RangeU64::new(1, TTL_MAX_MS as u64);
pub(crate) const ENTRY_NEW_POLICY: [AttrPolicy; up_to(attr::NOTIFY_OWNER)] = policy(&[
    (attr::KEY, KEY),
    (attr::VALUE, VALUE),
    (attr::TAG, AttrPolicy::u32()),
    (attr::TTL_MS, AttrPolicy::u32().range_u64(&TTL_RANGE)),
    (attr::NOTIFY_OWNER, AttrPolicy::flag()),
]);
pub(crate) const ECHO_POLICY: [AttrPolicy; up_to(attr::TAG)] = policy(&[
    (attr::KEY, KEY),
    (attr::VALUE, VALUE),
    (attr::TAG, AttrPolicy::u32()),
]);
pub(crate) const KEY_POLICY: [AttrPolicy; up_to(attr::KEY)] = policy(&[(attr::KEY, KEY)]);
pub(crate) const DUMP_POLICY: [AttrPolicy; up_to(attr::PREFIX)] = policy(&[(attr::PREFIX, KEY)]);
pub(crate) const WATCH_POLICY: [AttrPolicy; up_to(attr::PREFIX)] = DUMP_POLICY;

static MAX_ENTRIES_RANGE: RangeU64 = RangeU64::new(1, MAX_ENTRIES_LIMIT as u64);
static MAX_BYTES_RANGE: RangeU64 = RangeU64::new(1, MAX_BYTES_LIMIT as u64);
pub(crate) const LIMITS_POLICY: [AttrPolicy; up_to(attr::MAX_BYTES)] = policy(&[
    (
        attr::MAX_ENTRIES,
        AttrPolicy::u32().range_u64(&MAX_ENTRIES_RANGE),
    ),
    (
        attr::MAX_BYTES,
        AttrPolicy::u32().range_u64(&MAX_BYTES_RANGE),
    ),
]);
