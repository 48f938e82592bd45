# SPDX-License-Identifier: GPL-2.0
"""--mode family: the start of a new family's module on its generated tables.

A crate root `<ident>_main.rs` that declares the module, the family type and
one handler per op of the spec, each answering EOPNOTSUPP; the tables come
from `<ident>_nl.rs` (`--mode kernel`). Written once, then edited: unlike the
tables, it is not regenerated.
"""

from .kernel import Kernel, cfg_attr, rustfmt, summary, type_ident
from .spec import camel, snake


def render(spec, source):
    spec.check_no_max()
    fam = spec.family
    ident = snake(fam.name)
    ty = type_ident(fam.name)
    nl = f"{ident}_nl"
    k = Kernel(spec)
    k.policies = []
    rows = k.op_modes()

    o = []
    o.append("// SPDX-License-Identifier: GPL-2.0")
    o.append("")
    o.append(f"//! {fam.name}: a generic netlink family on the rgnl genetlink layer.")
    brief = summary(fam.yaml.get("doc"))
    if brief:
        o.append("//!")
        o.append(f"//! {brief}")
    o.append("//!")
    o.append(f"//! The family type, its tables and its handler traits are generated from")
    o.append(f"//! {source} into {nl}.rs (`ynl-gen-rust.py --mode kernel`); the")
    o.append("//! handlers below are yours, each given its request already validated.")
    o.append("")
    o.append("#![forbid(unsafe_code)]")
    o.append("")
    o.append(f"mod {nl};")
    o.append("")
    uses = ["Family"] + (["kernel_api", "Request"] if rows else [])
    if any(m == "dump" for _, m, _ in rows):
        uses.append("Dump")
    if any(m == "dump" and k.hook(op, m, "pre") for op, m, _ in rows):
        uses.append("DumpStart")
    o.append(f"use genl::{{{', '.join(sorted(uses, key=str.lower))}}};")
    o.append("use kernel::prelude::*;")
    o.append(f"use {nl}::{ty};")
    o.append("")
    o.append("genl::module_genl_family! {")
    o.append(f"    family: {ty},")
    o.append(f"    name: \"{ident}\",")
    o.append("    authors: [\"TODO: your name <you@example.org>\"],")
    o.append(f"    description: \"{fam.name} generic netlink family\",")
    o.append("    license: \"GPL\",")
    o.append("}")
    o.append("")
    o.append("#[vtable]")
    o.append(f"impl Family for {ty} {{")
    o.append("    type NetState = ();")
    o.append("    type SockState = ();")
    o.append("}")
    hooks = set()
    for op, mode, static in rows:
        cfg = op.yaml.get("config-cond")
        cfg = [cfg_attr(cfg)] if cfg else []
        for when in ("pre", "post"):
            h = k.hook(op, mode, when)
            if h and h not in hooks:
                hooks.add(h)
                o.append("")
                o.append(f"impl {nl}::{camel(h)} for {ty} {{")
                if when == "pre":
                    o.append(f"    fn pre_doit(_req: &mut Request<'_, Self>) -> Result {{")
                    o.append("        Ok(())")
                    o.append("    }")
                else:
                    o.append(f"    fn post_doit(_req: &mut Request<'_, Self>) {{}}")
                o.append("}")
        trait = f"{camel(op.name)}{camel(mode)}it"
        attrs = f"_attrs: {nl}::{k.request_type(op, mode)}<'_>, " if static else ""
        o.append("")
        o += cfg
        o.append(f"impl {nl}::{trait} for {ty} {{")
        if mode == "do":
            o.append(f"    fn doit(_req: &mut Request<'_, Self>, {attrs}) -> Result {{")
        else:
            o.append("    // Where a dump resumes.")
            o.append("    type Cursor = ();")
            if k.message_size(op, "dump") is None:
                o.append("    // The largest message: the spec does not bound it. Replace with")
                o.append("    // its bound (genl::size).")
                o.append("    const MAX_MESSAGE: usize = genl::size::DEFAULT;")
            o.append("")
            if k.hook(op, mode, "pre"):
                o.append(f"    fn pre_dumpit(_start: &mut DumpStart<'_, Self>, {attrs}_cursor: &mut ()) -> Result {{")
                o.append("        Ok(())")
                o.append("    }")
                o.append("")
            if k.hook(op, mode, "post"):
                o.append("    fn post_dumpit(_cursor: &mut ()) {}")
                o.append("")
            o.append(f"    fn dumpit(_dump: &mut Dump<'_, Self>, {attrs}_cursor: &mut ()) -> Result {{")
        o.append("        Err(kernel_api::eopnotsupp())")
        o.append("    }")
        o.append("}")
    return rustfmt("\n".join(o) + "\n", spec.ksrc)
