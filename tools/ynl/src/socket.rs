// SPDX-License-Identifier: GPL-2.0

//! A generic netlink socket: requests with their ACK, dumps to the end,
//! notifications.

use crate::error::Error;
use crate::extack::Extack;
use crate::msg::{Msg, Msgs};
use crate::request::Request;
use crate::wire::{
    NLMSG_DONE, NLMSG_ERROR, NLMSG_NOOP, NLMSG_OVERRUN, NLM_F_ACK, NLM_F_DUMP, NLM_F_DUMP_INTR,
};
use std::collections::VecDeque;
use std::io;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, FromRawFd, OwnedFd};

/// The most notifications kept while requests wait for their replies;
/// beyond, they are dropped and reported as lost.
const MAX_KEPT_EVENTS: usize = 4096;

/// The receive buffer: what the YNL C library takes, so that any datagram
/// the kernel builds (messages up to the 64 KiB `nla_len` allows) fits.
const RECV_BUFFER_LEN: usize = 128 << 10;

const SOL_NETLINK: libc::c_int = 270;
const NETLINK_ADD_MEMBERSHIP: libc::c_int = 1;
const NETLINK_DROP_MEMBERSHIP: libc::c_int = 2;
const NETLINK_CAP_ACK: libc::c_int = 10;
const NETLINK_EXT_ACK: libc::c_int = 11;
const NETLINK_GET_STRICT_CHK: libc::c_int = 12;

/// Which messages answering a request are its replies; the others are
/// notifications (kept for [`Socket::next_event`] on a socket that joined
/// groups). The genetlink header is the same for both, even the sequence
/// number (a notification carries that of the request that caused it):
/// only the command tells them apart, as in the YNL C library.
#[derive(Clone, Copy, Debug)]
pub enum Replies<'a> {
    /// None: the request is answered by its ACK alone.
    None,
    /// Messages of these commands.
    Cmds(&'a [u8]),
    /// Every message: for requests sent with `NLM_F_ECHO`, whose reply is
    /// the notification they cause.
    Any,
}

impl Replies<'_> {
    fn wants(&self, cmd: Option<u8>) -> bool {
        match (self, cmd) {
            (Replies::Any, _) => true,
            (Replies::Cmds(c), Some(cmd)) => c.contains(&cmd),
            _ => false,
        }
    }
}

/// A `NETLINK_GENERIC` socket, with its own port id and sequence numbers
/// (a process may open several). It asks for extended ACKs, capped ACKs
/// (the kernel does not echo the request: the socket has it) and strict
/// checking of dump requests.
pub struct Socket {
    fd: OwnedFd,
    portid: u32,
    seq: u32,
    rx: Vec<u8>,
    kept: Kept,
    groups: usize,
}

/// Notifications that arrived while a request waited for its replies.
#[derive(Default)]
struct Kept {
    events: VecDeque<Vec<u8>>,
    /// Notifications were lost (`ENOBUFS`, or more kept than
    /// [`MAX_KEPT_EVENTS`]): [`Socket::next_event`] says so first.
    lost: bool,
    /// A request given up on before its ACK (an error of ours): what the
    /// kernel still sends for it is dropped.
    abandoned: Option<(u32, u32)>,
}

impl Kept {
    /// Keeps notification `m`, unless it belongs to an abandoned request.
    fn keep(&mut self, m: &Msg<'_>) {
        if self.is_stale(m) {
            return;
        }
        if self.events.len() >= MAX_KEPT_EVENTS {
            self.lost = true;
            return;
        }
        self.events.push_back(m.bytes().to_vec());
    }

    fn is_stale(&self, m: &Msg<'_>) -> bool {
        self.abandoned == Some((m.seq(), m.portid()))
    }
}

fn io_err(doing: &'static str) -> Error {
    Error::Io {
        doing,
        source: io::Error::last_os_error(),
    }
}

