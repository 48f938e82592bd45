// SPDX-License-Identifier: GPL-2.0

//! ENTRY_NEW: create or replace an entry, with rtnetlink's
//! `NLM_F_CREATE`/`NLM_F_EXCL`/`NLM_F_REPLACE` semantics.

use crate::entry::{entry_message, prepare_notification, refused, send_notification, RequestKey};
use crate::spec::{attr, cmd, ENTRY_NEW_POLICY};
use crate::Rgnl;
use genl::{nlm_flags, AttrPolicy, DoIt, Request};
use kernel::prelude::*;

pub(crate) struct EntryNew;

impl DoIt<Rgnl> for EntryNew {
    const POLICY: &'static [AttrPolicy] = &ENTRY_NEW_POLICY;

    fn doit(req: &mut Request<'_, Rgnl>) -> Result {
        let attrs = req.attrs();
        let RequestKey {
            key,
            bytes,
            attr: key_attr,
        } = RequestKey::of(&attrs)?;
        let value = attrs.required(attr::VALUE)?;
        let tag = attrs
            .get(attr::TAG)
            .map(|a| a.u32())
            .transpose()?
            .unwrap_or(0);
        let flags = req.nlmsg_flags();
        let allowed = (
            flags & nlm_flags::CREATE != 0,
            flags & nlm_flags::REPLACE != 0,
        );

        let (state, req) = req.with_state();
        let ntf = state
            .insert(key, &value, tag, allowed, |entry| {
                prepare_notification(req, || entry_message(req, cmd::ENTRY_NEW_NTF, bytes, entry))
            })
            .map_err(|r| refused(req.extack(), &key_attr, Some(&value), r))?;
        send_notification(req, &mut state.counters.notifications, ntf)
    }
}
