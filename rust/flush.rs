// SPDX-License-Identifier: GPL-2.0

//! FLUSH: delete every entry of the namespace, with one notification.

use crate::entry::Notices;
use crate::expiry::catch_up;
use crate::rgnl_nl::{attr, cmd};
use crate::Rgnl;
use genl::{size, Request};
use kernel::prelude::*;

// No attributes: a PREFIX, say, is refused rather than ignored.
pub(crate) fn doit(req: &mut Request<'_, Rgnl>) -> Result {
    let (state, req) = req.with_state();
    // Due entries are notified as expired, not counted as flushed.
    catch_up(state, req);
    let notices = Notices::prepare(req, None, || {
        let mut msg = req.new_message(cmd::FLUSH_NTF, size::U32)?;
        msg.writer().put_u32(attr::COUNT, state.len())?;
        Ok(msg)
    })?;
    state.flush();
    notices.send(req, &mut state.counters, None)
}
