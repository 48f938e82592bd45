// SPDX-License-Identifier: GPL-2.0
// Do not edit: generated from Documentation/netlink/specs/rgnl.yaml
// by tools/net/ynl/ynl-gen-rust.py --mode user.

//! The `rgnl` family's client types on the `ynl` runtime: numbers, requests
//! checking the spec's limits, and replies, nests and notifications decoded in place.

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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DelReason(pub u32);

impl DelReason {
    /// entry-del removed the entry.
    pub const DELETED: Self = Self(0);
    /// The entry's time to live ran out; the kernel removed it.
    pub const EXPIRED: Self = Self(1);

    /// The spec's name of value `v` (`None` for one it does not know).
    pub fn name_of(v: u32) -> Option<&'static str> {
        match v {
            0 => Some("deleted"),
            1 => Some("expired"),
            _ => None,
        }
    }
}

impl std::str::FromStr for DelReason {
    type Err = ynl::CheckError;

    /// A value by its name in the spec, or its number.
    fn from_str(v: &str) -> Result<Self, ynl::CheckError> {
        ynl::codec::enum_from_str(v, Self::name_of, &[0, 1])
            .map(Self)
            .ok_or_else(|| ynl::CheckError(format!("{v:?} is no value of del-reason")))
    }
}

impl serde::Serialize for DelReason {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ynl::json::enum_value(Self::name_of(self.0), self.0.into(), s)
    }
}

/// Commands and notifications (one numbering, as in the spec).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cmd {
    /// Create or replace an entry, as rtnetlink does: without NLM_F_CREATE a missing key is ENOENT;
    /// an existing key is EEXIST with NLM_F_EXCL or without NLM_F_REPLACE.
    EntryNew,
    /// Get one entry (ENOENT if absent), or dump all, in key order.
    EntryGet,
    /// Delete an entry (ENOENT if absent).
    EntryDel,
    /// Delete every entry of the namespace.
    Flush,
    /// The namespace's usage, limits and counters.
    StatsGet,
    /// Reply with the request's attributes, unchanged (a latency probe).
    Echo,
    /// Set the namespace's limits (either or both).
    LimitsSet,
    /// An entry was created or replaced; carries the stored entry.
    EntryNewNtf,
    /// An entry was deleted (reason deleted) or expired (reason expired); carries it as it was.
    EntryDelNtf,
    /// The namespace was flushed; count is the number of entries removed.
    FlushNtf,
    /// Filter the events group for the calling socket: entry-new-ntf and entry-del-ntf reach it
    /// only for keys starting with prefix (flush-ntf always does).
    WatchSet,
    /// Who changed what: sent to the audit group for every entry-new, entry-del, flush and
    /// limits-set that changed something.
    AuditNtf,
    /// A number the spec does not know.
    Unrecognized(u8),
}

impl From<Cmd> for u8 {
    fn from(v: Cmd) -> Self {
        match v {
            Cmd::EntryNew => 1,
            Cmd::EntryGet => 2,
            Cmd::EntryDel => 3,
            Cmd::Flush => 4,
            Cmd::StatsGet => 5,
            Cmd::Echo => 6,
            Cmd::LimitsSet => 7,
            Cmd::EntryNewNtf => 8,
            Cmd::EntryDelNtf => 9,
            Cmd::FlushNtf => 10,
            Cmd::WatchSet => 11,
            Cmd::AuditNtf => 12,
            Cmd::Unrecognized(n) => n,
        }
    }
}

impl From<u8> for Cmd {
    fn from(n: u8) -> Self {
        match n {
            1 => Cmd::EntryNew,
            2 => Cmd::EntryGet,
            3 => Cmd::EntryDel,
            4 => Cmd::Flush,
            5 => Cmd::StatsGet,
            6 => Cmd::Echo,
            7 => Cmd::LimitsSet,
            8 => Cmd::EntryNewNtf,
            9 => Cmd::EntryDelNtf,
            10 => Cmd::FlushNtf,
            11 => Cmd::WatchSet,
            12 => Cmd::AuditNtf,
            n => Cmd::Unrecognized(n),
        }
    }
}

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
            Cmd::Unrecognized(_) => None,
        }
    }
}

