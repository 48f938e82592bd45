// SPDX-License-Identifier: GPL-2.0

//! Expiring entries: the namespace's deferred work removes each entry whose
//! time to live ran out, notifying `events` (reason `expired`) and, when
//! the setter asked for it, unicasting the same notice to the setter's port.
//! Handlers that read or change entries catch up first, so no request sees
//! an entry past its time (unless its notices could not be allocated: then
//! it stays, and is retried, until they can).

use crate::entry::Message;
use crate::entry::{del_message, del_size};
use crate::registry::{now_ms, Counters, Key, Registry, Stored};
use crate::rgnl_nl::{cmd, group, DelReason, Rgnl};
use crate::watch;
use genl::{Gfp, MsgBuilder, Net, Request};

/// How soon to try again when a notification could not be allocated: the
/// entry stays until its notices can be sent.
const RETRY_MS: u32 = 100;

/// The most entries the deferred work expires before it lets handlers in
/// (it runs again at once for the rest).
pub(crate) const BATCH: u32 = 1000;

/// The notices of one expired entry.
struct Expired {
    event: Option<Message>,
    owner: Option<(u32, Message)>,
}

/// Removes the due entries of `state` (at most `batch`), notifying each,
/// and defers the namespace's work to the next expiry.
pub(crate) fn expire(net: &Net<'_, Rgnl>, state: &mut Registry, batch: Option<u32>) {
    let now = now_ms();
    let mut left = batch.unwrap_or(u32::MAX);
    loop {
        if left == 0 {
            return net.defer(0);
        }
        left = left.saturating_sub(1);
        let prepare = |key: &Key, entry: Stored<'_>, owner| {
            let notice = || {
                let msg = MsgBuilder::event(
                    net,
                    cmd::ENTRY_DEL_NTF,
                    del_size(key.as_bytes().len(), entry.value.len()),
                    Gfp::Kernel,
                );
                del_message(msg, key.as_bytes(), entry, DelReason::Expired)
            };
            let event = if net.has_listeners(group::EVENTS) {
                Some(notice()?)
            } else {
                None
            };
            let owner = match owner {
                0 => None,
                port => Some((port, notice()?)),
            };
            Ok(Expired { event, owner })
        };
        match state.expire_first(now, prepare, |key, expired, counters| {
            send(net, counters, key, expired)
        }) {
            None => break,
            Some(Ok(())) => {}
            Some(Err(_)) => return net.defer(RETRY_MS),
        }
    }
    if let Some(at) = state.next_expiry() {
        // A lease is at most a day: u32 milliseconds.
        net.defer(at.saturating_sub(now) as u32);
    }
}

/// Sends the notices of the expired entry `key`. Listeners with a full
/// receive buffer, and an owner whose port is closed, miss theirs.
fn send(net: &Net<'_, Rgnl>, counters: &mut Counters, key: &Key, expired: Expired) {
    let key = key.as_bytes();
    if let Some(msg) = expired.event {
        counters.notifications = counters.notifications.wrapping_add(1);
        let _ = net.multicast_filtered(group::EVENTS, msg, Gfp::Kernel, |w| watch::wants(w, key));
    }
    if let Some((port, msg)) = expired.owner {
        let _ = net.unicast(port, msg);
    }
}

/// Expires what is due before a handler looks at the entries.
#[inline]
pub(crate) fn catch_up(state: &mut Registry, req: &Request<'_, Rgnl>) {
    if state.has_leases() {
        expire(&req.net(), state, None);
    }
}
