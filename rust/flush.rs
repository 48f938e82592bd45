// SPDX-License-Identifier: GPL-2.0

//! FLUSH: delete every entry of the namespace, with one notification.

use crate::entry::{prepare_notification, send_notification};
use crate::spec::{attr, cmd};
use crate::Rgnl;
use genl::{size, AttrPolicy, DoIt, Request};
use kernel::prelude::*;

pub(crate) struct Flush;

impl DoIt<Rgnl> for Flush {
    // No attributes: a PREFIX, say, is refused rather than ignored.
    const POLICY: &'static [AttrPolicy] = &[];

    fn doit(req: &mut Request<'_, Rgnl>) -> Result {
        let (state, req) = req.with_state();
        let ntf = prepare_notification(req, || {
            let mut msg = req.new_message(cmd::FLUSH_NTF, size::U32)?;
            msg.writer().put_u32(attr::COUNT, state.len())?;
            Ok(msg)
        })?;
        state.flush();
        send_notification(req, &mut state.counters.notifications, ntf)
    }
}
