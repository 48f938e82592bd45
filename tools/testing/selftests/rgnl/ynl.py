#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The rgnl family against clients nobody here wrote: the kernel's own YNL
CLI (cli.py of the kernel under test, driven by the spec alone, its
--output-json decoded), YNL's library, and iproute2's genl (whose text is
all it gives). Also the registered family against the spec through nlctrl
(spec_check.py), and the check's own power to see a difference.

The tests run in the initial namespace, where the CLIs are: each works on
keys of its own. The first test loads the module (with iproute2's monitor
listening), the last unloads it.
"""

import errno
import json
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.append(HERE.parent.as_posix())
sys.path.append(HERE.as_posix())
# pylint: disable=wrong-import-position
from net.lib.py import ksft_eq, ksft_ne, ksft_true, ksft_busy_wait, ksft_pr, cmd, defer
from rgnl_lib import run_then_unload, AS_NOBODY_ARGV, RgnlFamily, module_loaded, \
    forget_family_ids, closed_at_end, registered, refusal, listener, put, drain, as_nobody, \
    DEADLINE, NLM_F_CREATE, NLM_F_EXCL, NLM_F_REPLACE
from spec_check import differences

SPEC = HERE / "rgnl.yaml"
YNL_CLI = ["python3", "/ynl/cli.py", "--no-schema", "--spec", SPEC.as_posix()]
# iproute2's monitor of nlctrl, started before the module loads, and where
# it prints.
MONITOR = {}
MONITOR_OUT = Path("/tmp/ctrlmon")


def subscribed():
    """Whether a generic netlink socket has joined a group (its Groups
    column in /proc/net/netlink); no other socket of the guest holds one."""
    with open("/proc/net/netlink", encoding="ascii") as f:
        rows = [line.split() for line in f.readlines()[1:]]
    return any(row[1] == "16" and row[3] != "00000000" for row in rows)


def cli(*args, fail=True):
    """cli.py with `args` and --output-json: its run (returncode, stdout,
    stderr)."""
    run = subprocess.run(YNL_CLI + ["--output-json", *args], capture_output=True, text=True,
                         timeout=DEADLINE, check=False)
    if fail and run.returncode != 0:
        raise AssertionError(f"cli.py {' '.join(args)}: exit {run.returncode}: "
                             f"{run.stdout}{run.stderr}")
    return run


def cli_json(*args):
    """What cli.py printed on stdout for `args`, decoded."""
    return json.loads(cli(*args).stdout)


def cli_refusal_printed(run, err, *texts):
    """cli.py's run was refused: exit 1, its NlError printed with the
    errno's text (and `texts`, the extack's message)."""
    out = run.stdout + run.stderr
    ksft_eq(run.returncode, 1, comment=out)
    for text in ("Netlink error", os.strerror(err), *texts):
        ksft_true(text in out, comment=f"{text!r} in {out!r}")


def json_arg(attrs):
    """attrs as cli.py's --json takes them."""
    return ["--json", json.dumps(attrs)]


def fam():
    """A socket of rgnl through YNL's library, closed when the test ends."""
    if not module_loaded("rgnl"):
        cmd(f"insmod {HERE / 'rgnl.ko'}", timeout=DEADLINE)
        forget_family_ids()
    return closed_at_end(RgnlFamily())


def fresh(*keys):
    """A family socket, the registry without `keys`, and their deletion
    at the end of the test."""
    f = fam()
    for key in keys:
        refusal(f.do, "entry-del", {"key": key})
        defer(refusal, f.do, "entry-del", {"key": key})
    return f


def rgnl_json(*args):
    """What the rgnl CLI printed with --json, decoded."""
    return json.loads(cmd("rgnl --json " + " ".join(args), timeout=DEADLINE).stdout)


def genl(args):
    """What iproute2's genl prints."""
    return cmd("genl " + args, timeout=DEADLINE).stdout


# Loading, seen by iproute2.