/// Attribute set `rgnl` (`entry`: subsets of it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Attr {
    Pad,
    /// Entry key, 1 to key-max-len bytes before the NUL.
    Key,
    /// Entry value, 0 to value-max-len bytes, stored as given.
    Value,
    /// A number stored with the entry (0 when not given).
    Tag,
    /// Assigned by the kernel: the namespace's change counter when the entry was last created or
    /// replaced.
    Revision,
    Entry,
    /// Number of entries (stats-get), or entries removed (flush-ntf).
    Count,
    /// Most entries the namespace may hold.
    MaxEntries,
    /// Most value bytes (summed over all entries) the namespace may hold.
    MaxBytes,
    /// Value bytes held, summed over all entries.
    Bytes,
    /// Dump filter, only entries whose key starts with it.
    Prefix,
    /// Entries created since the namespace appeared.
    Created,
    /// Entries replaced.
    Replaced,
    /// Entries deleted by entry-del.
    Deleted,
    /// Entries deleted by flush.
    Flushed,
    /// Notifications sent to the events group (or echoed).
    Notifications,
    /// Time to live in milliseconds.
    TtlMs,
    /// With ttl-ms: when the entry expires, its entry-del-ntf is also unicast to the socket that
    /// set it, whether or not that socket joined a group.
    NotifyOwner,
    /// Why the entry was deleted.
    Reason,
    /// Entries removed because their time to live ran out.
    Expired,
    /// audit-ntf messages sent.
    AuditMessages,
    /// The netlink port id of the socket that sent the change.
    Portid,
    /// The sender's uid, in the initial user namespace.
    Uid,
    /// The command of the change (entry-new, entry-del, flush, limits-set).
    Command,
    /// A number the spec does not know.
    Unrecognized(u16),
}

impl From<Attr> for u16 {
    fn from(v: Attr) -> Self {
        match v {
            Attr::Pad => 1,
            Attr::Key => 2,
            Attr::Value => 3,
            Attr::Tag => 4,
            Attr::Revision => 5,
            Attr::Entry => 6,
            Attr::Count => 7,
            Attr::MaxEntries => 8,
            Attr::MaxBytes => 9,
            Attr::Bytes => 10,
            Attr::Prefix => 11,
            Attr::Created => 12,
            Attr::Replaced => 13,
            Attr::Deleted => 14,
            Attr::Flushed => 15,
            Attr::Notifications => 16,
            Attr::TtlMs => 17,
            Attr::NotifyOwner => 18,
            Attr::Reason => 19,
            Attr::Expired => 20,
            Attr::AuditMessages => 21,
            Attr::Portid => 22,
            Attr::Uid => 23,
            Attr::Command => 24,
            Attr::Unrecognized(n) => n,
        }
    }
}

impl From<u16> for Attr {
    fn from(n: u16) -> Self {
        match n {
            1 => Attr::Pad,
            2 => Attr::Key,
            3 => Attr::Value,
            4 => Attr::Tag,
            5 => Attr::Revision,
            6 => Attr::Entry,
            7 => Attr::Count,
            8 => Attr::MaxEntries,
            9 => Attr::MaxBytes,
            10 => Attr::Bytes,
            11 => Attr::Prefix,
            12 => Attr::Created,
            13 => Attr::Replaced,
            14 => Attr::Deleted,
            15 => Attr::Flushed,
            16 => Attr::Notifications,
            17 => Attr::TtlMs,
            18 => Attr::NotifyOwner,
            19 => Attr::Reason,
            20 => Attr::Expired,
            21 => Attr::AuditMessages,
            22 => Attr::Portid,
            23 => Attr::Uid,
            24 => Attr::Command,
            n => Attr::Unrecognized(n),
        }
    }
}

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
            Attr::Unrecognized(_) => None,
        }
    }
}

impl Attr {
    /// `key`'s `max-len`.
    pub const KEY_MAX_LEN: usize = KEY_MAX_LEN;
    /// Checks `key` as the kernel's policy will.
    pub fn check_key(v: &str) -> Result<(), ynl::CheckError> {
        ynl::codec::check_str("key", v, Some(Self::KEY_MAX_LEN))
    }

    /// `value`'s `max-len`.
    pub const VALUE_MAX_LEN: usize = VALUE_MAX_LEN;
    /// Checks `value` as the kernel's policy will.
    pub fn check_value(v: &[u8]) -> Result<(), ynl::CheckError> {
        ynl::codec::check_len("value", v.len(), None, Some(Self::VALUE_MAX_LEN))
    }

