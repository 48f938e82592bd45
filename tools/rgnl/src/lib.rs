//! Client for the `rgnl` generic netlink family (see
//! `Documentation/netlink/specs/rgnl.yaml`).
//!
//! The typed API covers the registry: [`Client::set`], [`Client::get`],
//! [`Client::list`], [`Client::del`], [`Client::flush`], [`Client::stats`],
//! [`Client::set_limits`] and, after [`Client::subscribe_events`],
//! [`Client::next_event`]. [`Client::request`] and [`Client::dump`] send
//! any command of any family that uses this attribute encoding.
//!
//! The family's numbers, its request types (which check the spec's limits
//! before sending) and its reply and notification decoders are generated
//! from the spec (`ynl-gen-rust.py --mode user`) into [`proto`], whose
//! items are re-exported here; the objects the client hands out
//! ([`Entry`], [`Stats`], [`Event`]) are owned values built from them.
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

pub use model::{AuditNtf, Entry, EntryDelNtf, EntryNewNtf, Event, FlushNtf, Stats};
pub use proto::*;

use ynl::{wire, Replies, Request, RequestAttrs, Socket};

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

    fn nlm_flags(self) -> u16 {
        let mut f = 0;
        if self.create {
            f |= NLM_F_CREATE;
        }
        if self.excl {
            f |= NLM_F_EXCL;
        }
        if self.replace {
            f |= NLM_F_REPLACE;
        }
        f
    }
}

/// `NLM_F_*` of new requests (include/uapi/linux/netlink.h).
const NLM_F_REPLACE: u16 = libc::NLM_F_REPLACE as u16;
const NLM_F_EXCL: u16 = libc::NLM_F_EXCL as u16;
const NLM_F_CREATE: u16 = libc::NLM_F_CREATE as u16;

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
    /// The kernel refused the request with this errno, and what its
    /// extack said, attributes named as in the spec.
    #[error("kernel refused the request: {}{}{}{}",
        std::io::Error::from_raw_os_error(*.errno),
        .msg.as_deref().map(|m| format!(": {m}")).unwrap_or_default(),
        .bad_attr.as_deref().map(|a| format!(" (at {a})")).unwrap_or_default(),
        .missing.as_deref().map(|a| format!(" (missing {a})")).unwrap_or_default())]
    Kernel {
        /// The (positive) errno.
        errno: i32,
        /// The extack message (`NL_SET_ERR_MSG`), if any.
        msg: Option<String>,
        /// The attribute the kernel pointed at (`NL_SET_BAD_ATTR`), as a
        /// path in the spec's words: `entry-new.value`.
        bad_attr: Option<String>,
        /// The attribute the kernel found missing (`NL_SET_ERR_ATTR_MISS`),
        /// the same way.
        missing: Option<String>,
    },
    /// The reply was not what the family sends.
    #[error("unexpected reply: {0}")]
    Protocol(String),
    /// A request the spec's checks refuse, not sent.
    #[error("{0}")]
    Invalid(String),
    /// Notifications were dropped: the socket's receive queue overflowed
    /// (`ENOBUFS`). Resynchronise with a dump.
    #[error("notifications lost: the receive queue overflowed (ENOBUFS)")]
    EventsLost,
    /// A socket or encoding error.
    #[error("netlink: {0}")]
    Netlink(String),
}

impl From<ynl::Error> for Error {
    fn from(e: ynl::Error) -> Self {
        match e {
            ynl::Error::Kernel { errno, extack } => Error::Kernel {
                errno,
                msg: extack.msg,
                bad_attr: None,
                missing: None,
            },
            ynl::Error::UnknownFamily(name) => Error::NotLoaded(name),
            ynl::Error::EventsLost => Error::EventsLost,
            ynl::Error::Decode(e) => e.into(),
            e => Error::Netlink(e.to_string()),
        }
    }
}

/// Attribute `path` of a request of `cmd`, in the spec's words when
/// `named` (the family is rgnl): `entry-get.entry.key`, a number where the
/// spec has no name; in numbers for another family: `1.6.2`.
fn spec_path(named: bool, cmd: u8, path: &[u16]) -> String {
    let name = |n: Option<&str>, v: u16| match n {
        Some(n) if named => n.to_owned(),
        _ => v.to_string(),
    };
    let mut out = name(Cmd::from(cmd).spec_name(), cmd.into());
    for &t in path {
        out.push('.');
        out += &name(Attr::from(t).spec_name(), t);
    }
    out
}

