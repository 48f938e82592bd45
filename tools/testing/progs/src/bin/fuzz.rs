//! Abuse for the rgnl module, bounded in count and time.
//!
//! `fuzz attack --messages N --threads T [--seed S] [--seconds MAX]`: T
//! threads send N random and mutated rgnl messages in all (random commands,
//! flags, attribute types, lengths and nesting; valid prefixes with corrupt
//! tails; lying `nla_len` and `nlmsg_len`). Every 16 messages a probe (an
//! ECHO) is sent and replies are read up to the probe's ACK, so each message
//! is counted as accepted (ACK 0 or dump DONE), rejected (an error) or
//! dropped (no answer: the netlink core ignores a message whose length lies
//! beyond the buffer). Afterwards the namespace's STATS must agree with its
//! dump (entries, bytes, created - deleted - flushed), unless `--shared`
//! says others write there too (the model checks that namespace). Prints
//! `attack: sent N accepted A rejected R dropped D`.
//!
//! `fuzz model [--seconds S]`: meanwhile, in its own namespace, two writers
//! set and delete keys of their own (keeping a model of what must be
//! there), a dumper lists all the time and a listener counts notifications.
//! Afterwards the dump must equal the model and STATS its counts. Prints
//! `model: ok ...`.

use anyhow::{bail, ensure, Context};
use rgnl::{Client, Entry, Error, SetFlags, Stats};
use rgnl_test_progs::raw::{self, Sock};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use ynl::fuzz::Rng;

const NLMSG_ERROR: u16 = 2;
const NLMSG_DONE: u16 = 3;
const NLM_F_REQUEST: u16 = 0x1;
const NLM_F_ACK: u16 = 0x4;
/// ECHO, CREATE, EXCL, REPLACE, APPEND, and ROOT|MATCH (dump).
const FUZZ_FLAGS: [u16; 6] = [0x8, 0x400, 0x200, 0x100, 0x800, 0x300];
const PROBE_SEQ: u32 = 0x8000_0000;
const BATCH: u32 = 16;

fn put_attr(out: &mut Vec<u8>, t: u16, payload: &[u8], len_lie: Option<u16>) {
    let len = len_lie.unwrap_or((4 + payload.len()) as u16);
    out.extend(len.to_ne_bytes());
    out.extend(t.to_ne_bytes());
    out.extend(payload);
    out.resize(out.len().next_multiple_of(4), 0);
}

/// Random attributes: mostly the family's types with plausible payloads.
fn gen_attrs(rng: &mut Rng, depth: u32) -> Vec<u8> {
    let mut out = Vec::new();
    for _ in 0..rng.below(6) {
        let t = match rng.below(10) {
            0 => rng.next_u64() as u16, // any type, NLA_F_NESTED and byte-order bits too
            // Every type of the family (TTL_MS, NOTIFY_OWNER... up to 24), and past it.
            _ => rng.below(26) as u16,
        };
        let payload = match rng.below(8) {
            0 => rng.below(u32::MAX as u64).to_ne_bytes()[..4].to_vec(),
            1 => rng.next_u64().to_ne_bytes().to_vec(),
            2 | 3 => {
                // A string: printable, NUL-terminated (or not), 0..70 bytes.
                let mut s: Vec<u8> = (0..rng.below(70))
                    .map(|_| b'a' + rng.below(26) as u8)
                    .collect();
                if !rng.chance(10) {
                    s.push(0);
                }
                s
            }
            4 => {
                let n = rng.below(5000) as usize;
                rng.bytes(n)
            }
            5 if depth < 3 => gen_attrs(rng, depth + 1),
            _ => {
                let n = rng.below(100) as usize;
                rng.bytes(n)
            }
        };
        let lie = rng.chance(3).then(|| rng.below(u16::MAX as u64) as u16);
        put_attr(&mut out, t, &payload, lie);
    }
    out
}

