#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The Rust clients that ynl-gen-rust.py --mode user generates from the
tree's specs, against the kernel's own YNL library, on the kernel's own
families: the same requests (dos and dumps over real objects: dummy, veth
and netdevsim devices, team options, fou ports, mptcp endpoints), the same
notifications and the same refusals must decode to the same values.

`families` (tools/testing/clients/families.rs, built by clients.sh on the
generated clients of the kernel tree under test) prints each reply as the
generated types serialise it; YnlFamily decodes the same requests. The
values are compared after putting both in one convention: bytes as hex,
sets as sorted lists, indexed arrays as plain lists, and the spec's display
hints and enum names applied to the Rust side's raw numbers (the Rust types
keep raw values, YNL formats them).
"""

import ipaddress
import json
import subprocess
import sys
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.append(HERE.parent.as_posix())
# pylint: disable=wrong-import-position
from net.lib.py import ksft_run, ksft_exit, ksft_eq, ksft_ne, ksft_raises, ksft_busy_wait, \
    cmd, defer, KsftSkipEx, NlError, YnlFamily

SPECS = Path("/ksrc/Documentation/netlink/specs")
FAMILIES = HERE / "families"
# The same program on a netdev client that decodes ifindex one too high.
MUTATED = HERE / "families-mutated"


def family(name):
    return YnlFamily((SPECS / f"{name}.yaml").as_posix(), schema='')


def rust(fam, request, arg=None, program=FAMILIES):
    """The JSON lines `families` prints for one request."""
    args = [program.as_posix(), fam, request] + ([str(arg)] if arg is not None else [])
    out = subprocess.run(args, capture_output=True, text=True, check=False, timeout=60)
    lines = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    if out.returncode != 0 and not (lines and "errno" in lines[-1]):
        raise AssertionError(f"{' '.join(args)}: exit {out.returncode}: {out.stdout}{out.stderr}")
    return lines


def hinted(raw, hint):
    """YNL's _formatted_string()."""
    if hint == 'mac':
        return ':'.join(f'{b:02x}' for b in raw)
    if hint == 'hex':
        return hex(raw) if isinstance(raw, int) else bytes.hex(raw, ' ')
    if hint in ('ipv4', 'ipv6', 'ipv4-or-v6'):
        return format(ipaddress.ip_address(raw))
    if hint == 'uuid':
        return str(uuid.UUID(bytes=raw))
    return raw


def plain(v):
    """YNL's values in JSON's terms: bytes as hex, sets sorted, indexed
    arrays ([{index: value}]) as lists of their values."""
    if isinstance(v, bytes):
        return v.hex()
    if isinstance(v, set):
        return sorted(v)
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, list):
        if v and all(isinstance(x, dict) and len(x) == 1 and isinstance(next(iter(x)), int)
                     for x in v):
            return [plain(next(iter(x.values()))) for x in v]
        return [plain(x) for x in v]
    return v


