// SPDX-License-Identifier: GPL-2.0

//! ECHO: replies with the attributes it was sent, byte for byte.

use crate::rgnl_nl::cmd;
use crate::Rgnl;
use genl::Request;
use kernel::prelude::*;

pub(crate) fn doit(req: &mut Request<'_, Rgnl>) -> Result {
    let encoded = req.encoded_attrs();
    let mut msg = req.new_message(cmd::ECHO, encoded.len())?;
    msg.writer().put_encoded(encoded)?;
    req.reply(msg)
}
