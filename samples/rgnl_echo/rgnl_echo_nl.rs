// SPDX-License-Identifier: GPL-2.0
// Do not edit: generated from Documentation/netlink/specs/rgnl_echo.yaml
// by tools/net/ynl/ynl-gen-rust.py --mode kernel.

//! The `rgnl_echo` generic netlink family's tables.
//!
//! The smallest useful family on the rgnl genetlink layer (samples/rgnl_echo).
//!
//! The family type [`RgnlEcho`] and its description; typed ids,
//! views and writers of its attributes; one trait per handler, which the
//! family's code implements for the family type, and which the ops table
//! calls with the request already validated.

// Like a generated C header, the tables name all the spec has, whether or
// not this family's code uses it.
#![allow(dead_code)]

pub(crate) const TEXT_MAX_LEN: u32 = 255;

/// Attribute set `echo`.
pub(crate) mod attr {
    #[allow(unused_imports)]
    use super::*;

    /// The set, in attribute ids, views and writers.
    pub(crate) enum Set {}
    pub(crate) const TEXT: genl::AttrId<Set, genl::kind::NulStr> = genl::AttrId::new(1);
    pub(crate) const COUNT: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(2);
    pub(crate) const INDEX: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(3);
    pub(crate) const PAD: genl::AttrId<Set, genl::kind::Pad> = genl::AttrId::new(4);
    /// Doit requests of the namespace that reached pre-doit.
    pub(crate) const STARTED: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(5);
    /// Doit requests of the namespace that reached post-doit.
    pub(crate) const FINISHED: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(6);
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 6;
}

/// Commands, notifications included (one numbering, as in the spec),
/// each with the attribute set of its messages.
pub(crate) mod cmd {
    /// Reply with text, the namespace's echo count and the request counts.
    pub(crate) const ECHO: genl::Cmd<super::attr::Set> = genl::Cmd::new(1);
    /// Dump count messages numbered by index, each with text.
    pub(crate) const SEQ: genl::Cmd<super::attr::Set> = genl::Cmd::new(2);
    /// Zero the namespace's echo count; notify events with the old count.
    pub(crate) const RESET: genl::Cmd<super::attr::Set> = genl::Cmd::new(3);
}

/// Multicast groups: indexes into [`MCGRPS`].
pub(crate) mod group {
    pub(crate) const EVENTS: u32 = 0;
}

/// The multicast groups, for `genl::Family::MCGRPS`.
pub(crate) static MCGRPS: [genl::McGroup; 1] = [genl::McGroup::new(kernel::c_str!("events"))];

/// `echo` do requests.
static ECHO_POLICY: genl::Policy<[genl::AttrPolicy; attr::TEXT.id() as usize + 1]> =
    genl::policy(&[(
        attr::TEXT.id(),
        genl::AttrPolicy::nul_string(TEXT_MAX_LEN as u16),
    )]);

/// `seq` dump requests.
static SEQ_POLICY: genl::Policy<[genl::AttrPolicy; attr::COUNT.id() as usize + 1]> =
    genl::policy(&[
        (
            attr::TEXT.id(),
            genl::AttrPolicy::nul_string(TEXT_MAX_LEN as u16),
        ),
        (attr::COUNT.id(), genl::AttrPolicy::u32().range(1, 10000)),
    ]);

/// The largest attribute payload of each message whose attributes the
/// spec bounds, for `new_message` and dumps' `MAX_MESSAGE`.
pub(crate) mod max_payload {
    #[allow(unused_imports)]
    use super::*;

    /// `echo` do reply.
    pub(crate) const ECHO_DO: usize = genl::size::sum(&[
        genl::size::string(TEXT_MAX_LEN as usize),
        genl::size::U32,
        genl::size::U32,
        genl::size::U32,
    ]);
    /// `seq` dump reply.
    pub(crate) const SEQ_DUMP: usize =
        genl::size::sum(&[genl::size::string(TEXT_MAX_LEN as usize), genl::size::U32]);
}

/// The request of `echo` do, validated by its policy.
pub(crate) struct EchoDoRequest<'a>(genl::View<'a, attr::Set>);

impl<'a> EchoDoRequest<'a> {
    /// `text`.
    pub(crate) fn text(&self) -> genl::Slot<'a, genl::kind::NulStr> {
        self.0.get(attr::TEXT)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr::Set> {
        self.0
    }
}

/// The request of `seq` dump, validated by its policy.
pub(crate) struct SeqDumpRequest<'a>(genl::View<'a, attr::Set>);

impl<'a> SeqDumpRequest<'a> {
    /// `text`.
    pub(crate) fn text(&self) -> genl::Slot<'a, genl::kind::NulStr> {
        self.0.get(attr::TEXT)
    }
    /// `count`.
    pub(crate) fn count(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr::COUNT)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr::Set> {
        self.0
    }
}

