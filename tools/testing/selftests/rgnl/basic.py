#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The basics of the rgnl family, driven with YNL's Python library and
checked on decoded values, errno and extack: the module loads and registers
(nlctrl lists the family, its version, its ops and its groups, under the id
YNL resolves), ECHO round-trips values up to its policy's maximum and
refuses one byte more, and the module unloads and loads again.

The module and the specs (rgnl.ko, rgnl.yaml) sit beside this file; each
test loads the module and unloads it when it ends. nlctrl is described by
the kernel tree's own spec.
"""

import errno
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.append(HERE.parent.as_posix())
# pylint: disable=wrong-import-position
from net.lib.py import ksft_run, ksft_exit, ksft_eq, ksft_ne, ksft_raises, \
    cmd, defer, KsftSkipEx, NlError
from rgnl_lib import RgnlFamily, load, module_loaded, forget_family_ids, closed_at_end, \
    registered, \
    errno_extack

# cache of family ids.


def rgnl():
    """A socket of rgnl, loaded for the test."""
    load('rgnl')
    forget_family_ids()
    return closed_at_end(RgnlFamily())


def indexed(array):
    """The entries of an indexed-array as YNL decodes it ([{index: entry}]),
    in order."""
    return [entry for item in array for entry in item.values()]


def insmod():
    """Loads rgnl.ko, which must not be loaded; returns its deferred rmmod
    (exec() unloads it now)."""
    if module_loaded('rgnl'):
        raise KsftSkipEx('rgnl was loaded before the test')
    cmd(f'insmod {HERE / "rgnl.ko"}')
    return defer(cmd, 'rmmod rgnl')


def rgnl_loads():
    """insmod rgnl.ko: the module is live and its family registered."""
    insmod()
    ksft_eq(module_loaded('rgnl'), True)
    ksft_eq(registered('rgnl')['family-name'], 'rgnl')


def family_version():
    """nlctrl lists family rgnl, version 1, under the id YNL resolves."""
    fam = rgnl()
    rec = registered('rgnl')
    ksft_eq((rec['family-name'], rec['version'], rec['hdrsize']), ('rgnl', 1, 0))
    ksft_eq(rec['family-id'], fam.nlproto.family_id)


def family_id_resolved():
    """The id YNL resolves, used for a request, reaches rgnl (its ECHO
    answers) and no other family."""
    fam = rgnl()
    ksft_ne(fam.nlproto.family_id, registered('nlctrl')['family-id'])
    ksft_eq(fam.do('echo', {'value': b'id'}), {'value': b'id'})


def ops_listed():
    """nlctrl lists the ECHO op (cmd 6, a do for anyone), and exactly the
    spec's requests: every op with a do or a dump, no notification."""
    fam = rgnl()
    ops = {op['id']: op['flags'] for op in indexed(registered('rgnl')['ops'])}
    ksft_eq(fam.ops['echo'].req_value, 6)
    ksft_eq(ops.get(6), {'cmd-cap-do', 'cmd-cap-haspol'})
    ksft_eq(sorted(ops), sorted(op.req_value for op in fam.ops.values()
                                if 'do' in op.yaml or 'dump' in op.yaml))


def groups_listed():
    """nlctrl lists multicast group events (and audit), under the ids YNL
    joins."""
    fam = rgnl()
    groups = {grp['name']: grp['id'] for grp in indexed(registered('rgnl')['mcast-groups'])}
    ksft_eq(sorted(groups), ['audit', 'events'])
    ksft_eq(groups['events'], fam.nlproto.genl_family['mcast']['events'])


def echo_ascii():
    """ECHO round-trips an ASCII value."""
    ksft_eq(rgnl().do('echo', {'value': b'hello, kernel'}), {'value': b'hello, kernel'})


def echo_utf8():
    """ECHO round-trips UTF-8 bytes as they are."""
    value = 'héllo ✓ ünïcode'.encode()
    ksft_eq(rgnl().do('echo', {'value': value}), {'value': value})


def echo_max_value():
    """ECHO round-trips a value of 4096 bytes, the policy's maximum."""
    value = b'x' * 4096
    ksft_eq(rgnl().do('echo', {'value': value}), {'value': value})


def echo_over_max_refused():
    """A value of 4097 bytes: ERANGE, extack at VALUE, with its policy
    (whose maximum, an NLA_POLICY_MAX_LEN, netlink's policy dump does not
    write: it writes lengths of a range or of .len only)."""
    with ksft_raises(NlError) as e:
        rgnl().do('echo', {'value': b'x' * 4096 + b'y'})
    ksft_eq(errno_extack(e.exception),
            (errno.ERANGE, {'msg': 'binary attribute size out of range', 'bad-attr': '.value',
                            'policy': {'type': 'binary'}}))


def rgnl_rmmod():
    """rmmod rgnl, with a socket of the family open and used: it unloads."""
    unload = insmod()
    forget_family_ids()
    ksft_eq(closed_at_end(RgnlFamily()).do('echo', {'value': b'x'}), {'value': b'x'})
    unload.exec()
    ksft_eq(module_loaded('rgnl'), False)


def family_gone_after_rmmod():
    """After rmmod the family is gone: nlctrl refuses it (ENOENT), and YNL
    does not find it."""
    insmod().exec()
    ksft_eq(registered('rgnl'), errno.ENOENT)
    forget_family_ids()
    try:
        RgnlFamily()
        found = True
    except Exception:  # pylint: disable=broad-except
        # 6.12 raises Exception, 7.x YnlException.
        found = False
    ksft_eq(found, False)


def insmod_again():
    """insmod again after rmmod: the family registers anew."""
    insmod().exec()
    insmod()
    ksft_eq(module_loaded('rgnl'), True)
    ksft_eq(registered('rgnl')['family-name'], 'rgnl')


def echo_after_reload():
    """ECHO works after a reload, on the family's new registration."""
    insmod().exec()
    insmod()
    forget_family_ids()
    fam = closed_at_end(RgnlFamily())
    ksft_eq(fam.nlproto.family_id, registered('rgnl')['family-id'])
    ksft_eq(fam.do('echo', {'value': b'again'}), {'value': b'again'})


def rmmod_again():
    """rmmod again after a reload: it unloads, and the family is gone."""
    insmod().exec()
    unload = insmod()
    forget_family_ids()
    closed_at_end(RgnlFamily()).do('echo', {'value': b'again'})
    unload.exec()
    ksft_eq(module_loaded('rgnl'), False)
    ksft_eq(registered('rgnl'), errno.ENOENT)


def main() -> None:
    """Runs the tests, each loading rgnl as it needs."""
    ksft_run([rgnl_loads, family_version, family_id_resolved, ops_listed, groups_listed,
              echo_ascii, echo_utf8, echo_max_value, echo_over_max_refused, rgnl_rmmod,
              family_gone_after_rmmod, insmod_again, echo_after_reload, rmmod_again])
    ksft_exit()


if __name__ == '__main__':
    main()
