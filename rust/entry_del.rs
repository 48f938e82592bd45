// SPDX-License-Identifier: GPL-2.0

//! ENTRY_DEL: delete one entry, notifying it as it was.

use crate::entry::{entry_message, prepare_notification, refused, send_notification, RequestKey};
use crate::spec::{cmd, KEY_POLICY};
use crate::Rgnl;
use genl::{AttrPolicy, DoIt, Request};
use kernel::prelude::*;

pub(crate) struct EntryDel;

impl DoIt<Rgnl> for EntryDel {
    const POLICY: &'static [AttrPolicy] = &KEY_POLICY;

    fn doit(req: &mut Request<'_, Rgnl>) -> Result {
        let key = RequestKey::of(&req.attrs())?;
        let (state, req) = req.with_state();
        let ntf = state
            .remove(&key.key, |entry| {
                prepare_notification(req, || {
                    entry_message(req, cmd::ENTRY_DEL_NTF, key.bytes, entry)
                })
            })
            .map_err(|r| refused(req.extack(), &key.attr, None, r))?;
        send_notification(req, &mut state.counters.notifications, ntf)
    }
}
