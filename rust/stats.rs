// SPDX-License-Identifier: GPL-2.0

//! STATS_GET: the namespace's usage, limits and counters.

use crate::expiry::catch_up;
use crate::rgnl_nl::{attr, cmd, max_payload, Rgnl, StatsGetDoit};
use genl::Request;
use kernel::prelude::*;

impl StatsGetDoit for Rgnl {
    fn doit(req: &mut Request<'_, Rgnl>) -> Result {
        let (state, req) = req.with_state();
        catch_up(state, req);
        let mut msg = req.new_message(cmd::STATS_GET, max_payload::STATS_GET_DO)?;
        let mut w = msg.writer();
        let c = &state.counters;
        w.put(attr::COUNT, state.len())?;
        w.put(attr::BYTES, state.bytes())?;
        w.put(attr::MAX_ENTRIES, state.max_entries)?;
        w.put(attr::MAX_BYTES, state.max_bytes)?;
        w.put(attr::CREATED, c.created)?;
        w.put(attr::REPLACED, c.replaced)?;
        w.put(attr::DELETED, c.deleted)?;
        w.put(attr::FLUSHED, c.flushed)?;
        w.put(attr::NOTIFICATIONS, c.notifications)?;
        w.put(attr::EXPIRED, c.expired)?;
        w.put(attr::AUDIT_MESSAGES, c.audit_messages)?;
        req.reply(msg)
    }
}
