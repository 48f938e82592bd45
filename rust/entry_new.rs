// SPDX-License-Identifier: GPL-2.0

//! ENTRY_NEW: create or replace an entry, with rtnetlink's
//! `NLM_F_CREATE`/`NLM_F_EXCL`/`NLM_F_REPLACE` semantics, and a time to live.

use crate::entry::{entry_message, refused, Notices, RequestKey};
use crate::expiry::catch_up;
use crate::registry::Lease;
use crate::rgnl_nl::{cmd, EntryNewDoRequest, EntryNewDoit, Rgnl};
use genl::{nlm_flags, Request};
use kernel::{c_str, prelude::*};

impl EntryNewDoit for Rgnl {
    fn doit(req: &mut Request<'_, Rgnl>, attrs: EntryNewDoRequest<'_>) -> Result {
        let RequestKey { bytes, attr } = RequestKey::of(attrs.key())?;
        let value = attrs.value().required()?;
        let tag = attrs.tag().get().unwrap_or(0);
        // The policy holds the TTL within 1 ms .. a day.
        let ttl = attrs.ttl_ms().get();
        let lease = match (ttl, attrs.notify_owner().field()) {
            (Some(ttl), owner) => Some(Lease::new(ttl, owner.map_or(0, |_| req.portid()))),
            (None, None) => None,
            (None, Some(flag)) => {
                return Err(flag.fail(EINVAL, c_str!("notify-owner needs ttl-ms")))
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
            .insert(bytes, &value.attr(), tag, allowed, lease, |entry| {
                Notices::prepare(req, Some(bytes), || {
                    entry_message(req, cmd::ENTRY_NEW_NTF, bytes, entry)
                })
            })
            .map_err(|r| refused(req.extack(), &attr, Some(&value), r))?;
        if let Some(ttl) = ttl {
            req.net().defer(ttl);
        }
        notices.send(req, &mut state.counters, Some(bytes))
    }
}
