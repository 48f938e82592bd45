#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""What the rgnl family sends on its own, driven with YNL's Python library
and checked on decoded notifications, errno and extack: entries expiring
(ttl-ms) and their entry-del-ntf (reason expired), replaces that change or
drop a time to live, 10,000 expiries (2,500 on the debug kernel), the
notice unicast to the owner (notify-owner), watches (per-socket prefixes
filtering the events group), the audit group (CAP_NET_ADMIN only, one
message per change, none built unheard), and unloading or tearing down a namespace with expiries pending.

Waits are on events (a notification arriving), never on time. Each test
works in a network namespace of its own (NetNS), but for the bulk
expiries, which the tests on them share (they say so), and the module's
unload and reload at the end, which run in order. The module (rgnl.ko) and
its spec (rgnl.yaml) sit beside this file.
"""

import errno
import os
import socket
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.append(HERE.parent.as_posix())
sys.path.append(HERE.as_posix())
# pylint: disable=wrong-import-position
from net.lib.py import ksft_eq, ksft_ge, cmd, NetNS
from rgnl_lib import run_loaded, answered_errors, RgnlFamily, as_nobody, module_loaded, Entered, \
    netns, rgnl, listener, put, drain, put_echo, collect, refusal, nla, forget_family_ids, \
    DEADLINE, NLM_F_REPLACE, NLM_F_CREATE, SO_RCVBUFFORCE, DEBUG_KERNEL


NLM_F_REQUEST = 1
TTL_MAX_MS = 86400000
HOUR_MS = 3600000


# Namespaces, sockets and requests (as registry.py's).

def short(ntfs):
    """Entry notifications as (new|del|expired, key); flush as (flush, count)."""
    out = []
    for n in ntfs:
        msg = n["msg"]
        if n["name"] == "entry-new-ntf":
            out.append(("new", msg["entry"]["key"]))
        elif n["name"] == "entry-del-ntf":
            out.append(("del" if msg["reason"] == "deleted" else msg["reason"],
                        msg["entry"]["key"]))
        else:
            out.append((n["name"], msg.get("count")))
    return out


def has(*wanted):
    """until(): every one of `wanted` (as short() gives them) received."""
    return lambda got: all(w in short(got) for w in wanted)


def get(fam, key):
    """The entry of `key`."""
    return fam.do("entry-get", {"key": key})["entry"]


def stats(fam):
    """stats-get."""
    return fam.do("stats-get", {})


def fill_ttl(ns, prefix, n, low, high):  # pylint: disable=too-many-locals
    """Creates PREFIX000000.. in `ns` with times to live spread evenly from
    `low` to `high` ms (tools/testing/progs' bulk ttl), over a raw socket
    without NLM_F_ACK; returns the refusals (errno of each)."""
    fam = rgnl(ns)
    fam.sock.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, 32 << 20)
    aset = fam.attr_sets["rgnl"]
    head = struct.pack("BBxx", fam.msgs["entry-new"].req_value, 1)
    chunk = []
    for i in range(n):
        attrs = nla(aset["key"].value, f"{prefix}{i:06}".encode() + b"\0") + \
            nla(aset["value"].value, b"v") + nla(aset["tag"].value, struct.pack("I", i)) + \
            nla(aset["ttl-ms"].value, struct.pack("I", low + (high - low) * i // n))
        chunk.append(struct.pack("IHHII", 20 + len(attrs), fam.nlproto.family_id,
                                 NLM_F_REQUEST | NLM_F_CREATE | NLM_F_REPLACE, 0, 0) +
                     head + attrs)
        if len(chunk) == 500 or i == n - 1:
            fam.sock.send(b"".join(chunk))
            chunk = []
    return answered_errors(fam)


def family_groups():
    """The family is registered with its two groups, each its own id."""
    ksft_eq(module_loaded("rgnl"), True)
    mcast = RgnlFamily().nlproto.genl_family["mcast"]
    ksft_eq(sorted(mcast), ["audit", "events"])
    ksft_eq(mcast["audit"] != mcast["events"], True)


# Expiry.

def ttl_on_set():
    """entry-new with ttl-ms 200: the echoed entry has the time left, at
    most 200 ms, at least 1."""
    fam = rgnl(netns())
    entry = put_echo(fam, "lease", ttl_ms=200)
    ksft_eq(entry.get("revision"), 1)
    ksft_eq(1 <= entry.get("ttl-ms", 0) <= 200, True, comment=f"ttl-ms {entry.get('ttl-ms')}")


def ttl_on_get():
    """entry-get has the time left, at most the TTL (an hour), and not much
    less (the deadline of this test)."""
    fam = rgnl(netns())
    put(fam, "hour", ttl_ms=HOUR_MS)
    left = get(fam, "hour").get("ttl-ms", 0)
    ksft_eq(HOUR_MS - DEADLINE * 1000 <= left <= HOUR_MS, True, comment=f"ttl-ms {left}")


def expire_lease(ns):
    """Sets "lease" (200 ms) in `ns`; its expiry notice, as a listener
    received it. Nobody sends a request meanwhile: the kernel's own work
    removes it."""
    mon = listener(ns)
    put(rgnl(ns), "lease", ttl_ms=200)
    return collect(mon, has(("expired", "lease")))


def expiry_notified():
    """A listener receives the expiry: entry-del-ntf, reason expired, the
    entry as it was (without time left)."""
    got = expire_lease(netns())
    ksft_eq([n["name"] for n in got], ["entry-new-ntf", "entry-del-ntf"])
    ksft_eq(got[-1]["msg"], {"entry": {"key": "lease", "value": b"v", "tag": 0, "revision": 1},
                             "reason": "expired"})


def expired_gone():
    """After its TTL the entry is gone: ENOENT."""
    ns = netns()
    expire_lease(ns)
    ksft_eq(refusal(get, rgnl(ns), "lease"),
            (errno.ENOENT, {"msg": "no such entry", "bad-attr": ".key"}))


def expired_counted():
    """stats-get counts it as expired (not deleted)."""
    ns = netns()
    expire_lease(ns)
    s = stats(rgnl(ns))
    ksft_eq((s["count"], s["expired"], s["deleted"]), (0, 1, 0))


def ttl_zero_refused():
    """A TTL of 0 is below the policy's minimum: ERANGE (the CLI refuses
    it before sending)."""
    fam = rgnl(netns())
    err, ext = refusal(put, fam, "k", ttl_ms=0)
    ksft_eq((err, ext.get("msg"), ext.get("bad-attr")),
            (errno.ERANGE, "integer out of range", ".ttl-ms"))


def ttl_over_a_day():
    """A TTL over a day: ERANGE at ttl-ms, the policy's bounds in the
    extack."""
    fam = rgnl(netns())
    err, ext = refusal(put, fam, "k", ttl_ms=TTL_MAX_MS + 1)
    ksft_eq((err, ext.get("msg"), ext.get("bad-attr")),
            (errno.ERANGE, "integer out of range", ".ttl-ms"))
    ksft_eq(ext.get("policy", {}).get("max-value"), TTL_MAX_MS)


def notify_owner_needs_ttl():
    """notify-owner without ttl-ms: EINVAL at notify-owner."""
    fam = rgnl(netns())
    ksft_eq(refusal(put, fam, "k", notify_owner=True),
            (errno.EINVAL, {"msg": "notify-owner needs ttl-ms", "bad-attr": ".notify-owner"}))
    ksft_eq(fam.dump("entry-get", {}), [])


# Replacing before expiry takes the new TTL, or none.

def replace_drops_ttl():
    """A replace without ttl-ms makes the entry permanent."""
    fam = rgnl(netns())
    put(fam, "keep", ttl_ms=HOUR_MS)
    ksft_eq("ttl-ms" in get(fam, "keep"), True)
    ksft_eq(put_echo(fam, "keep", b"w"), {"key": "keep", "value": b"w", "tag": 0, "revision": 2})
    ksft_eq("ttl-ms" in get(fam, "keep"), False)


def replace_shortens_ttl():
    """A replace with ttl-ms 200 takes the new TTL."""
    fam = rgnl(netns())
    put(fam, "shorten", ttl_ms=HOUR_MS)
    ksft_eq(1 <= put_echo(fam, "shorten", b"w", ttl_ms=200).get("ttl-ms", 0) <= 200, True)


def replace_lengthens_ttl():
    """A replace with ttl-ms 10 minutes takes it, past the old 2 s."""
    fam = rgnl(netns())
    put(fam, "retire", ttl_ms=2000)
    left = put_echo(fam, "retire", b"w", ttl_ms=600000).get("ttl-ms", 0)
    ksft_eq(600000 - DEADLINE * 1000 <= left <= 600000, True, comment=f"ttl-ms {left}")


def replaced_leases(ns):
    """In `ns`: keep (1 s, replaced without a TTL), shorten (an hour,
    replaced with 200 ms), retire (1 s, replaced with 10 minutes), then
    sentinel (2 s), which expires after keep's and retire's first
    deadlines. Returns what a listener received until the sentinel's
    expiry."""
    mon = listener(ns)
    fam = rgnl(ns)
    put(fam, "keep", ttl_ms=1000)
    put(fam, "keep", b"w")
    put(fam, "shorten", ttl_ms=HOUR_MS)
    put(fam, "shorten", b"w", ttl_ms=200)
    put(fam, "retire", ttl_ms=1000)
    put(fam, "retire", b"w", ttl_ms=600000)
    put(fam, "sentinel", ttl_ms=2000)
    return [n for n in short(collect(mon, has(("expired", "sentinel")))) if n[0] == "expired"]


def shortened_expires():
    """The entry given a shorter TTL expires."""
    ksft_eq(("expired", "shorten") in replaced_leases(netns()), True)


def expiries_in_deadline_order():
    """... before the sentinel: the kernel expires in deadline order."""
    got = replaced_leases(netns())
    ksft_eq(got[-2:], [("expired", "shorten"), ("expired", "sentinel")])


def permanent_stays():
    """The entry made permanent stays past its first deadline, without a
    TTL."""
    ns = netns()
    replaced_leases(ns)
    ksft_eq(get(rgnl(ns), "keep"), {"key": "keep", "value": b"w", "tag": 0, "revision": 2})


def lengthened_stays():
    """The entry given 10 minutes stays past its first deadline, with
    them."""
    ns = netns()
    replaced_leases(ns)
    entry = get(rgnl(ns), "retire")
    ksft_eq((entry["value"], entry.get("ttl-ms", 0) > 1000), (b"w", True))


def shortened_gone():
    """The shortened one is gone."""
    ns = netns()
    replaced_leases(ns)
    ksft_eq(refusal(get, rgnl(ns), "shorten")[0], errno.ENOENT)


def only_due_notified():
    """Only the two due entries were notified as expired."""
    ksft_eq(replaced_leases(netns()), [("expired", "shorten"), ("expired", "sentinel")])


# 10,000 expiries, one notice each. These tests share one run (bulk_ttl()).
# 2,500 on the debug kernel: still more than two of the expiry work's
# batches (1,000 entries), at a quarter of the debug kernel's time.
EXPIRIES = 2500 if DEBUG_KERNEL else 10000

BULK = {}


def bulk_ttl():
    """EXPIRIES entries with TTLs from 50 to 500 ms in a namespace, and what
    a listener received until each had its expiry notice (run once)."""
    if not BULK:
        ns = NetNS()
        BULK["ns"] = ns
        mon = listener(ns)
        BULK["before"] = stats(rgnl(ns))["expired"]
        BULK["errors"] = fill_ttl(ns, "b", EXPIRIES, 50, 500)

        def all_expired(got):
            return sum(1 for n in got if n["name"] == "entry-del-ntf") >= EXPIRIES
        BULK["got"] = collect(mon, all_expired, deadline=5 * DEADLINE)
        BULK["stats"] = stats(rgnl(ns))
        mon.sock.close()
    return BULK


def bulk_ttl_set():
    """10,000 entries (EXPIRIES) with TTLs from 50 to 500 ms are stored (each
    notified when created)."""
    run = bulk_ttl()
    ksft_eq(run["errors"], [])
    ksft_eq(sum(1 for n in run["got"] if n["name"] == "entry-new-ntf"), EXPIRIES)


def bulk_ttl_all_expired():
    """All of them expire, each notified with reason expired."""
    got = [n for n in bulk_ttl()["got"] if n["name"] == "entry-del-ntf"]
    ksft_eq(len(got), EXPIRIES)
    ksft_eq({n["msg"]["reason"] for n in got}, {"expired"})


def bulk_ttl_once_each():
    """... exactly once each."""
    keys = [n["msg"]["entry"]["key"] for n in bulk_ttl()["got"] if n["name"] == "entry-del-ntf"]
    ksft_eq(sorted(keys), [f"b{i:06}" for i in range(EXPIRIES)])


def bulk_ttl_none_left():
    """... and none is left."""
    ksft_eq(bulk_ttl()["stats"]["count"], 0)


def bulk_ttl_counted():
    """stats-get counted the expiries."""
    run = bulk_ttl()
    ksft_eq(run["stats"]["expired"], run["before"] + EXPIRIES)


# The owner's notice: unicast to the setter's socket, which joined no group.

def owner_run(ns):
    """In `ns`: "plain" (1 s) and "owned" (300 ms, notify-owner) set
    from one socket, which joined no group, and "nomatch/x" set and
    deleted once they expired. Returns what that socket received, and what
    a listener watching "nomatch/" received."""
    watcher = listener(ns, prefix="nomatch/")
    mon = listener(ns)
    owner = rgnl(ns)
    put(owner, "plain", ttl_ms=1000)
    # The last request on it: 6.12's YNL fails a request whose answer
    # comes after a notification.
    put(owner, "owned", ttl_ms=300, notify_owner=True)
    collect(mon, has(("expired", "plain"), ("expired", "owned")))
    got = collect(owner, has(("expired", "owned")))
    writer = rgnl(ns)
    put(writer, "nomatch/x")
    writer.do("entry-del", {"key": "nomatch/x"})
    watched = collect(watcher, has(("del", "nomatch/x")))
    # The expiry work sends under the registry's lock, which the writer's
    # requests took after it: all it sent the owner is queued by now.
    return got + drain(owner), watched


def owner_receives_notice():
    """The owner's socket receives its entry's expiry without joining a
    group."""
    got, _ = owner_run(netns())
    ksft_eq(("expired", "owned") in short(got), True)


def owner_exactly_one():
    """... exactly one notice: not the other entry's, nor later changes."""
    got, _ = owner_run(netns())
    ksft_eq(len(got), 1)