/// The kernel's refusal of a request of `cmd`, with its extack's
/// attributes named (`named`: as [`spec_path`]).
fn refusal(named: bool, cmd: u8, errno: i32, extack: ynl::Extack) -> Error {
    let missing = extack.miss_type.map(|t| {
        let mut path = extack.miss_nest.clone().unwrap_or_default();
        path.push(t);
        spec_path(named, cmd, &path)
    });
    Error::Kernel {
        errno,
        msg: extack.msg,
        bad_attr: extack.bad_attr.map(|p| spec_path(named, cmd, &p)),
        missing,
    }
}

impl From<ynl::DecodeError> for Error {
    fn from(e: ynl::DecodeError) -> Self {
        Error::Protocol(e.to_string())
    }
}

/// The request of `cmd` with `attrs` to family `family_id`.
fn build_request(family_id: u16, cmd: Cmd, attrs: &[RawAttr], flags: u16) -> Request {
    let mut req = Request::new(family_id, cmd.into(), FAMILY_VERSION, flags);
    for (t, payload) in attrs {
        req.put(u16::from(*t), payload);
    }
    req
}

/// The messages answering `req` that are its replies: with `NLM_F_ECHO`
/// the notification it causes, else those of its own command.
fn replies<'a>(req: &Request, cmd: &'a [u8; 1]) -> Replies<'a> {
    if req.flags() & wire::NLM_F_ECHO != 0 {
        Replies::Any
    } else {
        Replies::Cmds(cmd)
    }
}

/// The attributes of a received message, in order.
fn raw_attrs(m: ynl::Msg<'_>) -> Result<Vec<RawAttr>, ynl::Error> {
    let mut out = Vec::new();
    for a in m.attrs(0)? {
        let a = a?;
        out.push((Attr::from(a.ty()), a.bytes().to_vec()));
    }
    Ok(out)
}