    /// `max-entries`'s `min`.
    pub const MAX_ENTRIES_MIN: u32 = 1;
    /// `max-entries`'s `max`.
    pub const MAX_ENTRIES_MAX: u32 = MAX_ENTRIES_LIMIT;
    /// Checks `max-entries` as the kernel's policy will.
    pub fn check_max_entries(v: u32) -> Result<(), ynl::CheckError> {
        ynl::codec::check_range(
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
    pub fn check_max_bytes(v: u32) -> Result<(), ynl::CheckError> {
        ynl::codec::check_range(
            "max-bytes",
            v,
            Some(Self::MAX_BYTES_MIN),
            Some(Self::MAX_BYTES_MAX),
        )
    }

    /// `prefix`'s `max-len`.
    pub const PREFIX_MAX_LEN: usize = KEY_MAX_LEN;
    /// Checks `prefix` as the kernel's policy will.
    pub fn check_prefix(v: &str) -> Result<(), ynl::CheckError> {
        ynl::codec::check_str("prefix", v, Some(Self::PREFIX_MAX_LEN))
    }

    /// `ttl-ms`'s `min`.
    pub const TTL_MS_MIN: u32 = 1;
    /// `ttl-ms`'s `max`.
    pub const TTL_MS_MAX: u32 = TTL_MAX_MS;
    /// Checks `ttl-ms` as the kernel's policy will.
    pub fn check_ttl_ms(v: u32) -> Result<(), ynl::CheckError> {
        ynl::codec::check_range("ttl-ms", v, Some(Self::TTL_MS_MIN), Some(Self::TTL_MS_MAX))
    }
}

/// `entry-new` (request): Create or replace an entry, as rtnetlink does: without NLM_F_CREATE a
/// missing key is ENOENT; an existing key is EEXIST with NLM_F_EXCL or without NLM_F_REPLACE.
/// ENOSPC when a limit would be passed. Notifies entry-new-ntf, which NLM_F_ECHO also sends to the
/// caller. With ttl-ms the entry expires (see ttl-ms, notify-owner).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
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

impl<'a> EntryNewRequest<'a> {
    /// The request from `name=value` pairs, in the spec's words: integers
    /// (decimal or `0x` hex), enums (name or number), strings and flags;
    /// set the other attributes in code.
    pub fn from_args(args: &[(&'a str, &'a str)]) -> Result<Self, ynl::CheckError> {
        let mut req = Self::default();
        for &(name, v) in args {
            match name {
                "key" => req.key = Some(v),
                "tag" => req.tag = Some(ynl::codec::parse(name, v)?),
                "ttl-ms" => req.ttl_ms = Some(ynl::codec::parse(name, v)?),
                "notify-owner" => req.notify_owner = ynl::codec::parse_flag(name, v)?,
                _ => return Err(ynl::CheckError(format!("{name}: not settable as text"))),
            }
        }
        Ok(req)
    }
}

impl ynl::Encode for EntryNewRequest<'_> {
    fn check(&self) -> Result<(), ynl::CheckError> {
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

    fn encode(&self, req: &mut ynl::Request) {
        if let Some(v) = self.key {
            req.put_str(u16::from(Attr::Key), v);
        }
        if let Some(v) = self.value {
            req.put(u16::from(Attr::Value), v);
        }
        if let Some(v) = self.tag {
            ynl::codec::put_scalar::<u32>(req, u16::from(Attr::Tag), v, false);
        }
        if let Some(v) = self.ttl_ms {
            ynl::codec::put_scalar::<u32>(req, u16::from(Attr::TtlMs), v, false);
        }
        req.put_flag(u16::from(Attr::NotifyOwner), self.notify_owner);
    }
}

/// `entry-get` (request): Get one entry (ENOENT if absent), or dump all, in key order.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct EntryGetRequest<'a> {
    /// Entry key, 1 to key-max-len bytes before the NUL.
    pub key: Option<&'a str>,
}

impl EntryGetRequest<'_> {
    /// The command it sends.
    pub const CMD: Cmd = Cmd::EntryGet;
}

impl<'a> EntryGetRequest<'a> {
    /// The request from `name=value` pairs, in the spec's words: integers
    /// (decimal or `0x` hex), enums (name or number), strings and flags;
    /// set the other attributes in code.
    pub fn from_args(args: &[(&'a str, &'a str)]) -> Result<Self, ynl::CheckError> {
        let mut req = Self::default();
        for &(name, v) in args {
            match name {
                "key" => req.key = Some(v),
                _ => return Err(ynl::CheckError(format!("{name}: not settable as text"))),
            }
        }
        Ok(req)
    }
}

impl ynl::Encode for EntryGetRequest<'_> {
    fn check(&self) -> Result<(), ynl::CheckError> {
        if let Some(v) = self.key {
            Attr::check_key(v)?;
        }
        Ok(())
    }

    fn encode(&self, req: &mut ynl::Request) {
        if let Some(v) = self.key {
            req.put_str(u16::from(Attr::Key), v);
        }
    }
}

/// `entry-get` (dump): Get one entry (ENOENT if absent), or dump all, in key order.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct EntryGetDumpRequest<'a> {
    /// Dump filter, only entries whose key starts with it.
    pub prefix: Option<&'a str>,
}

impl EntryGetDumpRequest<'_> {
    /// The command it sends.
    pub const CMD: Cmd = Cmd::EntryGet;
}

impl<'a> EntryGetDumpRequest<'a> {
    /// The request from `name=value` pairs, in the spec's words: integers
    /// (decimal or `0x` hex), enums (name or number), strings and flags;
    /// set the other attributes in code.
    pub fn from_args(args: &[(&'a str, &'a str)]) -> Result<Self, ynl::CheckError> {
        let mut req = Self::default();
        for &(name, v) in args {
            match name {
                "prefix" => req.prefix = Some(v),
                _ => return Err(ynl::CheckError(format!("{name}: not settable as text"))),
            }
        }
        Ok(req)
    }
}

