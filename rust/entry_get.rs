// SPDX-License-Identifier: GPL-2.0

//! ENTRY_GET: one entry (do), or all of them in key order (dump).

use crate::entry::{entry_message, put_entry, refused, RequestKey};
use crate::expiry::catch_up;
use crate::registry::{Key, Refusal};
use crate::rgnl_nl::{
    cmd, EntryGetDoRequest, EntryGetDoit, EntryGetDumpRequest, EntryGetDumpit, Rgnl,
};
use core::hash::{Hash, Hasher};
use genl::{Dump, Request};
use kernel::prelude::*;

impl EntryGetDoit for Rgnl {
    fn doit(req: &mut Request<'_, Rgnl>, attrs: EntryGetDoRequest<'_>) -> Result {
        let key = RequestKey::of(attrs.key())?;
        let (state, req) = req.with_state();
        catch_up(state, req);
        let entry = state
            .get(key.bytes)
            .ok_or_else(|| refused(req.extack(), &key.attr, None, Refusal::Missing))?;
        let msg = entry_message(req, cmd::ENTRY_GET, key.bytes, entry)?;
        req.reply(msg)
    }
}

/// The key a dump resumes from: the first one that did not fit the last
/// skb. Keys are longer than `netlink_callback::ctx`, hence the box.
#[derive(Default)]
pub(crate) struct Cursor(Option<KBox<Key>>);

/// Where the dump stands: the key's bytes.
impl Hash for Cursor {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.0.as_deref().map(Key::as_bytes).hash(h);
    }
}

impl EntryGetDumpit for Rgnl {
    type Cursor = Cursor;

    fn dumpit(
        dump: &mut Dump<'_, Rgnl>,
        attrs: EntryGetDumpRequest<'_>,
        Cursor(next): &mut Cursor,
    ) -> Result {
        let prefix = match attrs.prefix().bytes() {
            Some(prefix) => {
                dump.set_filtered();
                prefix
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
