// SPDX-License-Identifier: GPL-2.0

//! How entries travel: the KEY of a request, and the ENTRY nest of replies,
//! dump messages and notifications.

use crate::registry::{Entry, Key, Refusal};
use crate::spec::{attr, GROUP_EVENTS, KEY_MAX_LEN, VALUE_MAX_LEN};
use crate::Rgnl;
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
        let bytes = attr.str_bytes()?;
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

/// The size of an ENTRY nest with a key and a value of these lengths.
const fn entry_size(key_len: usize, value_len: usize) -> usize {
    size::nest(size::string(key_len) + size::attr(value_len) + size::U32 + size::U64)
}

/// The largest ENTRY nest the spec allows: the largest message of the
/// ENTRY_GET dump.
pub(crate) const ENTRY_MAX: usize = entry_size(KEY_MAX_LEN, VALUE_MAX_LEN);

/// Writes `key` and `entry` as an ENTRY nest.
pub(crate) fn put_entry(w: &mut Writer<'_>, key: &[u8], entry: &Entry) -> Result {
    w.nest(attr::ENTRY, |w| {
        w.put_str_bytes(attr::KEY, key)?;
        w.put_bytes(attr::VALUE, &entry.value)?;
        w.put_u32(attr::TAG, entry.tag)?;
        w.put_u64(attr::REVISION, entry.revision)
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

/// The notification of a change, built before the change is applied (so a
/// failed allocation fails the request with nothing changed), or `None`
/// when nobody would receive it.
pub(crate) fn prepare_notification(
    req: &Request<'_, Rgnl>,
    build: impl FnOnce() -> Result<MsgBuilder<Rgnl>>,
) -> Result<Option<MsgBuilder<Rgnl>>> {
    if req.has_listeners(GROUP_EVENTS) || req.wants_echo() {
        build().map(Some)
    } else {
        Ok(None)
    }
}

/// Sends a notification prepared by [`prepare_notification`] to the
/// namespace's `events` group (and to the requester on `NLM_F_ECHO`),
/// counting it.
pub(crate) fn send_notification(
    req: &Request<'_, Rgnl>,
    sent: &mut u64,
    msg: Option<MsgBuilder<Rgnl>>,
) -> Result {
    match msg {
        Some(msg) => {
            *sent += 1;
            req.notify(GROUP_EVENTS, msg)
        }
        None => Ok(()),
    }
}