/// One random message for `family` with sequence number `seq`.
fn gen_message(rng: &mut Rng, family: u16, seq: u32, last: &[u8]) -> Vec<u8> {
    if !last.is_empty() && rng.chance(10) {
        // A valid prefix with a corrupt tail: cut and flip bytes after it.
        let keep = 16 + rng.below((last.len() - 16).max(1) as u64) as usize;
        let mut m = last[..keep.min(last.len())].to_vec();
        for _ in 0..rng.below(8) {
            let i = 16 + rng.below((m.len() - 16).max(1) as u64) as usize;
            if i < m.len() {
                m[i] ^= rng.next_u64() as u8;
            }
        }
        let tail = rng.below(16) as usize;
        m.extend(rng.bytes(tail));
        m[8..12].copy_from_slice(&seq.to_ne_bytes());
        let len = m.len() as u32;
        m[0..4].copy_from_slice(&len.to_ne_bytes());
        return m;
    }
    let cmd = match rng.below(10) {
        0 => rng.next_u64() as u8,
        1 => rng.below(14) as u8,
        // WATCH_SET: the socket's state.
        2 => 11,
        _ => 1 + rng.below(7) as u8,
    };
    let mut flags = NLM_F_REQUEST | NLM_F_ACK;
    for f in FUZZ_FLAGS {
        if rng.chance(15) {
            flags |= f;
        }
    }
    let version = if rng.chance(95) {
        1
    } else {
        rng.next_u64() as u8
    };
    let reserved = if rng.chance(95) {
        0
    } else {
        rng.next_u64() as u16
    };
    let attrs = gen_attrs(rng, 0);
    let mut m = Vec::with_capacity(20 + attrs.len());
    let mut len = (20 + attrs.len()) as u32;
    if rng.chance(3) {
        len = rng.below(len as u64 + 64) as u32; // nlmsg_len lies
    }
    m.extend(len.to_ne_bytes());
    m.extend(family.to_ne_bytes());
    m.extend(flags.to_ne_bytes());
    m.extend(seq.to_ne_bytes());
    m.extend(0u32.to_ne_bytes());
    m.extend([cmd, version]);
    m.extend(reserved.to_ne_bytes());
    m.extend(attrs);
    m
}

/// An ECHO (version 1) with `NLM_F_ACK`: its ACK ends a batch.
fn probe(family: u16, seq: u32) -> Vec<u8> {
    raw::message(family, NLM_F_ACK, seq, 6, 1, &[])
}

#[derive(Default)]
struct Counts {
    sent: AtomicU64,
    accepted: AtomicU64,
    rejected: AtomicU64,
    dropped: AtomicU64,
}

/// Reads until the ACK of probe `probe_seq`, recording the fate of each
/// fuzz message of the batch (by sequence number) in `answered`.
fn drain(sock: &Sock, probe_seq: u32, answered: &mut BTreeMap<u32, bool>) -> anyhow::Result<()> {
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = match sock.recv(&mut buf, 0) {
            Ok(n) => n,
            // Replies overflowed the socket: they are lost, carry on.
            Err(e) if e.raw_os_error() == Some(libc::ENOBUFS) => continue,
            Err(e) => return Err(e).context("recv"),
        };
        for m in raw::messages(&buf[..n.min(buf.len())]) {
            let m = m.context("kernel sent a malformed message")?;
            let ok = match m.ty() {
                NLMSG_ERROR => m.error() == Some(0),
                NLMSG_DONE => true,
                _ => continue,
            };
            if m.seq() == probe_seq {
                ensure!(ok, "the probe ECHO failed: the module stopped answering");
                return Ok(());
            }
            answered.entry(m.seq()).or_insert(ok);
        }
    }
}

fn attack_thread(
    family: u16,
    seed: u64,
    quota: u64,
    deadline: Instant,
    counts: &Counts,
) -> anyhow::Result<()> {
    let sock = Sock::bound()?;
    let mut rng = Rng(seed | 1);
    let mut last = Vec::new();
    let mut seq = 1u32;
    let mut sent = 0u64;
    while sent < quota && Instant::now() < deadline {
        let first = seq;
        let mut answered = BTreeMap::new();
        for _ in 0..BATCH.min((quota - sent) as u32) {
            let m = gen_message(&mut rng, family, seq, &last);
            // The kernel may refuse the send itself (e.g. a length lie below
            // the header): that is a rejection too.
            if sock.send(&m).is_err() {
                answered.insert(seq, false);
            }
            if m.len() >= 20 && !rng.chance(50) {
                last = m;
            }
            seq = (seq + 1) % PROBE_SEQ;
            sent += 1;
        }
        sock.send(&probe(family, PROBE_SEQ | first))
            .context("probe")?;
        drain(&sock, PROBE_SEQ | first, &mut answered)?;
        let batch = seq.wrapping_sub(first) % PROBE_SEQ;
        // Answers of an earlier batch (a dump that ended late) were counted
        // there as dropped; they are not counted again.
        let ours: Vec<bool> = answered
            .range(first..first + batch)
            .map(|(_, ok)| *ok)
            .collect();
        let accepted = ours.iter().filter(|ok| **ok).count() as u64;
        counts.sent.fetch_add(batch.into(), Relaxed);
        counts.accepted.fetch_add(accepted, Relaxed);
        counts
            .rejected
            .fetch_add(ours.len() as u64 - accepted, Relaxed);
        counts
            .dropped
            .fetch_add(u64::from(batch) - ours.len() as u64, Relaxed);
    }
    Ok(())
}

