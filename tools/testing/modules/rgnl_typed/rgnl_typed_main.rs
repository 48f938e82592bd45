// SPDX-License-Identifier: GPL-2.0

//! rgnl_typed: a test family whose tables, request views and writers are
//! all generated from its spec (rgnl_typed.yaml into rgnl_typed_nl.rs), as
//! a new family's would be: multi-attr in a request and a reply, a nest
//! with a required attribute, `uint`, an enum, an event. Its kselftest,
//! tools/testing/selftests/rgnl/typed.py, checks what reaches the handlers
//! and what they write, through YNL.

#![forbid(unsafe_code)]

mod rgnl_typed_nl;

use genl::{size, Family, Request};
use kernel::{c_str, prelude::*};
use rgnl_typed_nl::{
    attr_item, attr_typed, cmd, group, max_payload, BigDoRequest, ItemSetDoRequest, RgnlTyped,
    TagsDoRequest,
};

genl::module_genl_family! {
    family: RgnlTyped,
    name: "rgnl_typed",
    authors: ["rgnl developers"],
    description: "Test family for generated typed requests and writers",
    license: "GPL",
}

#[vtable]
impl Family for RgnlTyped {
    type NetState = ();
    type SockState = ();
}

impl rgnl_typed_nl::TagsDoit for RgnlTyped {
    fn doit(req: &mut Request<'_, Self>, attrs: TagsDoRequest<'_>) -> Result {
        // The tags again, and a count: no more than the request held.
        let payload = req.encoded_attrs().len().saturating_add(size::U32);
        let mut msg = req.new_message(cmd::TAGS, payload)?;
        let mut w = msg.writer();
        let mut count = 0u32;
        for tag in attrs.tag() {
            if tag.bytes() == b"bad" {
                return Err(tag.fail(EINVAL, c_str!("tag \"bad\" refused")));
            }
            w.put(attr_typed::TAG, tag.bytes())?;
            count = count.saturating_add(1);
        }
        w.put(attr_typed::COUNT, count)?;
        if req.has_listeners(group::EVENTS) {
            let mut event = req.new_message(cmd::CHANGED, max_payload::CHANGED)?;
            event.writer().put(attr_typed::COUNT, count)?;
            req.notify(group::EVENTS, event)?;
        }
        req.reply(msg)
    }
}

impl rgnl_typed_nl::ItemSetDoit for RgnlTyped {
    fn doit(req: &mut Request<'_, Self>, attrs: ItemSetDoRequest<'_>) -> Result {
        let item = attrs.item().required()?.get();
        let name = item.name().required()?.bytes();
        let weight = item.weight().get().unwrap_or(0);
        let color = item.color().get();
        let mut msg = req.new_message(cmd::ITEM_SET, max_payload::ITEM_SET_DO)?;
        msg.writer().put_nest(attr_typed::ITEM, |w| {
            w.put(attr_item::NAME, name)?;
            w.put(attr_item::WEIGHT, weight.saturating_mul(2))?;
            match color {
                Some(color) => w.put(attr_item::COLOR, color),
                None => Ok(()),
            }
        })?;
        req.reply(msg)
    }
}

impl rgnl_typed_nl::BigDoit for RgnlTyped {
    fn doit(req: &mut Request<'_, Self>, attrs: BigDoRequest<'_>) -> Result {
        let mut msg = req.new_message(cmd::BIG, max_payload::BIG_DO)?;
        let mut w = msg.writer();
        if let Some(big) = attrs.big().get() {
            w.put(attr_typed::BIG, big)?;
        }
        if let Some(color) = attrs.color().get() {
            w.put(attr_typed::COLOR, color)?;
        }
        req.reply(msg)
    }
}
