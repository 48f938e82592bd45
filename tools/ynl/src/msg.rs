// SPDX-License-Identifier: GPL-2.0

//! Reading received messages: a view of one netlink message in the
//! receive buffer, and the messages of one datagram.

use crate::attr::{Attrs, DecodeError};
use crate::wire::{self, GENL_HDRLEN, NLMSG_HDRLEN};

/// One received netlink message, borrowed from the receive buffer.
#[derive(Clone, Copy, Debug)]
pub struct Msg<'a> {
    bytes: &'a [u8],
}

impl<'a> Msg<'a> {
    /// `nlmsg_type`: the family id, or a core type (`NLMSG_ERROR`...).
    #[inline]
    pub fn ty(&self) -> u16 {
        wire::u16_at(self.bytes, 4).unwrap_or(0)
    }

    /// `nlmsg_flags`.
    #[inline]
    pub fn flags(&self) -> u16 {
        wire::u16_at(self.bytes, 6).unwrap_or(0)
    }

    /// `nlmsg_seq`.
    #[inline]
    pub fn seq(&self) -> u32 {
        wire::u32_at(self.bytes, 8).unwrap_or(0)
    }

    /// `nlmsg_pid`: the sender's port (0: the kernel).
    #[inline]
    pub fn portid(&self) -> u32 {
        wire::u32_at(self.bytes, 12).unwrap_or(0)
    }

    /// The whole message, headers included.
    #[inline]
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// What follows the netlink header.
    #[inline]
    pub fn payload(&self) -> &'a [u8] {
        &self.bytes[NLMSG_HDRLEN..]
    }

    /// The generic netlink command.
    #[inline]
    pub fn cmd(&self) -> Result<u8, DecodeError> {
        self.genl_header().map(|h| h[0])
    }

    /// The generic netlink version.
    #[inline]
    pub fn version(&self) -> Result<u8, DecodeError> {
        self.genl_header().map(|h| h[1])
    }

    #[inline]
    fn genl_header(&self) -> Result<&'a [u8], DecodeError> {
        self.payload()
            .get(..GENL_HDRLEN)
            .ok_or(DecodeError::ShortMessage {
                len: self.bytes.len(),
                need: NLMSG_HDRLEN + GENL_HDRLEN,
            })
    }

    /// The family's fixed header of `len` bytes (0 for most families).
    pub fn fixed_header(&self, len: usize) -> Result<&'a [u8], DecodeError> {
        let start = NLMSG_HDRLEN + GENL_HDRLEN;
        self.bytes
            .get(start..start + len)
            .ok_or(DecodeError::ShortMessage {
                len: self.bytes.len(),
                need: start + len,
            })
    }

    /// The attributes, after a fixed header of `fixed` bytes.
    #[inline]
    pub fn attrs(&self, fixed: usize) -> Result<Attrs<'a>, DecodeError> {
        let start = NLMSG_HDRLEN + GENL_HDRLEN + wire::align(fixed);
        match self.bytes.get(start..) {
            Some(b) => Ok(Attrs::new(b)),
            None => Err(DecodeError::ShortMessage {
                len: self.bytes.len(),
                need: start,
            }),
        }
    }
}

/// The messages of one datagram, in order. A message whose length is
/// shorter than its header or longer than what is left ends the walk
/// with an error.
#[derive(Clone, Copy, Debug)]
pub struct Msgs<'a> {
    bytes: &'a [u8],
}

impl<'a> Msgs<'a> {
    /// The messages of the datagram `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Self { bytes }
    }
}

impl<'a> Iterator for Msgs<'a> {
    type Item = Result<Msg<'a>, DecodeError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.bytes.is_empty() {
            return None;
        }
        let len = wire::u32_at(self.bytes, 0).map_or(0, |l| l as usize);
        if len < NLMSG_HDRLEN || len > self.bytes.len() {
            let err = DecodeError::ShortMessage {
                len: self.bytes.len(),
                need: len.max(NLMSG_HDRLEN),
            };
            self.bytes = &[];
            return Some(Err(err));
        }
        let (msg, rest) = self.bytes.split_at(len);
        self.bytes = rest.get(wire::align(len) - len..).unwrap_or(&[]);
        Some(Ok(Msg { bytes: msg }))
    }
}