def owner_notice_expired():
    """... which is the entry-del-ntf of the entry, reason expired."""
    got, _ = owner_run(netns())
    ksft_eq([(n["name"], n["msg"]) for n in got],
            [("entry-del-ntf", {"entry": {"key": "owned", "value": b"v", "tag": 0,
                                          "revision": 2}, "reason": "expired"})])


def watcher_only_its_keys():
    """A socket watching another prefix received only its own keys, not
    the owner's notice."""
    _, watched = owner_run(netns())
    ksft_eq(short(watched), [("new", "nomatch/x"), ("del", "nomatch/x")])


def closed_owner(ns):
    """In `ns`: "gone" set with notify-owner (300 ms) from a socket closed
    at once; returns once a listener saw it expire."""
    mon = listener(ns)
    owner = rgnl(ns)
    put(owner, "gone", ttl_ms=300, notify_owner=True)
    owner.sock.close()
    collect(mon, has(("expired", "gone")))


def closed_owner_harmless():
    """A closed owner port is harmless: the entry expires anyway, and is
    counted."""
    ns = netns()
    closed_owner(ns)
    ksft_eq(stats(rgnl(ns))["expired"], 1)


def closed_owner_gone():
    """... and is gone."""
    ns = netns()
    closed_owner(ns)
    ksft_eq(refusal(get, rgnl(ns), "gone")[0], errno.ENOENT)


