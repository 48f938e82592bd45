// SPDX-License-Identifier: GPL-2.0
// Do not edit: generated from Documentation/netlink/specs/rgnl.yaml
// by tools/net/ynl/ynl-gen-rust.py --mode user.

//! The `rgnl` family's typed layer on the client runtime: numbers, request builders
//! checking the spec's limits, and reply and notification decoders.

use neli::neli_enum;
use std::fmt;

/// The family's name in nlctrl.
pub const FAMILY_NAME: &str = "rgnl";
/// The version the client speaks.
pub const FAMILY_VERSION: u8 = 1;
/// Multicast group `events`.
pub const GROUP_EVENTS: &str = "events";
/// Multicast group `audit`.
pub const GROUP_AUDIT: &str = "audit";

/// `key-max-len`.
pub const KEY_MAX_LEN: usize = 64;

/// `value-max-len`.
pub const VALUE_MAX_LEN: usize = 4096;

/// Highest per-namespace entry limit limits-set accepts.
pub const MAX_ENTRIES_LIMIT: u32 = 1048576;

/// Highest per-namespace value byte limit limits-set accepts.
pub const MAX_BYTES_LIMIT: u32 = 268435456;

/// Longest time to live entry-new accepts (one day).
pub const TTL_MAX_MS: u32 = 86400000;

/// Enum `del-reason`: Why an entry-del-ntf was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
#[repr(u32)]
pub enum DelReason {
    /// entry-del removed the entry.
    Deleted = 0,
    /// The entry's time to live ran out; the kernel removed it.
    Expired = 1,
}

impl DelReason {
    /// The variant of value `v`, `None` for one this client does not know.
    pub fn from_u32(v: u32) -> Option<Self> {
        match v {
            0 => Some(Self::Deleted),
            1 => Some(Self::Expired),
            _ => None,
        }
    }

    /// The value on the wire.
    pub fn value(self) -> u32 {
        self as u32
    }
}

/// Commands and notifications (one numbering, as in the spec).
#[neli_enum(serialized_type = "u8")]
pub enum Cmd {
    /// Create or replace an entry, as rtnetlink does: without NLM_F_CREATE a missing key is ENOENT;
    /// an existing key is EEXIST with NLM_F_EXCL or without NLM_F_REPLACE.
    EntryNew = 1,
    /// Get one entry (ENOENT if absent), or dump all, in key order.
    EntryGet = 2,
    /// Delete an entry (ENOENT if absent).
    EntryDel = 3,
    /// Delete every entry of the namespace.
    Flush = 4,
    /// The namespace's usage, limits and counters.
    StatsGet = 5,
    /// Reply with the request's attributes, unchanged (a latency probe).
    Echo = 6,
    /// Set the namespace's limits (either or both).
    LimitsSet = 7,
    /// An entry was created or replaced; carries the stored entry.
    EntryNewNtf = 8,
    /// An entry was deleted (reason deleted) or expired (reason expired); carries it as it was.
    EntryDelNtf = 9,
    /// The namespace was flushed; count is the number of entries removed.
    FlushNtf = 10,
    /// Filter the events group for the calling socket: entry-new-ntf and entry-del-ntf reach it
    /// only for keys starting with prefix (flush-ntf always does).
    WatchSet = 11,
    /// Who changed what: sent to the audit group for every entry-new, entry-del, flush and
    /// limits-set that changed something.
    AuditNtf = 12,
}
impl neli::consts::genl::Cmd for Cmd {}

impl Cmd {
    /// Its name in the spec (`None` for a number the spec does not know).
    pub fn spec_name(self) -> Option<&'static str> {
        match self {
            Cmd::EntryNew => Some("entry-new"),
            Cmd::EntryGet => Some("entry-get"),
            Cmd::EntryDel => Some("entry-del"),
            Cmd::Flush => Some("flush"),
            Cmd::StatsGet => Some("stats-get"),
            Cmd::Echo => Some("echo"),
            Cmd::LimitsSet => Some("limits-set"),
            Cmd::EntryNewNtf => Some("entry-new-ntf"),
            Cmd::EntryDelNtf => Some("entry-del-ntf"),
            Cmd::FlushNtf => Some("flush-ntf"),
            Cmd::WatchSet => Some("watch-set"),
            Cmd::AuditNtf => Some("audit-ntf"),
            _ => None,
        }
    }
}