impl genl::AttrSet for attr::Set {
    type View<'a> = genl::NestView<'a, Self>;
    fn view(view: genl::NestView<'_, Self>) -> genl::NestView<'_, Self> {
        view
    }
}

/// The `rgnl_echo_pre_doit` hook of the doits that name it.
pub(crate) trait RgnlEchoPreDoit {
    /// Runs before the doit; an error refuses the request.
    fn pre_doit(req: &mut genl::Request<'_, RgnlEcho>) -> kernel::error::Result;
}

/// The `rgnl_echo_post_doit` hook of the doits that name it.
pub(crate) trait RgnlEchoPostDoit {
    /// Runs after the doit, whatever it returned.
    fn post_doit(req: &mut genl::Request<'_, RgnlEcho>);
}

/// `echo` do. Reply with text, the namespace's echo count and the request counts.
pub(crate) trait EchoDoit {
    fn doit(
        req: &mut genl::Request<'_, RgnlEcho>,
        attrs: EchoDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `seq` dump. Dump count messages numbered by index, each with text.
pub(crate) trait SeqDumpit {
    /// Where a dump resumes.
    type Cursor: genl::DumpCursor;
    fn dumpit(
        dump: &mut genl::Dump<'_, RgnlEcho>,
        attrs: SeqDumpRequest<'_>,
        cursor: &mut Self::Cursor,
    ) -> kernel::error::Result;
}

/// `reset` do. Zero the namespace's echo count; notify events with the old count.
pub(crate) trait ResetDoit {
    fn doit(req: &mut genl::Request<'_, RgnlEcho>) -> kernel::error::Result;
}

/// `echo` do: the spec's policy, the handler.
struct EchoDoitOp;

impl genl::DoIt<RgnlEcho> for EchoDoitOp {
    const POLICY: &'static genl::Policy = &ECHO_POLICY;

    fn doit(req: &mut genl::Request<'_, RgnlEcho>) -> kernel::error::Result {
        <RgnlEcho as RgnlEchoPreDoit>::pre_doit(req)?;
        let attrs = EchoDoRequest(req.view());
        let result = <RgnlEcho as EchoDoit>::doit(req, attrs);
        <RgnlEcho as RgnlEchoPostDoit>::post_doit(req);
        result
    }
}

/// `seq` dump: the spec's policy, the handler.
struct SeqDumpitOp;

#[kernel::prelude::vtable]
impl genl::DumpIt<RgnlEcho> for SeqDumpitOp {
    const POLICY: &'static genl::Policy = &SEQ_POLICY;
    const MAX_MESSAGE: usize = max_payload::SEQ_DUMP;
    type Cursor = <RgnlEcho as SeqDumpit>::Cursor;

    fn dumpit(
        dump: &mut genl::Dump<'_, RgnlEcho>,
        cursor: &mut Self::Cursor,
    ) -> kernel::error::Result {
        let attrs = SeqDumpRequest(dump.view());
        <RgnlEcho as SeqDumpit>::dumpit(dump, attrs, cursor)
    }
}

/// `reset` do: the spec's policy, the handler.
struct ResetDoitOp;

impl genl::DoIt<RgnlEcho> for ResetDoitOp {
    const POLICY: &'static genl::Policy = genl::Policy::NONE;

    fn doit(req: &mut genl::Request<'_, RgnlEcho>) -> kernel::error::Result {
        <RgnlEcho as RgnlEchoPreDoit>::pre_doit(req)?;
        let result = <RgnlEcho as ResetDoit>::doit(req);
        <RgnlEcho as RgnlEchoPostDoit>::post_doit(req);
        result
    }
}

/// The `rgnl_echo` family: implement `genl::Family` for it (the
/// state types and what else the spec cannot say), and one trait per
/// handler above.
pub(crate) struct RgnlEcho;

impl genl::FamilySpec for RgnlEcho {
    const NAME: &'static kernel::str::CStr = kernel::c_str!("rgnl_echo");
    const VERSION: u32 = 1;
    // Every op has a policy of its own: 0, as in ynl-gen-c's family struct.
    const MAX_ATTR: u16 = 0;
    const PAD_ATTR: u16 = attr::PAD.id();
    const MCGRPS: &'static [genl::McGroup] = &MCGRPS;
    /// The spec's operations in command order, a do before its dump.
    const OPS: &'static [genl::SplitOp<RgnlEcho>] = &[
        genl::SplitOp::doit::<EchoDoitOp>(cmd::ECHO.id()),
        genl::SplitOp::dumpit::<SeqDumpitOp>(cmd::SEQ.id()),
        genl::SplitOp::doit::<ResetDoitOp>(cmd::RESET.id()).uns_admin_perm(),
    ];
}
