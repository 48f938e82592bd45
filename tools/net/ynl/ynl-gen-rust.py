#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Rust code from a YNL spec, for families on the rgnl genetlink layer.

    ynl-gen-rust.py --spec SPEC --mode kernel|user|cli|family [--out FILE] [--ksrc DIR]

kernel: the family's tables on the layer (numbers, policies, groups, the
        ops table and the handler contract); committed, never edited.
user:   the client's types on the client runtime (tools/ynl).
cli:    a command line on those types (the main.rs of a family's client).
family: a module skeleton on those tables, one EOPNOTSUPP handler per op
        (the start of a new family: `make new-family`).

The spec is read with nlspec.py of the kernel tree DIR (default: $KSRC, or
the tree this script sits in), validated against that tree's schema.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from ynl_gen_rust.spec import Spec, SpecError  # noqa: E402


def default_ksrc():
    env = os.environ.get("KSRC")
    if env:
        return env
    # Dropped into a kernel tree's tools/net/ynl/, like ynl-gen-c.py.
    return os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../.."))


def source_name(path):
    """How the generated header names the spec: from Documentation/ on, as
    the kernel's generated files do, else as given if relative."""
    marker = "Documentation/netlink/specs/"
    if marker in path:
        return path[path.index(marker):]
    return path if not os.path.isabs(path) else os.path.basename(path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spec", required=True, help="the YNL spec (YAML)")
    ap.add_argument("--mode", required=True, choices=["kernel", "user", "cli", "family"])
    ap.add_argument("--out", help="output file (default: standard output)")
    ap.add_argument("--ksrc", default=None, help="kernel tree with tools/net/ynl (default: $KSRC)")
    ap.add_argument("--source-name", default=None,
                    help="the spec's path as named in the generated header (default: --spec)")
    args = ap.parse_args()

    try:
        spec = Spec(args.spec, args.ksrc or default_ksrc())
        source = args.source_name or source_name(args.spec)
        if args.mode == "kernel":
            from ynl_gen_rust import kernel
            text = kernel.render(spec, source)
        elif args.mode == "user":
            from ynl_gen_rust import user
            text = user.render(spec, source)
        elif args.mode == "cli":
            from ynl_gen_rust import cli
            text = cli.render(spec, source)
        else:
            from ynl_gen_rust import family
            text = family.render(spec, source)
    except SpecError as e:
        print(f"{args.spec}: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"{args.spec}: {e.strerror}: {e.filename}", file=sys.stderr)
        return 1

    if args.out:
        tmp = args.out + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, args.out)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