impl Socket {
    /// Opens and binds a socket; the kernel picks its port id.
    pub fn open() -> Result<Self, Error> {
        // SAFETY: a plain system call; the result is checked.
        let fd = unsafe {
            libc::socket(
                libc::AF_NETLINK,
                libc::SOCK_RAW | libc::SOCK_CLOEXEC,
                libc::NETLINK_GENERIC,
            )
        };
        if fd < 0 {
            return Err(io_err("opening a generic netlink socket"));
        }
        // SAFETY: `fd` is a new descriptor that nothing else owns.
        let fd = unsafe { OwnedFd::from_raw_fd(fd) };
        let mut sock = Self {
            fd,
            portid: 0,
            seq: 0,
            rx: vec![0; RECV_BUFFER_LEN],
            kept: Kept::default(),
            groups: 0,
        };
        for opt in [NETLINK_EXT_ACK, NETLINK_CAP_ACK, NETLINK_GET_STRICT_CHK] {
            sock.setsockopt(SOL_NETLINK, opt, 1, "asking for extended ACKs")?;
        }
        // SAFETY: all-zero is a valid `sockaddr_nl`.
        let mut addr: libc::sockaddr_nl = unsafe { std::mem::zeroed() };
        addr.nl_family = libc::AF_NETLINK as libc::sa_family_t;
        let mut len = std::mem::size_of::<libc::sockaddr_nl>() as libc::socklen_t;
        // SAFETY: `addr` is a `sockaddr_nl` of `len` bytes, for both calls.
        unsafe {
            if libc::bind(sock.fd.as_raw_fd(), (&raw const addr).cast(), len) < 0 {
                return Err(io_err("binding the socket"));
            }
            if libc::getsockname(sock.fd.as_raw_fd(), (&raw mut addr).cast(), &mut len) < 0 {
                return Err(io_err("reading the socket's port id"));
            }
        }
        sock.portid = addr.nl_pid;
        Ok(sock)
    }

    fn setsockopt(
        &self,
        level: libc::c_int,
        opt: libc::c_int,
        v: libc::c_int,
        doing: &'static str,
    ) -> Result<(), Error> {
        // SAFETY: `v` is an int, as these options take.
        let r = unsafe {
            libc::setsockopt(
                self.fd.as_raw_fd(),
                level,
                opt,
                (&raw const v).cast(),
                std::mem::size_of::<libc::c_int>() as libc::socklen_t,
            )
        };
        if r < 0 {
            return Err(io_err(doing));
        }
        Ok(())
    }

    /// The socket's port id.
    pub fn portid(&self) -> u32 {
        self.portid
    }

    /// Sets the kernel's receive queue size (`SO_RCVBUF`): a listener to
    /// busy groups wants more than the default to lose no notification.
    pub fn set_recv_queue(&mut self, bytes: usize) -> Result<(), Error> {
        let v = libc::c_int::try_from(bytes).unwrap_or(libc::c_int::MAX);
        self.setsockopt(libc::SOL_SOCKET, libc::SO_RCVBUF, v, "setting SO_RCVBUF")
    }

    /// Sets the length of the buffer datagrams are received into (128 KiB
    /// by default, as the YNL C library's): a datagram longer than it is
    /// lost, and reported as [`Error::Truncated`].
    pub fn set_recv_buffer_len(&mut self, len: usize) {
        self.rx = vec![0; len];
    }

    /// Joins multicast group `group` (its id from [`crate::Family`]). The
    /// family may refuse (`genl_bind`: `EPERM` for a group that needs
    /// `CAP_NET_ADMIN`): that is [`Error::Kernel`], as any refusal.
    pub fn join(&mut self, group: u32) -> Result<(), Error> {
        self.membership(NETLINK_ADD_MEMBERSHIP, group)?;
        self.groups += 1;
        Ok(())
    }

    /// Leaves multicast group `group`.
    pub fn leave(&mut self, group: u32) -> Result<(), Error> {
        self.membership(NETLINK_DROP_MEMBERSHIP, group)?;
        self.groups = self.groups.saturating_sub(1);
        Ok(())
    }

    fn membership(&self, opt: libc::c_int, group: u32) -> Result<(), Error> {
        let g = libc::c_int::try_from(group)
            .map_err(|_| Error::Protocol(format!("group id {group}")))?;
        self.setsockopt(SOL_NETLINK, opt, g, "changing a group membership")
            .map_err(|e| match e {
                Error::Io { source, .. } if source.raw_os_error().is_some() => Error::Kernel {
                    errno: source.raw_os_error().unwrap_or(0),
                    extack: Extack::default(),
                },
                e => e,
            })
    }