def insmod_with_genl_monitor():
    """insmod rgnl.ko while iproute2's `genl ctrl monitor` listens: the
    module loads and nlctrl has the family."""
    # (It lives until genl_monitor_saw_family.)
    with open(MONITOR_OUT, "w", encoding="utf-8") as out:
        MONITOR["proc"] = subprocess.Popen(  # pylint: disable=consider-using-with
            ["genl", "ctrl", "monitor"], stdout=out, stderr=subprocess.STDOUT)
    ksft_busy_wait(subscribed, sleep=0.05, deadline=DEADLINE, comment="genl ctrl monitor joined")
    cmd(f"insmod {HERE / 'rgnl.ko'}", timeout=DEADLINE)
    forget_family_ids()
    ksft_eq(registered("rgnl").get("family-name"), "rgnl")


def genl_monitor_saw_family():
    """iproute2's genl ctrl monitor printed the family's announcement
    (it flushes each message it prints)."""
    proc = MONITOR["proc"]
    defer(proc.wait, timeout=DEADLINE)
    defer(proc.terminate)
    ksft_busy_wait(lambda: "Name: rgnl" in MONITOR_OUT.read_text(encoding="utf-8"),
                   sleep=0.05, deadline=DEADLINE, comment="Name: rgnl")


# The registered family against the spec.

def spec_groups():
    """nlctrl: the multicast groups and maxattr are the spec's."""
    fam()
    ksft_eq(differences(SPEC, "groups"), [])


def spec_ops():
    """nlctrl: the ops, their do/dump and admin flags are the spec's."""
    fam()
    ksft_eq(differences(SPEC, "ops"), [])


def spec_policies():
    """nlctrl: every op's policy is the spec's request attributes and
    checks."""
    fam()
    ksft_eq(differences(SPEC, "policies"), [])


def changed_spec(old, new):
    """rgnl.yaml with `old` changed to `new` wherever it is, in a file of
    its own."""
    text = SPEC.read_text(encoding="utf-8")
    ksft_true(old in text, comment=f"{old!r} in rgnl.yaml")
    path = Path("/tmp/changed.yaml")
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def spec_check_sees_key_length():
    """The spec check catches a spec whose key length differs."""
    fam()
    path = changed_spec("max-len: key-max-len", "max-len: 63")
    ksft_ne(differences(path, "policies"), [])


def spec_check_sees_flush_perm():
    """The spec check catches a spec whose flush is not admin-only."""
    fam()
    text = SPEC.read_text(encoding="utf-8")
    flush = re.search(r"name: flush\n(?:.*\n)*?\s*flags: \[ uns-admin-perm \]\n", text)
    ksft_true(flush is not None, comment="flush's flags in rgnl.yaml")
    path = changed_spec(flush.group(0), re.sub(r"\s*flags: .*\n", "\n", flush.group(0)))
    ksft_ne(differences(path, "ops"), [])


# The YNL CLI drives every operation from the spec alone.

def cli_create():
    """cli.py --do entry-new --create stores the entry."""
    f = fresh("ynl-key")
    cli("--do", "entry-new", "--create", *json_arg({"key": "ynl-key", "value": "68656c6c6f",
                                                    "tag": 9}))
    ksft_eq(f.do("entry-get", {"key": "ynl-key"})["entry"]["value"], b"hello")


def cli_get():
    """cli.py --do entry-get decodes the entry."""
    f = fresh("ynl-key")
    put(f, "ynl-key", b"hello", tag=9)
    rev = f.do("entry-get", {"key": "ynl-key"})["entry"]["revision"]
    ksft_eq(cli_json("--do", "entry-get", *json_arg({"key": "ynl-key"})),
            {"entry": {"key": "ynl-key", "revision": rev, "tag": 9, "value": "68656c6c6f"}})


def replace_by_cli():
    """ynl-key stored through YNL's library, then replaced through
    cli.py --do entry-new --replace: the socket, and the revision the
    entry had."""
    f = fresh("ynl-key")
    put(f, "ynl-key", b"hello", tag=9)
    rev = f.do("entry-get", {"key": "ynl-key"})["entry"]["revision"]
    cli("--do", "entry-new", "--replace", *json_arg({"key": "ynl-key", "value": "00ff"}))
    return f, rev


def cli_replace():
    """cli.py --do entry-new --replace replaces: the new value, tag 0, the
    next revision."""
    f, rev = replace_by_cli()
    ksft_eq(f.do("entry-get", {"key": "ynl-key"})["entry"],
            {"key": "ynl-key", "value": b"\0\xff", "tag": 0, "revision": rev + 1})


