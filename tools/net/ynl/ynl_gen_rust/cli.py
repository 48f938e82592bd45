# SPDX-License-Identifier: GPL-2.0
"""--mode cli: a family's command line (the `main.rs` of the client crate
`make new-family` scaffolds), on the module `--mode user` generates:

    <crate> do OP [NAME=VALUE ...]     a do request, its reply as JSON
    <crate> dump OP [NAME=VALUE ...]   a dump, a JSON line per reply
    <crate> monitor GROUP              the notifications of GROUP, as JSON

Requests take the attributes `from_args` reads (integers, enums, strings,
flags, in the spec's words); refusals print the kernel's errno and extack.
"""

from .spec import rustfmt, snake
from .user import Gen


def render(spec, source):
    gen = Gen(spec)
    gen.render(source)
    fam = spec.family
    lib = snake(fam.name).removeprefix("r#") + "_client"
    o = ["// SPDX-License-Identifier: GPL-2.0",
         f"// Do not edit: generated from {source}",
         "// by tools/net/ynl/ynl-gen-rust.py --mode cli.",
         "",
         f"//! `{fam.name}` from the command line, on its generated client: replies and",
         "//! notifications print as JSON lines, in the spec's words.",
         "",
         "use clap::{Parser, Subcommand};",
         "use std::process::ExitCode;",
         f"use {lib}::*;",
         "",
         "#[derive(Parser)]",
         f'#[command(about = "The {fam.name} generic netlink family")]',
         "struct Cli {", "    #[command(subcommand)]", "    command: Command,", "}", "",
         "#[derive(Subcommand)]",
         "enum Command {",
         "    /// Sends a do request and prints its reply: OP [NAME=VALUE ...].",
         "    Do { op: String, attrs: Vec<String> },",
         "    /// Dumps, printing every reply: OP [NAME=VALUE ...].",
         "    Dump { op: String, attrs: Vec<String> },",
         "    /// Prints the notifications of GROUP.",
         "    Monitor { group: String },",
         "}", "",
         "fn print(v: &impl serde::Serialize) -> Result<(), ynl::Error> {",
         "    let line = serde_json::to_string(v).map_err(|e| ynl::Error::Protocol(e.to_string()))?;",
         '    println!("{line}");',
         "    Ok(())",
         "}", "",
         "/// `NAME=VALUE` arguments as pairs (`NAME` alone: a flag).",
         "fn pairs(attrs: &[String]) -> Vec<(&str, &str)> {",
         "    attrs",
         "        .iter()",
         "        .map(|a| a.split_once('=').unwrap_or((a.as_str(), \"\")))",
         "        .collect()",
         "}", "",
         "fn run(cli: Cli) -> Result<(), Box<dyn std::error::Error>> {",
         "    let mut c = connect()?;",
         "    match cli.command {",
         ]
    for mode, cmd in (("do", "Do"), ("dump", "Dump")):
        arms = []
        for op in spec.calls():
            if (op.name, mode) not in gen.requests:
                continue
            name = gen.requests[(op.name, mode)][0]
            reply = gen.replies.get((op.name, mode))
            if mode == "do":
                call = ".call(&mut c, |r| print(&r))??" if reply else ".call(&mut c)?"
            else:
                call = ".dump(&mut c, |r| print(&r))?" if reply else ".dump(&mut c, |_| Ok(()))?"
            arms.append(f'                "{op.name}" => {name}::from_args(&args)?{call},')
        what = "do request" if mode == "do" else "dump"
        if not arms:
            o += [f"        Command::{cmd} {{ op, .. }} => {{",
                  f'            return Err(format!("{{op}}: no {what} of this family").into());',
                  "        }"]
            continue
        o += [f"        Command::{cmd} {{ op, attrs }} => {{",
              "            let args = pairs(&attrs);",
              "            match op.as_str() {", *arms,
              f'                _ => return Err(format!("{{op}}: no {what} of this family").into()),',
              "            }", "        }"]
    o += [
          "        Command::Monitor { group } => {",
          "            c.join(&group)?;"]
    if spec.events():
        o += ["            loop {",
              "                if let Some(r) = Event::next(&mut c, |e| print(&e))? {",
              "                    r?;",
              "                }",
              "            }"]
    else:
        o += ['            return Err("the spec has no notifications to decode".into());']
    o += ["        }", "    }", "    Ok(())", "}", "",
          "fn main() -> ExitCode {",
          "    match run(Cli::parse()) {",
          "        Ok(()) => ExitCode::SUCCESS,",
          "        Err(e) => {",
          '            eprintln!("{}: {e}", env!("CARGO_PKG_NAME"));',
          "            ExitCode::from(1)",
          "        }", "    }", "}"]
    return rustfmt("\n".join(o) + "\n")
