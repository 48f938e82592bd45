// SPDX-License-Identifier: GPL-2.0
// Do not edit: generated from Documentation/netlink/specs/rgnl.yaml
// by tools/net/ynl/ynl-gen-rust.py --mode kernel.

//! The `rgnl` generic netlink family's tables.
//!
//! A key/value registry, one per network namespace, whose changes are multicast to listeners.
//!
//! The family type [`Rgnl`] and its description; typed ids,
//! views and writers of its attributes; one trait per handler, which the
//! family's code implements for the family type, and which the ops table
//! calls with the request already validated.

// Like a generated C header, the tables name all the spec has, whether or
// not this family's code uses it.
#![allow(dead_code)]

pub(crate) const KEY_MAX_LEN: u32 = 64;

pub(crate) const VALUE_MAX_LEN: u32 = 4096;

/// Highest per-namespace entry limit limits-set accepts.
pub(crate) const MAX_ENTRIES_LIMIT: u32 = 1048576;

/// Highest per-namespace value byte limit limits-set accepts.
pub(crate) const MAX_BYTES_LIMIT: u32 = 268435456;

/// Longest time to live entry-new accepts (one day).
pub(crate) const TTL_MAX_MS: u32 = 86400000;

/// Why an entry-del-ntf was sent.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u32)]
#[allow(clippy::enum_variant_names)] // The spec's names.
pub(crate) enum DelReason {
    /// entry-del removed the entry.
    Deleted = 0,
    /// The entry's time to live ran out; the kernel removed it.
    Expired = 1,
}

impl genl::kind::EnumValue for DelReason {
    fn value(self) -> u32 {
        self as u32
    }
}

impl genl::kind::CheckedEnum for DelReason {
    fn from_validated(v: u32) -> Self {
        match v {
            0 => Self::Deleted,
            _ => Self::Expired,
        }
    }
}

/// Attribute set `rgnl`.
pub(crate) mod attr {
    #[allow(unused_imports)]
    use super::*;

    /// The set, in attribute ids, views and writers.
    pub(crate) enum Set {}
    pub(crate) const PAD: genl::AttrId<Set, genl::kind::Pad> = genl::AttrId::new(1);
    /// Entry key, 1 to key-max-len bytes before the NUL.
    pub(crate) const KEY: genl::AttrId<Set, genl::kind::NulStr> = genl::AttrId::new(2);
    /// Entry value, 0 to value-max-len bytes, stored as given.
    pub(crate) const VALUE: genl::AttrId<Set, genl::kind::Binary> = genl::AttrId::new(3);
    /// A number stored with the entry (0 when not given).
    pub(crate) const TAG: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(4);
    /// Assigned by the kernel: the namespace's change counter when the entry was last created or
    /// replaced.
    pub(crate) const REVISION: genl::AttrId<Set, genl::kind::U64> = genl::AttrId::new(5);
    pub(crate) const ENTRY: genl::AttrId<Set, genl::kind::Nest<attr_entry::Set>> =
        genl::AttrId::new(6);
    /// Number of entries (stats-get), or entries removed (flush-ntf).
    pub(crate) const COUNT: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(7);
    /// Most entries the namespace may hold.
    pub(crate) const MAX_ENTRIES: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(8);
    /// Most value bytes (summed over all entries) the namespace may hold.
    pub(crate) const MAX_BYTES: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(9);
    /// Value bytes held, summed over all entries.
    pub(crate) const BYTES: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(10);
    /// Dump filter, only entries whose key starts with it.
    pub(crate) const PREFIX: genl::AttrId<Set, genl::kind::NulStr> = genl::AttrId::new(11);
    /// Entries created since the namespace appeared.
    pub(crate) const CREATED: genl::AttrId<Set, genl::kind::U64> = genl::AttrId::new(12);
    /// Entries replaced.
    pub(crate) const REPLACED: genl::AttrId<Set, genl::kind::U64> = genl::AttrId::new(13);
    /// Entries deleted by entry-del.
    pub(crate) const DELETED: genl::AttrId<Set, genl::kind::U64> = genl::AttrId::new(14);
    /// Entries deleted by flush.
    pub(crate) const FLUSHED: genl::AttrId<Set, genl::kind::U64> = genl::AttrId::new(15);
    /// Notifications sent to the events group (or echoed).
    pub(crate) const NOTIFICATIONS: genl::AttrId<Set, genl::kind::U64> = genl::AttrId::new(16);
    /// Time to live in milliseconds.
    pub(crate) const TTL_MS: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(17);
    /// With ttl-ms: when the entry expires, its entry-del-ntf is also unicast to the socket that
    /// set it, whether or not that socket joined a group.
    pub(crate) const NOTIFY_OWNER: genl::AttrId<Set, genl::kind::Flag> = genl::AttrId::new(18);
    /// Why the entry was deleted.
    pub(crate) const REASON: genl::AttrId<Set, genl::kind::Enum<DelReason, genl::kind::U32>> =
        genl::AttrId::new(19);
    /// Entries removed because their time to live ran out.
    pub(crate) const EXPIRED: genl::AttrId<Set, genl::kind::U64> = genl::AttrId::new(20);
    /// audit-ntf messages sent.
    pub(crate) const AUDIT_MESSAGES: genl::AttrId<Set, genl::kind::U64> = genl::AttrId::new(21);
    /// The netlink port id of the socket that sent the change.
    pub(crate) const PORTID: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(22);
    /// The sender's uid, in the initial user namespace.
    pub(crate) const UID: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(23);
    /// The command of the change (entry-new, entry-del, flush, limits-set).
    pub(crate) const COMMAND: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(24);
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 24;
}

