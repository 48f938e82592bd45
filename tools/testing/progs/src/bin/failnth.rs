//! Allocation failures, systematically: for each rgnl command, fails the
//! 1st, 2nd, 3rd... slab allocation the kernel makes on behalf of the
//! request (`/proc/thread-self/fail-nth`, failslab), until the command runs
//! without reaching the injected failure. After every attempt the registry
//! must be exactly as before the command (it failed) or exactly as after it
//! (it succeeded, perhaps with its answer lost): never half-applied. Once
//! injection stops, the command succeeds again.
//!
//! Needs a kernel with CONFIG_FAILSLAB and failslab's ignore-gfp-wait off
//! (the module allocates with GFP_KERNEL). Prints one line per command:
//! `CMD: N failure points, F refused with ENOMEM, L answers lost, all clean`.

use anyhow::{bail, ensure, Context};
use rgnl::{Client, Entry, Error, Lease, SetFlags, Stats};
use std::os::unix::fs::FileExt;

const FAIL_NTH: &str = "/proc/thread-self/fail-nth";

/// The registry as a client sees it.
struct State {
    stats: Stats,
    entries: Vec<Entry>,
}

fn state(client: &mut Client) -> anyhow::Result<State> {
    Ok(State {
        stats: client.stats()?,
        entries: client.list("")?,
    })
}

/// What a command did: the entries and limits it left, and how much it
/// moved each counter (setup moves them too, so only differences compare).
/// Revisions are left out: every change moves the namespace's counter; of
/// a time to live, only whether there is one (the rest runs down).
#[derive(PartialEq)]
struct Effect {
    entries: Vec<(String, Vec<u8>, u32, bool)>,
    limits: (u32, u32),
    counters: [u64; 6],
}

impl std::fmt::Debug for Effect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let keys: Vec<String> = self
            .entries
            .iter()
            .map(|(k, v, t, l)| format!("{k}({} bytes, tag {t}, ttl {l})", v.len()))
            .collect();
        write!(
            f,
            "entries {keys:?} limits {:?} counters {:?}",
            self.limits, self.counters
        )
    }
}

fn effect(from: &State, to: &State) -> Effect {
    let (a, b) = (&from.stats, &to.stats);
    Effect {
        entries: to
            .entries
            .iter()
            .map(|e| (e.key.clone(), e.value.clone(), e.tag, e.ttl_ms.is_some()))
            .collect(),
        limits: (b.max_entries, b.max_bytes),
        counters: [
            b.created - a.created,
            b.replaced - a.replaced,
            b.deleted - a.deleted,
            b.flushed - a.flushed,
            b.notifications - a.notifications,
            b.expired - a.expired,
        ],
    }
}

type Op = fn(&mut Client) -> Result<(), Error>;

/// An hour: nothing expires during the run.
const HOUR: Lease = Lease {
    ttl_ms: 3_600_000,
    notify_owner: true,
};

/// The commands, each with what it needs present beforehand.
const OPS: &[(&str, Op)] = &[
    ("set with ttl (create)", |c| {
        c.set_with("new", &[7; 300], 1, SetFlags::UPSERT, Some(HOUR))
            .map(drop)
    }),
    ("set with ttl (replace)", |c| {
        c.set_with("old", b"leased", 2, SetFlags::UPSERT, Some(HOUR))
            .map(drop)
    }),
    ("set without ttl (replace a leased entry)", |c| {
        c.set("leased", b"kept", 3, SetFlags::UPSERT).map(drop)
    }),
    ("del (a leased entry)", |c| c.del("leased").map(drop)),
    // On a fresh socket (see main): its first use allocates its state.
    ("watch-set", |c| c.watch_set("w")),
    ("set (create)", |c| {
        c.set("new", &[7; 3000], 1, SetFlags::UPSERT).map(drop)
    }),
    ("set (replace)", |c| {
        c.set("old", b"replaced", 2, SetFlags::UPSERT).map(drop)
    }),
    ("get", |c| c.get("old").map(drop)),
    ("list", |c| c.list("").map(drop)),
    ("del", |c| c.del("old").map(drop)),
    ("flush", |c| c.flush().map(drop)),
    ("stats", |c| c.stats().map(drop)),
    ("limits", |c| c.set_limits(Some(1000), None)),
    ("echo", |c| {
        c.echo(&[(rgnl::Attr::Value, vec![1; 2000])]).map(drop)
    }),
];

