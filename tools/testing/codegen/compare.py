#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Compares two registered genetlink families: what nlctrl reports of them,
and how they answer requests.

    compare.py FAMILY-A FAMILY-B ASPECT

ASPECT:
  family     CTRL_CMD_GETFAMILY: version, hdrsize, maxattr, every op (in
             the kernel's order) with its flags, every multicast group (in
             order) with its name.
  policies   CTRL_CMD_GETPOLICY, each op's do and dump policy resolved:
             every attribute with everything nlctrl says of it (type,
             min/max value, min/max length, mask, ...), nested policies
             followed. Dumped for the whole family, and for each op alone
             (CTRL_ATTR_OP, including ids neither family has).
  numbering  the same dumps as the kernel numbers them: which policy index
             each op's do/dump has, and each index's table.
  requests   what every op (do and dump; the ids of either family, 0 and
             one past the highest) answers to requests of one attribute
             (each type from 0 to one past the highest either family's
             policies know: those either family's policy for the op lists
             with payloads of many lengths and values, the others with a
             few lengths),
             and to requests with reserved header bits: the error and the
             whole extack. The stub handlers do nothing, so this is the
             policies and validation flags at work, which nlctrl does not
             show in full (e.g. NLA_POLICY_MAX_LEN, or a NULL policy
             against one rejecting everything).

Only the family name and id, and the multicast group ids (global) are
normalised away: group ids count as offsets from the family's first. Every
attribute nlctrl sends is compared, known to this script or not. Prints
each difference and exits 1 if there is any (2 if a family is missing).

One difference is expected, on Linux 6.12 only: an op without request
attributes has no policy in C, and 6.12's core then parses nothing and
ignores any attribute sent; the layer refuses them, as 7.x's core does for
C too. Such (op, mode)s -- whose policies dump no attribute in either
family's GETPOLICY -- are not probed with attributes, nor dumped alone (C's
is ENODATA), and are named.

One more is expected, on both kernels: a full op's dump with
GENL_DONT_VALIDATE_DUMP (ynl-gen-c's per-op and global families: fou) has
no policy in C, and parses nothing. The layer's split dump op cannot be
listed without one: 6.12's GETPOLICY shows a split op without a policy with
the core's reject-all one (its requests are not parsed, as C's), and 7.x
would refuse every attribute with it, so there the layer registers an empty
policy, validated liberally, which parses nothing either. GETPOLICY lists a
policy that dumps no attribute for the Rust family's dump and none for
C's: such dumps are left out of the GETPOLICY comparisons, and named; their
requests are compared.

