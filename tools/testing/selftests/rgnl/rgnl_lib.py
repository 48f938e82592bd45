# SPDX-License-Identifier: GPL-2.0
"""What the rgnl kselftests share: YNL family classes for rgnl and the
rgnl_echo sample (YnlFamily on their specs, which sit beside this file in
the VM), nlctrl on the kernel tree's spec, loading a module for the length
of a test, programs run in the background for it, namespaces and the
sockets in them, notifications, refusals, and running a part of a test as
an unprivileged user.
"""

import ctypes
import os
import pickle
import socket
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.append(HERE.parent.as_posix())
# pylint: disable=wrong-import-position
from net.lib.py import ksft_run, ksft_exit, ksft_eq, ksft_busy_wait, bkg, cmd, defer, KSRC, \
    NetNS, NlError, YnlFamily
import net.lib.py.netns as lib_netns

NOBODY = 65534
# A command line's start that runs the rest as uid and gid 65534, with no
# groups and no capability.
AS_NOBODY_ARGV = ["/usr/bin/setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
# Generous: the VM is TCG emulation, maybe on a loaded host.
DEADLINE = 120
# The debug kernel (KASAN, lockdep, kmemleak: make test DEBUG=1) runs the
# same tests on fewer entries: what the suites do in bulk, it does several
# times slower.
DEBUG_KERNEL = os.path.exists("/sys/kernel/debug/kmemleak")
NLM_F_ECHO = 8
NLM_F_REPLACE = 0x100
NLM_F_EXCL = 0x200
NLM_F_CREATE = 0x400
UPSERT = (NLM_F_CREATE, NLM_F_REPLACE)
SO_RCVBUFFORCE = 33
NLMSG_ERROR = 2
CLONE_NEWNET = 0x40000000
LIBC = ctypes.CDLL(None, use_errno=True)
# YNL's module (lib/ynl.py on 6.12, pyynl/lib/ynl.py on 7.x).
YNL = sys.modules[YnlFamily.__module__]


def iproute2(args, **kwargs):
    """lib/py's ip(), run as /bin/ip: the VM's busybox sh runs its own `ip`
    applet for a bare `ip` (6.12's cmd() goes through the shell), which
    knows no netns."""
    return cmd("/bin/ip " + args, **kwargs)


lib_netns.ip = iproute2


class RgnlFamily(YnlFamily):  # pylint: disable=too-few-public-methods
    """The rgnl family, as its spec describes it."""

    def __init__(self, recv_size=0):
        super().__init__((HERE / "rgnl.yaml").as_posix(), schema='', recv_size=recv_size)


class RgnlEchoFamily(YnlFamily):  # pylint: disable=too-few-public-methods
    """The rgnl_echo sample family, as its spec describes it."""

    def __init__(self, recv_size=0):
        super().__init__((HERE / "rgnl_echo.yaml").as_posix(), schema='', recv_size=recv_size)


def module_loaded(name):
    """Whether module `name` is loaded."""
    return Path(f"/sys/module/{name}").exists()


def load(name):
    """Loads module `name` (NAME.ko beside this file) unless it is loaded,
    and unloads it when the test ends (a deferred rmmod)."""
    if module_loaded(name):
        return
    cmd(f"insmod {HERE / (name + '.ko')}")
    defer(cmd, f"rmmod {name}")


def background(argv):
    """Program `argv` (a list, run without a shell) started in the
    background with lib/py's bkg, and killed when the test ends if it still
    runs. Wait for it with its process(terminate=False, fail=False,
    timeout=...), which sets its ret, stdout and stderr (bkg's own exit
    waits 5 s at most on 6.12)."""
    proc = bkg(argv, shell=False)
    defer(_reaped, proc)
    return proc


def _reaped(proc):
    """Kills a background program that still runs, and reaps it."""
    if proc.proc.poll() is None:
        proc.proc.kill()
        proc.process(terminate=False, fail=False)


def insmod_rgnl():
    """insmod rgnl.ko (run_loaded's, before the cases): the module is live
    and nlctrl has the family."""
    ksft_eq(module_loaded("rgnl"), True)
    ksft_eq(registered("rgnl")["family-name"], "rgnl")


def run_loaded(cases, shared_ns=None):
    """Loads rgnl unless it is, runs `cases` (ksft_run), deletes the
    namespace the cases share, if they made one (shared_ns()), and unloads
    rgnl if this run loaded it and it is still loaded."""
    inserted = not module_loaded("rgnl")
    if inserted:
        cmd(f"insmod {HERE / 'rgnl.ko'}", timeout=DEADLINE)
    try:
        ksft_run(cases)
    finally:
        ns = shared_ns() if shared_ns else None
        if ns is not None:
            ns.__del__()  # pylint: disable=unnecessary-dunder-call
        if inserted and module_loaded("rgnl"):
            cmd("rmmod rgnl", timeout=DEADLINE)
    ksft_exit()


def run_then_unload(cases):
    """Runs `cases` (ksft_run), which load rgnl themselves, and unloads it
    at the end if it is still loaded."""
    try:
        ksft_run(cases)
    finally:
        if module_loaded("rgnl"):
            cmd("rmmod rgnl", timeout=DEADLINE)
    ksft_exit()


def forget_family_ids():
    """Drops YNL's cache of genetlink family ids (a module global on 6.12,
    a class attribute on 7.x): a family loaded since, or reloaded under a
    new id, is looked up again."""
    if getattr(YNL.GenlProtocol, 'genl_family_name_to_id', None) is not None:
        YNL.GenlProtocol.genl_family_name_to_id = {}
    else:
        YNL.genl_family_name_to_id = None


def closed_at_end(fam):
    """fam, whose socket is closed when the test ends: a socket keeps its
    namespace alive, and YnlFamily objects live until a GC cycle."""
    defer(fam.sock.close)
    return fam


def nlctrl():
    """The kernel's nlctrl family, on the kernel tree's own spec."""
    return closed_at_end(YnlFamily((KSRC / 'Documentation/netlink/specs/nlctrl.yaml').as_posix(),
                                   schema=''))


def registered(name):
    """nlctrl's record of family `name`, or the errno of its refusal."""
    try:
        return nlctrl().do('getfamily', {'family-name': name})
    except NlError as e:
        return e.error


def errno_extack(exc):
    """(errno, extack) of an NlError."""
    return exc.error, exc.nl_msg.extack or {}


def refusal(fn, *args, **kwargs):
    """The refusal fn(*args, **kwargs) meets: (errno, extack), the extack
    without YNL's doc annotation; None when it succeeds."""
    try:
        fn(*args, **kwargs)
    except NlError as e:
        ext = dict(e.nl_msg.extack or {})
        ext.pop("miss-type-doc", None)
        return e.error, ext
    return None


def nla(atype, payload):
    """An attribute of type atype carrying payload as it is, padded."""
    return struct.pack('HH', 4 + len(payload), atype) + payload + b'\0' * (-len(payload) % 4)


def answered_errors(fam):
    """The errnos of the NLMSG_ERRORs queued on fam's socket (requests sent
    raw, without waiting), read without waiting; the socket is closed."""
    errors = []
    fam.sock.setblocking(False)
    try:
        while True:
            data = fam.sock.recv(65536)
            at = 0
            while at + 20 <= len(data):
                length, kind = struct.unpack_from("IH", data, at)
                if kind == NLMSG_ERROR:
                    errors.append(-struct.unpack_from("i", data, at + 16)[0])
                at += (length + 3) & ~3
    except BlockingIOError:
        pass
    fam.sock.close()
    return errors


class Entered:
    """Within it, this thread is in network namespace `ns` (a NetNS; None:
    where it is); a socket made here stays in it. (lib/py's NetNSEnter,
    which 6.12 lacks.)"""

    def __init__(self, ns):
        self.path = f"/run/netns/{ns.name}" if ns is not None else None
        self.saved = None

    def __enter__(self):
        if self.path is None:
            return self
        self.saved = os.open("/proc/thread-self/ns/net", os.O_RDONLY)
        fd = os.open(self.path, os.O_RDONLY)
        try:
            if LIBC.setns(fd, CLONE_NEWNET) != 0:
                raise OSError(ctypes.get_errno(), f"setns {self.path}")
        finally:
            os.close(fd)
        return self

    def __exit__(self, *exc):
        if self.saved is not None:
            LIBC.setns(self.saved, CLONE_NEWNET)
            os.close(self.saved)


def netns():
    """A network namespace of the test's own, deleted when the test ends."""
    ns = NetNS()
    defer(ns.__del__)
    return ns


def rgnl(ns, recv_size=0):
    """A socket of the rgnl family in namespace `ns`."""
    with Entered(ns):
        return RgnlFamily(recv_size=recv_size)


def listener(ns, group="events", prefix=None):
    """A socket in `ns` that joined `group` (watching `prefix` if given),
    with room for bursts."""
    fam = rgnl(ns)
    fam.sock.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, 32 << 20)
    # (Joining binds the socket: before its first request autobinds it.)
    fam.ntf_subscribe(group)
    if prefix is not None:
        fam.do("watch-set", {"prefix": prefix})
    return fam


