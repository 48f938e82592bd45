# SPDX-License-Identifier: GPL-2.0
"""--mode family: the start of a new family's module on its generated tables.

A crate root `<ident>_main.rs` that declares the module, the family type and
one handler per op of the spec, each answering EOPNOTSUPP; the tables come
from `<ident>_nl.rs` (`--mode kernel`). Written once, then edited: unlike the
tables, it is not regenerated.
"""

from .kernel import Kernel, cfg_attr, rustfmt, summary
from .spec import camel, snake, upper


def render(spec, source):
    fam = spec.family
    ident = snake(fam.name)
    ty = camel(fam.name)
    nl = f"{ident}_nl"
    k = Kernel(spec)
    k.policies = []
    rows = k.op_modes()
    main = [s for s in spec.root_sets() if k.attr_module(s) == "attr"]
    pads = [a for s in main for a in s.attrs.values() if a.type == "pad"]
    pad = f"{nl}::attr::{upper(pads[0].name)}" if pads else "0"
    groups = bool(fam.yaml.get("mcast-groups", {}).get("list"))

    o = []
    o.append("// SPDX-License-Identifier: GPL-2.0")
    o.append("")
    o.append(f"//! {fam.name}: a generic netlink family on the rgnl genetlink layer.")
    brief = summary(fam.yaml.get("doc"))
    if brief:
        o.append("//!")
        o.append(f"//! {brief}")
    o.append("//!")
    o.append(f"//! The tables are generated from {source} into {nl}.rs")
    o.append("//! (`ynl-gen-rust.py --mode kernel`); the handlers below are yours.")
    o.append("")
    o.append("#![forbid(unsafe_code)]")
    o.append("")
    o.append(f"mod {nl};")
    o.append("")
    uses = ["kernel_api", "Family", "Request", "SplitOp"]
    if any(m == "dump" for _, m, _ in rows):
        uses.append("Dump")
    if groups:
        uses.append("McGroup")
    o.append(f"use genl::{{{', '.join(sorted(uses, key=str.lower))}}};")
    o.append("use kernel::{prelude::*, str::CStr};")
    o.append("")
    o.append("genl::module_genl_family! {")
    o.append(f"    family: {ty},")
    o.append(f"    name: \"{ident}\",")
    o.append("    authors: [\"TODO: your name <you@example.org>\"],")
    o.append(f"    description: \"{fam.name} generic netlink family\",")
    o.append("    license: \"GPL\",")
    o.append("}")
    o.append("")
    o.append(f"/// The `{fam.name}` family.")
    o.append(f"struct {ty};")
    o.append("")
    o.append("#[vtable]")
    o.append(f"impl Family for {ty} {{")
    o.append(f"    const NAME: &'static CStr = {nl}::FAMILY_NAME;")
    o.append(f"    const VERSION: u32 = {nl}::FAMILY_VERSION;")
    if spec.kernel_policy == "global":
        o.append("    // The global policy's, as nlctrl reports it for the C family.")
        o.append(f"    const MAX_ATTR: u16 = {nl}::GLOBAL_POLICY_MAX_ATTR;")
    else:
        o.append("    // Every op has a policy of its own; nlctrl reports the family's")
        o.append("    // maxattr as 0, as it does for the families ynl-gen-c generates.")
        o.append("    const MAX_ATTR: u16 = 0;")
    o.append(f"    const PAD_ATTR: u16 = {pad};")
    if any(op.yaml.get("dont-validate") for op in spec.calls()):
        o.append(f"    const RESV_START_OP: u8 = {nl}::MIN_RESV_START_OP;")
    o.append(f"    const OPS: &'static [SplitOp<Self>] = {nl}::Ops::<Self>::TABLE;")
    if groups:
        o.append(f"    const MCGRPS: &'static [McGroup] = &{nl}::MCGRPS;")
    o.append("    type NetState = ();")
    o.append("    type SockState = ();")
    o.append("}")
    o.append("")
    o.append(f"impl {nl}::Handlers for {ty} {{")
    hooks = set()
    for op, mode, _ in rows:
        cfg = op.yaml.get("config-cond")
        cfg = [f"    {cfg_attr(cfg)}"] if cfg else []
        for when in ("pre", "post"):
            h = k.hook(op, mode, when)
            if h and h not in hooks:
                hooks.add(h)
                if when == "pre":
                    o.append(f"    fn {h}(_req: &mut Request<'_, Self>) -> Result {{")
                    o.append("        Ok(())")
                    o.append("    }")
                else:
                    o.append(f"    fn {h}(_req: &mut Request<'_, Self>) {{}}")
                o.append("")
        fn = f"{snake(op.name)}_{mode}it"
        if mode == "do":
            o += cfg
            o.append(f"    fn {fn}(_req: &mut Request<'_, Self>) -> Result {{")
            o.append("        Err(kernel_api::eopnotsupp())")
            o.append("    }")
        else:
            o.append("    // Where a dump resumes, and its largest message (genl::size).")
            o += cfg
            o.append(f"    type {camel(op.name)}DumpCursor = ();")
            o += cfg
            o.append(f"    const {upper(op.name)}_DUMP_MAX_MESSAGE: usize = 0;")
            o.append("")
            o += cfg
            o.append(f"    fn {fn}(_dump: &mut Dump<'_, Self>, _cursor: &mut ()) -> Result {{")
            o.append("        Err(kernel_api::eopnotsupp())")
            o.append("    }")
        o.append("")
    if o[-1] == "":
        o.pop()
    o.append("}")
    return rustfmt("\n".join(o) + "\n", spec.ksrc)
