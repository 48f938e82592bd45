#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The rgnl family's registry, driven with YNL's Python library and checked
on decoded values, errno and extack: entries stored and read back as given,
revisions, rtnetlink's create/excl/replace semantics, dumps in key order
and their prefix filter, limits and their ENOSPC, stats counters, who may
write, notifications and their namespaces, dumps read with small buffers
(MSG_TRUNC, never a short dump), 100,000 entries (10,000 on the debug
kernel), NLM_F_DUMP_INTR, and the
module going away with entries held.

Each test works in a network namespace of its own (NetNS), so revisions
and counters start from the beginning; the tests on many entries share
one namespace, filled once (they say so). The module (rgnl.ko) and its spec
(rgnl.yaml) sit beside this file; the module is loaded for the run unless
it is; the last tests unload it.
"""

import ctypes
import errno
import os
import socket
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.append(HERE.parent.as_posix())
sys.path.append(HERE.as_posix())
# pylint: disable=wrong-import-position,too-many-lines
from net.lib.py import ksft_eq, ksft_ge, cmd, NetNS, NlError
from rgnl_lib import run_loaded, NLMSG_ERROR, answered_errors, RgnlFamily, as_nobody, \
    module_loaded, Entered, netns, rgnl, listener, put, drain, put_echo, collect, refusal, nla, \
    forget_family_ids, DEADLINE, NLM_F_ECHO, NLM_F_REPLACE, NLM_F_EXCL, NLM_F_CREATE, \
    SO_RCVBUFFORCE, CLONE_NEWNET, LIBC, DEBUG_KERNEL


# (6.12's YNL names no NLM_F_ECHO.)
NLM_F_REQUEST = 1
NLM_F_DUMP = 0x300
NLM_F_DUMP_INTR = 0x10
NLM_F_DUMP_FILTERED = 0x20
NLMSG_DONE = 3
NETLINK_GENERIC = 16
CLONE_NEWUSER = 0x10000000
KEY_MAX = 64
VALUE_MAX = 4096
DEFAULT_MAX_ENTRIES = 1 << 17
DEFAULT_MAX_BYTES = 16 << 20


# Namespaces, sockets and requests.

def events(ntfs):
    """Notifications as (name, key or count)."""
    out = []
    for n in ntfs:
        msg = n["msg"]
        out.append((n["name"], msg["entry"]["key"] if "entry" in msg else msg.get("count")))
    return out


def get(fam, key):
    """The entry of `key`."""
    return fam.do("entry-get", {"key": key})["entry"]


def keys(fam, prefix=None):
    """The keys an entry-get dump returns, in its order."""
    req = {"prefix": prefix} if prefix is not None else {}
    return [m["entry"]["key"] for m in fam.dump("entry-get", req)]


def stats(fam):
    """stats-get."""
    return fam.do("stats-get", {})


def nobody(ns, fn, *args):
    """fn(*args) as uid 65534 without capabilities, in namespace `ns`:
    its result, or (errno, extack) of its refusal. (as_nobody would
    raise the refusal, which fails in the child when there is no extack:
    EPERM has none.)"""
    with Entered(ns):
        return as_nobody(refusal_or_result, fn, *args)


def refusal_or_result(fn, *args):
    """fn(*args)'s result, or ("refused", errno, extack)."""
    try:
        return fn(*args)
    except NlError as e:
        ext = dict(e.nl_msg.extack or {})
        ext.pop("miss-type-doc", None)
        return ("refused", e.error, ext)


# Raw requests: filling many entries fast, and dumps read as C readers do.

def raw_new(fam, key, value, tag=0, ttl=None):
    """An entry-new request with NLM_F_CREATE|NLM_F_EXCL, without NLM_F_ACK
    (only refusals answer)."""
    aset = fam.attr_sets["rgnl"]
    attrs = nla(aset["key"].value, key.encode() + b"\0") + nla(aset["value"].value, value) + \
        nla(aset["tag"].value, struct.pack("I", tag))
    if ttl is not None:
        attrs += nla(aset["ttl-ms"].value, struct.pack("I", ttl))
    flags = NLM_F_REQUEST | NLM_F_CREATE | NLM_F_EXCL
    return struct.pack("IHHII", 20 + len(attrs), fam.nlproto.family_id, flags, 0, 0) + \
        struct.pack("BBxx", fam.msgs["entry-new"].req_value, 1) + attrs


def fill(ns, prefix, n, ttl=None):  # pylint: disable=too-many-locals
    """Creates PREFIX000000.. (NLM_F_EXCL) in `ns`, value "v<i>", tag i
    (as tools/testing/progs' bulk fill); with ttl(i) as their times to
    live if given. Returns the refusals (errno of each)."""
    fam = rgnl(ns)
    fam.sock.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, 32 << 20)
    chunk = []
    size = 0
    for i in range(n):
        msg = raw_new(fam, f"{prefix}{i:06}", f"v{i}".encode(), i,
                      ttl=None if ttl is None else ttl(i))
        chunk.append(msg)
        size += len(msg)
        if size > 60000 or i == n - 1:
            fam.sock.send(b"".join(chunk))
            chunk, size = [], 0
    return answered_errors(fam)


