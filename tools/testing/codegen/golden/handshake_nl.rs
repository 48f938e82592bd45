// SPDX-License-Identifier: GPL-2.0
// Do not edit: generated from Documentation/netlink/specs/handshake.yaml
// by tools/net/ynl/ynl-gen-rust.py --mode kernel.

//! The `handshake` generic netlink family's tables.
//!
//! Netlink protocol to request a transport layer security handshake.
//!
//! The family type [`Handshake`] and its description; typed ids,
//! views and writers of its attributes; one trait per handler, which the
//! family's code implements for the family type, and which the ops table
//! calls with the request already validated.

// Like a generated C header, the tables name all the spec has, whether or
// not this family's code uses it.
#![allow(dead_code)]

pub(crate) const MAX_ERRNO: u32 = genl::c_header::MAX_ERRNO;

/// Enum `handler-class`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u32)]
#[allow(clippy::enum_variant_names)] // The spec's names.
pub(crate) enum HandlerClass {
    None = 0,
    Tlshd = 1,
    Max = 2,
}

impl genl::kind::EnumValue for HandlerClass {
    fn value(self) -> u32 {
        self as u32
    }
}

impl genl::kind::CheckedEnum for HandlerClass {
    fn from_validated(v: u32) -> Self {
        match v {
            0 => Self::None,
            1 => Self::Tlshd,
            _ => Self::Max,
        }
    }
}

/// Enum `msg-type`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u32)]
#[allow(clippy::enum_variant_names)] // The spec's names.
pub(crate) enum MsgType {
    Unspec = 0,
    Clienthello = 1,
    Serverhello = 2,
}

impl genl::kind::EnumValue for MsgType {
    fn value(self) -> u32 {
        self as u32
    }
}

impl genl::kind::CheckedEnum for MsgType {
    fn from_validated(v: u32) -> Self {
        match v {
            0 => Self::Unspec,
            1 => Self::Clienthello,
            _ => Self::Serverhello,
        }
    }
}

/// Enum `auth`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u32)]
#[allow(clippy::enum_variant_names)] // The spec's names.
pub(crate) enum Auth {
    Unspec = 0,
    Unauth = 1,
    Psk = 2,
    X509 = 3,
}

impl genl::kind::EnumValue for Auth {
    fn value(self) -> u32 {
        self as u32
    }
}

impl genl::kind::CheckedEnum for Auth {
    fn from_validated(v: u32) -> Self {
        match v {
            0 => Self::Unspec,
            1 => Self::Unauth,
            2 => Self::Psk,
            _ => Self::X509,
        }
    }
}

/// Attribute set `x509`.
pub(crate) mod attr_x509 {
    #[allow(unused_imports)]
    use super::*;

    /// The set, in attribute ids, views and writers.
    pub(crate) enum Set {}
    pub(crate) const CERT: genl::AttrId<Set, genl::kind::S32> = genl::AttrId::new(1);
    pub(crate) const PRIVKEY: genl::AttrId<Set, genl::kind::S32> = genl::AttrId::new(2);
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 2;
}

/// Attribute set `accept`.
pub(crate) mod attr_accept {
    #[allow(unused_imports)]
    use super::*;

    /// The set, in attribute ids, views and writers.
    pub(crate) enum Set {}
    pub(crate) const SOCKFD: genl::AttrId<Set, genl::kind::S32> = genl::AttrId::new(1);
    pub(crate) const HANDLER_CLASS: genl::AttrId<
        Set,
        genl::kind::Enum<HandlerClass, genl::kind::U32>,
    > = genl::AttrId::new(2);
    pub(crate) const MESSAGE_TYPE: genl::AttrId<Set, genl::kind::Enum<MsgType, genl::kind::U32>> =
        genl::AttrId::new(3);
    pub(crate) const TIMEOUT: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(4);
    pub(crate) const AUTH_MODE: genl::AttrId<Set, genl::kind::Enum<Auth, genl::kind::U32>> =
        genl::AttrId::new(5);
    pub(crate) const PEER_IDENTITY: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(6);
    pub(crate) const CERTIFICATE: genl::AttrId<Set, genl::kind::Nest<attr_x509::Set>> =
        genl::AttrId::new(7);
    pub(crate) const PEERNAME: genl::AttrId<Set, genl::kind::NulStr> = genl::AttrId::new(8);
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 8;
}

/// Attribute set `done`.
pub(crate) mod attr_done {
    #[allow(unused_imports)]
    use super::*;

    /// The set, in attribute ids, views and writers.
    pub(crate) enum Set {}
    pub(crate) const STATUS: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(1);
    pub(crate) const SOCKFD: genl::AttrId<Set, genl::kind::S32> = genl::AttrId::new(2);
    pub(crate) const REMOTE_AUTH: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(3);
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 3;
}

/// Commands, notifications included (one numbering, as in the spec),
/// each with the attribute set of its messages.
pub(crate) mod cmd {
    /// Notify handlers that a new handshake request is waiting
    pub(crate) const READY: genl::Cmd<super::attr_accept::Set> = genl::Cmd::new(1);
    /// Handler retrieves next queued handshake request
    pub(crate) const ACCEPT: genl::Cmd<super::attr_accept::Set> = genl::Cmd::new(2);
    /// Handler reports handshake completion
    pub(crate) const DONE: genl::Cmd<super::attr_done::Set> = genl::Cmd::new(3);
}