def rgnl_reads_cli_write():
    """The rgnl CLI reads what cli.py wrote (its --json)."""
    _, rev = replace_by_cli()
    ksft_eq(rgnl_json("get", "ynl-key"),
            {"key": "ynl-key", "value": {"text": None, "hex": "00ff"}, "tag": 0,
             "revision": rev + 1})


def cli_dump_key_order():
    """cli.py --dump entry-get: every entry, in key order."""
    f = fresh("ynl-key", "ynl-other")
    for key in ("ynl-other", "ynl-key"):
        put(f, key)
    got = [m["entry"]["key"] for m in cli_json("--dump", "entry-get")]
    ksft_eq([k for k in got if k.startswith("ynl-")], ["ynl-key", "ynl-other"])


def cli_dump_prefix():
    """cli.py --dump entry-get with a prefix: only the entries under it."""
    f = fresh("ynl-key", "ynl-other")
    for key in ("ynl-other", "ynl-key"):
        put(f, key)
    got = cli_json("--dump", "entry-get", *json_arg({"prefix": "ynl-o"}))
    ksft_eq([m["entry"]["key"] for m in got], ["ynl-other"])


def cli_stats():
    """cli.py --do stats-get: the count of entries."""
    f = fresh("ynl-key", "ynl-other")
    count = f.do("stats-get", {})["count"]
    for key in ("ynl-other", "ynl-key"):
        put(f, key)
    ksft_eq(cli_json("--do", "stats-get")["count"], count + 2)


def cli_echo():
    """cli.py --do echo: the attributes come back."""
    fam()
    ksft_eq(cli_json("--do", "echo", *json_arg({"key": "k", "tag": 5})), {"key": "k", "tag": 5})


def cli_limits_set():
    """cli.py --do limits-set: the limit is set (stats-get reports it)."""
    f = fam()
    before = f.do("stats-get", {})["max-entries"]
    defer(f.do, "limits-set", {"max-entries": before})
    cli("--do", "limits-set", *json_arg({"max-entries": 1000}))
    ksft_eq(f.do("stats-get", {})["max-entries"], 1000)


def cli_refused(attrs, flags, want):
    """cli.py --do entry-new with `flags` exits 1 printing the refusal
    (errno and extack message); YNL's library sees errno and extack
    `want`."""
    run = cli("--do", "entry-new", *flags, *json_arg(attrs), fail=False)
    cli_refusal_printed(run, want[0], *([want[1]["msg"]] if "msg" in want[1] else []))
    cflags = {"--create": NLM_F_CREATE, "--excl": NLM_F_EXCL, "--replace": NLM_F_REPLACE}
    value = bytes.fromhex(attrs.pop("value", ""))
    got = refusal(put, fam(), value=value, flags=tuple(cflags[f] for f in flags), **attrs)
    ksft_eq(got and (got[0], {k: got[1].get(k) for k in want[1]}), want)


def cli_excl_exists():
    """entry-new --create --excl on an existing key: EEXIST, "entry
    exists"."""
    f = fresh("ynl-key")
    put(f, "ynl-key")
    cli_refused({"key": "ynl-key", "value": ""}, ["--create", "--excl"],
                (errno.EEXIST, {"msg": "entry exists"}))


def cli_missing_noent():
    """entry-new without --create on a missing key: ENOENT."""
    fresh("nope")
    cli_refused({"key": "nope", "value": ""}, [], (errno.ENOENT, {}))


def cli_key_over_max_len():
    """A key over the spec's max-len (65 bytes) is refused by the kernel's
    policy: EINVAL, the failed attribute named."""
    f = fam()
    run = cli("--do", "entry-get", *json_arg({"key": "k" * 65}), fail=False)
    cli_refusal_printed(run, errno.EINVAL, "Attribute failed policy validation")
    got = refusal(f.do, "entry-get", {"key": "k" * 65})
    ksft_eq(got and (got[0], got[1].get("msg"), got[1].get("bad-attr")),
            (errno.EINVAL, "Attribute failed policy validation", ".key"))


def cli_del():
    """cli.py --do entry-del deletes the entry."""
    f = fresh("ynl-other")
    put(f, "ynl-other")
    cli("--do", "entry-del", *json_arg({"key": "ynl-other"}))
    ksft_eq(refusal(f.do, "entry-get", {"key": "ynl-other"})[0], errno.ENOENT)


