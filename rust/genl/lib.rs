// SPDX-License-Identifier: GPL-2.0

//! Generic netlink families in safe Rust.
//!
//! A family is a type implementing [`Family`]: its name and version, a
//! table of [`SplitOp`]s built at compile time from handler types ([`DoIt`],
//! [`DumpIt`]), each with its strict attribute [`policy`], its multicast
//! groups ([`McGroup`]), its per-network-namespace state ([`NetState`])
//! with its deferred work ([`Family::deferred`], [`Net`]), and its
//! per-socket state ([`SockState`]).
//! [`module_genl_family!`] declares the module that registers it on load
//! and unregisters it on unload.
//!
//! This crate is compiled into each family's module as a crate of its own
//! (see `genl.mk`), so a family's crate can declare
//! `#![forbid(unsafe_code)]`: all `unsafe` code of a family is here, and
//! nothing but the API below is reachable from the family. See [`Family`]
//! for the locking model (`genl_mutex` and the family's own mutex serialise
//! every handler and deferred work).

mod attrs;
mod bindings;
mod bytes;
pub mod c_header;
mod compat;
pub use compat::kernel_api;
mod deferred;
mod dump;
mod extack;
mod family;
pub mod indexed_map;
mod inline_bytes;
mod inlined;
#[cfg(rgnl_inline_check)]
mod inlined_check;
pub mod kind;
mod lock;
mod mcast;
mod module;
mod msg;
mod net;
mod netns;
mod ops;
mod policy;
pub mod rb_map;
mod request;
pub mod size;
mod sock;
mod view;

pub use attrs::{Attr, Attrs, Nested};
pub use bytes::Bytes;
pub use dump::{Dump, DumpCursor, DumpIt, DumpOut, DumpStart};
pub use extack::Extack;
pub use family::{Family, FamilySpec, FamilyStorage, Registration, StorageOwner};
pub use indexed_map::{IndexReservation, Indexed, IndexedMap};
pub use inline_bytes::{compare_bytes, InlineBytes};
#[cfg(rgnl_inline_check)]
pub use inlined_check::check_inlined;
pub use mcast::McGroup;
pub use msg::{ArrayWriter, Cmd, MsgBuilder, Writer};
pub use net::{Gfp, Net};
pub use netns::NetState;
pub use ops::{DoIt, SplitOp};
pub use policy::{policy, AttrPolicy, Policy, RangeU64, SparseEnum, ATTR_TYPE_MAX};
pub use rb_map::{NodeReservation, RbMap};
pub use request::{nlm_flags, Request};
pub use sock::SockState;
pub use view::{AttrId, AttrSet, Field, Multi, NestView, Raw, Slot, View};

/// The prefix of the layer's own kernel log lines.
const __LOG_PREFIX: &[u8] = b"rgnl_genl\0";