def entry_key(payload):
    """The KEY inside an entry-get message's ENTRY nest (after genlmsghdr)."""
    at = 4
    while at + 4 <= len(payload):
        alen, atype = struct.unpack_from("HH", payload, at)
        if atype & 0x3fff == 6:  # entry
            inner = payload[at + 4:at + alen]
            i = 0
            while i + 4 <= len(inner):
                ilen, itype = struct.unpack_from("HH", inner, i)
                if itype == 2:  # key
                    return inner[i + 4:i + ilen].rstrip(b"\0").decode()
                i += (ilen + 3) & ~3
        at += (alen + 3) & ~3
    return None


class RawDump:  # pylint: disable=too-many-instance-attributes,too-few-public-methods
    """An entry-get dump over a raw socket in `ns` (with a PREFIX filter if
    given), each skb read into `bufsize` bytes, as a C library with a fixed
    buffer reads (tools/testing/progs' small_reader): the entries received,
    the reads flagged MSG_TRUNC, the messages flagged NLM_F_DUMP_FILTERED
    (NLMSG_DONE included), whether one was flagged NLM_F_DUMP_INTR, and the
    errno NLMSG_DONE carried. With `during`, calls it once after the first
    entry; with `want_keys`, keeps the keys in order."""

    def __init__(self, ns, bufsize, prefix=None, during=None, want_keys=False):
        fam = rgnl(ns)
        self.entries = self.truncated = self.filtered = 0
        self.interrupted = False
        self.done = None
        self.keys = []
        attrs = b""
        if prefix is not None:
            attrs = nla(fam.attr_sets["rgnl"]["prefix"].value, prefix.encode() + b"\0")
        req = struct.pack("IHHII", 20 + len(attrs), fam.nlproto.family_id,
                          NLM_F_REQUEST | NLM_F_DUMP, 1, 0)
        req += struct.pack("BBxx", fam.msgs["entry-get"].req_value, 1) + attrs
        with Entered(ns):
            sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_GENERIC)
        with sock:
            sock.send(req)
            while self.done is None:
                data, _, flags, _ = sock.recvmsg(bufsize)
                if flags & socket.MSG_TRUNC:
                    self.truncated += 1
                self._walk(data, want_keys)
                if during and self.entries:
                    during()
                    during = None

    def _walk(self, data, want_keys):
        at = 0
        while at + 16 <= len(data):
            length, kind, flags = struct.unpack_from("IHH", data, at)
            if length < 16 or at + length > len(data):
                break
            if flags & NLM_F_DUMP_FILTERED:
                self.filtered += 1
            if flags & NLM_F_DUMP_INTR:
                self.interrupted = True
            if kind in (NLMSG_DONE, NLMSG_ERROR):
                self.done = -struct.unpack_from("i", data, at + 16)[0]
                return
            self.entries += 1
            if want_keys:
                self.keys.append(entry_key(data[at + 16:at + length]))
            at += (length + 3) & ~3

    def summary(self):
        """(entries, truncated, filtered, done errno), as small_reader prints them."""
        return self.entries, self.truncated, self.filtered, self.done


# The module.

def family_registered():
    """insmod registered the family, with its two multicast groups."""
    ksft_eq(module_loaded("rgnl"), True)
    fam = RgnlFamily()
    ksft_ge(fam.nlproto.family_id, 0x10)
    ksft_eq(sorted(fam.nlproto.genl_family["mcast"]), ["audit", "events"])


# Success paths.

def create_revision_one():
    """entry-new creates a key with revision 1 in a new namespace; the
    echo carries the stored entry."""
    fam = rgnl(netns())
    ksft_eq(put_echo(fam, "colour", b"blue", tag=3),
            {"key": "colour", "value": b"blue", "tag": 3, "revision": 1})


def get_returns_entry():
    """entry-get returns the entry as stored."""
    fam = rgnl(netns())
    put(fam, "colour", b"blue", tag=3)
    ksft_eq(fam.do("entry-get", {"key": "colour"}),
            {"entry": {"key": "colour", "value": b"blue", "tag": 3, "revision": 1}})


def upsert_replaces():
    """NLM_F_CREATE|NLM_F_REPLACE replaces an existing key: revision 2,
    and the tag, not given, is 0 again."""
    fam = rgnl(netns())
    put(fam, "colour", b"blue", tag=3)
    ksft_eq(put_echo(fam, "colour", b"red"),
            {"key": "colour", "value": b"red", "tag": 0, "revision": 2})
    ksft_eq(get(fam, "colour"), {"key": "colour", "value": b"red", "tag": 0, "revision": 2})


def replace_existing():
    """NLM_F_REPLACE alone replaces an existing key."""
    fam = rgnl(netns())
    put(fam, "colour", b"blue")
    put(fam, "colour", b"red")
    put(fam, "colour", b"green", flags=(NLM_F_REPLACE, ))
    ksft_eq(get(fam, "colour"), {"key": "colour", "value": b"green", "tag": 0, "revision": 3})


def binary_value():
    """A value is bytes, stored as given (NUL, 0xff, newline)."""
    fam = rgnl(netns())
    put(fam, "bin", b"\x00\xff\x0a")
    ksft_eq(get(fam, "bin")["value"], b"\x00\xff\x0a")
    put(fam, "f", b"file\ncontents")
    ksft_eq(get(fam, "f")["value"], b"file\ncontents")


