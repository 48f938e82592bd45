#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""A limit changed in the spec alone: the module and client built from
rgnl.yaml with value-max-len changed from 4096 to 1000 and regenerated,
nothing else edited (the host's limit-change.sh puts them in limit/ beside
this file). The kernel's policy and the client's check both say 1000; YNL's
library, on the unchanged spec, checks no lengths itself and meets the
kernel's policy.
"""

import errno
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.append(HERE.parent.as_posix())
sys.path.append(HERE.as_posix())
# pylint: disable=wrong-import-position
from net.lib.py import ksft_eq, ksft_true, cmd
from rgnl_lib import run_then_unload, RgnlFamily, module_loaded, forget_family_ids, \
    closed_at_end, refusal, put, DEADLINE, NLM_F_CREATE
from spec_check import differences

LIMIT = HERE / "limit"
V1000 = "v" * 1000


def client(*args):
    """limit/rgnl (the client built from the changed spec) with `args`:
    (exit status, stdout, stderr)."""
    run = subprocess.run([(LIMIT / "rgnl").as_posix(), *args], capture_output=True, text=True,
                         timeout=DEADLINE, check=False)
    return run.returncode, run.stdout, run.stderr


def fam():
    """A socket of rgnl through YNL's library (the unchanged spec)."""
    return closed_at_end(RgnlFamily())


def insmod_changed():
    """insmod the rgnl.ko built from the changed spec."""
    cmd(f"insmod {LIMIT / 'rgnl.ko'}", timeout=DEADLINE)
    forget_family_ids()
    ksft_eq(module_loaded("rgnl"), True)


def client_stores_new_max():
    """Its client stores a value of the new maximum (1000 bytes)."""
    ksft_eq(client("set", "k", V1000)[0], 0)
    ksft_eq(fam().do("entry-get", {"key": "k"})["entry"]["value"], V1000.encode())


def client_refuses_over_max():
    """Its client refuses 1001 bytes before sending: exit 6, naming the
    limit; nothing changed."""
    rc, _, err = client("set", "k", V1000 + "v")
    ksft_eq(rc, 6, comment=err)
    ksft_true("at most 1000" in err, comment=err)
    ksft_eq(len(fam().do("entry-get", {"key": "k"})["entry"]["value"]), 1000)


def kernel_refuses_over_max():
    """The kernel refuses 1001 bytes from a client without the check (YNL):
    ERANGE, "binary attribute size out of range", at the value."""
    got = refusal(put, fam(), "k2", b"v" * 1001, flags=(NLM_F_CREATE, ))
    ksft_eq(got and (got[0], got[1].get("msg"), got[1].get("bad-attr")),
            (errno.ERANGE, "binary attribute size out of range", ".value"))


def refused_stored_nothing():
    """... and stored nothing: the client lists one entry."""
    rc, out, err = client("--json", "list")
    ksft_eq(rc, 0, comment=err)
    ksft_eq([json.loads(line)["key"] for line in out.splitlines()], ["k"])


def kernel_takes_new_max():
    """The kernel takes 1000 bytes from YNL."""
    f = fam()
    put(f, "k3", b"v" * 1000, flags=(NLM_F_CREATE, ))
    ksft_eq(len(f.do("entry-get", {"key": "k3"})["entry"]["value"]), 1000)


def nlctrl_matches_changed_spec():
    """nlctrl: the ops, groups and policies are the changed spec's."""
    spec = LIMIT / "rgnl.yaml"
    ksft_eq([d for aspect in ("ops", "groups", "policies") for d in differences(spec, aspect)],
            [])


def rmmod_changed():
    """rmmod."""
    cmd("rmmod rgnl", timeout=DEADLINE)
    ksft_eq(module_loaded("rgnl"), False)


CASES = [
    insmod_changed, client_stores_new_max, client_refuses_over_max, kernel_refuses_over_max,
    refused_stored_nothing, kernel_takes_new_max, nlctrl_matches_changed_spec, rmmod_changed,
]


def main():
    """Runs the tests; the module is unloaded at the end either way."""
    run_then_unload(CASES)


if __name__ == "__main__":
    main()
