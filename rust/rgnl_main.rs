// SPDX-License-Identifier: GPL-2.0

//! rgnl: a generic netlink family written in safe Rust.
//!
//! A key/value registry per network namespace whose changes are multicast
//! to the `events` group (filtered by each socket's watch), whose entries
//! may expire, and whose changes are audited to the `audit` group
//! (Documentation/netlink/specs/rgnl.yaml).

#![forbid(unsafe_code)]

mod audit;
mod echo;
mod entry;
mod entry_del;
mod entry_get;
mod entry_new;
mod expiry;
mod flush;
mod limits;
mod registry;
mod spec;
mod stats;
mod watch;

use genl::{Family, McGroup, Net, SplitOp};
use kernel::{c_str, prelude::*, str::CStr};
use spec::cmd;

genl::module_genl_family! {
    family: Rgnl,
    name: "rgnl",
    authors: ["rgnl developers"],
    description: "rgnl generic netlink family",
    license: "GPL",
}

/// The `rgnl` family.
pub(crate) struct Rgnl;

#[vtable]
impl Family for Rgnl {
    const NAME: &'static CStr = c_str!("rgnl");
    const VERSION: u32 = 1;
    const MAX_ATTR: u16 = spec::attr::MAX;
    const PAD_ATTR: u16 = spec::attr::PAD;
    // ENTRY_NEW takes NLM_F_CREATE/EXCL/REPLACE, which the genetlink core
    // refuses for commands from `resv_start_op` on.
    const RESV_START_OP: u8 = cmd::ENTRY_NEW + 1;
    // Writes need CAP_NET_ADMIN over the namespace; reads need nothing.
    const OPS: &'static [SplitOp<Self>] = &[
        SplitOp::doit::<entry_new::EntryNew>(cmd::ENTRY_NEW).uns_admin_perm(),
        SplitOp::doit::<entry_get::EntryGet>(cmd::ENTRY_GET),
        SplitOp::dumpit::<entry_get::EntryGet>(cmd::ENTRY_GET),
        SplitOp::doit::<entry_del::EntryDel>(cmd::ENTRY_DEL).uns_admin_perm(),
        SplitOp::doit::<flush::Flush>(cmd::FLUSH).uns_admin_perm(),
        SplitOp::doit::<stats::StatsGet>(cmd::STATS_GET),
        SplitOp::doit::<echo::Echo>(cmd::ECHO),
        SplitOp::doit::<limits::LimitsSet>(cmd::LIMITS_SET).uns_admin_perm(),
        // A socket filters what it receives itself: no permission needed.
        SplitOp::doit::<watch::WatchSet>(cmd::WATCH_SET),
    ];
    const MCGRPS: &'static [McGroup] = &spec::MCGRPS;
    type NetState = registry::Registry;
    type SockState = watch::Watch;

    /// Expires the namespace's due entries.
    fn deferred(net: &Net<'_, Self>, state: &mut registry::Registry) {
        expiry::expire(net, state, Some(expiry::BATCH));
    }
}
