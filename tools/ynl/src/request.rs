// SPDX-License-Identifier: GPL-2.0

//! Writing a request: the headers, then attributes and nests.
//!
//! Puts do not fail one by one: an attribute or nest longer than
//! `nla_len` can say marks the request, and sending it fails with
//! [`crate::Error::Encode`] naming the attribute (nothing truncated is
//! ever sent).

use crate::wire::{self, GENL_HDRLEN, NLA_F_NESTED, NLA_HDRLEN, NLMSG_HDRLEN, NLM_F_REQUEST};

/// A generic netlink request being written.
#[derive(Clone, Debug)]
pub struct Request {
    buf: Vec<u8>,
    /// The first attribute that did not fit, if any.
    overflow: Option<u16>,
    /// The flags given to [`Request::new`], with `NLM_F_REQUEST`.
    flags: u16,
    /// Where the attributes start.
    attrs_at: usize,
}

/// A nest opened by [`Request::nest_start`], closed by
/// [`Request::nest_end`].
#[must_use = "a nest must be closed with Request::nest_end"]
pub struct Nest {
    start: usize,
    ty: u16,
}

impl Request {
    /// A request of command `cmd`, version `version`, to family `family`
    /// (its id from [`crate::Socket::resolve`]). `flags` are added to
    /// `NLM_F_REQUEST` (the socket adds `NLM_F_ACK` or `NLM_F_DUMP` as
    /// the call asks).
    pub fn new(family: u16, cmd: u8, version: u8, flags: u16) -> Self {
        let mut buf = Vec::with_capacity(256);
        buf.extend_from_slice(&0u32.to_ne_bytes());
        buf.extend_from_slice(&family.to_ne_bytes());
        buf.extend_from_slice(&(NLM_F_REQUEST | flags).to_ne_bytes());
        buf.extend_from_slice(&[0; 8]);
        buf.extend_from_slice(&[cmd, version, 0, 0]);
        Self {
            buf,
            overflow: None,
            flags: NLM_F_REQUEST | flags,
            attrs_at: NLMSG_HDRLEN + GENL_HDRLEN,
        }
    }

    /// Appends a family's fixed header (`fixed-header` in the spec),
    /// before any attribute.
    pub fn fixed_header(&mut self, bytes: &[u8]) -> &mut Self {
        self.buf.extend_from_slice(bytes);
        self.pad();
        self.attrs_at = self.buf.len();
        self
    }

    fn pad(&mut self) {
        self.buf.resize(wire::align(self.buf.len()), 0);
    }

    /// Appends attribute `ty` with `payload`.
    pub fn put(&mut self, ty: u16, payload: &[u8]) -> &mut Self {
        self.put_parts(ty, &[payload])
    }

    fn put_parts(&mut self, ty: u16, parts: &[&[u8]]) -> &mut Self {
        let len: usize = parts.iter().map(|p| p.len()).sum();
        let Ok(nla_len) = u16::try_from(NLA_HDRLEN + len) else {
            self.overflow.get_or_insert(ty);
            return self;
        };
        self.buf.extend_from_slice(&nla_len.to_ne_bytes());
        self.buf.extend_from_slice(&ty.to_ne_bytes());
        for p in parts {
            self.buf.extend_from_slice(p);
        }
        self.pad();
        self
    }

    /// A `u8`.
    pub fn put_u8(&mut self, ty: u16, v: u8) -> &mut Self {
        self.put(ty, &[v])
    }

    /// A `u16`, host order.
    pub fn put_u16(&mut self, ty: u16, v: u16) -> &mut Self {
        self.put(ty, &v.to_ne_bytes())
    }

    /// A `u32`, host order.
    pub fn put_u32(&mut self, ty: u16, v: u32) -> &mut Self {
        self.put(ty, &v.to_ne_bytes())
    }

    /// A `u64`, host order. (The kernel reads 64-bit attributes
    /// unaligned: requests need no pad attribute.)
    pub fn put_u64(&mut self, ty: u16, v: u64) -> &mut Self {
        self.put(ty, &v.to_ne_bytes())
    }

