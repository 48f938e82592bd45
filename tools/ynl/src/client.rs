// SPDX-License-Identifier: GPL-2.0

//! A socket bound to one family: what a generated client's typed calls run
//! on. Each call writes its request ([`Encode`], the spec's checks first),
//! and hands the replies, still in the receive buffer, to the caller's
//! decoder.

use crate::codec::Encode;
use crate::{Error, Family, Msg, Replies, Request, Socket};
use std::os::fd::{AsFd, BorrowedFd};

/// A socket talking to one generic netlink family.
pub struct Client {
    sock: Socket,
    family: Family,
    version: u8,
}

impl Client {
    /// A new socket, with family `name` resolved through nlctrl; requests
    /// carry `version` (the spec's).
    pub fn open(name: &str, version: u8) -> Result<Self, Error> {
        let mut sock = Socket::open()?;
        let family = sock.resolve(name)?;
        Ok(Self {
            sock,
            family,
            version,
        })
    }

    /// The family, as nlctrl described it.
    pub fn family(&self) -> &Family {
        &self.family
    }

    /// The socket, for what the typed calls do not cover.
    pub fn socket(&mut self) -> &mut Socket {
        &mut self.sock
    }

    /// A request of command `cmd` with `attrs`, checked.
    fn request(&self, cmd: u8, attrs: &impl Encode, flags: u16) -> Result<Request, Error> {
        attrs.check()?;
        let mut req = Request::new(self.family.id, cmd, self.version, flags);
        attrs.encode(&mut req);
        Ok(req)
    }

    /// Sends do request `attrs` of command `cmd` (with `flags` besides
    /// `NLM_F_REQUEST | NLM_F_ACK`) and hands its reply of command `reply`
    /// to `decode`; `None` if the kernel sent none.
    pub fn call<T>(
        &mut self,
        cmd: u8,
        attrs: &impl Encode,
        flags: u16,
        reply: u8,
        decode: impl FnOnce(Msg<'_>) -> Result<T, Error>,
    ) -> Result<Option<T>, Error> {
        let mut req = self.request(cmd, attrs, flags)?;
        let mut decode = Some(decode);
        let mut out = None;
        self.sock.exec(&mut req, Replies::Cmds(&[reply]), |m| {
            if let Some(decode) = decode.take() {
                out = Some(decode(m)?);
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// Sends do request `attrs` of command `cmd`, answered by its ACK
    /// alone.
    pub fn call_ack(&mut self, cmd: u8, attrs: &impl Encode, flags: u16) -> Result<(), Error> {
        let mut req = self.request(cmd, attrs, flags)?;
        self.sock.exec(&mut req, Replies::None, |_| Ok(()))
    }

    /// Dumps with request `attrs` of command `cmd`, handing each message
    /// of command `reply` to `each`, to `NLMSG_DONE`.
    pub fn dump(
        &mut self,
        cmd: u8,
        attrs: &impl Encode,
        reply: u8,
        each: impl FnMut(Msg<'_>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut req = self.request(cmd, attrs, 0)?;
        self.sock.dump(&mut req, reply, each)
    }

    /// Joins multicast group `name` of the family.
    pub fn join(&mut self, name: &str) -> Result<(), Error> {
        let group = self.family.group(name)?;
        self.sock.join(group)
    }

    /// Hands the next notification to `f`.
    pub fn next_event<R>(&mut self, f: impl FnOnce(Msg<'_>) -> R) -> Result<R, Error> {
        self.sock.next_event(f)
    }

    /// Hands the next notification to `f` if one is queued, without
    /// waiting (see [`Socket::try_next_event`]); a generated `Event`
    /// decodes it: `c.try_next_event(|m| Event::decode_msg(&m))`.
    pub fn try_next_event<R>(&mut self, f: impl FnOnce(Msg<'_>) -> R) -> Result<Option<R>, Error> {
        self.sock.try_next_event(f)
    }
}

impl AsFd for Client {
    /// The socket's descriptor, for an event loop to poll.
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.sock.as_fd()
    }
}
