// SPDX-License-Identifier: GPL-2.0

//! The client runtime (`tools/ynl`) against a live kernel with rgnl
//! loaded: family resolution, requests and their ACKs, refusals with the
//! extack mapped to attribute paths, dumps (interrupted ones too),
//! notifications, lost notifications, truncated datagrams. TAP output, one
//! line per behaviour; run as root in the test VM.

use rgnl::{Attr, Cmd, FAMILY_VERSION, GROUP_AUDIT, GROUP_EVENTS};
use ynl::{Error, Family, Replies, Request, Socket};

fn key() -> u16 {
    Attr::Key.into()
}

struct Tap {
    n: u32,
    failed: u32,
}

impl Tap {
    fn check(&mut self, name: &str, r: Result<(), String>) {
        self.n += 1;
        match r {
            Ok(()) => println!("ok {} - {name}", self.n),
            Err(e) => {
                self.failed += 1;
                println!("not ok {} - {name}\n# {e}", self.n);
            }
        }
    }
}

/// `cond`, or the failure `what` with its values.
fn expect(cond: bool, what: impl FnOnce() -> String) -> Result<(), String> {
    if cond {
        Ok(())
    } else {
        Err(what())
    }
}

fn req(f: &Family, cmd: Cmd, flags: u16) -> Request {
    Request::new(f.id, u8::from(cmd), FAMILY_VERSION, flags)
}

/// ENTRY_NEW of `key` with `value`, created or replaced.
fn set(s: &mut Socket, f: &Family, name: &str, value: &[u8]) -> Result<(), Error> {
    let flags = (libc::NLM_F_CREATE | libc::NLM_F_REPLACE) as u16;
    let mut r = req(f, Cmd::EntryNew, flags);
    r.put_str(key(), name).put(Attr::Value.into(), value);
    s.exec(&mut r, Replies::Cmds(&[Cmd::EntryNew.into()]), |_| Ok(()))
}

/// The number of entries a dump of ENTRY_GET returns, and whether each
/// message carried an ENTRY with a key().
fn dump_count(s: &mut Socket, f: &Family, each: &mut dyn FnMut(usize)) -> Result<usize, Error> {
    let mut n = 0;
    s.dump(&mut req(f, Cmd::EntryGet, 0), Cmd::EntryGet.into(), |m| {
        let entry = m.attrs(0)?.find(Attr::Entry.into())?;
        let key = entry.map(|e| e.nested().find(key())).transpose()?.flatten();
        key.ok_or_else(|| Error::Protocol("dump message without ENTRY/key()".into()))?
            .str()?;
        n += 1;
        each(n);
        Ok(())
    })?;
    Ok(n)
}

