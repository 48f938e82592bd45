//! `rgnl`: command-line client of the rgnl generic netlink family.

use anyhow::{bail, Context};
use clap::{Args, Parser, Subcommand};
use rgnl::{
    value, Attr, Client, Cmd, DelReason, Entry, EntryDelNtf, Error, Event, FlushNtf, Lease,
    RawAttr, SetFlags, Stats,
};
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

const EXIT_CODES: &str = "\
Exit status:
  0  success
  1  any other error
  2  bad command line
  3  not found (ENOENT)
  4  permission denied (EPERM, EACCES)
  5  module not loaded (no such generic netlink family)
  6  invalid input (EINVAL, ERANGE; also refused before sending)
  7  already exists (EEXIST)
  8  limit reached (ENOSPC)";

#[derive(Parser)]
#[command(version, about = "Drive the rgnl generic netlink family", after_help = EXIT_CODES)]
struct Cli {
    /// The family to talk to (`raw` and `monitor --raw` work with any family).
    #[arg(long, default_value = rgnl::FAMILY_NAME, global = true)]
    family: String,
    /// Print JSON (one object per line for list and monitor) instead of text.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

/// A value on the command line: text, `@FILE` for a file's contents, or
/// hex digits with --hex.
#[derive(Args)]
struct ValueArg {
    /// The value: text, or @FILE to read it from FILE.
    value: String,
    /// VALUE is hex digits (optionally 0x-prefixed).
    #[arg(long)]
    hex: bool,
}

impl ValueArg {
    fn bytes(&self) -> anyhow::Result<Vec<u8>> {
        if self.hex {
            return value::parse_hex(&self.value).map_err(invalid);
        }
        match self.value.strip_prefix('@') {
            Some(path) => std::fs::read(path).with_context(|| format!("reading {path}")),
            None => Ok(self.value.clone().into_bytes()),
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Store VALUE under KEY (create or replace unless flags say otherwise).
    Set {
        #[arg(help = format!("The key (1 to {} bytes)", Attr::KEY_MAX_LEN))]
        key: String,
        #[command(flatten)]
        value: ValueArg,
        /// A number stored with the entry.
        #[arg(long, default_value_t = 0)]
        tag: u32,
        /// NLM_F_CREATE: create the key if missing.
        #[arg(long)]
        create: bool,
        /// NLM_F_EXCL: fail if the key exists.
        #[arg(long)]
        excl: bool,
        /// NLM_F_REPLACE: replace the key if it exists.
        #[arg(long)]
        replace: bool,
        #[arg(long, value_parser = parse_ttl, help = format!(
            "Time to live: 500ms, 10s, 2m, 1h, or milliseconds (at most {}). Without it the \
             entry never expires",
            duration(Attr::TTL_MS_MAX)
        ))]
        ttl: Option<u32>,
        /// With --ttl: then wait, on this socket (which joins no group),
        /// for the kernel's notice that the entry expired, and print it.
        #[arg(long, requires = "ttl")]
        notify_owner: bool,
    },
    /// Print the entry of KEY.
    Get {
        /// The key.
        key: String,
    },
    /// Print every entry, in key order.
    List {
        /// Only keys starting with PREFIX.
        #[arg(long, default_value = "")]
        prefix: String,
    },
    /// Delete the entry of KEY.
    Del {
        /// The key.
        key: String,
    },
    /// Delete every entry of the network namespace.
    Flush,
    /// Print the namespace's usage, limits and counters.
    Stats,
    /// Set the namespace's limits.
    Limits {
        /// Most entries.
        #[arg(long)]
        max_entries: Option<u32>,
        /// Most value bytes, summed over all entries.
        #[arg(long)]
        max_bytes: Option<u32>,
    },
    /// Print notifications as they arrive, until interrupted.
    Monitor {
        /// The multicast group.
        #[arg(default_value = rgnl::GROUP_EVENTS)]
        group: String,
        /// Receive entry notifications only for keys starting with PREFIX
        /// (WATCH_SET on this socket).
        #[arg(long)]
        prefix: Option<String>,
        /// Monitor the audit group (who changed what; needs CAP_NET_ADMIN).
        #[arg(long, conflicts_with = "group")]
        audit: bool,
        /// Exit after this many notifications.
        #[arg(long)]
        count: Option<u64>,
        /// Print "CMD attrs" lines as `raw` does (any family).
        #[arg(long)]
        raw: bool,
    },
    /// Send TEXT as VALUE to ECHO and print what comes back.
    Echo {
        /// The text to send.
        text: String,
    },
    /// Print the family id nlctrl resolved.
    Family,
    /// Send command CMD with raw attributes; print each reply message on a
    /// line as TYPE=VALUE pairs (4-byte payloads as u32, others as hex).
    Raw {
        /// The command number.
        cmd: u8,
        /// Dump (NLM_F_DUMP) instead of do.
        #[arg(long)]
        dump: bool,
        /// An attribute: TYPE=u32:N, TYPE=str:S (NUL-terminated) or
        /// TYPE=flag: (no payload).
        #[arg(long = "attr", value_name = "TYPE=KIND:VALUE")]
        attrs: Vec<String>,
    },
}