/// Attribute set `rgnl` (`entry`: subsets of it).
#[neli_enum(serialized_type = "u16")]
pub enum Attr {
    Unspec = 0,
    Pad = 1,
    /// Entry key, 1 to key-max-len bytes before the NUL.
    Key = 2,
    /// Entry value, 0 to value-max-len bytes, stored as given.
    Value = 3,
    /// A number stored with the entry (0 when not given).
    Tag = 4,
    /// Assigned by the kernel: the namespace's change counter when the entry was last created or
    /// replaced.
    Revision = 5,
    Entry = 6,
    /// Number of entries (stats-get), or entries removed (flush-ntf).
    Count = 7,
    /// Most entries the namespace may hold.
    MaxEntries = 8,
    /// Most value bytes (summed over all entries) the namespace may hold.
    MaxBytes = 9,
    /// Value bytes held, summed over all entries.
    Bytes = 10,
    /// Dump filter, only entries whose key starts with it.
    Prefix = 11,
    /// Entries created since the namespace appeared.
    Created = 12,
    /// Entries replaced.
    Replaced = 13,
    /// Entries deleted by entry-del.
    Deleted = 14,
    /// Entries deleted by flush.
    Flushed = 15,
    /// Notifications sent to the events group (or echoed).
    Notifications = 16,
    /// Time to live in milliseconds.
    TtlMs = 17,
    /// With ttl-ms: when the entry expires, its entry-del-ntf is also unicast to the socket that
    /// set it, whether or not that socket joined a group.
    NotifyOwner = 18,
    /// Why the entry was deleted.
    Reason = 19,
    /// Entries removed because their time to live ran out.
    Expired = 20,
    /// audit-ntf messages sent.
    AuditMessages = 21,
    /// The netlink port id of the socket that sent the change.
    Portid = 22,
    /// The sender's uid, in the initial user namespace.
    Uid = 23,
    /// The command of the change (entry-new, entry-del, flush, limits-set).
    Command = 24,
}
impl neli::consts::genl::NlAttrType for Attr {}

impl Attr {
    /// Its name in the spec (`None` for a number the spec does not know).
    pub fn spec_name(self) -> Option<&'static str> {
        match self {
            Attr::Pad => Some("pad"),
            Attr::Key => Some("key"),
            Attr::Value => Some("value"),
            Attr::Tag => Some("tag"),
            Attr::Revision => Some("revision"),
            Attr::Entry => Some("entry"),
            Attr::Count => Some("count"),
            Attr::MaxEntries => Some("max-entries"),
            Attr::MaxBytes => Some("max-bytes"),
            Attr::Bytes => Some("bytes"),
            Attr::Prefix => Some("prefix"),
            Attr::Created => Some("created"),
            Attr::Replaced => Some("replaced"),
            Attr::Deleted => Some("deleted"),
            Attr::Flushed => Some("flushed"),
            Attr::Notifications => Some("notifications"),
            Attr::TtlMs => Some("ttl-ms"),
            Attr::NotifyOwner => Some("notify-owner"),
            Attr::Reason => Some("reason"),
            Attr::Expired => Some("expired"),
            Attr::AuditMessages => Some("audit-messages"),
            Attr::Portid => Some("portid"),
            Attr::Uid => Some("uid"),
            Attr::Command => Some("command"),
            _ => None,
        }
    }
}

impl Attr {
    /// `key`'s `max-len`.
    pub const KEY_MAX_LEN: usize = KEY_MAX_LEN;
    /// Checks `key` as the kernel's policy will.
    pub fn check_key(v: &str) -> Result<(), CheckError> {
        check_str("key", v, Some(Self::KEY_MAX_LEN))
    }

    /// `value`'s `max-len`.
    pub const VALUE_MAX_LEN: usize = VALUE_MAX_LEN;
    /// Checks `value` as the kernel's policy will.
    pub fn check_value(v: &[u8]) -> Result<(), CheckError> {
        check_len("value", v.len(), None, Some(Self::VALUE_MAX_LEN))
    }

