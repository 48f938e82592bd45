// SPDX-License-Identifier: GPL-2.0

//! LIMITS_SET: the namespace's entry and value byte limits.

use crate::audit;
use crate::rgnl_nl::{LimitsSetDoRequest, LimitsSetDoit, Rgnl};
use genl::Request;
use kernel::{c_str, prelude::*};

impl LimitsSetDoit for Rgnl {
    fn doit(req: &mut Request<'_, Rgnl>, attrs: LimitsSetDoRequest<'_>) -> Result {
        // The policy holds both within their ranges.
        let entries = attrs.max_entries().get();
        let bytes = attrs.max_bytes().get();
        if entries.is_none() && bytes.is_none() {
            return Err(req
                .extack()
                .fail(EINVAL, c_str!("max-entries or max-bytes required")));
        }
        let (state, req) = req.with_state();
        // No event (limits are not entries); the audit group is told.
        let msg = audit::prepare(req, None)?;
        state.max_entries = entries.unwrap_or(state.max_entries);
        state.max_bytes = bytes.unwrap_or(state.max_bytes);
        audit::send(req, &mut state.counters, msg);
        Ok(())
    }
}
