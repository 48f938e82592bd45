//! A dump reader with a fixed receive buffer, as C netlink libraries have
//! (libmnl's `MNL_SOCKET_BUFFER_SIZE` is 4 KiB): dumps ENTRY_GET of `rgnl`
//! over a raw socket (with a PREFIX filter if given), reading each skb into
//! BUFSIZE bytes, and prints what it got:
//! `entries=N truncated=T filtered=F done=ERRNO`. `truncated` counts reads
//! the kernel flagged `MSG_TRUNC` (a message did not fit the buffer);
//! `filtered` counts messages flagged `NLM_F_DUMP_FILTERED`, `NLMSG_DONE`
//! included; `done` is the errno `NLMSG_DONE` carries (0: the dump completed).
//!
//! Usage: `small_reader BUFSIZE [PREFIX]`

use anyhow::{bail, Context};
use rgnl::{Attr, Client, Cmd, FAMILY_VERSION};
use std::mem::size_of;

const NLMSG_HDRLEN: usize = size_of::<libc::nlmsghdr>();

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let bufsize: usize = args
        .next()
        .context("usage: small_reader BUFSIZE [PREFIX]")?
        .parse()?;
    let prefix = args.next();
    let family_id = Client::connect()?.family_id();

    // SAFETY: plain socket(2) call.
    let fd = unsafe { libc::socket(libc::AF_NETLINK, libc::SOCK_RAW, libc::NETLINK_GENERIC) };
    if fd < 0 {
        bail!("socket: {}", std::io::Error::last_os_error());
    }
    // The request: nlmsghdr, genlmsghdr (cmd, version, reserved), PREFIX.
    let mut filter = Vec::new();
    if let Some(p) = &prefix {
        let payload = [p.as_bytes(), b"\0"].concat();
        filter.extend_from_slice(&(4 + payload.len() as u16).to_ne_bytes());
        filter.extend_from_slice(&u16::from(Attr::Prefix).to_ne_bytes());
        filter.extend_from_slice(&payload);
        filter.resize((filter.len() + 3) & !3, 0);
    }
    let mut req = Vec::new();
    req.extend_from_slice(&((NLMSG_HDRLEN + 4 + filter.len()) as u32).to_ne_bytes());
    req.extend_from_slice(&family_id.to_ne_bytes());
    req.extend_from_slice(&((libc::NLM_F_REQUEST | libc::NLM_F_DUMP) as u16).to_ne_bytes());
    req.extend_from_slice(&1u32.to_ne_bytes());
    req.extend_from_slice(&0u32.to_ne_bytes());
    req.extend_from_slice(&[u8::from(Cmd::EntryGet), FAMILY_VERSION, 0, 0]);
    req.extend_from_slice(&filter);
    // SAFETY: `req` is readable for its length; the kernel is the default
    // destination of a netlink socket.
    if unsafe { libc::send(fd, req.as_ptr().cast(), req.len(), 0) } < 0 {
        bail!("send: {}", std::io::Error::last_os_error());
    }

    let (mut entries, mut truncated, mut filtered) = (0u64, 0u64, 0u64);
    let mut buf = vec![0u8; bufsize];
    loop {
        let mut iov = libc::iovec {
            iov_base: buf.as_mut_ptr().cast(),
            iov_len: buf.len(),
        };
        // SAFETY: an all-zero msghdr is valid; the iovec is set below.
        let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
        msg.msg_iov = &mut iov;
        msg.msg_iovlen = 1;
        // SAFETY: `msg` points to one iovec over `buf`, which outlives the call.
        let n = unsafe { libc::recvmsg(fd, &mut msg, 0) };
        if n < 0 {
            bail!("recvmsg: {}", std::io::Error::last_os_error());
        }
        if msg.msg_flags & libc::MSG_TRUNC != 0 {
            truncated += 1;
        }
        // Walk the whole messages of what was read.
        let mut rest = &buf[..(n as usize).min(bufsize)];
        while rest.len() >= NLMSG_HDRLEN {
            let len = u32::from_ne_bytes(rest[0..4].try_into()?) as usize;
            let kind = u16::from_ne_bytes(rest[4..6].try_into()?);
            let flags = u16::from_ne_bytes(rest[6..8].try_into()?);
            if len < NLMSG_HDRLEN || len > rest.len() {
                break;
            }
            if flags & libc::NLM_F_DUMP_FILTERED as u16 != 0 {
                filtered += 1;
            }
            match i32::from(kind) {
                libc::NLMSG_DONE | libc::NLMSG_ERROR => {
                    let errno = i32::from_ne_bytes(rest[16..20].try_into()?);
                    println!(
                        "entries={entries} truncated={truncated} filtered={filtered} done={}",
                        -errno
                    );
                    return Ok(());
                }
                _ => entries += 1,
            }
            rest = rest.get((len + 3) & !3..).unwrap_or(&[]);
        }
    }
}
