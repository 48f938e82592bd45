// SPDX-License-Identifier: GPL-2.0

//! ENTRY_DEL: delete one entry, notifying it as it was.

use crate::entry::{del_message, del_size, refused, Notices, RequestKey};
use crate::expiry::catch_up;
use crate::rgnl_nl::{cmd, DelReason, EntryDelDoRequest, EntryDelDoit, Rgnl};
use genl::Request;
use kernel::prelude::*;

impl EntryDelDoit for Rgnl {
    fn doit(req: &mut Request<'_, Rgnl>, attrs: EntryDelDoRequest<'_>) -> Result {
        let key = RequestKey::of(attrs.key())?;
        let (state, req) = req.with_state();
        catch_up(state, req);
        let notices = state
            .remove(key.bytes, |entry| {
                Notices::prepare(req, Some(key.bytes), || {
                    let msg = req.new_message(
                        cmd::ENTRY_DEL_NTF,
                        del_size(key.bytes.len(), entry.value.len()),
                    );
                    del_message(msg, key.bytes, entry, DelReason::Deleted)
                })
            })
            .map_err(|r| refused(req.extack(), &key.attr, None, r))?;
        notices.send(req, &mut state.counters, Some(key.bytes))
    }
}
