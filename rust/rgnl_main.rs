// SPDX-License-Identifier: GPL-2.0

//! rgnl: a per-namespace key/value registry with notifications, expiry,
//! watches and an audit group (Documentation/netlink/specs/rgnl.yaml, whose
//! tables rgnl_nl.rs has; each op's file implements its handler).

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

use genl::{Family, Net};
use kernel::prelude::*;
use rgnl_nl::{cmd, Rgnl};

genl::module_genl_family! {
    family: Rgnl,
    name: "rgnl",
    authors: ["rgnl developers"],
    description: "rgnl generic netlink family",
    license: "GPL",
}

#[vtable]
impl Family for Rgnl {
    // ENTRY_NEW takes NLM_F_CREATE/EXCL/REPLACE, which the genetlink core
    // refuses for commands from `resv_start_op` on.
    const RESV_START_OP: u8 = cmd::ENTRY_NEW.id() + 1;
    type NetState = registry::Registry;
    type SockState = watch::Watch;

    /// Expires the namespace's due entries.
    fn deferred(net: &Net<'_, Self>, state: &mut registry::Registry) {
        expiry::expire(net, state, Some(expiry::BATCH));
    }
}