/// Attribute set `entry`, a subset of `rgnl`.
pub(crate) mod attr_entry {
    #[allow(unused_imports)]
    use super::*;

    /// The set, in attribute ids, views and writers.
    pub(crate) enum Set {}
    /// Entry key, 1 to key-max-len bytes before the NUL.
    pub(crate) const KEY: genl::AttrId<Set, genl::kind::NulStr> = genl::AttrId::new(2);
    /// Entry value, 0 to value-max-len bytes, stored as given.
    pub(crate) const VALUE: genl::AttrId<Set, genl::kind::Binary> = genl::AttrId::new(3);
    /// A number stored with the entry (0 when not given).
    pub(crate) const TAG: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(4);
    /// Assigned by the kernel: the namespace's change counter when the entry was last created or
    /// replaced.
    pub(crate) const REVISION: genl::AttrId<Set, genl::kind::U64> = genl::AttrId::new(5);
    /// Time to live in milliseconds.
    pub(crate) const TTL_MS: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(17);
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 17;
}

/// Commands, notifications included (one numbering, as in the spec),
/// each with the attribute set of its messages.
pub(crate) mod cmd {
    /// Create or replace an entry, as rtnetlink does: without NLM_F_CREATE a missing key is ENOENT;
    /// an existing key is EEXIST with NLM_F_EXCL or without NLM_F_REPLACE.
    pub(crate) const ENTRY_NEW: genl::Cmd<super::attr::Set> = genl::Cmd::new(1);
    /// Get one entry (ENOENT if absent), or dump all, in key order.
    pub(crate) const ENTRY_GET: genl::Cmd<super::attr::Set> = genl::Cmd::new(2);
    /// Delete an entry (ENOENT if absent).
    pub(crate) const ENTRY_DEL: genl::Cmd<super::attr::Set> = genl::Cmd::new(3);
    /// Delete every entry of the namespace.
    pub(crate) const FLUSH: genl::Cmd<super::attr::Set> = genl::Cmd::new(4);
    /// The namespace's usage, limits and counters.
    pub(crate) const STATS_GET: genl::Cmd<super::attr::Set> = genl::Cmd::new(5);
    /// Reply with the request's attributes, unchanged (a latency probe).
    pub(crate) const ECHO: genl::Cmd<super::attr::Set> = genl::Cmd::new(6);
    /// Set the namespace's limits (either or both).
    pub(crate) const LIMITS_SET: genl::Cmd<super::attr::Set> = genl::Cmd::new(7);
    /// An entry was created or replaced; carries the stored entry.
    pub(crate) const ENTRY_NEW_NTF: genl::Cmd<super::attr::Set> = genl::Cmd::new(8);
    /// An entry was deleted (reason deleted) or expired (reason expired); carries it as it was.
    pub(crate) const ENTRY_DEL_NTF: genl::Cmd<super::attr::Set> = genl::Cmd::new(9);
    /// The namespace was flushed; count is the number of entries removed.
    pub(crate) const FLUSH_NTF: genl::Cmd<super::attr::Set> = genl::Cmd::new(10);
    /// Filter the events group for the calling socket: entry-new-ntf and entry-del-ntf reach it
    /// only for keys starting with prefix (flush-ntf always does).
    pub(crate) const WATCH_SET: genl::Cmd<super::attr::Set> = genl::Cmd::new(11);
    /// Who changed what: sent to the audit group for every entry-new, entry-del, flush and
    /// limits-set that changed something.
    pub(crate) const AUDIT_NTF: genl::Cmd<super::attr::Set> = genl::Cmd::new(12);
}