# cli.py --subscribe: once its socket has joined the group, changes reach
# it; it prints them after --sleep (6.12: one list; 7.x: a line each, as
# they come during it). The changes are made at once: the window is wide
# for a loaded host.
CLI_EVENTS = []


def cli_events():
    """The notifications cli.py --subscribe events decoded while rgnl set,
    deleted and flushed an entry (once per run)."""
    if CLI_EVENTS:
        return CLI_EVENTS
    f = fam()
    f.do("flush", {})
    proc = subprocess.Popen(  # pylint: disable=consider-using-with
        YNL_CLI + ["--output-json", "--subscribe", "events", "--sleep", "10"],
        stdout=subprocess.PIPE, text=True)
    defer(proc.kill)
    ksft_busy_wait(subscribed, sleep=0.05, deadline=DEADLINE, comment="cli.py joined events")
    for key in ("from-rgnl", "kept"):
        put(f, key)
    f.do("entry-del", {"key": "from-rgnl"})
    f.do("flush", {})
    out, _ = proc.communicate(timeout=DEADLINE)
    for line in out.splitlines():
        ksft_pr(line)
        msg = json.loads(line)
        CLI_EVENTS.extend(msg if isinstance(msg, list) else [msg])
    return CLI_EVENTS


def cli_subscribe_new():
    """cli.py --subscribe decodes entry-new-ntf: both entries set."""
    got = [n["msg"] for n in cli_events() if n["name"] == "entry-new-ntf"]
    ksft_eq([m["entry"]["key"] for m in got], ["from-rgnl", "kept"])


def cli_subscribe_del():
    """cli.py --subscribe decodes entry-del-ntf."""
    got = [n["msg"] for n in cli_events() if n["name"] == "entry-del-ntf"]
    ksft_eq([m["entry"]["key"] for m in got], ["from-rgnl"])


def cli_subscribe_reason():
    """cli.py --subscribe decodes entry-del-ntf's reason (enum
    del-reason) by name."""
    got = [n["msg"] for n in cli_events() if n["name"] == "entry-del-ntf"]
    ksft_eq([m.get("reason") for m in got], ["deleted"])


def cli_subscribe_flush():
    """cli.py --subscribe decodes flush-ntf with its count (1: the entry
    left)."""
    got = [n["msg"] for n in cli_events() if n["name"] == "flush-ntf"]
    ksft_eq([m.get("count") for m in got], [1])


# iproute2's genl: its text.

def genl_policy_key():
    """genl ctrl policy: KEY is NUL_STRING, max length 64."""
    fam()
    ksft_true(re.search(r"attr\[2\]: type=NUL_STRING max len:64\b", genl("ctrl policy name rgnl")))


def genl_policy_max_entries():
    """genl ctrl policy: MAX_ENTRIES is U32 in range [1, 1048576]."""
    fam()
    ksft_true(re.search(r"attr\[8\]: type=U32 range:\[1,1048576\]", genl("ctrl policy name rgnl")))


def genl_ctrl_get_ops():
    """genl ctrl get: the spec's 8 ops (1..7 and 11), no notification's
    id."""
    fam()
    out = genl("ctrl get name rgnl")
    ops = out[out.index("commands supported"):out.index("multicast groups")]
    ksft_eq(sorted(int(i, 16) for i in re.findall(r"ID-0x([0-9a-f]+)", ops)),
            [1, 2, 3, 4, 5, 6, 7, 11])


def genl_ctrl_get_groups():
    """genl ctrl get: groups events and audit."""
    fam()
    out = genl("ctrl get name rgnl")
    ksft_eq(sorted(re.findall(r"name: (\w+)", out[out.index("multicast groups"):])),
            ["audit", "events"])


# What the kernel sends on its own, through the spec alone.

def cli_ttl_left():
    """cli.py: entry-new with ttl-ms 60000, then entry-get shows the time
    left."""
    fresh("ttl")
    cli("--do", "entry-new", "--create", *json_arg({"key": "ttl", "value": "00",
                                                    "ttl-ms": 60000}))
    left = cli_json("--do", "entry-get", *json_arg({"key": "ttl"}))["entry"].get("ttl-ms", 0)
    ksft_true(0 < left <= 60000, comment=f"ttl-ms {left}")