# Watches: per socket, by key prefix, in order.

def watch_run(ns):
    """In `ns`: listeners watching a/, b/, and none; a/1 b/1 c/1 a/2 set,
    a/1 deleted, then a/z and b/z set. Returns what each received up to
    its last key."""
    mons = {"a": listener(ns, prefix="a/"), "b": listener(ns, prefix="b/"),
            "all": listener(ns)}
    fam = rgnl(ns)
    for k in ["a/1", "b/1", "c/1", "a/2"]:
        put(fam, k)
    fam.do("entry-del", {"key": "a/1"})
    put(fam, "a/z")
    put(fam, "b/z")
    last = {"a": ("new", "a/z"), "b": ("new", "b/z"), "all": ("new", "b/z")}
    return {name: short(collect(mon, has(last[name]))) for name, mon in mons.items()}


def watches_see_last_keys():
    """Each listener receives its last key."""
    got = watch_run(netns())
    ksft_eq([got["a"][-1], got["b"][-1], got["all"][-1]],
            [("new", "a/z"), ("new", "b/z"), ("new", "b/z")])


def watch_a():
    """a/ receives its keys only, in order."""
    ksft_eq(watch_run(netns())["a"],
            [("new", "a/1"), ("new", "a/2"), ("del", "a/1"), ("new", "a/z")])