/// Multicast groups: indexes into [`MCGRPS`].
pub(crate) mod group {
    pub(crate) const EVENTS: u32 = 0;
    pub(crate) const AUDIT: u32 = 1;
}

/// The multicast groups, for `genl::Family::MCGRPS`.
pub(crate) static MCGRPS: [genl::McGroup; 2] = [
    genl::McGroup::new(kernel::c_str!("events")),
    genl::McGroup::admin(kernel::c_str!("audit")),
];

static RGNL_TTL_MS_RANGE: genl::RangeU64 = genl::RangeU64::new(1, TTL_MAX_MS as u64);

static RGNL_MAX_ENTRIES_RANGE: genl::RangeU64 = genl::RangeU64::new(1, MAX_ENTRIES_LIMIT as u64);

static RGNL_MAX_BYTES_RANGE: genl::RangeU64 = genl::RangeU64::new(1, MAX_BYTES_LIMIT as u64);

/// `entry-new` do requests.
static ENTRY_NEW_POLICY: genl::Policy<[genl::AttrPolicy; attr::NOTIFY_OWNER.id() as usize + 1]> =
    genl::policy(&[
        (
            attr::KEY.id(),
            genl::AttrPolicy::nul_string(KEY_MAX_LEN as u16),
        ),
        (
            attr::VALUE.id(),
            genl::AttrPolicy::binary(VALUE_MAX_LEN as u16),
        ),
        (attr::TAG.id(), genl::AttrPolicy::u32()),
        (
            attr::TTL_MS.id(),
            genl::AttrPolicy::u32().range_u64(&RGNL_TTL_MS_RANGE),
        ),
        (attr::NOTIFY_OWNER.id(), genl::AttrPolicy::flag()),
    ]);

/// `entry-get` do requests.
static ENTRY_GET_DO_POLICY: genl::Policy<[genl::AttrPolicy; attr::KEY.id() as usize + 1]> =
    genl::policy(&[(
        attr::KEY.id(),
        genl::AttrPolicy::nul_string(KEY_MAX_LEN as u16),
    )]);

/// `entry-get` dump requests.
static ENTRY_GET_DUMP_POLICY: genl::Policy<[genl::AttrPolicy; attr::PREFIX.id() as usize + 1]> =
    genl::policy(&[(
        attr::PREFIX.id(),
        genl::AttrPolicy::nul_string(KEY_MAX_LEN as u16),
    )]);

/// `entry-del` do requests.
static ENTRY_DEL_POLICY: genl::Policy<[genl::AttrPolicy; attr::KEY.id() as usize + 1]> =
    genl::policy(&[(
        attr::KEY.id(),
        genl::AttrPolicy::nul_string(KEY_MAX_LEN as u16),
    )]);

/// `echo` do requests.
static ECHO_POLICY: genl::Policy<[genl::AttrPolicy; attr::TAG.id() as usize + 1]> =
    genl::policy(&[
        (
            attr::KEY.id(),
            genl::AttrPolicy::nul_string(KEY_MAX_LEN as u16),
        ),
        (
            attr::VALUE.id(),
            genl::AttrPolicy::binary(VALUE_MAX_LEN as u16),
        ),
        (attr::TAG.id(), genl::AttrPolicy::u32()),
    ]);