impl ynl::Encode for EntryGetDumpRequest<'_> {
    fn check(&self) -> Result<(), ynl::CheckError> {
        if let Some(v) = self.prefix {
            Attr::check_prefix(v)?;
        }
        Ok(())
    }

    fn encode(&self, req: &mut ynl::Request) {
        if let Some(v) = self.prefix {
            req.put_str(u16::from(Attr::Prefix), v);
        }
    }
}

/// `entry-del` (request): Delete an entry (ENOENT if absent). Notifies entry-del-ntf.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct EntryDelRequest<'a> {
    /// Entry key, 1 to key-max-len bytes before the NUL.
    pub key: Option<&'a str>,
}

impl EntryDelRequest<'_> {
    /// The command it sends.
    pub const CMD: Cmd = Cmd::EntryDel;
}

impl<'a> EntryDelRequest<'a> {
    /// The request from `name=value` pairs, in the spec's words: integers
    /// (decimal or `0x` hex), enums (name or number), strings and flags;
    /// set the other attributes in code.
    pub fn from_args(args: &[(&'a str, &'a str)]) -> Result<Self, ynl::CheckError> {
        let mut req = Self::default();
        for &(name, v) in args {
            match name {
                "key" => req.key = Some(v),
                _ => return Err(ynl::CheckError(format!("{name}: not settable as text"))),
            }
        }
        Ok(req)
    }
}

impl ynl::Encode for EntryDelRequest<'_> {
    fn check(&self) -> Result<(), ynl::CheckError> {
        if let Some(v) = self.key {
            Attr::check_key(v)?;
        }
        Ok(())
    }

    fn encode(&self, req: &mut ynl::Request) {
        if let Some(v) = self.key {
            req.put_str(u16::from(Attr::Key), v);
        }
    }
}

/// `flush` (request): Delete every entry of the namespace. Notifies flush-ntf.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FlushRequest {}

impl FlushRequest {
    /// The command it sends.
    pub const CMD: Cmd = Cmd::Flush;
}

impl FlushRequest {
    /// The request from `name=value` pairs, in the spec's words: integers
    /// (decimal or `0x` hex), enums (name or number), strings and flags;
    /// set the other attributes in code.
    pub fn from_args(args: &[(&'_ str, &'_ str)]) -> Result<Self, ynl::CheckError> {
        if let Some((name, _)) = args.first() {
            return Err(ynl::CheckError(format!("{name}: not settable as text")));
        }
        Ok(Self::default())
    }
}

impl ynl::Encode for FlushRequest {
    fn check(&self) -> Result<(), ynl::CheckError> {
        Ok(())
    }

    fn encode(&self, req: &mut ynl::Request) {
        let _ = req;
    }
}

/// `stats-get` (request): The namespace's usage, limits and counters.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StatsGetRequest {}

impl StatsGetRequest {
    /// The command it sends.
    pub const CMD: Cmd = Cmd::StatsGet;
}

impl StatsGetRequest {
    /// The request from `name=value` pairs, in the spec's words: integers
    /// (decimal or `0x` hex), enums (name or number), strings and flags;
    /// set the other attributes in code.
    pub fn from_args(args: &[(&'_ str, &'_ str)]) -> Result<Self, ynl::CheckError> {
        if let Some((name, _)) = args.first() {
            return Err(ynl::CheckError(format!("{name}: not settable as text")));
        }
        Ok(Self::default())
    }
}

impl ynl::Encode for StatsGetRequest {
    fn check(&self) -> Result<(), ynl::CheckError> {
        Ok(())
    }

    fn encode(&self, req: &mut ynl::Request) {
        let _ = req;
    }
}

/// `echo` (request): Reply with the request's attributes, unchanged (a latency probe).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
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

impl<'a> EchoRequest<'a> {
    /// The request from `name=value` pairs, in the spec's words: integers
    /// (decimal or `0x` hex), enums (name or number), strings and flags;
    /// set the other attributes in code.
    pub fn from_args(args: &[(&'a str, &'a str)]) -> Result<Self, ynl::CheckError> {
        let mut req = Self::default();
        for &(name, v) in args {
            match name {
                "key" => req.key = Some(v),
                "tag" => req.tag = Some(ynl::codec::parse(name, v)?),
                _ => return Err(ynl::CheckError(format!("{name}: not settable as text"))),
            }
        }
        Ok(req)
    }
}

impl ynl::Encode for EchoRequest<'_> {
    fn check(&self) -> Result<(), ynl::CheckError> {
        if let Some(v) = self.key {
            Attr::check_key(v)?;
        }
        if let Some(v) = self.value {
            Attr::check_value(v)?;
        }
        Ok(())
    }

    fn encode(&self, req: &mut ynl::Request) {
        if let Some(v) = self.key {
            req.put_str(u16::from(Attr::Key), v);
        }
        if let Some(v) = self.value {
            req.put(u16::from(Attr::Value), v);
        }
        if let Some(v) = self.tag {
            ynl::codec::put_scalar::<u32>(req, u16::from(Attr::Tag), v, false);
        }
    }
}

