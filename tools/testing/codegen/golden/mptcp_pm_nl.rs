// SPDX-License-Identifier: GPL-2.0
// Do not edit: generated from Documentation/netlink/specs/mptcp_pm.yaml
// by tools/net/ynl/ynl-gen-rust.py --mode kernel.

//! The `mptcp_pm` generic netlink family's tables.
//!
//! Multipath TCP.
//!
//! The family type [`MptcpPm`] and its description; typed ids,
//! views and writers of its attributes; one trait per handler, which the
//! family's code implements for the family type, and which the ops table
//! calls with the request already validated.

// Like a generated C header, the tables name all the spec has, whether or
// not this family's code uses it.
#![allow(dead_code)]

/// Enum `event-type`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u32)]
#[allow(clippy::enum_variant_names)] // The spec's names.
pub(crate) enum EventType {
    /// unused event
    Unspec = 0,
    /// A new MPTCP connection has been created. It is the good time to allocate memory and send
    /// ADD_ADDR if needed. Depending on the traffic-patterns it can take a long time until the
    /// MPTCP_EVENT_ESTABLISHED is sent. Attributes: token, family, saddr4 | saddr6, daddr4 |
    /// daddr6, sport, dport, server-side, [flags].
    Created = 1,
    /// A MPTCP connection is established (can start new subflows). Attributes: token, family,
    /// saddr4 | saddr6, daddr4 | daddr6, sport, dport, server-side, [flags].
    Established = 2,
    /// A MPTCP connection has stopped. Attribute: token.
    Closed = 3,
    /// A new address has been announced by the peer. Attributes: token, rem_id, family, daddr4 |
    /// daddr6 [, dport].
    Announced = 6,
    /// An address has been lost by the peer. Attributes: token, rem_id.
    Removed = 7,
    /// A new subflow has been established. 'error' should not be set. Attributes: token, family,
    /// loc_id, rem_id, saddr4 | saddr6, daddr4 | daddr6, sport, dport, backup, if-idx [, error].
    SubEstablished = 10,
    /// A subflow has been closed. An error (copy of sk_err) could be set if an error has been
    /// detected for this subflow. Attributes: token, family, loc_id, rem_id, saddr4 | saddr6,
    /// daddr4 | daddr6, sport, dport, backup, if-idx [, error].
    SubClosed = 11,
    /// The priority of a subflow has changed. 'error' should not be set. Attributes: token, family,
    /// loc_id, rem_id, saddr4 | saddr6, daddr4 | daddr6, sport, dport, backup, if-idx [, error].
    SubPriority = 13,
    /// A new PM listener is created. Attributes: family, sport, saddr4 | saddr6.
    ListenerCreated = 15,
    /// A PM listener is closed. Attributes: family, sport, saddr4 | saddr6.
    ListenerClosed = 16,
}

impl genl::kind::EnumValue for EventType {
    fn value(self) -> u32 {
        self as u32
    }
}

impl genl::kind::CheckedEnum for EventType {
    fn from_validated(v: u32) -> Self {
        match v {
            0 => Self::Unspec,
            1 => Self::Created,
            2 => Self::Established,
            3 => Self::Closed,
            6 => Self::Announced,
            7 => Self::Removed,
            10 => Self::SubEstablished,
            11 => Self::SubClosed,
            13 => Self::SubPriority,
            15 => Self::ListenerCreated,
            _ => Self::ListenerClosed,
        }
    }
}

impl genl::SparseEnum for EventType {
    const VALUES: &'static [u32] = &[0, 1, 2, 3, 6, 7, 10, 11, 13, 15, 16];
}

/// Attribute set `address`.
pub(crate) mod attr_address {
    #[allow(unused_imports)]
    use super::*;

    /// The set, in attribute ids, views and writers.
    pub(crate) enum Set {}
    pub(crate) const UNSPEC: genl::AttrId<Set, genl::kind::Pad> = genl::AttrId::new(0);
    pub(crate) const FAMILY: genl::AttrId<Set, genl::kind::U16> = genl::AttrId::new(1);
    pub(crate) const ID: genl::AttrId<Set, genl::kind::U8> = genl::AttrId::new(2);
    pub(crate) const ADDR4: genl::AttrId<Set, genl::kind::Be32> = genl::AttrId::new(3);
    pub(crate) const ADDR6: genl::AttrId<Set, genl::kind::Binary> = genl::AttrId::new(4);
    pub(crate) const PORT: genl::AttrId<Set, genl::kind::U16> = genl::AttrId::new(5);
    pub(crate) const FLAGS: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(6);
    pub(crate) const IF_IDX: genl::AttrId<Set, genl::kind::S32> = genl::AttrId::new(7);
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 7;
}

/// Attribute set `subflow-attribute`.
pub(crate) mod attr_subflow_attribute {
    #[allow(unused_imports)]
    use super::*;

