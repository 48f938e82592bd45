// SPDX-License-Identifier: GPL-2.0

//! rgnl: a generic netlink family written in safe Rust.
//!
//! A key/value registry per network namespace whose changes are multicast
//! to the `events` group (Documentation/netlink/specs/rgnl.yaml).

mod echo;
mod entry;
mod entry_del;
mod entry_get;
mod entry_new;
mod flush;
mod genl;
mod limits;
mod registry;
mod spec;
mod stats;

use genl::{op_flags::UNS_ADMIN_PERM, Family, FamilyStorage, McGroup, Registration, SplitOp};
use kernel::{c_str, prelude::*, str::CStr};
use spec::cmd;

module! {
    type: RgnlModule,
    name: "rgnl",
    author: "rgnl developers",
    description: "rgnl generic netlink family",
    license: "GPL",
}

/// The `rgnl` family.
pub(crate) struct Rgnl;

static STORAGE: FamilyStorage<Rgnl> = FamilyStorage::new();

impl Family for Rgnl {
    const NAME: &'static CStr = c_str!("rgnl");
    const VERSION: u32 = 1;
    const MAX_ATTR: u16 = spec::attr::MAX;
    const PAD_ATTR: u16 = spec::attr::PAD;
    // ENTRY_NEW takes NLM_F_CREATE/EXCL/REPLACE, which the genetlink core
    // refuses for commands from `resv_start_op` on.
    const RESV_START_OP: u8 = cmd::ENTRY_NEW + 1;
    // Writes need CAP_NET_ADMIN over the namespace; reads need nothing.
    const OPS: &'static [SplitOp] = &[
        SplitOp::doit::<Rgnl, entry_new::EntryNew>(cmd::ENTRY_NEW).flags(UNS_ADMIN_PERM),
        SplitOp::doit::<Rgnl, entry_get::EntryGet>(cmd::ENTRY_GET),
        SplitOp::dumpit::<Rgnl, entry_get::EntryGet>(cmd::ENTRY_GET),
        SplitOp::doit::<Rgnl, entry_del::EntryDel>(cmd::ENTRY_DEL).flags(UNS_ADMIN_PERM),
        SplitOp::doit::<Rgnl, flush::Flush>(cmd::FLUSH).flags(UNS_ADMIN_PERM),
        SplitOp::doit::<Rgnl, stats::StatsGet>(cmd::STATS_GET),
        SplitOp::doit::<Rgnl, echo::Echo>(cmd::ECHO),
        SplitOp::doit::<Rgnl, limits::LimitsSet>(cmd::LIMITS_SET).flags(UNS_ADMIN_PERM),
    ];
    const MCGRPS: &'static [McGroup] = &spec::MCGRPS;
    type NetState = registry::Registry;

    fn storage() -> &'static FamilyStorage<Self> {
        &STORAGE
    }
}

/// The module: registering the family is all it does.
type RgnlModule = Registration<Rgnl>;
