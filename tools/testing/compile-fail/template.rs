// SPDX-License-Identifier: GPL-2.0

//! A minimal family that builds: each compile-fail case (cases/) is a diff
//! that turns it into a misuse of the layer.

#![forbid(unsafe_code)]

use genl::{
    policy, size, AttrPolicy, Cmd, DoIt, Dump, DumpIt, Family, FamilySpec, McGroup, MsgBuilder,
    Policy, Raw, Request, SplitOp,
};
use kernel::{c_str, prelude::*, str::CStr};

genl::module_genl_family! {
    family: Cf,
    name: "cf",
    authors: ["rgnl developers"],
    description: "compile-fail case",
    license: "GPL",
}

struct Cf;

impl FamilySpec for Cf {
    const NAME: &'static CStr = c_str!("cf");
    const VERSION: u32 = 1;
    const MAX_ATTR: u16 = 3;
    const PAD_ATTR: u16 = 3;
    const OPS: &'static [SplitOp<Self>] = &[
        SplitOp::doit::<Do>(1).uns_admin_perm(),
        SplitOp::dumpit::<Seq>(2),
    ];
    const MCGRPS: &'static [McGroup] = &[McGroup::new(c_str!("events"))];
}

#[vtable]
impl Family for Cf {
    type NetState = ();
    type SockState = ();
}

static POLICY: Policy<[AttrPolicy; 3]> = policy(&[
    (1, AttrPolicy::u32().range(0, 5)),
    (2, AttrPolicy::binary_range(1, 16)),
]);

struct Do;

impl DoIt<Cf> for Do {
    const POLICY: &'static Policy = &POLICY;

    fn doit(req: &mut Request<'_, Cf>) -> Result {
        let msg: MsgBuilder<Cf> = req.new_message(Cmd::<Raw>::new(1), size::U32)?;
        req.reply(msg)
    }
}

struct Seq;

#[derive(Default, Hash)]
struct Next(u32);

#[vtable]
impl DumpIt<Cf> for Seq {
    const POLICY: &'static Policy = Policy::NONE;
    const MAX_MESSAGE: usize = size::U32;
    type Cursor = Next;

    fn dumpit(dump: &mut Dump<'_, Cf>, next: &mut Next) -> Result {
        dump.add(Cmd::<Raw>::new(2), |w| w.put_u32(1, next.0))?;
        next.0 = next.0.saturating_add(1);
        Ok(())
    }
}
