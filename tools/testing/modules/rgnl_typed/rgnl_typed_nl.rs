// SPDX-License-Identifier: GPL-2.0
// Do not edit: generated from tools/testing/modules/rgnl_typed/rgnl_typed.yaml
// by tools/net/ynl/ynl-gen-rust.py --mode kernel.

//! The `rgnl-typed` generic netlink family's tables.
//!
//! Test family for the typed requests and writers of ynl-gen-rust.py.
//!
//! The family type [`RgnlTyped`] and its description; typed ids,
//! views and writers of its attributes; one trait per handler, which the
//! family's code implements for the family type, and which the ops table
//! calls with the request already validated.

// Like a generated C header, the tables name all the spec has, whether or
// not this family's code uses it.
#![allow(dead_code)]

pub(crate) const NAME_MAX_LEN: u32 = 16;

/// Enum `color`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u32)]
#[allow(clippy::enum_variant_names)] // The spec's names.
pub(crate) enum Color {
    Red = 0,
    Green = 1,
    Blue = 2,
}

impl genl::kind::EnumValue for Color {
    fn value(self) -> u32 {
        self as u32
    }
}

impl genl::kind::CheckedEnum for Color {
    fn from_validated(v: u32) -> Self {
        match v {
            0 => Self::Red,
            1 => Self::Green,
            _ => Self::Blue,
        }
    }
}

/// Attribute set `typed`.
pub(crate) mod attr_typed {
    #[allow(unused_imports)]
    use super::*;

    /// The set, in attribute ids, views and writers.
    pub(crate) enum Set {}
    /// A tag; several may be sent, in order.
    pub(crate) const TAG: genl::AttrId<Set, genl::kind::NulStr> = genl::AttrId::new(1);
    pub(crate) const COUNT: genl::AttrId<Set, genl::kind::U32> = genl::AttrId::new(2);
    pub(crate) const ITEM: genl::AttrId<Set, genl::kind::Nest<attr_item::Set>> =
        genl::AttrId::new(3);
    pub(crate) const BIG: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(4);
    pub(crate) const COLOR: genl::AttrId<Set, genl::kind::Enum<Color, genl::kind::U32>> =
        genl::AttrId::new(5);
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 5;
}

/// Attribute set `item`.
pub(crate) mod attr_item {
    #[allow(unused_imports)]
    use super::*;

    /// The set, in attribute ids, views and writers.
    pub(crate) enum Set {}
    /// Required in a request's item.
    pub(crate) const NAME: genl::AttrId<Set, genl::kind::NulStr> = genl::AttrId::new(1);
    pub(crate) const WEIGHT: genl::AttrId<Set, genl::kind::Uint> = genl::AttrId::new(2);
    pub(crate) const COLOR: genl::AttrId<Set, genl::kind::Enum<Color, genl::kind::U32>> =
        genl::AttrId::new(3);
    /// The highest attribute type of the set.
    pub(crate) const MAX: u16 = 3;
}

/// Commands, notifications included (one numbering, as in the spec),
/// each with the attribute set of its messages.
pub(crate) mod cmd {
    /// Reply with the request's tags, in order, and their count; notify changed with the count.
    pub(crate) const TAGS: genl::Cmd<super::attr_typed::Set> = genl::Cmd::new(1);
    /// Reply with the item, its weight doubled; its name is required.
    pub(crate) const ITEM_SET: genl::Cmd<super::attr_typed::Set> = genl::Cmd::new(2);
    /// Reply with big (in the fewest bytes) and color as sent.
    pub(crate) const BIG: genl::Cmd<super::attr_typed::Set> = genl::Cmd::new(3);
    /// A tags request's count.
    pub(crate) const CHANGED: genl::Cmd<super::attr_typed::Set> = genl::Cmd::new(4);
}

/// Multicast groups: indexes into [`MCGRPS`].
pub(crate) mod group {
    pub(crate) const EVENTS: u32 = 0;
}

/// The multicast groups, for `genl::Family::MCGRPS`.
pub(crate) static MCGRPS: [genl::McGroup; 1] = [genl::McGroup::new(kernel::c_str!("events"))];