class Convention:
    """The Rust side's values in YNL's terms, by the spec."""

    def __init__(self, ynl):
        self.ynl = ynl

    def enum(self, spec, v):
        enum = self.ynl.consts[spec['enum']]
        if enum.type == 'flags' or spec.get('enum-as-flags', False):
            if isinstance(v, list):
                return sorted(v)
            return sorted(enum.entries_by_val[i].name for i in range(64) if v >> i & 1)
        return enum.entries_by_val[v].name if isinstance(v, int) else v

    def scalar(self, spec, v):
        if 'enum' in spec:
            return self.enum(spec, v)
        hint = spec.get('display-hint')
        if hint and isinstance(v, int):
            return hinted(v, hint)
        return v

    def binary(self, spec, v):
        if spec.get('struct'):
            return self.struct(spec['struct'], v)
        if spec.get('sub-type'):
            return [self.scalar(spec, x) for x in v]
        hint = spec.get('display-hint')
        return hinted(bytes.fromhex(v), hint) if hint else v

    def struct(self, name, v):
        out = {}
        for m in self.ynl.consts[name].members:
            if m.type == 'pad':
                continue
            x = v[m.name]
            if m.type == 'binary':
                out[m.name] = hinted(bytes.fromhex(x), m.display_hint) if m.display_hint else x
            elif m.enum:
                out[m.name] = self.enum({'enum': m.enum}, x)
            elif m.display_hint:
                out[m.name] = hinted(x, m.display_hint)
            else:
                out[m.name] = x
        return out

    def one(self, spec, v):
        t = spec['type']
        if t == 'nest':
            if spec.get('type-value'):
                # YNL decodes the first entry of each level only.
                out = {}
                for name in spec['type-value']:
                    t_, v = v[0]
                    out[name] = t_
                out.update(self.attrs(spec['nested-attributes'], v))
                return out
            return self.attrs(spec['nested-attributes'], v)
        if t == 'indexed-array':
            sub = spec['sub-type']
            if sub == 'nest':
                return [self.attrs(spec['nested-attributes'], x) for x in v]
            if sub == 'binary':
                return [hinted(bytes.fromhex(x), spec.display_hint) if spec.display_hint else x
                        for x in v]
            return [self.scalar(spec, x) for x in v]
        if t == 'binary':
            return self.binary(spec, v)
        if t in ('string', 'flag', 'bitfield32'):
            return v
        return self.scalar(spec, v)

    def attrs(self, set_name, values):
        attr_set = self.ynl.attr_sets[set_name]
        out = {}
        for name, v in values.items():
            spec = attr_set.attrs[name]
            if spec.is_multi:
                out[name] = [self.one(spec, x) for x in v]
            else:
                out[name] = self.one(spec, v)
        return out

    def path(self, set_name, types):
        """A numeric attribute path as YNL's `.name.name`."""
        out, attr_set = "", self.ynl.attr_sets[set_name]
        for t in types:
            spec = attr_set.attrs_by_val[t]
            out += "." + spec.name
            if spec.get('nested-attributes'):
                attr_set = self.ynl.attr_sets[spec['nested-attributes']]
        return out


def op_set(ynl, op):
    return ynl.msgs[op].attr_set.name


def same_replies(fam, op, request, arg, ynl_reply):
    """The Rust client's replies to `request` equal YNL's `ynl_reply`."""
    ynl = family(fam)
    conv = Convention(ynl)
    ours = [conv.attrs(op_set(ynl, op), r) for r in rust(fam, request, arg)]
    theirs = plain(ynl_reply if isinstance(ynl_reply, list) else [ynl_reply])
    ksft_eq(len(ours), len(theirs), comment=f"{fam} {request}: replies")
    for o, t in zip(ours, theirs):
        ksft_eq(o, t, comment=f"{fam} {request}")


def same_refusal(fam, op, request, arg, ynl_call):
    """The Rust client reports the refusal YNL reports: errno, message and
    the attribute path of its extack."""
    ynl = family(fam)
    with ksft_raises(NlError) as e:
        ynl_call(ynl)
    ours = rust(fam, request, arg)
    ksft_eq(len(ours), 1)
    ours = ours[0]
    ext = e.exception.nl_msg.extack or {}
    ksft_eq(ours["errno"], e.exception.error, comment=f"{fam} {request}: errno")
    ksft_eq(ours["msg"], ext.get("msg"), comment=f"{fam} {request}: message")
    path = ours["bad-attr"]
    ksft_eq(Convention(ynl).path(op_set(ynl, op), path) if path else None,
            ext.get("bad-attr"), comment=f"{fam} {request}: bad-attr")


def ifindex(name):
    return int(Path(f"/sys/class/net/{name}/ifindex").read_text(encoding="ascii"))


# nlctrl: the families themselves.

def nlctrl_do():
    ynl = family("nlctrl")
    same_replies("nlctrl", "getfamily", "getfamily", "nlctrl",
                 ynl.do("getfamily", {"family-name": "nlctrl"}))


def nlctrl_dump():
    ynl = family("nlctrl")
    same_replies("nlctrl", "getfamily", "getfamily-dump", None, ynl.dump("getfamily", {}))


def nlctrl_refusal():
    same_refusal("nlctrl", "getfamily", "getfamily", "no-such-family",
                 lambda y: y.do("getfamily", {"family-name": "no-such-family"}))


# netdev: devices, and their notifications.