/// STATS must agree with a dump of the namespace (taken again when an
/// entry the fuzzer gave a short time to live expired in between).
fn check_consistent(client: &mut Client) -> anyhow::Result<(Stats, Vec<Entry>)> {
    let (stats, entries) = loop {
        let stats = client.stats()?;
        let entries = client.list("")?;
        if client.stats()?.expired == stats.expired {
            break (stats, entries);
        }
    };
    ensure!(
        stats.count as usize == entries.len(),
        "STATS count {} but the dump has {}",
        stats.count,
        entries.len()
    );
    let bytes: usize = entries.iter().map(|e| e.value.len()).sum();
    ensure!(
        stats.bytes as usize == bytes,
        "STATS bytes {} but the dump holds {bytes}",
        stats.bytes
    );
    ensure!(
        stats.created - stats.deleted - stats.flushed - stats.expired == stats.count as u64,
        "created {} - deleted {} - flushed {} - expired {} != count {}",
        stats.created,
        stats.deleted,
        stats.flushed,
        stats.expired,
        stats.count
    );
    Ok((stats, entries))
}

fn attack(
    messages: u64,
    threads: u64,
    seed: u64,
    seconds: u64,
    shared: bool,
) -> anyhow::Result<()> {
    let family = Client::connect()?.family_id();
    let counts = Arc::new(Counts::default());
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let start = Instant::now();
    let workers: Vec<_> = (0..threads)
        .map(|t| {
            let counts = counts.clone();
            let quota = messages / threads + u64::from(t < messages % threads);
            std::thread::spawn(move || {
                attack_thread(
                    family,
                    seed ^ ((t + 1) * 0x9e37_79b9),
                    quota,
                    deadline,
                    &counts,
                )
            })
        })
        .collect();
    for w in workers {
        w.join()
            .map_err(|_| anyhow::anyhow!("fuzz thread panicked"))??;
    }
    let c = |a: &AtomicU64| a.load(Relaxed);
    let mut client = Client::connect()?;
    client.echo(&[]).context("the module no longer answers")?;
    if !shared {
        check_consistent(&mut client)?;
    }
    println!(
        "attack: sent {} accepted {} rejected {} dropped {} in {:.1}s (seed {seed})",
        c(&counts.sent),
        c(&counts.accepted),
        c(&counts.rejected),
        c(&counts.dropped),
        start.elapsed().as_secs_f64()
    );
    ensure!(
        c(&counts.sent) >= messages,
        "only {} of {messages} messages sent before the deadline",
        c(&counts.sent)
    );
    Ok(())
}

/// What one writer did: its keys' entries and its successful operations.
#[derive(Default)]
struct Model {
    entries: BTreeMap<String, Vec<u8>>,
    created: u64,
    replaced: u64,
    deleted: u64,
}

fn writer(id: u64, stop: &AtomicBool) -> anyhow::Result<Model> {
    let mut client = Client::connect()?;
    let mut rng = Rng(0x5eed + id);
    let mut model = Model::default();
    while !stop.load(Relaxed) {
        let key = format!("w{id}-{:02}", rng.below(40));
        if rng.chance(70) {
            let len = rng.below(200) as usize;
            let value = rng.bytes(len);
            client.set(&key, &value, 0, SetFlags::UPSERT)?;
            match model.entries.insert(key, value) {
                Some(_) => model.replaced += 1,
                None => model.created += 1,
            }
        } else {
            match client.del(&key) {
                Ok(_) => {
                    ensure!(
                        model.entries.remove(&key).is_some(),
                        "deleted {key}, which the model lacks"
                    );
                    model.deleted += 1;
                }
                Err(rgnl::Error::Kernel {
                    errno: libc::ENOENT,
                    ..
                }) => {
                    ensure!(!model.entries.contains_key(&key), "{key} vanished");
                }
                Err(e) => return Err(e.into()),
            }
        }
    }
    Ok(model)
}

