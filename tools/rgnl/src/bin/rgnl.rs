//! `rgnl`: command-line client of the rgnl generic netlink family.

use anyhow::Context;
use clap::{Parser, Subcommand};
use rgnl::{Attr, Client, Error};
use std::process::ExitCode;

#[derive(Parser)]
#[command(version, about = "Drive the rgnl generic netlink family")]
struct Cli {
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
}

/// Exit codes, distinct per failure class so scripts can tell them apart.
mod exit {
    pub const ERROR: u8 = 1;
    pub const NOT_LOADED: u8 = 5;
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let mut client = Client::connect()?;
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
    }
    Ok(())
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rgnl: {e:#}");
            let code = match e.downcast_ref::<Error>() {
                Some(Error::NotLoaded) => exit::NOT_LOADED,
                _ => exit::ERROR,
            };
            ExitCode::from(code)
        }
    }
}