    /// The set, in attribute ids, views and writers.
    pub(crate) enum Set {}
    pub(crate) const UNSPEC: genl::AttrId<Set, genl::kind::Pad> = genl::AttrId::new(0);
    pub(crate) const TOKEN_REM: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(1);
    pub(crate) const TOKEN_LOC: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(2);
    pub(crate) const RELWRITE_SEQ: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(3);
    pub(crate) const MAP_SEQ: genl::AttrId<Set, genl::kind::U64> = genl::AttrId::new(4);
    pub(crate) const MAP_SFSEQ: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(5);
    pub(crate) const SSN_OFFSET: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(6);
    pub(crate) const MAP_DATALEN: genl::AttrId<Set, genl::kind::U16> = genl::AttrId::new(7);
    pub(crate) const FLAGS: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(8);
    pub(crate) const ID_REM: genl::AttrId<Set, genl::kind::U8> = genl::AttrId::new(9);
    pub(crate) const ID_LOC: genl::AttrId<Set, genl::kind::U8> = genl::AttrId::new(10);
    pub(crate) const PAD: genl::AttrId<Set, genl::kind::Pad> = genl::AttrId::new(11);
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 11;
}

/// Attribute set `endpoint`.
pub(crate) mod attr_endpoint {
    #[allow(unused_imports)]
    use super::*;

    /// The set, in attribute ids, views and writers.
    pub(crate) enum Set {}
    pub(crate) const ADDR: genl::AttrId<Set, genl::kind::Nest<attr_address::Set>> =
        genl::AttrId::new(1);
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 1;
}

/// Attribute set `attr`.
pub(crate) mod attr_attr {
    #[allow(unused_imports)]
    use super::*;

    /// The set, in attribute ids, views and writers.
    pub(crate) enum Set {}
    pub(crate) const UNSPEC: genl::AttrId<Set, genl::kind::Pad> = genl::AttrId::new(0);
    pub(crate) const ADDR: genl::AttrId<Set, genl::kind::Nest<attr_address::Set>> =
        genl::AttrId::new(1);
    pub(crate) const RCV_ADD_ADDRS: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(2);
    pub(crate) const SUBFLOWS: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(3);
    pub(crate) const TOKEN: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(4);
    pub(crate) const LOC_ID: genl::AttrId<Set, genl::kind::U8> = genl::AttrId::new(5);
    pub(crate) const ADDR_REMOTE: genl::AttrId<Set, genl::kind::Nest<attr_address::Set>> =
        genl::AttrId::new(6);
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 6;
}

/// Attribute set `event-attr`.
pub(crate) mod attr_event_attr {
    #[allow(unused_imports)]
    use super::*;

    /// The set, in attribute ids, views and writers.
    pub(crate) enum Set {}
    pub(crate) const UNSPEC: genl::AttrId<Set, genl::kind::Pad> = genl::AttrId::new(0);
    pub(crate) const TOKEN: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(1);
    pub(crate) const FAMILY: genl::AttrId<Set, genl::kind::U16> = genl::AttrId::new(2);
    pub(crate) const LOC_ID: genl::AttrId<Set, genl::kind::U8> = genl::AttrId::new(3);
    pub(crate) const REM_ID: genl::AttrId<Set, genl::kind::U8> = genl::AttrId::new(4);
    pub(crate) const SADDR4: genl::AttrId<Set, genl::kind::Be32> = genl::AttrId::new(5);
    pub(crate) const SADDR6: genl::AttrId<Set, genl::kind::Binary> = genl::AttrId::new(6);
    pub(crate) const DADDR4: genl::AttrId<Set, genl::kind::Be32> = genl::AttrId::new(7);
    pub(crate) const DADDR6: genl::AttrId<Set, genl::kind::Binary> = genl::AttrId::new(8);
    pub(crate) const SPORT: genl::AttrId<Set, genl::kind::Be16> = genl::AttrId::new(9);
    pub(crate) const DPORT: genl::AttrId<Set, genl::kind::Be16> = genl::AttrId::new(10);
    pub(crate) const BACKUP: genl::AttrId<Set, genl::kind::U8> = genl::AttrId::new(11);
    pub(crate) const ERROR: genl::AttrId<Set, genl::kind::U8> = genl::AttrId::new(12);
    pub(crate) const FLAGS: genl::AttrId<Set, genl::kind::U16> = genl::AttrId::new(13);
    pub(crate) const TIMEOUT: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(14);
    pub(crate) const IF_IDX: genl::AttrId<Set, genl::kind::S32> = genl::AttrId::new(15);
    pub(crate) const RESET_REASON: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(16);
    pub(crate) const RESET_FLAGS: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(17);
    pub(crate) const SERVER_SIDE: genl::AttrId<Set, genl::kind::U8> = genl::AttrId::new(18);
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 18;
}