    fn send(&mut self, req: &mut Request, flags: u16) -> Result<u32, Error> {
        if let Some(attr) = req.overflow() {
            return Err(Error::Encode(attr));
        }
        self.seq = self.seq.wrapping_add(1).max(1);
        let bytes = req.finish(self.seq, flags);
        // SAFETY: `bytes` is readable for its length.
        let n = unsafe { libc::send(self.fd.as_raw_fd(), bytes.as_ptr().cast(), bytes.len(), 0) };
        if n < 0 {
            return Err(io_err("sending the request"));
        }
        Ok(self.seq)
    }

    /// Receives one datagram into the buffer: its length.
    fn recv(&mut self) -> Result<usize, Error> {
        self.recv_flags(0)?
            .ok_or_else(|| Error::Protocol("a blocking receive returned nothing".into()))
    }

    /// Receives one datagram into the buffer with `flags` (`MSG_TRUNC`
    /// added): its length, or `None` if `MSG_DONTWAIT` found none queued.
    fn recv_flags(&mut self, flags: libc::c_int) -> Result<Option<usize>, Error> {
        loop {
            // SAFETY: `rx` is writable for its length.
            let n = unsafe {
                libc::recv(
                    self.fd.as_raw_fd(),
                    self.rx.as_mut_ptr().cast(),
                    self.rx.len(),
                    libc::MSG_TRUNC | flags,
                )
            };
            if n < 0 {
                let e = io::Error::last_os_error();
                match e.raw_os_error() {
                    Some(libc::EINTR) => continue,
                    Some(libc::EAGAIN) if flags & libc::MSG_DONTWAIT != 0 => return Ok(None),
                    Some(libc::ENOBUFS) => return Err(Error::EventsLost),
                    _ => {
                        return Err(Error::Io {
                            doing: "receiving",
                            source: e,
                        })
                    }
                }
            }
            let n = n as usize;
            if n > self.rx.len() {
                return Err(Error::Truncated {
                    len: n,
                    buf: self.rx.len(),
                });
            }
            return Ok(Some(n));
        }
    }