/// `tags` do requests.
static TAGS_POLICY: genl::Policy<[genl::AttrPolicy; attr_typed::TAG.id() as usize + 1]> =
    genl::policy(&[(
        attr_typed::TAG.id(),
        genl::AttrPolicy::nul_string(NAME_MAX_LEN as u16),
    )]);

/// `item-set` do requests.
static ITEM_SET_POLICY: genl::Policy<[genl::AttrPolicy; attr_typed::ITEM.id() as usize + 1]> =
    genl::policy(&[(
        attr_typed::ITEM.id(),
        genl::AttrPolicy::nested(&ITEM_NESTED_POLICY),
    )]);

/// `big` do requests.
static BIG_POLICY: genl::Policy<[genl::AttrPolicy; attr_typed::COLOR.id() as usize + 1]> =
    genl::policy(&[
        (attr_typed::BIG.id(), genl::AttrPolicy::uint()),
        (attr_typed::COLOR.id(), genl::AttrPolicy::u32().max(2)),
    ]);

/// Nested attribute set `item`.
static ITEM_NESTED_POLICY: genl::Policy<[genl::AttrPolicy; attr_item::COLOR.id() as usize + 1]> =
    genl::policy(&[
        (
            attr_item::NAME.id(),
            genl::AttrPolicy::nul_string(NAME_MAX_LEN as u16),
        ),
        (attr_item::WEIGHT.id(), genl::AttrPolicy::uint()),
        (attr_item::COLOR.id(), genl::AttrPolicy::u32().max(2)),
    ]);

/// The largest attribute payload of each message whose attributes the
/// spec bounds, for `new_message` and dumps' `MAX_MESSAGE`.
pub(crate) mod max_payload {
    #[allow(unused_imports)]
    use super::*;

    /// `item-set` do reply.
    pub(crate) const ITEM_SET_DO: usize = genl::size::sum(&[genl::size::nest(genl::size::sum(&[
        genl::size::string(NAME_MAX_LEN as usize),
        genl::size::attr(8),
        genl::size::U32,
    ]))]);
    /// `big` do reply.
    pub(crate) const BIG_DO: usize = genl::size::sum(&[genl::size::attr(8), genl::size::U32]);
    /// `changed` event.
    pub(crate) const CHANGED: usize = genl::size::sum(&[genl::size::U32]);
}

/// The request of `tags` do, validated by its policy.
pub(crate) struct TagsDoRequest<'a>(genl::View<'a, attr_typed::Set>);

impl<'a> TagsDoRequest<'a> {
    /// `tag`: A tag; several may be sent, in order.
    pub(crate) fn tag(&self) -> genl::Multi<'a, genl::kind::NulStr> {
        self.0.all(attr_typed::TAG)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr_typed::Set> {
        self.0
    }
}

/// The request of `item-set` do, validated by its policy.
pub(crate) struct ItemSetDoRequest<'a>(genl::View<'a, attr_typed::Set>);

impl<'a> ItemSetDoRequest<'a> {
    /// `item`.
    pub(crate) fn item(&self) -> genl::Slot<'a, genl::kind::Nest<attr_item::Set>> {
        self.0.get(attr_typed::ITEM)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr_typed::Set> {
        self.0
    }
}

/// The request of `big` do, validated by its policy.
pub(crate) struct BigDoRequest<'a>(genl::View<'a, attr_typed::Set>);

impl<'a> BigDoRequest<'a> {
    /// `big`.
    pub(crate) fn big(&self) -> genl::Slot<'a, genl::kind::Uint> {
        self.0.get(attr_typed::BIG)
    }
    /// `color`.
    pub(crate) fn color(&self) -> genl::Slot<'a, genl::kind::Enum<Color, genl::kind::U32>> {
        self.0.get(attr_typed::COLOR)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::View<'a, attr_typed::Set> {
        self.0
    }
}

impl genl::AttrSet for attr_typed::Set {
    type View<'a> = genl::NestView<'a, Self>;
    fn view(view: genl::NestView<'_, Self>) -> genl::NestView<'_, Self> {
        view
    }
}

/// A nest of set `item` in a request.
pub(crate) struct ItemAttrs<'a>(genl::NestView<'a, attr_item::Set>);

