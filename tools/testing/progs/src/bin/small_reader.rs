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

use anyhow::Context;
use rgnl::{Attr, Client, Cmd, FAMILY_VERSION};
use rgnl_test_progs::raw::{self, Sock};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let bufsize: usize = args
        .next()
        .context("usage: small_reader BUFSIZE [PREFIX]")?
        .parse()?;
    let prefix = args.next();
    let family_id = Client::connect()?.family_id();

    let sock = Sock::open()?;
    let mut filter = Vec::new();
    if let Some(p) = &prefix {
        raw::put_attr(
            &mut filter,
            Attr::Prefix.into(),
            &[p.as_bytes(), b"\0"].concat(),
        );
    }
    let req = raw::message(
        family_id,
        libc::NLM_F_DUMP as u16,
        1,
        Cmd::EntryGet.into(),
        FAMILY_VERSION,
        &filter,
    );
    sock.send(&req).context("send")?;

    let (mut entries, mut truncated, mut filtered) = (0u64, 0u64, 0u64);
    let mut buf = vec![0u8; bufsize];
    loop {
        // With MSG_TRUNC the datagram's whole length: past the buffer's
        // when the kernel cut it, as recvmsg's MSG_TRUNC flag says.
        let n = sock.recv(&mut buf, libc::MSG_TRUNC).context("recv")?;
        if n > bufsize {
            truncated += 1;
        }
        // The whole messages of what was read; a cut one ends the walk.
        for m in raw::messages(&buf[..n.min(bufsize)]) {
            let Ok(m) = m else { break };
            if m.flags() & libc::NLM_F_DUMP_FILTERED as u16 != 0 {
                filtered += 1;
            }
            if let Some(errno) = m.error() {
                println!(
                    "entries={entries} truncated={truncated} filtered={filtered} done={}",
                    -errno
                );
                return Ok(());
            }
            entries += 1;
        }
    }
}
