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

use genl::{size, Dump, Family, NetState, Request};
use kernel::prelude::*;
use rgnl_echo_nl::{attr, cmd, group, max_payload, RgnlEcho, SeqDumpRequest};

genl::module_genl_family! {
    family: RgnlEcho,
    name: "rgnl_echo",
    authors: ["rgnl developers"],
    description: "Minimal genetlink family on the rgnl layer",
    license: "GPL",
}

#[vtable]
impl Family for RgnlEcho {
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

// The hooks keep per-namespace request counters that ECHO reports.
impl rgnl_echo_nl::RgnlEchoPreDoit for RgnlEcho {
    fn pre_doit(req: &mut Request<'_, Self>) -> Result {
        let state = req.net_state();
        state.started = state.started.wrapping_add(1);
        Ok(())
    }
}

impl rgnl_echo_nl::RgnlEchoPostDoit for RgnlEcho {
    fn post_doit(req: &mut Request<'_, Self>) {
        let state = req.net_state();
        state.finished = state.finished.wrapping_add(1);
    }
}

impl rgnl_echo_nl::EchoDoit for RgnlEcho {
    fn doit(req: &mut Request<'_, Self>, attrs: rgnl_echo_nl::EchoDoRequest<'_>) -> Result {
        let text = attrs.text().required()?.bytes();
        let state = req.net_state();
        state.set(state.echoes.saturating_add(1));
        let (count, started, finished) = (state.echoes, state.started, state.finished);
        let mut msg = req.new_message(cmd::ECHO, max_payload::ECHO_DO)?;
        let mut w = msg.writer();
        w.put(attr::TEXT, text)?;
        w.put(attr::COUNT, count)?;
        w.put(attr::STARTED, started)?;
        w.put(attr::FINISHED, finished)?;
        req.reply(msg)
    }
}

impl rgnl_echo_nl::SeqDumpit for RgnlEcho {
    /// The next index to send.
    type Cursor = u32;

    fn dumpit(dump: &mut Dump<'_, Self>, attrs: SeqDumpRequest<'_>, next: &mut u32) -> Result {
        // SEQ's output does not depend on the count, but tracking its
        // generation shows NLM_F_DUMP_INTR: an ECHO during the dump marks it.
        let generation = dump.net_state().generation;
        dump.set_generation(generation);
        let count = attrs.count().required()?.get();
        let text = attrs.text().bytes().unwrap_or(b"");
        while *next < count {
            let index = *next;
            dump.add(cmd::SEQ, |w| {
                w.put(attr::INDEX, index)?;
                w.put(attr::TEXT, text)
            })?;
            *next = index.saturating_add(1);
        }
        Ok(())
    }
}

impl rgnl_echo_nl::ResetDoit for RgnlEcho {
    fn doit(req: &mut Request<'_, Self>) -> Result {
        let state = req.net_state();
        let old = state.echoes;
        state.set(0);
        // Build the notification only when someone listens (or the sender
        // asked for an echo of it).
        if req.has_listeners(group::EVENTS) || req.wants_echo() {
            let mut msg = req.new_message(cmd::RESET, size::U32)?;
            msg.writer().put(attr::COUNT, old)?;
            req.notify(group::EVENTS, msg)?;
        }
        Ok(())
    }
}