impl<'a> ItemAttrs<'a> {
    /// `name`: Required in a request's item.
    pub(crate) fn name(&self) -> genl::Slot<'a, genl::kind::NulStr> {
        self.0.get(attr_item::NAME)
    }
    /// `weight`.
    pub(crate) fn weight(&self) -> genl::Slot<'a, genl::kind::Uint> {
        self.0.get(attr_item::WEIGHT)
    }
    /// `color`.
    pub(crate) fn color(&self) -> genl::Slot<'a, genl::kind::Enum<Color, genl::kind::U32>> {
        self.0.get(attr_item::COLOR)
    }
    /// Every attribute, as sent: raw access, for what the spec does not say.
    pub(crate) fn raw(&self) -> genl::NestView<'a, attr_item::Set> {
        self.0
    }
}

impl genl::AttrSet for attr_item::Set {
    type View<'a> = ItemAttrs<'a>;
    fn view(view: genl::NestView<'_, Self>) -> ItemAttrs<'_> {
        ItemAttrs(view)
    }
}

/// `tags` do. Reply with the request's tags, in order, and their count; notify changed with the
/// count.
pub(crate) trait TagsDoit {
    fn doit(
        req: &mut genl::Request<'_, RgnlTyped>,
        attrs: TagsDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `item-set` do. Reply with the item, its weight doubled; its name is required.
pub(crate) trait ItemSetDoit {
    fn doit(
        req: &mut genl::Request<'_, RgnlTyped>,
        attrs: ItemSetDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `big` do. Reply with big (in the fewest bytes) and color as sent.
pub(crate) trait BigDoit {
    fn doit(
        req: &mut genl::Request<'_, RgnlTyped>,
        attrs: BigDoRequest<'_>,
    ) -> kernel::error::Result;
}

/// `tags` do: the spec's policy, the handler.
struct TagsDoitOp;

impl genl::DoIt<RgnlTyped> for TagsDoitOp {
    const POLICY: &'static genl::Policy = &TAGS_POLICY;

    fn doit(req: &mut genl::Request<'_, RgnlTyped>) -> kernel::error::Result {
        let attrs = TagsDoRequest(req.view());
        <RgnlTyped as TagsDoit>::doit(req, attrs)
    }
}

/// `item-set` do: the spec's policy, the handler.
struct ItemSetDoitOp;

impl genl::DoIt<RgnlTyped> for ItemSetDoitOp {
    const POLICY: &'static genl::Policy = &ITEM_SET_POLICY;

    fn doit(req: &mut genl::Request<'_, RgnlTyped>) -> kernel::error::Result {
        let attrs = ItemSetDoRequest(req.view());
        <RgnlTyped as ItemSetDoit>::doit(req, attrs)
    }
}

/// `big` do: the spec's policy, the handler.
struct BigDoitOp;

impl genl::DoIt<RgnlTyped> for BigDoitOp {
    const POLICY: &'static genl::Policy = &BIG_POLICY;

    fn doit(req: &mut genl::Request<'_, RgnlTyped>) -> kernel::error::Result {
        let attrs = BigDoRequest(req.view());
        <RgnlTyped as BigDoit>::doit(req, attrs)
    }
}

/// The `rgnl-typed` family: implement `genl::Family` for it (the
/// state types and what else the spec cannot say), and one trait per
/// handler above.
pub(crate) struct RgnlTyped;

impl genl::FamilySpec for RgnlTyped {
    const NAME: &'static kernel::str::CStr = kernel::c_str!("rgnl-typed");
    const VERSION: u32 = 1;
    // Every op has a policy of its own: 0, as in ynl-gen-c's family struct.
    const MAX_ATTR: u16 = 0;
    const PAD_ATTR: u16 = 0;
    const MCGRPS: &'static [genl::McGroup] = &MCGRPS;
    /// The spec's operations in command order, a do before its dump.
    const OPS: &'static [genl::SplitOp<RgnlTyped>] = &[
        genl::SplitOp::doit::<TagsDoitOp>(cmd::TAGS.id()),
        genl::SplitOp::doit::<ItemSetDoitOp>(cmd::ITEM_SET.id()),
        genl::SplitOp::doit::<BigDoitOp>(cmd::BIG.id()),
    ];
}
