// SPDX-License-Identifier: GPL-2.0
// Do not edit: generated from Documentation/netlink/specs/rgnl_echo.yaml
// by tools/net/ynl/ynl-gen-rust.py --mode kernel.

//! The `rgnl_echo` generic netlink family's tables.
//!
//! The smallest useful family on the rgnl genetlink layer (samples/rgnl_echo).
//!
//! Handlers are hand-written: implement [`Handlers`] for the family type
//! and use [`Ops::TABLE`] as its `OPS`.

// Like a generated C header, the tables name all the spec has, whether or
// not this family's code uses it.
#![allow(dead_code)]

use core::marker::PhantomData;

/// The family's name.
pub(crate) const FAMILY_NAME: &kernel::str::CStr = kernel::c_str!("rgnl_echo");
/// The family's version.
pub(crate) const FAMILY_VERSION: u32 = 1;

pub(crate) const TEXT_MAX_LEN: u32 = 255;

/// Attribute set `echo`.
pub(crate) mod attr {
    pub(crate) const TEXT: u16 = 1;
    pub(crate) const COUNT: u16 = 2;
    pub(crate) const INDEX: u16 = 3;
    pub(crate) const PAD: u16 = 4;
    pub(crate) const STARTED: u16 = 5;
    pub(crate) const FINISHED: u16 = 6;
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 6;
}

/// Commands, notifications included (one numbering, as in the spec).
pub(crate) mod cmd {
    pub(crate) const ECHO: u8 = 1;
    pub(crate) const SEQ: u8 = 2;
    pub(crate) const RESET: u8 = 3;
}

/// The lowest `genl::Family::RESV_START_OP` the ops allow: past the last
/// one with `dont-validate` (the core refuses those flags from it on).
pub(crate) const MIN_RESV_START_OP: u8 = 0;

/// Multicast groups: indexes into [`MCGRPS`].
pub(crate) mod group {
    pub(crate) const EVENTS: u32 = 0;
}

/// The multicast groups, for `genl::Family::MCGRPS`.
pub(crate) static MCGRPS: [genl::McGroup; 1] = [genl::McGroup::new(kernel::c_str!("events"))];

/// `echo` do requests.
static ECHO_POLICY: genl::Policy<[genl::AttrPolicy; attr::TEXT as usize + 1]> = genl::policy(&[(
    attr::TEXT,
    genl::AttrPolicy::nul_string(TEXT_MAX_LEN as u16),
)]);

/// `seq` dump requests.
static SEQ_POLICY: genl::Policy<[genl::AttrPolicy; attr::COUNT as usize + 1]> = genl::policy(&[
    (
        attr::TEXT,
        genl::AttrPolicy::nul_string(TEXT_MAX_LEN as u16),
    ),
    (attr::COUNT, genl::AttrPolicy::u32().range(1, 10000)),
]);

/// The hand-written side of the `rgnl_echo` family: one item per handler
/// of the spec (ynl-gen-c's prototypes). Implementing it for the family
/// type gives [`Ops::TABLE`]; a missing or mistyped handler fails the
/// build.
pub(crate) trait Handlers: genl::Family {
    /// Runs before the doits that name it; an error refuses the request.
    fn rgnl_echo_pre_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
    /// Runs after the doits that name it, whatever they returned.
    fn rgnl_echo_post_doit(req: &mut genl::Request<'_, Self>);
    /// `echo` do. Reply with text, the namespace's echo count and the request counts.
    fn echo_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
    /// `seq` dump: where a dump resumes.
    type SeqDumpCursor: genl::DumpCursor;
    /// `seq` dump: the largest attribute payload of one message.
    const SEQ_DUMP_MAX_MESSAGE: usize;
    /// `seq` dump. Dump count messages numbered by index, each with text.
    fn seq_dumpit(
        dump: &mut genl::Dump<'_, Self>,
        cursor: &mut Self::SeqDumpCursor,
    ) -> kernel::error::Result;
    /// `reset` do. Zero the namespace's echo count; notify events with the old count.
    fn reset_doit(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;
}

/// `echo` do, with the spec's policy.
struct EchoDoit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DoIt<F> for EchoDoit<F> {
    const POLICY: &'static genl::Policy = &ECHO_POLICY;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::rgnl_echo_pre_doit(req)?;
        let result = F::echo_doit(req);
        F::rgnl_echo_post_doit(req);
        result
    }
}

/// `seq` dump, with the spec's policy.
struct SeqDumpit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DumpIt<F> for SeqDumpit<F> {
    const POLICY: &'static genl::Policy = &SEQ_POLICY;
    const MAX_MESSAGE: usize = F::SEQ_DUMP_MAX_MESSAGE;
    type Cursor = F::SeqDumpCursor;

    fn dumpit(dump: &mut genl::Dump<'_, F>, cursor: &mut Self::Cursor) -> kernel::error::Result {
        F::seq_dumpit(dump, cursor)
    }
}

/// `reset` do, with the spec's policy.
struct ResetDoit<F>(PhantomData<fn() -> F>);

impl<F: Handlers> genl::DoIt<F> for ResetDoit<F> {
    const POLICY: &'static genl::Policy = genl::Policy::NONE;

    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {
        F::rgnl_echo_pre_doit(req)?;
        let result = F::reset_doit(req);
        F::rgnl_echo_post_doit(req);
        result
    }
}

/// The spec's operations in command order, a do before its dump: the
/// `genl::Family::OPS` of a family implementing [`Handlers`].
pub(crate) struct Ops<F>(PhantomData<fn() -> F>);

impl<F: Handlers> Ops<F> {
    /// The table.
    pub(crate) const TABLE: &'static [genl::SplitOp<F>] = &[
        genl::SplitOp::doit::<EchoDoit<F>>(cmd::ECHO),
        genl::SplitOp::dumpit::<SeqDumpit<F>>(cmd::SEQ),
        genl::SplitOp::doit::<ResetDoit<F>>(cmd::RESET).uns_admin_perm(),
    ];
}