def watch_b():
    """b/ receives its keys only."""
    ksft_eq(watch_run(netns())["b"], [("new", "b/1"), ("new", "b/z")])


def unwatched_all():
    """The listener without a watch receives everything, in order."""
    ksft_eq(watch_run(netns())["all"],
            [("new", "a/1"), ("new", "b/1"), ("new", "c/1"), ("new", "a/2"), ("del", "a/1"),
             ("new", "a/z"), ("new", "b/z")])


def watch_per_socket():
    """A watch lives in its socket only: a new socket receives everything,
    the watching one still its prefix only."""
    ns = netns()
    watching = listener(ns, prefix="a/")
    fresh = listener(ns)
    put(rgnl(ns), "c/2")
    put(rgnl(ns), "a/3")
    ksft_eq(short(collect(fresh, has(("new", "a/3")))), [("new", "c/2"), ("new", "a/3")])
    ksft_eq(short(collect(watching, has(("new", "a/3")))), [("new", "a/3")])


# Audit: CAP_NET_ADMIN only; one message per change; none built unheard.

def join(group):
    """Joins `group`: 0, or the errno of the refusal."""
    try:
        RgnlFamily().ntf_subscribe(group)
    except OSError as e:
        return e.errno
    return 0


def nobody_audit():
    """An unprivileged user cannot join audit: EPERM (events it can)."""
    ns = netns()
    with Entered(ns):
        ksft_eq(as_nobody(join, "audit"), errno.EPERM)
        ksft_eq(as_nobody(join, "events"), 0)