def cli_ttl_over_max():
    """ttl-ms past the spec's ttl-max-ms is refused by the kernel's policy:
    ERANGE, "integer out of range"."""
    fresh("ttl")
    cli_refused({"key": "ttl", "value": "00", "ttl-ms": 86400001}, ["--create"],
                (errno.ERANGE, {"msg": "integer out of range"}))


def cli_watch_set():
    """cli.py --do watch-set is accepted."""
    fam()
    cli("--do", "watch-set", *json_arg({"prefix": "w"}))


def watch_filters_own_socket():
    """YNL's library, two sockets of one process: the watch set on one
    filters that socket only. Notifications are queued before the
    writer's ACK."""
    writer = fresh("two/a1", "two/b1", "two/a2")
    watched, plain = listener(None, prefix="two/a"), listener(None)
    for sock in (watched, plain):
        closed_at_end(sock)
    for key in ("two/a1", "two/b1", "two/a2"):
        put(writer, key, flags=(NLM_F_CREATE, ))
        writer.do("entry-del", {"key": key})

    def seen(sock):
        return [f"{n['name'].split('-')[1]} {n['msg']['entry']['key']}"
                for n in drain(sock) if n["msg"]["entry"]["key"].startswith("two/")]
    ksft_eq(seen(watched), ["new two/a1", "del two/a1", "new two/a2", "del two/a2"])
    ksft_eq(seen(plain), ["new two/a1", "del two/a1", "new two/b1", "del two/b1",
                          "new two/a2", "del two/a2"])


def nobody_audit_refused():
    """Nobody cannot join group audit: EPERM, through cli.py (which fails
    with its PermissionError) and YNL's library."""
    fam()
    run = subprocess.run(AS_NOBODY_ARGV + YNL_CLI + ["--subscribe", "audit", "--sleep", "0"],
                         capture_output=True, text=True, timeout=DEADLINE, check=False)
    out = run.stdout + run.stderr
    ksft_ne(run.returncode, 0, comment=out)
    ksft_true("PermissionError" in out and os.strerror(errno.EPERM) in out, comment=out)

    def join():
        try:
            RgnlFamily().ntf_subscribe("audit")
        except OSError as e:
            return e.errno
        return 0
    ksft_eq(as_nobody(join), errno.EPERM)


def cli_dump_big_values():
    """Values of the spec's maximum length (entry messages of 4.2 KB, over
    one netlink page) first, in the middle and last of a dump: cli.py
    dumps all 23 entries, the 3 whole."""
    f = fam()
    f.do("flush", {})
    for key in ("a-first", "m-middle", "z-last"):
        put(f, key, b"v" * 4096)
    cmd("bulk fill 20 m", timeout=DEADLINE)
    defer(f.do, "flush", {})
    got = cli_json("--dump", "entry-get")
    ksft_eq((len(got), sum(len(m["entry"]["value"]) == 8192 for m in got)), (23, 3))


def rmmod_rgnl():
    """rmmod rgnl."""
    fam().sock.close()
    cmd("rmmod rgnl", timeout=DEADLINE)
    ksft_eq(module_loaded("rgnl"), False)


CASES = [
    insmod_with_genl_monitor, genl_monitor_saw_family, spec_groups, spec_ops, spec_policies,
    spec_check_sees_key_length, spec_check_sees_flush_perm, cli_create, cli_get, cli_replace,
    rgnl_reads_cli_write, cli_dump_key_order, cli_dump_prefix, cli_stats, cli_echo, cli_limits_set,
    cli_excl_exists, cli_missing_noent, cli_key_over_max_len, cli_del, cli_subscribe_new,
    cli_subscribe_del, cli_subscribe_reason, cli_subscribe_flush, genl_policy_key,
    genl_policy_max_entries, genl_ctrl_get_ops, genl_ctrl_get_groups, cli_ttl_left,
    cli_ttl_over_max, cli_watch_set, watch_filters_own_socket, nobody_audit_refused,
    cli_dump_big_values, rmmod_rgnl,
]


def main():
    """Runs the tests; the module is unloaded at the end either way."""
    run_then_unload(CASES)


if __name__ == "__main__":
    main()
