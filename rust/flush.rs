// SPDX-License-Identifier: GPL-2.0

//! FLUSH: delete every entry of the namespace, with one notification.

use crate::entry::Notices;
use crate::expiry::catch_up;
use crate::rgnl_nl::{attr, cmd, max_payload, FlushDoit, Rgnl};
use genl::Request;
use kernel::prelude::*;

// No attributes: a PREFIX, say, is refused rather than ignored.
impl FlushDoit for Rgnl {
    fn doit(req: &mut Request<'_, Rgnl>) -> Result {
        let (state, req) = req.with_state();
        // Due entries are notified as expired, not counted as flushed.
        catch_up(state, req);
        let notices = Notices::prepare(req, None, || {
            let mut msg = req.new_message(cmd::FLUSH_NTF, max_payload::FLUSH_NTF)?;
            msg.writer().put(attr::COUNT, state.len())?;
            Ok(msg)
        })?;
        state.flush();
        notices.send(req, &mut state.counters, None)
    }
}
