// SPDX-License-Identifier: GPL-2.0
// Do not edit: generated from Documentation/netlink/specs/rgnl.yaml
// by tools/net/ynl/ynl-gen-rust.py --mode kernel.

//! The `rgnl` generic netlink family's tables.
//!
//! A key/value registry, one per network namespace, whose changes are multicast to listeners.
//!
//! Handlers are hand-written: implement [`Handlers`] for the family type
//! and use [`Ops::TABLE`] as its `OPS`.

// Like a generated C header, the tables name all the spec has, whether or
// not this family's code uses it.
#![allow(dead_code)]

use core::marker::PhantomData;

/// The family's name.
pub(crate) const FAMILY_NAME: &kernel::str::CStr = kernel::c_str!("rgnl");
/// The family's version.
pub(crate) const FAMILY_VERSION: u32 = 1;

pub(crate) const KEY_MAX_LEN: u32 = 64;

pub(crate) const VALUE_MAX_LEN: u32 = 4096;

/// Highest per-namespace entry limit limits-set accepts.
pub(crate) const MAX_ENTRIES_LIMIT: u32 = 1048576;

/// Highest per-namespace value byte limit limits-set accepts.
pub(crate) const MAX_BYTES_LIMIT: u32 = 268435456;

/// Longest time to live entry-new accepts (one day).
pub(crate) const TTL_MAX_MS: u32 = 86400000;

/// Why an entry-del-ntf was sent.
pub(crate) mod del_reason {
    /// entry-del removed the entry.
    pub(crate) const DELETED: u32 = 0;
    /// The entry's time to live ran out; the kernel removed it.
    pub(crate) const EXPIRED: u32 = 1;
}

/// Attribute set `rgnl` (`entry`: subsets of it).
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
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 24;
}

/// Commands, notifications included (one numbering, as in the spec).
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

/// The lowest `genl::Family::RESV_START_OP` the ops allow: past the last
/// one with `dont-validate` (the core refuses those flags from it on).
pub(crate) const MIN_RESV_START_OP: u8 = 0;

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
static ENTRY_NEW_POLICY: genl::Policy<[genl::AttrPolicy; attr::NOTIFY_OWNER as usize + 1]> =
    genl::policy(&[
        (attr::KEY, genl::AttrPolicy::nul_string(KEY_MAX_LEN as u16)),
        (attr::VALUE, genl::AttrPolicy::binary(VALUE_MAX_LEN as u16)),
        (attr::TAG, genl::AttrPolicy::u32()),
        (
            attr::TTL_MS,
            genl::AttrPolicy::u32().range_u64(&RGNL_TTL_MS_RANGE),
        ),
        (attr::NOTIFY_OWNER, genl::AttrPolicy::flag()),
    ]);

/// `entry-get` do requests.
static ENTRY_GET_DO_POLICY: genl::Policy<[genl::AttrPolicy; attr::KEY as usize + 1]> =
    genl::policy(&[(attr::KEY, genl::AttrPolicy::nul_string(KEY_MAX_LEN as u16))]);

/// `entry-get` dump requests.
static ENTRY_GET_DUMP_POLICY: genl::Policy<[genl::AttrPolicy; attr::PREFIX as usize + 1]> =
    genl::policy(&[(
        attr::PREFIX,
        genl::AttrPolicy::nul_string(KEY_MAX_LEN as u16),
    )]);

/// `entry-del` do requests.
static ENTRY_DEL_POLICY: genl::Policy<[genl::AttrPolicy; attr::KEY as usize + 1]> =
    genl::policy(&[(attr::KEY, genl::AttrPolicy::nul_string(KEY_MAX_LEN as u16))]);

/// `echo` do requests.
static ECHO_POLICY: genl::Policy<[genl::AttrPolicy; attr::TAG as usize + 1]> = genl::policy(&[
    (attr::KEY, genl::AttrPolicy::nul_string(KEY_MAX_LEN as u16)),
    (attr::VALUE, genl::AttrPolicy::binary(VALUE_MAX_LEN as u16)),
    (attr::TAG, genl::AttrPolicy::u32()),
]);

/// `limits-set` do requests.
static LIMITS_SET_POLICY: genl::Policy<[genl::AttrPolicy; attr::MAX_BYTES as usize + 1]> =
    genl::policy(&[
        (
            attr::MAX_ENTRIES,
            genl::AttrPolicy::u32().range_u64(&RGNL_MAX_ENTRIES_RANGE),
        ),
        (
            attr::MAX_BYTES,
            genl::AttrPolicy::u32().range_u64(&RGNL_MAX_BYTES_RANGE),
        ),
    ]);

/// `watch-set` do requests.
static WATCH_SET_POLICY: genl::Policy<[genl::AttrPolicy; attr::PREFIX as usize + 1]> =
    genl::policy(&[(
        attr::PREFIX,
        genl::AttrPolicy::nul_string(KEY_MAX_LEN as u16),
    )]);

