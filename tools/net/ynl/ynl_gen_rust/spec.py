# SPDX-License-Identifier: GPL-2.0
"""Loading a YNL spec with the kernel tree's own spec model (nlspec.py), and
what every output mode shares: names, limits, spec errors."""

import importlib
import os
import subprocess
import sys
import types

import yaml


class SpecError(Exception):
    """A spec the generator cannot turn into code: reported as
    `SPEC: ITEM: WHAT`, never as a traceback."""

    def __init__(self, item, what):
        super().__init__(f"{item}: {what}")


def ynl_lib_dir(ksrc):
    """The directory holding the tree's nlspec.py: tools/net/ynl/lib up to
    6.13, tools/net/ynl/pyynl/lib since."""
    for sub in ("tools/net/ynl/pyynl/lib", "tools/net/ynl/lib"):
        path = os.path.join(ksrc, sub)
        if os.path.exists(os.path.join(path, "nlspec.py")):
            return path
    raise SpecError(ksrc, "not a kernel tree with YNL's nlspec.py "
                    "(tools/net/ynl/lib or tools/net/ynl/pyynl/lib)")


def _nlspec(ksrc):
    # The tree's lib/ is a package (7.x's nlspec imports its siblings
    # relatively) whose __init__ imports the YNL socket code as well: the
    # package is declared without running it, for the spec model alone.
    pkg = types.ModuleType("ynl_tree_lib")
    pkg.__path__ = [ynl_lib_dir(ksrc)]
    sys.modules[pkg.__name__] = pkg
    return importlib.import_module(pkg.__name__ + ".nlspec")


def upper(name):
    """`entry-new` -> `ENTRY_NEW`."""
    return name.replace("-", "_").upper()


RUST_KEYWORDS = {
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum",
    "extern", "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod",
    "move", "mut", "pub", "ref", "return", "static", "struct", "super", "trait", "true",
    "type", "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final",
    "macro", "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
}


def snake(name):
    """`entry-new` -> `entry_new` (a raw identifier for a keyword: `r#type`)."""
    ident = name.replace("-", "_").lower()
    return "r#" + ident if ident in RUST_KEYWORDS else ident


def camel(name):
    """`entry-new` -> `EntryNew`."""
    return "".join(w[:1].upper() + w[1:] for w in name.replace("_", "-").split("-"))