/// `limits-set` (request): Set the namespace's limits (either or both). Lowering one below what is
/// held removes nothing; entry-new fails until usage is back under it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
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

impl LimitsSetRequest {
    /// The request from `name=value` pairs, in the spec's words: integers
    /// (decimal or `0x` hex), enums (name or number), strings and flags;
    /// set the other attributes in code.
    pub fn from_args(args: &[(&'_ str, &'_ str)]) -> Result<Self, ynl::CheckError> {
        let mut req = Self::default();
        for &(name, v) in args {
            match name {
                "max-entries" => req.max_entries = Some(ynl::codec::parse(name, v)?),
                "max-bytes" => req.max_bytes = Some(ynl::codec::parse(name, v)?),
                _ => return Err(ynl::CheckError(format!("{name}: not settable as text"))),
            }
        }
        Ok(req)
    }
}

impl ynl::Encode for LimitsSetRequest {
    fn check(&self) -> Result<(), ynl::CheckError> {
        if let Some(v) = self.max_entries {
            Attr::check_max_entries(v)?;
        }
        if let Some(v) = self.max_bytes {
            Attr::check_max_bytes(v)?;
        }
        Ok(())
    }

    fn encode(&self, req: &mut ynl::Request) {
        if let Some(v) = self.max_entries {
            ynl::codec::put_scalar::<u32>(req, u16::from(Attr::MaxEntries), v, false);
        }
        if let Some(v) = self.max_bytes {
            ynl::codec::put_scalar::<u32>(req, u16::from(Attr::MaxBytes), v, false);
        }
    }
}

/// `watch-set` (request): Filter the events group for the calling socket: entry-new-ntf and
/// entry-del-ntf reach it only for keys starting with prefix (flush-ntf always does). An absent or
/// empty prefix receives everything, as a socket that never set a watch does. The watch lives and
/// dies with the socket; other sockets are not affected.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct WatchSetRequest<'a> {
    /// Dump filter, only entries whose key starts with it.
    pub prefix: Option<&'a str>,
}

impl WatchSetRequest<'_> {
    /// The command it sends.
    pub const CMD: Cmd = Cmd::WatchSet;
}

impl<'a> WatchSetRequest<'a> {
    /// The request from `name=value` pairs, in the spec's words: integers
    /// (decimal or `0x` hex), enums (name or number), strings and flags;
    /// set the other attributes in code.
    pub fn from_args(args: &[(&'a str, &'a str)]) -> Result<Self, ynl::CheckError> {
        let mut req = Self::default();
        for &(name, v) in args {
            match name {
                "prefix" => req.prefix = Some(v),
                _ => return Err(ynl::CheckError(format!("{name}: not settable as text"))),
            }
        }
        Ok(req)
    }
}

impl ynl::Encode for WatchSetRequest<'_> {
    fn check(&self) -> Result<(), ynl::CheckError> {
        if let Some(v) = self.prefix {
            Attr::check_prefix(v)?;
        }
        Ok(())
    }

    fn encode(&self, req: &mut ynl::Request) {
        if let Some(v) = self.prefix {
            req.put_str(u16::from(Attr::Prefix), v);
        }
    }
}

/// The `entry-get`'s do reply: Get one entry (ENOENT if absent), or dump all, in key order.
///
/// Every attribute of set `rgnl`.
pub type EntryGetReply<'a> = Rgnl<'a>;

/// The `entry-get`'s dump reply: Get one entry (ENOENT if absent), or dump all, in key order.
///
/// Every attribute of set `rgnl`.
pub type EntryGetDumpReply<'a> = Rgnl<'a>;

/// The `stats-get`'s do reply: The namespace's usage, limits and counters.
///
/// Every attribute of set `rgnl`.
pub type StatsGetReply<'a> = Rgnl<'a>;

/// The `echo`'s do reply: Reply with the request's attributes, unchanged (a latency probe).
///
/// Every attribute of set `rgnl`.
pub type EchoReply<'a> = Rgnl<'a>;

/// The notification `entry-new-ntf`: An entry was created or replaced; carries the stored entry.
///
/// Every attribute of set `rgnl`.
pub type EntryNewNtf<'a> = Rgnl<'a>;

/// The notification `entry-del-ntf`: An entry was deleted (reason deleted) or expired (reason
/// expired); carries it as it was.
///
/// Every attribute of set `rgnl`.
pub type EntryDelNtf<'a> = Rgnl<'a>;

/// The notification `flush-ntf`: The namespace was flushed; count is the number of entries removed.
///
/// Every attribute of set `rgnl`.
pub type FlushNtf<'a> = Rgnl<'a>;

/// The notification `audit-ntf`: Who changed what: sent to the audit group for every entry-new,
/// entry-del, flush and limits-set that changed something. key is absent for flush and limits-set.
///
/// Every attribute of set `rgnl`.
pub type AuditNtf<'a> = Rgnl<'a>;

