// SPDX-License-Identifier: GPL-2.0

//! A client runtime for generic netlink families, written once: what a
//! client generated from a YNL spec (`ynl-gen-rust.py --mode user`) calls.
//!
//! - [`Socket`]: its own port id and sequence numbers; [`Socket::resolve`]
//!   finds a family and its groups through nlctrl; [`Socket::exec`] sends
//!   a request and reads its replies to the ACK; [`Socket::dump`] reads a
//!   dump to `NLMSG_DONE`, surfacing the error `DONE` carries and
//!   `NLM_F_DUMP_INTR`; [`Socket::next_event`] reads notifications after
//!   [`Socket::join`], reporting `ENOBUFS` as [`Error::EventsLost`].
//! - [`Request`] writes a request; nests are flagged `NLA_F_NESTED`.
//! - [`Msg`], [`Attrs`], [`Attr`] read replies in place: decoders borrow
//!   the receive buffer, and every length is checked ([`DecodeError`]).
//! - A refusal is [`Error::Kernel`]: the errno and the [`Extack`], whose
//!   offsets are mapped back to attribute paths of the request.
//!
//! ```no_run
//! let mut sock = ynl::Socket::open()?;
//! let family = sock.resolve("nlctrl")?;
//! assert_eq!(family.id, 0x10);
//! # Ok::<(), ynl::Error>(())
//! ```

mod attr;
mod client;
pub mod codec;
mod ctrl;
mod error;
mod extack;
#[cfg(feature = "fuzz")]
pub mod fuzz;
pub mod json;
mod msg;
mod request;
mod socket;
pub mod wire;

pub use attr::{Attr, Attrs, DecodeError};
pub use client::Client;
pub use codec::{Bitfield32, CheckError, Decode, Encode};
pub use ctrl::Family;
pub use error::Error;
pub use extack::{attr_path, Extack};
pub use msg::{Msg, Msgs};
pub use request::{Nest, Request, RequestAttrs};
pub use socket::{Replies, Socket};
