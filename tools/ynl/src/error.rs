// SPDX-License-Identifier: GPL-2.0

//! What can go wrong talking to a family.

use crate::{attr::DecodeError, extack::Extack};

/// An error of the runtime: each says what happened in the protocol's
/// words, so that a caller can tell a refusal from a lost event.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A system call failed.
    #[error("{doing}: {source}")]
    Io {
        /// What was being done.
        doing: &'static str,
        /// The error.
        source: std::io::Error,
    },
    /// The kernel refused the request: errno, and what its extack said.
    #[error("{}{}", std::io::Error::from_raw_os_error(*.errno), describe(.extack))]
    Kernel {
        /// The positive errno.
        errno: i32,
        /// The extended ACK.
        extack: Extack,
    },
    /// `NLM_F_DUMP_INTR`: the objects changed during the dump, which is
    /// complete but may be inconsistent. Dump again.
    #[error("dump interrupted (NLM_F_DUMP_INTR): the data changed while it ran; dump again")]
    DumpInterrupted,
    /// A datagram larger than the receive buffer (`MSG_TRUNC`): its
    /// messages are lost.
    #[error("a {len}-byte datagram did not fit the {buf}-byte receive buffer")]
    Truncated {
        /// The datagram's length.
        len: usize,
        /// The receive buffer's.
        buf: usize,
    },
    /// `ENOBUFS` on a socket with groups: notifications were dropped
    /// because the socket's receive queue was full. Resynchronise (dump).
    #[error("notifications lost (ENOBUFS): the receive queue overflowed; resync with a dump")]
    EventsLost,
    /// A message or attribute is not what the protocol says.
    #[error("decoding: {0}")]
    Decode(#[from] DecodeError),
    /// A reply the request does not explain.
    #[error("protocol: {0}")]
    Protocol(String),
    /// nlctrl does not know the family: its module is not loaded.
    #[error("generic netlink family \"{0}\" not found: is its module loaded?")]
    UnknownFamily(String),
    /// The family has no such multicast group.
    #[error("family \"{family}\" has no multicast group \"{group}\"")]
    UnknownGroup {
        /// The family.
        family: String,
        /// The group asked for.
        group: String,
    },
    /// A request the spec's checks refuse, found before sending.
    #[error("{0}")]
    Check(#[from] crate::codec::CheckError),
    /// A request that cannot be encoded: attribute `attr` (or a nest of
    /// it) is longer than `nla_len` can say.
    #[error("attribute {0} is longer than an attribute can be (65,535 bytes with its header)")]
    Encode(u16),
}

impl Error {
    /// The errno of a kernel refusal.
    pub fn errno(&self) -> Option<i32> {
        match self {
            Error::Kernel { errno, .. } => Some(*errno),
            _ => None,
        }
    }
}

fn path(p: &[u16]) -> String {
    p.iter().map(u16::to_string).collect::<Vec<_>>().join(".")
}

fn describe(ext: &Extack) -> String {
    let mut s = String::new();
    if let Some(m) = &ext.msg {
        s += &format!(": {m}");
    }
    if let Some(p) = &ext.bad_attr {
        s += &format!(" (attribute {})", path(p));
    }
    if let Some(t) = ext.miss_type {
        match &ext.miss_nest {
            Some(n) => s += &format!(" (missing attribute {t} in {})", path(n)),
            None => s += &format!(" (missing attribute {t})"),
        }
    }
    s
}
