// SPDX-License-Identifier: GPL-2.0

//! rgnl_echo: the smallest useful family on the rgnl genetlink layer.
//!
//! ECHO (do) replies with the TEXT it was sent; SEQ (dump) sends COUNT
//! messages numbered by INDEX, resuming across as many skbs as it takes.
//! No `unsafe` here: everything unsafe is in the layer.

#[path = "../../rust/genl/mod.rs"]
mod genl;

use genl::{
    policy, AttrPolicy, DoIt, Dump, DumpIt, Family, FamilyStorage, Registration, Request, SplitOp,
    GOODSIZE,
};
use kernel::{c_str, prelude::*, str::CStr};

module! {
    type: EchoModule,
    name: "rgnl_echo",
    author: "rgnl developers",
    description: "Minimal genetlink family on the rgnl layer",
    license: "GPL",
}

const ATTR_TEXT: u16 = 1;
const ATTR_COUNT: u16 = 2;
const ATTR_INDEX: u16 = 3;
const ATTR_PAD: u16 = 4;
const CMD_ECHO: u8 = 1;
const CMD_SEQ: u8 = 2;

const ECHO_POLICY: [AttrPolicy; 2] = policy(&[(ATTR_TEXT, AttrPolicy::nul_string(255))]);
const SEQ_POLICY: [AttrPolicy; 3] = policy(&[
    (ATTR_TEXT, AttrPolicy::nul_string(255)),
    (ATTR_COUNT, AttrPolicy::u32().range(1, 10000)),
]);

struct EchoFamily;
static STORAGE: FamilyStorage<EchoFamily> = FamilyStorage::new();

impl Family for EchoFamily {
    const NAME: &'static CStr = c_str!("rgnl_echo");
    const VERSION: u32 = 1;
    const MAX_ATTR: u16 = ATTR_PAD;
    const PAD_ATTR: u16 = ATTR_PAD;
    const OPS: &'static [SplitOp] = &[
        SplitOp::doit::<EchoFamily, Echo>(CMD_ECHO),
        SplitOp::dumpit::<EchoFamily, Seq>(CMD_SEQ),
    ];
    type NetState = ();

    fn storage() -> &'static FamilyStorage<Self> {
        &STORAGE
    }
}

struct Echo;

impl DoIt<EchoFamily> for Echo {
    const POLICY: &'static [AttrPolicy] = &ECHO_POLICY;

    fn doit(req: &mut Request<'_, EchoFamily>) -> Result {
        let text = req.attrs().required(ATTR_TEXT)?.str_bytes()?;
        let mut msg = req.reply_builder(CMD_ECHO, GOODSIZE)?;
        msg.writer().put_str_bytes(ATTR_TEXT, text)?;
        req.reply(msg)
    }
}

struct Seq;

impl DumpIt<EchoFamily> for Seq {
    const POLICY: &'static [AttrPolicy] = &SEQ_POLICY;
    /// The next index to send.
    type Cursor = u32;

    fn dumpit(dump: &mut Dump<'_, EchoFamily>, next: &mut u32) -> Result {
        let attrs = dump.attrs();
        let count = attrs.required(ATTR_COUNT)?.u32()?;
        let text = match attrs.get(ATTR_TEXT) {
            Some(a) => a.str_bytes()?,
            None => b"",
        };
        while *next < count {
            let index = *next;
            dump.add(CMD_SEQ, |w| {
                w.put_u32(ATTR_INDEX, index)?;
                w.put_str_bytes(ATTR_TEXT, text)
            })?;
            *next += 1;
        }
        Ok(())
    }
}

struct EchoModule {
    _family: Registration<EchoFamily>,
}

impl kernel::Module for EchoModule {
    fn init(module: &'static ThisModule) -> Result<Self> {
        Ok(Self {
            _family: Registration::new(module)?,
        })
    }
}