def netdev_do():
    index = ifindex("fam0")
    same_replies("netdev", "dev-get", "dev-get", index,
                 family("netdev").do("dev-get", {"ifindex": index}))


def netdev_dump():
    same_replies("netdev", "dev-get", "dev-get-dump", None,
                 family("netdev").dump("dev-get", {}))


def mutation_caught():
    """A client mis-decoding one attribute (netdev's ifindex, one too high,
    built so on purpose) does not pass for YNL's."""
    if not MUTATED.exists():
        raise KsftSkipEx("no mutated families program")
    index = ifindex("fam0")
    ynl = family("netdev")
    ours = [Convention(ynl).attrs("dev", r) for r in rust("netdev", "dev-get", index, MUTATED)]
    ksft_ne(ours, plain([ynl.do("dev-get", {"ifindex": index})]))
    ksft_eq(ours[0]["ifindex"], index + 1)


def netdev_refusal():
    same_refusal("netdev", "dev-get", "dev-get", 999999,
                 lambda y: y.do("dev-get", {"ifindex": 999999}))


def same_notification(fam, group, change, undo):
    """The first notification of `group` after `change`: the Rust client's
    event and YNL's are the same."""
    ynl = family(fam)
    ynl.ntf_subscribe(group)
    mon = subprocess.Popen([FAMILIES.as_posix(), fam, "monitor"], stdout=subprocess.PIPE,
                           text=True)
    defer(mon.kill)
    ksft_eq(mon.stdout.readline().strip(), "ready")
    change()
    defer(undo)
    ours = json.loads(mon.stdout.readline())
    ksft_eq(mon.wait(timeout=30), 0)
    theirs = []

    def got():
        ynl.check_ntf()
        q = ynl.async_msg_queue
        while (q.qsize() if hasattr(q, "qsize") else len(q)) > 0:
            theirs.append(q.get_nowait() if hasattr(q, "get_nowait") else q.pop(0))
        return theirs

    ksft_busy_wait(got, deadline=30)
    name = theirs[0]["name"]
    event = ours.pop("event")
    ksft_eq(event if event == name else event + "-ntf", name)
    ksft_eq(Convention(ynl).attrs(op_set(ynl, name), ours), plain(theirs[0]["msg"]))


def netdev_notification():
    """A device added."""
    same_notification("netdev", "mgmt", lambda: cmd("ip link add ntf0 type dummy"),
                      lambda: cmd("ip link del ntf0"))


# ethtool: a nest in the request, a directional family.

def ethtool_do():
    same_replies("ethtool", "linkstate-get", "linkstate-get", "fveth0",
                 family("ethtool").do("linkstate-get", {"header": {"dev-name": "fveth0"}}))


def ethtool_dump():
    same_replies("ethtool", "linkstate-get", "linkstate-get-dump", None,
                 family("ethtool").dump("linkstate-get", {}))


def ethtool_notification():
    """A setting changed: netdevsim's channels."""
    def channels(n):
        family("ethtool").do("channels-set", {"header": {"dev-name": "eth0"},
                                              "combined-count": n})
    same_notification("ethtool", "monitor", lambda: channels(2), lambda: channels(1))


def ethtool_refusal():
    """A device name nobody has: the path into the header nest."""
    same_refusal("ethtool", "linkstate-get", "linkstate-get", "nosuchdev",
                 lambda y: y.do("linkstate-get", {"header": {"dev-name": "nosuchdev"}}))


# team: options of a team device.

def team_do():
    """team's options. YNL's Python library cannot read team's multi-part
    answer on every kernel (6.12: an NLMSG_DONE without payload), and keeps
    only the last option (the spec does not mark them multi-attr): there
    the options the Rust client decodes are checked against the device's."""
    index = ifindex("fteam0")
    ours = rust("team", "options-get", index)
    ksft_eq(len(ours), 1)
    options = {o["name"]: o for o in ours[0]["list-option"]["option"]}
    for name in ("mode", "mcast_rejoin_count", "notify_peers_count"):
        ksft_eq(name in options, True, comment=f"option {name}")
    ksft_eq(bytes.fromhex(options["mode"]["data"]).rstrip(b"\0"), b"*NOMODE*")
    ksft_eq(options["mcast_rejoin_count"]["data"], (0).to_bytes(4, sys.byteorder).hex())


