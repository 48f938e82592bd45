#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The genetlink layer, through the rgnl_echo sample and the test family
rgnl_ltest, driven with YNL's Python library and checked on decoded values,
errno and extack: a do, a dump resumed over many skbs, the strict policy's
refusals, per-namespace state and the pre/post hooks, permissions, the
events group across namespaces, GETPOLICY, NLM_F_DUMP_INTR; and the layer at
its edges (a NetState admitting one namespace, attributes and nests longer
than nla_len can say, an op without attributes, a second init, a group
that needs CAP_SYS_ADMIN).

The modules and specs (rgnl_echo.ko, rgnl_ltest.ko, rgnl_echo.yaml,
rgnl_ltest.yaml) sit beside this file. Each test loads the modules it needs
and unloads them when it ends, so per-namespace counts start from zero; what
depends on a namespace's state runs in namespaces of its own (NetNS).

Requests YNL will not encode as the test means them (a string without its
NUL, an attribute of the wrong type, a nest's duplicate attributes in the
reply, the flags of each dump message) go through raw(), a bare
NETLINK_GENERIC socket decoded with YNL's own message parser.
"""

import collections
import ctypes
import errno
import math
import os
import socket
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.append(HERE.parent.as_posix())
# pylint: disable=wrong-import-position
from net.lib.py import ksft_run, ksft_exit, ksft_eq, ksft_ge, ksft_ne, ksft_in, ksft_true, \
    ksft_raises, ksft_busy_wait, cmd, defer, KsftSkipEx, NetNS, NlError, YnlFamily
from rgnl_lib import drain, RgnlEchoFamily, as_nobody, load, module_loaded, forget_family_ids, \
    closed_at_end, \
    netns, nlctrl, registered, errno_extack, nla, Entered, CLONE_NEWNET, LIBC, YNL

# parser and its cache of family ids.
CLONE_NEWUSER = 0x10000000
SOL_NETLINK = 270
NETLINK_CAP_ACK = 10
NETLINK_EXT_ACK = 11
NETLINK_LIST_MEMBERSHIPS = 9
NETLINK_GENERIC = 16
NLM_F_REQUEST = 0x1
NLM_F_ACK = 0x4
NLM_F_DUMP_INTR = 0x10
NLM_F_DUMP = 0x300
NLA_TYPE_MASK = 0x3fff
# Where a request's attributes start: after nlmsghdr and genlmsghdr.
ATTRS_AT = 16 + 4
# The most a dump skb holds: max_recvmsg_len is capped at
# SKB_WITH_OVERHEAD(32768) (af_netlink.c).
DUMP_SKB_MAX = 32768
SEQ_COUNT = 2000
SEQ_TEXT = 'a' * 200


def setns(fd):
    """Moves this thread into the network namespace open at fd."""
    if LIBC.setns(fd, CLONE_NEWNET):
        raise OSError(ctypes.get_errno(), 'setns')


def fresh_echo():
    """A socket of rgnl_echo as it is registered now (for a child process:
    no cleanup)."""
    forget_family_ids()
    return RgnlEchoFamily()


def echo(ns=None):
    """rgnl_echo (loaded for the test), on a socket in namespace ns (a
    NetNS) or in this one."""
    load('rgnl_echo')
    if ns is None:
        return closed_at_end(fresh_echo())
    with Entered(ns):
        return closed_at_end(fresh_echo())


def nobody(fn, *args):
    """fn(*args) as uid 65534 (as_nobody); a refusal comes back as
    ('refused', errno, extack) rather than raised."""
    def run():
        try:
            return fn(*args)
        except NlError as e:
            return ('refused', ) + errno_extack(e)
    return as_nobody(run)


def in_child(fn, *args):
    """fn(*args) in a child process; its result, a small int, is the
    child's exit code."""
    pid = os.fork()
    if pid == 0:
        code = 255
        try:
            code = fn(*args)
        finally:
            os._exit(code)  # pylint: disable=protected-access
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def unshare(flags):
    """unshare(2): 0 or its errno."""
    return ctypes.get_errno() if LIBC.unshare(flags) else 0