    /// `max-entries`'s `min`.
    pub const MAX_ENTRIES_MIN: u32 = 1;
    /// `max-entries`'s `max`.
    pub const MAX_ENTRIES_MAX: u32 = MAX_ENTRIES_LIMIT;
    /// Checks `max-entries` as the kernel's policy will.
    pub fn check_max_entries(v: u32) -> Result<(), CheckError> {
        check_range(
            "max-entries",
            v,
            Some(Self::MAX_ENTRIES_MIN),
            Some(Self::MAX_ENTRIES_MAX),
        )
    }

    /// `max-bytes`'s `min`.
    pub const MAX_BYTES_MIN: u32 = 1;
    /// `max-bytes`'s `max`.
    pub const MAX_BYTES_MAX: u32 = MAX_BYTES_LIMIT;
    /// Checks `max-bytes` as the kernel's policy will.
    pub fn check_max_bytes(v: u32) -> Result<(), CheckError> {
        check_range(
            "max-bytes",
            v,
            Some(Self::MAX_BYTES_MIN),
            Some(Self::MAX_BYTES_MAX),
        )
    }

    /// `prefix`'s `max-len`.
    pub const PREFIX_MAX_LEN: usize = KEY_MAX_LEN;
    /// Checks `prefix` as the kernel's policy will.
    pub fn check_prefix(v: &str) -> Result<(), CheckError> {
        check_str("prefix", v, Some(Self::PREFIX_MAX_LEN))
    }

    /// `ttl-ms`'s `min`.
    pub const TTL_MS_MIN: u32 = 1;
    /// `ttl-ms`'s `max`.
    pub const TTL_MS_MAX: u32 = TTL_MAX_MS;
    /// Checks `ttl-ms` as the kernel's policy will.
    pub fn check_ttl_ms(v: u32) -> Result<(), CheckError> {
        check_range("ttl-ms", v, Some(Self::TTL_MS_MIN), Some(Self::TTL_MS_MAX))
    }
}

/// `entry-new` (request): Create or replace an entry, as rtnetlink does: without NLM_F_CREATE a
/// missing key is ENOENT; an existing key is EEXIST with NLM_F_EXCL or without NLM_F_REPLACE.
/// ENOSPC when a limit would be passed. Notifies entry-new-ntf, which NLM_F_ECHO also sends to the
/// caller. With ttl-ms the entry expires (see ttl-ms, notify-owner).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EntryNewRequest<'a> {
    /// Entry key, 1 to key-max-len bytes before the NUL.
    pub key: Option<&'a str>,
    /// Entry value, 0 to value-max-len bytes, stored as given.
    pub value: Option<&'a [u8]>,
    /// A number stored with the entry (0 when not given).
    pub tag: Option<u32>,
    /// Time to live in milliseconds.
    pub ttl_ms: Option<u32>,
    /// With ttl-ms: when the entry expires, its entry-del-ntf is also unicast to the socket that
    /// set it, whether or not that socket joined a group.
    pub notify_owner: bool,
}

impl EntryNewRequest<'_> {
    /// The command it sends.
    pub const CMD: Cmd = Cmd::EntryNew;
}

impl ynl::RequestAttrs for EntryNewRequest<'_> {
    type Error = CheckError;

    /// The spec's checks on the attributes given.
    fn check(&self) -> Result<(), CheckError> {
        if let Some(v) = self.key {
            Attr::check_key(v)?;
        }
        if let Some(v) = self.value {
            Attr::check_value(v)?;
        }
        if let Some(v) = self.ttl_ms {
            Attr::check_ttl_ms(v)?;
        }
        Ok(())
    }

    /// Writes the attributes as given into `req`, unchecked (the kernel
    /// validates them too).
    fn encode(&self, req: &mut ynl::Request) {
        put(req, Attr::Key, self.key);
        put(req, Attr::Value, self.value);
        put(req, Attr::Tag, self.tag);
        put(req, Attr::TtlMs, self.ttl_ms);
        put_flag(req, Attr::NotifyOwner, self.notify_owner);
    }
}

/// `entry-get` (request): Get one entry (ENOENT if absent), or dump all, in key order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EntryGetRequest<'a> {
    /// Entry key, 1 to key-max-len bytes before the NUL.
    pub key: Option<&'a str>,
}

impl EntryGetRequest<'_> {
    /// The command it sends.
    pub const CMD: Cmd = Cmd::EntryGet;
}

