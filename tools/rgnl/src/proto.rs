//! Wire numbers of the family, as in `Documentation/netlink/specs/rgnl.yaml`
//! and the module's `rust/spec.rs`.

use neli::neli_enum;

/// The family's name in nlctrl.
pub const FAMILY_NAME: &str = "rgnl";
/// The version the client speaks.
pub const FAMILY_VERSION: u8 = 1;
/// The multicast group changes are notified to.
pub const GROUP_EVENTS: &str = "events";
/// The multicast group that tells who changed what (needs CAP_NET_ADMIN).
pub const GROUP_AUDIT: &str = "audit";
/// Longest key, in bytes (without the NUL).
pub const KEY_MAX_LEN: usize = 64;
/// Longest value, in bytes.
pub const VALUE_MAX_LEN: usize = 4096;
/// Longest time to live, in milliseconds (one day).
pub const TTL_MAX_MS: u32 = 86_400_000;

/// Commands and notifications (one enum, as in the spec).
#[neli_enum(serialized_type = "u8")]
pub enum Cmd {
    EntryNew = 1,
    EntryGet = 2,
    EntryDel = 3,
    Flush = 4,
    StatsGet = 5,
    Echo = 6,
    LimitsSet = 7,
    EntryNewNtf = 8,
    EntryDelNtf = 9,
    FlushNtf = 10,
    WatchSet = 11,
    AuditNtf = 12,
}
impl neli::consts::genl::Cmd for Cmd {}

/// Attribute types (attribute-set `rgnl`; `entry` is a subset of it).
#[neli_enum(serialized_type = "u16")]
pub enum Attr {
    Unspec = 0,
    Pad = 1,
    Key = 2,
    Value = 3,
    Tag = 4,
    Revision = 5,
    Entry = 6,
    Count = 7,
    MaxEntries = 8,
    MaxBytes = 9,
    Bytes = 10,
    Prefix = 11,
    Created = 12,
    Replaced = 13,
    Deleted = 14,
    Flushed = 15,
    Notifications = 16,
    TtlMs = 17,
    NotifyOwner = 18,
    Reason = 19,
    Expired = 20,
    AuditMessages = 21,
    Portid = 22,
    Uid = 23,
    Command = 24,
}

/// Enum `del-reason`: why an ENTRY_DEL_NTF was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DelReason {
    /// ENTRY_DEL removed the entry.
    Deleted,
    /// Its time to live ran out.
    Expired,
}

impl DelReason {
    /// The spec's value, `None` for one this client does not know.
    pub fn from_u32(v: u32) -> Option<Self> {
        match v {
            0 => Some(Self::Deleted),
            1 => Some(Self::Expired),
            _ => None,
        }
    }
}
impl neli::consts::genl::NlAttrType for Attr {}