def empty_value():
    """An empty value is stored and read back empty."""
    fam = rgnl(netns())
    ksft_eq(put_echo(fam, "empty", b""), {"key": "empty", "value": b"", "tag": 0, "revision": 1})
    ksft_eq(get(fam, "empty")["value"], b"")


def max_key_and_value_stored():
    """A 64-byte key and a 4096-byte value (the spec's limits) are stored."""
    fam = rgnl(netns())
    put(fam, "k" * KEY_MAX, b"v" * VALUE_MAX, flags=(NLM_F_CREATE, NLM_F_EXCL))
    ksft_eq(stats(fam)["count"], 1)
    ksft_eq(stats(fam)["bytes"], VALUE_MAX)


def max_value_read_back():
    """... and read back whole."""
    fam = rgnl(netns())
    put(fam, "k" * KEY_MAX, b"v" * VALUE_MAX)
    ksft_eq(get(fam, "k" * KEY_MAX), {"key": "k" * KEY_MAX, "value": b"v" * VALUE_MAX,
                                      "tag": 0, "revision": 1})


def del_deletes():
    """entry-del removes the entry: get is ENOENT after."""
    fam = rgnl(netns())
    put(fam, "gone", b"x")
    put(fam, "kept", b"y")
    fam.do("entry-del", {"key": "gone"})
    ksft_eq(refusal(get, fam, "gone")[0], errno.ENOENT)
    ksft_eq(keys(fam), ["kept"])


def dump_key_order():
    """A dump returns every entry once, in byte order of the keys, not in
    the order they were created."""
    fam = rgnl(netns())
    created = ["f", "colour", "empty", "bin", "Z", "a0", "a", "\x7f"]
    for k in created:
        put(fam, k, k.encode())
    ksft_eq(keys(fam), sorted(created, key=str.encode))
    ksft_eq([m["entry"]["value"] for m in fam.dump("entry-get", {})],
            [k.encode() for k in sorted(created, key=str.encode)])


def dump_prefix():
    """A dump with PREFIX returns the keys starting with it."""
    fam = rgnl(netns())
    for k in ["bin", "colour", "co", "cp", "empty", "xco"]:
        put(fam, k)
    ksft_eq(keys(fam, "co"), ["co", "colour"])


def dump_prefix_no_match():
    """... and nothing when none does."""
    fam = rgnl(netns())
    for k in ["bin", "colour"]:
        put(fam, k)
    ksft_eq(fam.dump("entry-get", {"prefix": "zz"}), [])


def stats_counters():
    """stats-get: usage, the default limits, and each counter after a known
    sequence of changes (one listener: every change is notified)."""
    ns = netns()
    fam = rgnl(ns)
    listener(ns)
    put(fam, "a", b"1234")
    put(fam, "b", b"xy")
    put(fam, "a", b"123", tag=1)
    fam.do("entry-del", {"key": "b"})
    put(fam, "c", b"xyz")
    ksft_eq(stats(fam), {"count": 2, "bytes": 6, "max-entries": DEFAULT_MAX_ENTRIES,
                         "max-bytes": DEFAULT_MAX_BYTES, "created": 3, "replaced": 1,
                         "deleted": 1, "flushed": 0, "notifications": 5, "expired": 0,
                         "audit-messages": 0})


def flush_count():
    """flush removes every entry; its flush-ntf (echoed) counts them."""
    fam = rgnl(netns())
    for k in ["bin", "colour", "empty", "f"]:
        put(fam, k)
    drain(fam)
    fam.do("flush", {}, flags=[NLM_F_ECHO])
    ksft_eq([(n["name"], n["msg"]) for n in drain(fam)], [("flush-ntf", {"count": 4})])
    ksft_eq(stats(fam)["flushed"], 4)


def flush_empties():
    """After flush a dump is empty and nothing is held."""
    fam = rgnl(netns())
    for k in ["bin", "colour"]:
        put(fam, k, b"xx")
    fam.do("flush", {})
    ksft_eq(fam.dump("entry-get", {}), [])
    ksft_eq((stats(fam)["count"], stats(fam)["bytes"]), (0, 0))


def echo_returns_attrs():
    """echo replies with the request's attributes, unchanged."""
    fam = rgnl(netns())
    ksft_eq(fam.do("echo", {"value": b"ping"}), {"value": b"ping"})
    ksft_eq(fam.do("echo", {"key": "k", "value": b"\0\1", "tag": 7}),
            {"key": "k", "value": b"\0\1", "tag": 7})


# Refusals, each with its extack.

def excl_existing():
    """NLM_F_CREATE|NLM_F_EXCL on an existing key: EEXIST at the key."""
    fam = rgnl(netns())
    put(fam, "taken", b"x")
    ksft_eq(refusal(put, fam, "taken", b"y", flags=(NLM_F_CREATE, NLM_F_EXCL)),
            (errno.EEXIST, {"msg": "entry exists", "bad-attr": ".key"}))
    ksft_eq(get(fam, "taken")["value"], b"x")


def create_without_replace_existing():
    """NLM_F_CREATE without NLM_F_REPLACE on an existing key: EEXIST."""
    fam = rgnl(netns())
    put(fam, "taken", b"x")
    ksft_eq(refusal(put, fam, "taken", b"y", flags=(NLM_F_CREATE, )),
            (errno.EEXIST, {"msg": "entry exists", "bad-attr": ".key"}))
    ksft_eq(get(fam, "taken")["revision"], 1)