/// `limits-set` do requests.
static LIMITS_SET_POLICY: genl::Policy<[genl::AttrPolicy; attr::MAX_BYTES.id() as usize + 1]> =
    genl::policy(&[
        (
            attr::MAX_ENTRIES.id(),
            genl::AttrPolicy::u32().range_u64(&RGNL_MAX_ENTRIES_RANGE),
        ),
        (
            attr::MAX_BYTES.id(),
            genl::AttrPolicy::u32().range_u64(&RGNL_MAX_BYTES_RANGE),
        ),
    ]);

/// `watch-set` do requests.
static WATCH_SET_POLICY: genl::Policy<[genl::AttrPolicy; attr::PREFIX.id() as usize + 1]> =
    genl::policy(&[(
        attr::PREFIX.id(),
        genl::AttrPolicy::nul_string(KEY_MAX_LEN as u16),
    )]);

/// The largest attribute payload of each message whose attributes the
/// spec bounds, for `new_message` and dumps' `MAX_MESSAGE`.
pub(crate) mod max_payload {
    #[allow(unused_imports)]
    use super::*;

    /// `entry-get` do reply.
    pub(crate) const ENTRY_GET_DO: usize =
        genl::size::sum(&[genl::size::nest(genl::size::sum(&[
            genl::size::string(KEY_MAX_LEN as usize),
            genl::size::attr(VALUE_MAX_LEN as usize),
            genl::size::U32,
            genl::size::U64,
            genl::size::U32,
        ]))]);
    /// `entry-get` dump reply.
    pub(crate) const ENTRY_GET_DUMP: usize =
        genl::size::sum(&[genl::size::nest(genl::size::sum(&[
            genl::size::string(KEY_MAX_LEN as usize),
            genl::size::attr(VALUE_MAX_LEN as usize),
            genl::size::U32,
            genl::size::U64,
            genl::size::U32,
        ]))]);
    /// `stats-get` do reply.
    pub(crate) const STATS_GET_DO: usize = genl::size::sum(&[
        genl::size::U32,
        genl::size::U32,
        genl::size::U32,
        genl::size::U32,
        genl::size::U64,
        genl::size::U64,
        genl::size::U64,
        genl::size::U64,
        genl::size::U64,
        genl::size::U64,
        genl::size::U64,
    ]);
    /// `echo` do reply.
    pub(crate) const ECHO_DO: usize = genl::size::sum(&[
        genl::size::string(KEY_MAX_LEN as usize),
        genl::size::attr(VALUE_MAX_LEN as usize),
        genl::size::U32,
    ]);
    /// `entry-del-ntf` event.
    pub(crate) const ENTRY_DEL_NTF: usize = genl::size::sum(&[
        genl::size::nest(genl::size::sum(&[
            genl::size::string(KEY_MAX_LEN as usize),
            genl::size::attr(VALUE_MAX_LEN as usize),
            genl::size::U32,
            genl::size::U64,
            genl::size::U32,
        ])),
        genl::size::U32,
    ]);
    /// `flush-ntf` event.
    pub(crate) const FLUSH_NTF: usize = genl::size::sum(&[genl::size::U32]);
    /// `audit-ntf` event.
    pub(crate) const AUDIT_NTF: usize = genl::size::sum(&[
        genl::size::string(KEY_MAX_LEN as usize),
        genl::size::U32,
        genl::size::U32,
        genl::size::U32,
    ]);
}

/// The request of `entry-new` do, validated by its policy.
pub(crate) struct EntryNewDoRequest<'a>(genl::View<'a, attr::Set>);

impl<'a> EntryNewDoRequest<'a> {
    /// `key`: Entry key, 1 to key-max-len bytes before the NUL.
    pub(crate) fn key(&self) -> genl::Slot<'a, genl::kind::NulStr> {
        self.0.get(attr::KEY)
    }
    /// `value`: Entry value, 0 to value-max-len bytes, stored as given.
    pub(crate) fn value(&self) -> genl::Slot<'a, genl::kind::Binary> {
        self.0.get(attr::VALUE)
    }
    /// `tag`: A number stored with the entry (0 when not given).
    pub(crate) fn tag(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr::TAG)
    }
    /// `ttl-ms`: Time to live in milliseconds.
    pub(crate) fn ttl_ms(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr::TTL_MS)
    }
    /// `notify-owner`: With ttl-ms: when the entry expires, its entry-del-ntf is also unicast to the socket that set it, whether or not that socket joined a group.
    pub(crate) fn notify_owner(&self) -> genl::Slot<'a, genl::kind::Flag> {
        self.0.get(attr::NOTIFY_OWNER)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr::Set> {
        self.0
    }
}