/// A connection to a family (by default `rgnl`). Requests carry
/// `NLM_F_ACK`, and the socket asks for extended ACKs, so a refusal comes
/// back as [`Error::Kernel`] with the kernel's message. The transport is
/// the client runtime (`ynl`).
pub struct Client {
    sock: Socket,
    family: ynl::Family,
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
        let mut sock = Socket::open()?;
        let family = sock.resolve(name)?;
        Ok(Self { sock, family })
    }

    /// The family id the kernel assigned.
    pub fn family_id(&self) -> u16 {
        self.family.id
    }

    /// The refusal `e`, or [`Error::NotLoaded`] when it says the family
    /// went away under the request: a dump refused with `EPROTONOSUPPORT`
    /// (its module is unloading), or `ENOENT` without an extack message
    /// (the genetlink core's answer for an unknown family id) on an id
    /// nlctrl no longer gives the family.
    fn unless_gone(&self, cmd: u8, e: ynl::Error) -> Error {
        let gone = match &e {
            ynl::Error::Kernel {
                errno: libc::EPROTONOSUPPORT,
                ..
            } => true,
            ynl::Error::Kernel {
                errno: libc::ENOENT,
                extack,
            } if extack.msg.is_none() => {
                Socket::open()
                    .and_then(|mut s| s.resolve(&self.family.name))
                    .map(|f| f.id)
                    .ok()
                    != Some(self.family.id)
            }
            _ => false,
        };
        match e {
            _ if gone => Error::NotLoaded(self.family.name.clone()),
            ynl::Error::Kernel { errno, extack } => {
                refusal(self.family.name == FAMILY_NAME, cmd, errno, extack)
            }
            e => e.into(),
        }
    }

    /// Sends `cmd` with `attrs` and returns the attributes of the reply,
    /// empty for a command without one.
    pub fn request(&mut self, cmd: Cmd, attrs: &[RawAttr]) -> Result<Vec<RawAttr>, Error> {
        self.request_with(cmd, attrs, 0)
    }

    /// [`Client::request`] with extra `NLM_F_*` request flags. With
    /// `NLM_F_ECHO` the reply is the notification the request caused.
    pub fn request_with(
        &mut self,
        cmd: Cmd,
        attrs: &[RawAttr],
        flags: u16,
    ) -> Result<Vec<RawAttr>, Error> {
        let mut req = build_request(self.family.id, cmd, attrs, flags);
        let mut out = Vec::new();
        self.exchange(&mut req, |m| {
            out.extend(raw_attrs(m)?);
            Ok(())
        })?;
        Ok(out)
    }

    /// A request of `cmd` to the family, with `flags`.
    fn new_request(&self, cmd: Cmd, flags: u16) -> Request {
        Request::new(self.family.id, cmd.into(), FAMILY_VERSION, flags)
    }

    /// Sends `req`, handing each reply to `each`, in the receive buffer.
    fn exchange(
        &mut self,
        req: &mut Request,
        each: impl FnMut(ynl::Msg<'_>) -> Result<(), ynl::Error>,
    ) -> Result<(), Error> {
        let cmd = [req.cmd()];
        let replies = replies(req, &cmd);
        let r = self.sock.exec(req, replies, each);
        r.map_err(|e| self.unless_gone(cmd[0], e))
    }

    /// The reply to `req`, decoded in place by `decode`.
    fn call<T>(
        &mut self,
        mut req: Request,
        decode: impl Fn(ynl::Attrs<'_>) -> Result<T, ynl::DecodeError>,
    ) -> Result<T, Error> {
        let mut out = None;
        self.exchange(&mut req, |m| {
            if out.is_none() {
                out = Some(decode(m.attrs(0)?));
            }
            Ok(())
        })?;
        let cmd = req.cmd();
        Ok(out.ok_or_else(|| Error::Protocol(format!("no reply to command {cmd}")))??)
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
        let req = build_request(self.family.id, cmd, attrs, 0);
        self.dump_msgs(req, |m| each(raw_attrs(m)?))
    }

    /// Dumps `req`, handing each message to `each` in the receive buffer;
    /// whether the dump was flagged interrupted. The first error of
    /// `each` ends it (once the kernel's part is read).
    fn dump_msgs(
        &mut self,
        mut req: Request,
        mut each: impl FnMut(ynl::Msg<'_>) -> Result<(), Error>,
    ) -> Result<bool, Error> {
        let mut failed = None;
        let cmd = req.cmd();
        let r = self.sock.dump(&mut req, cmd, |m| {
            each(m).map_err(|e| {
                failed = Some(e);
                ynl::Error::Protocol("the caller stopped the dump".into())
            })
        });
        if let Some(e) = failed {
            return Err(e);
        }
        match r {
            Ok(()) => Ok(false),
            Err(ynl::Error::DumpInterrupted) => Ok(true),
            Err(e) => Err(self.unless_gone(cmd, e)),
        }
    }

    /// The id nlctrl gives the multicast group `group` of `family`.
    pub fn group_id(family: &str, group: &str) -> Result<u32, Error> {
        Ok(Socket::open()?.resolve(family)?.group(group)?)
    }

    /// Asks for a receive buffer of `bytes` (the kernel caps it at
    /// `net.core.rmem_max`): a listener that falls behind a burst of
    /// notifications loses them ([`Error::EventsLost`]).
    pub fn set_recv_buffer_size(&mut self, bytes: usize) -> Result<(), Error> {
        Ok(self.sock.set_recv_queue(bytes)?)
    }

    /// Subscribes to the multicast group `group` of `family`. A group the
    /// kernel does not let this socket join is [`Error::Kernel`] (`EPERM`
    /// for `audit` without `CAP_NET_ADMIN`).
    pub fn subscribe(&mut self, family: &str, group: &str) -> Result<(), Error> {
        let id = if family == self.family.name {
            self.family.group(group)?
        } else {
            Self::group_id(family, group)?
        };
        Ok(self.sock.join(id)?)
    }

    /// Waits for the next notification (after [`Client::subscribe`]): its
    /// command and attributes.
    pub fn next_notification(&mut self) -> Result<(Cmd, Vec<RawAttr>), Error> {
        let (cmd, attrs) = self.sock.next_event(|m| -> Result<_, ynl::Error> {
            Ok((Cmd::from(m.cmd()?), raw_attrs(m)?))
        })??;
        Ok((cmd, attrs))
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
        let flags = wire::NLM_F_ECHO | flags.nlm_flags();
        // The kernel echoes entry-new-ntf, which carries the stored entry.
        let mut r = self.new_request(EntryNewRequest::CMD, flags);
        req.write(&mut r)?;
        self.call(r, model::entry_of)
    }

    /// ENTRY_GET: the entry of `key` ([`Error::Kernel`] with ENOENT if
    /// there is none).
    pub fn get(&mut self, key: &str) -> Result<Entry, Error> {
        let req = EntryGetRequest { key: Some(key) };
        let mut r = self.new_request(EntryGetRequest::CMD, 0);
        req.write(&mut r)?;
        self.call(r, model::entry_of)
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
        let mut r = self.new_request(EntryGetDumpRequest::CMD, 0);
        req.encode(&mut r);
        self.dump_msgs(r, |m| each(model::entry_of(m.attrs(0)?)?))
    }

    /// ENTRY_DEL: deletes `key`, returning the entry as it was.
    pub fn del(&mut self, key: &str) -> Result<Entry, Error> {
        let req = EntryDelRequest { key: Some(key) };
        // The kernel echoes entry-del-ntf, which carries the entry as it was.
        let mut r = self.new_request(EntryDelRequest::CMD, wire::NLM_F_ECHO);
        req.write(&mut r)?;
        self.call(r, model::entry_of)
    }

    /// FLUSH: deletes every entry, returning how many there were.
    pub fn flush(&mut self) -> Result<u32, Error> {
        let req = FlushRequest {};
        // The kernel echoes flush-ntf.
        let mut r = self.new_request(FlushRequest::CMD, wire::NLM_F_ECHO);
        req.write(&mut r)?;
        self.call(r, model::flush_count)
    }

    /// STATS_GET.
    pub fn stats(&mut self) -> Result<Stats, Error> {
        let req = StatsGetRequest {};
        let mut r = self.new_request(StatsGetRequest::CMD, 0);
        req.write(&mut r)?;
        self.call(r, model::stats_of)
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
        let mut r = self.new_request(LimitsSetRequest::CMD, 0);
        req.encode(&mut r);
        self.exchange(&mut r, |_| Ok(()))
    }

    /// WATCH_SET: this socket receives the entry notifications of `events`
    /// only for keys starting with `prefix` (all of them for "").
    pub fn watch_set(&mut self, prefix: &str) -> Result<(), Error> {
        let req = WatchSetRequest {
            prefix: Some(prefix),
        };
        let mut r = self.new_request(WatchSetRequest::CMD, 0);
        req.write(&mut r)?;
        self.exchange(&mut r, |_| Ok(()))
    }

    /// Subscribes to the family's `events` group.
    pub fn subscribe_events(&mut self) -> Result<(), Error> {
        self.subscribe(FAMILY_NAME, GROUP_EVENTS)
    }

    /// Waits for the next notification of `events`.
    pub fn next_event(&mut self) -> Result<Event, Error> {
        self.sock.next_event(|m| Event::decode(&m))?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echo_request_wire_format() {
        let req = build_request(0x20, Cmd::Echo, &[(Attr::Value, b"hi".to_vec())], 0);
        let mut want = vec![6, 1, 0, 0]; // cmd ECHO, version 1, reserved
        want.extend(6u16.to_ne_bytes()); // nla_len: 4 + 2
        want.extend(3u16.to_ne_bytes()); // VALUE
        want.extend(b"hi\0\0"); // payload, padded to 4
        assert_eq!(&req.as_bytes()[16..], want);
        assert_eq!(&req.as_bytes()[4..6], &0x20u16.to_ne_bytes()); // the family
    }

    #[test]
    fn extack_paths_in_the_spec_words() {
        let ext = ynl::Extack {
            msg: Some("bad".into()),
            bad_attr: Some(vec![Attr::Entry.into(), Attr::Key.into()]),
            miss_type: Some(Attr::Value.into()),
            miss_nest: Some(vec![Attr::Entry.into()]),
        };
        let e = refusal(true, Cmd::EntryNew.into(), libc::EINVAL, ext.clone());
        assert!(
            e.to_string()
                .ends_with(": bad (at entry-new.entry.key) (missing entry-new.entry.value)"),
            "{e}"
        );
        assert_eq!(
            spec_path(true, 200, &[999]),
            "200.999",
            "numbers the spec does not name"
        );
        let e = refusal(false, Cmd::EntryNew.into(), libc::EINVAL, ext);
        assert!(e.to_string().ends_with("(at 1.6.2) (missing 1.6.3)"), "{e}");
    }

    #[test]
    fn set_flags_map_to_nlm_flags() {
        assert_eq!(SetFlags::UPSERT.nlm_flags(), NLM_F_CREATE | NLM_F_REPLACE);
        let excl = SetFlags {
            create: true,
            excl: true,
            replace: false,
        };
        assert_eq!(excl.nlm_flags(), NLM_F_CREATE | NLM_F_EXCL);
    }

    /// What a request builder writes: the attributes, in order.
    fn written(
        write: impl FnOnce(&mut Request) -> Result<(), ynl::CheckError>,
    ) -> Result<Vec<(Attr, Vec<u8>)>, ynl::CheckError> {
        let mut req = Request::new(0x20, 0, 1, 0);
        write(&mut req)?;
        let attrs = ynl::Attrs::new(&req.as_bytes()[20..]);
        Ok(attrs
            .map(|a| a.map(|a| (Attr::from(a.ty()), a.bytes().to_vec())))
            .collect::<Result<_, _>>()
            .expect("well-formed"))
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
        let attrs = written(|r| req.write(r)).expect("at the limits");
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
        let refusal = |r: &EntryNewRequest| written(|q| r.write(q)).unwrap_err().to_string();
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
        let unchecked = written(|q| {
            req.encode(q);
            Ok(())
        });
        assert_eq!(unchecked.unwrap().len(), 3, "tag, ttl-ms, notify-owner");
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
        let prefix = written(|q| watch.write(q)).unwrap();
        assert_eq!(prefix, [(Attr::Prefix, b"\0".to_vec())]);
        assert!(written(|q| FlushRequest {}.write(q)).unwrap().is_empty());
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