/// Commands, notifications included (one numbering, as in the spec),
/// each with the attribute set of its messages.
pub(crate) mod cmd {
    /// unused
    pub(crate) const UNSPEC: genl::Cmd<genl::Raw> = genl::Cmd::new(0);
    /// Add endpoint
    pub(crate) const ADD_ADDR: genl::Cmd<super::attr_endpoint::Set> = genl::Cmd::new(1);
    /// Delete endpoint
    pub(crate) const DEL_ADDR: genl::Cmd<super::attr_endpoint::Set> = genl::Cmd::new(2);
    /// Get endpoint information
    pub(crate) const GET_ADDR: genl::Cmd<super::attr_attr::Set> = genl::Cmd::new(3);
    /// flush addresses
    pub(crate) const FLUSH_ADDRS: genl::Cmd<super::attr_endpoint::Set> = genl::Cmd::new(4);
    /// Set protocol limits
    pub(crate) const SET_LIMITS: genl::Cmd<super::attr_attr::Set> = genl::Cmd::new(5);
    /// Get protocol limits
    pub(crate) const GET_LIMITS: genl::Cmd<super::attr_attr::Set> = genl::Cmd::new(6);
    /// Change endpoint flags
    pub(crate) const SET_FLAGS: genl::Cmd<super::attr_attr::Set> = genl::Cmd::new(7);
    /// announce new sf
    pub(crate) const ANNOUNCE: genl::Cmd<super::attr_attr::Set> = genl::Cmd::new(8);
    /// announce removal
    pub(crate) const REMOVE: genl::Cmd<super::attr_attr::Set> = genl::Cmd::new(9);
    /// todo
    pub(crate) const SUBFLOW_CREATE: genl::Cmd<super::attr_attr::Set> = genl::Cmd::new(10);
    /// todo
    pub(crate) const SUBFLOW_DESTROY: genl::Cmd<super::attr_attr::Set> = genl::Cmd::new(11);
}

/// `add-addr` requests (do and dump).
static ADD_ADDR_POLICY: genl::Policy<[genl::AttrPolicy; attr_endpoint::ADDR.id() as usize + 1]> =
    genl::policy(&[(
        attr_endpoint::ADDR.id(),
        genl::AttrPolicy::nested(&ADDRESS_NESTED_POLICY),
    )]);

/// `del-addr` requests (do and dump).
static DEL_ADDR_POLICY: genl::Policy<[genl::AttrPolicy; attr_endpoint::ADDR.id() as usize + 1]> =
    genl::policy(&[(
        attr_endpoint::ADDR.id(),
        genl::AttrPolicy::nested(&ADDRESS_NESTED_POLICY),
    )]);

/// `get-addr` requests (do and dump).
static GET_ADDR_POLICY: genl::Policy<[genl::AttrPolicy; attr_attr::TOKEN.id() as usize + 1]> =
    genl::policy(&[
        (
            attr_attr::ADDR.id(),
            genl::AttrPolicy::nested(&ADDRESS_NESTED_POLICY),
        ),
        (attr_attr::TOKEN.id(), genl::AttrPolicy::u32()),
    ]);

/// `flush-addrs` requests (do and dump).
static FLUSH_ADDRS_POLICY: genl::Policy<[genl::AttrPolicy; attr_endpoint::ADDR.id() as usize + 1]> =
    genl::policy(&[(
        attr_endpoint::ADDR.id(),
        genl::AttrPolicy::nested(&ADDRESS_NESTED_POLICY),
    )]);

/// `set-limits` requests (do and dump).
static SET_LIMITS_POLICY: genl::Policy<[genl::AttrPolicy; attr_attr::SUBFLOWS.id() as usize + 1]> =
    genl::policy(&[
        (attr_attr::RCV_ADD_ADDRS.id(), genl::AttrPolicy::u32()),
        (attr_attr::SUBFLOWS.id(), genl::AttrPolicy::u32()),
    ]);

/// `get-limits` requests (do and dump).
static GET_LIMITS_POLICY: genl::Policy<[genl::AttrPolicy; attr_attr::SUBFLOWS.id() as usize + 1]> =
    genl::policy(&[
        (attr_attr::RCV_ADD_ADDRS.id(), genl::AttrPolicy::u32()),
        (attr_attr::SUBFLOWS.id(), genl::AttrPolicy::u32()),
    ]);

/// `set-flags` requests (do and dump).
static SET_FLAGS_POLICY: genl::Policy<
    [genl::AttrPolicy; attr_attr::ADDR_REMOTE.id() as usize + 1],
> = genl::policy(&[
    (
        attr_attr::ADDR.id(),
        genl::AttrPolicy::nested(&ADDRESS_NESTED_POLICY),
    ),
    (attr_attr::TOKEN.id(), genl::AttrPolicy::u32()),
    (
        attr_attr::ADDR_REMOTE.id(),
        genl::AttrPolicy::nested(&ADDRESS_NESTED_POLICY),
    ),
]);

/// `announce` requests (do and dump).
static ANNOUNCE_POLICY: genl::Policy<[genl::AttrPolicy; attr_attr::TOKEN.id() as usize + 1]> =
    genl::policy(&[
        (
            attr_attr::ADDR.id(),
            genl::AttrPolicy::nested(&ADDRESS_NESTED_POLICY),
        ),
        (attr_attr::TOKEN.id(), genl::AttrPolicy::u32()),
    ]);