fn main() -> Result<(), Error> {
    let mut tap = Tap { n: 0, failed: 0 };
    let mut s = Socket::open()?;
    let mut other = Socket::open()?;
    tap.check(
        "two sockets of one process have their own port ids",
        expect(s.portid() != other.portid() && s.portid() != 0, || {
            format!("{} and {}", s.portid(), other.portid())
        }),
    );

    let ctrl = s.resolve("nlctrl")?;
    tap.check(
        "nlctrl resolves itself: id 0x10, group notify",
        expect(ctrl.id == 0x10 && ctrl.group("notify").is_ok(), || {
            format!("{ctrl:?}")
        }),
    );
    let f = s.resolve("rgnl")?;
    tap.check(
        "rgnl resolves: the spec's version and groups",
        expect(
            u32::from(FAMILY_VERSION) == f.version
                && f.group(GROUP_EVENTS).is_ok()
                && f.group(GROUP_AUDIT).is_ok()
                && f.groups.len() == 2,
            || format!("{f:?}"),
        ),
    );
    tap.check(
        "an unknown family is UnknownFamily",
        match s.resolve("no-such-family") {
            Err(Error::UnknownFamily(n)) if n == "no-such-family" => Ok(()),
            r => Err(format!("{r:?}")),
        },
    );
    tap.check(
        "an unknown group is UnknownGroup",
        expect(
            matches!(f.group("nope"), Err(Error::UnknownGroup { .. })),
            || "found".into(),
        ),
    );

    // ECHO: the reply decodes to what was sent.
    let mut r = req(&f, Cmd::Echo, 0);
    r.put_str(key(), "héllo")
        .put(Attr::Value.into(), &[0, 1, 2, 255])
        .put_u32(Attr::Tag.into(), 77);
    let mut got = None;
    s.exec(&mut r, Replies::Cmds(&[Cmd::Echo.into()]), |m| {
        let a = m.attrs(0)?;
        got = Some((
            a.find(key())?
                .map(|k| k.str().map(str::to_owned))
                .transpose()?,
            a.find(Attr::Value.into())?.map(|v| v.bytes().to_vec()),
            a.find(Attr::Tag.into())?.map(|t| t.u32()).transpose()?,
        ));
        Ok(())
    })?;
    tap.check(
        "ECHO: one reply, decoded to the values sent",
        expect(
            got == Some((Some("héllo".into()), Some(vec![0, 1, 2, 255]), Some(77))),
            || format!("{got:?}"),
        ),
    );

    // Refusals: errno, message, attribute paths.
    let mut r = req(&f, Cmd::EntryGet, 0);
    r.put_str(key(), "no such key");
    tap.check(
        "a refusal: ENOENT, the extack's message, bad-attr mapped to the KEY attribute",
        match s.exec(&mut r, Replies::Cmds(&[Cmd::EntryGet.into()]), |_| Ok(())) {
            Err(Error::Kernel {
                errno: libc::ENOENT,
                extack,
            }) if extack.msg.as_deref() == Some("no such entry")
                && extack.bad_attr == Some(vec![key()]) =>
            {
                Ok(())
            }
            r => Err(format!("{r:?}")),
        },
    );
    tap.check(
        "a missing attribute: EINVAL, miss-type KEY at the top level",
        match s.exec(
            &mut req(&f, Cmd::EntryGet, 0),
            Replies::Cmds(&[Cmd::EntryGet.into()]),
            |_| Ok(()),
        ) {
            Err(Error::Kernel {
                errno: libc::EINVAL,
                extack,
            }) if extack.miss_type == Some(key()) && extack.miss_nest.is_none() => Ok(()),
            r => Err(format!("{r:?}")),
        },
    );
    let mut r = req(&f, Cmd::EntryGet, 0);
    r.put_str(key(), "k").put_u32(Attr::Count.into(), 1);
    tap.check(
        "an attribute the op's policy rejects: EINVAL, bad-attr mapped to it",
        match s.exec(&mut r, Replies::Cmds(&[Cmd::EntryGet.into()]), |_| Ok(())) {
            Err(Error::Kernel {
                errno: libc::EINVAL,
                extack,
            }) if extack.bad_attr == Some(vec![Attr::Count.into()]) => Ok(()),
            r => Err(format!("{r:?}")),
        },
    );
    let mut r = req(&f, Cmd::Echo, 0);
    r.put(Attr::Value.into(), &vec![0; 70_000]);
    tap.check(
        "an attribute longer than nla_len can say is not sent: Encode",
        match s.exec(&mut r, Replies::None, |_| Ok(())) {
            Err(Error::Encode(a)) if a == u16::from(Attr::Value) => Ok(()),
            r => Err(format!("{r:?}")),
        },
    );

    // Dumps.
    s.exec(
        &mut req(&f, Cmd::Flush, 0),
        Replies::Cmds(&[Cmd::Flush.into()]),
        |_| Ok(()),
    )?;
    for i in 0..1000 {
        set(&mut s, &f, &format!("key{i:04}"), &[7; 100])?;
    }
    let n = dump_count(&mut s, &f, &mut |_| {});
    tap.check(
        "a dump of 1000 entries, several datagrams, read to NLMSG_DONE",
        expect(matches!(n, Ok(1000)), || format!("{n:?}")),
    );
    let mut fail = None;
    let n = dump_count(&mut s, &f, &mut |i| {
        if i == 10 {
            fail = Some(set(&mut other, &f, "key0000", &[8; 100]));
        }
    });
    tap.check(
        "a dump changed under it ends with DumpInterrupted, after every message",
        expect(
            matches!(fail, Some(Ok(()))) && matches!(n, Err(Error::DumpInterrupted)),
            || format!("{fail:?} {n:?}"),
        ),
    );
    let mut r = req(&f, Cmd::EntryGet, 0);
    r.put_str(Attr::Prefix.into(), &"x".repeat(300));
    tap.check(
        "a dump refused at its start: the kernel's errno and bad-attr",
        match s.dump(&mut r, Cmd::EntryGet.into(), |_| Ok(())) {
            Err(Error::Kernel {
                errno: libc::EINVAL,
                extack,
            }) if extack.bad_attr == Some(vec![Attr::Prefix.into()]) => Ok(()),
            r => Err(format!("{r:?}")),
        },
    );
    let n = dump_count(&mut s, &f, &mut |_| {});
    tap.check(
        "the socket is usable after an interrupted dump",
        expect(matches!(n, Ok(1000)), || format!("{n:?}")),
    );

    // Notifications.
    let mut listener = Socket::open()?;
    listener.join(f.group(GROUP_EVENTS)?)?;
    set(&mut s, &f, "watched", b"v")?;
    let got = listener.next_event(|m| -> Result<_, Error> {
        let entry = m.attrs(0)?.find(Attr::Entry.into())?;
        let key = entry.map(|e| e.nested().find(key())).transpose()?.flatten();
        Ok((
            m.cmd()?,
            key.map(|k| k.str().map(str::to_owned)).transpose()?,
        ))
    })?;
    tap.check(
        "a notification: ENTRY_NEW_NTF with the entry's key",
        expect(
            matches!(&got, Ok((c, Some(k))) if *c == u8::from(Cmd::EntryNewNtf) && k == "watched"),
            || format!("{got:?}"),
        ),
    );
    set(&mut listener, &f, "own", b"v")?;
    let got = listener.next_event(|m| m.cmd())?;
    tap.check(
        "a notification of the socket's own request, met while waiting for the ACK, is kept",
        expect(
            matches!(got, Ok(c) if c == u8::from(Cmd::EntryNewNtf)),
            || format!("{got:?}"),
        ),
    );
    // An owner's expiry notice is unicast to it, group or not; met while
    // a request waits for its reply, it is kept.
    let mut owner = Socket::open()?;
    let mut r = req(
        &f,
        Cmd::EntryNew,
        (libc::NLM_F_CREATE | libc::NLM_F_REPLACE) as u16,
    );
    r.put_str(key(), "leased")
        .put(Attr::Value.into(), b"v")
        .put_u32(Attr::TtlMs.into(), 1)
        .put_flag(Attr::NotifyOwner.into(), true);
    owner.exec(&mut r, Replies::Cmds(&[Cmd::EntryNew.into()]), |_| Ok(()))?;
    std::thread::sleep(std::time::Duration::from_millis(50));
    let mut r = req(&f, Cmd::StatsGet, 0);
    owner.exec(&mut r, Replies::Cmds(&[Cmd::StatsGet.into()]), |_| Ok(()))?;
    let got = owner.next_event(|m| m.cmd())?;
    tap.check(
        "an owner's expiry notice, unicast without a group, is kept for next_event",
        expect(
            matches!(got, Ok(c) if c == u8::from(Cmd::EntryDelNtf)),
            || format!("{got:?}"),
        ),
    );
    let mut slow = Socket::open()?;
    slow.set_recv_queue(0)?;
    slow.join(f.group(GROUP_EVENTS)?)?;
    for i in 0..200 {
        set(&mut s, &f, &format!("burst{i}"), &[1; 200])?;
    }
    let mut lost = None;
    for _ in 0..201 {
        match slow.next_event(|_| ()) {
            Ok(()) => {}
            Err(e) => {
                lost = Some(e);
                break;
            }
        }
    }
    tap.check(
        "notifications dropped by a full receive queue: EventsLost",
        expect(matches!(lost, Some(Error::EventsLost)), || {
            format!("{lost:?}")
        }),
    );

    // A datagram longer than the receive buffer.
    s.set_recv_buffer_len(256);
    let mut r = req(&f, Cmd::Echo, 0);
    r.put(Attr::Value.into(), &[0; 1000]);
    tap.check(
        "a reply longer than the receive buffer: Truncated, with its length",
        match s.exec(&mut r, Replies::Cmds(&[Cmd::Echo.into()]), |_| Ok(())) {
            Err(Error::Truncated { len, buf: 256 }) if len > 1000 => Ok(()),
            r => Err(format!("{r:?}")),
        },
    );
    println!("1..{}", tap.n);
    std::process::exit(i32::from(tap.failed > 0));
}
