#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Abuse: the fuzzer against a reference model. 1,000,000 random and
mutated messages (a tenth on the debug kernel) from 4 threads in a
namespace of their own (`fuzz attack`, with CAP_NET_ADMIN there: the write
paths are reached), 100,000 more from an unprivileged user in the initial
namespace, while writers, a dumper and a listener work in the initial
namespace against a reference model (`fuzz model`); then the module must
still answer, and the initial namespace still work. Checked on exit
statuses, the counts the fuzzer prints, and YNL's decoded replies.

On the debug kernel (make test DEBUG=1) KASAN, lockdep and kmemleak watch
every step, and the runner fails the run on any report. lifecycle.py, its
other half (a VM of its own beside it), has allocation failures, unload
under load and many namespaces. See Documentation/rgnl/testing.rst, "Fault
classes". The programs (fuzz) are on the VM's PATH; the module (rgnl.ko)
and its spec (rgnl.yaml) sit beside this file. The cases on the fuzzers
share one run of them (they say so).
"""

import errno
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.append(HERE.parent.as_posix())
sys.path.append(HERE.as_posix())
# pylint: disable=wrong-import-position
from net.lib.py import ksft_eq, ksft_pr, cmd
from rgnl_lib import run_loaded, insmod_rgnl, AS_NOBODY_ARGV, background, RgnlFamily, \
    closed_at_end, put, refusal, module_loaded, DEADLINE, DEBUG_KERNEL

# A tenth of the messages on the debug kernel (kmemleak is there): under
# KASAN, lockdep and kmemleak the 1,000,000 did not end in 38 min (CI, beside
# lifecycle), against 92 s on the normal kernel, nor a quarter in 37 min on
# a loaded host: they would not fit CI's budget. The normal kernels send
# them all.
FUZZ_MESSAGES = int(os.environ.get("FUZZ_MESSAGES", "1000000"))
FUZZ_SHARED = int(os.environ.get("FUZZ_SHARED", "100000"))
if DEBUG_KERNEL:
    FUZZ_MESSAGES //= 10
    FUZZ_SHARED //= 10
# The privileged fuzzer's deadline is a guard against a hang, not a speed
# test: well inside the suite's VM timeout (1200 s, 4800 s on the debug
# kernel). The unprivileged one keeps fuzz's default deadline (600 s).
ATTACK_SECONDS = 2400
SHARED_SECONDS = 600
MODEL_SECONDS = 20

ATTACK = {}


def attack():
    """Both fuzzers started together, `fuzz model` run meanwhile (20 s),
    then both waited for: each one's exit status and output (run once)."""
    if not ATTACK:
        # (Run once even if it fails half-way: a case after it finds no result.)
        ATTACK.update({name: (None, "") for name in ["model", "own", "shared"]})
        own = background(["/usr/bin/unshare", "-n", "fuzz", "attack",
                          "--messages", str(FUZZ_MESSAGES), "--threads", "4",
                          "--seconds", str(ATTACK_SECONDS)])
        shared = background(AS_NOBODY_ARGV + ["fuzz", "attack", "--messages", str(FUZZ_SHARED),
                                      "--threads", "2", "--shared"])
        model = cmd(["fuzz", "model", "--seconds", str(MODEL_SECONDS)], shell=False, fail=False,
                    timeout=MODEL_SECONDS + DEADLINE)
        own.process(terminate=False, fail=False, timeout=ATTACK_SECONDS + DEADLINE)
        shared.process(terminate=False, fail=False, timeout=SHARED_SECONDS + DEADLINE)
        for name, run in [("model", model), ("own", own), ("shared", shared)]:
            ATTACK[name] = (run.ret, run.stdout + run.stderr)
    return ATTACK


def printed(out):
    """`out` as the test's comments."""
    for line in out.splitlines():
        ksft_pr(line)


def counts(out):
    """The fuzzer's counts (`attack: sent N accepted A rejected R dropped
    D`), by name; empty if it printed none."""
    found = re.search(r"^attack: sent (\d+) accepted (\d+) rejected (\d+) dropped (\d+)", out,
                      re.MULTILINE)
    if not found:
        return {}
    return dict(zip(["sent", "accepted", "rejected", "dropped"], map(int, found.groups())))


def attacked(which, messages):
    """Fuzzer `which` exited 0 (it checks its own invariants, and that the
    module still echoes), having sent `messages`."""
    ret, out = attack()[which]
    printed(out)
    ksft_eq(ret, 0)
    ksft_eq(counts(out).get("sent"), messages)


def model_agrees_during_attack():
    """Writers, dumper and listener agree with the reference model during
    the attack: `fuzz model --seconds 20` exits 0 ("model: ok": its dump
    equals the model, stats-get its counts). (Starts the shared run.)"""
    ret, out = attack()["model"]
    printed(out)
    ksft_eq(ret, 0)
    ksft_eq(bool(re.search(r"^model: ok, \d+ entries", out, re.MULTILINE)), True)


def fuzzer_privileged_own_netns():
    """Fuzzer (privileged, own netns): FUZZ_MESSAGES messages sent (all of
    them before its deadline), stats consistent (stats-get agrees with the
    namespace's dump: fuzz exits 0). (The shared run.)"""
    attacked("own", FUZZ_MESSAGES)


def fuzzer_unprivileged_initial_netns():
    """Fuzzer (unprivileged, initial netns, among the model's writers):
    FUZZ_SHARED messages sent (it exits 0). (The shared run.)"""
    attacked("shared", FUZZ_SHARED)


def module_still_answers():
    """The module still answers: echo "alive" comes back as it went."""
    fam = closed_at_end(RgnlFamily())
    ksft_eq(fam.do("echo", {"value": b"alive"}), {"value": b"alive"})


def model_namespace_still_works():
    """And the model's namespace (the initial one) still works: a key set
    (rgnl set after-fuzz x) reads back, and once deleted (rgnl del
    after-fuzz) is gone."""
    fam = closed_at_end(RgnlFamily())
    put(fam, "after-fuzz", b"x")
    entry = fam.do("entry-get", {"key": "after-fuzz"})["entry"]
    ksft_eq((entry["key"], entry["value"]), ("after-fuzz", b"x"))
    fam.do("entry-del", {"key": "after-fuzz"})
    gone = refusal(fam.do, "entry-get", {"key": "after-fuzz"})
    ksft_eq(gone and gone[0], errno.ENOENT)


def rmmod_end():
    """rmmod rgnl."""
    cmd("rmmod rgnl", timeout=DEADLINE)
    ksft_eq(module_loaded("rgnl"), False)


CASES = [
    insmod_rgnl, model_agrees_during_attack, fuzzer_privileged_own_netns,
    fuzzer_unprivileged_initial_netns, module_still_answers, model_namespace_still_works,
    rmmod_end,
]


def main() -> None:
    """Loads the module unless it is, runs the tests, unloads it."""
    run_loaded(CASES)


if __name__ == "__main__":
    main()