Raw netlink (no YNL): nothing is lost to a decoder that drops what it does
not know, and it runs the same on every kernel."""

import errno
import os
import re
import socket
import struct
import sys

NETLINK_GENERIC = 16
GENL_ID_CTRL = 0x10
NLM_F_REQUEST, NLM_F_ACK, NLM_F_DUMP = 0x1, 0x4, 0x300
NLMSG_ERROR, NLMSG_DONE = 2, 3
CTRL_CMD_GETFAMILY, CTRL_CMD_GETPOLICY = 3, 10
NLA_TYPE_MASK = 0x3FFF
SOL_NETLINK, NETLINK_CAP_ACK, NETLINK_EXT_ACK = 270, 10, 11
NLM_F_CREATE = 0x400
# enum nlmsgerr_attrs
EXTACK = {1: "msg", 2: "offset", 3: "cookie", 4: "policy", 5: "missing-type", 6: "missing-nest"}

# enum CTRL_ATTR_*
CTRL_ATTR = {1: "family-id", 2: "family-name", 3: "version", 4: "hdrsize", 5: "maxattr",
             6: "ops", 7: "mcast-groups", 8: "policy", 9: "op-policy", 10: "op"}
A = {v: k for k, v in CTRL_ATTR.items()}
OP_ATTR = {1: "id", 2: "flags"}
GRP_ATTR = {1: "name", 2: "id"}
OP_POLICY_ATTR = {1: "do", 2: "dump"}
OP_FLAGS = {0x1: "admin-perm", 0x2: "cmd-cap-do", 0x4: "cmd-cap-dump", 0x8: "cmd-cap-haspol",
            0x10: "uns-admin-perm"}
# enum netlink_policy_type_attr: name, decoder.
POLICY_ATTR = {1: ("type", "u32"), 2: ("min-value-s", "s64"), 3: ("max-value-s", "s64"),
               4: ("min-value-u", "u64"), 5: ("max-value-u", "u64"), 6: ("min-length", "u32"),
               7: ("max-length", "u32"), 8: ("policy-idx", "u32"), 9: ("policy-maxtype", "u32"),
               10: ("bitfield32-mask", "u32"), 11: ("pad", None), 12: ("mask", "u64")}
# enum netlink_attribute_type
ATTR_TYPE = ["invalid", "flag", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "binary",
             "string", "nul-string", "nested", "nested-array", "bitfield32", "sint", "uint"]


class Nlctrl:
    def __init__(self):
        self.sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_GENERIC)
        self.sock.bind((0, 0))
        # Errors carry the extack, not the request.
        self.sock.setsockopt(SOL_NETLINK, NETLINK_CAP_ACK, 1)
        self.sock.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
        self.seq = 0

    def transact(self, family, cmd, body, flags, version=1, reserved=0):
        """[(type, flags, payload)] of every message answering one request,
        up to its ACK, error or NLMSG_DONE."""
        self.seq += 1
        hdr = struct.pack("=IHHII", 16 + 4 + len(body), family, flags, self.seq, 0)
        self.sock.send(hdr + struct.pack("=BBH", cmd, version, reserved) + body)
        msgs = []
        while True:
            # A dump's skb holds at most 32 KiB. (A recv buffer past
            # malloc's mmap threshold costs two syscalls a call: half the
            # run time under TCG.)
            data = self.sock.recv(1 << 16)
            off = 0
            while off < len(data):
                length, mtype, mflags, seq, _ = struct.unpack_from("=IHHII", data, off)
                payload = data[off + 16:off + length]
                off += (length + 3) & ~3
                if seq != self.seq:
                    continue
                msgs.append((mtype, mflags, payload))
                if mtype in (NLMSG_DONE, NLMSG_ERROR):
                    return msgs

    def request(self, cmd, attrs, dump=False):
        """The payloads (after the genl header) of the replies to CMD; raises
        OSError with the kernel's errno."""
        body = b"".join(put(t, v) for t, v in attrs)
        flags = NLM_F_REQUEST | NLM_F_ACK | (NLM_F_DUMP if dump else 0)
        replies = []
        for mtype, _, payload in self.transact(GENL_ID_CTRL, cmd, body, flags, version=2):
            if mtype == NLMSG_ERROR:
                (err,) = struct.unpack_from("=i", payload)
                if err:
                    raise OSError(-err, errno.errorcode.get(-err, str(-err)))
            elif mtype != NLMSG_DONE:
                replies.append(payload[4:])
        return replies


def put(atype, value):
    if isinstance(value, str):
        value = value.encode() + b"\0"
    elif isinstance(value, int):
        value = struct.pack("=I", value)
    return struct.pack("=HH", 4 + len(value), atype) + value + b"\0" * (-len(value) % 4)


def attrs(data):
    """[(type, payload)] of a run of attributes, flag bits masked off."""
    out, off = [], 0
    while off + 4 <= len(data):
        length, atype = struct.unpack_from("=HH", data, off)
        if length < 4:
            break
        out.append((atype & NLA_TYPE_MASK, data[off + 4:off + length]))
        off += (length + 3) & ~3
    return out


def u32(v):
    return struct.unpack("=I", v)[0] if len(v) == 4 else "0x" + v.hex()


