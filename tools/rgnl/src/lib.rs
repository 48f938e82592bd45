//! Client for the `rgnl` generic netlink family (see
//! `Documentation/netlink/specs/rgnl.yaml`).
//!
//! The typed API covers the registry: [`Client::set`], [`Client::get`],
//! [`Client::list`], [`Client::del`], [`Client::flush`], [`Client::stats`],
//! [`Client::set_limits`] and, after [`Client::subscribe_events`],
//! [`Client::next_event`]. [`Client::request`] and [`Client::dump`] send
//! any command of any family that uses this attribute encoding.
//!
//! The family's numbers, its request builders (which check the spec's
//! limits before sending) and its reply and notification types are
//! generated from the spec (`ynl-gen-rust.py --mode user`) into [`proto`],
//! whose items are re-exported here.
//!
//! ```no_run
//! use rgnl::{Client, SetFlags};
//! let mut client = Client::connect()?;
//! let stored = client.set("colour", b"blue", 7, SetFlags::UPSERT)?;
//! assert_eq!(client.get("colour")?.revision, stored.revision);
//! for entry in client.list("col")? {
//!     println!("{} = {}", entry.key, rgnl::value::display(&entry.value));
//! }
//! # Ok::<(), rgnl::Error>(())
//! ```

mod model;
pub mod proto;
pub mod value;

pub use model::Stats;
pub use proto::*;

use neli::{
    consts::{
        nl::{NlmF, Nlmsg, NlmsgerrAttr},
        socket::{Msg, NlFamily},
    },
    err::Nlmsgerr,
    genl::{AttrTypeBuilder, Genlmsghdr, GenlmsghdrBuilder, NlattrBuilder, NoUserHeader},
    nl::{NlPayload, Nlmsghdr, NlmsghdrBuilder},
    router::synchronous::NlRouter,
    socket::NlSocket,
    types::{Buffer, GenlBuffer, NlBuffer},
    utils::Groups,
    FromBytesWithInput, Size, ToBytes,
};
use std::fmt::Display;

/// A message of the family: generic netlink header and attributes.
pub type Message = Genlmsghdr<Cmd, Attr>;

/// One attribute of a message: its type and raw payload.
pub type RawAttr = (Attr, Vec<u8>);

/// How ENTRY_NEW treats an existing or missing key: the request's
/// `NLM_F_CREATE`, `NLM_F_EXCL` and `NLM_F_REPLACE`, as rtnetlink uses them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SetFlags {
    /// Create the entry if the key is missing (else ENOENT).
    pub create: bool,
    /// Fail with EEXIST if the key exists.
    pub excl: bool,
    /// Replace the entry if the key exists (else EEXIST). Not together
    /// with `excl`: `NLM_F_EXCL | NLM_F_REPLACE` is `NLM_F_DUMP`, and the
    /// kernel would take the request for a dump (EOPNOTSUPP).
    pub replace: bool,
}

impl SetFlags {
    /// Create or replace: `NLM_F_CREATE | NLM_F_REPLACE`.
    pub const UPSERT: Self = Self {
        create: true,
        excl: false,
        replace: true,
    };

    fn nlm_flags(self) -> NlmF {
        let mut f = NlmF::empty();
        if self.create {
            f |= NlmF::CREATE;
        }
        if self.excl {
            f |= NlmF::EXCL;
        }
        if self.replace {
            f |= NlmF::REPLACE;
        }
        f
    }
}

/// A time to live for ENTRY_NEW.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lease {
    /// Milliseconds, [`Attr::TTL_MS_MIN`] to [`Attr::TTL_MS_MAX`].
    pub ttl_ms: u32,
    /// Whether the kernel unicasts the expiry notice to this socket.
    pub notify_owner: bool,
}

