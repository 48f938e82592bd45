#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Faults of the module's lifecycle: allocation failures (failslab, every
slab allocation of every command in turn), unload while a dump holds the
module and under load (writers, dumpers and listeners), and many network
namespaces created and destroyed with entries in them. Checked on exit
statuses, delete_module's errno, the counts the programs print, YNL's
decoded replies and MemAvailable.

Runs in the VM, beside faults.py (the fuzzer); on the debug kernel (make
test DEBUG=1) KASAN, lockdep and kmemleak watch every step, and the runner
fails the run on any report. See Documentation/rgnl/testing.rst, "Fault
classes". The programs (failnth, bulk, rgnl) are on the VM's PATH; the
module (rgnl.ko) and its spec (rgnl.yaml) sit beside this file. The cases
run in order: they unload and load the module; those on one run of a
program share it (they say so).
"""

import ctypes
import errno
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.append(HERE.parent.as_posix())
sys.path.append(HERE.as_posix())
# pylint: disable=wrong-import-position
from net.lib.py import ksft_eq, ksft_ge, ksft_lt, ksft_pr, ksft_busy_wait, cmd, defer, \
    KsftSkipEx
from rgnl_lib import run_loaded, insmod_rgnl, background, RgnlFamily, closed_at_end, \
    registered, put_echo, module_loaded, forget_family_ids, LIBC, DEADLINE, DEBUG_KERNEL

FAILSLAB = Path("/sys/kernel/debug/failslab")
# A guard against a hang (the old suite had none but the VM's timeout).
FAILNTH_SECONDS = 2400
RMMODS = 20
# The programs run again and again under the rmmods: writers, dumpers (one
# pausing half-way, which holds the module) and listeners.
LOAD = [["bulk", "fill", "2000", "u"], ["rgnl", "list"], ["bulk", "hold", "0.5"],
        ["rgnl", "monitor"], ["sh", "-c", "rgnl set k v; rgnl del k"]]
# Each command is bounded: a listener's recv does not return by itself.
LOAD_RUN_SECONDS = 2
# Many namespaces: 256 at once, each with entries, created and destroyed,
# twice over. The namespaces' registries are freed with them (kmemleak
# checks on the debug kernel, where 64 at once: there 2 x 256 had not ended
# after 12 min beside the fuzzer, which would not fit CI's budget).
CHURN = 64 if DEBUG_KERNEL else 256
CHURN_ROUND_SECONDS = 1200
# Each namespace lives as long as its process, which then sleeps (unshare
# and sh exec into it: the process started here) until killed. (Polling
# for a file instead, 256 shells forked a sleep 1,280 times a second.)
CHURN_SH = 'bulk fill 3 n >/dev/null && echo ok >>"$1" && exec sleep 3600'
MEMORY_SLACK_KB = 8192
COLOUR = {"key": "colour", "value": b"blue", "tag": 0, "revision": 1}


def insmod():
    """insmod rgnl.ko: its exit status. YNL looks the family up again
    afterwards (its id may have changed)."""
    ret = cmd(f"insmod {HERE / 'rgnl.ko'}", fail=False, timeout=DEADLINE).ret
    forget_family_ids()
    return ret


def rmmod():
    """Unloads rgnl as busybox rmmod does (delete_module, O_NONBLOCK |
    O_EXCL): 0, or the errno of the refusal (EWOULDBLOCK while something
    holds the module; rmmod exits 1)."""
    if LIBC.delete_module(b"rgnl", os.O_NONBLOCK | os.O_EXCL) == 0:
        return 0
    return ctypes.get_errno()


def said(proc, text):
    """A condition for ksft_busy_wait: background program `proc` wrote
    `text` on its stderr (read as it comes, without blocking), or ended;
    and the bytes it read."""
    fd = proc.proc.stderr.fileno()
    seen = bytearray()

    def cond():
        while select.select([fd], [], [], 0)[0]:
            chunk = os.read(fd, 4096)
            if not chunk:
                break
            seen.extend(chunk)
        return text in seen or proc.proc.poll() is not None
    return cond, seen


def mem_available():
    """MemAvailable, in kB."""
    with open("/proc/meminfo", encoding="ascii") as f:
        for line in f:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1])
    raise RuntimeError("no MemAvailable in /proc/meminfo")


# Allocation failures: every slab allocation of every command, in turn.

def failslab_every_command():
    """failslab: every command fails cleanly at each allocation, and works
    after (failnth exits 0, each command's line saying "all clean", and
    failures were injected). Skipped on a kernel without CONFIG_FAILSLAB
    (make test DEBUG=1 runs it)."""
    gfp_wait = FAILSLAB / "ignore-gfp-wait"
    if not os.access(gfp_wait, os.W_OK):
        raise KsftSkipEx("failslab: kernel without CONFIG_FAILSLAB (make test DEBUG=1 runs it)")
    # The module allocates with GFP_KERNEL, which failslab spares unless told.
    gfp_wait.write_text("N", encoding="ascii")
    defer(gfp_wait.write_text, "Y", encoding="ascii")
    verbose = FAILSLAB / "verbose"
    defer(verbose.write_text, verbose.read_text(encoding="ascii"), encoding="ascii")
    verbose.write_text("0", encoding="ascii")
    run = cmd(["failnth"], shell=False, fail=False, timeout=FAILNTH_SECONDS)
    for line in (run.stdout + run.stderr).splitlines():
        ksft_pr(line)
    ksft_eq(run.ret, 0)
    lines = run.stdout.splitlines()
    found = [re.fullmatch(r".+: (\d+) failure points, (\d+) refused with ENOMEM, "
                          r"(\d+) answers lost, all clean", line) for line in lines]
    ksft_ge(len(lines), 1, comment="a line per command")
    ksft_eq([line for line, m in zip(lines, found) if not m], [], comment="all clean")
    ksft_ge(sum(int(m.group(1)) for m in found if m), 1, comment="failure points")


# A dump in progress holds the module: rmmod is refused until it ends.

HOLD = {}


def held():
    """`bulk hold 4` (a dump paused 4 s after its first entry, saying
    "paused" on stderr), an rmmod once it paused, and the dump's outcome
    (run once)."""
    if not HOLD:
        HOLD.update(paused=False, rmmod=None, loaded=None, ret=None, out="")
        hold = background(["bulk", "hold", "4"])
        cond, seen = said(hold, b"paused")
        ksft_busy_wait(cond, sleep=0.1, deadline=60)
        HOLD["paused"] = b"paused" in seen
        HOLD["rmmod"] = rmmod()
        HOLD["loaded"] = module_loaded("rgnl")
        hold.process(terminate=False, fail=False, timeout=DEADLINE)
        HOLD["ret"], HOLD["out"] = hold.ret, hold.stdout
    return HOLD


def rmmod_refused_while_dump_paused():
    """rmmod refused while a dump is paused half-way (the old suite's
    "EBUSY": rmmod exits 1; the kernel's errno is EWOULDBLOCK, the module's
    references being held), and rgnl stays loaded. (The shared run.)"""
    run = held()
    ksft_eq(run["paused"], True, comment="bulk hold said paused")
    ksft_eq(run["rmmod"], errno.EWOULDBLOCK)
    ksft_eq(run["loaded"], True)


def paused_dump_completes():
    """The paused dump then completes: bulk hold exits 0 having received
    all 3000 entries ("held 3000"). (The shared run.)"""
    run = held()
    ksft_eq(run["ret"], 0)
    got = re.search(r"^held (\d+)$", run["out"], re.MULTILINE)
    ksft_eq(int(got.group(1)) if got else None, 3000)


def rmmod_succeeds_once_dump_ended():
    """rmmod succeeds once it has."""
    held()
    ksft_eq(rmmod(), 0)
    ksft_eq(module_loaded("rgnl"), False)


def insmod_after_dump():
    """insmod: the family is registered again."""
    ksft_eq(insmod(), 0)
    ksft_eq(registered("rgnl")["family-name"], "rgnl")


# Unload under load: rmmod, again and again, while writers, dumpers and
# listeners run. It either refuses (busy) or unloads; then it reloads and
# works.

UNDER_LOAD = {}


def looped(argv, stop):
    """Runs `argv` again and again until `stop` is set, each run bounded."""
    while not stop.is_set():
        try:
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           timeout=LOAD_RUN_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            pass


def stopped(stop, threads):
    """Stops the load and waits for its programs to end."""
    stop.set()
    for t in threads:
        t.join()


def under_load():
    """RMMODS rmmods while the LOAD programs run, each rmmod either
    refused or unloading, then rgnl reloaded (a reload failing ends them);
    then the load stopped. Their counts (run once)."""
    if not UNDER_LOAD:
        # (reload: insmod's status after the last unload; None, a failure,
        # until one.)
        UNDER_LOAD.update(unloaded=0, refused=0, errnos=set(), reload=None)
        closed_at_end(RgnlFamily()).do("flush", {})
        stop = threading.Event()
        threads = [threading.Thread(target=looped, args=(argv, stop)) for argv in LOAD]
        for t in threads:
            t.start()
        defer(stopped, stop, threads)
        # Time for the load to get going before the first rmmod (the old
        # suite's 1 s): there is no event to wait for.
        time.sleep(1)
        for _ in range(RMMODS):
            err = rmmod()
            if err == 0:
                UNDER_LOAD["unloaded"] += 1
                # Unloaded for 0.2 s: time for the load to meet the family
                # gone.
                time.sleep(0.2)
                UNDER_LOAD["reload"] = insmod()
                if UNDER_LOAD["reload"] != 0:
                    break
            else:
                UNDER_LOAD["refused"] += 1
                UNDER_LOAD["errnos"].add(errno.errorcode.get(err, str(err)))
            # 0.1 s of load between two rmmods.
            time.sleep(0.1)
        stopped(stop, threads)
        ksft_pr(f"rmmod under load: {UNDER_LOAD['unloaded']} unloads, "
                f"{UNDER_LOAD['refused']} refusals (a paused dump holds the module; "
                f"{', '.join(sorted(UNDER_LOAD['errnos'])) or 'none'})")
    return UNDER_LOAD


def rmmods_under_load_each_unloaded_or_refused():
    """20 rmmods under load: each unloaded or refused (none cut short by a
    reload failing). (The shared run.)"""
    run = under_load()
    ksft_eq(run["unloaded"] + run["refused"], RMMODS)


def rmmods_under_load_every_reload_worked():
    """... every reload worked (insmod exited 0 each time). (The shared
    run.)"""
    ksft_eq(under_load()["reload"], 0)


def rmmods_under_load_some_unloaded():
    """And some unloaded. (The shared run.)"""
    ksft_ge(under_load()["unloaded"], 1)


def rmmod_once_load_stops():
    """rmmod once the load stops (its programs ended): rgnl unloads, as
    soon as their sockets, closed, let the module go (a dump cut short
    releases it once its socket is destroyed)."""
    under_load()
    ksft_busy_wait(lambda: not module_loaded("rgnl") or rmmod() == 0, sleep=0.1,
                   deadline=DEADLINE)
    ksft_eq(module_loaded("rgnl"), False)


def insmod_again():
    """insmod again: the family is registered."""
    ksft_eq(insmod(), 0)
    ksft_eq(registered("rgnl")["family-name"], "rgnl")


def reloaded_works():
    """And it works: rgnl set colour blue gives the entry back (echoed),
    tag 0, revision 1."""
    ksft_eq(put_echo(closed_at_end(RgnlFamily()), "colour", b"blue"), COLOUR)


# Many namespaces, twice over (CHURN at once).

CHURNED = {}


def reaped(procs):
    """Kills the namespaces' processes that still run, and reaps them all."""
    for p in procs:
        if p.poll() is None:
            p.kill()
    for p in procs:
        p.wait()


