// SPDX-License-Identifier: GPL-2.0

//! Generic netlink by hand, for the programs that must say exactly what
//! goes on the wire (the benchmark's raw client, the fuzzer, a reader with a
//! C library's buffer): a socket, a request's bytes, the messages of a
//! datagram. Everything else talks through the client runtime.

use anyhow::bail;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};

/// `struct nlmsghdr`.
pub const NLMSG_HDRLEN: usize = 16;
/// `struct nlmsghdr` and `struct genlmsghdr`: where attributes start.
pub const GENL_ATTRS_AT: usize = NLMSG_HDRLEN + 4;

/// A `NETLINK_GENERIC` socket.
pub struct Sock(OwnedFd);

impl Sock {
    /// A new socket; the kernel binds it to a port on its first send.
    pub fn open() -> anyhow::Result<Self> {
        // SAFETY: a plain system call; the result is checked.
        let fd = unsafe { libc::socket(libc::AF_NETLINK, libc::SOCK_RAW, libc::NETLINK_GENERIC) };
        if fd < 0 {
            bail!("socket: {}", io::Error::last_os_error());
        }
        // SAFETY: `fd` is a new descriptor that nothing else owns.
        Ok(Self(unsafe { OwnedFd::from_raw_fd(fd) }))
    }

    /// A new socket bound to a port now: a listener that never sends still
    /// receives (the kernel does not deliver to an unbound socket).
    pub fn bound() -> anyhow::Result<Self> {
        let sock = Self::open()?;
        // SAFETY: an all-zero `sockaddr_nl` is valid.
        let mut addr: libc::sockaddr_nl = unsafe { std::mem::zeroed() };
        addr.nl_family = libc::AF_NETLINK as libc::sa_family_t;
        // SAFETY: `addr` is a `sockaddr_nl`, readable for its size.
        let r = unsafe {
            libc::bind(
                sock.fd(),
                std::ptr::from_ref(&addr).cast(),
                std::mem::size_of::<libc::sockaddr_nl>() as libc::socklen_t,
            )
        };
        if r < 0 {
            bail!("bind: {}", io::Error::last_os_error());
        }
        Ok(sock)
    }

    /// The descriptor, for `poll` and the like.
    pub fn fd(&self) -> RawFd {
        self.0.as_raw_fd()
    }

    /// Sends `bytes` as one datagram; the kernel's refusal of the send
    /// itself (a length below the header, say) is the error.
    pub fn send(&self, bytes: &[u8]) -> io::Result<usize> {
        // SAFETY: `bytes` is readable for its length.
        let n = unsafe { libc::send(self.fd(), bytes.as_ptr().cast(), bytes.len(), 0) };
        usize::try_from(n).map_err(|_| io::Error::last_os_error())
    }

    /// Receives one datagram into `buf` with `flags`: the length the kernel
    /// returned (past `buf`'s with `MSG_TRUNC`).
    pub fn recv(&self, buf: &mut [u8], flags: libc::c_int) -> io::Result<usize> {
        // SAFETY: `buf` is writable for its length.
        let n = unsafe { libc::recv(self.fd(), buf.as_mut_ptr().cast(), buf.len(), flags) };
        usize::try_from(n).map_err(|_| io::Error::last_os_error())
    }

    /// Sets an `int` socket option.
    pub fn set(
        &self,
        level: libc::c_int,
        name: libc::c_int,
        value: libc::c_int,
    ) -> anyhow::Result<()> {
        // SAFETY: `value` is an int, readable for its size.
        let r = unsafe {
            libc::setsockopt(
                self.fd(),
                level,
                name,
                std::ptr::from_ref(&value).cast(),
                std::mem::size_of::<libc::c_int>() as libc::socklen_t,
            )
        };
        if r < 0 {
            bail!("setsockopt {level}/{name}: {}", io::Error::last_os_error());
        }
        Ok(())
    }
}

