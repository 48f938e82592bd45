// SPDX-License-Identifier: GPL-2.0

//! ECHO: replies with the attributes it was sent, byte for byte (raw
//! access: the reply is the request's encoding, whatever it holds).

use crate::rgnl_nl::{cmd, EchoDoRequest, EchoDoit, Rgnl};
use genl::Request;
use kernel::prelude::*;

impl EchoDoit for Rgnl {
    fn doit(req: &mut Request<'_, Rgnl>, _attrs: EchoDoRequest<'_>) -> Result {
        let encoded = req.encoded_attrs();
        let mut msg = req.new_message(cmd::ECHO, encoded.len())?;
        msg.writer().put_encoded(encoded)?;
        req.reply(msg)
    }
}