/// `remove` requests (do and dump).
static REMOVE_POLICY: genl::Policy<[genl::AttrPolicy; attr_attr::LOC_ID.id() as usize + 1]> =
    genl::policy(&[
        (attr_attr::TOKEN.id(), genl::AttrPolicy::u32()),
        (attr_attr::LOC_ID.id(), genl::AttrPolicy::u8()),
    ]);

/// `subflow-create` requests (do and dump).
static SUBFLOW_CREATE_POLICY: genl::Policy<
    [genl::AttrPolicy; attr_attr::ADDR_REMOTE.id() as usize + 1],
> = genl::policy(&[
    (
        attr_attr::ADDR.id(),
        genl::AttrPolicy::nested(&ADDRESS_NESTED_POLICY),
    ),
    (attr_attr::TOKEN.id(), genl::AttrPolicy::u32()),
    (
        attr_attr::ADDR_REMOTE.id(),
        genl::AttrPolicy::nested(&ADDRESS_NESTED_POLICY),
    ),
]);

/// `subflow-destroy` requests (do and dump).
static SUBFLOW_DESTROY_POLICY: genl::Policy<
    [genl::AttrPolicy; attr_attr::ADDR_REMOTE.id() as usize + 1],
> = genl::policy(&[
    (
        attr_attr::ADDR.id(),
        genl::AttrPolicy::nested(&ADDRESS_NESTED_POLICY),
    ),
    (attr_attr::TOKEN.id(), genl::AttrPolicy::u32()),
    (
        attr_attr::ADDR_REMOTE.id(),
        genl::AttrPolicy::nested(&ADDRESS_NESTED_POLICY),
    ),
]);

/// Nested attribute set `address`.
static ADDRESS_NESTED_POLICY: genl::Policy<
    [genl::AttrPolicy; attr_address::IF_IDX.id() as usize + 1],
> = genl::policy(&[
    (attr_address::FAMILY.id(), genl::AttrPolicy::u16()),
    (attr_address::ID.id(), genl::AttrPolicy::u8()),
    (attr_address::ADDR4.id(), genl::AttrPolicy::u32()),
    (attr_address::ADDR6.id(), genl::AttrPolicy::exact_len(16)),
    (attr_address::PORT.id(), genl::AttrPolicy::u16()),
    (attr_address::FLAGS.id(), genl::AttrPolicy::u32()),
    (attr_address::IF_IDX.id(), genl::AttrPolicy::s32()),
]);

/// The largest attribute payload of each message whose attributes the
/// spec bounds, for `new_message` and dumps' `MAX_MESSAGE`.
pub(crate) mod max_payload {
    #[allow(unused_imports)]
    use super::*;

    /// `get-addr` do reply.
    pub(crate) const GET_ADDR_DO: usize = genl::size::sum(&[genl::size::nest(genl::size::sum(&[
        genl::size::U16,
        genl::size::U8,
        genl::size::U32,
        genl::size::attr(16),
        genl::size::U16,
        genl::size::U32,
        genl::size::U32,
    ]))]);
    /// `get-addr` dump reply.
    pub(crate) const GET_ADDR_DUMP: usize =
        genl::size::sum(&[genl::size::nest(genl::size::sum(&[
            genl::size::U16,
            genl::size::U8,
            genl::size::U32,
            genl::size::attr(16),
            genl::size::U16,
            genl::size::U32,
            genl::size::U32,
        ]))]);
    /// `get-limits` do reply.
    pub(crate) const GET_LIMITS_DO: usize = genl::size::sum(&[genl::size::U32, genl::size::U32]);
}

/// The request of `add-addr` do, validated by its policy.
pub(crate) struct AddAddrDoRequest<'a>(genl::View<'a, attr_endpoint::Set>);

impl<'a> AddAddrDoRequest<'a> {
    /// `addr`.
    pub(crate) fn addr(&self) -> genl::Slot<'a, genl::kind::Nest<attr_address::Set>> {
        self.0.get(attr_endpoint::ADDR)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr_endpoint::Set> {
        self.0
    }
}

/// The request of `del-addr` do, validated by its policy.
pub(crate) struct DelAddrDoRequest<'a>(genl::View<'a, attr_endpoint::Set>);

impl<'a> DelAddrDoRequest<'a> {
    /// `addr`.
    pub(crate) fn addr(&self) -> genl::Slot<'a, genl::kind::Nest<attr_address::Set>> {
        self.0.get(attr_endpoint::ADDR)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr_endpoint::Set> {
        self.0
    }
}

/// The request of `get-addr` do, validated by its policy.
pub(crate) struct GetAddrDoRequest<'a>(genl::View<'a, attr_attr::Set>);

impl<'a> GetAddrDoRequest<'a> {
    /// `addr`.
    pub(crate) fn addr(&self) -> genl::Slot<'a, genl::kind::Nest<attr_address::Set>> {
        self.0.get(attr_attr::ADDR)
    }
    /// `token`.
    pub(crate) fn token(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr_attr::TOKEN)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr_attr::Set> {
        self.0
    }
}