/// Appends attribute `ty` with `payload` to `out`, padded to 4 bytes.
pub fn put_attr(out: &mut Vec<u8>, ty: u16, payload: &[u8]) {
    out.extend_from_slice(&(4 + payload.len() as u16).to_ne_bytes());
    out.extend_from_slice(&ty.to_ne_bytes());
    out.extend_from_slice(payload);
    out.resize(out.len().next_multiple_of(4), 0);
}

/// A generic netlink message of `family`: `flags` (with `NLM_F_REQUEST`),
/// sequence number `seq`, command `cmd` at `version`, and `attrs`
/// (already encoded, as [`put_attr`] writes them).
pub fn message(family: u16, flags: u16, seq: u32, cmd: u8, version: u8, attrs: &[u8]) -> Vec<u8> {
    let mut m = Vec::with_capacity(GENL_ATTRS_AT + attrs.len());
    m.extend_from_slice(&((GENL_ATTRS_AT + attrs.len()) as u32).to_ne_bytes());
    m.extend_from_slice(&family.to_ne_bytes());
    m.extend_from_slice(&(libc::NLM_F_REQUEST as u16 | flags).to_ne_bytes());
    m.extend_from_slice(&seq.to_ne_bytes());
    m.extend_from_slice(&0u32.to_ne_bytes());
    m.extend_from_slice(&[cmd, version, 0, 0]);
    m.extend_from_slice(attrs);
    m
}

/// One message of a datagram, whole.
#[derive(Clone, Copy)]
pub struct Msg<'a>(pub &'a [u8]);

impl<'a> Msg<'a> {
    fn u16_at(&self, at: usize) -> u16 {
        u16::from_ne_bytes([self.0[at], self.0[at + 1]])
    }

    /// `nlmsg_type`.
    pub fn ty(&self) -> u16 {
        self.u16_at(4)
    }

    /// `nlmsg_flags`.
    pub fn flags(&self) -> u16 {
        self.u16_at(6)
    }

    /// `nlmsg_seq`.
    pub fn seq(&self) -> u32 {
        u32::from_ne_bytes([self.0[8], self.0[9], self.0[10], self.0[11]])
    }

    /// For `NLMSG_ERROR` and `NLMSG_DONE`: the (negative) error, if the
    /// message holds one.
    pub fn error(&self) -> Option<i32> {
        let t = i32::from(self.ty());
        if t != libc::NLMSG_ERROR && t != libc::NLMSG_DONE {
            return None;
        }
        Some(i32::from_ne_bytes(self.0.get(16..20)?.try_into().ok()?))
    }

    /// A generic netlink message's attributes (empty if it has none).
    pub fn attrs(&self) -> &'a [u8] {
        self.0.get(GENL_ATTRS_AT..).unwrap_or(&[])
    }
}

/// The messages of datagram `bytes`, in order; a message whose length is
/// below its header or past the datagram is an error.
pub fn messages(mut bytes: &[u8]) -> impl Iterator<Item = anyhow::Result<Msg<'_>>> {
    std::iter::from_fn(move || {
        if bytes.len() < NLMSG_HDRLEN {
            return None;
        }
        let len = u32::from_ne_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize;
        let msg = match bytes.get(..len).filter(|_| len >= NLMSG_HDRLEN) {
            Some(m) => m,
            None => {
                let left = bytes.len();
                bytes = &[];
                return Some(Err(anyhow::anyhow!(
                    "a message of {len} bytes in a datagram of {left}"
                )));
            }
        };
        bytes = bytes.get(len.next_multiple_of(4)..).unwrap_or(&[]);
        Some(Ok(Msg(msg)))
    })
}

/// The payload of the first attribute of type `ty` in `attrs`.
pub fn find_attr(mut attrs: &[u8], ty: u16) -> Option<&[u8]> {
    while attrs.len() >= 4 {
        let len = usize::from(u16::from_ne_bytes([attrs[0], attrs[1]]));
        let payload = attrs.get(4..len)?;
        if u16::from_ne_bytes([attrs[2], attrs[3]]) & 0x3fff == ty {
            return Some(payload);
        }
        attrs = attrs.get(len.next_multiple_of(4)..).unwrap_or(&[]);
    }
    None
}