/// What can go wrong talking to the family.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The family is not registered: the module is not loaded.
    #[error("generic netlink family \"{0}\" not found: is its module loaded?")]
    NotLoaded(String),
    /// The kernel refused the request with this errno, and the extack
    /// message when it gave one.
    #[error("kernel refused the request: {}{}", std::io::Error::from_raw_os_error(*.errno), .msg.as_deref().map(|m| format!(": {m}")).unwrap_or_default())]
    Kernel {
        /// The (positive) errno.
        errno: i32,
        /// The extack message (`NL_SET_ERR_MSG`), if any.
        msg: Option<String>,
    },
    /// The reply was not what the family sends.
    #[error("unexpected reply: {0}")]
    Protocol(String),
    /// A request the spec's checks refuse, not sent.
    #[error("{0}")]
    Invalid(String),
    /// A socket or encoding error.
    #[error("netlink: {0}")]
    Netlink(String),
}

/// Maps a neli error to [`Error::Netlink`], saying what was being done.
fn netlink<E: Display>(doing: &'static str) -> impl Fn(E) -> Error {
    move |e| Error::Netlink(format!("{doing}: {e}"))
}

/// The kernel's refusal, with the extack message (NLMSGERR_ATTR_MSG).
fn refusal<M>(err: &Nlmsgerr<M>) -> Error {
    let msg = err
        .ext_ack()
        .iter()
        .find(|a| *a.nla_type().nla_type() == NlmsgerrAttr::Msg)
        .map(|a| {
            let text = a.nla_payload().as_ref();
            let text = text.strip_suffix(b"\0").unwrap_or(text);
            String::from_utf8_lossy(text).into_owned()
        });
    Error::Kernel {
        errno: -*err.error(),
        msg,
    }
}

/// The generic netlink part of a request of `cmd` with `attrs`: what goes
/// after the netlink header.
pub fn build_request(cmd: Cmd, attrs: &[RawAttr]) -> Result<Message, Error> {
    let mut buf = GenlBuffer::new();
    for (t, payload) in attrs {
        let nla_type = AttrTypeBuilder::default()
            .nla_type(*t)
            .build()
            .map_err(netlink("encoding an attribute"))?;
        let attr = NlattrBuilder::default()
            .nla_type(nla_type)
            .nla_payload(Buffer::from(payload.as_slice()))
            .build()
            .map_err(netlink("encoding an attribute"))?;
        buf.push(attr);
    }
    GenlmsghdrBuilder::<Cmd, Attr, NoUserHeader>::default()
        .cmd(cmd)
        .version(FAMILY_VERSION)
        .attrs(buf)
        .build()
        .map_err(netlink("encoding the request"))
}

/// The attributes of a received message, in order.
fn raw_attrs(genl: &Message) -> Vec<RawAttr> {
    genl.attrs()
        .iter()
        .map(|a| (*a.nla_type().nla_type(), a.nla_payload().as_ref().to_vec()))
        .collect()
}

/// The receive buffer: what the YNL C library takes, so that replies with
/// attributes up to the 64 KiB `nla_len` allows arrive whole.
const RECV_BUFFER_LEN: usize = 128 << 10;