/// The request of `get-addr` dump, validated by its policy.
pub(crate) struct GetAddrDumpRequest<'a>(genl::View<'a, attr_attr::Set>);

impl<'a> GetAddrDumpRequest<'a> {
    /// `addr`.
    pub(crate) fn addr(&self) -> genl::Slot<'a, genl::kind::Nest<attr_address::Set>> {
        self.0.get(attr_attr::ADDR)
    }
    /// `token`.
    pub(crate) fn token(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr_attr::TOKEN)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr_attr::Set> {
        self.0
    }
}

/// The request of `flush-addrs` do, validated by its policy.
pub(crate) struct FlushAddrsDoRequest<'a>(genl::View<'a, attr_endpoint::Set>);

impl<'a> FlushAddrsDoRequest<'a> {
    /// `addr`.
    pub(crate) fn addr(&self) -> genl::Slot<'a, genl::kind::Nest<attr_address::Set>> {
        self.0.get(attr_endpoint::ADDR)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr_endpoint::Set> {
        self.0
    }
}

/// The request of `set-limits` do, validated by its policy.
pub(crate) struct SetLimitsDoRequest<'a>(genl::View<'a, attr_attr::Set>);

impl<'a> SetLimitsDoRequest<'a> {
    /// `rcv-add-addrs`.
    pub(crate) fn rcv_add_addrs(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr_attr::RCV_ADD_ADDRS)
    }
    /// `subflows`.
    pub(crate) fn subflows(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr_attr::SUBFLOWS)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr_attr::Set> {
        self.0
    }
}

/// The request of `get-limits` do, validated by its policy.
pub(crate) struct GetLimitsDoRequest<'a>(genl::View<'a, attr_attr::Set>);

impl<'a> GetLimitsDoRequest<'a> {
    /// `rcv-add-addrs`.
    pub(crate) fn rcv_add_addrs(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr_attr::RCV_ADD_ADDRS)
    }
    /// `subflows`.
    pub(crate) fn subflows(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr_attr::SUBFLOWS)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr_attr::Set> {
        self.0
    }
}

/// The request of `set-flags` do, validated by its policy.
pub(crate) struct SetFlagsDoRequest<'a>(genl::View<'a, attr_attr::Set>);

impl<'a> SetFlagsDoRequest<'a> {
    /// `addr`.
    pub(crate) fn addr(&self) -> genl::Slot<'a, genl::kind::Nest<attr_address::Set>> {
        self.0.get(attr_attr::ADDR)
    }
    /// `token`.
    pub(crate) fn token(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr_attr::TOKEN)
    }
    /// `addr-remote`.
    pub(crate) fn addr_remote(&self) -> genl::Slot<'a, genl::kind::Nest<attr_address::Set>> {
        self.0.get(attr_attr::ADDR_REMOTE)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr_attr::Set> {
        self.0
    }
}

/// The request of `announce` do, validated by its policy.
pub(crate) struct AnnounceDoRequest<'a>(genl::View<'a, attr_attr::Set>);

impl<'a> AnnounceDoRequest<'a> {
    /// `addr`.
    pub(crate) fn addr(&self) -> genl::Slot<'a, genl::kind::Nest<attr_address::Set>> {
        self.0.get(attr_attr::ADDR)
    }
    /// `token`.
    pub(crate) fn token(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr_attr::TOKEN)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr_attr::Set> {
        self.0
    }
}

/// The request of `remove` do, validated by its policy.
pub(crate) struct RemoveDoRequest<'a>(genl::View<'a, attr_attr::Set>);

impl<'a> RemoveDoRequest<'a> {
    /// `token`.
    pub(crate) fn token(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr_attr::TOKEN)
    }
    /// `loc-id`.
    pub(crate) fn loc_id(&self) -> genl::Slot<'a, genl::kind::U8> {
        self.0.get(attr_attr::LOC_ID)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr_attr::Set> {
        self.0
    }
}

/// The request of `subflow-create` do, validated by its policy.
pub(crate) struct SubflowCreateDoRequest<'a>(genl::View<'a, attr_attr::Set>);

impl<'a> SubflowCreateDoRequest<'a> {
    /// `addr`.
    pub(crate) fn addr(&self) -> genl::Slot<'a, genl::kind::Nest<attr_address::Set>> {
        self.0.get(attr_attr::ADDR)
    }
    /// `token`.
    pub(crate) fn token(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr_attr::TOKEN)
    }
    /// `addr-remote`.
    pub(crate) fn addr_remote(&self) -> genl::Slot<'a, genl::kind::Nest<attr_address::Set>> {
        self.0.get(attr_attr::ADDR_REMOTE)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr_attr::Set> {
        self.0
    }
}

/// The request of `subflow-destroy` do, validated by its policy.
pub(crate) struct SubflowDestroyDoRequest<'a>(genl::View<'a, attr_attr::Set>);

