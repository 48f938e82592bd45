#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The C side of the differential test of ynl-gen-rust.py against ynl-gen-c.

    cgen.py gen KSRC SPEC OUTDIR   the kernel tree's ynl-gen-c, three times
    cgen.py stub OUTDIR MODULE     a stub module on what `gen` wrote

gen runs KSRC's own ynl-gen-c (tools/net/ynl/ynl-gen-c.py on 6.12,
tools/net/ynl/pyynl/ynl_gen_c.py on 7.x) on SPEC: --mode uapi --header,
--mode kernel --header and --mode kernel --source, into
OUTDIR/uapi/linux/<uapi>.h, OUTDIR/<ident>-nl-gen.h and OUTDIR/<ident>-nl-gen.c.
Three gaps of the generator are filled, and nothing else is changed:

 - ynl-gen-c writes the family struct only for `protocol: genetlink`; for
   genetlink-legacy specs (mptcp_pm, rgnl) the kernel writes it by hand
   (net/mptcp/pm_*.c). Here the generator's own print_kernel_family_struct_src
   writes it for every protocol (the fields it writes for genetlink).
 - ops with `dont-validate` need the family's resv_start_op above them
   (genl_validate_ops), which no spec says: it is set to the last such op's
   command + 1, as net/mptcp sets it (MPTCP_PM_CMD_SUBFLOW_DESTROY + 1).
 - for a `kernel-policy: global` spec (fou) it writes the ops (small ops)
   and the global policy but no family field naming them: they are set
   as the kernel's own family does (net/ipv4/fou_core.c: .small_ops,
   .n_small_ops, .policy, .maxattr).
 - 6.12's generator cannot write a binary attribute's max-len in kernel
   mode (it raises); it gets what 7.x's writes, NLA_POLICY_MAX_LEN(MAX),
   spelled NLA_POLICY_MAX(NLA_BINARY, MAX) (6.12 has no such macro). Note
   that nlctrl reports no max-length for it (policy.c dumps a binary's
   length limits only for ranges and .len), unlike the { .type =
   NLA_BINARY, .len = MAX } the C twin rgnl_c uses.

stub writes OUTDIR/MODULE.c: the generated source, included; every
prototype of the generated header returning -EOPNOTSUPP (void ones empty);
a module registering the generated family on load.
"""

import gc
import importlib.util
import os
import re
import sys
import tempfile

import yaml


def load_generator(ksrc):
    """The tree's ynl-gen-c as a module, patched (see the docstring)."""
    ynl = os.path.join(ksrc, "tools/net/ynl")
    for path in (os.path.join(ynl, "pyynl/ynl_gen_c.py"), os.path.join(ynl, "ynl-gen-c.py")):
        if os.path.isfile(path):
            break
    else:
        sys.exit(f"cgen.py: no ynl-gen-c in {ynl}")
    # 6.12's imports its lib/ from the script's directory.
    sys.path.insert(0, os.path.dirname(path))
    spec = importlib.util.spec_from_file_location("ynl_gen_c", path)
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)

    gen.kernel_can_gen_family_struct = lambda family: True

    binary_policy = gen.TypeBinary._attr_policy

    def attr_policy(self, policy):
        try:
            return binary_policy(self, policy)
        except Exception:
            if set(self.checks) != {"max-len"}:
                raise
            # 7.x's NLA_POLICY_MAX_LEN(), which 6.12 spells out.
            return "NLA_POLICY_MAX(NLA_BINARY, " + self.get_limit_str("max-len") + ")"

    gen.TypeBinary._attr_policy = attr_policy
    return gen


def run(gen, args, name):
    """gen.main() with ARGS, writing NAME (its name matters: the source
    includes the header of the same name) in a scratch directory; returns
    what it wrote."""
    argv = sys.argv
    with tempfile.TemporaryDirectory() as tmp:
        sys.argv = ["ynl-gen-c"] + args + ["-o", os.path.join(tmp, name)]
        try:
            gen.main()
        finally:
            sys.argv = argv
        # The generator's CodeWriter writes its file when collected.
        gc.collect()
        with open(os.path.join(tmp, name), encoding="utf-8") as f:
            return f.read()


def write(path, text):
    """Write PATH unless it already holds TEXT (Kbuild rebuilds on mtime)."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    if os.path.isfile(path):
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(path + ".tmp", path)


def add_resv_start_op(source):
    """resv_start_op above the last op with a .validate, if any."""
    validated = [m.group(1) for m in re.finditer(r"\{\s*\.cmd\s*=\s*(\w+),\s*\.validate\s*=", source)]
    if not validated:
        return source
    struct = re.search(r"^struct genl_family \w+ __ro_after_init = \{$", source, re.M)
    if not struct:
        sys.exit("cgen.py: ops with .validate, but no family struct to give resv_start_op")
    at = source.index("\n", source.index(".module", struct.end())) + 1
    return source[:at] + f"\t.resv_start_op\t= {validated[-1]} + 1,\n" + source[at:]


def add_global_ops(source):
    """A global-policy family's small ops and policy in its family struct."""
    ops = re.search(r"^(?:static )?const struct genl_small_ops (\w+)\[", source, re.M)
    # The global policy follows the nested ones it names (team's).
    policies = re.findall(r"^const struct nla_policy (\w+_nl_policy)\[(\w+) \+ 1\] = \{$", source, re.M)
    policy = policies[-1] if policies else None
    if not ops or not policy:
        return source
    struct = re.search(r"^struct genl_family \w+ __ro_after_init = \{$", source, re.M)
    if not struct:
        sys.exit("cgen.py: a global policy, but no family struct to give it")
    at = source.index("\n", source.index(".module", struct.end())) + 1
    fields = (f"\t.small_ops\t= {ops.group(1)},\n\t.n_small_ops\t= ARRAY_SIZE({ops.group(1)}),\n"
              f"\t.policy\t\t= {policy[0]},\n\t.maxattr\t= {policy[1]},\n")
    return source[:at] + fields + source[at:]