/// Input refused before anything was sent (exit status 6).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct Invalid(String);

fn invalid(e: impl std::fmt::Display) -> anyhow::Error {
    Invalid(format!("{e:#}")).into()
}

/// A key: the spec's checks, and not empty (which the kernel refuses too).
fn check_key(key: &str) -> anyhow::Result<()> {
    if key.is_empty() || Attr::check_key(key).is_err() {
        return Err(invalid(format!(
            "key must be 1 to {} bytes without NUL",
            Attr::KEY_MAX_LEN
        )));
    }
    Ok(())
}

fn parse_attr(spec: &str) -> anyhow::Result<RawAttr> {
    let (t, rest) = spec.split_once('=').context("expected TYPE=KIND:VALUE")?;
    let t: u16 = t.parse().with_context(|| format!("attribute type {t:?}"))?;
    let payload = match rest.split_once(':') {
        Some(("u32", v)) => v
            .parse::<u32>()
            .context("u32 value")?
            .to_ne_bytes()
            .to_vec(),
        Some(("str", v)) => [v.as_bytes(), b"\0"].concat(),
        Some(("flag", "")) => Vec::new(),
        _ => bail!("{spec:?}: KIND must be u32, str or flag"),
    };
    Ok((Attr::from(t), payload))
}

fn format_attrs(attrs: &[RawAttr]) -> String {
    let fields: Vec<String> = attrs
        .iter()
        .map(|(t, p)| match <[u8; 4]>::try_from(p.as_slice()) {
            Ok(b) => format!("{}={}", u16::from(*t), u32::from_ne_bytes(b)),
            Err(_) => format!("{}={}", u16::from(*t), value::to_hex(p)),
        })
        .collect();
    fields.join(" ")
}

/// A time to live: `500ms`, `10s`, `2m`, `1h`, or milliseconds.
fn parse_ttl(s: &str) -> Result<u32, String> {
    let (digits, unit) = s
        .find(|c: char| !c.is_ascii_digit())
        .map_or((s, ""), |i| s.split_at(i));
    let ms_per = match unit {
        "" | "ms" => 1,
        "s" => 1_000,
        "m" => 60_000,
        "h" => 3_600_000,
        _ => return Err(format!("unknown unit {unit:?} (ms, s, m or h)")),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("{s:?} is not a duration"))?;
    match n.checked_mul(ms_per).map(u32::try_from) {
        Some(Ok(ms)) if Attr::check_ttl_ms(ms).is_ok() => Ok(ms),
        _ => Err(format!(
            "a time to live is {} ms to {} ms ({})",
            Attr::TTL_MS_MIN,
            Attr::TTL_MS_MAX,
            duration(Attr::TTL_MS_MAX)
        )),
    }
}

/// Milliseconds in words: `a day`, `2 hours`, `90 s`...
fn duration(ms: u32) -> String {
    let units = [
        (86_400_000, "a day", "days"),
        (3_600_000, "an hour", "hours"),
        (60_000, "a minute", "minutes"),
        (1_000, "a second", "s"),
    ];
    for (per, one, many) in units {
        match ms / per {
            1 if ms == per => return one.to_string(),
            n if n > 0 && ms.is_multiple_of(per) => return format!("{n} {many}"),
            _ => {}
        }
    }
    format!("{ms} ms")
}