    /// A `flag`: present when `on`.
    pub fn put_flag(&mut self, ty: u16, on: bool) -> &mut Self {
        if on {
            self.put(ty, &[]);
        }
        self
    }

    /// A `string`, NUL-terminated as the kernel's policies want.
    pub fn put_str(&mut self, ty: u16, s: &str) -> &mut Self {
        self.put_parts(ty, &[s.as_bytes(), &[0]])
    }

    /// A YNL `uint`, in the fewest bytes of 4 or 8 (as `nla_put_uint`).
    pub fn put_uint(&mut self, ty: u16, v: u64) -> &mut Self {
        match u32::try_from(v) {
            Ok(v) => self.put(ty, &v.to_ne_bytes()),
            Err(_) => self.put(ty, &v.to_ne_bytes()),
        }
    }

    /// A YNL `sint`, in the fewest bytes of 4 or 8.
    pub fn put_sint(&mut self, ty: u16, v: i64) -> &mut Self {
        match i32::try_from(v) {
            Ok(v) => self.put(ty, &v.to_ne_bytes()),
            Err(_) => self.put(ty, &v.to_ne_bytes()),
        }
    }

    /// Opens nest `ty` (flagged `NLA_F_NESTED`, which strict policies
    /// require); what is put until [`Request::nest_end`] goes inside.
    pub fn nest_start(&mut self, ty: u16) -> Nest {
        let start = self.buf.len();
        self.buf.extend_from_slice(&0u16.to_ne_bytes());
        self.buf
            .extend_from_slice(&(ty | NLA_F_NESTED).to_ne_bytes());
        Nest { start, ty }
    }

    /// Closes `nest`, writing its length.
    pub fn nest_end(&mut self, nest: Nest) -> &mut Self {
        match u16::try_from(self.buf.len() - nest.start) {
            Ok(len) => self.buf[nest.start..nest.start + 2].copy_from_slice(&len.to_ne_bytes()),
            Err(_) => {
                self.overflow.get_or_insert(nest.ty);
            }
        }
        self
    }

    /// Nest `ty`, whose attributes `fill` puts.
    pub fn nest(&mut self, ty: u16, fill: impl FnOnce(&mut Self)) -> &mut Self {
        let nest = self.nest_start(ty);
        fill(self);
        self.nest_end(nest)
    }

    /// The attribute that did not fit, if one did not.
    pub fn overflow(&self) -> Option<u16> {
        self.overflow
    }

    /// The command.
    pub fn cmd(&self) -> u8 {
        self.buf[NLMSG_HDRLEN]
    }

    /// The `NLM_F_*` flags given to [`Request::new`], with `NLM_F_REQUEST`.
    pub fn flags(&self) -> u16 {
        self.flags
    }

    /// The whole message with sequence number `seq` and flags `flags`
    /// added (for this send only): what is sent.
    pub(crate) fn finish(&mut self, seq: u32, flags: u16) -> &[u8] {
        let len = u32::try_from(self.buf.len()).unwrap_or(u32::MAX);
        self.buf[0..4].copy_from_slice(&len.to_ne_bytes());
        self.buf[6..8].copy_from_slice(&(self.flags | flags).to_ne_bytes());
        self.buf[8..12].copy_from_slice(&seq.to_ne_bytes());
        &self.buf
    }

    /// The message as written so far (headers with length 0 until sent).
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf
    }

    /// Where the attributes start: after the headers and the fixed
    /// header, if any.
    pub(crate) fn attrs_at(&self) -> usize {
        self.attrs_at
    }
}

/// The attributes of one request of a family: what a generated request
/// builder implements, so that checking and writing are the same for all.
pub trait RequestAttrs {
    /// Why the attributes break the spec's limits.
    type Error;

    /// The spec's checks on the attributes given.
    fn check(&self) -> Result<(), Self::Error>;

    /// Writes the attributes as given into `req`, unchecked (the kernel
    /// validates them too).
    fn encode(&self, req: &mut Request);

    /// Writes the attributes into `req`, after [`RequestAttrs::check`].
    fn write(&self, req: &mut Request) -> Result<(), Self::Error> {
        self.check()?;
        self.encode(req);
        Ok(())
    }
}