/// A connection to a family (by default `rgnl`). Requests carry
/// `NLM_F_ACK`, and the socket asks for extended ACKs, so a refusal comes
/// back as [`Error::Kernel`] with the kernel's message.
pub struct Client {
    sock: NlSocket,
    /// Allocated once: neli's own receive path zero-fills its buffer after
    /// every datagram, which cost 35 times a raw client's round trip.
    buf: Vec<u8>,
    family: String,
    family_id: u16,
    seq: u32,
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
        let family_id = Self::nlctrl()?
            .resolve_genl_family(name)
            .map_err(|_| Error::NotLoaded(name.to_string()))?;
        let sock = NlSocket::connect(NlFamily::Generic, None, Groups::empty())
            .map_err(netlink("socket"))?;
        sock.enable_ext_ack(true)
            .map_err(netlink("NETLINK_EXT_ACK"))?;
        Ok(Self {
            sock,
            buf: vec![0; RECV_BUFFER_LEN],
            family: name.to_string(),
            family_id,
            seq: 0,
        })
    }

    /// A short-lived connection for nlctrl look-ups (names to ids).
    fn nlctrl() -> Result<NlRouter, Error> {
        NlRouter::connect(NlFamily::Generic, None, Groups::empty())
            .map(|(router, _)| router)
            .map_err(netlink("nlctrl socket"))
    }

    /// The family id the kernel assigned.
    pub fn family_id(&self) -> u16 {
        self.family_id
    }

    fn send(&mut self, cmd: Cmd, attrs: &[RawAttr], flags: NlmF) -> Result<(), Error> {
        self.seq = self.seq.wrapping_add(1);
        let msg = NlmsghdrBuilder::default()
            .nl_type(self.family_id)
            .nl_flags(NlmF::REQUEST | flags)
            .nl_seq(self.seq)
            .nl_payload(NlPayload::Payload(build_request(cmd, attrs)?))
            .build()
            .map_err(netlink("encoding the request"))?;
        let mut bytes = std::io::Cursor::new(vec![0; msg.padded_size()]);
        msg.to_bytes(&mut bytes)
            .map_err(netlink("encoding the request"))?;
        self.sock
            .send(bytes.get_ref(), Msg::empty())
            .map(drop)
            .map_err(netlink("send"))
    }

    /// Reads one datagram (one skb): the messages in it.
    fn recv(&mut self) -> Result<NlBuffer<u16, Message>, Error> {
        let (len, _) = self
            .sock
            .recv(&mut self.buf[..], Msg::empty())
            .map_err(netlink("recv"))?;
        let data = self.buf.get(..len).unwrap_or(&self.buf);
        NlBuffer::from_bytes_with_input(&mut std::io::Cursor::new(data), data.len())
            .map_err(netlink("decoding a reply"))
    }

    /// The refusal `e`, or [`Error::NotLoaded`] when it says the family
    /// went away under the request: a dump refused with `EPROTONOSUPPORT`
    /// (its module is unloading), or `ENOENT` without an extack message
    /// (the genetlink core's answer for an unknown family id) on an id
    /// nlctrl no longer gives the family.
    fn unless_gone(&self, e: Error) -> Error {
        let gone = match e {
            Error::Kernel {
                errno: libc::EPROTONOSUPPORT,
                ..
            } => true,
            Error::Kernel {
                errno: libc::ENOENT,
                msg: None,
            } => {
                Self::nlctrl()
                    .ok()
                    .and_then(|r| r.resolve_genl_family(&self.family).ok())
                    != Some(self.family_id)
            }
            _ => false,
        };
        if gone {
            Error::NotLoaded(self.family.clone())
        } else {
            e
        }
    }

    /// Reads one skb at a time until the ACK (or a dump's DONE), handing
    /// each data message to `each`.
    fn receive(
        &mut self,
        mut each: impl FnMut(&Nlmsghdr<u16, Message>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        loop {
            for msg in self.recv()?.iter() {
                match msg.nl_payload() {
                    NlPayload::Ack(_) => return Ok(()),
                    NlPayload::Err(e) => return Err(self.unless_gone(refusal(e))),
                    NlPayload::DumpExtAck(e) if *e.error() != 0 => {
                        return Err(self.unless_gone(refusal(e)))
                    }
                    NlPayload::Payload(_) => each(msg)?,
                    _ if *msg.nl_type() == u16::from(Nlmsg::Done) => return Ok(()),
                    _ => {}
                }
            }
        }
    }

    /// Sends `cmd` with `attrs` and returns the attributes of the reply,
    /// empty for a command without one.
    pub fn request(&mut self, cmd: Cmd, attrs: &[RawAttr]) -> Result<Vec<RawAttr>, Error> {
        self.request_with(cmd, attrs, NlmF::empty())
    }

    /// [`Client::request`] with extra `NLM_F_*` request flags.
    pub fn request_with(
        &mut self,
        cmd: Cmd,
        attrs: &[RawAttr],
        flags: NlmF,
    ) -> Result<Vec<RawAttr>, Error> {
        self.send(cmd, attrs, NlmF::ACK | flags)?;
        let mut out = Vec::new();
        self.receive(|msg| {
            if let NlPayload::Payload(genl) = msg.nl_payload() {
                out.extend(raw_attrs(genl));
            }
            Ok(())
        })?;
        Ok(out)
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
        self.send(cmd, attrs, NlmF::DUMP)?;
        let mut interrupted = false;
        self.receive(|msg| {
            interrupted |= msg.nl_flags().contains(NlmF::DUMP_INTR);
            match msg.nl_payload() {
                NlPayload::Payload(genl) => each(raw_attrs(genl)),
                _ => Ok(()),
            }
        })?;
        Ok(interrupted)
    }

    /// The id nlctrl gives the multicast group `group` of `family`.
    pub fn group_id(family: &str, group: &str) -> Result<u32, Error> {
        Self::nlctrl()?
            .resolve_nl_mcast_group(family, group)
            .map_err(|e| Error::Netlink(format!("group {family}/{group}: {e}")))
    }

    /// Asks for a receive buffer of `bytes` (the kernel caps it at
    /// `net.core.rmem_max`): a listener that falls behind a burst of
    /// notifications loses them (`ENOBUFS`).
    pub fn set_recv_buffer_size(&mut self, bytes: usize) -> Result<(), Error> {
        self.sock
            .set_recv_buffer_size(bytes)
            .map_err(netlink("SO_RCVBUF"))
    }

    /// Subscribes to the multicast group `group` of `family`.
    pub fn subscribe(&mut self, family: &str, group: &str) -> Result<(), Error> {
        let id = Self::group_id(family, group)?;
        // The kernel's refusal (genl_bind: EPERM for a group that needs
        // CAP_NET_ADMIN) comes back through setsockopt.
        self.sock
            .add_mcast_membership(Groups::new_groups(&[id]))
            .map_err(|e| match e.raw_os_error() {
                Some(errno) => Error::Kernel { errno, msg: None },
                None => netlink("joining the group")(e),
            })
    }

    /// Waits for the next notification (after [`Client::subscribe`]): its
    /// command and attributes.
    pub fn next_notification(&mut self) -> Result<(Cmd, Vec<RawAttr>), Error> {
        loop {
            for msg in self.recv()?.iter() {
                if let NlPayload::Payload(genl) = msg.nl_payload() {
                    return Ok((*genl.cmd(), raw_attrs(genl)));
                }
            }
        }
    }

    /// ECHO: the kernel returns the attributes unchanged.
    pub fn echo(&mut self, attrs: &[RawAttr]) -> Result<Vec<RawAttr>, Error> {
        self.request(Cmd::Echo, attrs)
    }

    /// ENTRY_NEW: stores `value` and `tag` under `key` as `flags` allow,
    /// and returns the entry as stored (the kernel echoes its notification
    /// back, `NLM_F_ECHO`).
    pub fn set(
        &mut self,
        key: &str,
        value: &[u8],
        tag: u32,
        flags: SetFlags,
    ) -> Result<Entry, Error> {
        self.set_with(key, value, tag, flags, None)
    }

    /// [`Client::set`], and the entry expires as `lease` says (never for
    /// `None`). With `notify_owner`, [`Client::next_event`] on this client
    /// receives the expiry notice.
    pub fn set_with(
        &mut self,
        key: &str,
        value: &[u8],
        tag: u32,
        flags: SetFlags,
        lease: Option<Lease>,
    ) -> Result<Entry, Error> {
        let req = EntryNewRequest {
            key: Some(key),
            value: Some(value),
            tag: Some(tag),
            ttl_ms: lease.map(|l| l.ttl_ms),
            notify_owner: lease.is_some_and(|l| l.notify_owner),
        };
        let flags = NlmF::ECHO | flags.nlm_flags();
        // The kernel echoes entry-new-ntf, which carries the stored entry.
        model::entry_of(&self.request_with(EntryNewRequest::CMD, &req.attrs()?, flags)?)
    }

    /// ENTRY_GET: the entry of `key` ([`Error::Kernel`] with ENOENT if
    /// there is none).
    pub fn get(&mut self, key: &str) -> Result<Entry, Error> {
        let req = EntryGetRequest { key: Some(key) };
        model::entry_of(&self.request(EntryGetRequest::CMD, &req.attrs()?)?)
    }

    /// ENTRY_GET dump: every entry whose key starts with `prefix`, in key
    /// order.
    pub fn list(&mut self, prefix: &str) -> Result<Vec<Entry>, Error> {
        let mut out = Vec::new();
        self.list_each(prefix, |e| {
            out.push(e);
            Ok(())
        })?;
        Ok(out)
    }

    /// Like [`Client::list`], handing each entry to `each` as it arrives;
    /// returns whether the dump was flagged interrupted. The prefix is not
    /// checked before sending: the kernel's policy refuses a long one.
    pub fn list_each(
        &mut self,
        prefix: &str,
        mut each: impl FnMut(Entry) -> Result<(), Error>,
    ) -> Result<bool, Error> {
        let req = EntryGetDumpRequest {
            prefix: Some(prefix).filter(|p| !p.is_empty()),
        };
        let cmd = EntryGetDumpRequest::CMD;
        self.dump_each(cmd, &req.encode(), |m| each(model::entry_of(&m)?))
    }

    /// ENTRY_DEL: deletes `key`, returning the entry as it was.
    pub fn del(&mut self, key: &str) -> Result<Entry, Error> {
        let req = EntryDelRequest { key: Some(key) };
        // The kernel echoes entry-del-ntf, which carries the entry as it was.
        let reply = self.request_with(EntryDelRequest::CMD, &req.attrs()?, NlmF::ECHO)?;
        model::entry_of(&reply)
    }

    /// FLUSH: deletes every entry, returning how many there were.
    pub fn flush(&mut self) -> Result<u32, Error> {
        let req = FlushRequest {};
        // The kernel echoes flush-ntf.
        let reply = self.request_with(FlushRequest::CMD, &req.attrs()?, NlmF::ECHO)?;
        Ok(FlushNtf::decode(&reply)?.count)
    }

    /// STATS_GET.
    pub fn stats(&mut self) -> Result<Stats, Error> {
        let req = StatsGetRequest {};
        Ok(Stats::decode(
            &self.request(StatsGetRequest::CMD, &req.attrs()?)?,
        )?)
    }

    /// LIMITS_SET: either or both limits. They are not checked before
    /// sending: the kernel refuses one out of range (ERANGE, with its
    /// extack message); [`LimitsSetRequest::check`] is the spec's range.
    pub fn set_limits(
        &mut self,
        max_entries: Option<u32>,
        max_bytes: Option<u32>,
    ) -> Result<(), Error> {
        let req = LimitsSetRequest {
            max_entries,
            max_bytes,
        };
        self.request(LimitsSetRequest::CMD, &req.encode()).map(drop)
    }

    /// WATCH_SET: this socket receives the entry notifications of `events`
    /// only for keys starting with `prefix` (all of them for "").
    pub fn watch_set(&mut self, prefix: &str) -> Result<(), Error> {
        let req = WatchSetRequest {
            prefix: Some(prefix),
        };
        self.request(WatchSetRequest::CMD, &req.attrs()?).map(drop)
    }

    /// Subscribes to the family's `events` group.
    pub fn subscribe_events(&mut self) -> Result<(), Error> {
        self.subscribe(FAMILY_NAME, GROUP_EVENTS)
    }

    /// Waits for the next notification of `events`.
    pub fn next_event(&mut self) -> Result<Event, Error> {
        let (cmd, attrs) = self.next_notification()?;
        Ok(Event::decode(cmd, &attrs)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use neli::ToBytes;
    use std::io::Cursor;

    #[test]
    fn echo_request_wire_format() {
        let msg = build_request(Cmd::Echo, &[(Attr::Value, b"hi".to_vec())]).unwrap();
        let mut cur = Cursor::new(Vec::new());
        msg.to_bytes(&mut cur).expect("serialize");
        let mut want = vec![6, 1, 0, 0]; // cmd ECHO, version 1, reserved
        want.extend(6u16.to_ne_bytes()); // nla_len: 4 + 2
        want.extend(3u16.to_ne_bytes()); // VALUE
        want.extend(b"hi\0\0"); // payload, padded to 4
        assert_eq!(cur.into_inner(), want);
    }

    #[test]
    fn set_flags_map_to_nlm_flags() {
        assert_eq!(SetFlags::UPSERT.nlm_flags(), NlmF::CREATE | NlmF::REPLACE);
        let excl = SetFlags {
            create: true,
            excl: true,
            replace: false,
        };
        assert_eq!(excl.nlm_flags(), NlmF::CREATE | NlmF::EXCL);
    }

    #[test]
    fn requests_check_the_spec_limits() {
        let (key_max, value_max) = (Attr::KEY_MAX_LEN, Attr::VALUE_MAX_LEN);
        let (ttl_min, ttl_max) = (Attr::TTL_MS_MIN, Attr::TTL_MS_MAX);
        let key = "k".repeat(key_max);
        let value = vec![0; value_max];
        let mut req = EntryNewRequest {
            key: Some(&key),
            value: Some(&value),
            tag: Some(7),
            ttl_ms: Some(ttl_max),
            notify_owner: true,
        };
        let attrs = req.attrs().expect("at the limits");
        let types: Vec<Attr> = attrs.iter().map(|(t, _)| *t).collect();
        assert_eq!(
            types,
            [
                Attr::Key,
                Attr::Value,
                Attr::Tag,
                Attr::TtlMs,
                Attr::NotifyOwner
            ]
        );
        assert_eq!(attrs[0].1.len(), key_max + 1, "the key and its NUL");
        assert_eq!(attrs[2].1, 7u32.to_ne_bytes());
        assert!(attrs[4].1.is_empty(), "a flag has no payload");
        let refusal = |r: &EntryNewRequest| r.attrs().unwrap_err().to_string();
        let long_key = "k".repeat(key_max + 1);
        let key_msg = format!("key must be at most {key_max} bytes without NUL");
        req.key = Some(&long_key);
        assert_eq!(refusal(&req), key_msg);
        req.key = Some("a\0b");
        assert_eq!(refusal(&req), key_msg);
        req.key = None;
        let long_value = vec![0; value_max + 1];
        req.value = Some(&long_value);
        assert_eq!(
            refusal(&req),
            format!("value is {} bytes, at most {value_max} fit", value_max + 1)
        );
        req.value = None;
        req.ttl_ms = Some(ttl_min - 1);
        assert_eq!(
            refusal(&req),
            format!("ttl-ms is {}, must be {ttl_min} to {ttl_max}", ttl_min - 1)
        );
        req.ttl_ms = Some(ttl_max + 1);
        assert!(req.check().is_err());
        // encode() sends what it is given, for the kernel to refuse.
        assert_eq!(req.encode().len(), 3, "tag, ttl-ms, notify-owner");
        let limits = LimitsSetRequest {
            max_entries: Some(Attr::MAX_ENTRIES_MIN - 1),
            max_bytes: Some(Attr::MAX_BYTES_MAX),
        };
        assert_eq!(
            limits.check().unwrap_err().to_string(),
            format!(
                "max-entries is {}, must be {} to {}",
                Attr::MAX_ENTRIES_MIN - 1,
                Attr::MAX_ENTRIES_MIN,
                Attr::MAX_ENTRIES_MAX
            )
        );
        let watch = WatchSetRequest { prefix: Some("") };
        assert_eq!(watch.attrs().unwrap(), [(Attr::Prefix, b"\0".to_vec())]);
        assert!(FlushRequest {}.attrs().unwrap().is_empty());
    }

    /// The spec's numbering: values are given or follow the previous one.
    fn spec_numbers(list: &serde_yaml::Value) -> Vec<(String, u64)> {
        let mut next = 1;
        let mut out = Vec::new();
        for item in list.as_sequence().expect("a list") {
            let value = item["value"].as_u64().unwrap_or(next);
            out.push((item["name"].as_str().expect("a name").to_string(), value));
            next = value + 1;
        }
        out
    }

    /// `key-max-len` -> `KeyMaxLen`.
    fn camel(name: &str) -> String {
        name.split('-')
            .map(|w| w[..1].to_uppercase() + &w[1..])
            .collect()
    }

    #[test]
    fn numbers_match_the_spec() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../Documentation/netlink/specs/rgnl.yaml"
        );
        let spec: serde_yaml::Value =
            serde_yaml::from_str(&std::fs::read_to_string(path).expect("spec")).expect("YAML");
        assert_eq!(spec["name"].as_str(), Some(FAMILY_NAME));
        let attrs = spec_numbers(&spec["attribute-sets"][0]["attributes"]);
        assert_eq!(attrs.len(), 24);
        for (name, value) in attrs {
            assert_eq!(
                format!("{:?}", Attr::from(value as u16)),
                camel(&name),
                "attribute {name}"
            );
        }
        let ops = spec_numbers(&spec["operations"]["list"]);
        assert_eq!(ops.len(), 12);
        for (name, value) in ops {
            assert_eq!(
                format!("{:?}", Cmd::from(value as u8)),
                camel(&name),
                "command {name}"
            );
        }
        let consts = spec["definitions"].as_sequence().expect("definitions");
        let limit = |n: &str| {
            consts
                .iter()
                .find(|c| c["name"] == n)
                .and_then(|c| c["value"].as_u64())
        };
        assert_eq!(limit("key-max-len"), Some(KEY_MAX_LEN as u64));
        assert_eq!(limit("value-max-len"), Some(VALUE_MAX_LEN as u64));
        assert_eq!(limit("ttl-max-ms"), Some(TTL_MAX_MS.into()));
        // Every check of the spec is one of the client's, with its value.
        let checks: Vec<(String, u64)> = spec["attribute-sets"][0]["attributes"]
            .as_sequence()
            .expect("attributes")
            .iter()
            .flat_map(|a| {
                let name = a["name"].as_str().expect("a name").to_string();
                let checks = a["checks"].as_mapping().cloned().unwrap_or_default();
                checks.into_iter().map(move |(check, value)| {
                    let value = value.as_u64().or_else(|| limit(value.as_str()?));
                    let check = check.as_str().expect("a check").to_string();
                    (format!("{name}/{check}"), value.expect("a known value"))
                })
            })
            .collect();
        let client = [
            ("key/max-len", Attr::KEY_MAX_LEN as u64),
            ("value/max-len", Attr::VALUE_MAX_LEN as u64),
            ("max-entries/min", Attr::MAX_ENTRIES_MIN.into()),
            ("max-entries/max", Attr::MAX_ENTRIES_MAX.into()),
            ("max-bytes/min", Attr::MAX_BYTES_MIN.into()),
            ("max-bytes/max", Attr::MAX_BYTES_MAX.into()),
            ("prefix/max-len", Attr::PREFIX_MAX_LEN as u64),
            ("ttl-ms/min", Attr::TTL_MS_MIN.into()),
            ("ttl-ms/max", Attr::TTL_MS_MAX.into()),
        ];
        let client: Vec<(String, u64)> = client.iter().map(|(c, v)| (c.to_string(), *v)).collect();
        assert_eq!(checks, client);
    }
}