fn format_entry(e: &Entry) -> String {
    let ttl = e.ttl_ms.map(|t| format!(" ttl={t}ms")).unwrap_or_default();
    format!(
        "{}\t{}\ttag={} revision={}{ttl}",
        e.key,
        value::display(&e.value),
        e.tag,
        e.revision
    )
}

fn format_stats(s: &Stats) -> String {
    format!(
        "entries {}/{}\nbytes {}/{}\ncreated {}\nreplaced {}\ndeleted {}\nflushed {}\nnotifications {}\nexpired {}\naudit-messages {}",
        s.count,
        s.max_entries,
        s.bytes,
        s.max_bytes,
        s.created,
        s.replaced,
        s.deleted,
        s.flushed,
        s.notifications,
        s.expired,
        s.audit_messages
    )
}

fn format_event(ev: &Event) -> String {
    match ev {
        Event::EntryNew(ntf) => format!("new\t{}", format_entry(&ntf.entry)),
        Event::EntryDel(EntryDelNtf { entry, reason }) => {
            let what = match *reason {
                DelReason::DELETED => "del".to_string(),
                DelReason::EXPIRED => "expired".to_string(),
                // A reason of a newer kernel, kept as its number.
                DelReason(n) => format!("del(reason {n})"),
            };
            format!("{what}\t{}", format_entry(entry))
        }
        Event::Flush(FlushNtf { count }) => format!("flush\tcount={count}"),
        Event::Audit(ntf) => {
            let (command, portid, uid) = (ntf.command, ntf.portid, ntf.uid);
            let command = match Cmd::from(command as u8) {
                Cmd::EntryNew => "entry-new".to_string(),
                Cmd::EntryDel => "entry-del".to_string(),
                Cmd::Flush => "flush".to_string(),
                Cmd::LimitsSet => "limits-set".to_string(),
                _ => format!("command-{command}"),
            };
            let key = ntf
                .key
                .as_ref()
                .map(|k| format!("key={k} "))
                .unwrap_or_default();
            format!("audit\t{command}\t{key}portid={portid} uid={uid}")
        }
    }
}

/// Prints `item` as JSON or as `text` formats it, flushing at once (a
/// script may be waiting on the line).
struct Out {
    json: bool,
}