def replace_missing():
    """NLM_F_REPLACE (no NLM_F_CREATE) on a missing key: ENOENT."""
    fam = rgnl(netns())
    ksft_eq(refusal(put, fam, "missing", b"y", flags=(NLM_F_REPLACE, )),
            (errno.ENOENT, {"msg": "no such entry", "bad-attr": ".key"}))
    ksft_eq(keys(fam), [])


def get_missing():
    """entry-get of a missing key: ENOENT at the key."""
    fam = rgnl(netns())
    ksft_eq(refusal(get, fam, "missing"),
            (errno.ENOENT, {"msg": "no such entry", "bad-attr": ".key"}))


def del_missing():
    """entry-del of a missing key: ENOENT at the key."""
    fam = rgnl(netns())
    ksft_eq(refusal(fam.do, "entry-del", {"key": "missing"}),
            (errno.ENOENT, {"msg": "no such entry", "bad-attr": ".key"}))


def empty_key():
    """An empty key passes the policy; the kernel refuses it: EINVAL."""
    fam = rgnl(netns())
    ksft_eq(refusal(fam.do, "entry-new", {"key": "", "value": b"x"}),
            (errno.EINVAL, {"msg": "key must not be empty", "bad-attr": ".key"}))


def missing_key():
    """entry-get without KEY: EINVAL, the missing attribute named."""
    fam = rgnl(netns())
    ksft_eq(refusal(fam.do, "entry-get", {}),
            (errno.EINVAL, {"msg": "missing required attribute", "miss-type": "key"}))


def key_over_policy():
    """A 65-byte key is refused by the policy (max-len 64)."""
    fam = rgnl(netns())
    err, ext = refusal(get, fam, "k" * (KEY_MAX + 1))
    ksft_eq((err, ext.get("msg"), ext.get("bad-attr")),
            (errno.EINVAL, "Attribute failed policy validation", ".key"))
    ksft_eq(ext.get("policy", {}).get("max-length"), KEY_MAX)


def value_over_policy():
    """A 4097-byte value is refused by the policy (max-len 4096): ERANGE
    at the value (the CLI refuses it before sending); 4096 bytes pass."""
    fam = rgnl(netns())
    err, ext = refusal(put, fam, "big", b"v" * (VALUE_MAX + 1))
    ksft_eq((err, ext.get("msg"), ext.get("bad-attr"), ext.get("policy", {}).get("type")),
            (errno.ERANGE, "binary attribute size out of range", ".value", "binary"))
    ksft_eq(keys(fam), [])


def attr_past_op_policy():
    """An attribute the op does not take (TAG in entry-get, past its
    policy's maxattr as ynl-gen-c sizes it): EINVAL at it."""
    fam = rgnl(netns())
    put(fam, "taken")
    ksft_eq(refusal(fam.do, "entry-get", {"key": "taken", "tag": 1}),
            (errno.EINVAL, {"msg": "Unknown attribute type", "bad-attr": ".tag"}))


def excl_with_replace_is_dump():
    """NLM_F_EXCL|NLM_F_REPLACE are NLM_F_DUMP's bits: the request is taken
    for a dump of entry-new, which has none (why the CLI refuses them)."""
    fam = rgnl(netns())
    ksft_eq(refusal(put, fam, "k", flags=(NLM_F_EXCL, NLM_F_REPLACE))[0], errno.EOPNOTSUPP)
    ksft_eq(keys(fam), [])


def limits_need_a_limit():
    """limits-set without either limit: EINVAL."""
    fam = rgnl(netns())
    ksft_eq(refusal(fam.do, "limits-set", {}),
            (errno.EINVAL, {"msg": "max-entries or max-bytes required"}))


def limits_out_of_range():
    """limits-set below the policy's minimum: ERANGE at the attribute."""
    fam = rgnl(netns())
    err, ext = refusal(fam.do, "limits-set", {"max-entries": 0})
    ksft_eq((err, ext.get("msg"), ext.get("bad-attr")),
            (errno.ERANGE, "integer out of range", ".max-entries"))
    ksft_eq((ext["policy"].get("min-value"), ext["policy"].get("max-value")), (1, 1 << 20))
    ksft_eq(stats(fam)["max-entries"], DEFAULT_MAX_ENTRIES)


# Limits: ENOSPC, and recovery after flush.

def at_limits():
    """A namespace limited to 4 entries and 10 bytes, holding "taken" (1
    byte), a and b (4 bytes each): 3 entries, 9 bytes."""
    fam = rgnl(netns())
    put(fam, "taken", b"x")
    fam.do("limits-set", {"max-entries": 4, "max-bytes": 10})
    put(fam, "a", b"1234")
    put(fam, "b", b"1234")
    return fam


def limits_set():
    """limits-set sets both limits; stats-get reports them."""
    fam = at_limits()
    ksft_eq({k: stats(fam)[k] for k in ("count", "bytes", "max-entries", "max-bytes")},
            {"count": 3, "bytes": 9, "max-entries": 4, "max-bytes": 10})


def bytes_over_limit():
    """A value past the byte limit: ENOSPC at the value."""
    fam = at_limits()
    ksft_eq(refusal(put, fam, "c", b"1234"),
            (errno.ENOSPC, {"msg": "value byte limit of the namespace reached",
                            "bad-attr": ".value"}))


