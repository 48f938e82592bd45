// SPDX-License-Identifier: GPL-2.0

//! ENTRY_DEL: delete one entry, notifying it as it was.

use crate::entry::{entry_message, prepare_notification, request_key, send_notification};
use crate::genl::{AttrPolicy, DoIt, Request};
use crate::spec::{attr, cmd, KEY_POLICY};
use crate::Rgnl;
use kernel::{c_str, prelude::*};

pub(crate) struct EntryDel;

impl DoIt<Rgnl> for EntryDel {
    const POLICY: &'static [AttrPolicy] = &KEY_POLICY;

    fn doit(req: &mut Request<'_, Rgnl>) -> Result {
        let attrs = req.attrs();
        let key = request_key(&attrs)?;
        let (state, req) = req.with_state();
        let Some(entry) = state.get(&key) else {
            let key_attr = attrs.required(attr::KEY)?;
            return Err(req
                .extack()
                .fail_attr(ENOENT, &key_attr, c_str!("no such entry")));
        };
        let ntf =
            prepare_notification(req, || entry_message(req, cmd::ENTRY_DEL_NTF, &key, entry))?;
        state.remove(&key);
        send_notification(req, &mut state.counters.notifications, ntf)
    }
}