def rust_str(text):
    """`text` as a Rust string literal holding exactly its characters (the
    spec's names and strings may hold quotes, backslashes, control
    characters)."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7f:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def limit_to_number(name):
    """`u32-max`, `s64-min`... as numbers (ynl-gen-c's spelling)."""
    try:
        if name[0] == "u" and name.endswith("-min"):
            return 0
        width = int(name[1:-4])
    except (ValueError, IndexError):
        return None
    if name[0] not in "us" or not name.endswith(("-min", "-max")):
        return None
    if name[0] == "s":
        width -= 1
    value = (1 << width) - 1
    if name[0] == "s" and name.endswith("-min"):
        value = -value - 1
    return value


class Spec:
    """A loaded spec: nlspec's `SpecFamily` (as `family`) and the numbers
    every mode needs, with the checks nlspec leaves to its generators."""

    def __init__(self, path, ksrc):
        self.path = path
        self.ksrc = ksrc
        with open(path, encoding="utf-8") as f:
            raw = yaml.safe_load(f)
        if not isinstance(raw, dict) or "name" not in raw:
            raise SpecError(path, "not a YNL spec (no family name)")
        proto = raw.get("protocol", "genetlink")
        if proto not in ("genetlink", "genetlink-c", "genetlink-legacy"):
            raise SpecError("protocol", f"{proto}: only genetlink families are supported")
        schema = os.path.join(ksrc, "Documentation/netlink", f"{proto}.yaml")
        nlspec = _nlspec(ksrc)
        try:
            self.family = nlspec.SpecFamily(path, schema)
        except KeyError as e:
            raise SpecError("reference", f"{e.args[0]!r} names nothing in the spec") from None
        except Exception as e:  # jsonschema's ValidationError, nlspec's Exception
            where = "/".join(str(p) for p in getattr(e, "absolute_path", []))
            msg = getattr(e, "message", str(e))
            raise SpecError(where or "spec", msg) from None
        fam = self.family
        self.name = fam.name
        self.proto = proto
        # `directional`: a request's command number and its reply's differ
        # (devlink, ethtool, nlctrl).
        self.directional = fam.msg_id_model != "unified"
        self.kernel_policy = fam.yaml.get("kernel-policy", "split")
        self.version = fam.yaml.get("version", 1)
        self._check_names()
        self._check_refs()

    def _check_names(self):
        """Two spec names that become one Rust name would shadow each other."""
        def unique(kind, names):
            seen = {}
            for n in names:
                key = upper(n)
                if key in seen:
                    raise SpecError(kind, f"{seen[key]!r} and {n!r} are the same Rust name {key}")
                seen[key] = n
        fam = self.family
        raw = fam.yaml
        # nlspec keys its dicts by name: a repeated name would silently win.
        unique("operations", [o["name"] for o in raw["operations"].get("list", [])])
        unique("definitions", [d["name"] for d in raw.get("definitions", [])])
        for s in raw.get("attribute-sets", []):
            # (A subset naming an attribute twice names one attribute:
            # devlink's dl-dpipe-table does.)
            if "subset-of" not in s:
                unique(f"attribute-sets/{s['name']}", [a["name"] for a in s.get("attributes", [])])
        unique("mcast-groups", self.mcgrps())
        unique("attribute-sets", [s.name for s in fam.attr_sets.values() if not s.subset_of])
        for s in fam.attr_sets.values():
            unique(f"attribute-sets/{s.name}", s.attrs.keys())

    def _check_refs(self):
        """References nlspec keeps as names, whether or not a mode uses them."""
        fam = self.family
        for s in fam.attr_sets.values():
            for a in s.attrs.values():
                where = f"attribute-sets/{s.name}/{a.name}"
                nested = a.yaml.get("nested-attributes")
                if a.type == "nest" and nested is None:
                    raise SpecError(where, "a nest without nested-attributes")
                if nested is not None and nested not in fam.attr_sets:
                    raise SpecError(where + "/nested-attributes",
                                    f"{nested!r} names no attribute set")
                enum = a.yaml.get("enum")
                if enum is not None and enum not in fam.consts:
                    raise SpecError(where + "/enum", f"{enum!r} names no definition")
        groups = self.mcgrps()
        for op in fam.msgs.values():
            self.op_set(op)
            if "notify" in op.yaml and op.yaml["notify"] not in fam.msgs:
                raise SpecError(f"operations/{op.name}/notify",
                                f"{op.yaml['notify']!r} names no operation")
            if "mcgrp" in op.yaml and op.yaml["mcgrp"] not in groups:
                raise SpecError(f"operations/{op.name}/mcgrp",
                                f"{op.yaml['mcgrp']!r} names no multicast group")

    def check_no_max(self):
        """The kernel's tables give each set a MAX (its highest attribute
        type), which an attribute named `max` would shadow."""
        for s in self.family.yaml.get("attribute-sets", []):
            if any(upper(a["name"]) == "MAX" for a in s.get("attributes", [])):
                raise SpecError(f"attribute-sets/{s['name']}/max",
                                "clashes with the set's MAX (its highest attribute type)")

    def const_value(self, name):
        """The value of a `const` definition."""
        c = self.family.consts.get(name)
        if c is None or c.get("type") != "const":
            raise SpecError("definitions", f"{name!r} is a {c.get('type')}, not a constant")
        return c["value"]

    def const_name(self, value):
        """The definition a check names: by its name, or by its C name
        (`name-prefix` and name: wireguard's `wg-key-len`), as ynl-gen-c
        reads it."""
        if value in self.family.consts:
            return value
        for name, c in self.family.consts.items():
            if c.get("type") == "const" and c.get("name-prefix", "") + name == value:
                return name
        return None

    def limit(self, attr, check):
        """A check's value: a number, a constant's name or `u32-max`-style."""
        value = attr.yaml.get("checks", {}).get(check)
        if value is None or isinstance(value, int):
            return value
        if self.const_name(value) is not None:
            return self.const_value(self.const_name(value))
        number = limit_to_number(value)
        if number is None:
            raise SpecError(f"attribute-sets/{attr.attr_set.name}/{attr.name}/checks/{check}",
                            f"{value!r} is neither a number nor a constant of the spec")
        return number

    def mcgrps(self):
        return [g["name"] for g in self.family.yaml.get("mcast-groups", {}).get("list", [])]

    def root_sets(self):
        """The attribute sets that own numbers (not `subset-of` another)."""
        return [s for s in self.family.attr_sets.values() if not s.subset_of]

    def real_set(self, attr_set):
        """The set whose numbers a set uses (itself, or the one it is a subset of)."""
        if attr_set.subset_of:
            return self.family.attr_sets[attr_set.subset_of]
        return attr_set

    def calls(self):
        """The ops userspace calls (do and/or dump), in command order."""
        ops = [op for op in self.family.msgs.values() if op.is_call]
        return sorted(ops, key=lambda op: op.req_value)

    def events(self):
        """The ops the kernel sends on its own (event or notify)."""
        return [op for op in self.family.msgs.values() if op.is_async]

    def op_set(self, op):
        name = op.yaml.get("attribute-set")
        if name is None and "notify" in op.yaml:
            name = self.family.msgs[op.yaml["notify"]].yaml.get("attribute-set")
        if name is None:
            return None
        if name not in self.family.attr_sets:
            raise SpecError(f"operations/{op.name}/attribute-set", f"{name!r} names no attribute set")
        return self.family.attr_sets[name]

    def attrs_of(self, op, names, where):
        """The attributes `names` of op's set, in the set's order."""
        attr_set = self.op_set(op)
        if attr_set is None:
            raise SpecError(f"operations/{op.name}", "has attributes but no attribute-set")
        for n in names:
            if n not in attr_set.attrs:
                raise SpecError(f"operations/{op.name}/{where}",
                                f"{n!r} is not an attribute of set {attr_set.name!r}")
        return [a for a in attr_set.attrs.values() if a.name in names]


def rustfmt(text, ksrc=None):
    """`text` formatted by rustfmt: as the kernel tree `ksrc` formats its
    Rust (its .rustfmt.toml), or with rustfmt's defaults, so that generated
    files pass the formatting checks unchanged."""
    config = os.path.join(ksrc, ".rustfmt.toml") if ksrc else ""
    cmd = ["rustfmt", "--edition", "2021", "--emit", "stdout"]
    if os.path.exists(config):
        cmd += ["--config-path", config]
    try:
        done = subprocess.run(cmd, input=text, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise SpecError("rustfmt", "not found: the generated code is formatted with it") from None
    if done.returncode != 0:
        raise SpecError("rustfmt", "refused the generated code (a generator bug):\n" + done.stderr)
    return done.stdout