def replace_shrinking_fits():
    """A replace that shrinks the bytes held is fine at the limit."""
    fam = at_limits()
    put(fam, "b", b"12")
    ksft_eq(stats(fam)["bytes"], 7)


def fourth_entry_fits():
    """The fourth entry fits the entry limit."""
    fam = at_limits()
    put(fam, "b", b"12")
    put(fam, "d", b"x")
    ksft_eq((stats(fam)["count"], stats(fam)["bytes"]), (4, 8))


def entries_over_limit():
    """A fifth entry: ENOSPC, no attribute to blame."""
    fam = at_limits()
    put(fam, "d", b"x")
    ksft_eq(refusal(put, fam, "e", b"x"),
            (errno.ENOSPC, {"msg": "entry limit of the namespace reached"}))


def refused_stores_nothing():
    """Nothing was stored by the refused requests."""
    fam = at_limits()
    refusal(put, fam, "c", b"1234")
    put(fam, "b", b"12")
    put(fam, "d", b"x")
    refusal(put, fam, "e", b"x")
    ksft_eq(keys(fam), ["a", "b", "d", "taken"])


def usage_at_limits():
    """stats-get: usage at the limits, 4/4 entries, 8/10 bytes."""
    fam = at_limits()
    put(fam, "b", b"12")
    put(fam, "d", b"x")
    refusal(put, fam, "e", b"x")
    ksft_eq([stats(fam)[k] for k in ("count", "max-entries", "bytes", "max-bytes")],
            [4, 4, 8, 10])


def flush_at_limits():
    """flush at the limits frees every entry and byte; the limits stay."""
    fam = at_limits()
    put(fam, "d", b"x")
    fam.do("flush", {})
    ksft_eq([stats(fam)[k] for k in ("count", "bytes", "max-entries", "max-bytes")],
            [0, 0, 4, 10])


def entries_again_after_flush():
    """After flush the namespace takes entries again."""
    fam = at_limits()
    put(fam, "d", b"x")
    ksft_eq(refusal(put, fam, "e", b"x")[0], errno.ENOSPC)
    fam.do("flush", {})
    put(fam, "e", b"x")
    ksft_eq(keys(fam), ["e"])


def limits_restored():
    """The limits can be set back to the defaults."""
    fam = at_limits()
    fam.do("limits-set", {"max-entries": DEFAULT_MAX_ENTRIES, "max-bytes": DEFAULT_MAX_BYTES})
    ksft_eq((stats(fam)["max-entries"], stats(fam)["max-bytes"]),
            (DEFAULT_MAX_ENTRIES, DEFAULT_MAX_BYTES))
    put(fam, "c", b"1234")
    put(fam, "d", b"1234")
    ksft_eq(stats(fam)["count"], 5)


# Permissions: reads and subscriptions are open, writes need CAP_NET_ADMIN
# over the namespace.

def nobody_get():
    """An unprivileged user reads an entry."""
    ns = netns()
    put(rgnl(ns), "e", b"x")
    ksft_eq(nobody(ns, lambda: get(RgnlFamily(), "e")),
            {"key": "e", "value": b"x", "tag": 0, "revision": 1})


def nobody_dump():
    """... dumps the entries."""
    ns = netns()
    put(rgnl(ns), "e", b"x")
    put(rgnl(ns), "f", b"y")
    ksft_eq(nobody(ns, lambda: keys(RgnlFamily())), ["e", "f"])


def nobody_stats():
    """... and reads the stats."""
    ns = netns()
    put(rgnl(ns), "e", b"x")
    ksft_eq(nobody(ns, lambda: stats(RgnlFamily())["count"]), 1)


def nobody_set():
    """entry-new needs CAP_NET_ADMIN: EPERM, nothing stored."""
    ns = netns()
    ksft_eq(nobody(ns, lambda: put(RgnlFamily(), "x", b"y")), ("refused", errno.EPERM, {}))
    ksft_eq(keys(rgnl(ns)), [])


def nobody_del():
    """entry-del too."""
    ns = netns()
    put(rgnl(ns), "e", b"x")
    ksft_eq(nobody(ns, lambda: RgnlFamily().do("entry-del", {"key": "e"})),
            ("refused", errno.EPERM, {}))
    ksft_eq(keys(rgnl(ns)), ["e"])


def nobody_flush():
    """flush too."""
    ns = netns()
    put(rgnl(ns), "e", b"x")
    ksft_eq(nobody(ns, lambda: RgnlFamily().do("flush", {})), ("refused", errno.EPERM, {}))
    ksft_eq(keys(rgnl(ns)), ["e"])


def nobody_limits():
    """limits-set too."""
    ns = netns()
    ksft_eq(nobody(ns, lambda: RgnlFamily().do("limits-set", {"max-entries": 5})),
            ("refused", errno.EPERM, {}))
    ksft_eq(stats(rgnl(ns))["max-entries"], DEFAULT_MAX_ENTRIES)


def unshare_user_net():
    """Enters a new user and network namespace (as `unshare -Urn`)."""
    if LIBC.unshare(CLONE_NEWUSER | CLONE_NEWNET) != 0:
        raise OSError(ctypes.get_errno(), "unshare(CLONE_NEWUSER | CLONE_NEWNET)")


