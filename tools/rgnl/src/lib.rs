//! Client for the `rgnl` generic netlink family (see
//! `Documentation/netlink/specs/rgnl.yaml`).
//!
//! ```no_run
//! let mut client = rgnl::Client::connect()?;
//! let reply = client.echo(&[(rgnl::Attr::Value, b"hello".to_vec())])?;
//! # Ok::<(), rgnl::Error>(())
//! ```

mod proto;

pub use proto::{Attr, Cmd, FAMILY_NAME, FAMILY_VERSION};

use neli::{
    consts::{nl::NlmF, nl::NlmFFlags, nl::Nlmsg, socket::NlFamily},
    err::NlError,
    genl::{Genlmsghdr, Nlattr},
    nl::{NlPayload, Nlmsghdr},
    socket::NlSocketHandle,
    types::{Buffer, GenlBuffer},
};

/// What can go wrong talking to the family.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The family is not registered: the module is not loaded.
    #[error("generic netlink family \"{0}\" not found: is its module loaded?")]
    NotLoaded(String),
    /// The kernel refused the request with this errno.
    #[error("kernel refused the request: {}", std::io::Error::from_raw_os_error(*.0))]
    Kernel(i32),
    /// The reply was not what the family sends.
    #[error("unexpected reply: {0}")]
    Protocol(String),
    /// A socket or encoding error.
    #[error("netlink: {0}")]
    Netlink(String),
}

impl<T: std::fmt::Debug, P: std::fmt::Debug> From<NlError<T, P>> for Error {
    fn from(e: NlError<T, P>) -> Self {
        match e {
            NlError::Nlmsgerr(err) => Error::Kernel(-err.error),
            other => Error::Netlink(format!("{other:?}")),
        }
    }
}

/// The netlink message of a request of `cmd` with `attrs` to `family_id`.
pub fn build_request(family_id: u16, cmd: Cmd, attrs: &[RawAttr]) -> Result<Request, Error> {
    build_message(family_id, cmd, attrs, &[NlmF::Request, NlmF::Ack])
}

fn build_message(
    family_id: u16,
    cmd: Cmd,
    attrs: &[RawAttr],
    flags: &[NlmF],
) -> Result<Request, Error> {
    let mut buf = GenlBuffer::new();
    for (t, payload) in attrs {
        let attr = Nlattr::new(false, false, *t, Buffer::from(payload.as_slice()))
            .map_err(|e| Error::Netlink(format!("encoding {t:?}: {e}")))?;
        buf.push(attr);
    }
    Ok(Nlmsghdr::new(
        None,
        family_id,
        NlmFFlags::new(flags),
        None,
        None,
        NlPayload::Payload(Genlmsghdr::new(cmd, FAMILY_VERSION, buf)),
    ))
}

/// A request message of the family.
pub type Request = Nlmsghdr<u16, Genlmsghdr<Cmd, Attr>>;

/// The attributes of a received message, in order.
fn raw_attrs(genl: &Genlmsghdr<Cmd, Attr>) -> Vec<RawAttr> {
    genl.get_attr_handle()
        .iter()
        .map(|a| (a.nla_type.nla_type, a.nla_payload.as_ref().to_vec()))
        .collect()
}

/// One attribute of a message: its type and raw payload.
pub type RawAttr = (Attr, Vec<u8>);

/// A connection to the `rgnl` family.
pub struct Client {
    sock: NlSocketHandle,
    family_id: u16,
}

impl Client {
    /// Opens a generic netlink socket and resolves the family id by name
    /// through nlctrl.
    pub fn connect() -> Result<Self, Error> {
        Self::connect_to(FAMILY_NAME)
    }

    /// Like [`Client::connect`], for the family called `name` (any family
    /// speaking this attribute encoding, e.g. the `rgnl_echo` sample).
    pub fn connect_to(name: &str) -> Result<Self, Error> {
        let mut sock = NlSocketHandle::connect(NlFamily::Generic, None, &[])
            .map_err(|e| Error::Netlink(format!("socket: {e}")))?;
        let family_id = sock
            .resolve_genl_family(name)
            .map_err(|_| Error::NotLoaded(name.to_string()))?;
        Ok(Self { sock, family_id })
    }

    /// The family id the kernel assigned.
    pub fn family_id(&self) -> u16 {
        self.family_id
    }

    /// Sends `cmd` with `attrs` and returns the attributes of the reply.
    pub fn request(&mut self, cmd: Cmd, attrs: &[RawAttr]) -> Result<Vec<RawAttr>, Error> {
        let msg = build_request(self.family_id, cmd, attrs)?;
        self.sock
            .send(msg)
            .map_err(|e| Error::Netlink(format!("send: {e}")))?;
        // With NLM_F_ACK the kernel ends every request with an ACK (or the
        // error); a reply, if the command has one, comes before it.
        let mut attrs = Vec::new();
        loop {
            let msg: Nlmsghdr<u16, Genlmsghdr<Cmd, Attr>> = self
                .sock
                .recv()?
                .ok_or_else(|| Error::Protocol("socket closed before the ACK".into()))?;
            match msg.nl_payload {
                NlPayload::Ack(_) => return Ok(attrs),
                NlPayload::Err(e) => return Err(Error::Kernel(-e.error)),
                NlPayload::Payload(genl) => attrs.extend(raw_attrs(&genl)),
                NlPayload::Empty => return Err(Error::Protocol("empty message".into())),
            }
        }
    }