impl<'a> SubflowDestroyDoRequest<'a> {
    /// `addr`.
    pub(crate) fn addr(&self) -> genl::Slot<'a, genl::kind::Nest<attr_address::Set>> {
        self.0.get(attr_attr::ADDR)
    }
    /// `token`.
    pub(crate) fn token(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr_attr::TOKEN)
    }
    /// `addr-remote`.
    pub(crate) fn addr_remote(&self) -> genl::Slot<'a, genl::kind::Nest<attr_address::Set>> {
        self.0.get(attr_attr::ADDR_REMOTE)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr_attr::Set> {
        self.0
    }
}

/// A nest of set `address` in a request.
pub(crate) struct AddressAttrs<'a>(genl::NestView<'a, attr_address::Set>);

impl<'a> AddressAttrs<'a> {
    /// `family`.
    pub(crate) fn family(&self) -> genl::Slot<'a, genl::kind::U16> {
        self.0.get(attr_address::FAMILY)
    }
    /// `id`.
    pub(crate) fn id(&self) -> genl::Slot<'a, genl::kind::U8> {
        self.0.get(attr_address::ID)
    }
    /// `addr4`.
    pub(crate) fn addr4(&self) -> genl::Slot<'a, genl::kind::Be32> {
        self.0.get(attr_address::ADDR4)
    }
    /// `addr6`.
    pub(crate) fn addr6(&self) -> genl::Slot<'a, genl::kind::Binary> {
        self.0.get(attr_address::ADDR6)
    }
    /// `port`.
    pub(crate) fn port(&self) -> genl::Slot<'a, genl::kind::U16> {
        self.0.get(attr_address::PORT)
    }
    /// `flags`.
    pub(crate) fn flags(&self) -> genl::Slot<'a, genl::kind::U32> {
        self.0.get(attr_address::FLAGS)
    }
    /// `if-idx`.
    pub(crate) fn if_idx(&self) -> genl::Slot<'a, genl::kind::S32> {
        self.0.get(attr_address::IF_IDX)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::NestView<'a, attr_address::Set> {
        self.0
    }
}

