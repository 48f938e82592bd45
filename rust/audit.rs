// SPDX-License-Identifier: GPL-2.0

//! The `audit` group: who changed what. Its messages are built only while
//! someone listens to the group (whose members need `CAP_NET_ADMIN`).

use crate::entry::Message;
use crate::registry::Counters;
use crate::rgnl_nl::{attr, cmd, group, max_payload, Rgnl};
use genl::{Gfp, MsgBuilder, Request};
use kernel::prelude::*;

/// The AUDIT_NTF of the change `req` asks for, of `key` (`None`: of the
/// whole namespace), or `None` while nobody listens to `audit`.
pub(crate) fn prepare(req: &Request<'_, Rgnl>, key: Option<&[u8]>) -> Result<Option<Message>> {
    if !req.has_listeners(group::AUDIT) {
        return Ok(None);
    }
    let mut msg = MsgBuilder::event(
        &req.net(),
        cmd::AUDIT_NTF,
        max_payload::AUDIT_NTF,
        Gfp::Kernel,
    )?;
    let mut w = msg.writer();
    w.put(attr::COMMAND, req.cmd().into())?;
    w.put(attr::PORTID, req.portid())?;
    w.put(attr::UID, req.sender_uid())?;
    if let Some(key) = key {
        w.put(attr::KEY, key)?;
    }
    Ok(Some(msg))
}

/// Sends an audit message [`prepare`] built, counting it. A listener whose
/// receive buffer is full misses it (and learns so from its socket).
pub(crate) fn send(req: &Request<'_, Rgnl>, counters: &mut Counters, msg: Option<Message>) {
    if let Some(msg) = msg {
        counters.audit_messages = counters.audit_messages.wrapping_add(1);
        let _ = req.net().multicast(group::AUDIT, msg, Gfp::Kernel);
    }
}