def lines(path):
    """The number of lines in file `path` (0 if there is none)."""
    try:
        return path.read_text(encoding="ascii").count("\n")
    except FileNotFoundError:
        return 0


def churn():
    """Two rounds of CHURN namespaces at once, each with 3 entries (bulk
    fill 3 n) and its process kept alive until all of the round's were
    filled, then killed. MemAvailable before, and the number of namespaces
    filled (run once)."""
    if not CHURNED:
        tmp = Path(tempfile.mkdtemp())
        defer(shutil.rmtree, tmp, ignore_errors=True)
        ok = tmp / "churn-ok"
        # (filled: None, a failure, unless both rounds end.)
        CHURNED.update(before=mem_available(), filled=None)
        for rnd in (1, 2):
            procs = []
            defer(reaped, procs)
            for _ in range(CHURN):
                procs.append(subprocess.Popen(["/usr/bin/unshare", "-n", "sh", "-c", CHURN_SH,
                                               "sh", ok.as_posix()],
                                              stdout=subprocess.DEVNULL,
                                              stderr=subprocess.DEVNULL))
            ksft_busy_wait(lambda n=rnd * CHURN: lines(ok) >= n, sleep=0.5,
                           deadline=CHURN_ROUND_SECONDS, comment=f"round {rnd}")
            reaped(procs)
        CHURNED["filled"] = lines(ok)
    return CHURNED