/// The hand-written side of the `rgnl` family: one item per handler
/// of the spec (ynl-gen-c's prototypes). Implementing it for the family
/// type gives [`Ops::TABLE`]; a missing or mistyped handler fails the
/// build.
pub(crate) trait Handlers: genl::Family {
    /// `entry-new` do. Create or replace an entry, as rtnetlink does: without NLM_F_CREATE a
    /// missing key is ENOENT; an existing key is EEXIST with NLM_F_EXCL or without NLM_F_REPLACE.
    fn entry_new_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
    /// `entry-get` do. Get one entry (ENOENT if absent), or dump all, in key order.
    fn entry_get_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
    /// `entry-get` dump: where a dump resumes.
    type EntryGetDumpCursor: genl::DumpCursor;
    /// `entry-get` dump: the largest attribute payload of one message.
    const ENTRY_GET_DUMP_MAX_MESSAGE: usize;
    /// `entry-get` dump. Get one entry (ENOENT if absent), or dump all, in key order.
    fn entry_get_dumpit(
        dump: &mut genl::Dump<'_, Self>,
        cursor: &mut Self::EntryGetDumpCursor,
    ) -> kernel::error::Result;
    /// `entry-del` do. Delete an entry (ENOENT if absent).
    fn entry_del_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
    /// `flush` do. Delete every entry of the namespace.
    fn flush_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
    /// `stats-get` do. The namespace's usage, limits and counters.
    fn stats_get_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
    /// `echo` do. Reply with the request's attributes, unchanged (a latency probe).
    fn echo_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
    /// `limits-set` do. Set the namespace's limits (either or both).
    fn limits_set_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
    /// `watch-set` do. Filter the events group for the calling socket: entry-new-ntf and
    /// entry-del-ntf reach it only for keys starting with prefix (flush-ntf always does).
    fn watch_set_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
}

/// `entry-new` do, with the spec's policy.
struct EntryNewDoit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DoIt<F> for EntryNewDoit<F> {
    const POLICY: &'static genl::Policy = &ENTRY_NEW_POLICY;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::entry_new_doit(req)
    }
}

/// `entry-get` do, with the spec's policy.
struct EntryGetDoit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DoIt<F> for EntryGetDoit<F> {
    const POLICY: &'static genl::Policy = &ENTRY_GET_DO_POLICY;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::entry_get_doit(req)
    }
}

/// `entry-get` dump, with the spec's policy.
struct EntryGetDumpit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DumpIt<F> for EntryGetDumpit<F> {
    const POLICY: &'static genl::Policy = &ENTRY_GET_DUMP_POLICY;
    const MAX_MESSAGE: usize = F::ENTRY_GET_DUMP_MAX_MESSAGE;
    type Cursor = F::EntryGetDumpCursor;

    fn dumpit(dump: &mut genl::Dump<'_, F>, cursor: &mut Self::Cursor) -> kernel::error::Result {
        F::entry_get_dumpit(dump, cursor)
    }
}

/// `entry-del` do, with the spec's policy.
struct EntryDelDoit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DoIt<F> for EntryDelDoit<F> {
    const POLICY: &'static genl::Policy = &ENTRY_DEL_POLICY;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::entry_del_doit(req)
    }
}

/// `flush` do, with the spec's policy.
struct FlushDoit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DoIt<F> for FlushDoit<F> {
    const POLICY: &'static genl::Policy = genl::Policy::NONE;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::flush_doit(req)
    }
}

/// `stats-get` do, with the spec's policy.
struct StatsGetDoit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DoIt<F> for StatsGetDoit<F> {
    const POLICY: &'static genl::Policy = genl::Policy::NONE;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::stats_get_doit(req)
    }
}

/// `echo` do, with the spec's policy.
struct EchoDoit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DoIt<F> for EchoDoit<F> {
    const POLICY: &'static genl::Policy = &ECHO_POLICY;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::echo_doit(req)
    }
}

/// `limits-set` do, with the spec's policy.
struct LimitsSetDoit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DoIt<F> for LimitsSetDoit<F> {
    const POLICY: &'static genl::Policy = &LIMITS_SET_POLICY;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::limits_set_doit(req)
    }
}

/// `watch-set` do, with the spec's policy.
struct WatchSetDoit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DoIt<F> for WatchSetDoit<F> {
    const POLICY: &'static genl::Policy = &WATCH_SET_POLICY;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::watch_set_doit(req)
    }
}

/// The spec's operations in command order, a do before its dump: the
/// `genl::Family::OPS` of a family implementing [`Handlers`].
pub(crate) struct Ops<F>(PhantomData<fn() -> F>);

impl<F: Handlers> Ops<F> {
    /// The table.
    pub(crate) const TABLE: &'static [genl::SplitOp<F>] = &[
        genl::SplitOp::doit::<EntryNewDoit<F>>(cmd::ENTRY_NEW).uns_admin_perm(),
        genl::SplitOp::doit::<EntryGetDoit<F>>(cmd::ENTRY_GET),
        genl::SplitOp::dumpit::<EntryGetDumpit<F>>(cmd::ENTRY_GET),
        genl::SplitOp::doit::<EntryDelDoit<F>>(cmd::ENTRY_DEL).uns_admin_perm(),
        genl::SplitOp::doit::<FlushDoit<F>>(cmd::FLUSH).uns_admin_perm(),
        genl::SplitOp::doit::<StatsGetDoit<F>>(cmd::STATS_GET),
        genl::SplitOp::doit::<EchoDoit<F>>(cmd::ECHO),
        genl::SplitOp::doit::<LimitsSetDoit<F>>(cmd::LIMITS_SET).uns_admin_perm(),
        genl::SplitOp::doit::<WatchSetDoit<F>>(cmd::WATCH_SET),
    ];
}
