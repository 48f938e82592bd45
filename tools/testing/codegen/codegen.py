#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The differential test of tools/net/ynl/ynl-gen-rust.py against the
kernel's ynl-gen-c, in the VM: for each spec, the family ynl-gen-c generates
and the one ynl-gen-rust generates (stub handlers both; build.sh) are loaded
side by side: nlctrl must report them alike but for their names and ids, and
they must answer requests alike (compare.py). Then the comparison must find
rgnl-cx (rgnl's spec changed on purpose) different from rgnl-c, and a
scaffold of `make new-family` must list its spec's commands and pass its own
kselftest.

Runs in one process from build.sh's directory, which sits beside the
kernel's selftests (net/lib/py) in the VM: pairs.txt, scaffold.txt, the
modules and the scaffold's kselftest are beside this file.
"""

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.append(HERE.parent.as_posix())
sys.path.append(HERE.as_posix())
# pylint: disable=wrong-import-position
from net.lib.py import ksft_run, ksft_exit, ksft_eq, ksft_true, ksft_pr, cmd
import compare

CTRL = compare.Nlctrl()


def case(name, fn, *args):
    """A test case called NAME (any text: a readable TAP line) running
    FN(*ARGS)."""
    def run():
        fn(*args)
    run.__name__ = re.sub(r"[^0-9A-Za-z]+", "_", name).strip("_")
    return run


def insmod(module):
    cmd(f"insmod {HERE / module}.ko")


def rmmod(*modules):
    loaded = {line.split()[0] for line in Path("/proc/modules").read_text().splitlines()}
    for module in modules:
        if module in loaded:
            cmd(f"rmmod {module}")


def alike(fam_a, fam_b, aspect):
    """compare.py finds no difference in ASPECT; what it says is printed."""
    status, lines = compare.compare(CTRL, fam_a, fam_b, aspect)
    for line in lines:
        ksft_pr(line)
    ksft_eq(status, 0, f"{fam_a} and {fam_b} differ in {aspect}")


def finds(aspect, want):
    """The comparison of rgnl-c and rgnl-cx fails, WANT (a regex) among
    the differences."""
    status, lines = compare.compare(CTRL, "rgnl-c", "rgnl-cx", aspect)
    for line in lines:
        ksft_pr(line)
    ksft_eq(status, 1)
    ksft_true(any(re.search(want, line) for line in lines),
              f"no difference matching {want!r}")


def missing_family():
    status, _ = compare.compare(CTRL, "rgnl-c", "no-such-family", "family")
    ksft_eq(status, 2)


def scaffold_commands(fam, cmds):
    """iproute2 lists the scaffold's spec's commands."""
    out = cmd(f"genl ctrl get name {fam}").stdout
    listed = []
    section = False
    for line in out.splitlines():
        if "commands supported" in line:
            section = True
        elif not line.strip():
            section = False
        elif section:
            listed.append(line.split()[1])
    ksft_eq(" ".join(listed), cmds)


def scaffold_kselftest(fam):
    cmd((HERE / (fam.replace("-", "_") + "_test")).as_posix())


def scaffold_missing():
    raise AssertionError("the scaffold's kselftest and commands were not built (scaffold.txt)")


def cases():
    pairs = [line.split() for line in (HERE / "pairs.txt").read_text().splitlines() if line.strip()]
    out = []
    for base, cmod, cfam, rsmod, rsfam in pairs:
        out += [
            case(f"{base} insmod ynl-gen-c {cfam}", insmod, cmod),
            case(f"{base} insmod ynl-gen-rust {rsfam}", insmod, rsmod),
            # GETFAMILY: version, hdrsize, maxattr, ops and their flags, groups.
            case(f"{base} family alike", alike, cfam, rsfam, "family"),
            # GETPOLICY: each op's do/dump policy, every attribute, nested policies.
            case(f"{base} policies alike", alike, cfam, rsfam, "policies"),
            case(f"{base} policy numbering alike", alike, cfam, rsfam, "numbering"),
            # Every op, one attribute of each type, many payloads; errors, extack.
            case(f"{base} requests answered alike", alike, cfam, rsfam, "requests"),
        ]
    scaffold = (HERE / "scaffold.txt").read_text().split(maxsplit=1)
    if len(scaffold) == 2:
        fam, cmds = scaffold[0], scaffold[1].strip()
        out += [case("scaffold lists its spec's commands", scaffold_commands, fam, cmds),
                case("scaffold kselftest passes", scaffold_kselftest, fam)]
    else:
        out.append(case("scaffold built", scaffold_missing))
    out += [
        case("insmod rgnl-cx (rgnl's spec changed on purpose)", insmod, "rgnl_cx"),
        case("comparison finds a changed op flag", finds, "family",
             "flags: rgnl-c cmd-cap-do | cmd-cap-haspol | uns-admin-perm, rgnl-cx cmd-cap-do | cmd-cap-haspol$"),
        case("comparison finds a changed string max-length", finds, "policies",
             "max-length: rgnl-c 64, rgnl-cx 63$"),
        case("comparison finds a changed range in the numbered tables", finds, "numbering",
             "max-value-u: rgnl-c 1048576, rgnl-cx 1048575$"),
        case("requests find a changed string max-len", finds, "requests",
             r"op 1 do, attr 2: .*, rgnl-cx .*policy \{max-length 63, type nul-string\}"),
        case("comparison fails on a family that is not there", missing_family),
    ]
    out += [case(f"{base} rmmod both", rmmod, cmod, rsmod) for base, cmod, _, rsmod, _ in pairs]
    out.append(case("rmmod rgnl-cx", cmd, "rmmod rgnl_cx"))
    return out


def main():
    os.chdir(HERE)
    ksft_run(cases())
    ksft_exit()


if __name__ == "__main__":
    main()