def put(fam, key, value=b"v", flags=UPSERT, **attrs):
    """entry-new of `key` (create or replace by default); attrs by their
    Python names (ttl_ms, notify_owner)."""
    vals = {"key": key, "value": value}
    vals.update({k.replace("_", "-"): v for k, v in attrs.items()})
    fam.do("entry-new", vals, flags=list(flags))


def drain(fam):
    """The notifications `fam` has received, as YNL decodes them: a list in
    6.12's YNL, a queue.Queue in 7.x's."""
    fam.check_ntf()
    queue = fam.async_msg_queue
    out = []
    if isinstance(queue, list):
        out.extend(queue)
        queue.clear()
    else:
        while not queue.empty():
            out.append(queue.get_nowait())
    return out


def put_echo(fam, key, value=b"v", flags=UPSERT, **attrs):
    """entry-new with NLM_F_ECHO: the entry the kernel echoes."""
    drain(fam)
    put(fam, key, value, flags + (NLM_F_ECHO, ), **attrs)
    echoed = [n for n in drain(fam) if n["name"] == "entry-new-ntf"]
    ksft_eq(len(echoed), 1, comment="echo")
    return echoed[0]["msg"]["entry"] if echoed else {}


def collect(fam, until, deadline=DEADLINE):
    """The notifications `fam` receives until until(received) holds (or
    the deadline passes, which fails the test)."""
    got = []

    def done():
        got.extend(drain(fam))
        return until(got)
    ksft_busy_wait(done, sleep=0.01, deadline=deadline)
    return got


