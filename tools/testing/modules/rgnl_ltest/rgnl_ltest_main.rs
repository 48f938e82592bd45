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
//! - STR replies with the bytes of its STR, an `NLA_STRING` (which need not
//!   be NUL-terminated), as the handler reads them.
//! - SIZES dumps one message holding the SIZE it was asked with, if it saw
//!   one: its split dump has `dont_validate_dump` (the policy still
//!   applies), UNPARSED's the full op's conversion (`dont_parse_dump`: no
//!   policy, nothing seen).
//! - STUCK dumps messages without ever moving its cursor: the layer must
//!   end it with an error, not call it for ever.
//! - SOCK counts its calls in its socket's state, a 64 KiB buffer that
//!   `SockState::new` allocates (USES, and SIZE the buffer's length).
//! - MAPS runs the checks of the layer's maps (`maps.rs`) and replies with
//!   how many passed (USES), or fails with `EINVAL`.
//! - INLINED runs the layer's check of its copies of C's netlink inlines
//!   against C's own (`genl::check_inlined`), replying as MAPS does.

#![forbid(unsafe_code)]

mod maps;

use core::sync::atomic::{AtomicU32, Ordering};
use genl::{
    policy, size, AttrPolicy, Cmd, DoIt, Dump, DumpIt, Family, FamilySpec, McGroup, NetState,
    Policy, RangeU64, Raw, Request, SockState, SplitOp,
};
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
const ATTR_STR: u16 = 8;
const ATTR_USES: u16 = 9;
const CMD_PUT: Cmd<Raw> = Cmd::new(1);
const CMD_NOATTR: Cmd<Raw> = Cmd::new(2);
const CMD_REINIT: Cmd<Raw> = Cmd::new(3);
const CMD_BINDS: Cmd<Raw> = Cmd::new(4);
const CMD_STR: Cmd<Raw> = Cmd::new(5);
const CMD_SIZES: Cmd<Raw> = Cmd::new(6);
const CMD_UNPARSED: Cmd<Raw> = Cmd::new(7);
const CMD_STUCK: Cmd<Raw> = Cmd::new(8);
const CMD_SOCK: Cmd<Raw> = Cmd::new(9);
const CMD_MAPS: Cmd<Raw> = Cmd::new(10);
const CMD_INLINED: Cmd<Raw> = Cmd::new(11);

/// The largest SIZE: past what an attribute can carry.
const SIZE_MAX: usize = 80_000;
static SIZE_RANGE: RangeU64 = RangeU64::new(1, SIZE_MAX as u64);
static PUT_POLICY: Policy<[AttrPolicy; 3]> = policy(&[
    (ATTR_SIZE, AttrPolicy::u32().range_u64(&SIZE_RANGE)),
    (ATTR_NESTED, AttrPolicy::flag()),
]);
static ZEROS: [u8; SIZE_MAX] = [0; SIZE_MAX];

struct LayerTest;

impl FamilySpec for LayerTest {
    const NAME: &'static CStr = c_str!("rgnl_ltest");
    const VERSION: u32 = 1;
    const MAX_ATTR: u16 = ATTR_USES;
    const PAD_ATTR: u16 = ATTR_PAD;
    const OPS: &'static [SplitOp<Self>] = &[
        SplitOp::doit::<Put>(CMD_PUT.id()),
        SplitOp::doit::<NoAttr>(CMD_NOATTR.id()),
        SplitOp::doit::<Reinit>(CMD_REINIT.id()),
        SplitOp::doit::<Binds>(CMD_BINDS.id()),
        SplitOp::doit::<Str>(CMD_STR.id()),
        SplitOp::dumpit::<Sizes>(CMD_SIZES.id()).dont_validate_dump(),
        SplitOp::dumpit::<Sizes>(CMD_UNPARSED.id()).dont_parse_dump(),
        SplitOp::dumpit::<Stuck>(CMD_STUCK.id()),
        SplitOp::doit::<Sock>(CMD_SOCK.id()),
        SplitOp::doit::<Maps>(CMD_MAPS.id()),
        SplitOp::doit::<Inlined>(CMD_INLINED.id()),
    ];
    const MCGRPS: &'static [McGroup] = &[McGroup::sys_admin(c_str!("admins"))];
    const MIN_RESV_START_OP: u8 = CMD_UNPARSED.id() + 1;
}

#[vtable]
impl Family for LayerTest {
    type NetState = Gate;
    type SockState = Uses;

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
    const POLICY: &'static Policy = Policy::NONE;

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
    const POLICY: &'static Policy = &PUT_POLICY;

