// SPDX-License-Identifier: GPL-2.0

//! FLUSH: delete every entry of the namespace, with one notification.

use crate::entry::{prepare_notification, send_notification};
use crate::genl::{AttrPolicy, DoIt, Request, GOODSIZE};
use crate::spec::{attr, cmd};
use crate::Rgnl;
use kernel::prelude::*;

pub(crate) struct Flush;

impl DoIt<Rgnl> for Flush {
    const POLICY: &'static [AttrPolicy] = &[];

    fn doit(req: &mut Request<'_, Rgnl>) -> Result {
        let (state, req) = req.with_state();
        let ntf = prepare_notification(req, || {
            let mut msg = req.new_message(cmd::FLUSH_NTF, GOODSIZE)?;
            msg.writer().put_u32(attr::COUNT, state.len())?;
            Ok(msg)
        })?;
        state.flush();
        send_notification(req, &mut state.counters.notifications, ntf)
    }
}