impl ynl::RequestAttrs for EntryGetRequest<'_> {
    type Error = CheckError;

    /// The spec's checks on the attributes given.
    fn check(&self) -> Result<(), CheckError> {
        if let Some(v) = self.key {
            Attr::check_key(v)?;
        }
        Ok(())
    }

    /// Writes the attributes as given into `req`, unchecked (the kernel
    /// validates them too).
    fn encode(&self, req: &mut ynl::Request) {
        put(req, Attr::Key, self.key);
    }
}

/// `entry-get` (dump): Get one entry (ENOENT if absent), or dump all, in key order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EntryGetDumpRequest<'a> {
    /// Dump filter, only entries whose key starts with it.
    pub prefix: Option<&'a str>,
}

impl EntryGetDumpRequest<'_> {
    /// The command it sends.
    pub const CMD: Cmd = Cmd::EntryGet;
}

impl ynl::RequestAttrs for EntryGetDumpRequest<'_> {
    type Error = CheckError;

    /// The spec's checks on the attributes given.
    fn check(&self) -> Result<(), CheckError> {
        if let Some(v) = self.prefix {
            Attr::check_prefix(v)?;
        }
        Ok(())
    }

    /// Writes the attributes as given into `req`, unchecked (the kernel
    /// validates them too).
    fn encode(&self, req: &mut ynl::Request) {
        put(req, Attr::Prefix, self.prefix);
    }
}

/// `entry-del` (request): Delete an entry (ENOENT if absent). Notifies entry-del-ntf.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EntryDelRequest<'a> {
    /// Entry key, 1 to key-max-len bytes before the NUL.
    pub key: Option<&'a str>,
}

impl EntryDelRequest<'_> {
    /// The command it sends.
    pub const CMD: Cmd = Cmd::EntryDel;
}

impl ynl::RequestAttrs for EntryDelRequest<'_> {
    type Error = CheckError;

    /// The spec's checks on the attributes given.
    fn check(&self) -> Result<(), CheckError> {
        if let Some(v) = self.key {
            Attr::check_key(v)?;
        }
        Ok(())
    }

    /// Writes the attributes as given into `req`, unchecked (the kernel
    /// validates them too).
    fn encode(&self, req: &mut ynl::Request) {
        put(req, Attr::Key, self.key);
    }
}

/// `flush` (request): Delete every entry of the namespace. Notifies flush-ntf.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FlushRequest {}

impl FlushRequest {
    /// The command it sends.
    pub const CMD: Cmd = Cmd::Flush;
}

impl ynl::RequestAttrs for FlushRequest {
    type Error = CheckError;

    /// The spec's checks on the attributes given.
    fn check(&self) -> Result<(), CheckError> {
        Ok(())
    }

    /// Writes the attributes as given into `req`, unchecked (the kernel
    /// validates them too).
    fn encode(&self, _req: &mut ynl::Request) {}
}

/// `stats-get` (request): The namespace's usage, limits and counters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatsGetRequest {}

impl StatsGetRequest {
    /// The command it sends.
    pub const CMD: Cmd = Cmd::StatsGet;
}

impl ynl::RequestAttrs for StatsGetRequest {
    type Error = CheckError;

    /// The spec's checks on the attributes given.
    fn check(&self) -> Result<(), CheckError> {
        Ok(())
    }

    /// Writes the attributes as given into `req`, unchecked (the kernel
    /// validates them too).
    fn encode(&self, _req: &mut ynl::Request) {}
}

/// `echo` (request): Reply with the request's attributes, unchanged (a latency probe).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EchoRequest<'a> {
    /// Entry key, 1 to key-max-len bytes before the NUL.
    pub key: Option<&'a str>,
    /// Entry value, 0 to value-max-len bytes, stored as given.
    pub value: Option<&'a [u8]>,
    /// A number stored with the entry (0 when not given).
    pub tag: Option<u32>,
}

impl EchoRequest<'_> {
    /// The command it sends.
    pub const CMD: Cmd = Cmd::Echo;
}