    fn doit(req: &mut Request<'_, LayerTest>) -> Result {
        let attrs = req.attrs();
        let len = usize::try_from(attrs.required(ATTR_SIZE)?.u32()?)?;
        let data = ZEROS.get(..len).ok_or(EINVAL)?;
        // Room for everything, so that only the attribute length limit
        // can refuse it.
        let mut msg = req.new_message(
            CMD_PUT,
            size::attr(len)
                .saturating_mul(2)
                .saturating_add(size::nest(0)),
        )?;
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
    const POLICY: &'static Policy = &policy::<1>(&[]);

    fn doit(_req: &mut Request<'_, LayerTest>) -> Result {
        Ok(())
    }
}

struct Reinit;

impl DoIt<LayerTest> for Reinit {
    const POLICY: &'static Policy = Policy::NONE;

    fn doit(_req: &mut Request<'_, LayerTest>) -> Result {
        <GenlModule as kernel::Module>::init(genl::this_module!()).map(drop)
    }
}

static STR_POLICY: Policy<[AttrPolicy; ATTR_STR as usize + 1]> =
    policy(&[(ATTR_STR, AttrPolicy::string(16))]);

struct Str;

impl DoIt<LayerTest> for Str {
    const POLICY: &'static Policy = &STR_POLICY;

    fn doit(req: &mut Request<'_, LayerTest>) -> Result {
        let text = req.attrs().required(ATTR_STR)?.str_bytes();
        let mut msg = req.new_message(CMD_STR, size::attr(text.len()))?;
        msg.writer().put_bytes(ATTR_DATA, text)?;
        req.reply(msg)
    }
}

static SIZES_POLICY: Policy<[AttrPolicy; ATTR_SIZE as usize + 1]> =
    policy(&[(ATTR_SIZE, AttrPolicy::u32())]);

struct Sizes;

#[vtable]
impl DumpIt<LayerTest> for Sizes {
    const POLICY: &'static Policy = &SIZES_POLICY;
    const MAX_MESSAGE: usize = size::U32;
    /// Whether the one message was sent.
    type Cursor = bool;

    fn dumpit(dump: &mut Dump<'_, LayerTest>, sent: &mut bool) -> Result {
        if *sent {
            return Ok(());
        }
        let seen = dump.attrs().get(ATTR_SIZE).map(|a| a.u32()).transpose()?;
        let cmd = Cmd::<Raw>::new(dump.cmd());
        dump.add(cmd, |w| match seen {
            Some(v) => w.put_u32(ATTR_SIZE, v),
            None => Ok(()),
        })?;
        *sent = true;
        Ok(())
    }
}

struct Stuck;

#[vtable]
impl DumpIt<LayerTest> for Stuck {
    const POLICY: &'static Policy = Policy::NONE;
    const MAX_MESSAGE: usize = size::U32;
    type Cursor = u32;

    fn dumpit(dump: &mut Dump<'_, LayerTest>, next: &mut u32) -> Result {
        // The bug: the cursor is read, never advanced.
        loop {
            dump.add(CMD_STUCK, |w| w.put_u32(ATTR_SIZE, *next))?;
        }
    }
}

/// A socket's state: larger than the kernel stack takes, so boxed.
struct Uses {
    buffer: KVec<u8>,
    uses: u32,
}

impl SockState for Uses {
    fn new() -> Result<Self> {
        Ok(Self {
            buffer: KVec::from_elem(0, 64 * 1024, GFP_KERNEL)?,
            uses: 0,
        })
    }
}

struct Sock;

impl DoIt<LayerTest> for Sock {
    const POLICY: &'static Policy = Policy::NONE;

    fn doit(req: &mut Request<'_, LayerTest>) -> Result {
        let state = req.sock_state()?;
        state.uses = state.uses.saturating_add(1);
        let (uses, len) = (state.uses, u32::try_from(state.buffer.len())?);
        let mut msg = req.new_message(CMD_SOCK, 2 * size::U32)?;
        let mut w = msg.writer();
        w.put_u32(ATTR_USES, uses)?;
        w.put_u32(ATTR_SIZE, len)?;
        req.reply(msg)
    }
}

struct Maps;

impl DoIt<LayerTest> for Maps {
    const POLICY: &'static Policy = Policy::NONE;

    fn doit(req: &mut Request<'_, LayerTest>) -> Result {
        let checks = maps::run()?;
        let mut msg = req.new_message(CMD_MAPS, size::U32)?;
        msg.writer().put_u32(ATTR_USES, checks)?;
        req.reply(msg)
    }
}

struct Inlined;

impl DoIt<LayerTest> for Inlined {
    const POLICY: &'static Policy = Policy::NONE;

    fn doit(req: &mut Request<'_, LayerTest>) -> Result {
        let checks = genl::check_inlined(req)?;
        let mut msg = req.new_message(CMD_INLINED, size::U32)?;
        msg.writer().put_u32(ATTR_USES, checks)?;
        req.reply(msg)
    }
}
