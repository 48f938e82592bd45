//! `rgnl`: command-line client of the rgnl generic netlink family.

use anyhow::{bail, Context};
use clap::{Parser, Subcommand};
use rgnl::{Attr, Client, Cmd, Error, RawAttr};
use std::io::Write;
use std::process::ExitCode;

#[derive(Parser)]
#[command(version, about = "Drive the rgnl generic netlink family")]
struct Cli {
    /// The family to talk to (`raw` works with any family).
    #[arg(long, default_value = rgnl::FAMILY_NAME, global = true)]
    family: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the family id nlctrl resolved.
    Family,
    /// Send TEXT as VALUE to ECHO and print what comes back.
    Echo {
        /// The text to send.
        text: String,
    },
    /// Print notifications of multicast GROUP as they arrive ("CMD attrs"
    /// a line, as `raw` prints them); stop after --count of them.
    Monitor {
        /// The group name.
        #[arg(default_value = "events")]
        group: String,
        /// Exit after this many notifications (default: never).
        #[arg(long)]
        count: Option<u64>,
    },
    /// Send command CMD with raw attributes; print each reply message on a
    /// line as TYPE=VALUE pairs (4-byte payloads as u32, others as hex).
    Raw {
        /// The command number.
        cmd: u8,
        /// Dump (NLM_F_DUMP) instead of do.
        #[arg(long)]
        dump: bool,
        /// An attribute: TYPE=u32:N or TYPE=str:S (NUL-terminated).
        #[arg(long = "attr", value_name = "TYPE=KIND:VALUE")]
        attrs: Vec<String>,
    },
}

/// Exit codes, distinct per failure class so scripts can tell them apart.
mod exit {
    pub const ERROR: u8 = 1;
    pub const NOT_LOADED: u8 = 5;
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
        _ => bail!("{spec:?}: KIND must be u32 or str"),
    };
    Ok((Attr::from(t), payload))
}

fn format_attrs(attrs: &[RawAttr]) -> String {
    let fields: Vec<String> = attrs
        .iter()
        .map(|(t, p)| match <[u8; 4]>::try_from(p.as_slice()) {
            Ok(b) => format!("{}={}", u16::from(*t), u32::from_ne_bytes(b)),
            Err(_) => {
                let hex: String = p.iter().map(|b| format!("{b:02x}")).collect();
                format!("{}={hex}", u16::from(*t))
            }
        })
        .collect();
    fields.join(" ")
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let mut client = Client::connect_to(&cli.family)?;
    match cli.command {
        Command::Family => println!("{}", client.family_id()),
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
        Command::Monitor { group, count } => {
            client.subscribe(&cli.family, &group)?;
            eprintln!("rgnl: listening on {}/{group}", cli.family);
            let mut seen = 0;
            while count.is_none_or(|n| seen < n) {
                let (cmd, attrs) = client.next_notification()?;
                println!("{} {}", u8::from(cmd), format_attrs(&attrs));
                // A script waits on this line: do not let it sit in a buffer.
                std::io::stdout().flush()?;
                seen += 1;
            }
        }
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

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rgnl: {e:#}");
            let code = match e.downcast_ref::<Error>() {
                Some(Error::NotLoaded(_)) => exit::NOT_LOADED,
                _ => exit::ERROR,
            };
            ExitCode::from(code)
        }
    }
}
