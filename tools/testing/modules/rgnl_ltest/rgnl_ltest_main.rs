// SPDX-License-Identifier: GPL-2.0

//! rgnl_ltest: a family for testing the genetlink layer at its edges, in
//! safe Rust.
//!
//! - PUT replies with one DATA attribute of SIZE bytes, or with NESTED a
//!   NEST of two DATA attributes of SIZE bytes each; the layer must refuse
//!   what `nla_len` (a `u16`) cannot describe with `EMSGSIZE`.
//! - NOATTR takes no attributes (its policy has one entry, type 0, which
//!   is never valid): the layer must refuse any, not switch validation off.
//! - REINIT calls the module's `init` again from family code (safe code
//!   can name it): a storage registers once, so it must fail with `EBUSY`.
//! - The per-namespace state is a zero-sized type whose `new()` admits the
//!   first namespace only: the layer must call it for every namespace, so
//!   loading with a second namespace alive fails, and so does creating one
//!   while loaded.
//! - Group `admins` needs CAP_SYS_ADMIN; BINDS replies with how often the
//!   layer called the family's `bind` and `unbind` (BOUND, UNBOUND).

#![forbid(unsafe_code)]

use core::sync::atomic::{AtomicU32, Ordering};
use genl::{policy, size, AttrPolicy, DoIt, Family, McGroup, NetState, RangeU64, Request, SplitOp};
use kernel::{c_str, prelude::*, str::CStr};

genl::module_genl_family! {
    family: LayerTest,
    name: "rgnl_ltest",
    authors: ["rgnl developers"],
    description: "Test family for the rgnl genetlink layer",
    license: "GPL",
}

const ATTR_SIZE: u16 = 1;
const ATTR_NESTED: u16 = 2;
const ATTR_DATA: u16 = 3;
const ATTR_NEST: u16 = 4;
const ATTR_PAD: u16 = 5;
const ATTR_BOUND: u16 = 6;
const ATTR_UNBOUND: u16 = 7;
const CMD_PUT: u8 = 1;
const CMD_NOATTR: u8 = 2;
const CMD_REINIT: u8 = 3;
const CMD_BINDS: u8 = 4;

/// The largest SIZE: past what an attribute can carry.
const SIZE_MAX: usize = 80_000;
static SIZE_RANGE: RangeU64 = RangeU64::new(1, SIZE_MAX as u64);
const PUT_POLICY: [AttrPolicy; 3] = policy(&[
    (ATTR_SIZE, AttrPolicy::u32().range_u64(&SIZE_RANGE)),
    (ATTR_NESTED, AttrPolicy::flag()),
]);
static ZEROS: [u8; SIZE_MAX] = [0; SIZE_MAX];

struct LayerTest;

#[vtable]
impl Family for LayerTest {
    const NAME: &'static CStr = c_str!("rgnl_ltest");
    const VERSION: u32 = 1;
    const MAX_ATTR: u16 = ATTR_UNBOUND;
    const PAD_ATTR: u16 = ATTR_PAD;
    const OPS: &'static [SplitOp<Self>] = &[
        SplitOp::doit::<Put>(CMD_PUT),
        SplitOp::doit::<NoAttr>(CMD_NOATTR),
        SplitOp::doit::<Reinit>(CMD_REINIT),
        SplitOp::doit::<Binds>(CMD_BINDS),
    ];
    const MCGRPS: &'static [McGroup] = &[McGroup::sys_admin(c_str!("admins"))];
    type NetState = Gate;
    type SockState = ();

    fn bind(_group: usize) {
        BOUND.fetch_add(1, Ordering::Relaxed);
    }

    fn unbind(_group: usize) {
        UNBOUND.fetch_add(1, Ordering::Relaxed);
    }
}

static BOUND: AtomicU32 = AtomicU32::new(0);
static UNBOUND: AtomicU32 = AtomicU32::new(0);

struct Binds;

impl DoIt<LayerTest> for Binds {
    const POLICY: &'static [AttrPolicy] = &[];

    fn doit(req: &mut Request<'_, LayerTest>) -> Result {
        let mut msg = req.new_message(CMD_BINDS, 2 * size::U32)?;
        let mut w = msg.writer();
        w.put_u32(ATTR_BOUND, BOUND.load(Ordering::Relaxed))?;
        w.put_u32(ATTR_UNBOUND, UNBOUND.load(Ordering::Relaxed))?;
        req.reply(msg)
    }
}

/// Admits the first namespace it is asked for, refuses every other one.
struct Gate;

static GATE_CALLS: AtomicU32 = AtomicU32::new(0);

impl NetState for Gate {
    fn new() -> Result<Self> {
        if GATE_CALLS.fetch_add(1, Ordering::Relaxed) == 0 {
            Ok(Gate)
        } else {
            Err(ENOSPC)
        }
    }
}

struct Put;

impl DoIt<LayerTest> for Put {
    const POLICY: &'static [AttrPolicy] = &PUT_POLICY;

    fn doit(req: &mut Request<'_, LayerTest>) -> Result {
        let attrs = req.attrs();
        let len = attrs.required(ATTR_SIZE)?.u32()? as usize;
        let data = ZEROS.get(..len).ok_or(EINVAL)?;
        // Room for everything, so that only the attribute length limit
        // can refuse it.
        let mut msg = req.new_message(CMD_PUT, 2 * size::attr(len) + size::nest(0))?;
        let mut w = msg.writer();
        if attrs.get(ATTR_NESTED).is_some() {
            w.nest(ATTR_NEST, |w| {
                w.put_bytes(ATTR_DATA, data)?;
                w.put_bytes(ATTR_DATA, data)
            })?;
        } else {
            w.put_bytes(ATTR_DATA, data)?;
        }
        req.reply(msg)
    }
}

struct NoAttr;

impl DoIt<LayerTest> for NoAttr {
    const POLICY: &'static [AttrPolicy] = &[AttrPolicy::unspec()];

    fn doit(_req: &mut Request<'_, LayerTest>) -> Result {
        Ok(())
    }
}

struct Reinit;

impl DoIt<LayerTest> for Reinit {
    const POLICY: &'static [AttrPolicy] = &[];

    fn doit(_req: &mut Request<'_, LayerTest>) -> Result {
        <GenlModule as kernel::Module>::init(genl::this_module!()).map(drop)
    }
}
