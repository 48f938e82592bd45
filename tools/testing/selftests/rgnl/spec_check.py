# SPDX-License-Identifier: GPL-2.0
"""The registered family against its YNL spec, through nlctrl
(CTRL_CMD_GETFAMILY and CTRL_CMD_GETPOLICY) on YNL's library: differences()
lists what differs in one aspect (ops, policies or groups).
"""

import yaml

from rgnl_lib import nlctrl

# YNL attribute types and the nlctrl policy types the kernel reports for them.
POLICY_TYPE = {"string": "nul-string", "binary": "binary", "u32": "u32",
               "u64": "u64", "nest": "nested", "flag": "flag", "u8": "u8",
               "u16": "u16", "s32": "s32", "s64": "s64"}


def numbered(items):
    """The spec's numbering: explicit values, else one more than the last."""
    out, nxt = {}, 1
    for item in items:
        nxt = item.get("value", nxt)
        out[item["name"]] = (nxt, item)
        nxt += 1
    return out


def limit(spec, value):
    """A check's value: a number or the name of a constant."""
    if isinstance(value, int):
        return value
    consts = {d["name"]: d["value"] for d in spec.get("definitions", []) if "value" in d}
    return consts[value]


def expected_policy(spec, attrs, names):
    """{attr number: {nlctrl policy attribute: value}} for request `names`."""
    out = {}
    for name in names:
        num, attr = attrs[name]
        want = {"type": POLICY_TYPE[attr["type"]]}
        checks = attr.get("checks", {})
        bits = {"u8": 8, "u16": 16, "u32": 32, "u64": 64}.get(attr["type"])
        if bits:  # the kernel reports every unsigned range, full by default
            want["min-value-u"], want["max-value-u"] = 0, 2**bits - 1
        # A string's maximum is its policy's .len, which nlctrl reports; a
        # binary's is NLA_POLICY_MAX_LEN (as ynl-gen-c makes it), which it
        # does not.
        if "max-len" in checks and attr["type"] == "string":
            want["max-length"] = limit(spec, checks["max-len"])
        if "min" in checks:
            want["min-value-u"] = limit(spec, checks["min"])
        if "max" in checks:
            want["max-value-u"] = limit(spec, checks["max"])
        out[num] = want
    return out


def differences(path, aspect):
    """What the kernel's family differs in from the spec at `path`, in
    `aspect` (ops, policies or groups): a line each; none if it matches."""
    with open(path, encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    ctrl = nlctrl()
    fam = ctrl.do("getfamily", {"family-name": spec["name"]})
    ops = numbered(spec["operations"]["list"])
    attrs = numbered(spec["attribute-sets"][0]["attributes"])
    errors = []

    if aspect == "groups":
        got = sorted(g["name"] for g in (list(x.values())[0] for x in fam["mcast-groups"]))
        want = sorted(g["name"] for g in spec["mcast-groups"]["list"])
        if got != want:
            errors.append(f"multicast groups: kernel {got}, spec {want}")
        # Every op has a policy of its own: the family's maxattr is 0, as
        # ynl-gen-c's family struct has it; a global policy's is its own.
        want = 0 if spec.get("kernel-policy", "split") != "global" else max(n for n, _ in attrs.values())
        if fam["maxattr"] != want:
            errors.append(f"maxattr: kernel {fam['maxattr']}, want {want}")

    if aspect == "ops":
        kernel = {o["id"]: o["flags"] for o in (list(x.values())[0] for x in fam["ops"])}
        for name, (num, op) in ops.items():
            if "do" not in op and "dump" not in op:
                if num in kernel:
                    errors.append(f"{name} ({num}) is a notification but the kernel has an op")
                continue
            flags = kernel.pop(num, None)
            if flags is None:
                errors.append(f"{name} ({num}): no such op in the kernel")
                continue
            for mode, cap in (("do", "cmd-cap-do"), ("dump", "cmd-cap-dump")):
                if (mode in op) != (cap in flags):
                    errors.append(f"{name}: spec {'has' if mode in op else 'lacks'} {mode}, kernel flags {sorted(flags)}")
            perms = {"admin-perm", "uns-admin-perm"}
            if flags & perms != set(op.get("flags", [])) & perms:
                errors.append(f"{name}: spec flags {op.get('flags', [])}, kernel flags {sorted(flags)}")
        for num in kernel:
            errors.append(f"kernel op {num} is not in the spec")

    if aspect == "policies":
        dumps = ctrl.dump("getpolicy", {"family-name": spec["name"]})
        op_policy, policies = {}, {}
        # One message per op ({op-id, do, dump}) and per policy attribute
        # ({policy-id, attr-id, type, limits}).
        for msg in dumps:
            if "op-policy" in msg:
                op_policy[msg["op-policy"]["op-id"]] = msg["op-policy"]
            if "policy" in msg:
                p = dict(msg["policy"])
                policies.setdefault(p.pop("policy-id"), {})[p.pop("attr-id")] = p
        for name, (num, op) in ops.items():
            for mode in ("do", "dump"):
                if mode not in op:
                    continue
                want = expected_policy(spec, attrs, op[mode].get("request", {}).get("attributes", []))
                idx = op_policy.get(num, {}).get(mode)
                got = {}
                if idx is not None:
                    got = policies.get(idx, {})
                if got != want:
                    errors.append(f"{name} {mode} policy: kernel {got}, spec {want}")

    return errors