class Refused(Exception):
    """A refusal (NlError) in a child process: its errno and extack."""

    def __init__(self, error, extack):
        super().__init__(error, extack)
        self.error = error
        self.extack = extack


def as_nobody(fn, *args):
    """Runs fn(*args) in a child process with uid and gid 65534 and no
    supplementary groups (no capability), and returns its result. An
    NlError there is raised here as Refused (errno and extack), any other
    exception as a RuntimeError naming it."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        # The child never returns into the test: whatever happens, it ends
        # here, after writing what it got.
        try:
            os.close(r)
            try:
                os.setgroups([])
                os.setresgid(NOBODY, NOBODY, NOBODY)
                os.setresuid(NOBODY, NOBODY, NOBODY)
                out = ("ok", fn(*args))
            except NlError as e:
                out = ("refused", (e.error, dict(e.nl_msg.extack or {})))
            except BaseException as e:  # pylint: disable=broad-except
                out = ("error", repr(e))
            try:
                data = pickle.dumps(out)
            except Exception as e:  # pylint: disable=broad-except
                data = pickle.dumps(("error", f"unpicklable result: {e!r}"))
            with os.fdopen(w, "wb") as f:
                f.write(data)
        finally:
            os._exit(0)  # pylint: disable=protected-access
    os.close(w)
    with os.fdopen(r, "rb") as f:
        data = f.read()
    os.waitpid(pid, 0)
    if not data:
        raise RuntimeError("the unprivileged child died without a result")
    kind, value = pickle.loads(data)
    if kind == "refused":
        raise Refused(*value)
    if kind == "error":
        raise RuntimeError(f"as nobody: {value}")
    return value