/// The request of `entry-get` do, validated by its policy.
pub(crate) struct EntryGetDoRequest<'a>(genl::View<'a, attr::Set>);

impl<'a> EntryGetDoRequest<'a> {
    /// `key`: Entry key, 1 to key-max-len bytes before the NUL.
    pub(crate) fn key(&self) -> genl::Slot<'a, genl::kind::NulStr> {
        self.0.get(attr::KEY)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr::Set> {
        self.0
    }
}

/// The request of `entry-get` dump, validated by its policy.
pub(crate) struct EntryGetDumpRequest<'a>(genl::View<'a, attr::Set>);

impl<'a> EntryGetDumpRequest<'a> {
    /// `prefix`: Dump filter, only entries whose key starts with it.
    pub(crate) fn prefix(&self) -> genl::Slot<'a, genl::kind::NulStr> {
        self.0.get(attr::PREFIX)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr::Set> {
        self.0
    }
}

/// The request of `entry-del` do, validated by its policy.
pub(crate) struct EntryDelDoRequest<'a>(genl::View<'a, attr::Set>);

impl<'a> EntryDelDoRequest<'a> {
    /// `key`: Entry key, 1 to key-max-len bytes before the NUL.
    pub(crate) fn key(&self) -> genl::Slot<'a, genl::kind::NulStr> {
        self.0.get(attr::KEY)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr::Set> {
        self.0
    }
}

/// The request of `echo` do, validated by its policy.
pub(crate) struct EchoDoRequest<'a>(genl::View<'a, attr::Set>);

impl<'a> EchoDoRequest<'a> {
    /// `key`: Entry key, 1 to key-max-len bytes before the NUL.
    pub(crate) fn key(&self) -> genl::Slot<'a, genl::kind::NulStr> {
        self.0.get(attr::KEY)
    }
    /// `value`: Entry value, 0 to value-max-len bytes, stored as given.
    pub(crate) fn value(&self) -> genl::Slot<'a, genl::kind::Binary> {
        self.0.get(attr::VALUE)
    }
    /// `tag`: A number stored with the entry (0 when not given).
    pub(crate) fn tag(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr::TAG)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr::Set> {
        self.0
    }
}

/// The request of `limits-set` do, validated by its policy.
pub(crate) struct LimitsSetDoRequest<'a>(genl::View<'a, attr::Set>);

impl<'a> LimitsSetDoRequest<'a> {
    /// `max-entries`: Most entries the namespace may hold.
    pub(crate) fn max_entries(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr::MAX_ENTRIES)
    }
    /// `max-bytes`: Most value bytes (summed over all entries) the namespace may hold.
    pub(crate) fn max_bytes(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr::MAX_BYTES)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr::Set> {
        self.0
    }
}

/// The request of `watch-set` do, validated by its policy.
pub(crate) struct WatchSetDoRequest<'a>(genl::View<'a, attr::Set>);

impl<'a> WatchSetDoRequest<'a> {
    /// `prefix`: Dump filter, only entries whose key starts with it.
    pub(crate) fn prefix(&self) -> genl::Slot<'a, genl::kind::NulStr> {
        self.0.get(attr::PREFIX)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr::Set> {
        self.0
    }
}

