// SPDX-License-Identifier: GPL-2.0

//! rgnl: a generic netlink family written in safe Rust.

mod echo;
mod genl;
mod spec;

use genl::{Family, FamilyStorage, McGroup, Registration, SplitOp};
use kernel::{c_str, prelude::*, str::CStr};

module! {
    type: RgnlModule,
    name: "rgnl",
    author: "rgnl developers",
    description: "rgnl generic netlink family",
    license: "GPL",
}

/// The `rgnl` family.
pub(crate) struct Rgnl;

static STORAGE: FamilyStorage<Rgnl> = FamilyStorage::new();

impl Family for Rgnl {
    const NAME: &'static CStr = c_str!("rgnl");
    const VERSION: u32 = 1;
    const MAX_ATTR: u16 = spec::attr::MAX;
    const PAD_ATTR: u16 = spec::attr::PAD;
    const OPS: &'static [SplitOp] = &[SplitOp::doit::<Rgnl, echo::Echo>(spec::cmd::ECHO)];
    const MCGRPS: &'static [McGroup] = &spec::MCGRPS;
    type NetState = ();

    fn storage() -> &'static FamilyStorage<Self> {
        &STORAGE
    }
}

/// The module: registering the family is all it does.
type RgnlModule = Registration<Rgnl>;