/// Multicast groups: indexes into [`MCGRPS`].
pub(crate) mod group {
    pub(crate) const NONE: u32 = 0;
    pub(crate) const TLSHD: u32 = 1;
}

/// The multicast groups, for `genl::Family::MCGRPS`.
pub(crate) static MCGRPS: [genl::McGroup; 2] = [
    genl::McGroup::new(kernel::c_str!("none")),
    genl::McGroup::new(kernel::c_str!("tlshd")),
];

/// `accept` do requests.
static ACCEPT_POLICY: genl::Policy<
    [genl::AttrPolicy; attr_accept::HANDLER_CLASS.id() as usize + 1],
> = genl::policy(&[(
    attr_accept::HANDLER_CLASS.id(),
    genl::AttrPolicy::u32().max(2),
)]);

/// `done` do requests.
static DONE_POLICY: genl::Policy<[genl::AttrPolicy; attr_done::REMOTE_AUTH.id() as usize + 1]> =
    genl::policy(&[
        (
            attr_done::STATUS.id(),
            genl::AttrPolicy::u32().max(genl::c_header::fit_i16::<MAX_ERRNO>()),
        ),
        (attr_done::SOCKFD.id(), genl::AttrPolicy::s32()),
        (attr_done::REMOTE_AUTH.id(), genl::AttrPolicy::u32()),
    ]);

/// The request of `accept` do, validated by its policy.
pub(crate) struct AcceptDoRequest<'a>(genl::View<'a, attr_accept::Set>);

impl<'a> AcceptDoRequest<'a> {
    /// `handler-class`.
    pub(crate) fn handler_class(
        &self,
    ) -> genl::Slot<'a, genl::kind::Enum<HandlerClass, genl::kind::U32>> {
        self.0.get(attr_accept::HANDLER_CLASS)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr_accept::Set> {
        self.0
    }
}

/// The request of `done` do, validated by its policy.
pub(crate) struct DoneDoRequest<'a>(genl::View<'a, attr_done::Set>);

impl<'a> DoneDoRequest<'a> {
    /// `status`.
    pub(crate) fn status(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr_done::STATUS)
    }
    /// `sockfd`.
    pub(crate) fn sockfd(&self) -> genl::Slot<'a, genl::kind::S32> {
        self.0.get(attr_done::SOCKFD)
    }
    /// `remote-auth`.
    pub(crate) fn remote_auth(&self) -> genl::Multi<'a, genl::kind::U32> {
        self.0.all(attr_done::REMOTE_AUTH)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr_done::Set> {
        self.0
    }
}

impl genl::AttrSet for attr_x509::Set {
    type View<'a> = genl::NestView<'a, Self>;
    fn view(view: genl::NestView<'_, Self>) -> genl::NestView<'_, Self> {
        view
    }
}

impl genl::AttrSet for attr_accept::Set {
    type View<'a> = genl::NestView<'a, Self>;
    fn view(view: genl::NestView<'_, Self>) -> genl::NestView<'_, Self> {
        view
    }
}

impl genl::AttrSet for attr_done::Set {
    type View<'a> = genl::NestView<'a, Self>;
    fn view(view: genl::NestView<'_, Self>) -> genl::NestView<'_, Self> {
        view
    }
}

/// `accept` do. Handler retrieves next queued handshake request
pub(crate) trait AcceptDoit {
    fn doit(
        req: &mut genl::Request<'_, Handshake>,
        attrs: AcceptDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `done` do. Handler reports handshake completion
pub(crate) trait DoneDoit {
    fn doit(
        req: &mut genl::Request<'_, Handshake>,
        attrs: DoneDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `accept` do: the spec's policy, the handler.
struct AcceptDoitOp;

impl genl::DoIt<Handshake> for AcceptDoitOp {
    const POLICY: &'static genl::Policy = &ACCEPT_POLICY;

    fn doit(req: &mut genl::Request<'_, Handshake>) -> kernel::error::Result {
        let attrs = AcceptDoRequest(req.view());
        <Handshake as AcceptDoit>::doit(req, attrs)
    }
}

/// `done` do: the spec's policy, the handler.
struct DoneDoitOp;

impl genl::DoIt<Handshake> for DoneDoitOp {
    const POLICY: &'static genl::Policy = &DONE_POLICY;

    fn doit(req: &mut genl::Request<'_, Handshake>) -> kernel::error::Result {
        let attrs = DoneDoRequest(req.view());
        <Handshake as DoneDoit>::doit(req, attrs)
    }
}

/// The `handshake` family: implement `genl::Family` for it (the
/// state types and what else the spec cannot say), and one trait per
/// handler above.
pub(crate) struct Handshake;

impl genl::FamilySpec for Handshake {
    const NAME: &'static kernel::str::CStr = kernel::c_str!("handshake");
    const VERSION: u32 = 1;
    // Every op has a policy of its own: 0, as in ynl-gen-c's family struct.
    const MAX_ATTR: u16 = 0;
    const PAD_ATTR: u16 = 0;
    const MCGRPS: &'static [genl::McGroup] = &MCGRPS;
    /// The spec's operations in command order, a do before its dump.
    const OPS: &'static [genl::SplitOp<Handshake>] = &[
        genl::SplitOp::doit::<AcceptDoitOp>(cmd::ACCEPT.id()).admin_perm(),
        genl::SplitOp::doit::<DoneDoitOp>(cmd::DONE.id()).admin_perm(),
    ];
}