    /// Sends `req` with `NLM_F_ACK` and hands each of its `replies` to
    /// `each`, until the ACK. A refusal is [`Error::Kernel`] with the
    /// extack's offsets as attribute paths.
    pub fn exec(
        &mut self,
        req: &mut Request,
        replies: Replies<'_>,
        mut each: impl FnMut(Msg<'_>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let seq = self.send(req, NLM_F_ACK)?;
        let r = self.read_replies(req, seq, replies, false, &mut each);
        self.settle(seq, r)
    }

    /// Dumps: sends `req` with `NLM_F_DUMP` and hands each message of
    /// command `reply_cmd` to `each`, to `NLMSG_DONE`. An error in `DONE`
    /// is [`Error::Kernel`]; a dump the kernel marked
    /// `NLM_F_DUMP_INTR` ends with [`Error::DumpInterrupted`] after
    /// every message; an error of `each` ends it after the dump is
    /// drained (the socket stays usable).
    pub fn dump(
        &mut self,
        req: &mut Request,
        reply_cmd: u8,
        mut each: impl FnMut(Msg<'_>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let seq = self.send(req, NLM_F_DUMP)?;
        let r = self.read_replies(req, seq, Replies::Cmds(&[reply_cmd]), true, &mut each);
        self.settle(seq, r)
    }

    /// The end of request `seq`, read to `r`. Given up on for an error of
    /// ours (a datagram that does not parse or fit, a receive error), the
    /// request's remaining messages are dropped as they come; a lost
    /// notification is remembered.
    fn settle(&mut self, seq: u32, r: Result<(), Error>) -> Result<(), Error> {
        match &r {
            Err(Error::EventsLost) => {
                self.kept.lost = true;
                self.kept.abandoned = Some((seq, self.portid));
            }
            Err(Error::Truncated { .. } | Error::Decode(_) | Error::Io { .. }) => {
                self.kept.abandoned = Some((seq, self.portid));
            }
            _ => {}
        }
        r
    }

    /// Reads the answers to request `seq` to its ACK or `DONE`.
    fn read_replies(
        &mut self,
        req: &Request,
        seq: u32,
        replies: Replies<'_>,
        dump: bool,
        each: &mut dyn FnMut(Msg<'_>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let attrs_at = req.attrs_at();
        let mut first_err = None;
        let mut intr = false;
        loop {
            let n = self.recv()?;
            let mut ended = None;
            for m in Msgs::new(&self.rx[..n]) {
                let m = m?;
                let ours = m.seq() == seq && m.portid() == self.portid;
                match m.ty() {
                    NLMSG_NOOP | NLMSG_OVERRUN => {}
                    NLMSG_ERROR | NLMSG_DONE if ours => {
                        // The core checks consistency on DONE too
                        // (netlink_dump_done): the last part of a dump may
                        // add no message and still be interrupted.
                        intr |= m.flags() & NLM_F_DUMP_INTR != 0;
                        let errno = m
                            .payload()
                            .get(..4)
                            .map_or(0, |e| i32::from_ne_bytes([e[0], e[1], e[2], e[3]]));
                        ended = Some(if errno == 0 {
                            Ok(())
                        } else {
                            Err(Error::Kernel {
                                errno: errno.saturating_neg(),
                                extack: Extack::parse(&m, req.as_bytes(), attrs_at),
                            })
                        });
                    }
                    NLMSG_ERROR | NLMSG_DONE => {}
                    _ if ours && replies.wants(m.cmd().ok()) => {
                        intr |= m.flags() & NLM_F_DUMP_INTR != 0;
                        if first_err.is_none() {
                            if let Err(e) = each(m) {
                                first_err = Some(e);
                            }
                        }
                    }
                    // Notifications, also those unicast to this socket
                    // without a group (an owner's expiry notice).
                    _ => self.kept.keep(&m),
                }
            }
            if let Some(end) = ended {
                end?;
                if let Some(e) = first_err {
                    return Err(e);
                }
                if intr && dump {
                    return Err(Error::DumpInterrupted);
                }
                return Ok(());
            }
        }
    }

    /// Waits for the next notification and hands it to `f`. `ENOBUFS`
    /// (notifications dropped) is [`Error::EventsLost`].
    pub fn next_event<R>(&mut self, f: impl FnOnce(Msg<'_>) -> R) -> Result<R, Error> {
        self.event(0, f)?
            .ok_or_else(|| Error::Protocol("a blocking receive returned nothing".into()))
    }

    /// Hands the next notification to `f` if one is queued, without
    /// waiting: `None` if there is none. With the socket's descriptor
    /// ([`AsFd`]) polled by an event loop (tokio's `AsyncFd`, say), this
    /// reads notifications without blocking a thread.
    pub fn try_next_event<R>(&mut self, f: impl FnOnce(Msg<'_>) -> R) -> Result<Option<R>, Error> {
        self.event(libc::MSG_DONTWAIT, f)
    }

    fn event<R>(
        &mut self,
        flags: libc::c_int,
        f: impl FnOnce(Msg<'_>) -> R,
    ) -> Result<Option<R>, Error> {
        if std::mem::take(&mut self.kept.lost) {
            return Err(Error::EventsLost);
        }
        if let Some(bytes) = self.kept.events.pop_front() {
            let m = Msgs::new(&bytes)
                .next()
                .ok_or_else(|| Error::Protocol("empty event".into()))??;
            return Ok(Some(f(m)));
        }
        loop {
            let Some(n) = self.recv_flags(flags)? else {
                return Ok(None);
            };
            let mut msgs = Msgs::new(&self.rx[..n]);
            let Some(first) = msgs.next() else { continue };
            let first = first?;
            if self.kept.is_stale(&first)
                || matches!(
                    first.ty(),
                    NLMSG_NOOP | NLMSG_ERROR | NLMSG_DONE | NLMSG_OVERRUN
                )
            {
                continue;
            }
            for m in msgs {
                self.kept.keep(&m?);
            }
            // Re-borrow: the loop above needed `self.kept` mutably.
            let first = Msgs::new(&self.rx[..n])
                .next()
                .ok_or_else(|| Error::Protocol("empty datagram".into()))??;
            return Ok(Some(f(first)));
        }
    }
}

impl AsFd for Socket {
    /// The socket's descriptor, for an event loop to poll: readable means
    /// [`Socket::try_next_event`] has a notification (or a datagram it
    /// skips).
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.fd.as_fd()
    }
}