fn setup(client: &mut Client) -> anyhow::Result<()> {
    client.flush()?;
    client.set_limits(Some(131072), Some(16 << 20))?;
    client.set("old", b"old value", 0, SetFlags::UPSERT)?;
    client.set("other", b"x", 0, SetFlags::UPSERT)?;
    client.set_with("leased", b"l", 0, SetFlags::UPSERT, Some(HOUR))?;
    Ok(())
}

/// This thread's `fail-nth`, opened once: opening it allocates, which
/// would consume a failure still armed.
struct FailNth(std::fs::File);

impl FailNth {
    fn open() -> anyhow::Result<Self> {
        let f = std::fs::File::options()
            .read(true)
            .write(true)
            .open(FAIL_NTH);
        Ok(Self(f.with_context(|| {
            format!("{FAIL_NTH} (CONFIG_FAULT_INJECTION?)")
        })?))
    }

    /// Fails the `n`th allocation from now on (0: none).
    fn arm(&self, n: u32) -> anyhow::Result<()> {
        self.0
            .write_at(n.to_string().as_bytes(), 0)
            .context("arming fail-nth")?;
        Ok(())
    }

    /// Whether the armed failure was reached (the countdown got to zero);
    /// disarms it either way.
    fn reached(&self) -> anyhow::Result<bool> {
        let mut buf = [0u8; 16];
        let n = self.0.read_at(&mut buf, 0).context("reading fail-nth")?;
        let left: u32 = std::str::from_utf8(&buf[..n])?.trim().parse()?;
        self.arm(0)?;
        Ok(left == 0)
    }
}

fn main() -> anyhow::Result<()> {
    let fail = FailNth::open()?;
    let mut client = Client::connect()?;
    // The first list/stats allocate things once per socket; warm them up.
    setup(&mut client)?;
    state(&mut client)?;
    for (name, op) in OPS {
        // The state after the command, run without injection.
        setup(&mut client)?;
        let from = state(&mut client)?;
        op(&mut client).with_context(|| format!("{name} without injection"))?;
        let after = effect(&from, &state(&mut client)?);
        let before = effect(&from, &from);
        let (mut points, mut refused, mut lost) = (0, 0, 0);
        for n in 1.. {
            ensure!(n < 500, "{name}: still failing at allocation {n}");
            setup(&mut client)?;
            let from = state(&mut client)?;
            if *name == "watch-set" {
                client = Client::connect()?;
                state(&mut client)?;
            }
            fail.arm(n)?;
            let result = op(&mut client);
            if !fail.reached()? {
                result.with_context(|| format!("{name}: failed with no failure injected"))?;
                break;
            }
            points += 1;
            // The socket may hold the rest of a lost answer: start afresh.
            client = Client::connect()?;
            let now = effect(&from, &state(&mut client)?);
            match result {
                Err(Error::Kernel { errno, .. }) if errno == libc::ENOMEM || errno == libc::ENOBUFS => {
                    ensure!(now == before, "{name}: refused at allocation {n} but changed: {now:?}");
                    refused += 1;
                }
                // The command ran, or was never received; its answer may be lost.
                _ if now == before || now == after => {
                    if now == after {
                        lost += u32::from(result.is_err());
                    }
                }
                _ => bail!("{name}: half-applied at allocation {n}: {now:?}\nbefore {before:?}\nafter {after:?}"),
            }
        }
        setup(&mut client)?;
        op(&mut client).with_context(|| format!("{name} after injection stopped"))?;
        println!("{name}: {points} failure points, {refused} refused with ENOMEM, {lost} answers lost, all clean");
    }
    Ok(())
}