def write_in_own_namespace():
    """In a user+net namespace of its own, then entry-new and entry-get."""
    unshare_user_net()
    fam = RgnlFamily()
    put(fam, "mine", b"x")
    return get(fam, "mine")


def nobody_own_namespace():
    """An unprivileged user in a user and network namespace of its own
    holds CAP_NET_ADMIN over it: it writes there."""
    ns = netns()
    ksft_eq(nobody(ns, write_in_own_namespace),
            {"key": "mine", "value": b"x", "tag": 0, "revision": 1})


def own_namespace_isolated():
    """... and the entry is not in the namespace it came from."""
    ns = netns()
    ksft_eq(nobody(ns, write_in_own_namespace)["key"], "mine")
    ksft_eq(refusal(get, rgnl(ns), "mine"),
            (errno.ENOENT, {"msg": "no such entry", "bad-attr": ".key"}))


# Notifications: NEW, DEL and FLUSH in order; nothing across namespaces.

def listener_counts():
    """A socket that joined events makes the kernel build notifications:
    it receives each change, and stats count them (none before it
    joined)."""
    ns = netns()
    fam = rgnl(ns)
    put(fam, "before")
    ksft_eq(stats(fam)["notifications"], 0)
    mon = listener(ns)
    put(fam, "after")
    got = collect(mon, lambda g: len(g) >= 1)
    ksft_eq(events(got), [("entry-new-ntf", "after")])
    ksft_eq(stats(fam)["notifications"], 1)


def nobody_joins_events_elsewhere():
    """In a user+net namespace of its own, join events, change an entry:
    the notification received."""
    unshare_user_net()
    mon = RgnlFamily()
    mon.ntf_subscribe("events")
    put(RgnlFamily(), "theirs", b"x")
    # (Multicast is delivered within the sender's request.)
    return events(drain(mon))


def nobody_listener_other_netns():
    """An unprivileged listener joins events in another namespace (a user
    and network namespace of its own) and receives its changes there."""
    ns = netns()
    ksft_eq(nobody(ns, nobody_joins_events_elsewhere), [("entry-new-ntf", "theirs")])


def notifications_in_order():
    """entry-new, a replace, entry-del and another entry-new reach a
    listener in order, with their entries; a deleted entry as it was.
    Revisions move on every change, deletes included."""
    ns = netns()
    fam = rgnl(ns)
    put(fam, "probe", b"x")
    fam.do("entry-del", {"key": "probe"})
    mon = listener(ns)
    put(fam, "n1", b"one", tag=1)
    put(fam, "n1", b"uno")
    fam.do("entry-del", {"key": "n1"})
    put(fam, "n2", b"two")
    got = collect(mon, lambda g: len(g) >= 4)
    ksft_eq([(n["name"], n["msg"]) for n in got], [
        ("entry-new-ntf", {"entry": {"key": "n1", "value": b"one", "tag": 1, "revision": 3}}),
        ("entry-new-ntf", {"entry": {"key": "n1", "value": b"uno", "tag": 0, "revision": 4}}),
        ("entry-del-ntf", {"entry": {"key": "n1", "value": b"uno", "tag": 0, "revision": 4},
                           "reason": "deleted"}),
        ("entry-new-ntf", {"entry": {"key": "n2", "value": b"two", "tag": 0, "revision": 6}}),
    ])


def flush_notification():
    """flush notifies flush-ntf with the number of entries removed."""
    ns = netns()
    fam = rgnl(ns)
    put(fam, "n2")
    mon = listener(ns)
    fam.do("flush", {})
    ksft_eq([(n["name"], n["msg"]) for n in collect(mon, lambda g: len(g) >= 1)],
            [("flush-ntf", {"count": 1})])


def no_notification_across_netns():
    """A listener in another namespace receives none of this one's
    changes: only its own namespace's change, sent after them."""
    here, there = netns(), netns()
    mon = listener(there)
    fam = rgnl(here)
    put(fam, "n1")
    fam.do("entry-del", {"key": "n1"})
    fam.do("flush", {})
    put(rgnl(there), "sentinel")
    ksft_eq(events(collect(mon, lambda g: len(g) >= 1)), [("entry-new-ntf", "sentinel")])
    ksft_eq(drain(mon), [])


def no_entries_across_netns():
    """Another namespace sees none of this one's entries."""
    here, there = netns(), netns()
    put(rgnl(here), "n2")
    ksft_eq(keys(rgnl(there)), [])
    ksft_eq(stats(rgnl(there))["count"], 0)
    ksft_eq(keys(rgnl(here)), ["n2"])


# Ops without attributes refuse them.

def flush_refuses_attr():
    """flush takes no attribute: a PREFIX is refused (it is no filter),
    EINVAL at it ..."""
    fam = rgnl(netns())
    put(fam, "keep")
    ksft_eq(refusal(fam.do, "flush", {"prefix": "zz"}),
            (errno.EINVAL, {"msg": "Unknown attribute type", "bad-attr": ".prefix"}))


def flush_refused_flushes_nothing():
    """... and flushes nothing."""
    fam = rgnl(netns())
    put(fam, "keep")
    refusal(fam.do, "flush", {"prefix": "zz"})
    ksft_eq(keys(fam), ["keep"])
    ksft_eq(stats(fam)["flushed"], 0)