impl Out {
    fn print<T: Serialize>(&self, item: &T, text: impl FnOnce(&T) -> String) -> anyhow::Result<()> {
        let mut stdout = std::io::stdout().lock();
        if self.json {
            serde_json::to_writer(&mut stdout, item)?;
            writeln!(stdout)?;
        } else {
            writeln!(stdout, "{}", text(item))?;
        }
        stdout.flush()?;
        Ok(())
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let out = Out { json: cli.json };
    // Refuse bad input before looking for the family.
    match &cli.command {
        Command::Set { key, .. } | Command::Get { key } | Command::Del { key } => check_key(key)?,
        _ => {}
    }
    let mut client = Client::connect_to(&cli.family)?;
    match cli.command {
        Command::Set {
            key,
            value,
            tag,
            create,
            excl,
            replace,
            ttl,
            notify_owner,
        } => {
            let bytes = value.bytes()?;
            Attr::check_value(&bytes).map_err(invalid)?;
            if excl && replace {
                // Together they are NLM_F_DUMP's two bits.
                return Err(invalid(
                    "--excl and --replace cannot be combined (together they mean NLM_F_DUMP)",
                ));
            }
            let flags = if create || excl || replace {
                SetFlags {
                    create,
                    excl,
                    replace,
                }
            } else {
                SetFlags::UPSERT
            };
            let lease = ttl.map(|ttl_ms| Lease {
                ttl_ms,
                notify_owner,
            });
            let entry = client
                .set_with(&key, &bytes, tag, flags, lease)
                .context("set")?;
            out.print(&entry, format_entry)?;
            if notify_owner {
                // The notice comes to this socket alone: it joined no group.
                loop {
                    let event = client.next_event().context("waiting for the expiry")?;
                    if let Event::EntryDel(ntf) = &event {
                        if ntf.entry.key == key {
                            out.print(&event, format_event)?;
                            break;
                        }
                    }
                }
            }
        }
        Command::Get { key } => out.print(&client.get(&key).context("get")?, format_entry)?,
        Command::List { prefix } => {
            let interrupted = client
                .list_each(&prefix, |e| {
                    out.print(&e, format_entry)
                        .map_err(|e| Error::Netlink(format!("writing output: {e}")))
                })
                .context("list")?;
            if interrupted {
                eprintln!("rgnl: the registry changed during the listing (NLM_F_DUMP_INTR)");
            }
        }
        Command::Del { key } => out.print(&client.del(&key).context("del")?, format_entry)?,
        Command::Flush => {
            let count = client.flush().context("flush")?;
            out.print(&Event::Flush(FlushNtf { count }), format_event)?;
        }
        Command::Stats => out.print(&client.stats().context("stats")?, format_stats)?,
        Command::Limits {
            max_entries,
            max_bytes,
        } => {
            client
                .set_limits(max_entries, max_bytes)
                .context("limits")?;
            out.print(&client.stats().context("stats")?, format_stats)?;
        }
        Command::Monitor {
            group,
            prefix,
            audit,
            count,
            raw,
        } => {
            if let Some(prefix) = &prefix {
                Attr::check_prefix(prefix).map_err(invalid)?;
                client.watch_set(prefix).context("watch-set")?;
            }
            let group = if audit {
                rgnl::GROUP_AUDIT.to_string()
            } else {
                group
            };
            // Room for bursts (the kernel caps it at net.core.rmem_max).
            client.set_recv_buffer_size(32 << 20)?;
            client
                .subscribe(&cli.family, &group)
                .with_context(|| format!("joining {}/{group}", cli.family))?;
            eprintln!("rgnl: listening on {}/{group}", cli.family);
            let mut seen = 0;
            while count.is_none_or(|n| seen < n) {
                if raw {
                    let (cmd, attrs) = client.next_notification()?;
                    println!("{} {}", u8::from(cmd), format_attrs(&attrs));
                    std::io::stdout().flush()?;
                } else {
                    out.print(&client.next_event()?, format_event)?;
                }
                seen += 1;
            }
        }
        Command::Echo { text } => {
            let reply = client
                .echo(&[(Attr::Value, text.into_bytes())])
                .context("ECHO")?;
            let value = reply
                .iter()
                .find(|(t, _)| *t == Attr::Value)
                .context("ECHO reply has no VALUE")?;
            println!("{}", String::from_utf8_lossy(&value.1));
        }
        Command::Family => println!("{}", client.family_id()),
        Command::Raw { cmd, dump, attrs } => {
            let attrs = attrs
                .iter()
                .map(|a| parse_attr(a))
                .collect::<anyhow::Result<Vec<_>>>()?;
            if dump {
                let (msgs, interrupted) = client.dump(Cmd::from(cmd), &attrs).context("dump")?;
                for m in &msgs {
                    println!("{}", format_attrs(m));
                }
                if interrupted {
                    eprintln!("rgnl: dump interrupted (NLM_F_DUMP_INTR)");
                }
            } else {
                let reply = client.request(Cmd::from(cmd), &attrs).context("request")?;
                println!("{}", format_attrs(&reply));
            }
        }
    }
    Ok(())
}

/// The exit status for an error (see `EXIT_CODES`).
fn exit_code(e: &anyhow::Error) -> u8 {
    if e.downcast_ref::<Invalid>().is_some() {
        return 6;
    }
    match e.downcast_ref::<Error>() {
        Some(Error::NotLoaded(_)) => 5,
        Some(Error::Invalid(_)) => 6,
        Some(Error::Kernel { errno, .. }) => match *errno {
            libc::ENOENT => 3,
            libc::EPERM | libc::EACCES => 4,
            libc::EINVAL | libc::ERANGE => 6,
            libc::EEXIST => 7,
            libc::ENOSPC => 8,
            _ => 1,
        },
        _ => 1,
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rgnl: {e:#}");
            ExitCode::from(exit_code(&e))
        }
    }
}
