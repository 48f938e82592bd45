// SPDX-License-Identifier: GPL-2.0

//! How entries travel: the KEY of a request, and the ENTRY nest of replies,
//! dump messages and notifications.

use crate::registry::{valid_key, Counters, Refusal, Stored};
use crate::rgnl_nl::{attr, attr_entry, group, max_payload, DelReason, Rgnl};
use crate::{audit, watch};
use genl::{kind, size, Attr, Cmd, Extack, Field, MsgBuilder, Request, Slot, Writer};
use kernel::{c_str, prelude::*};

/// A message of the family's main attribute set.
pub(crate) type Message = MsgBuilder<Rgnl, attr::Set>;

/// The KEY of a request: required, and a valid [`Key`] (not empty; the
/// policy bounds it above).
pub(crate) struct RequestKey<'a> {
    /// The key's bytes, as messages carry them and the registry looks
    /// them up.
    pub(crate) bytes: &'a [u8],
    /// The attribute, which refusals point the extack at.
    pub(crate) attr: Attr<'a>,
}

impl<'a> RequestKey<'a> {
    #[inline]
    pub(crate) fn of(slot: Slot<'a, kind::NulStr>) -> Result<Self> {
        let field = slot.required()?;
        let bytes = field.bytes();
        if !valid_key(bytes) {
            return Err(field.fail(EINVAL, c_str!("key must not be empty")));
        }
        Ok(Self {
            bytes,
            attr: field.attr(),
        })
    }
}

/// The error of a refused change, with the extack pointing at the
/// request's KEY attribute `key` or at its VALUE attribute `value`.
pub(crate) fn refused(
    ext: Extack<'_>,
    key: &Attr<'_>,
    value: Option<&Field<'_, kind::Binary>>,
    refusal: Refusal,
) -> Error {
    match refusal {
        Refusal::Exists => ext.fail_attr(EEXIST, key, c_str!("entry exists")),
        Refusal::Missing => ext.fail_attr(ENOENT, key, c_str!("no such entry")),
        Refusal::TooManyEntries => ext.fail(ENOSPC, c_str!("entry limit of the namespace reached")),
        Refusal::TooManyBytes => {
            let msg = c_str!("value byte limit of the namespace reached");
            match value {
                Some(value) => value.fail(ENOSPC, msg),
                None => ext.fail(ENOSPC, msg),
            }
        }
        Refusal::Failed(e) => e,
    }
}

/// The size of an ENTRY nest with a key and a value of these lengths (and
/// a TTL_MS).
const fn entry_size(key_len: usize, value_len: usize) -> usize {
    size::nest(
        size::string(key_len)
            .saturating_add(size::attr(value_len))
            .saturating_add(2 * size::U32 + size::U64),
    )
}

// The spec's bound of an ENTRY message is this sizing's.
#[allow(clippy::disallowed_macros)]
const _: () = assert!(
    entry_size(
        crate::rgnl_nl::KEY_MAX_LEN as usize,
        crate::rgnl_nl::VALUE_MAX_LEN as usize
    ) == max_payload::ENTRY_GET_DUMP
);

/// Writes `key` and `entry` as an ENTRY nest. Inlined: a dump writes one
/// for every entry.
#[inline]
pub(crate) fn put_entry(w: &mut Writer<'_, attr::Set>, key: &[u8], entry: Stored<'_>) -> Result {
    w.put_nest(attr::ENTRY, |w| {
        w.put(attr_entry::KEY, key)?;
        w.put(attr_entry::VALUE, &entry.value)?;
        w.put(attr_entry::TAG, entry.tag)?;
        w.put(attr_entry::REVISION, entry.revision)?;
        match entry.ttl_left() {
            // The time left, in whole milliseconds, at least 1 while due
            // later; none once due (an expired entry's notification).
            // A lease is at most a day: u32 milliseconds.
            Some(left) if left > 0 => w.put(attr_entry::TTL_MS, left as u32),
            _ => Ok(()),
        }
    })
}

/// A message with command `cmd` holding one ENTRY.
pub(crate) fn entry_message(
    req: &Request<'_, Rgnl>,
    cmd: Cmd<attr::Set>,
    key: &[u8],
    entry: Stored<'_>,
) -> Result<Message> {
    let mut msg = req.new_message(cmd, entry_size(key.len(), entry.value.len()))?;
    put_entry(&mut msg.writer(), key, entry)?;
    Ok(msg)
}

/// The notifications of a change, built before the change is applied (so
/// a failed allocation fails the request with nothing changed): its event
/// for the `events` group (and the requester on `NLM_F_ECHO`), and its
/// audit message. Each is `None` when nobody would receive it.
pub(crate) struct Notices {
    event: Option<Message>,
    audit: Option<Message>,
}

impl Notices {
    /// The notices of a change of `key` (`None`: of the whole namespace),
    /// whose event `build` builds.
    pub(crate) fn prepare(
        req: &Request<'_, Rgnl>,
        key: Option<&[u8]>,
        build: impl FnOnce() -> Result<Message>,
    ) -> Result<Self> {
        let event = if req.has_listeners(group::EVENTS) || req.wants_echo() {
            Some(build()?)
        } else {
            None
        };
        Ok(Self {
            event,
            audit: audit::prepare(req, key)?,
        })
    }

    /// Sends them, counting them: the event of a key only to the sockets
    /// watching it. A listener whose receive buffer is full loses a
    /// message and learns it from its socket (`ENOBUFS`); that is no
    /// failure of the request, whose change is applied.
    pub(crate) fn send(
        self,
        req: &Request<'_, Rgnl>,
        counters: &mut Counters,
        key: Option<&[u8]>,
    ) -> Result {
        audit::send(req, counters, self.audit);
        let Some(msg) = self.event else {
            return Ok(());
        };
        counters.notifications = counters.notifications.wrapping_add(1);
        match key {
            Some(key) => req.notify_filtered(group::EVENTS, msg, |w| watch::wants(w, key)),
            None => req.notify(group::EVENTS, msg),
        }
    }
}

/// An ENTRY_DEL_NTF of `entry`, deleted for `reason`.
pub(crate) fn del_message(
    msg: Result<Message>,
    key: &[u8],
    entry: Stored<'_>,
    reason: DelReason,
) -> Result<Message> {
    let mut msg = msg?;
    let mut w = msg.writer();
    put_entry(&mut w, key, entry)?;
    w.put(attr::REASON, reason)?;
    Ok(msg)
}

/// The size of an ENTRY_DEL_NTF of an entry with a key and a value of
/// these lengths.
pub(crate) const fn del_size(key_len: usize, value_len: usize) -> usize {
    entry_size(key_len, value_len).saturating_add(size::U32)
}
