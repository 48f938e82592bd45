// SPDX-License-Identifier: GPL-2.0

//! Generic netlink families in safe Rust.
//!
//! A family is a type implementing [`Family`]: its name and version, a
//! table of [`SplitOp`]s built at compile time from handler types ([`DoIt`],
//! [`DumpIt`]), each with its strict attribute [`policy`], its multicast
//! groups ([`McGroup`]) and its per-network-namespace state ([`NetState`]).
//! [`module_genl_family!`] declares the module that registers it on load
//! and unregisters it on unload.
//!
//! This crate is compiled into each family's module as a crate of its own
//! (see `genl.mk`), so a family's crate can declare
//! `#![forbid(unsafe_code)]`: all `unsafe` code of a family is here, and
//! nothing but the API below is reachable from the family. See [`Family`]
//! for the locking model (`genl_mutex` serialises every handler).

mod attrs;
mod bindings;
mod bytes;
mod dump;
mod extack;
mod family;
mod inlined;
mod mcast;
mod module;
mod msg;
mod netns;
mod ops;
mod policy;
mod request;
pub mod size;

pub use attrs::{Attr, Attrs, Nested};
pub use bytes::Bytes;
pub use dump::{Dump, DumpCursor, DumpIt, DumpOut};
pub use extack::Extack;
pub use family::{Family, FamilyStorage, Registration, StorageOwner};
pub use mcast::McGroup;
pub use msg::{MsgBuilder, Writer};
pub use netns::NetState;
pub use ops::{DoIt, SplitOp};
pub use policy::{policy, AttrPolicy, RangeU64};
pub use request::{nlm_flags, Request};

/// The prefix of the layer's own kernel log lines.
const __LOG_PREFIX: &[u8] = b"rgnl_genl\0";