def number(v, kind):
    fmt = {"u32": "=I", "u64": "=Q", "s64": "=q"}[kind]
    return struct.unpack(fmt, v)[0] if len(v) == struct.calcsize(fmt) else "0x" + v.hex()


def unknown(table, t, v):
    return table.get(t, f"unknown attribute {t}"), "0x" + v.hex()


def flag_names(flags):
    if not isinstance(flags, int):
        return flags
    names = [n for bit, n in OP_FLAGS.items() if flags & bit]
    rest = flags & ~sum(OP_FLAGS)
    return " | ".join(names + ([hex(rest)] if rest else [])) or "0"


def get_family(ctrl, name):
    """GETFAMILY of NAME, normalised; its id is under the key "_id"."""
    (msg,) = ctrl.request(CTRL_CMD_GETFAMILY, [(A["family-name"], name)])
    out = {}
    for t, v in attrs(msg):
        if t == A["family-id"]:
            out["_id"] = struct.unpack("=H", v[:2])[0]
            continue
        if t == A["family-name"]:
            continue
        if t in (A["version"], A["hdrsize"], A["maxattr"]):
            out[CTRL_ATTR[t]] = u32(v)
        elif t == A["ops"]:
            ops = out["ops"] = {}
            for idx, nest in attrs(v):
                op = ops[f"#{idx}"] = {}
                for t2, v2 in attrs(nest):
                    if t2 == 1:
                        op["id"] = u32(v2)
                    elif t2 == 2:
                        op["flags"] = flag_names(u32(v2))
                    else:
                        k, x = unknown(OP_ATTR, t2, v2)
                        op[k] = x
        elif t == A["mcast-groups"]:
            groups = out["mcast-groups"] = {}
            for idx, nest in attrs(v):
                grp = groups[f"#{idx}"] = {}
                for t2, v2 in attrs(nest):
                    if t2 == 1:
                        grp["name"] = v2.rstrip(b"\0").decode()
                    elif t2 == 2:
                        grp["id"] = u32(v2)
                    else:
                        k, x = unknown(GRP_ATTR, t2, v2)
                        grp[k] = x
            ids = [g["id"] for g in groups.values() if isinstance(g.get("id"), int)]
            for g in groups.values():
                if isinstance(g.get("id"), int):
                    g["id"] = f"first + {g['id'] - min(ids)}"
        else:
            k, x = unknown(CTRL_ATTR, t, v)
            out[k] = x
    return out


def get_policies(ctrl, name, op=None):
    """{"op-policy": {cmd: {do/dump: index}}, "policies": {index: {attr:
    {...}}}} of one GETPOLICY dump, or {"error": ERRNO}."""
    req = [(A["family-name"], name)] + ([(A["op"], op)] if op is not None else [])
    try:
        msgs = ctrl.request(CTRL_CMD_GETPOLICY, req, dump=True)
    except OSError as e:
        return {"error": errno.errorcode.get(e.errno, e.errno)}
    op_policy, policies, other = {}, {}, {}
    for msg in msgs:
        for t, v in attrs(msg):
            if t == A["family-id"]:
                continue
            if t == A["op-policy"]:
                for cmd, nest in attrs(v):
                    entry = op_policy.setdefault(cmd, {})
                    for t2, v2 in attrs(nest):
                        k = OP_POLICY_ATTR.get(t2, f"unknown attribute {t2}")
                        entry[k] = u32(v2) if t2 in OP_POLICY_ATTR else "0x" + v2.hex()
            elif t == A["policy"]:
                for idx, nest in attrs(v):
                    table = policies.setdefault(idx, {})
                    for attr, desc in attrs(nest):
                        table[attr] = policy_attr(desc)
            else:
                k, x = unknown(CTRL_ATTR, t, v)
                other.setdefault(k, []).append(x)
    out = {"op-policy": op_policy, "policies": policies}
    if other:
        out["other"] = other
    return out


