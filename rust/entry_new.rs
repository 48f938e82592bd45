// SPDX-License-Identifier: GPL-2.0

//! ENTRY_NEW: create or replace an entry, with rtnetlink's
//! `NLM_F_CREATE`/`NLM_F_EXCL`/`NLM_F_REPLACE` semantics.

use crate::entry::{entry_message, prepare_notification, request_key, send_notification};
use crate::registry::Refusal;
use crate::spec::{attr, cmd, ENTRY_NEW_POLICY};
use crate::Rgnl;
use genl::{nlm_flags, AttrPolicy, DoIt, Request};
use kernel::{c_str, prelude::*};

pub(crate) struct EntryNew;

impl DoIt<Rgnl> for EntryNew {
    const POLICY: &'static [AttrPolicy] = &ENTRY_NEW_POLICY;

    fn doit(req: &mut Request<'_, Rgnl>) -> Result {
        let attrs = req.attrs();
        let ext = req.extack();
        let (key, key_attr) = request_key(&attrs)?;
        let value_attr = attrs.required(attr::VALUE)?;
        let tag = attrs
            .get(attr::TAG)
            .map(|a| a.u32())
            .transpose()?
            .unwrap_or(0);
        let flags = req.nlmsg_flags();
        let create = flags & nlm_flags::CREATE != 0;
        let replace = flags & nlm_flags::REPLACE != 0;

        let (state, req) = req.with_state();
        let insert = state
            .prepare_insert(key, value_attr.bytes(), tag, create, replace)
            .map_err(|refusal| match refusal {
                Refusal::Exists => ext.fail_attr(EEXIST, &key_attr, c_str!("entry exists")),
                Refusal::Missing => ext.fail_attr(ENOENT, &key_attr, c_str!("no such entry")),
                Refusal::TooManyEntries => {
                    ext.fail(ENOSPC, c_str!("entry limit of the namespace reached"))
                }
                Refusal::TooManyBytes => ext.fail_attr(
                    ENOSPC,
                    &value_attr,
                    c_str!("value byte limit of the namespace reached"),
                ),
                Refusal::NoMemory => ENOMEM,
            })?;
        let ntf = prepare_notification(req, || {
            let (key, entry) = insert.entry();
            entry_message(req, cmd::ENTRY_NEW_NTF, key, entry)
        })?;
        state.apply(insert);
        send_notification(req, &mut state.counters.notifications, ntf)
    }
}