def local_uapi(text, ident):
    """The generated uapi header included from the stub's own directory:
    a spec's `uapi-header` (nfsd's) keeps the tree's name, whose header
    (the original family's names) `<uapi/...>` would find first."""
    return re.sub(r"^#include <uapi/[\w/-]+\.h>$", f'#include "{ident}-uapi.h"', text,
                  flags=re.M)


def tree_uapi(text, name, version):
    """A directional spec's uapi header is the tree's (ynl-gen-c writes
    none): the original family's, NAME without the stub's suffix (-c); and
    the family struct has NAME and the spec's version, not the header's
    macros."""
    orig = name.rsplit("-", 1)[0].replace("-", "_")
    text = re.sub(r"^#include <uapi/[\w/-]+\.h>$", f"#include <uapi/linux/{orig}.h>", text,
                  flags=re.M)
    # The names the renamed family's prefix made: the header's, unprefixed.
    text = re.sub(r"\b" + name.replace("-", "_").upper() + "_", orig.upper() + "_", text)
    text = re.sub(r"^(\t\.version\t*= )\w+,$", lambda m: f"{m.group(1)}{version},", text,
                  flags=re.M)
    return re.sub(r"^(\t\.name\t*= )\w+,$", lambda m: f'{m.group(1)}"{name}",', text, flags=re.M)


def cmd_gen(ksrc, spec, outdir):
    gen = load_generator(ksrc)
    header = run(gen, ["--mode", "kernel", "--header", "--spec", spec], "gen.h")
    ident = re.search(r"^#ifndef _LINUX_(\w+)_GEN_H$", header, re.M).group(1).lower()
    source = run(gen, ["--mode", "kernel", "--source", "--spec", spec], f"{ident}-nl-gen.c")
    source = add_resv_start_op(add_global_ops(source))
    with open(spec, encoding="utf-8") as f:
        raw = yaml.safe_load(f)
    # Directional numbering: the kernel's own uapi header (devlink's, written
    # by hand: 6.12's ynl-gen-c refuses to write one, 7.3's writes one that
    # does not build).
    if raw.get("operations", {}).get("enum-model") == "directional":
        name = os.path.basename(spec)[:-len(".yaml")]
        version = raw.get("version", 1)
        header, source = tree_uapi(header, name, version), tree_uapi(source, name, version)
    else:
        uapi = run(gen, ["--mode", "uapi", "--header", "--spec", spec], "uapi.h")
        write(os.path.join(outdir, f"{ident}-uapi.h"), uapi)
        header, source = local_uapi(header, ident), local_uapi(source, ident)
    write(os.path.join(outdir, f"{ident}-nl-gen.h"), header)
    write(os.path.join(outdir, f"{ident}-nl-gen.c"), source)


PROTO = re.compile(r"^(int|void)\s+(\w+)\(([^;]*)\);$", re.M | re.S)


def cmd_stub(outdir, module):
    (header_name,) = [f for f in os.listdir(outdir) if f.endswith("-nl-gen.h")]
    with open(os.path.join(outdir, header_name), encoding="utf-8") as f:
        header = f.read()
    family = re.search(r"^extern struct genl_family (\w+);$", header, re.M).group(1)
    out = [
        "// SPDX-License-Identifier: GPL-2.0",
        f"/* Generated by tools/testing/codegen/cgen.py from {header_name}: the",
        " * family ynl-gen-c generates, with handlers that do nothing. */",
        "",
        "#include <linux/module.h>",
        "",
        f'#include "{header_name[:-2]}.c"',
        "",
    ]
    for ret, name, params in PROTO.findall(header):
        params = " ".join(params.split())
        body = "\treturn -EOPNOTSUPP;\n" if ret == "int" else ""
        out.append(f"{ret} {name}({params})\n{{\n{body}}}\n")
    out += [
        f"static int __init {module}_init(void)",
        "{",
        f"\treturn genl_register_family(&{family});",
        "}",
        "",
        f"static void __exit {module}_exit(void)",
        "{",
        f"\tgenl_unregister_family(&{family});",
        "}",
        "",
        f"module_init({module}_init);",
        f"module_exit({module}_exit);",
        'MODULE_DESCRIPTION("ynl-gen-c stub family for the rgnl codegen test");',
        'MODULE_LICENSE("GPL");',
        "",
    ]
    write(os.path.join(outdir, f"{module}.c"), "\n".join(out))


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "gen":
        cmd_gen(*sys.argv[2:])
    elif len(sys.argv) == 4 and sys.argv[1] == "stub":
        cmd_stub(*sys.argv[2:])
    else:
        sys.exit(__doc__.split("\n\n")[1])


main()
