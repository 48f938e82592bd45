// SPDX-License-Identifier: GPL-2.0

//! ENTRY_GET: one entry (do), or all of them in key order (dump).

use crate::entry::{entry_message, put_entry, refused, RequestKey, ENTRY_MAX};
use crate::expiry::catch_up;
use crate::registry::{Key, Refusal};
use crate::spec::{attr, cmd, DUMP_POLICY, KEY_POLICY};
use crate::Rgnl;
use genl::{AttrPolicy, DoIt, Dump, DumpIt, Request};
use kernel::prelude::*;

pub(crate) struct EntryGet;

impl DoIt<Rgnl> for EntryGet {
    const POLICY: &'static [AttrPolicy] = &KEY_POLICY;

    fn doit(req: &mut Request<'_, Rgnl>) -> Result {
        let key = RequestKey::of(&req.attrs())?;
        let (state, req) = req.with_state();
        catch_up(state, req);
        let entry = state
            .get(&key.key)
            .ok_or_else(|| refused(req.extack(), &key.attr, None, Refusal::Missing))?;
        let msg = entry_message(req, cmd::ENTRY_GET, key.bytes, entry)?;
        req.reply(msg)
    }
}

impl DumpIt<Rgnl> for EntryGet {
    const POLICY: &'static [AttrPolicy] = &DUMP_POLICY;
    const MAX_MESSAGE: usize = ENTRY_MAX;
    /// The key to resume from: the first one that did not fit the last
    /// skb. Keys are longer than `netlink_callback::ctx`, hence the box.
    type Cursor = Option<KBox<Key>>;

    fn dumpit(dump: &mut Dump<'_, Rgnl>, next: &mut Option<KBox<Key>>) -> Result {
        let prefix = match dump.attrs().get(attr::PREFIX) {
            Some(a) => {
                dump.set_filtered();
                a.str_bytes()?
            }
            None => b"",
        };
        let (state, out) = dump.with_state();
        out.set_generation(state.generation());
        let sent = state.for_each_from(next.as_deref(), prefix, |key, entry| {
            out.add(cmd::ENTRY_GET, |w| put_entry(w, key.as_bytes(), entry))
        });
        match sent {
            Ok(()) => Ok(()),
            Err((err, key)) => {
                match next {
                    Some(next) => **next = key,
                    None => *next = Some(KBox::new(key, GFP_KERNEL)?),
                }
                Err(err)
            }
        }
    }
}