def joined(fam, group):
    """Whether fam's socket is a member of its family's group `group`
    (NETLINK_LIST_MEMBERSHIPS)."""
    gid = fam.nlproto.genl_family['mcast'][group]
    mask = fam.sock.getsockopt(SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS, 1024)
    words = struct.unpack(f'{len(mask) // 4}I', mask)
    return bool(words[(gid - 1) // 32] >> ((gid - 1) % 32) & 1)


def subscribed(fam, group):
    """fam joined to `group`, its notifications decoded by YNL. RESET's
    notification is named by the spec's mcgrp only, not as a notify or
    event message: YNL is told it is one."""
    fam.ntf_subscribe(group)
    fam.async_msg_ids.add(fam.ops['reset'].rsp_value)
    return fam


def notifications(fam):
    """(name, attributes) of the notifications fam received since the last
    call."""
    return [(n['name'], n['msg']) for n in drain(fam)]


def nla_list(data):
    """The attributes in data as (type, payload), in order, flags masked."""
    out, at = [], 0
    while at + 4 <= len(data):
        alen, atype = struct.unpack_from('HH', data, at)
        out.append((atype & NLA_TYPE_MASK, data[at + 4:at + alen]))
        at += (alen + 3) & ~3
    return out


Raw = collections.namedtuple('Raw', ['error', 'extack', 'msgs', 'flags', 'skbs'])


def raw(fam, op, attrs, dump=False, after_first=None):
    """Sends op of fam with attrs, (type, payload) pairs sent as they are,
    and reads up to its ack or NLMSG_DONE. Returns the errno (0: none) and
    extack (YNL's parser: an offset stays an offset), each message's
    attributes (nla_list) and nlmsg_flags (the last: the ack's or DONE's),
    and the size of each skb received. after_first runs once the first
    message is in."""
    flags = NLM_F_REQUEST | NLM_F_ACK | (NLM_F_DUMP if dump else 0)
    body = b''.join(nla(t, p) for t, p in attrs)
    req = struct.pack('IHHII', ATTRS_AT + len(body), fam.nlproto.family_id, flags, 1, 0)
    req += struct.pack('BBxx', fam.ops[op].req_value, 1) + body
    msgs, msg_flags, skbs = [], [], []
    with socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_GENERIC) as sock:
        sock.setsockopt(SOL_NETLINK, NETLINK_CAP_ACK, 1)
        sock.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
        sock.send(req)
        while True:
            data = sock.recv(1 << 17)
            skbs.append(len(data))
            for msg in YNL.NlMsgs(data):
                msg_flags.append(msg.nl_flags)
                if msg.done:
                    return Raw(-msg.error, msg.extack or {}, msgs, msg_flags, skbs)
                msgs.append(nla_list(msg.raw[4:]))
                if after_first and len(msgs) == 1:
                    after_first()


def seq_dump(fam, after_first=None):
    """A raw SEQ dump of SEQ_COUNT messages of SEQ_TEXT."""
    return raw(fam, 'seq', [(fam.attr_sets['echo']['count'].value, struct.pack('I', SEQ_COUNT)),
                            (fam.attr_sets['echo']['text'].value, SEQ_TEXT.encode() + b'\0')],
               dump=True, after_first=after_first)


def get_policy(family):
    """GETPOLICY of `family` through nlctrl: the op policies as {op: {mode:
    policy index}}, and the policies as {index: {attribute: its policy}}."""
    ops, policies = {}, collections.defaultdict(dict)
    for msg in nlctrl().dump('getpolicy', {'family-name': family}):
        if 'op-policy' in msg:
            entry = dict(msg['op-policy'])
            ops[entry.pop('op-id')] = entry
        if 'policy' in msg:
            entry = dict(msg['policy'])
            policies[entry.pop('policy-id')][entry.pop('attr-id')] = entry
    return ops, dict(policies)


# The rgnl_echo sample.

def echo_registered():
    """rgnl_echo, a second family on the layer, loads and registers: nlctrl
    lists it with its version, its three ops and its group."""
    fam = echo()
    rec = registered('rgnl_echo')
    ksft_eq(rec['family-id'], fam.nlproto.family_id)
    ksft_eq(rec['version'], 1)
    ksft_eq(rec['maxattr'], 0, comment='the policies are per op, not the family\'s')
    ksft_eq([op for entry in rec['ops'] for op in entry.values()],
            [{'id': 1, 'flags': {'cmd-cap-do', 'cmd-cap-haspol'}},
             {'id': 2, 'flags': {'cmd-cap-dump', 'cmd-cap-haspol'}},
             {'id': 3, 'flags': {'cmd-cap-do', 'cmd-cap-haspol', 'uns-admin-perm'}}])
    ksft_eq([grp['name'] for entry in rec['mcast-groups'] for grp in entry.values()],
            ['events'])


def echo_reply():
    """ECHO replies with its TEXT, the namespace's count (1: the first) and
    its hooks' counts (STARTED counts the ECHO itself, FINISHED not yet)."""
    ksft_eq(echo(netns()).do('echo', {'text': 'hi'}),
            {'text': 'hi', 'count': 1, 'started': 1, 'finished': 0})


def seq_dump_many_skbs():
    """A dump of 2000 messages of 236 bytes (472 KB) is resumed over many
    skbs: no skb holds more than 32 KiB, so at least size/32 KiB of them."""
    out = seq_dump(echo())
    ksft_eq(out.error, 0)
    ksft_eq(len(out.msgs), SEQ_COUNT)
    ksft_ge(len(out.skbs), math.ceil(sum(out.skbs) / DUMP_SKB_MAX))


def seq_dump_every_index_once():
    """... and every index comes once, in order, each with the TEXT asked
    for (decoded by YNL)."""
    got = echo().dump('seq', {'count': SEQ_COUNT, 'text': SEQ_TEXT})
    ksft_eq([msg['index'] for msg in got], list(range(SEQ_COUNT)))
    ksft_eq({msg['text'] for msg in got}, {SEQ_TEXT})


def seq_dump_not_interrupted():
    """... and, nothing changing under it, no message is flagged
    NLM_F_DUMP_INTR."""
    out = seq_dump(echo())
    ksft_eq(out.error, 0)
    ksft_eq([f for f in out.flags if f & NLM_F_DUMP_INTR], [])


def count_refused(count):
    """A SEQ dump of `count` is refused by the strict policy: ERANGE, and
    the extack names COUNT and its range."""
    with ksft_raises(NlError) as e:
        echo().dump('seq', {'count': count})
    err, ext = errno_extack(e.exception)
    ksft_eq(err, errno.ERANGE)
    ksft_eq((ext.get('msg'), ext.get('bad-attr')), ('integer out of range', '.count'))
    ksft_eq(ext.get('policy'), {'type': 'u32', 'min-value': 1, 'max-value': 10000})


def count_below_range():
    """The strict policy refuses a COUNT below its range (0)."""
    count_refused(0)


def count_above_range():
    """... and one above it (10001)."""
    count_refused(10001)


def required_missing():
    """ECHO without TEXT: EINVAL, the layer's extack message and TEXT as
    the missing type."""
    with ksft_raises(NlError) as e:
        echo().do('echo', {})
    ksft_eq(errno_extack(e.exception),
            (errno.EINVAL, {'msg': 'missing required attribute', 'miss-type': 'text'}))


def unknown_attr_refused():
    """The strict policy refuses an attribute of the set that ECHO does not
    take (INDEX): EINVAL, extack at it."""
    with ksft_raises(NlError) as e:
        echo().do('echo', {'text': 'x', 'index': 1})
    ksft_eq(errno_extack(e.exception),
            (errno.EINVAL, {'msg': 'Unknown attribute type', 'bad-attr': '.index'}))


def string_without_nul_refused():
    """A TEXT without its NUL ("aaaa") is no NUL_STRING: EINVAL, extack at
    its offset."""
    fam = echo()
    out = raw(fam, 'echo', [(fam.attr_sets['echo']['text'].value, b'aaaa')])
    ksft_eq((out.error, out.extack, out.msgs),
            (errno.EINVAL, {'msg': 'Attribute failed policy validation', 'bad-attr-offs': ATTRS_AT,
                            'policy': {'type': 'nul-string', 'max-length': 255}}, []))


def netns_second_echo():
    """A namespace's second ECHO counts 2."""
    fam = echo(netns())
    fam.do('echo', {'text': 'a'})
    ksft_eq(fam.do('echo', {'text': 'a'}),
            {'text': 'a', 'count': 2, 'started': 2, 'finished': 1})


def netns_third_echo():
    """... each ECHO one more, from any socket of the namespace."""
    ns = netns()
    counts = [fam.do('echo', {'text': 'a'})['count'] for fam in (echo(ns), echo(ns), echo(ns))]
    ksft_eq(counts, [1, 2, 3])


def netns_new_starts_at_one():
    """A new namespace starts at 1, whatever another one counted."""
    first = echo(netns())
    for _ in range(3):
        first.do('echo', {'text': 'a'})
    ksft_eq(echo(netns()).do('echo', {'text': 'a'}),
            {'text': 'a', 'count': 1, 'started': 1, 'finished': 0})


def netns_first_unaffected():
    """... and ECHOs in the new one leave the first's count alone (4 after
    3 there and 2 in the other)."""
    first, second = echo(netns()), echo(netns())
    for fam in (first, first, first, second, second):
        fam.do('echo', {'text': 'a'})
    ksft_eq(first.do('echo', {'text': 'a'})['count'], 4)
    ksft_eq(second.do('echo', {'text': 'a'})['count'], 3)


def hooks_around_every_doit():
    """The spec's pre and post hooks run around every doit, one whose
    handler fails included; neither runs for a request the policy refuses."""
    fam = echo(netns())
    ksft_eq(fam.do('echo', {'text': 'a'}), {'text': 'a', 'count': 1, 'started': 1, 'finished': 0})
    with ksft_raises(NlError):
        fam.do('echo', {})
    with ksft_raises(NlError):
        fam.do('echo', {'text': 'x', 'index': 1})
    ksft_eq(fam.do('echo', {'text': 'a'}), {'text': 'a', 'count': 2, 'started': 3, 'finished': 2})


def reset_refused_to_nobody():
    """RESET (GENL_UNS_ADMIN_PERM) is refused to an unprivileged user:
    EPERM, no extack."""
    load('rgnl_echo')
    ksft_eq(nobody(lambda: fresh_echo().do('reset', {})), ('refused', errno.EPERM, {}))


def reset_in_own_userns():
    """... and allowed in the user's own user and network namespace, where
    it zeroes that namespace's count."""
    load('rgnl_echo')

    def own_namespace():
        if unshare(CLONE_NEWUSER | CLONE_NEWNET):
            raise OSError(ctypes.get_errno(), 'unshare')
        fam = fresh_echo()
        fam.do('echo', {'text': 'a'})
        return [fam.do('echo', {'text': 'a'})['count'], fam.do('reset', {}),
                fam.do('echo', {'text': 'a'})['count']]
    ksft_eq(nobody(own_namespace), [2, None, 1])


def echo_for_nobody():
    """An unprivileged user may ECHO (no admin flag)."""
    ns = netns()
    load('rgnl_echo')
    with Entered(ns):
        got = nobody(lambda: fresh_echo().do('echo', {'text': 'a'}))
    ksft_eq(got, {'text': 'a', 'count': 1, 'started': 1, 'finished': 0})


def events_joined():
    """A socket joins group events (the group's id is nlctrl's)."""
    fam = subscribed(echo(), 'events')
    ksft_true(joined(fam, 'events'))
    grps = registered('rgnl_echo')['mcast-groups']
    ksft_eq([grp['id'] for entry in grps for grp in entry.values()],
            [fam.nlproto.genl_family['mcast']['events']])


def events_joined_in_other_netns():
    """... so does a socket in another namespace."""
    fam = subscribed(echo(netns()), 'events')
    ksft_true(joined(fam, 'events'))


def reset_as_root():
    """RESET as root: acked, no reply, the count zeroed."""
    fam = echo(netns())
    fam.do('echo', {'text': 'a'})
    fam.do('echo', {'text': 'a'})
    ksft_eq(fam.do('reset', {}), None)
    ksft_eq(fam.do('echo', {'text': 'a'})['count'], 1)


def reset_notifies_old_count():
    """RESET notifies group events with the count it zeroed."""
    ns = netns()
    listener, fam = subscribed(echo(ns), 'events'), echo(ns)
    for _ in range(5):
        fam.do('echo', {'text': 'a'})
    fam.do('reset', {})
    got = []
    ksft_busy_wait(lambda: got.extend(notifications(listener)) or got, deadline=5)
    ksft_eq(got, [('reset', {'count': 5})])
    ksft_eq(notifications(listener), [])


def reset_stays_in_netns():
    """... to the listeners of its namespace only: the RESET's listener in
    the same namespace has it (the multicast is done when RESET is acked)
    while one in another namespace receives nothing."""
    ns = netns()
    here, other = subscribed(echo(ns), 'events'), subscribed(echo(netns()), 'events')
    fam = echo(ns)
    fam.do('echo', {'text': 'a'})
    fam.do('reset', {})
    ksft_eq(notifications(here), [('reset', {'count': 1})])
    ksft_eq(notifications(other), [])


def policy_per_op():
    """GETPOLICY: ECHO has a do policy, SEQ a dump policy, RESET a do
    policy, and no op another."""
    load('rgnl_echo')
    ops, policies = get_policy('rgnl_echo')
    ksft_eq({op: sorted(modes) for op, modes in ops.items()},
            {1: ['do'], 2: ['dump'], 3: ['do']})
    ksft_ne(ops[1]['do'], ops[2]['dump'])
    ksft_eq(policies.get(ops[3]['do']), None, comment="RESET's policy admits no attribute")


def policy_text():
    """GETPOLICY: TEXT is a NUL_STRING of at most 255 bytes, the only
    attribute ECHO takes and one of SEQ's."""
    load('rgnl_echo')
    ops, policies = get_policy('rgnl_echo')
    text = {'type': 'nul-string', 'max-length': 255}
    ksft_eq(policies[ops[1]['do']], {1: text})
    ksft_eq(policies[ops[2]['dump']].get(1), text)


def policy_count():
    """GETPOLICY: COUNT is a U32 in [1, 10000], SEQ's other attribute."""
    load('rgnl_echo')
    ops, policies = get_policy('rgnl_echo')
    ksft_eq(sorted(policies[ops[2]['dump']]), [1, 2])
    ksft_eq(policies[ops[2]['dump']][2], {'type': 'u32', 'min-value-u': 1, 'max-value-u': 10000})


def dump_intr_on_change():
    """An ECHO from a second socket after the dump's first message changes
    the generation the dump tracks: later messages are flagged
    NLM_F_DUMP_INTR, and the dump still ends whole."""
    fam, writer = echo(), echo()
    out = seq_dump(fam, after_first=lambda: writer.do('echo', {'text': 'x'}))
    ksft_eq((out.error, len(out.msgs)), (0, SEQ_COUNT))
    ksft_ne([f for f in out.flags if f & NLM_F_DUMP_INTR], [])
    ksft_eq(out.flags[0] & NLM_F_DUMP_INTR, 0)


def dump_consistent_without_change():
    """The same dump with no change in its namespace (an ECHO in another
    one, whose count is another's): no message flagged."""
    fam, elsewhere = echo(), echo(netns())
    out = seq_dump(fam, after_first=lambda: elsewhere.do('echo', {'text': 'x'}))
    ksft_eq((out.error, len(out.msgs)), (0, SEQ_COUNT))
    ksft_eq([f for f in out.flags if f & NLM_F_DUMP_INTR], [])


def reset_takes_no_attrs():
    """RESET takes no attributes: one (COUNT) is refused with EINVAL, not
    ignored."""
    with ksft_raises(NlError) as e:
        echo(netns()).do('reset', {'count': 1})
    ksft_eq(errno_extack(e.exception),
            (errno.EINVAL, {'msg': 'Unknown attribute type', 'bad-attr': '.count'}))


def insmod(name):
    """Loads NAME.ko beside this file, which must not be loaded; returns
    its deferred rmmod (exec() unloads it now)."""
    if module_loaded(name):
        raise KsftSkipEx(f'{name} was loaded before the test')
    cmd(f'insmod {HERE / (name + ".ko")}')
    return defer(cmd, f'rmmod {name}')


def echo_rmmod():
    """rmmod rgnl_echo once its sockets were used: it unloads and nlctrl
    no longer knows the family."""
    unload = insmod('rgnl_echo')
    forget_family_ids()
    ksft_eq(closed_at_end(fresh_echo()).do('echo', {'text': 'a'})['text'], 'a')
    unload.exec()
    ksft_eq(module_loaded('rgnl_echo'), False)
    ksft_eq(registered('rgnl_echo'), errno.ENOENT)


# rgnl_ltest: a NetState admitting the first namespace only.

def ltest_insmod():
    """insmod rgnl_ltest.ko: 0 or its error output."""
    out = cmd(f'insmod {HERE / "rgnl_ltest.ko"}', fail=False)
    return 0 if out.ret == 0 else out.stderr.strip()


def ltest():
    """rgnl_ltest loaded for the test, and a socket of it. Its NetState
    admits one namespace: this waits for the namespaces of earlier tests
    to be gone (their teardown is asynchronous). Returns the family and the
    deferred rmmod."""
    if module_loaded('rgnl_ltest'):
        raise KsftSkipEx('rgnl_ltest was loaded before the test')
    ksft_busy_wait(lambda: ltest_insmod() == 0, sleep=0.05, deadline=30,
                   comment='rgnl_ltest loads once other namespaces are gone')
    if not module_loaded('rgnl_ltest'):
        raise RuntimeError(f'rgnl_ltest does not load: {ltest_insmod()}')
    unload = defer(cmd, 'rmmod rgnl_ltest')
    forget_family_ids()
    return closed_at_end(YnlFamily((HERE / 'rgnl_ltest.yaml').as_posix(), schema='')), unload


def ltest_refused_with_second_netns():
    """A zero-sized NetState's new() runs for every namespace: with a
    second one alive, it refuses it and insmod fails with ENOSPC."""
    if module_loaded('rgnl_ltest'):
        raise KsftSkipEx('rgnl_ltest was loaded before the test')
    netns()
    out = ltest_insmod()
    if out == 0:
        defer(cmd, 'rmmod rgnl_ltest')
    ksft_ne(out, 0)
    ksft_in(os.strerror(errno.ENOSPC), str(out))
    ksft_eq(registered('rgnl_ltest'), errno.ENOENT)


def ltest_loads_once_netns_gone():
    """... and loads once that namespace is gone."""
    with NetNS():
        pass
    ltest()
    ksft_eq(registered('rgnl_ltest')['family-name'], 'rgnl_ltest')


def ltest_refuses_new_netns():
    """... and then new() refuses a namespace created while it is loaded:
    unshare(CLONE_NEWNET) fails with ENOSPC."""
    ltest()
    ksft_eq(in_child(unshare, CLONE_NEWNET), errno.ENOSPC)


def put_largest():
    """An attribute of 65531 bytes (nla_len 65535, the most) is delivered
    whole."""
    lt, _ = ltest()
    ksft_eq(lt.do('put', {'size': 65531}), {'data': bytes(65531)})


def put_wraps_refused():
    """One of 65532 bytes (nla_len would wrap): EMSGSIZE."""
    lt, _ = ltest()
    with ksft_raises(NlError) as e:
        lt.do('put', {'size': 65532})
    ksft_eq(errno_extack(e.exception), (errno.EMSGSIZE, {}))


def put_70000_refused():
    """One of 70000 bytes: EMSGSIZE."""
    lt, _ = ltest()
    with ksft_raises(NlError) as e:
        lt.do('put', {'size': 70000})
    ksft_eq(errno_extack(e.exception), (errno.EMSGSIZE, {}))


def nest_delivered():
    """A nest of 2 x 30000 bytes is delivered: one NEST of 2 x 30004 bytes
    holding the two DATA whole."""
    lt, _ = ltest()
    sets = lt.attr_sets['ltest']
    out = raw(lt, 'put', [(sets['size'].value, struct.pack('I', 30000)),
                          (sets['nested'].value, b'')])
    ksft_eq(out.error, 0)
    ksft_eq([(t, len(p)) for t, p in out.msgs[0]], [(sets['nest'].value, 60008)])
    ksft_eq(nla_list(out.msgs[0][0][1]), [(sets['data'].value, bytes(30000))] * 2)


def nest_too_long_refused():
    """A nest of 2 x 40000 bytes (over 64 KiB): EMSGSIZE."""
    lt, _ = ltest()
    with ksft_raises(NlError) as e:
        lt.do('put', {'size': 40000, 'nested': True})
    ksft_eq(errno_extack(e.exception), (errno.EMSGSIZE, {}))


def noattr_without_attrs():
    """An op without attributes takes a request without any."""
    lt, _ = ltest()
    ksft_eq(lt.do('noattr', {}), None)


def noattr_refuses_attr():
    """... and refuses any attribute (EINVAL, extack at it), as 7.x's core
    does without a policy."""
    lt, _ = ltest()
    with ksft_raises(NlError) as e:
        lt.do('noattr', {'size': 1})
    ksft_eq(errno_extack(e.exception),
            (errno.EINVAL, {'msg': 'Unknown attribute type', 'bad-attr': '.size'}))


def noattr_refuses_any_type():
    """... of any type: attribute 7 carrying a string."""
    lt, _ = ltest()
    out = raw(lt, 'noattr', [(7, b'x\0')])
    ksft_eq((out.error, out.extack),
            (errno.EINVAL, {'msg': 'Unknown attribute type', 'bad-attr-offs': ATTRS_AT}))


def reinit_busy():
    """Family code calling the module's init again: EBUSY (a storage
    registers once)."""
    lt, _ = ltest()
    with ksft_raises(NlError) as e:
        lt.do('reinit', {})
    ksft_eq(errno_extack(e.exception), (errno.EBUSY, {}))


def reinit_leaves_family():
    """... and the family still works, under the same id."""
    lt, _ = ltest()
    with ksft_raises(NlError):
        lt.do('reinit', {})
    ksft_eq(lt.do('noattr', {}), None)
    ksft_eq(registered('rgnl_ltest')['family-id'], lt.nlproto.family_id)


def join_admins(fam):
    """Joins fam's socket to group admins: 0 or the errno."""
    try:
        fam.ntf_subscribe('admins')
    except OSError as e:
        return e.errno
    return 0


def ltest_family():
    """A socket of rgnl_ltest as registered now (no cleanup: children)."""
    return YnlFamily((HERE / 'rgnl_ltest.yaml').as_posix(), schema='')


def admins_refused_to_nobody():
    """Joining the CAP_SYS_ADMIN group admins as nobody: EPERM."""
    ltest()
    ksft_eq(nobody(lambda: join_admins(ltest_family())), errno.EPERM)


def admins_root_joins():
    """Root joins it."""
    lt, _ = ltest()
    ksft_eq(join_admins(lt), 0)
    ksft_true(joined(lt, 'admins'))


def bind_unbind_counted():
    """The family's bind ran for root's join only (not nobody's refused
    one), its unbind when root's socket closed."""
    lt, _ = ltest()
    ksft_eq(nobody(lambda: join_admins(ltest_family())), errno.EPERM)
    member = ltest_family()
    ksft_eq(join_admins(member), 0)
    ksft_eq(lt.do('binds', {}), {'bound': 1, 'unbound': 0})
    member.sock.close()
    ksft_eq(lt.do('binds', {}), {'bound': 1, 'unbound': 1})


def maps_checked():
    """The layer's maps (RbMap, IndexedMap, InlineBytes keys) driven in the
    kernel through inserts, replaces, removals and second-order changes:
    every one of rgnl_ltest's 2149 checks passes (607 of RbMap, 1542 of
    IndexedMap), and the debug kernel's KASAN and kmemleak see nothing."""
    lt, _ = ltest()
    ksft_eq(lt.do('maps', {}), {'uses': 2149})
    ksft_eq(lt.do('maps', {}), {'uses': 2149})


def inlined_matches_c():
    """The layer's copies of C's netlink inlines (rust/genl/inlined.rs) give
    what C's own give, run side by side in the kernel under test: 31
    comparisons (genlmsg_new's skb for 7 sizes, a nest and genlmsg_end's
    bytes, nla_put_fixed against nla_put filling skbs for 5 payload sizes,
    Writer::put_64bit against nla_put_64bit, Writer::put_encoded against
    skb_put_data and skb_put_zero for 5 lengths (each fill at 4 alignments,
    the room poisoned), the dump consistency flag for 5 sequence
    moves, genl_info_dump, genl_info_net, genlmsg_reply's socket,
    genl_has_listeners)."""
    lt, _ = ltest()
    ksft_eq(lt.do('inlined', {}), {'uses': 31})


def ltest_rmmod():
    """rmmod rgnl_ltest: it unloads, and nlctrl no longer knows it."""
    _, unload = ltest()
    unload.exec()
    ksft_eq(module_loaded('rgnl_ltest'), False)
    ksft_eq(registered('rgnl_ltest'), errno.ENOENT)


def main() -> None:
    """Runs the tests, each loading the modules it needs."""
    ksft_run([echo_registered, echo_reply, seq_dump_many_skbs, seq_dump_every_index_once,
              seq_dump_not_interrupted, count_below_range, count_above_range,
              required_missing, unknown_attr_refused, string_without_nul_refused,
              netns_second_echo, netns_third_echo, netns_new_starts_at_one,
              netns_first_unaffected, hooks_around_every_doit, reset_refused_to_nobody,
              reset_in_own_userns, echo_for_nobody, events_joined,
              events_joined_in_other_netns, reset_as_root, reset_notifies_old_count,
              reset_stays_in_netns, policy_per_op, policy_text, policy_count,
              dump_intr_on_change, dump_consistent_without_change, reset_takes_no_attrs,
              echo_rmmod,
              ltest_refused_with_second_netns, ltest_loads_once_netns_gone,
              ltest_refuses_new_netns, put_largest, put_wraps_refused, put_70000_refused,
              nest_delivered, nest_too_long_refused, noattr_without_attrs,
              noattr_refuses_attr, noattr_refuses_any_type, reinit_busy,
              reinit_leaves_family, admins_refused_to_nobody, admins_root_joins,
              bind_unbind_counted, maps_checked, inlined_matches_c, ltest_rmmod])
    ksft_exit()


if __name__ == '__main__':
    main()