def policy_attr(desc):
    out = {}
    for t, v in attrs(desc):
        name, kind = POLICY_ATTR.get(t, (f"unknown attribute {t}", None))
        if name == "pad":
            continue
        if kind is None:
            out[name] = "0x" + v.hex()
            continue
        out[name] = number(v, kind)
        if name == "type" and isinstance(out[name], int) and out[name] < len(ATTR_TYPE):
            out[name] = ATTR_TYPE[out[name]]
    return out


def resolve(dump):
    """Each op's do/dump policy with nested policies followed, indexes gone."""
    if "error" in dump:
        return dump
    policies = dump["policies"]

    def table(idx, path):
        if idx in path:
            return f"<recursion: the policy {len(path) - path.index(idx)} levels up>"
        if idx not in policies:
            return "<no attribute dumped: every one rejected (NLA_REJECT) or none>"
        out = {}
        for attr, desc in policies[idx].items():
            desc = dict(desc)
            if "policy-idx" in desc:
                desc["policy"] = table(desc.pop("policy-idx"), path + [idx])
            out[f"attr {attr}"] = desc
        return out

    out = {}
    for cmd, modes in dump["op-policy"].items():
        out[f"op {cmd}"] = {m: table(i, []) if isinstance(i, int) else i for m, i in modes.items()}
    if "other" in dump:
        out["other"] = dump["other"]
    return out


# The payloads each attribute is sent with, alone: lengths around the
# usual limits (zeros, and strings of NUL-terminated "A"s), and the
# integers at the edges of each width.
LENGTHS = (0, 1, 2, 3, 4, 8, 16, 17, 64, 65, 66, 256, 4096, 4097)
PAYLOADS = [(f"{n} zero bytes", bytes(n)) for n in LENGTHS] + \
    [(f"a string of {n - 1}", b"A" * (n - 1) + b"\0") for n in LENGTHS if n > 1] + \
    [(f"u{8 * size} {value:#x}", value.to_bytes(size, "little"))
     for size in (1, 2, 4, 8)
     for value in (1, 2**(8 * size - 1) - 1, 2**(8 * size - 1), 2**(8 * size) - 1)]
# An attribute neither family's GETPOLICY lists for an op is unknown, or
# NLA_UNSPEC / NLA_REJECT there: refused whatever its payload under strict
# validation, and ignored under liberal validation but for a minimum length
# (NLA_UNSPEC's .len). A few lengths show that; all of PAYLOADS would cost
# minutes under TCG for families like devlink (~180 attributes per op).
UNLISTED_PAYLOADS = [(f"{n} zero bytes", bytes(n)) for n in (0, 1, 4, 8, 4097)]


def outcome(msgs):
    """What a request got: replies counted, then the error (or ACK) and
    every extack attribute."""
    out, replies = [], 0
    for mtype, mflags, payload in msgs:
        if mtype not in (NLMSG_ERROR, NLMSG_DONE):
            replies += 1
            continue
        (err,) = struct.unpack_from("=i", payload) if len(payload) >= 4 else (0,)
        word = ("ACK" if mtype == NLMSG_ERROR else "DONE") if not err else \
            errno.errorcode.get(-err, str(err))
        if replies:
            out.append(f"{replies} replies")
        out.append(word)
        # NLMSG_ERROR: the error and the request's header (capped); DONE: the error.
        tlvs = payload[20:] if mtype == NLMSG_ERROR else payload[4:]
        for t, v in attrs(tlvs):
            name = EXTACK.get(t, f"extack {t}")
            if name == "msg":
                out.append("msg " + repr(v.rstrip(b"\0").decode(errors="replace")))
            elif name in ("offset", "missing-type") and len(v) == 4:
                out.append(f"{name} {u32(v)}")
            elif name == "policy":
                desc = policy_attr(v)
                out.append("policy {" + ", ".join(f"{k} {x}" for k, x in sorted(desc.items())) + "}")
            else:
                out.append(f"{name} 0x{v.hex()}")
    return ", ".join(out)


