// SPDX-License-Identifier: GPL-2.0
//! nlctrl's client as `ynl-gen-rust.py --mode user` generates it from the
//! spec of the kernel tree `KSRC` (build.rs), for `peer_bench`.

/// The generated nlctrl client.
pub mod nlctrl {
    include!(concat!(env!("OUT_DIR"), "/nlctrl.rs"));
}