impl ynl::RequestAttrs for EchoRequest<'_> {
    type Error = CheckError;

    /// The spec's checks on the attributes given.
    fn check(&self) -> Result<(), CheckError> {
        if let Some(v) = self.key {
            Attr::check_key(v)?;
        }
        if let Some(v) = self.value {
            Attr::check_value(v)?;
        }
        Ok(())
    }

    /// Writes the attributes as given into `req`, unchecked (the kernel
    /// validates them too).
    fn encode(&self, req: &mut ynl::Request) {
        put(req, Attr::Key, self.key);
        put(req, Attr::Value, self.value);
        put(req, Attr::Tag, self.tag);
    }
}

/// `limits-set` (request): Set the namespace's limits (either or both). Lowering one below what is
/// held removes nothing; entry-new fails until usage is back under it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LimitsSetRequest {
    /// Most entries the namespace may hold.
    pub max_entries: Option<u32>,
    /// Most value bytes (summed over all entries) the namespace may hold.
    pub max_bytes: Option<u32>,
}

impl LimitsSetRequest {
    /// The command it sends.
    pub const CMD: Cmd = Cmd::LimitsSet;
}

impl ynl::RequestAttrs for LimitsSetRequest {
    type Error = CheckError;

    /// The spec's checks on the attributes given.
    fn check(&self) -> Result<(), CheckError> {
        if let Some(v) = self.max_entries {
            Attr::check_max_entries(v)?;
        }
        if let Some(v) = self.max_bytes {
            Attr::check_max_bytes(v)?;
        }
        Ok(())
    }

    /// Writes the attributes as given into `req`, unchecked (the kernel
    /// validates them too).
    fn encode(&self, req: &mut ynl::Request) {
        put(req, Attr::MaxEntries, self.max_entries);
        put(req, Attr::MaxBytes, self.max_bytes);
    }
}

/// `watch-set` (request): Filter the events group for the calling socket: entry-new-ntf and
/// entry-del-ntf reach it only for keys starting with prefix (flush-ntf always does). An absent or
/// empty prefix receives everything, as a socket that never set a watch does. The watch lives and
/// dies with the socket; other sockets are not affected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WatchSetRequest<'a> {
    /// Dump filter, only entries whose key starts with it.
    pub prefix: Option<&'a str>,
}

impl WatchSetRequest<'_> {
    /// The command it sends.
    pub const CMD: Cmd = Cmd::WatchSet;
}

impl ynl::RequestAttrs for WatchSetRequest<'_> {
    type Error = CheckError;

    /// The spec's checks on the attributes given.
    fn check(&self) -> Result<(), CheckError> {
        if let Some(v) = self.prefix {
            Attr::check_prefix(v)?;
        }
        Ok(())
    }

    /// Writes the attributes as given into `req`, unchecked (the kernel
    /// validates them too).
    fn encode(&self, req: &mut ynl::Request) {
        put(req, Attr::Prefix, self.prefix);
    }
}

/// The reply of `entry-get` (do and dump).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct EntryGetReply {
    /// The `entry` nest.
    pub entry: Entry,
}

impl EntryGetReply {
    /// Decodes the attributes of `entry-get`'s reply.
    pub fn decode(attrs: ynl::Attrs<'_>) -> Result<Self, DecodeError> {
        Ok(Self {
            entry: required(attrs, Attr::Entry)?,
        })
    }
}

/// The reply of `stats-get` (do).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct StatsGetReply {
    /// Number of entries (stats-get), or entries removed (flush-ntf).
    pub count: u32,
    /// Value bytes held, summed over all entries.
    pub bytes: u32,
    /// Most entries the namespace may hold.
    #[serde(rename = "max-entries")]
    pub max_entries: u32,
    /// Most value bytes (summed over all entries) the namespace may hold.
    #[serde(rename = "max-bytes")]
    pub max_bytes: u32,
    /// Entries created since the namespace appeared.
    pub created: u64,
    /// Entries replaced.
    pub replaced: u64,
    /// Entries deleted by entry-del.
    pub deleted: u64,
    /// Entries deleted by flush.
    pub flushed: u64,
    /// Notifications sent to the events group (or echoed).
    pub notifications: u64,
    /// Entries removed because their time to live ran out.
    pub expired: u64,
    /// audit-ntf messages sent.
    #[serde(rename = "audit-messages")]
    pub audit_messages: u64,
}

