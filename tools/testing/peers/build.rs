// SPDX-License-Identifier: GPL-2.0
//! nlctrl's generated client, from the spec of the kernel tree `KSRC`
//! (the tree of the kernel under test, as `make bench` sets it).

use std::{env, path::PathBuf, process::Command};

fn main() {
    println!("cargo:rerun-if-env-changed=KSRC");
    let Ok(ksrc) = env::var("KSRC") else {
        println!("cargo:warning=set KSRC to the kernel tree whose nlctrl spec to generate from");
        std::process::exit(1);
    };
    let spec = PathBuf::from(&ksrc).join("Documentation/netlink/specs/nlctrl.yaml");
    println!("cargo:rerun-if-changed={}", spec.display());
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../..");
    let generator = root.join("tools/net/ynl/ynl-gen-rust.py");
    println!(
        "cargo:rerun-if-changed={}",
        root.join("tools/net/ynl").display()
    );
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default()).join("nlctrl.rs");
    let status = Command::new(&generator)
        .arg("--ksrc")
        .arg(&ksrc)
        .arg("--spec")
        .arg(&spec)
        .args(["--mode", "user", "--out"])
        .arg(&out)
        .status();
    if !matches!(status, Ok(s) if s.success()) {
        println!(
            "cargo:warning={} failed on {}",
            generator.display(),
            spec.display()
        );
        std::process::exit(1);
    }
    // Included into a module (`include!`), where the file's inner doc
    // comment cannot stand.
    let text = std::fs::read_to_string(&out).unwrap_or_default();
    let text: String = text
        .lines()
        .map(|l| {
            l.strip_prefix("//!")
                .map_or(l.to_string(), |rest| format!("//{rest}"))
                + "\n"
        })
        .collect();
    if std::fs::write(&out, text).is_err() {
        println!("cargo:warning=cannot rewrite {}", out.display());
        std::process::exit(1);
    }
}
