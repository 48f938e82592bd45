//! Wire numbers of the family, as in `Documentation/netlink/specs/rgnl.yaml`
//! and the module's `rust/spec.rs`.

use neli::neli_enum;

/// The family's name in nlctrl.
pub const FAMILY_NAME: &str = "rgnl";
/// The version the client speaks.
pub const FAMILY_VERSION: u8 = 1;
/// The multicast group changes are notified to.
pub const GROUP_EVENTS: &str = "events";
/// Longest key, in bytes (without the NUL).
pub const KEY_MAX_LEN: usize = 64;
/// Longest value, in bytes.
pub const VALUE_MAX_LEN: usize = 4096;

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
}
impl neli::consts::genl::NlAttrType for Attr {}