def team_refusal():
    same_refusal("team", "options-get", "options-get", 999999,
                 lambda y: y.do("options-get", {"team-ifindex": 999999}))


# fou: a port, big-endian in its attributes.

def fou_dump():
    same_replies("fou", "get", "get-dump", None, family("fou").dump("get", {}))


def fou_do():
    same_replies("fou", "get", "get", 5555,
                 family("fou").do("get", {"port": 5555, "af": 2}))


def fou_refusal():
    same_refusal("fou", "get", "get", 5556, lambda y: y.do("get", {"port": 5556, "af": 2}))


# mptcp_pm: endpoints, limits.

def mptcp_dump():
    same_replies("mptcp_pm", "get-addr", "get-addr-dump", None,
                 family("mptcp_pm").dump("get-addr", {}))


def mptcp_do():
    same_replies("mptcp_pm", "get-limits", "get-limits", None,
                 family("mptcp_pm").do("get-limits", {}))


def mptcp_refusal():
    """An endpoint id nobody has: the id inside the address nest."""
    same_refusal("mptcp_pm", "get-addr", "get-addr", 99,
                 lambda y: y.do("get-addr", {"addr": {"id": 99}}))


# devlink: a netdevsim instance.

def devlink_do():
    same_replies("devlink", "get", "get", "netdevsim1",
                 family("devlink").do("get", {"bus-name": "netdevsim",
                                              "dev-name": "netdevsim1"}))


def devlink_dump():
    same_replies("devlink", "port-get", "port-get-dump", None,
                 family("devlink").dump("port-get", {}))


def devlink_refusal():
    same_refusal("devlink", "get", "get", "netdevsim9",
                 lambda y: y.do("get", {"bus-name": "netdevsim", "dev-name": "netdevsim9"}))


# tcp_metrics: what TCP learnt of a peer.

def tcp_metrics_dump():
    same_replies("tcp_metrics", "get", "get-dump", None, family("tcp_metrics").dump("get", {}))


def tcp_metrics_refusal():
    """An address TCP knows nothing of (big-endian in the request)."""
    addr = int(ipaddress.ip_address("10.9.9.9"))
    same_refusal("tcp_metrics", "get", "get", addr, lambda y: y.do("get", {"addr-ipv4": addr}))


def setup():
    """Real objects for the families to report."""
    cmd("ip link set lo up")
    cmd("ip link add fam0 type dummy")
    cmd("ip link add fveth0 type veth peer name fveth1")
    cmd("ip link set fveth0 up")
    cmd("ip link add fteam0 type team")
    cmd("ip link set fam0 master fteam0")
    # (busybox's ip has neither fou nor mptcp: the kernel's YNL sets them.)
    family("fou").do("add", {"port": 5555, "ipproto": 4, "af": 2, "type": 1})
    # (Numbers: 6.12's YNL takes no address text, nor flag names.)
    family("mptcp_pm").do("add-addr", {"addr": {"family": 2, "id": 3, "flags": 1,
                                                "addr4": int(ipaddress.ip_address("10.0.0.1"))}})
    family("mptcp_pm").do("set-limits", {"subflows": 2, "rcv-add-addrs": 2})
    with open("/sys/bus/netdevsim/new_device", "w", encoding="ascii") as f:
        f.write("1 2 4")  # netdevsim1: two ports (eth0, eth1), four queues
    # A TCP connection over loopback leaves tcp_metrics an entry.
    cmd("ip addr add 10.0.0.1/24 dev fveth0")


def main():
    setup()
    ksft_run([nlctrl_do, nlctrl_dump, nlctrl_refusal,
              netdev_do, netdev_dump, netdev_refusal, netdev_notification, mutation_caught,
              ethtool_do, ethtool_dump, ethtool_refusal, ethtool_notification,
              team_do, team_refusal,
              fou_do, fou_dump, fou_refusal,
              mptcp_do, mptcp_dump, mptcp_refusal,
              devlink_do, devlink_dump, devlink_refusal,
              tcp_metrics_dump, tcp_metrics_refusal])
    ksft_exit()


if __name__ == "__main__":
    main()