def requests(ctrl, fam, ids, probed, listed, maxattr):
    """{case: outcome} of requests each op of IDS of FAM (do and dump)
    answers with its policies and header checks alone (the stubs' handlers
    do nothing); with attributes only the (op, mode)s in PROBED, with all
    PAYLOADS those that LISTED[(op, mode)] has."""
    out = {}
    for op in ids:
        for mode, flags in (("do", NLM_F_REQUEST | NLM_F_ACK), ("dump", NLM_F_REQUEST | NLM_F_ACK | NLM_F_DUMP)):
            cases = [("no attributes", b"", flags, 0),
                     ("genlmsghdr.reserved 1", b"", flags, 1),
                     ("NLM_F_CREATE", b"", flags | NLM_F_CREATE, 0)]
            for atype in range(0, maxattr + 2) if (op, mode) in probed else ():
                payloads = PAYLOADS if atype in listed.get((op, mode), ()) else UNLISTED_PAYLOADS
                for what, payload in payloads:
                    cases.append((f"attr {atype}: {what}", put(atype, payload), flags, 0))
            for what, body, f, reserved in cases:
                msgs = ctrl.transact(fam["_id"], op, body, f, reserved=reserved)
                out[f"op {op} {mode}, {what}"] = outcome(msgs)
    return out


def flatten(obj, prefix, out):
    if isinstance(obj, dict):
        if not obj:
            out[prefix] = "{}"
        for k, v in obj.items():
            flatten(v, f"{prefix}/{k}" if prefix else str(k), out)
    else:
        out[prefix] = obj
    return out