def audit_unheard():
    """Without an audit listener no audit message is built."""
    ns = netns()
    fam = rgnl(ns)
    put(fam, "quiet")
    fam.do("entry-del", {"key": "quiet"})
    fam.do("limits-set", {"max-entries": 100000})
    ksft_eq(stats(fam)["audit-messages"], 0)


def audit_run(ns):
    """In `ns`: an audit listener, then entry-new, entry-del, limits-set
    and flush from one socket. Returns the four audit-ntf and that
    socket's port id."""
    mon = listener(ns, group="audit")
    fam = rgnl(ns)
    put(fam, "au")
    fam.do("entry-del", {"key": "au"})
    fam.do("limits-set", {"max-entries": 100000})
    fam.do("flush", {})
    got = collect(mon, lambda g: len(g) >= 4)
    return got, fam.sock.getsockname()[0]


def audit_four():
    """Root's audit listener receives the four changes."""
    got, _ = audit_run(netns())
    ksft_eq([n["name"] for n in got], ["audit-ntf"] * 4)


def audit_fields():
    """... each with its command, the key (for entries), and uid 0."""
    ns = netns()
    got, _ = audit_run(ns)
    fam = rgnl(ns)
    cmds = [fam.msgs[op].req_value for op in ["entry-new", "entry-del", "limits-set", "flush"]]
    ksft_eq([(n["msg"]["command"], n["msg"].get("key"), n["msg"]["uid"]) for n in got],
            [(cmds[0], "au", 0), (cmds[1], "au", 0), (cmds[2], None, 0), (cmds[3], None, 0)])