/// A notification, tagged with its name (without `-ntf`) in JSON.
#[allow(clippy::large_enum_variant)] // read one at a time, never stored in bulk
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "event", rename_all = "kebab-case")]
pub enum Event<'a> {
    /// An entry was created or replaced; carries the stored entry.
    EntryNew(EntryNewNtf<'a>),
    /// An entry was deleted (reason deleted) or expired (reason expired); carries it as it was.
    EntryDel(EntryDelNtf<'a>),
    /// The namespace was flushed; count is the number of entries removed.
    Flush(FlushNtf<'a>),
    /// Who changed what: sent to the audit group for every entry-new, entry-del, flush and
    /// limits-set that changed something.
    Audit(AuditNtf<'a>),
}

impl<'a> Event<'a> {
    /// Decodes notification `m`; `None` for a command that is not one.
    pub fn decode_msg(m: &ynl::Msg<'a>) -> Result<Option<Self>, ynl::DecodeError> {
        Ok(Some(match m.cmd()? {
            n if n == u8::from(Cmd::EntryNewNtf) => Self::EntryNew(EntryNewNtf::decode_msg(m)?),
            n if n == u8::from(Cmd::EntryDelNtf) => Self::EntryDel(EntryDelNtf::decode_msg(m)?),
            n if n == u8::from(Cmd::FlushNtf) => Self::Flush(FlushNtf::decode_msg(m)?),
            n if n == u8::from(Cmd::AuditNtf) => Self::Audit(AuditNtf::decode_msg(m)?),
            _ => return Ok(None),
        }))
    }

    /// Waits for the next notification on `c` (after `c.join(GROUP_...)`) and
    /// hands it to `f`; `None` for a message that is not one of the family's.
    pub fn next<T>(
        c: &mut ynl::Client,
        f: impl FnOnce(Event<'_>) -> T,
    ) -> Result<Option<T>, ynl::Error> {
        Ok(c.next_event(|m| Event::decode_msg(&m).map(|e| e.map(f)))??)
    }
}

/// A client of the family: a socket with the family resolved.
pub fn connect() -> Result<ynl::Client, ynl::Error> {
    ynl::Client::open(FAMILY_NAME, FAMILY_VERSION)
}

impl EntryNewRequest<'_> {
    /// Sends `entry-new` (do), answered by its ACK.
    pub fn call(&self, c: &mut ynl::Client) -> Result<(), ynl::Error> {
        c.call_ack(u8::from(Cmd::EntryNew), self, 0)
    }
}

impl EntryGetRequest<'_> {
    /// Sends `entry-get` (do) and hands its reply to `f`.
    pub fn call<T>(
        &self,
        c: &mut ynl::Client,
        f: impl FnOnce(EntryGetReply<'_>) -> T,
    ) -> Result<T, ynl::Error> {
        c.call(
            u8::from(Cmd::EntryGet),
            self,
            0,
            u8::from(Cmd::EntryGet),
            |m| Ok(f(EntryGetReply::decode_msg(&m)?)),
        )?
        .ok_or_else(|| ynl::Error::Protocol("no reply to entry-get".into()))
    }
}

impl EntryGetDumpRequest<'_> {
    /// Dumps `entry-get`, handing each reply to `each`.
    pub fn dump(
        &self,
        c: &mut ynl::Client,
        mut each: impl FnMut(EntryGetDumpReply<'_>) -> Result<(), ynl::Error>,
    ) -> Result<(), ynl::Error> {
        c.dump(
            u8::from(Cmd::EntryGet),
            self,
            u8::from(Cmd::EntryGet),
            |m| each(EntryGetDumpReply::decode_msg(&m)?),
        )
    }
}

impl EntryDelRequest<'_> {
    /// Sends `entry-del` (do), answered by its ACK.
    pub fn call(&self, c: &mut ynl::Client) -> Result<(), ynl::Error> {
        c.call_ack(u8::from(Cmd::EntryDel), self, 0)
    }
}

impl FlushRequest {
    /// Sends `flush` (do), answered by its ACK.
    pub fn call(&self, c: &mut ynl::Client) -> Result<(), ynl::Error> {
        c.call_ack(u8::from(Cmd::Flush), self, 0)
    }
}

impl StatsGetRequest {
    /// Sends `stats-get` (do) and hands its reply to `f`.
    pub fn call<T>(
        &self,
        c: &mut ynl::Client,
        f: impl FnOnce(StatsGetReply<'_>) -> T,
    ) -> Result<T, ynl::Error> {
        c.call(
            u8::from(Cmd::StatsGet),
            self,
            0,
            u8::from(Cmd::StatsGet),
            |m| Ok(f(StatsGetReply::decode_msg(&m)?)),
        )?
        .ok_or_else(|| ynl::Error::Protocol("no reply to stats-get".into()))
    }
}

impl EchoRequest<'_> {
    /// Sends `echo` (do) and hands its reply to `f`.
    pub fn call<T>(
        &self,
        c: &mut ynl::Client,
        f: impl FnOnce(EchoReply<'_>) -> T,
    ) -> Result<T, ynl::Error> {
        c.call(u8::from(Cmd::Echo), self, 0, u8::from(Cmd::Echo), |m| {
            Ok(f(EchoReply::decode_msg(&m)?))
        })?
        .ok_or_else(|| ynl::Error::Protocol("no reply to echo".into()))
    }
}

impl LimitsSetRequest {
    /// Sends `limits-set` (do), answered by its ACK.
    pub fn call(&self, c: &mut ynl::Client) -> Result<(), ynl::Error> {
        c.call_ack(u8::from(Cmd::LimitsSet), self, 0)
    }
}

impl WatchSetRequest<'_> {
    /// Sends `watch-set` (do), answered by its ACK.
    pub fn call(&self, c: &mut ynl::Client) -> Result<(), ynl::Error> {
        c.call_ack(u8::from(Cmd::WatchSet), self, 0)
    }
}

/// Attribute set `rgnl`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Rgnl<'a> {
    /// Entry key, 1 to key-max-len bytes before the NUL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<&'a str>,
    /// Entry value, 0 to value-max-len bytes, stored as given.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "ynl::json::hex_opt"
    )]
    pub value: Option<&'a [u8]>,
    /// A number stored with the entry (0 when not given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<u32>,
    /// Assigned by the kernel: the namespace's change counter when the entry was last created or
    /// replaced.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<u64>,
    /// `entry`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<Entry<'a>>,
    /// Number of entries (stats-get), or entries removed (flush-ntf).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// Most entries the namespace may hold.
    #[serde(rename = "max-entries", skip_serializing_if = "Option::is_none")]
    pub max_entries: Option<u32>,
    /// Most value bytes (summed over all entries) the namespace may hold.
    #[serde(rename = "max-bytes", skip_serializing_if = "Option::is_none")]
    pub max_bytes: Option<u32>,
    /// Value bytes held, summed over all entries.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u32>,
    /// Dump filter, only entries whose key starts with it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefix: Option<&'a str>,
    /// Entries created since the namespace appeared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<u64>,
    /// Entries replaced.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaced: Option<u64>,
    /// Entries deleted by entry-del.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<u64>,
    /// Entries deleted by flush.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flushed: Option<u64>,
    /// Notifications sent to the events group (or echoed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notifications: Option<u64>,
    /// Time to live in milliseconds.
    #[serde(rename = "ttl-ms", skip_serializing_if = "Option::is_none")]
    pub ttl_ms: Option<u32>,
    /// With ttl-ms: when the entry expires, its entry-del-ntf is also unicast to the socket that
    /// set it, whether or not that socket joined a group.
    #[serde(rename = "notify-owner", skip_serializing_if = "std::ops::Not::not")]
    pub notify_owner: bool,
    /// Why the entry was deleted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<DelReason>,
    /// Entries removed because their time to live ran out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expired: Option<u64>,
    /// audit-ntf messages sent.
    #[serde(rename = "audit-messages", skip_serializing_if = "Option::is_none")]
    pub audit_messages: Option<u64>,
    /// The netlink port id of the socket that sent the change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub portid: Option<u32>,
    /// The sender's uid, in the initial user namespace.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<u32>,
    /// The command of the change (entry-new, entry-del, flush, limits-set).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub command: Option<u32>,
}