impl genl::AttrSet for attr_address::Set {
    type View<'a> = AddressAttrs<'a>;
    fn view(view: genl::NestView<'_, Self>) -> AddressAttrs<'_> {
        AddressAttrs(view)
    }
}

impl genl::AttrSet for attr_subflow_attribute::Set {
    type View<'a> = genl::NestView<'a, Self>;
    fn view(view: genl::NestView<'_, Self>) -> genl::NestView<'_, Self> {
        view
    }
}

impl genl::AttrSet for attr_endpoint::Set {
    type View<'a> = genl::NestView<'a, Self>;
    fn view(view: genl::NestView<'_, Self>) -> genl::NestView<'_, Self> {
        view
    }
}

impl genl::AttrSet for attr_attr::Set {
    type View<'a> = genl::NestView<'a, Self>;
    fn view(view: genl::NestView<'_, Self>) -> genl::NestView<'_, Self> {
        view
    }
}

impl genl::AttrSet for attr_event_attr::Set {
    type View<'a> = genl::NestView<'a, Self>;
    fn view(view: genl::NestView<'_, Self>) -> genl::NestView<'_, Self> {
        view
    }
}

/// `add-addr` do. Add endpoint
pub(crate) trait AddAddrDoit {
    fn doit(
        req: &mut genl::Request<'_, MptcpPm>,
        attrs: AddAddrDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `del-addr` do. Delete endpoint
pub(crate) trait DelAddrDoit {
    fn doit(
        req: &mut genl::Request<'_, MptcpPm>,
        attrs: DelAddrDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `get-addr` do. Get endpoint information
pub(crate) trait GetAddrDoit {
    fn doit(
        req: &mut genl::Request<'_, MptcpPm>,
        attrs: GetAddrDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `get-addr` dump. Get endpoint information
pub(crate) trait GetAddrDumpit {
    /// Where a dump resumes.
    type Cursor: genl::DumpCursor;
    fn dumpit(
        dump: &mut genl::Dump<'_, MptcpPm>,
        attrs: GetAddrDumpRequest<'_>,
        cursor: &mut Self::Cursor,
    ) -> kernel::error::Result;
}

/// `flush-addrs` do. flush addresses
pub(crate) trait FlushAddrsDoit {
    fn doit(
        req: &mut genl::Request<'_, MptcpPm>,
        attrs: FlushAddrsDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `set-limits` do. Set protocol limits
pub(crate) trait SetLimitsDoit {
    fn doit(
        req: &mut genl::Request<'_, MptcpPm>,
        attrs: SetLimitsDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `get-limits` do. Get protocol limits
pub(crate) trait GetLimitsDoit {
    fn doit(
        req: &mut genl::Request<'_, MptcpPm>,
        attrs: GetLimitsDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `set-flags` do. Change endpoint flags
pub(crate) trait SetFlagsDoit {
    fn doit(
        req: &mut genl::Request<'_, MptcpPm>,
        attrs: SetFlagsDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `announce` do. announce new sf
pub(crate) trait AnnounceDoit {
    fn doit(
        req: &mut genl::Request<'_, MptcpPm>,
        attrs: AnnounceDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `remove` do. announce removal
pub(crate) trait RemoveDoit {
    fn doit(
        req: &mut genl::Request<'_, MptcpPm>,
        attrs: RemoveDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `subflow-create` do. todo
pub(crate) trait SubflowCreateDoit {
    fn doit(
        req: &mut genl::Request<'_, MptcpPm>,
        attrs: SubflowCreateDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `subflow-destroy` do. todo
pub(crate) trait SubflowDestroyDoit {
    fn doit(
        req: &mut genl::Request<'_, MptcpPm>,
        attrs: SubflowDestroyDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `add-addr` do: the spec's policy, the handler.
struct AddAddrDoitOp;

impl genl::DoIt<MptcpPm> for AddAddrDoitOp {
    const POLICY: &'static genl::Policy = &ADD_ADDR_POLICY;

    fn doit(req: &mut genl::Request<'_, MptcpPm>) -> kernel::error::Result {
        let attrs = AddAddrDoRequest(req.view());
        <MptcpPm as AddAddrDoit>::doit(req, attrs)
    }
}

/// `del-addr` do: the spec's policy, the handler.
struct DelAddrDoitOp;

impl genl::DoIt<MptcpPm> for DelAddrDoitOp {
    const POLICY: &'static genl::Policy = &DEL_ADDR_POLICY;

    fn doit(req: &mut genl::Request<'_, MptcpPm>) -> kernel::error::Result {
        let attrs = DelAddrDoRequest(req.view());
        <MptcpPm as DelAddrDoit>::doit(req, attrs)
    }
}

/// `get-addr` do: the spec's policy, the handler.
struct GetAddrDoitOp;

impl genl::DoIt<MptcpPm> for GetAddrDoitOp {
    const POLICY: &'static genl::Policy = &GET_ADDR_POLICY;

    fn doit(req: &mut genl::Request<'_, MptcpPm>) -> kernel::error::Result {
        let attrs = GetAddrDoRequest(req.view());
        <MptcpPm as GetAddrDoit>::doit(req, attrs)
    }
}

/// `get-addr` dump: the spec's policy, the handler.
struct GetAddrDumpitOp;

#[kernel::prelude::vtable]
impl genl::DumpIt<MptcpPm> for GetAddrDumpitOp {
    const POLICY: &'static genl::Policy = &GET_ADDR_POLICY;
    const MAX_MESSAGE: usize = max_payload::GET_ADDR_DUMP;
    type Cursor = <MptcpPm as GetAddrDumpit>::Cursor;

    fn dumpit(
        dump: &mut genl::Dump<'_, MptcpPm>,
        cursor: &mut Self::Cursor,
    ) -> kernel::error::Result {
        let attrs = GetAddrDumpRequest(dump.view());
        <MptcpPm as GetAddrDumpit>::dumpit(dump, attrs, cursor)
    }
}

/// `flush-addrs` do: the spec's policy, the handler.
struct FlushAddrsDoitOp;

impl genl::DoIt<MptcpPm> for FlushAddrsDoitOp {
    const POLICY: &'static genl::Policy = &FLUSH_ADDRS_POLICY;

    fn doit(req: &mut genl::Request<'_, MptcpPm>) -> kernel::error::Result {
        let attrs = FlushAddrsDoRequest(req.view());
        <MptcpPm as FlushAddrsDoit>::doit(req, attrs)
    }
}

/// `set-limits` do: the spec's policy, the handler.
struct SetLimitsDoitOp;

impl genl::DoIt<MptcpPm> for SetLimitsDoitOp {
    const POLICY: &'static genl::Policy = &SET_LIMITS_POLICY;

    fn doit(req: &mut genl::Request<'_, MptcpPm>) -> kernel::error::Result {
        let attrs = SetLimitsDoRequest(req.view());
        <MptcpPm as SetLimitsDoit>::doit(req, attrs)
    }
}

/// `get-limits` do: the spec's policy, the handler.
struct GetLimitsDoitOp;

impl genl::DoIt<MptcpPm> for GetLimitsDoitOp {
    const POLICY: &'static genl::Policy = &GET_LIMITS_POLICY;

    fn doit(req: &mut genl::Request<'_, MptcpPm>) -> kernel::error::Result {
        let attrs = GetLimitsDoRequest(req.view());
        <MptcpPm as GetLimitsDoit>::doit(req, attrs)
    }
}

/// `set-flags` do: the spec's policy, the handler.
struct SetFlagsDoitOp;

impl genl::DoIt<MptcpPm> for SetFlagsDoitOp {
    const POLICY: &'static genl::Policy = &SET_FLAGS_POLICY;

    fn doit(req: &mut genl::Request<'_, MptcpPm>) -> kernel::error::Result {
        let attrs = SetFlagsDoRequest(req.view());
        <MptcpPm as SetFlagsDoit>::doit(req, attrs)
    }
}

/// `announce` do: the spec's policy, the handler.
struct AnnounceDoitOp;

impl genl::DoIt<MptcpPm> for AnnounceDoitOp {
    const POLICY: &'static genl::Policy = &ANNOUNCE_POLICY;

    fn doit(req: &mut genl::Request<'_, MptcpPm>) -> kernel::error::Result {
        let attrs = AnnounceDoRequest(req.view());
        <MptcpPm as AnnounceDoit>::doit(req, attrs)
    }
}

/// `remove` do: the spec's policy, the handler.
struct RemoveDoitOp;

impl genl::DoIt<MptcpPm> for RemoveDoitOp {
    const POLICY: &'static genl::Policy = &REMOVE_POLICY;

    fn doit(req: &mut genl::Request<'_, MptcpPm>) -> kernel::error::Result {
        let attrs = RemoveDoRequest(req.view());
        <MptcpPm as RemoveDoit>::doit(req, attrs)
    }
}

/// `subflow-create` do: the spec's policy, the handler.
struct SubflowCreateDoitOp;

impl genl::DoIt<MptcpPm> for SubflowCreateDoitOp {
    const POLICY: &'static genl::Policy = &SUBFLOW_CREATE_POLICY;

    fn doit(req: &mut genl::Request<'_, MptcpPm>) -> kernel::error::Result {
        let attrs = SubflowCreateDoRequest(req.view());
        <MptcpPm as SubflowCreateDoit>::doit(req, attrs)
    }
}

/// `subflow-destroy` do: the spec's policy, the handler.
struct SubflowDestroyDoitOp;

impl genl::DoIt<MptcpPm> for SubflowDestroyDoitOp {
    const POLICY: &'static genl::Policy = &SUBFLOW_DESTROY_POLICY;

    fn doit(req: &mut genl::Request<'_, MptcpPm>) -> kernel::error::Result {
        let attrs = SubflowDestroyDoRequest(req.view());
        <MptcpPm as SubflowDestroyDoit>::doit(req, attrs)
    }
}

/// The `mptcp_pm` family: implement `genl::Family` for it (the
/// state types and what else the spec cannot say), and one trait per
/// handler above.
pub(crate) struct MptcpPm;

impl genl::FamilySpec for MptcpPm {
    const NAME: &'static kernel::str::CStr = kernel::c_str!("mptcp_pm");
    const VERSION: u32 = 1;
    // Every op has a policy of its own: 0, as in ynl-gen-c's family struct.
    const MAX_ATTR: u16 = 0;
    const PAD_ATTR: u16 = 0;
    // Past the last op with `dont-validate`: the core refuses those flags
    // from `resv_start_op` on.
    const MIN_RESV_START_OP: u8 = cmd::SUBFLOW_DESTROY.id() + 1;
    /// The spec's operations in command order, a do before its dump.
    const OPS: &'static [genl::SplitOp<MptcpPm>] = &[
        genl::SplitOp::doit::<AddAddrDoitOp>(cmd::ADD_ADDR.id())
            .uns_admin_perm()
            .dont_validate_strict(),
        genl::SplitOp::doit::<DelAddrDoitOp>(cmd::DEL_ADDR.id())
            .uns_admin_perm()
            .dont_validate_strict(),
        genl::SplitOp::doit::<GetAddrDoitOp>(cmd::GET_ADDR.id()).dont_validate_strict(),
        genl::SplitOp::dumpit::<GetAddrDumpitOp>(cmd::GET_ADDR.id()).dont_validate_strict(),
        genl::SplitOp::doit::<FlushAddrsDoitOp>(cmd::FLUSH_ADDRS.id())
            .uns_admin_perm()
            .dont_validate_strict(),
        genl::SplitOp::doit::<SetLimitsDoitOp>(cmd::SET_LIMITS.id())
            .uns_admin_perm()
            .dont_validate_strict(),
        genl::SplitOp::doit::<GetLimitsDoitOp>(cmd::GET_LIMITS.id()).dont_validate_strict(),
        genl::SplitOp::doit::<SetFlagsDoitOp>(cmd::SET_FLAGS.id())
            .uns_admin_perm()
            .dont_validate_strict(),
        genl::SplitOp::doit::<AnnounceDoitOp>(cmd::ANNOUNCE.id())
            .uns_admin_perm()
            .dont_validate_strict(),
        genl::SplitOp::doit::<RemoveDoitOp>(cmd::REMOVE.id())
            .uns_admin_perm()
            .dont_validate_strict(),
        genl::SplitOp::doit::<SubflowCreateDoitOp>(cmd::SUBFLOW_CREATE.id())
            .uns_admin_perm()
            .dont_validate_strict(),
        genl::SplitOp::doit::<SubflowDestroyDoitOp>(cmd::SUBFLOW_DESTROY.id())
            .uns_admin_perm()
            .dont_validate_strict(),
    ];
}