impl genl::AttrSet for attr::Set {
    type View<'a> = genl::NestView<'a, Self>;
    fn view(view: genl::NestView<'_, Self>) -> genl::NestView<'_, Self> {
        view
    }
}

impl genl::AttrSet for attr_entry::Set {
    type View<'a> = genl::NestView<'a, Self>;
    fn view(view: genl::NestView<'_, Self>) -> genl::NestView<'_, Self> {
        view
    }
}

/// `entry-new` do. Create or replace an entry, as rtnetlink does: without NLM_F_CREATE a missing
/// key is ENOENT; an existing key is EEXIST with NLM_F_EXCL or without NLM_F_REPLACE.
pub(crate) trait EntryNewDoit {
    fn doit(
        req: &mut genl::Request<'_, Rgnl>,
        attrs: EntryNewDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `entry-get` do. Get one entry (ENOENT if absent), or dump all, in key order.
pub(crate) trait EntryGetDoit {
    fn doit(
        req: &mut genl::Request<'_, Rgnl>,
        attrs: EntryGetDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `entry-get` dump. Get one entry (ENOENT if absent), or dump all, in key order.
pub(crate) trait EntryGetDumpit {
    /// Where a dump resumes.
    type Cursor: genl::DumpCursor;
    fn dumpit(
        dump: &mut genl::Dump<'_, Rgnl>,
        attrs: EntryGetDumpRequest<'_>,
        cursor: &mut Self::Cursor,
    ) -> kernel::error::Result;
}

/// `entry-del` do. Delete an entry (ENOENT if absent).
pub(crate) trait EntryDelDoit {
    fn doit(
        req: &mut genl::Request<'_, Rgnl>,
        attrs: EntryDelDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `flush` do. Delete every entry of the namespace.
pub(crate) trait FlushDoit {
    fn doit(req: &mut genl::Request<'_, Rgnl>) -> kernel::error::Result;
}

/// `stats-get` do. The namespace's usage, limits and counters.
pub(crate) trait StatsGetDoit {
    fn doit(req: &mut genl::Request<'_, Rgnl>) -> kernel::error::Result;
}

/// `echo` do. Reply with the request's attributes, unchanged (a latency probe).
pub(crate) trait EchoDoit {
    fn doit(req: &mut genl::Request<'_, Rgnl>, attrs: EchoDoRequest<'_>) -> kernel::error::Result;
}

/// `limits-set` do. Set the namespace's limits (either or both).
pub(crate) trait LimitsSetDoit {
    fn doit(
        req: &mut genl::Request<'_, Rgnl>,
        attrs: LimitsSetDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `watch-set` do. Filter the events group for the calling socket: entry-new-ntf and entry-del-ntf
/// reach it only for keys starting with prefix (flush-ntf always does).
pub(crate) trait WatchSetDoit {
    fn doit(
        req: &mut genl::Request<'_, Rgnl>,
        attrs: WatchSetDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `entry-new` do: the spec's policy, the handler.
struct EntryNewDoitOp;

impl genl::DoIt<Rgnl> for EntryNewDoitOp {
    const POLICY: &'static genl::Policy = &ENTRY_NEW_POLICY;

    fn doit(req: &mut genl::Request<'_, Rgnl>) -> kernel::error::Result {
        let attrs = EntryNewDoRequest(req.view());
        <Rgnl as EntryNewDoit>::doit(req, attrs)
    }
}

/// `entry-get` do: the spec's policy, the handler.
struct EntryGetDoitOp;

impl genl::DoIt<Rgnl> for EntryGetDoitOp {
    const POLICY: &'static genl::Policy = &ENTRY_GET_DO_POLICY;

    fn doit(req: &mut genl::Request<'_, Rgnl>) -> kernel::error::Result {
        let attrs = EntryGetDoRequest(req.view());
        <Rgnl as EntryGetDoit>::doit(req, attrs)
    }
}

/// `entry-get` dump: the spec's policy, the handler.
struct EntryGetDumpitOp;

#[kernel::prelude::vtable]
impl genl::DumpIt<Rgnl> for EntryGetDumpitOp {
    const POLICY: &'static genl::Policy = &ENTRY_GET_DUMP_POLICY;
    const MAX_MESSAGE: usize = max_payload::ENTRY_GET_DUMP;
    type Cursor = <Rgnl as EntryGetDumpit>::Cursor;

    fn dumpit(dump: &mut genl::Dump<'_, Rgnl>, cursor: &mut Self::Cursor) -> kernel::error::Result {
        let attrs = EntryGetDumpRequest(dump.view());
        <Rgnl as EntryGetDumpit>::dumpit(dump, attrs, cursor)
    }
}

/// `entry-del` do: the spec's policy, the handler.
struct EntryDelDoitOp;

impl genl::DoIt<Rgnl> for EntryDelDoitOp {
    const POLICY: &'static genl::Policy = &ENTRY_DEL_POLICY;

    fn doit(req: &mut genl::Request<'_, Rgnl>) -> kernel::error::Result {
        let attrs = EntryDelDoRequest(req.view());
        <Rgnl as EntryDelDoit>::doit(req, attrs)
    }
}

/// `flush` do: the spec's policy, the handler.
struct FlushDoitOp;

impl genl::DoIt<Rgnl> for FlushDoitOp {
    const POLICY: &'static genl::Policy = genl::Policy::NONE;

    fn doit(req: &mut genl::Request<'_, Rgnl>) -> kernel::error::Result {
        <Rgnl as FlushDoit>::doit(req)
    }
}

/// `stats-get` do: the spec's policy, the handler.
struct StatsGetDoitOp;

impl genl::DoIt<Rgnl> for StatsGetDoitOp {
    const POLICY: &'static genl::Policy = genl::Policy::NONE;

    fn doit(req: &mut genl::Request<'_, Rgnl>) -> kernel::error::Result {
        <Rgnl as StatsGetDoit>::doit(req)
    }
}

/// `echo` do: the spec's policy, the handler.
struct EchoDoitOp;

impl genl::DoIt<Rgnl> for EchoDoitOp {
    const POLICY: &'static genl::Policy = &ECHO_POLICY;

    fn doit(req: &mut genl::Request<'_, Rgnl>) -> kernel::error::Result {
        let attrs = EchoDoRequest(req.view());
        <Rgnl as EchoDoit>::doit(req, attrs)
    }
}

/// `limits-set` do: the spec's policy, the handler.
struct LimitsSetDoitOp;

impl genl::DoIt<Rgnl> for LimitsSetDoitOp {
    const POLICY: &'static genl::Policy = &LIMITS_SET_POLICY;

    fn doit(req: &mut genl::Request<'_, Rgnl>) -> kernel::error::Result {
        let attrs = LimitsSetDoRequest(req.view());
        <Rgnl as LimitsSetDoit>::doit(req, attrs)
    }
}

/// `watch-set` do: the spec's policy, the handler.
struct WatchSetDoitOp;

impl genl::DoIt<Rgnl> for WatchSetDoitOp {
    const POLICY: &'static genl::Policy = &WATCH_SET_POLICY;

    fn doit(req: &mut genl::Request<'_, Rgnl>) -> kernel::error::Result {
        let attrs = WatchSetDoRequest(req.view());
        <Rgnl as WatchSetDoit>::doit(req, attrs)
    }
}

/// The `rgnl` family: implement `genl::Family` for it (the
/// state types and what else the spec cannot say), and one trait per
/// handler above.
pub(crate) struct Rgnl;

impl genl::FamilySpec for Rgnl {
    const NAME: &'static kernel::str::CStr = kernel::c_str!("rgnl");
    const VERSION: u32 = 1;
    // Every op has a policy of its own: 0, as in ynl-gen-c's family struct.
    const MAX_ATTR: u16 = 0;
    const PAD_ATTR: u16 = attr::PAD.id();
    const MCGRPS: &'static [genl::McGroup] = &MCGRPS;
    /// The spec's operations in command order, a do before its dump.
    const OPS: &'static [genl::SplitOp<Rgnl>] = &[
        genl::SplitOp::doit::<EntryNewDoitOp>(cmd::ENTRY_NEW.id()).uns_admin_perm(),
        genl::SplitOp::doit::<EntryGetDoitOp>(cmd::ENTRY_GET.id()),
        genl::SplitOp::dumpit::<EntryGetDumpitOp>(cmd::ENTRY_GET.id()),
        genl::SplitOp::doit::<EntryDelDoitOp>(cmd::ENTRY_DEL.id()).uns_admin_perm(),
        genl::SplitOp::doit::<FlushDoitOp>(cmd::FLUSH.id()).uns_admin_perm(),
        genl::SplitOp::doit::<StatsGetDoitOp>(cmd::STATS_GET.id()),
        genl::SplitOp::doit::<EchoDoitOp>(cmd::ECHO.id()),
        genl::SplitOp::doit::<LimitsSetDoitOp>(cmd::LIMITS_SET.id()).uns_admin_perm(),
        genl::SplitOp::doit::<WatchSetDoitOp>(cmd::WATCH_SET.id()),
    ];
}
