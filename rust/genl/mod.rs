// SPDX-License-Identifier: GPL-2.0

//! Generic netlink families in safe Rust.
//!
//! A family is a type implementing [`Family`]: its name and version, a
//! `static` [`FamilyStorage`], a table of [`SplitOp`]s built at compile
//! time from handler types ([`DoIt`]), each with its strict attribute
//! [`policy`], its multicast groups ([`McGroup`]) and per-network-namespace
//! state ([`NetState`]). [`Registration::new`] registers it; dropping the
//! registration unregisters it.
//!
//! All `unsafe` code of a family lives in this module. See [`Family`] for
//! the locking model (`genl_mutex` serialises every handler).

// The layer is compiled into each module crate that uses it (an out-of-tree
// module can link no other Rust crate but `kernel`), and each family uses
// only part of it.
#![allow(dead_code, unused_imports, unreachable_pub)]

mod attrs;
mod bindings;
mod dump;
mod extack;
mod family;
mod mcast;
mod msg;
mod netns;
mod ops;
mod policy;
mod request;

pub use attrs::{Attr, Attrs, Nested};
pub use dump::{Dump, DumpCursor, DumpIt};
pub use extack::Extack;
pub use family::{Family, FamilyStorage, Registration};
pub use mcast::McGroup;
pub use msg::{MsgBuilder, Writer, GOODSIZE};
pub use netns::NetState;
pub use ops::{op_flags, DoIt, SplitOp};
pub use policy::{policy, AttrPolicy, RangeU64};
pub use request::{nlm_flags, Request};
