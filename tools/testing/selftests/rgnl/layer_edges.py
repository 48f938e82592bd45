#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The genetlink layer at the edges of what a family can ask of it, through
the test family rgnl_ltest (tools/testing/modules/rgnl_ltest), driven with
YNL's Python library and checked on decoded values, errno and extack.

The module and its spec (rgnl_ltest.ko, rgnl_ltest.yaml) sit beside this
file; the module is loaded for the run unless the family is registered.
"""

import errno
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.append(HERE.parent.as_posix())
# pylint: disable=wrong-import-position
from net.lib.py import ksft_run, ksft_exit, ksft_eq, ksft_in, ksft_raises, \
    cmd, NlError, YnlFamily

SPEC = HERE / "rgnl_ltest.yaml"
MODULE = HERE / "rgnl_ltest.ko"


def family():
    """A socket of its own: the layer keeps per-socket state."""
    return YnlFamily(SPEC.as_posix(), schema='')


def refusal(exc):
    """(errno, extack message) of an NlError."""
    return exc.error, (exc.nl_msg.extack or {}).get('msg')


def nla_string_unterminated(ltest):
    """An NLA_STRING without a NUL is valid: the handler reads it whole."""
    ksft_eq(ltest.do('str', {'str': b'abc'})['data'], b'abc')
    ksft_eq(ltest.do('str', {'str': b'x' * 16})['data'], b'x' * 16)


def nla_string_terminated(ltest):
    """With a NUL, the handler reads the bytes before it."""
    ksft_eq(ltest.do('str', {'str': b'ab\0'})['data'], b'ab')
    ksft_eq(ltest.do('str', {'str': b'ab\0cd'})['data'], b'ab')


def nla_string_too_long(ltest):
    """Past its maximum the policy refuses it before the handler runs."""
    with ksft_raises(NlError) as e:
        ltest.do('str', {'str': b'x' * 17})
    ksft_eq(e.exception.error, errno.ERANGE)


def split_dump_flag_keeps_policy(ltest):
    """dont_validate_dump on a split op: the dump sees its attributes."""
    ksft_eq(ltest.dump('sizes', {'size': 5}), [{'size': 5}])
    ksft_eq(ltest.dump('sizes', {}), [{}])


def split_dump_flag_validates(ltest):
    """... and the policy still refuses what it does not name."""
    with ksft_raises(NlError) as e:
        ltest.dump('sizes', {'size': 5, 'uses': 1})
    ksft_eq(refusal(e.exception), (errno.EINVAL, 'Unknown attribute type'))


def unparsed_dump_sees_none(ltest):
    """dont_parse_dump (a full op's flag): no attribute reaches the dump."""
    ksft_eq(ltest.dump('unparsed', {'size': 5}), [{}])


def unparsed_dump_accepts_any(ltest):
    """... and none is refused, whatever its type."""
    ksft_eq(ltest.dump('unparsed', {'size': 5, 'uses': 1, 'str': b'junk'}), [{}])


def stuck_dump_ends(ltest):
    """A dumpit that fills skbs without moving its cursor is stopped with
    EIO and an extack, not called for ever; the log says which."""
    with ksft_raises(NlError) as e:
        ltest.dump('stuck', {})
    ksft_eq(refusal(e.exception),
            (errno.EIO, 'dump made no progress: its cursor did not move'))
    ksft_in('rgnl_ltest: dump of command 8 stopped', cmd('dmesg').stdout)


def sock_state_boxed(ltest):
    """A socket's state larger than the stack takes, allocated by its
    fallible SockState::new, lives as long as the socket."""
    ksft_eq(ltest.do('sock-uses', {}), {'uses': 1, 'size': 65536})
    ksft_eq(ltest.do('sock-uses', {}), {'uses': 2, 'size': 65536})
    ksft_eq(family().do('sock-uses', {}), {'uses': 1, 'size': 65536})


def main() -> None:
    loaded = not os.path.exists('/sys/module/rgnl_ltest')
    if loaded:
        cmd(f'insmod {MODULE}')
    try:
        ksft_run([nla_string_unterminated, nla_string_terminated, nla_string_too_long,
                  split_dump_flag_keeps_policy, split_dump_flag_validates,
                  unparsed_dump_sees_none, unparsed_dump_accepts_any,
                  stuck_dump_ends, sock_state_boxed], args=(family(), ))
    finally:
        if loaded:
            cmd('rmmod rgnl_ltest')
    ksft_exit()


if __name__ == '__main__':
    main()
