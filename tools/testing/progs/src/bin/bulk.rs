//! Bulk registry operations for tests, over one socket each:
//!
//! - `bulk fill N PREFIX`: creates keys PREFIX000000.. (NLM_F_EXCL), value
//!   "v<i>", tag i; prints `filled N`.
//! - `bulk ttl N PREFIX MIN_MS MAX_MS`: creates keys PREFIX000000..
//!   (NLM_F_EXCL) with times to live spread evenly from MIN_MS to MAX_MS;
//!   prints `leased N`.
//! - `bulk verify N PREFIX [FILTER]`: dumps with FILTER (default PREFIX) as
//!   the prefix filter and checks that exactly N entries come back: the
//!   filled ones whose key starts with FILTER, each once, in key order, with
//!   their values; prints `verified N`.
//! - `bulk intr`: dumps everything and, after the first entry, creates a
//!   key from a second socket; prints `interrupted` or `consistent` and
//!   the number of entries received. `bulk intr --no-change` does not write.
//! - `bulk hold SECS`: tops the registry up to 3000 entries (so a dump
//!   takes many skbs), then dumps everything, pausing SECS seconds after
//!   the first entry (saying `paused` on stderr): the dump stays open, and
//!   holds the module, meanwhile.
//! - `bulk stale SECS`: resolves the family (saying `connected` on stderr),
//!   waits SECS seconds, then gets a key: prints `not loaded` when the
//!   client reports the family gone (its module was unloaded meanwhile),
//!   else the outcome.

use anyhow::{bail, ensure, Context};
use rgnl::{Client, Lease, SetFlags};

fn key(prefix: &str, i: u32) -> String {
    format!("{prefix}{i:06}")
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).map(String::as_str).unwrap_or("");
    let mut client = Client::connect()?;
    match arg(0) {
        "fill" => {
            let n: u32 = arg(1).parse().context("N")?;
            let excl = SetFlags {
                create: true,
                excl: true,
                replace: false,
            };
            for i in 0..n {
                let k = key(arg(2), i);
                client
                    .set(&k, format!("v{i}").as_bytes(), i, excl)
                    .with_context(|| format!("set {k}"))?;
            }
            println!("filled {n}");
        }
        "ttl" => {
            let n: u32 = arg(1).parse().context("N")?;
            let min: u32 = arg(3).parse().context("MIN_MS")?;
            let max: u32 = arg(4).parse().context("MAX_MS")?;
            ensure!(n > 0 && min <= max, "N > 0 and MIN_MS <= MAX_MS");
            for i in 0..n {
                let k = key(arg(2), i);
                let lease = Lease {
                    ttl_ms: min + ((u64::from(max - min) * u64::from(i)) / u64::from(n)) as u32,
                    notify_owner: false,
                };
                client
                    .set_with(&k, b"v", i, SetFlags::UPSERT, Some(lease))
                    .with_context(|| format!("set {k}"))?;
            }
            println!("leased {n}");
        }
        "verify" => {
            let n: u32 = arg(1).parse().context("N")?;
            let filter = if args.len() > 3 { arg(3) } else { arg(2) };
            // Filled keys are numbered in key order: the matches are a run.
            let first = (0..=999_999)
                .find(|&i| key(arg(2), i).starts_with(filter))
                .context("no filled key matches FILTER")?;
            let mut next = first;
            client.list_each(filter, |e| {
                let want = key(arg(2), next);
                if e.key != want || e.value != format!("v{next}").as_bytes() || e.tag != next {
                    return Err(rgnl::Error::Protocol(format!(
                        "entry {next}: got {:?}, wanted key {want:?}",
                        e
                    )));
                }
                next += 1;
                Ok(())
            })?;
            ensure!(next - first == n, "{} entries, wanted {n}", next - first);
            println!("verified {n}");
        }
        "intr" => {
            let change = arg(1) != "--no-change";
            let mut writer = Client::connect()?;
            let mut received = 0u32;
            let interrupted = client.list_each("", |_| {
                received += 1;
                if change && received == 1 {
                    writer.set("intr-change", b"x", 0, SetFlags::UPSERT)?;
                }
                Ok(())
            })?;
            let verdict = if interrupted {
                "interrupted"
            } else {
                "consistent"
            };
            println!("{verdict} {received}");
        }
        "hold" => {
            let pause = std::time::Duration::from_secs_f64(arg(1).parse().context("SECS")?);
            for i in client.stats()?.count..3000 {
                client.set(&key("h", i), &[b'x'; 64], 0, SetFlags::UPSERT)?;
            }
            let mut received = 0u32;
            client.list_each("", |_| {
                received += 1;
                if received == 1 {
                    eprintln!("paused");
                    std::thread::sleep(pause);
                }
                Ok(())
            })?;
            println!("held {received}");
        }
        "stale" => {
            eprintln!("connected");
            std::thread::sleep(std::time::Duration::from_secs_f64(
                arg(1).parse().context("SECS")?,
            ));
            match client.get("k") {
                Err(rgnl::Error::NotLoaded(_)) => println!("not loaded"),
                other => println!("{other:?}"),
            }
        }
        other => bail!("unknown command {other:?}: fill, ttl, verify, intr, hold or stale"),
    }
    Ok(())
}