    /// Dumps `cmd` with `attrs` as the filter: the attributes of every
    /// message, in order, and whether the kernel flagged the dump
    /// interrupted (`NLM_F_DUMP_INTR`: the data changed under it).
    pub fn dump(
        &mut self,
        cmd: Cmd,
        attrs: &[RawAttr],
    ) -> Result<(Vec<Vec<RawAttr>>, bool), Error> {
        let mut out = Vec::new();
        let interrupted = self.dump_each(cmd, attrs, |m| {
            out.push(m);
            Ok(())
        })?;
        Ok((out, interrupted))
    }

    /// Like [`Client::dump`], handing each message's attributes to `each`
    /// as it arrives (the kernel fills the next skb only once the previous
    /// one was read). Returns whether the dump was flagged interrupted.
    pub fn dump_each(
        &mut self,
        cmd: Cmd,
        attrs: &[RawAttr],
        mut each: impl FnMut(Vec<RawAttr>) -> Result<(), Error>,
    ) -> Result<bool, Error> {
        let msg = build_message(self.family_id, cmd, attrs, &[NlmF::Request, NlmF::Dump])?;
        self.sock
            .send(msg)
            .map_err(|e| Error::Netlink(format!("send: {e}")))?;
        let mut interrupted = false;
        for reply in self.sock.iter::<u16, Genlmsghdr<Cmd, Attr>>(false) {
            let reply = reply?;
            if reply.nl_type == u16::from(Nlmsg::Done) {
                break;
            }
            interrupted |= reply.nl_flags.contains(&NlmF::DumpIntr);
            let genl = reply
                .get_payload()
                .map_err(|e| Error::Protocol(format!("{e}")))?;
            each(raw_attrs(genl))?;
        }
        Ok(interrupted)
    }

    /// Subscribes to the multicast group `group` of the family.
    pub fn subscribe(&mut self, family: &str, group: &str) -> Result<(), Error> {
        let id = self
            .sock
            .resolve_nl_mcast_group(family, group)
            .map_err(|e| Error::Netlink(format!("group {family}/{group}: {e}")))?;
        self.sock
            .add_mcast_membership(&[id])
            .map_err(|e| Error::Netlink(format!("joining {family}/{group}: {e}")))
    }

    /// Waits for the next message (a notification, after
    /// [`Client::subscribe`]): its command and attributes.
    pub fn next_notification(&mut self) -> Result<(Cmd, Vec<RawAttr>), Error> {
        let msg: Nlmsghdr<u16, Genlmsghdr<Cmd, Attr>> = self
            .sock
            .recv()?
            .ok_or_else(|| Error::Protocol("socket closed".into()))?;
        let genl = msg
            .get_payload()
            .map_err(|e| Error::Protocol(format!("{e}")))?;
        Ok((genl.cmd, raw_attrs(genl)))
    }

    /// ECHO: the kernel returns the attributes unchanged.
    pub fn echo(&mut self, attrs: &[RawAttr]) -> Result<Vec<RawAttr>, Error> {
        self.request(Cmd::Echo, attrs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use neli::ToBytes;
    use std::io::Cursor;

    fn encode(msg: &Request) -> Vec<u8> {
        let mut cur = Cursor::new(Vec::new());
        msg.to_bytes(&mut cur).expect("serialize");
        cur.into_inner()
    }

    #[test]
    fn echo_request_wire_format() {
        let msg = build_request(0x18, Cmd::Echo, &[(Attr::Value, b"hi".to_vec())]).unwrap();
        let mut want = Vec::new();
        want.extend(28u32.to_ne_bytes()); // nlmsg_len: 16 + 4 + 8
        want.extend(0x18u16.to_ne_bytes()); // nlmsg_type: the family id
        want.extend(5u16.to_ne_bytes()); // NLM_F_REQUEST | NLM_F_ACK
        want.extend(0u32.to_ne_bytes()); // seq
        want.extend(0u32.to_ne_bytes()); // portid
        want.extend([6, 1, 0, 0]); // cmd ECHO, version 1, reserved
        want.extend(6u16.to_ne_bytes()); // nla_len: 4 + 2
        want.extend(3u16.to_ne_bytes()); // VALUE
        want.extend(b"hi\0\0"); // payload, padded to 4
        assert_eq!(encode(&msg), want);
    }

    #[test]
    fn attribute_numbers_match_the_spec() {
        assert_eq!(u16::from(Attr::Key), 2);
        assert_eq!(u16::from(Attr::Value), 3);
        assert_eq!(u16::from(Attr::Tag), 4);
        assert_eq!(u8::from(Cmd::Echo), 6);
    }
}