impl StatsGetReply {
    /// Decodes the attributes of `stats-get`'s reply.
    pub fn decode(attrs: ynl::Attrs<'_>) -> Result<Self, DecodeError> {
        Ok(Self {
            count: required(attrs, Attr::Count)?,
            bytes: required(attrs, Attr::Bytes)?,
            max_entries: required(attrs, Attr::MaxEntries)?,
            max_bytes: required(attrs, Attr::MaxBytes)?,
            created: required(attrs, Attr::Created)?,
            replaced: required(attrs, Attr::Replaced)?,
            deleted: required(attrs, Attr::Deleted)?,
            flushed: required(attrs, Attr::Flushed)?,
            notifications: required(attrs, Attr::Notifications)?,
            expired: required(attrs, Attr::Expired)?,
            audit_messages: required(attrs, Attr::AuditMessages)?,
        })
    }
}

/// The reply of `echo` (do).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct EchoReply {
    /// Entry key, 1 to key-max-len bytes before the NUL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Entry value, 0 to value-max-len bytes, stored as given.
    #[serde(
        serialize_with = "json::binary_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub value: Option<Vec<u8>>,
    /// A number stored with the entry (0 when not given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<u32>,
}

impl EchoReply {
    /// Decodes the attributes of `echo`'s reply.
    pub fn decode(attrs: ynl::Attrs<'_>) -> Result<Self, DecodeError> {
        Ok(Self {
            key: optional(attrs, Attr::Key)?,
            value: optional(attrs, Attr::Value)?,
            tag: optional(attrs, Attr::Tag)?,
        })
    }
}

/// An entry was created or replaced; carries the stored entry.
///
/// The attributes of `entry-get`'s reply.
pub type EntryNewNtf = EntryGetReply;

/// An entry was deleted (reason deleted) or expired (reason expired); carries it as it was.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct EntryDelNtf {
    /// The `entry` nest.
    pub entry: Entry,
    /// Why the entry was deleted.
    pub reason: DelReason,
}

impl EntryDelNtf {
    /// Decodes the attributes of `entry-del-ntf`.
    pub fn decode(attrs: ynl::Attrs<'_>) -> Result<Self, DecodeError> {
        Ok(Self {
            entry: required(attrs, Attr::Entry)?,
            reason: required(attrs, Attr::Reason)?,
        })
    }
}

/// The namespace was flushed; count is the number of entries removed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct FlushNtf {
    /// Number of entries (stats-get), or entries removed (flush-ntf).
    pub count: u32,
}

impl FlushNtf {
    /// Decodes the attributes of `flush-ntf`.
    pub fn decode(attrs: ynl::Attrs<'_>) -> Result<Self, DecodeError> {
        Ok(Self {
            count: required(attrs, Attr::Count)?,
        })
    }
}

/// Who changed what: sent to the audit group for every entry-new, entry-del, flush and limits-set
/// that changed something. key is absent for flush and limits-set.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct AuditNtf {
    /// The command of the change (entry-new, entry-del, flush, limits-set).
    pub command: u32,
    /// The netlink port id of the socket that sent the change.
    pub portid: u32,
    /// The sender's uid, in the initial user namespace.
    pub uid: u32,
    /// Entry key, 1 to key-max-len bytes before the NUL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

impl AuditNtf {
    /// Decodes the attributes of `audit-ntf`.
    pub fn decode(attrs: ynl::Attrs<'_>) -> Result<Self, DecodeError> {
        Ok(Self {
            command: required(attrs, Attr::Command)?,
            portid: required(attrs, Attr::Portid)?,
            uid: required(attrs, Attr::Uid)?,
            key: optional(attrs, Attr::Key)?,
        })
    }
}

/// A notification, tagged with its name (without `-ntf`) in JSON.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "event", rename_all = "kebab-case")]
pub enum Event {
    /// An entry was created or replaced; carries the stored entry.
    EntryNew(EntryNewNtf),
    /// An entry was deleted (reason deleted) or expired (reason expired); carries it as it was.
    EntryDel(EntryDelNtf),
    /// The namespace was flushed; count is the number of entries removed.
    Flush(FlushNtf),
    /// Who changed what: sent to the audit group for every entry-new, entry-del, flush and
    /// limits-set that changed something.
    Audit(AuditNtf),
}

