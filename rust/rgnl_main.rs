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
mod rgnl_nl;
mod stats;
mod watch;

use genl::{Dump, Family, McGroup, Net, Request, SplitOp};
use kernel::{prelude::*, str::CStr};
use rgnl_nl::{attr, cmd};

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
    const NAME: &'static CStr = rgnl_nl::FAMILY_NAME;
    const VERSION: u32 = rgnl_nl::FAMILY_VERSION;
    const MAX_ATTR: u16 = attr::MAX;
    const PAD_ATTR: u16 = attr::PAD;
    // ENTRY_NEW takes NLM_F_CREATE/EXCL/REPLACE, which the genetlink core
    // refuses for commands from `resv_start_op` on.
    const RESV_START_OP: u8 = cmd::ENTRY_NEW + 1;
    // The spec's: writes need CAP_NET_ADMIN over the namespace, reads and
    // watches (a socket's own filter) nothing.
    const OPS: &'static [SplitOp<Self>] = rgnl_nl::Ops::<Self>::TABLE;
    const MCGRPS: &'static [McGroup] = &rgnl_nl::MCGRPS;
    type NetState = registry::Registry;
    type SockState = watch::Watch;

    /// Expires the namespace's due entries.
    fn deferred(net: &Net<'_, Self>, state: &mut registry::Registry) {
        expiry::expire(net, state, Some(expiry::BATCH));
    }
}

/// The handlers of the spec's operations.
impl rgnl_nl::Handlers for Rgnl {
    fn entry_new_doit(req: &mut Request<'_, Self>) -> Result {
        entry_new::doit(req)
    }
    fn entry_get_doit(req: &mut Request<'_, Self>) -> Result {
        entry_get::doit(req)
    }
    type EntryGetDumpCursor = entry_get::Cursor;
    const ENTRY_GET_DUMP_MAX_MESSAGE: usize = entry_get::DUMP_MAX_MESSAGE;
    fn entry_get_dumpit(dump: &mut Dump<'_, Self>, cursor: &mut entry_get::Cursor) -> Result {
        entry_get::dumpit(dump, cursor)
    }
    fn entry_del_doit(req: &mut Request<'_, Self>) -> Result {
        entry_del::doit(req)
    }
    fn flush_doit(req: &mut Request<'_, Self>) -> Result {
        flush::doit(req)
    }
    fn stats_get_doit(req: &mut Request<'_, Self>) -> Result {
        stats::doit(req)
    }
    fn echo_doit(req: &mut Request<'_, Self>) -> Result {
        echo::doit(req)
    }
    fn limits_set_doit(req: &mut Request<'_, Self>) -> Result {
        limits::doit(req)
    }
    fn watch_set_doit(req: &mut Request<'_, Self>) -> Result {
        watch::doit(req)
    }
}
