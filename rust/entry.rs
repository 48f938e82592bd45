// SPDX-License-Identifier: GPL-2.0

//! How entries travel: the KEY of a request, and the ENTRY nest of replies,
//! dump messages and notifications.

use crate::registry::{Counters, Entry, Key, Refusal};
use crate::rgnl_nl::{attr, group, KEY_MAX_LEN, VALUE_MAX_LEN};
use crate::{audit, watch, Rgnl};
use genl::{size, Attr, Attrs, Extack, MsgBuilder, Request, Writer};
use kernel::{c_str, prelude::*};

/// The KEY of a request: required, and not empty (the policy bounds it
/// above).
pub(crate) struct RequestKey<'a> {
    /// The key, as the registry compares it.
    pub(crate) key: Key,
    /// The key's bytes, as messages carry them.
    pub(crate) bytes: &'a [u8],
    /// The attribute, which refusals point the extack at.
    pub(crate) attr: Attr<'a>,
}

impl<'a> RequestKey<'a> {
    /// Inlined: a `Key` is 65 bytes, better built where it is used than
    /// returned by copy.
    #[inline]
    pub(crate) fn of(attrs: &Attrs<'a>) -> Result<Self> {
        let attr = attrs.required(attr::KEY)?;
        let bytes = attr.str_bytes();
        match Key::new(bytes) {
            Some(key) => Ok(Self { key, bytes, attr }),
            None => Err(attrs
                .extack()
                .fail_attr(EINVAL, &attr, c_str!("key must not be empty"))),
        }
    }
}

/// The error of a refused change, with the extack pointing at the
/// request's KEY attribute `key` or at its VALUE attribute `value`.
pub(crate) fn refused(
    ext: Extack<'_>,
    key: &Attr<'_>,
    value: Option<&Attr<'_>>,
    refusal: Refusal,
) -> Error {
    match refusal {
        Refusal::Exists => ext.fail_attr(EEXIST, key, c_str!("entry exists")),
        Refusal::Missing => ext.fail_attr(ENOENT, key, c_str!("no such entry")),
        Refusal::TooManyEntries => ext.fail(ENOSPC, c_str!("entry limit of the namespace reached")),
        Refusal::TooManyBytes => {
            let msg = c_str!("value byte limit of the namespace reached");
            match value {
                Some(value) => ext.fail_attr(ENOSPC, value, msg),
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

/// The largest ENTRY nest the spec allows: the largest message of the
/// ENTRY_GET dump.
pub(crate) const ENTRY_MAX: usize = entry_size(KEY_MAX_LEN as usize, VALUE_MAX_LEN as usize);

/// Writes `key` and `entry` as an ENTRY nest.
pub(crate) fn put_entry(w: &mut Writer<'_>, key: &[u8], entry: &Entry) -> Result {
    w.nest(attr::ENTRY, |w| {
        w.put_str_bytes(attr::KEY, key)?;
        w.put_bytes(attr::VALUE, &entry.value)?;
        w.put_u32(attr::TAG, entry.tag)?;
        w.put_u64(attr::REVISION, entry.revision)?;
        match entry.ttl_left() {
            // The time left, in whole milliseconds, at least 1 while due
            // later; none once due (an expired entry's notification).
            // A lease is at most a day: u32 milliseconds.
            Some(left) if left > 0 => w.put_u32(attr::TTL_MS, left as u32),
            _ => Ok(()),
        }
    })
}

/// A message with command `cmd` holding one ENTRY.
pub(crate) fn entry_message(
    req: &Request<'_, Rgnl>,
    cmd: u8,
    key: &[u8],
    entry: &Entry,
) -> Result<MsgBuilder<Rgnl>> {
    let mut msg = req.new_message(cmd, entry_size(key.len(), entry.value.len()))?;
    put_entry(&mut msg.writer(), key, entry)?;
    Ok(msg)
}

/// The notifications of a change, built before the change is applied (so
/// a failed allocation fails the request with nothing changed): its event
/// for the `events` group (and the requester on `NLM_F_ECHO`), and its
/// audit message. Each is `None` when nobody would receive it.
pub(crate) struct Notices {
    event: Option<MsgBuilder<Rgnl>>,
    audit: Option<MsgBuilder<Rgnl>>,
}

impl Notices {
    /// The notices of a change of `key` (`None`: of the whole namespace),
    /// whose event `build` builds.
    pub(crate) fn prepare(
        req: &Request<'_, Rgnl>,
        key: Option<&[u8]>,
        build: impl FnOnce() -> Result<MsgBuilder<Rgnl>>,
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

/// An ENTRY_DEL_NTF of `entry`, deleted for `reason` (`del_reason`).
pub(crate) fn del_message(
    msg: Result<MsgBuilder<Rgnl>>,
    key: &[u8],
    entry: &Entry,
    reason: u32,
) -> Result<MsgBuilder<Rgnl>> {
    let mut msg = msg?;
    let mut w = msg.writer();
    put_entry(&mut w, key, entry)?;
    w.put_u32(attr::REASON, reason)?;
    Ok(msg)
}

/// The size of an ENTRY_DEL_NTF of an entry with a key and a value of
/// these lengths.
pub(crate) const fn del_size(key_len: usize, value_len: usize) -> usize {
    entry_size(key_len, value_len).saturating_add(size::U32)
}
