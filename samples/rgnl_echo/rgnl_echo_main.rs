// SPDX-License-Identifier: GPL-2.0

//! rgnl_echo: the smallest useful family on the rgnl genetlink layer.
//!
//! Its tables are generated from Documentation/netlink/specs/rgnl_echo.yaml
//! (rgnl_echo_nl.rs); this file has the handlers.
//!
//! ECHO (do) replies with the TEXT it was sent and, as COUNT, how many
//! ECHOs the caller's network namespace has seen; SEQ (dump) sends COUNT
//! messages numbered by INDEX, resuming across as many skbs as it takes;
//! RESET (do, admin in the namespace's user namespace) zeroes the counter
//! and notifies group `events` with the old COUNT. A SEQ dump during which
//! the count changes is flagged `NLM_F_DUMP_INTR`. The spec's pre and post
//! hooks of ECHO and RESET count the namespace's doit requests; ECHO reports
//! both counts (STARTED includes the ECHO itself, FINISHED does not yet).
//! Safe Rust only: everything that touches C is in the layer.

#![forbid(unsafe_code)]

mod rgnl_echo_nl;

use genl::{size, Dump, Family, McGroup, NetState, Request, SplitOp};
use kernel::{prelude::*, str::CStr};
use rgnl_echo_nl::{attr, cmd, group, TEXT_MAX_LEN};

genl::module_genl_family! {
    family: EchoFamily,
    name: "rgnl_echo",
    authors: ["rgnl developers"],
    description: "Minimal genetlink family on the rgnl layer",
    license: "GPL",
}

struct EchoFamily;

#[vtable]
impl Family for EchoFamily {
    const NAME: &'static CStr = rgnl_echo_nl::FAMILY_NAME;
    const VERSION: u32 = rgnl_echo_nl::FAMILY_VERSION;
    const MAX_ATTR: u16 = attr::MAX;
    const PAD_ATTR: u16 = attr::PAD;
    const OPS: &'static [SplitOp<Self>] = rgnl_echo_nl::Ops::<Self>::TABLE;
    const MCGRPS: &'static [McGroup] = &rgnl_echo_nl::MCGRPS;
    type NetState = EchoCount;
    type SockState = ();
}

/// ECHOs seen in one network namespace, and the generation of that count
/// (bumped on every change; starts at 1, as 0 means "not tracked").
struct EchoCount {
    echoes: u32,
    generation: u32,
    /// Doit requests that reached the pre / post hook.
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

impl rgnl_echo_nl::Handlers for EchoFamily {
    // The hooks keep per-namespace request counters that ECHO reports.
    fn rgnl_echo_pre_doit(req: &mut Request<'_, Self>) -> Result {
        let state = req.net_state();
        state.started = state.started.wrapping_add(1);
        Ok(())
    }

    fn rgnl_echo_post_doit(req: &mut Request<'_, Self>) {
        let state = req.net_state();
        state.finished = state.finished.wrapping_add(1);
    }

    fn echo_doit(req: &mut Request<'_, Self>) -> Result {
        let text = req.attrs().required(attr::TEXT)?.str_bytes();
        let state = req.net_state();
        state.set(state.echoes.saturating_add(1));
        let (count, started, finished) = (state.echoes, state.started, state.finished);
        let mut msg = req.new_message(
            cmd::ECHO,
            size::string(text.len()).saturating_add(3 * size::U32),
        )?;
        let mut w = msg.writer();
        w.put_str_bytes(attr::TEXT, text)?;
        w.put_u32(attr::COUNT, count)?;
        w.put_u32(attr::STARTED, started)?;
        w.put_u32(attr::FINISHED, finished)?;
        req.reply(msg)
    }

    const SEQ_DUMP_MAX_MESSAGE: usize = size::U32 + size::string(TEXT_MAX_LEN as usize);
    /// The next index to send.
    type SeqDumpCursor = u32;

    fn seq_dumpit(dump: &mut Dump<'_, Self>, next: &mut u32) -> Result {
        // SEQ's output does not depend on the count, but tracking its
        // generation shows NLM_F_DUMP_INTR: an ECHO during the dump marks it.
        let generation = dump.net_state().generation;
        dump.set_generation(generation);
        let attrs = dump.attrs();
        let count = attrs.required(attr::COUNT)?.u32()?;
        let text = match attrs.get(attr::TEXT) {
            Some(a) => a.str_bytes(),
            None => b"",
        };
        while *next < count {
            let index = *next;
            dump.add(cmd::SEQ, |w| {
                w.put_u32(attr::INDEX, index)?;
                w.put_str_bytes(attr::TEXT, text)
            })?;
            *next = index.saturating_add(1);
        }
        Ok(())
    }

    fn reset_doit(req: &mut Request<'_, Self>) -> Result {
        let state = req.net_state();
        let old = state.echoes;
        state.set(0);
        // Build the notification only when someone listens (or the sender
        // asked for an echo of it).
        if req.has_listeners(group::EVENTS) || req.wants_echo() {
            let mut msg = req.new_message(cmd::RESET, size::U32)?;
            msg.writer().put_u32(attr::COUNT, old)?;
            req.notify(group::EVENTS, msg)?;
        }
        Ok(())
    }
}
