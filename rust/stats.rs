// SPDX-License-Identifier: GPL-2.0

//! STATS_GET: the namespace's usage, limits and counters.

use crate::expiry::catch_up;
use crate::rgnl_nl::{attr, cmd};
use crate::Rgnl;
use genl::{size, Request};
use kernel::prelude::*;

pub(crate) fn doit(req: &mut Request<'_, Rgnl>) -> Result {
    let (state, req) = req.with_state();
    catch_up(state, req);
    let mut msg = req.new_message(cmd::STATS_GET, 4 * size::U32 + 7 * size::U64)?;
    let mut w = msg.writer();
    let c = &state.counters;
    w.put_u32(attr::COUNT, state.len())?;
    w.put_u32(attr::BYTES, state.bytes())?;
    w.put_u32(attr::MAX_ENTRIES, state.max_entries)?;
    w.put_u32(attr::MAX_BYTES, state.max_bytes)?;
    w.put_u64(attr::CREATED, c.created)?;
    w.put_u64(attr::REPLACED, c.replaced)?;
    w.put_u64(attr::DELETED, c.deleted)?;
    w.put_u64(attr::FLUSHED, c.flushed)?;
    w.put_u64(attr::NOTIFICATIONS, c.notifications)?;
    w.put_u64(attr::EXPIRED, c.expired)?;
    w.put_u64(attr::AUDIT_MESSAGES, c.audit_messages)?;
    req.reply(msg)
}