impl Event {
    /// Decodes a notification of command `cmd`.
    pub fn decode(cmd: Cmd, attrs: ynl::Attrs<'_>) -> Result<Self, DecodeError> {
        match cmd {
            Cmd::EntryNewNtf => EntryNewNtf::decode(attrs).map(Self::EntryNew),
            Cmd::EntryDelNtf => EntryDelNtf::decode(attrs).map(Self::EntryDel),
            Cmd::FlushNtf => FlushNtf::decode(attrs).map(Self::Flush),
            Cmd::AuditNtf => AuditNtf::decode(attrs).map(Self::Audit),
            other => Err(DecodeError(format!(
                "command {} is not a notification",
                u8::from(other)
            ))),
        }
    }
}

/// Nest `entry` (a subset of `rgnl`).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Entry {
    /// Entry key, 1 to key-max-len bytes before the NUL.
    pub key: String,
    /// Entry value, 0 to value-max-len bytes, stored as given.
    #[serde(serialize_with = "json::binary")]
    pub value: Vec<u8>,
    /// A number stored with the entry (0 when not given).
    pub tag: u32,
    /// Assigned by the kernel: the namespace's change counter when the entry was last created or
    /// replaced.
    pub revision: u64,
    /// Time to live in milliseconds.
    #[serde(rename = "ttl-ms", skip_serializing_if = "Option::is_none")]
    pub ttl_ms: Option<u32>,
}

impl Entry {
    /// Decodes the attributes of nest `entry`.
    pub fn decode(attrs: ynl::Attrs<'_>) -> Result<Self, DecodeError> {
        Ok(Self {
            key: required(attrs, Attr::Key)?,
            value: required(attrs, Attr::Value)?,
            tag: required(attrs, Attr::Tag)?,
            revision: required(attrs, Attr::Revision)?,
            ttl_ms: optional(attrs, Attr::TtlMs)?,
        })
    }
}

impl FromPayload for Entry {
    fn from_payload(p: &[u8]) -> Result<Self, String> {
        Self::decode(ynl::Attrs::new(p)).map_err(|e| e.0)
    }
}

/// A request the spec's checks refuse, found before sending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckError(pub String);

/// A reply or notification that is not what the spec says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl fmt::Display for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CheckError {}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DecodeError {}

/// A string of at most `max` bytes (before its NUL), without NUL.
fn check_str(name: &str, v: &str, max: Option<usize>) -> Result<(), CheckError> {
    match max {
        Some(max) if v.len() > max || v.contains('\0') => Err(CheckError(format!(
            "{name} must be at most {max} bytes without NUL"
        ))),
        None if v.contains('\0') => Err(CheckError(format!("{name} must not contain NUL"))),
        _ => Ok(()),
    }
}

/// A binary of `len` bytes, within `min` and `max`.
fn check_len(
    name: &str,
    len: usize,
    min: Option<usize>,
    max: Option<usize>,
) -> Result<(), CheckError> {
    let bound = match (min, max) {
        (Some(min), Some(max)) if min == max => format!("must be {min}"),
        (Some(min), Some(max)) => format!("must be {min} to {max}"),
        (Some(min), None) => format!("at least {min} needed"),
        (None, Some(max)) => format!("at most {max} fit"),
        (None, None) => return Ok(()),
    };
    if min.is_some_and(|min| len < min) || max.is_some_and(|max| len > max) {
        return Err(CheckError(format!("{name} is {len} bytes, {bound}")));
    }
    Ok(())
}

/// An integer within `min` and `max`.
fn check_range<T: PartialOrd + fmt::Display>(
    name: &str,
    v: T,
    min: Option<T>,
    max: Option<T>,
) -> Result<(), CheckError> {
    let bound = match (&min, &max) {
        (Some(min), Some(max)) => format!("{min} to {max}"),
        (Some(min), None) => format!("at least {min}"),
        (None, Some(max)) => format!("at most {max}"),
        (None, None) => return Ok(()),
    };
    if min.is_some_and(|min| v < min) || max.is_some_and(|max| v > max) {
        return Err(CheckError(format!("{name} is {v}, must be {bound}")));
    }
    Ok(())
}

/// A value written as an attribute of a request.
trait ToPayload {
    fn put_into(&self, req: &mut ynl::Request, t: u16);
}