fn model(seconds: u64) -> anyhow::Result<()> {
    let mut client = Client::connect()?;
    client.flush()?;
    let before = client.stats()?;
    let stop = Arc::new(AtomicBool::new(false));
    let dumps = Arc::new(AtomicU64::new(0));
    let events = Arc::new(Mutex::new(0u64));
    let mut listener = Client::connect()?;
    listener.subscribe_events()?;
    let listening = {
        let (stop, events) = (stop.clone(), events.clone());
        std::thread::spawn(move || -> anyhow::Result<()> {
            while !stop.load(Relaxed) {
                match listener.next_event() {
                    Ok(_) => *events.lock().map_err(|_| anyhow::anyhow!("poisoned"))? += 1,
                    // The listener fell behind and the kernel dropped some
                    // (ENOBUFS): allowed, it only counts what it heard.
                    Err(Error::EventsLost) => {}
                    Err(e) => return Err(e.into()),
                }
            }
            Ok(())
        })
    };
    let dumper = {
        let (stop, dumps) = (stop.clone(), dumps.clone());
        std::thread::spawn(move || -> anyhow::Result<()> {
            let mut client = Client::connect()?;
            while !stop.load(Relaxed) {
                client.list("")?;
                dumps.fetch_add(1, Relaxed);
            }
            Ok(())
        })
    };
    let writers: Vec<_> = (0..2)
        .map(|id| {
            let stop = stop.clone();
            std::thread::spawn(move || writer(id, &stop))
        })
        .collect();
    std::thread::sleep(Duration::from_secs(seconds));
    stop.store(true, Relaxed);
    let mut want = Model::default();
    for w in writers {
        let m = w.join().map_err(|_| anyhow::anyhow!("writer panicked"))??;
        want.entries.extend(m.entries);
        want.created += m.created;
        want.replaced += m.replaced;
        want.deleted += m.deleted;
    }
    dumper
        .join()
        .map_err(|_| anyhow::anyhow!("dumper panicked"))??;
    // One more notification wakes the listener up to see `stop`.
    client.set("final", b"", 0, SetFlags::UPSERT)?;
    want.entries.insert("final".into(), Vec::new());
    want.created += 1;
    listening
        .join()
        .map_err(|_| anyhow::anyhow!("listener panicked"))??;

    let (stats, entries) = check_consistent(&mut client)?;
    let got: BTreeMap<String, Vec<u8>> = entries.into_iter().map(|e| (e.key, e.value)).collect();
    if got != want.entries {
        bail!(
            "the registry ({} entries) differs from the model ({})",
            got.len(),
            want.entries.len()
        );
    }
    let delta = |a: u64, b: u64| a - b;
    ensure!(
        delta(stats.created, before.created) == want.created,
        "created {} != model {}",
        stats.created - before.created,
        want.created
    );
    ensure!(
        delta(stats.replaced, before.replaced) == want.replaced,
        "replaced differs from the model"
    );
    ensure!(
        delta(stats.deleted, before.deleted) == want.deleted,
        "deleted differs from the model"
    );
    let changes = want.created + want.replaced + want.deleted;
    ensure!(
        delta(stats.notifications, before.notifications) == changes,
        "notifications {} != changes {changes}",
        stats.notifications - before.notifications
    );
    let heard = *events.lock().map_err(|_| anyhow::anyhow!("poisoned"))?;
    println!(
        "model: ok, {} entries, {changes} changes, {} dumps, listener heard {heard}",
        got.len(),
        dumps.load(Relaxed)
    );
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opt = |name: &str, default: u64| -> anyhow::Result<u64> {
        match args.iter().position(|a| a == name) {
            Some(i) => args
                .get(i + 1)
                .context(name.to_string())?
                .parse()
                .context(name.to_string()),
            None => Ok(default),
        }
    };
    let seconds = opt("--seconds", 600)?;
    match args.first().map(String::as_str) {
        Some("attack") => {
            let default_seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_nanos() as u64;
            let shared = args.iter().any(|a| a == "--shared");
            attack(opt("--messages", 1_000_000)?, opt("--threads", 4)?, opt("--seed", default_seed)?, seconds, shared)
        }
        Some("model") => model(opt("--seconds", 10)?),
        _ => bail!("usage: fuzz attack [--messages N] [--threads T] [--seed S] [--seconds MAX] [--shared] | fuzz model [--seconds S]"),
    }
}