def stats_refuses_attr():
    """stats-get takes no attribute either."""
    fam = rgnl(netns())
    ksft_eq(refusal(fam.do, "stats-get", {"count": 1}),
            (errno.EINVAL, {"msg": "Unknown attribute type", "bad-attr": ".count"}))


# Dumps read with small buffers. Values of the spec's maximum make entry
# messages of 4.2 KB: readers need 8 KiB; one of 4 KiB gets every message
# that fits and MSG_TRUNC for each that does not, never a short dump.

def small_values_ns():
    """A namespace with 300 small entries (m000000..m000299)."""
    ns = netns()
    ksft_eq(fill(ns, "m", 300), [])
    return ns


def big_values_ns():
    """... and three of 4096 bytes: first, in the middle and last."""
    ns = small_values_ns()
    fam = rgnl(ns)
    for k in ["a-first", "m000150-middle", "z-last"]:
        put(fam, k, b"v" * VALUE_MAX)
    return ns


def reader_4k_small_values():
    """A 4 KiB reader, small values only: every entry, nothing truncated."""
    ksft_eq(RawDump(small_values_ns(), 4096).summary(), (300, 0, 0, 0))


def dump_big_values_all():
    """A YNL dump: every entry, the 4096-byte ones first, in the middle and
    last included."""
    ksft_eq(len(rgnl(big_values_ns()).dump("entry-get", {})), 303)


def dump_big_values_whole():
    """... their values whole."""
    big = [(m["entry"]["key"], len(m["entry"]["value"]))
           for m in rgnl(big_values_ns()).dump("entry-get", {})
           if len(m["entry"]["value"]) > 100]
    ksft_eq(big, [("a-first", VALUE_MAX), ("m000150-middle", VALUE_MAX), ("z-last", VALUE_MAX)])


def reader_8k():
    """An 8 KiB reader: every entry, nothing truncated."""
    ksft_eq(RawDump(big_values_ns(), 8192).summary(), (303, 0, 0, 0))


def reader_4k_truncated():
    """A 4 KiB reader: the 300 that fit, MSG_TRUNC for each of the 3 that
    do not."""
    ksft_eq(RawDump(big_values_ns(), 4096).summary(), (300, 3, 0, 0))


def reader_unaligned():
    """A 5001-byte reader sizes the next skbs unaligned: every message
    still whole."""
    ksft_eq(RawDump(big_values_ns(), 5001).summary(), (303, 0, 0, 0))


def prefix_dump_filtered():
    """A PREFIX dump flags its 10 messages and NLMSG_DONE with
    NLM_F_DUMP_FILTERED."""
    ksft_eq(RawDump(big_values_ns(), 8192, prefix="m00001").summary(), (10, 0, 11, 0))


# 100,000 entries. These tests share one namespace, filled by the first
# that needs it (bulk()); the last flushes it. A tenth on the debug kernel:
# under KASAN, lockdep and kmemleak, registry took 24
# min with 100,000, most of the debug kernel's part of CI; the paths are
# the same (a dump of 10,000 is still dozens of skbs).

BULK_N = 10000 if DEBUG_KERNEL else 100000
BULK = {"ns": None, "n": BULK_N}


def bulk():
    """The shared namespace holding k000000.. (BULK_N keys, filled once)."""
    if BULK["ns"] is None:
        ns = NetNS()
        BULK["ns"] = ns
        BULK["errors"] = fill(ns, "k", BULK["n"])
    return BULK["ns"]


def bulk_fill():
    """100,000 entries (BULK_N) are created, none refused."""
    ns = bulk()
    ksft_eq(BULK["errors"], [])
    ksft_eq(stats(rgnl(ns))["created"], BULK["n"])


def bulk_stats():
    """stats-get counts them."""
    ksft_eq(stats(rgnl(bulk()))["count"], BULK["n"])


def verify(fam, first, n, prefix):
    """A YNL dump with `prefix`: exactly the filled entries first..first+n,
    each once, in key order, values and tags intact."""
    got = fam.dump("entry-get", {"prefix": prefix})
    ksft_eq(len(got), n)
    bad = [m["entry"] for i, m in enumerate(got, first)
           if (m["entry"]["key"], m["entry"]["value"], m["entry"]["tag"]) !=
           (f"k{i:06}", f"v{i}".encode(), i)]
    ksft_eq(bad[:3], [])


def bulk_dump():
    """One dump returns all of them, each once, in key order, values
    intact."""
    verify(rgnl(bulk(), recv_size=1 << 20), 0, BULK["n"], "")


def bulk_prefix_100():
    """A dump with PREFIX k0999 (k0099 on the debug kernel): its last 100
    entries, in order."""
    verify(rgnl(bulk()), BULK_N - 100, 100, f"k{(BULK_N - 1) // 100:04}")


