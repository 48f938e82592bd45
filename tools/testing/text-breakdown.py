#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Where a module's text goes: the .ko's function symbols (nm -S), summed by
what they belong to: the family's own code, the genetlink layer, the kernel
crate, core/alloc (monomorphised for the module), the C helpers and
trampolines. Prints a table per module and the largest functions.

    text-breakdown.py MODULE.ko... [--top N]
"""
import argparse
import collections
import re
import subprocess


def owner(name, rust):
    """The part of the code a demangled symbol belongs to (`rust`: of a
    module with Rust code, whose C is the layer's helpers)."""
    # Generic instances are named by their definition, with the family's
    # types as arguments: classify by the path they start with.
    path = re.sub(r"^(?:[<&*\[(]|mut |dyn )+", "", name)
    path = re.split(r"::| as |[\]>;]", path)[0]
    path = re.sub(r"\[[0-9a-f]+\]$", "", path)
    primitive = re.fullmatch(r"[iu](8|16|32|64|128|size)|bool|char|str", path)
    if path in ("core", "alloc", "compiler_builtins") or primitive:
        return "core, alloc (monomorphised)"
    if path == "kernel":
        return "kernel crate"
    if path == "genl":
        return "genetlink layer (genl)"
    if "::" in name:
        return "family (" + path + ")"
    if name in ("init_module", "cleanup_module"):
        return "module init and exit"
    if rust:
        return "the layer's C helpers (helpers.c)"
    return "C family code"


def functions(ko):
    """(size, demangled name) of each function in the .ko's text, one per
    address (identical code folded into one has several names)."""
    out = subprocess.run(["nm", "-S", "-C", "--size-sort", ko], check=True,
                         capture_output=True, text=True).stdout
    seen = set()
    for line in out.splitlines():
        parts = line.split(" ", 3)
        if len(parts) == 4 and parts[2] in "tT" and parts[0] not in seen:
            seen.add(parts[0])
            yield int(parts[1], 16), parts[3]


def sections(ko):
    """(name, size) of the .ko's sections that `size` counts as text
    (code and read-only data), largest first."""
    out = subprocess.run(["readelf", "-S", "-W", ko], check=True,
                         capture_output=True, text=True).stdout
    found = []
    for m in re.finditer(r"\]\s+(\S+)\s+\S+\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)\s+\S+\s+([A-Z]*)", out):
        name, size, flags = m.group(1), int(m.group(2), 16), m.group(3)
        if "A" in flags and "W" not in flags and size:
            found.append((name, size))
    return sorted(found, key=lambda s: -s[1])


def text_size(ko):
    out = subprocess.run(["size", ko], check=True, capture_output=True, text=True).stdout
    return int(out.splitlines()[1].split()[0])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ko", nargs="+")
    ap.add_argument("--top", type=int, default=10)
    args = ap.parse_args()
    for ko in args.ko:
        funcs = list(functions(ko))
        rust = any("::" in name for _, name in funcs)
        by = collections.Counter()
        count = collections.Counter()
        for size, name in funcs:
            by[owner(name, rust)] += size
            count[owner(name, rust)] += 1
        total = text_size(ko)
        print(f"{ko}: text {total} bytes, {len(funcs)} functions")
        for part, size in by.most_common():
            print(f"  {part:<44} {size:>7} bytes {count[part]:>4} functions")
        rest = total - sum(by.values())
        print(f"  {'(other text: tables, alignment, exception fixups)':<44} {rest:>7} bytes")
        print("  by section: " + ", ".join(f"{n} {z}" for n, z in sections(ko)[:8]))
        print(f"  largest {args.top}:")
        for size, name in sorted(funcs, reverse=True)[: args.top]:
            print(f"    {size:>6}  {name[:110]}")


if __name__ == "__main__":
    main()
