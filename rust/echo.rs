// SPDX-License-Identifier: GPL-2.0

//! ECHO: replies with the attributes it was sent, byte for byte.

use crate::spec::{cmd, ECHO_POLICY};
use crate::Rgnl;
use genl::{AttrPolicy, DoIt, Request};
use kernel::prelude::*;

pub(crate) struct Echo;

impl DoIt<Rgnl> for Echo {
    const POLICY: &'static [AttrPolicy] = &ECHO_POLICY;

    fn doit(req: &mut Request<'_, Rgnl>) -> Result {
        let encoded = req.encoded_attrs();
        let mut msg = req.new_message(cmd::ECHO, encoded.len())?;
        msg.writer().put_encoded(encoded)?;
        req.reply(msg)
    }
}