def namespaces_churned():
    """2 rounds of CHURN (256; 64 on the debug kernel) live namespaces,
    each with 3 entries. (The shared run.)"""
    ksft_eq(churn()["filled"], 2 * CHURN)


def memory_returned():
    """Memory returned (MemAvailable within 8 MiB of before) once the
    namespaces are gone. Skipped on the debug kernel. (The shared run.)"""
    run = churn()
    ksft_eq(run["filled"], 2 * CHURN, comment="the namespaces churned")
    before = run["before"]
    after = [mem_available()]
    if DEBUG_KERNEL:
        ksft_pr(f"MemAvailable: {before} kB before, {after[-1]} kB after 2 x {CHURN} namespaces")
        # KASAN's quarantine and kmemleak's metadata keep freed memory here.
        raise KsftSkipEx("memory returned: debug kernel: MemAvailable says nothing under KASAN; "
                         "kmemleak checks for leaks instead")

    # A namespace is freed after its last process ends, in the kernel's
    # cleanup work: waited for (the old suite slept 2 s), up to DEADLINE.
    def returned():
        after.append(mem_available())
        return before - after[-1] < MEMORY_SLACK_KB
    ksft_busy_wait(returned, sleep=0.5, deadline=DEADLINE)
    ksft_pr(f"MemAvailable: {before} kB before, {after[-1]} kB after 2 x {CHURN} namespaces")
    ksft_lt(before - after[-1], MEMORY_SLACK_KB)


def initial_namespace_kept_entry():
    """The initial namespace kept its entry: colour, blue, tag 0, revision
    1."""
    fam = closed_at_end(RgnlFamily())
    ksft_eq(fam.do("entry-get", {"key": "colour"})["entry"], COLOUR)


def rmmod_end():
    """rmmod rgnl."""
    ksft_eq(rmmod(), 0)
    ksft_eq(module_loaded("rgnl"), False)


CASES = [
    insmod_rgnl, failslab_every_command,
    rmmod_refused_while_dump_paused, paused_dump_completes, rmmod_succeeds_once_dump_ended,
    insmod_after_dump,
    rmmods_under_load_each_unloaded_or_refused, rmmods_under_load_every_reload_worked,
    rmmods_under_load_some_unloaded, rmmod_once_load_stops, insmod_again, reloaded_works,
    namespaces_churned, memory_returned, initial_namespace_kept_entry, rmmod_end,
]


def main() -> None:
    """Loads the module unless it is, runs the tests, unloads it."""
    run_loaded(CASES)


if __name__ == "__main__":
    main()
