// SPDX-License-Identifier: GPL-2.0

//! ENTRY_NEW: create or replace an entry, with rtnetlink's
//! `NLM_F_CREATE`/`NLM_F_EXCL`/`NLM_F_REPLACE` semantics, and a time to live.

use crate::entry::{entry_message, refused, Notices, RequestKey};
use crate::expiry::catch_up;
use crate::registry::Lease;
use crate::rgnl_nl::{attr, cmd};
use crate::Rgnl;
use genl::{nlm_flags, Request};
use kernel::{c_str, prelude::*};

pub(crate) fn doit(req: &mut Request<'_, Rgnl>) -> Result {
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
    // The policy holds the TTL within 1 ms .. a day.
    let ttl = attrs.get(attr::TTL_MS).map(|a| a.u32()).transpose()?;
    let lease = match (ttl, attrs.get(attr::NOTIFY_OWNER)) {
        (Some(ttl), owner) => Some(Lease::new(ttl, owner.map_or(0, |_| req.portid()))),
        (None, None) => None,
        (None, Some(flag)) => {
            return Err(req
                .extack()
                .fail_attr(EINVAL, &flag, c_str!("notify-owner needs ttl-ms")))
        }
    };
    let flags = req.nlmsg_flags();
    let allowed = (
        flags & nlm_flags::CREATE != 0,
        flags & nlm_flags::REPLACE != 0,
    );

    let (state, req) = req.with_state();
    catch_up(state, req);
    let notices = state
        .insert(key, &value, tag, allowed, lease, |entry| {
            Notices::prepare(req, Some(bytes), || {
                entry_message(req, cmd::ENTRY_NEW_NTF, bytes, entry)
            })
        })
        .map_err(|r| refused(req.extack(), &key_attr, Some(&value), r))?;
    if let Some(ttl) = ttl {
        req.net().defer(ttl);
    }
    notices.send(req, &mut state.counters, Some(bytes))
}