def bulk_prefix_10000():
    """A dump with PREFIX k05 (k005 on the debug kernel): its 10,000
    (1,000) entries, in order."""
    tenth = BULK_N // 10
    prefix = "k" + f"{BULK_N // 2:06}"[:7 - len(str(tenth))]
    verify(rgnl(bulk()), BULK_N // 2, tenth, prefix)


def bulk_dump_count():
    """A reader with a 32 KiB buffer receives every entry and a clean
    NLMSG_DONE."""
    ksft_eq(RawDump(bulk(), 32768).summary(), (BULK["n"], 0, 0, 0))


def bulk_dump_sorted_unique():
    """... their keys sorted, without duplicates."""
    got = RawDump(bulk(), 32768, want_keys=True).keys
    ksft_eq(len(got), BULK["n"])
    ksft_eq(got == sorted(set(got)), True)


def bulk_dump_intr():
    """A change during a dump (after its first skb) flags it
    NLM_F_DUMP_INTR; it still returns the entries (the new key sorts
    before where it stood). The change stays for the next test."""
    ns = bulk()
    writer = rgnl(ns)
    dump = RawDump(ns, 32768, during=lambda: put(writer, "intr-change", b"x"))
    ksft_eq((dump.interrupted, dump.entries, dump.done), (True, BULK["n"], 0))
    BULK["n"] += 1


def bulk_dump_consistent():
    """The same dump without a change is not flagged, and has every entry."""
    ns = bulk()
    count = stats(rgnl(ns))["count"]
    dump = RawDump(ns, 32768)
    ksft_eq((dump.interrupted, dump.entries, dump.done), (False, count, 0))


def bulk_flush():
    """flush removes them all and counts them (the namespace goes then)."""
    ns = bulk()
    fam = rgnl(ns)
    count = stats(fam)["count"]
    ksft_ge(count, BULK_N)
    fam.do("flush", {}, flags=[NLM_F_ECHO])
    ksft_eq([(n["name"], n["msg"]) for n in drain(fam)], [("flush-ntf", {"count": count})])
    ksft_eq(stats(fam)["count"], 0)
    fam.sock.close()
    BULK["ns"] = None
    ns.__del__()  # pylint: disable=unnecessary-dunder-call


# Namespace teardown and the module going away.

def netns_with_entries_goes():
    """A namespace holding entries is deleted (its registry freed: the
    debug kernel's kmemleak checks it); the module serves others after."""
    ns = NetNS()
    name = ns.name
    fam = rgnl(ns)
    for i in range(3):
        put(fam, f"t{i}")
    ksft_eq(stats(fam)["count"], 3)
    fam.sock.close()
    ns.__del__()  # pylint: disable=unnecessary-dunder-call
    ksft_eq(os.path.exists(f"/run/netns/{name}"), False)
    ksft_eq(put_echo(rgnl(netns()), "after")["revision"], 1)


# The socket that resolved the family before the unload.
UNLOADED = {}


def rmmod_with_entries():
    """rmmod with entries held (in the initial namespace)."""
    fam = RgnlFamily()
    put(fam, "last", b"x")
    ksft_eq(get(fam, "last")["value"], b"x")
    UNLOADED["stale"] = fam
    cmd("rmmod rgnl", timeout=DEADLINE)
    ksft_eq(module_loaded("rgnl"), False)


def request_after_unload():
    """A socket that resolved the family before the unload: its requests
    on the id of a family no longer registered are ENOENT from the
    genetlink core, with no message (not the family's "no such entry").
    (It uses rmmod_with_entries' socket; alone, it unloads the module.)"""
    stale = UNLOADED.get("stale")
    if stale is None or module_loaded("rgnl"):
        stale = RgnlFamily()
        cmd("rmmod rgnl", timeout=DEADLINE)
    ksft_eq(refusal(get, stale, "k"), (errno.ENOENT, {}))
    forget_family_ids()


CASES = [
    family_registered,
    create_revision_one, get_returns_entry, upsert_replaces, replace_existing,
    binary_value, empty_value, max_key_and_value_stored, max_value_read_back, del_deletes,
    dump_key_order, dump_prefix, dump_prefix_no_match, stats_counters, flush_count,
    flush_empties, echo_returns_attrs,
    excl_existing, create_without_replace_existing, replace_missing, get_missing,
    del_missing, empty_key, missing_key, key_over_policy, value_over_policy,
    attr_past_op_policy, excl_with_replace_is_dump, limits_need_a_limit, limits_out_of_range,
    limits_set, bytes_over_limit, replace_shrinking_fits, fourth_entry_fits,
    entries_over_limit, refused_stores_nothing, usage_at_limits, flush_at_limits,
    entries_again_after_flush, limits_restored,
    nobody_get, nobody_dump, nobody_stats, nobody_set, nobody_del, nobody_flush,
    nobody_limits, nobody_own_namespace, own_namespace_isolated,
    listener_counts, nobody_listener_other_netns, notifications_in_order,
    flush_notification, no_notification_across_netns, no_entries_across_netns,
    flush_refuses_attr, flush_refused_flushes_nothing, stats_refuses_attr,
    reader_4k_small_values, dump_big_values_all, dump_big_values_whole, reader_8k,
    reader_4k_truncated, reader_unaligned, prefix_dump_filtered,
    bulk_fill, bulk_stats, bulk_dump, bulk_prefix_100, bulk_prefix_10000,
    bulk_dump_count, bulk_dump_sorted_unique, bulk_dump_intr, bulk_dump_consistent,
    bulk_flush,
    netns_with_entries_goes, rmmod_with_entries, request_after_unload,
]


def main() -> None:
    """Loads the module unless it is, runs the tests, unloads it."""
    run_loaded(CASES, shared_ns=lambda: BULK["ns"])


if __name__ == "__main__":
    main()
