// SPDX-License-Identifier: GPL-2.0

//! rgnl_echo: the smallest useful family on the rgnl genetlink layer.
//!
//! ECHO (do) replies with the TEXT it was sent and, as COUNT, how many
//! ECHOs the caller's network namespace has seen; SEQ (dump) sends COUNT
//! messages numbered by INDEX, resuming across as many skbs as it takes;
//! RESET (do, admin in the namespace's user namespace) zeroes the counter
//! and notifies group `events` with the old COUNT. A SEQ dump during which
//! the count changes is flagged `NLM_F_DUMP_INTR`. `PRE_DOIT`/`POST_DOIT`
//! count the namespace's doit requests; ECHO reports both counts (STARTED
//! includes the ECHO itself, FINISHED does not yet).
//! Safe Rust only: everything that touches C is in the layer.

#![forbid(unsafe_code)]

use genl::{
    policy, size, AttrPolicy, DoIt, Dump, DumpIt, Family, McGroup, NetState, Request, SplitOp,
};
use kernel::{c_str, prelude::*, str::CStr};

genl::module_genl_family! {
    family: EchoFamily,
    name: "rgnl_echo",
    authors: ["rgnl developers"],
    description: "Minimal genetlink family on the rgnl layer",
    license: "GPL",
}

const ATTR_TEXT: u16 = 1;
const ATTR_COUNT: u16 = 2;
const ATTR_INDEX: u16 = 3;
const ATTR_PAD: u16 = 4;
const ATTR_STARTED: u16 = 5;
const ATTR_FINISHED: u16 = 6;
const CMD_ECHO: u8 = 1;
const CMD_SEQ: u8 = 2;
const CMD_RESET: u8 = 3;
const GROUP_EVENTS: u32 = 0;

const TEXT_MAX_LEN: u16 = 255;
const ECHO_POLICY: [AttrPolicy; 2] = policy(&[(ATTR_TEXT, AttrPolicy::nul_string(TEXT_MAX_LEN))]);
const SEQ_POLICY: [AttrPolicy; 3] = policy(&[
    (ATTR_TEXT, AttrPolicy::nul_string(TEXT_MAX_LEN)),
    (ATTR_COUNT, AttrPolicy::u32().range(1, 10000)),
]);

struct EchoFamily;

#[vtable]
impl Family for EchoFamily {
    const NAME: &'static CStr = c_str!("rgnl_echo");
    const VERSION: u32 = 1;
    const MAX_ATTR: u16 = ATTR_FINISHED;
    const PAD_ATTR: u16 = ATTR_PAD;
    const OPS: &'static [SplitOp<Self>] = &[
        SplitOp::doit::<Echo>(CMD_ECHO),
        SplitOp::dumpit::<Seq>(CMD_SEQ),
        SplitOp::doit::<Reset>(CMD_RESET).uns_admin_perm(),
    ];
    const MCGRPS: &'static [McGroup] = &[McGroup::new(c_str!("events"))];
    type NetState = EchoCount;
    type SockState = ();

    // The hooks keep per-namespace request counters that ECHO reports.
    fn pre_doit(req: &mut Request<'_, Self>) -> Result {
        req.net_state().started += 1;
        Ok(())
    }

    fn post_doit(req: &mut Request<'_, Self>) {
        req.net_state().finished += 1;
    }
}

/// ECHOs seen in one network namespace, and the generation of that count
/// (bumped on every change; starts at 1, as 0 means "not tracked").
struct EchoCount {
    echoes: u32,
    generation: u32,
    /// Doit requests that reached `PRE_DOIT` / `POST_DOIT`.
    started: u32,
    finished: u32,
}

impl NetState for EchoCount {
    fn new() -> Result<Self> {
        Ok(Self {
            echoes: 0,
            generation: 1,
            started: 0,
            finished: 0,
        })
    }
}

impl EchoCount {
    fn set(&mut self, echoes: u32) {
        self.echoes = echoes;
        self.generation = self.generation.wrapping_add(1).max(1);
    }
}

struct Echo;

impl DoIt<EchoFamily> for Echo {
    const POLICY: &'static [AttrPolicy] = &ECHO_POLICY;

    fn doit(req: &mut Request<'_, EchoFamily>) -> Result {
        let text = req.attrs().required(ATTR_TEXT)?.str_bytes()?;
        let state = req.net_state();
        state.set(state.echoes.saturating_add(1));
        let (count, started, finished) = (state.echoes, state.started, state.finished);
        let mut msg = req.new_message(CMD_ECHO, size::string(text.len()) + 3 * size::U32)?;
        let mut w = msg.writer();
        w.put_str_bytes(ATTR_TEXT, text)?;
        w.put_u32(ATTR_COUNT, count)?;
        w.put_u32(ATTR_STARTED, started)?;
        w.put_u32(ATTR_FINISHED, finished)?;
        req.reply(msg)
    }
}

struct Seq;

impl DumpIt<EchoFamily> for Seq {
    const POLICY: &'static [AttrPolicy] = &SEQ_POLICY;
    const MAX_MESSAGE: usize = size::U32 + size::string(TEXT_MAX_LEN as usize);
    /// The next index to send.
    type Cursor = u32;

    fn dumpit(dump: &mut Dump<'_, EchoFamily>, next: &mut u32) -> Result {
        // SEQ's output does not depend on the count, but tracking its
        // generation shows NLM_F_DUMP_INTR: an ECHO during the dump marks it.
        let generation = dump.net_state().generation;
        dump.set_generation(generation);
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

struct Reset;

impl DoIt<EchoFamily> for Reset {
    const POLICY: &'static [AttrPolicy] = &[];

    fn doit(req: &mut Request<'_, EchoFamily>) -> Result {
        let state = req.net_state();
        let old = state.echoes;
        state.set(0);
        // Build the notification only when someone listens (or the sender
        // asked for an echo of it).
        if req.has_listeners(GROUP_EVENTS) || req.wants_echo() {
            let mut msg = req.new_message(CMD_RESET, size::U32)?;
            msg.writer().put_u32(ATTR_COUNT, old)?;
            req.notify(GROUP_EVENTS, msg)?;
        }
        Ok(())
    }
}
