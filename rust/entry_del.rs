// SPDX-License-Identifier: GPL-2.0

//! ENTRY_DEL: delete one entry, notifying it as it was.

use crate::entry::{entry_message, existing, prepare_notification, request_key, send_notification};
use crate::spec::{cmd, KEY_POLICY};
use crate::Rgnl;
use genl::{AttrPolicy, DoIt, Request};
use kernel::prelude::*;

pub(crate) struct EntryDel;

impl DoIt<Rgnl> for EntryDel {
    const POLICY: &'static [AttrPolicy] = &KEY_POLICY;

    fn doit(req: &mut Request<'_, Rgnl>) -> Result {
        let attrs = req.attrs();
        let (key, key_attr) = request_key(&attrs)?;
        let (state, req) = req.with_state();
        let entry = existing(state, req.extack(), &key, &key_attr)?;
        let ntf =
            prepare_notification(req, || entry_message(req, cmd::ENTRY_DEL_NTF, &key, entry))?;
        state.remove(&key);
        send_notification(req, &mut state.counters.notifications, ntf)
    }
}