/// Writes attribute `t` with `v` into `req`, if given.
fn put<A: Into<u16>, T: ToPayload>(req: &mut ynl::Request, t: A, v: Option<T>) {
    if let Some(v) = v {
        v.put_into(req, t.into());
    }
}

impl ToPayload for &[u8] {
    fn put_into(&self, req: &mut ynl::Request, t: u16) {
        req.put(t, self);
    }
}

impl ToPayload for &str {
    fn put_into(&self, req: &mut ynl::Request, t: u16) {
        req.put_str(t, self);
    }
}

impl ToPayload for u32 {
    fn put_into(&self, req: &mut ynl::Request, t: u16) {
        req.put(t, &self.to_ne_bytes());
    }
}

/// Writes flag attribute `t` into `req` if `set`.
fn put_flag<A: Into<u16>>(req: &mut ynl::Request, t: A, set: bool) {
    req.put_flag(t.into(), set);
}

/// A value decoded from an attribute's payload (the error says why not).
trait FromPayload: Sized {
    fn from_payload(p: &[u8]) -> Result<Self, String>;
}

/// The first attribute `t` of `attrs`, decoded in place, if there is one
/// (an attribute before it that does not parse is an error).
fn optional<A: Into<u16> + fmt::Debug + Copy, T: FromPayload>(
    attrs: ynl::Attrs<'_>,
    t: A,
) -> Result<Option<T>, DecodeError> {
    let why = |e: &dyn fmt::Display| DecodeError(format!("{t:?}: {e}"));
    let found = attrs.find(t.into()).map_err(|e| why(&e))?;
    found
        .map(|a| T::from_payload(a.bytes()).map_err(|e| why(&e)))
        .transpose()
}

/// The first attribute `t` of `attrs`, decoded; an error if there is none.
fn required<A: Into<u16> + fmt::Debug + Copy, T: FromPayload>(
    attrs: ynl::Attrs<'_>,
    t: A,
) -> Result<T, DecodeError> {
    optional(attrs, t)?.ok_or_else(|| DecodeError(format!("missing attribute {t:?}")))
}

impl FromPayload for DelReason {
    fn from_payload(p: &[u8]) -> Result<Self, String> {
        let v = u32::from_payload(p)?;
        Self::from_u32(v).ok_or_else(|| format!("unknown del-reason {v}"))
    }
}

impl FromPayload for String {
    fn from_payload(p: &[u8]) -> Result<Self, String> {
        let s = p.strip_suffix(b"\0").ok_or("not NUL-terminated")?;
        Ok(String::from_utf8_lossy(s).into_owned())
    }
}

impl FromPayload for Vec<u8> {
    fn from_payload(p: &[u8]) -> Result<Self, String> {
        Ok(p.to_vec())
    }
}

impl FromPayload for u32 {
    fn from_payload(p: &[u8]) -> Result<Self, String> {
        p.try_into()
            .map(Self::from_ne_bytes)
            .map_err(|_| format!("{} bytes, wanted 4", p.len()))
    }
}

impl FromPayload for u64 {
    fn from_payload(p: &[u8]) -> Result<Self, String> {
        p.try_into()
            .map(Self::from_ne_bytes)
            .map_err(|_| format!("{} bytes, wanted 8", p.len()))
    }
}

/// Binary attributes in JSON: `{"text": ..., "hex": ...}`, `text` being
/// null for bytes that are not printable UTF-8.
pub mod json {
    use serde::{ser::SerializeStruct, Serializer};

    /// `bytes` as lowercase hex digits.
    pub fn to_hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// `bytes` as text when they are UTF-8 without control characters.
    pub fn as_text(bytes: &[u8]) -> Option<&str> {
        std::str::from_utf8(bytes)
            .ok()
            .filter(|s| !s.chars().any(char::is_control))
    }

    /// Serialises a binary attribute.
    pub fn binary<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Binary", 2)?;
        st.serialize_field("text", &as_text(bytes))?;
        st.serialize_field("hex", &to_hex(bytes))?;
        st.end()
    }

    /// Serialises an optional binary attribute (skipped when absent).
    pub fn binary_opt<S: Serializer>(bytes: &Option<Vec<u8>>, s: S) -> Result<S::Ok, S::Error> {
        match bytes {
            Some(bytes) => binary(bytes, s),
            None => s.serialize_none(),
        }
    }
}