impl<'a> ynl::Decode<'a> for Rgnl<'a> {
    /// Decodes the attributes of set `rgnl`.
    fn decode(attrs: ynl::Attrs<'a>) -> Result<Self, ynl::DecodeError> {
        let mut out = Self::default();
        for a in attrs {
            let a = a?;
            match a.ty() {
                // `key`
                2 => {
                    ynl::codec::once(&mut out.key, &a, ynl::codec::string(&a)?)?;
                }
                // `value`
                3 => {
                    ynl::codec::once(&mut out.value, &a, a.bytes())?;
                }
                // `tag`
                4 => {
                    ynl::codec::once(&mut out.tag, &a, ynl::codec::scalar::<u32>(&a, false)?)?;
                }
                // `revision`
                5 => {
                    ynl::codec::once(&mut out.revision, &a, ynl::codec::scalar::<u64>(&a, false)?)?;
                }
                // `entry`
                6 => {
                    ynl::codec::once(&mut out.entry, &a, ynl::Decode::decode(a.nested())?)?;
                }
                // `count`
                7 => {
                    ynl::codec::once(&mut out.count, &a, ynl::codec::scalar::<u32>(&a, false)?)?;
                }
                // `max-entries`
                8 => {
                    ynl::codec::once(
                        &mut out.max_entries,
                        &a,
                        ynl::codec::scalar::<u32>(&a, false)?,
                    )?;
                }
                // `max-bytes`
                9 => {
                    ynl::codec::once(
                        &mut out.max_bytes,
                        &a,
                        ynl::codec::scalar::<u32>(&a, false)?,
                    )?;
                }
                // `bytes`
                10 => {
                    ynl::codec::once(&mut out.bytes, &a, ynl::codec::scalar::<u32>(&a, false)?)?;
                }
                // `prefix`
                11 => {
                    ynl::codec::once(&mut out.prefix, &a, ynl::codec::string(&a)?)?;
                }
                // `created`
                12 => {
                    ynl::codec::once(&mut out.created, &a, ynl::codec::scalar::<u64>(&a, false)?)?;
                }
                // `replaced`
                13 => {
                    ynl::codec::once(&mut out.replaced, &a, ynl::codec::scalar::<u64>(&a, false)?)?;
                }
                // `deleted`
                14 => {
                    ynl::codec::once(&mut out.deleted, &a, ynl::codec::scalar::<u64>(&a, false)?)?;
                }
                // `flushed`
                15 => {
                    ynl::codec::once(&mut out.flushed, &a, ynl::codec::scalar::<u64>(&a, false)?)?;
                }
                // `notifications`
                16 => {
                    ynl::codec::once(
                        &mut out.notifications,
                        &a,
                        ynl::codec::scalar::<u64>(&a, false)?,
                    )?;
                }
                // `ttl-ms`
                17 => {
                    ynl::codec::once(&mut out.ttl_ms, &a, ynl::codec::scalar::<u32>(&a, false)?)?;
                }
                // `notify-owner`
                18 => {
                    out.notify_owner = true;
                }
                // `reason`
                19 => {
                    ynl::codec::once(
                        &mut out.reason,
                        &a,
                        DelReason(ynl::codec::scalar::<u32>(&a, false)?),
                    )?;
                }
                // `expired`
                20 => {
                    ynl::codec::once(&mut out.expired, &a, ynl::codec::scalar::<u64>(&a, false)?)?;
                }
                // `audit-messages`
                21 => {
                    ynl::codec::once(
                        &mut out.audit_messages,
                        &a,
                        ynl::codec::scalar::<u64>(&a, false)?,
                    )?;
                }
                // `portid`
                22 => {
                    ynl::codec::once(&mut out.portid, &a, ynl::codec::scalar::<u32>(&a, false)?)?;
                }
                // `uid`
                23 => {
                    ynl::codec::once(&mut out.uid, &a, ynl::codec::scalar::<u32>(&a, false)?)?;
                }
                // `command`
                24 => {
                    ynl::codec::once(&mut out.command, &a, ynl::codec::scalar::<u32>(&a, false)?)?;
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl<'a> Rgnl<'a> {
    /// Decodes message `m` (after the family's fixed header, if it has one).
    pub fn decode_msg(m: &ynl::Msg<'a>) -> Result<Self, ynl::DecodeError> {
        ynl::Decode::decode(m.attrs(0)?)
    }
}

/// Attribute set `entry` (a subset of `rgnl`).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Entry<'a> {
    /// Entry key, 1 to key-max-len bytes before the NUL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<&'a str>,
    /// Entry value, 0 to value-max-len bytes, stored as given.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "ynl::json::hex_opt"
    )]
    pub value: Option<&'a [u8]>,
    /// A number stored with the entry (0 when not given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<u32>,
    /// Assigned by the kernel: the namespace's change counter when the entry was last created or
    /// replaced.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<u64>,
    /// Time to live in milliseconds.
    #[serde(rename = "ttl-ms", skip_serializing_if = "Option::is_none")]
    pub ttl_ms: Option<u32>,
}

impl<'a> ynl::Decode<'a> for Entry<'a> {
    /// Decodes the attributes of set `entry`.
    fn decode(attrs: ynl::Attrs<'a>) -> Result<Self, ynl::DecodeError> {
        let mut out = Self::default();
        for a in attrs {
            let a = a?;
            match a.ty() {
                // `key`
                2 => {
                    ynl::codec::once(&mut out.key, &a, ynl::codec::string(&a)?)?;
                }
                // `value`
                3 => {
                    ynl::codec::once(&mut out.value, &a, a.bytes())?;
                }
                // `tag`
                4 => {
                    ynl::codec::once(&mut out.tag, &a, ynl::codec::scalar::<u32>(&a, false)?)?;
                }
                // `revision`
                5 => {
                    ynl::codec::once(&mut out.revision, &a, ynl::codec::scalar::<u64>(&a, false)?)?;
                }
                // `ttl-ms`
                17 => {
                    ynl::codec::once(&mut out.ttl_ms, &a, ynl::codec::scalar::<u32>(&a, false)?)?;
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl<'a> Entry<'a> {
    /// Decodes message `m` (after the family's fixed header, if it has one).
    pub fn decode_msg(m: &ynl::Msg<'a>) -> Result<Self, ynl::DecodeError> {
        ynl::Decode::decode(m.attrs(0)?)
    }
}