def diff(a, b, name_a, name_b, where):
    fa, fb = flatten(a, "", {}), flatten(b, "", {})
    errors = []
    natural = lambda k: [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", k)]
    for key in sorted(set(fa) | set(fb), key=natural):
        va, vb = fa.get(key, "(absent)"), fb.get(key, "(absent)")
        if va != vb:
            errors.append(f"{where}{key}: {name_a} {va}, {name_b} {vb}")
    return errors


def refused_not_ignored(ctrl, name_a, name_b):
    """The (op, mode)s of the one difference expected on 6.12 (see above)."""
    if not os.uname().release.startswith("6.12."):
        return set()
    a, b = (get_policies(ctrl, n) for n in (name_a, name_b))
    if "error" in a or "error" in b:
        return set()
    def takes_none(dump):
        return {(op, mode) for op, modes in dump["op-policy"].items()
                for mode, idx in modes.items() if idx not in dump["policies"]}
    # In the whole dump the core shows C's missing policy as its reject-all.
    return takes_none(a) & takes_none(b)


def unparsed_dumps(ctrl, name_a, name_b):
    """The dumps of the second expected difference (see above): no policy
    in A's (C's) GETPOLICY, one dumping no attribute in B's."""
    a, b = (get_policies(ctrl, n) for n in (name_a, name_b))
    if "error" in a or "error" in b:
        return set()
    return {(op, "dump") for op, modes in b["op-policy"].items()
            if "dump" in modes and modes["dump"] not in b["policies"]
            and "dump" not in a["op-policy"].get(op, {})}


def without(dump, skip):
    """A GETPOLICY dump without the op policies of SKIP."""
    if "error" in dump:
        return dump
    ops = {op: {m: i for m, i in modes.items() if (op, m) not in skip}
           for op, modes in dump["op-policy"].items()}
    return dict(dump, **{"op-policy": {op: modes for op, modes in ops.items() if modes}})


def compare(ctrl, name_a, name_b, aspect):
    """(status, lines): status 0 if A and B are alike in ASPECT, 1 if not,
    2 if either is not registered; lines say so, or each difference."""
    fams = []
    for name in (name_a, name_b):
        try:
            fams.append(get_family(ctrl, name))
        except OSError as e:
            return 2, [f"{name}: GETFAMILY failed: {e.strerror}"]

    ids = {op.get("id") for f in fams for op in f.get("ops", {}).values()}
    ids = {i for i in ids if isinstance(i, int)}
    errors = []
    unparsed = set()
    skip = refused_not_ignored(ctrl, name_a, name_b)
    if aspect == "family":
        errors = diff(*({k: v for k, v in f.items() if k != "_id"} for f in fams),
                      name_a, name_b, "GETFAMILY ")
    elif aspect == "requests":
        # Attribute types up to one past the highest either family's
        # policies know (0 and the rest probe strict validation).
        highest = 0
        listed = {}
        for name in (name_a, name_b):
            dump = get_policies(ctrl, name)
            for table in dump.get("policies", {}).values():
                highest = max([highest] + list(table))
            for op, modes in dump.get("op-policy", {}).items():
                for mode, idx in modes.items():
                    listed.setdefault((op, mode), set()).update(dump["policies"].get(idx, {}))
        # With attributes, the modes either family has; the rest answer
        # EOPNOTSUPP before looking at them.
        probed = {(op["id"], mode) for f in fams for op in f.get("ops", {}).values()
                  for mode in ("do", "dump") if f"cmd-cap-{mode}" in str(op.get("flags"))} - skip
        got = [requests(ctrl, f, sorted(ids | {0, max(ids | {0}) + 1}), probed, listed, highest) for f in fams]
        # One line per op, mode and attribute type: its first difference,
        # and how many of its payloads differ; three types per op and mode.
        groups = {}
        for e in diff(got[0], got[1], name_a, name_b, ""):
            op_mode, _, rest = e.partition(", ")
            groups.setdefault(op_mode, {}).setdefault(rest.split(":")[0], []).append(e)
        for op_mode, types in groups.items():
            for lines in list(types.values())[:3]:
                more = f" (and {len(lines) - 1} more payloads of this attribute)" if len(lines) > 1 else ""
                errors.append(lines[0] + more)
            if len(types) > 3:
                errors.append(f"{op_mode}: and {len(types) - 3} more attribute types differ")
    else:
        unparsed = unparsed_dumps(ctrl, name_a, name_b)
        skip_policies = skip | unparsed
        def view(dump):
            dump = without(dump, skip_policies)
            return resolve(dump) if aspect == "policies" else dump
        whole = [view(get_policies(ctrl, n)) for n in (name_a, name_b)]
        errors = diff(whole[0], whole[1], name_a, name_b, "GETPOLICY (family) ")
        # Each op alone, and ids around them: the ones either family has,
        # 0, and one past the highest.
        for op in sorted(ids | {0, max(ids | {0}) + 1}):
            raw = [without(get_policies(ctrl, n, op), skip_policies) for n in (name_a, name_b)]
            # An op of A without any policy is ENODATA alone.
            if raw[0] == {"error": "ENODATA"} and not raw[1].get("op-policy"):
                continue
            one = [view(d) for d in raw]
            errors += diff(one[0], one[1], name_a, name_b, f"GETPOLICY (op {op} alone) ")

    lines = list(errors)
    if aspect in ("policies", "numbering") and unparsed:
        lines.append("except, as expected, the policy of "
                     + ", ".join(f"op {op} dump" for op, _ in sorted(unparsed))
                     + f": {name_a} has none, {name_b} an empty one (neither parses the request)")
    if not errors:
        lines.append(f"{aspect}: {name_a} and {name_b} are reported alike")
    if skip:
        lines.append("except, as expected on 6.12, what "
                     + ", ".join(f"op {op} {m}" for op, m in sorted(skip))
                     + f" do with attributes: {name_a} (no policy) ignores them, {name_b} refuses them")
    return (1 if errors else 0), lines


ASPECTS = ("family", "policies", "numbering", "requests")


def main():
    if len(sys.argv) != 4 or sys.argv[3] not in ASPECTS:
        sys.exit(__doc__.split("\n\n")[1])
    status, lines = compare(Nlctrl(), *sys.argv[1:])
    for line in lines:
        print(line)
    sys.exit(status)


if __name__ == "__main__":
    main()