def audit_portid():
    """... and the sender's port id (nonzero)."""
    got, portid = audit_run(netns())
    ksft_ge(portid, 1)
    ksft_eq([n["msg"]["portid"] for n in got], [portid] * 4)


def audit_counted():
    """stats-get counted the four."""
    ns = netns()
    audit_run(ns)
    ksft_eq(stats(rgnl(ns))["audit-messages"], 4)


# Unload and namespace teardown with expiries pending. These run in order:
# the module is unloaded, loaded again, and unloaded at the end.

def pending_expiries():
    """10,000 entries (EXPIRIES) expiring in 2 to 5 s (the initial
    namespace)."""
    ksft_eq(fill_ttl(None, "p", EXPIRIES, 2000, 5000), [])
    ksft_ge(stats(RgnlFamily())["count"], 1)


def rmmod_pending():
    """rmmod with expiries pending (its work cancelled, the entries freed)."""
    cmd("rmmod rgnl", timeout=DEADLINE)
    ksft_eq(module_loaded("rgnl"), False)


def insmod_again():
    """insmod again: the family is back, its registry empty."""
    if not module_loaded("rgnl"):
        cmd(f"insmod {HERE / 'rgnl.ko'}", timeout=DEADLINE)
    forget_family_ids()
    ksft_eq(stats(RgnlFamily())["count"], 0)


def reloaded_works():
    """The reloaded module works: revisions start again."""
    ksft_eq(put_echo(RgnlFamily(), "k"), {"key": "k", "value": b"v", "tag": 0, "revision": 1})


def netns_pending_goes():
    """A namespace with 10,000 pending expiries (EXPIRIES; 1 to 3 s) is
    deleted."""
    ns = NetNS()
    name = ns.name
    ksft_eq(fill_ttl(ns, "n", EXPIRIES, 1000, 3000), [])
    ns.__del__()  # pylint: disable=unnecessary-dunder-call
    ksft_eq(os.path.exists(f"/run/netns/{name}"), False)


def still_works():
    """The module still works once the expiry work ran past that
    namespace's deadlines (a sentinel of 3 s set after its teardown
    expired): the initial namespace's entry is intact."""
    ns = netns()
    mon = listener(ns)
    put(rgnl(ns), "sentinel", ttl_ms=3000)
    collect(mon, has(("expired", "sentinel")))
    ksft_eq(get(RgnlFamily(), "k")["revision"], 1)


def rmmod_end():
    """rmmod rgnl."""
    cmd("rmmod rgnl", timeout=DEADLINE)
    ksft_eq(module_loaded("rgnl"), False)


CASES = [
    family_groups,
    ttl_on_set, ttl_on_get, expiry_notified, expired_gone, expired_counted, ttl_zero_refused,
    ttl_over_a_day, notify_owner_needs_ttl,
    replace_drops_ttl, replace_shortens_ttl, replace_lengthens_ttl, shortened_expires,
    expiries_in_deadline_order, permanent_stays, lengthened_stays, shortened_gone,
    only_due_notified,
    bulk_ttl_set, bulk_ttl_all_expired, bulk_ttl_once_each, bulk_ttl_none_left,
    bulk_ttl_counted,
    owner_receives_notice, owner_exactly_one, owner_notice_expired, watcher_only_its_keys,
    closed_owner_harmless, closed_owner_gone,
    watches_see_last_keys, watch_a, watch_b, unwatched_all, watch_per_socket,
    nobody_audit, audit_unheard, audit_four, audit_fields, audit_portid, audit_counted,
    pending_expiries, rmmod_pending, insmod_again, reloaded_works, netns_pending_goes,
    still_works, rmmod_end,
]


def main() -> None:
    """Loads the module unless it is, runs the tests, unloads it."""
    run_loaded(CASES, shared_ns=lambda: BULK.get("ns"))


if __name__ == "__main__":
    main()
