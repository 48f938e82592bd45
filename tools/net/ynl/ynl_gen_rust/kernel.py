# SPDX-License-Identifier: GPL-2.0
"""--mode kernel: a family's tables on the rgnl genetlink layer.

What ynl-gen-c.py's kernel mode puts in a family's -nl-gen.[ch], in Rust and
with the same meaning: attribute, command, enum and group numbers; per-op
policies with every check the spec states (the same policy for the same
request as ynl-gen-c makes: same attributes, same maxattr); the ops table;
the multicast groups; and the handler contract, a trait with one item per
handler that the family implements (ynl-gen-c's prototypes: a missing or
mistyped handler fails the build). No `unsafe`: everything is the layer's
safe, const-checked API.
"""

import os
import re
import textwrap

from .spec import SpecError, camel, rust_str, rustfmt, snake, upper

# Request attribute types and the layer's policy constructor for each.
SCALARS = {"u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "uint", "sint"}
S16_MIN, S16_MAX = -(1 << 15), (1 << 15) - 1
TYPE_MAX_NAME = {"u8": "u8::MAX as u64", "u16": "u16::MAX as u64", "u32": "u32::MAX as u64",
                 "u64": "u64::MAX", "uint": "u64::MAX"}
# Constants a spec takes from a C header (`header:`), with a stand-in value:
# the layer's copy of the C macro (genl::c_header, bound from the tree).
HEADER_MACROS = {"PAGE_SIZE", "MAX_ERRNO"}
# The integers of an 8-bit type, for a range on one.
BYTE_RANGE = {"u8": (0, (1 << 8) - 1), "s8": (-(1 << 7), (1 << 7) - 1)}


def as_u16(text):
    """A limit checked to fit an `i16` (the kernel's field), as the `u16`
    the layer's length rules take."""
    return text.replace(" as i16", " as u16").replace("fit_i16::<", "fit_u16::<")


def header(spec, source, mode):
    return ("// SPDX-License-Identifier: GPL-2.0\n"
            f"// Do not edit: generated from {source}\n"
            f"// by tools/net/ynl/ynl-gen-rust.py --mode {mode}.\n")


def summary(text):
    """A spec `doc`'s first sentence, on one line."""
    para = " ".join((text or "").strip().split("\n\n")[0].split())
    end = para.find(". ")
    return para if end < 0 else para[:end + 1]


def doc_lines(text, indent, prefix="///"):
    """A spec `doc` as Rust doc comment lines (empty if none), wrapped to
    rustfmt's width (it does not wrap comments itself)."""
    if not text:
        return []
    width = 100 - len(indent) - len(prefix) - 1
    out = []
    for line in text.strip().splitlines():
        out += [f"{indent}{prefix} {w}".rstrip()
                for w in textwrap.wrap(line, width, break_on_hyphens=False) or [""]]
    return out


class Kernel:
    def __init__(self, spec):
        self.spec = spec
        self.fam = spec.family
        self.out = []
        self.ranges = {}       # attr -> range static name
        self.nest_policies = {}  # set name -> policy static name
        self.hooks = {}        # hook name -> 'pre' | 'post'
        self.be_policies = tree_generator_has(spec.ksrc, "NLA_BE")
        # A binary's lone min-len: NLA_POLICY_MIN_LEN where the tree's
        # ynl-gen-c writes it (7.x), an NLA_UNSPEC's `.len` before (6.12).
        self.min_len_policies = tree_generator_has(spec.ksrc, "NLA_POLICY_MIN_LEN")
        # A sparse enum's validation function where the tree's ynl-gen-c
        # writes one (7.x); its range before (6.12, whose nlctrl WARNs on a
        # validation function of an integer).
        self.enum_validators = tree_generator_has(spec.ksrc, "NLA_POLICY_VALIDATE_FN")

    def p(self, line=""):
        self.out.append(line)

    # Numbers.

    def attr_path(self, attr):
        """An attribute's id in the module of the set that numbers it."""
        return f"{self.set_module(self.spec.real_set(attr.attr_set))}::{upper(attr.name)}"

    def render_consts(self):
        for name, c in self.fam.consts.items():
            ctype = c.get("type")
            if ctype == "const":
                if "value" not in c:
                    raise SpecError(f"definitions/{name}", "a constant without a value")
                value = c["value"]
                self.out += doc_lines(c.get("doc"), "")
                if isinstance(value, str):
                    self.p(f"pub(crate) const {upper(name)}: &str = {rust_str(value)};")
                elif c.get("header"):
                    # The C macro's value, which the spec only stands in for.
                    if upper(name) not in HEADER_MACROS:
                        raise SpecError(f"definitions/{name}",
                                        f"a constant of C header {c['header']}: the layer has "
                                        f"the value of {', '.join(sorted(HEADER_MACROS))} only "
                                        "(genl::c_header), and the spec's is a stand-in")
                    self.p(f"pub(crate) const {upper(name)}: u32 = genl::c_header::{upper(name)};")
                else:
                    rtype = int_type(value, f"definitions/{name}")
                    self.p(f"pub(crate) const {upper(name)}: {rtype} = {value};")
            elif ctype == "flags" or (ctype == "enum" and not c.entries):
                self.out += doc_lines(c.get("doc") or f"Flags `{name}`.", "")
                self.p(f"pub(crate) mod {snake(name)} {{")
                for entry in c.entries.values():
                    value = entry.user_value()
                    int_type(value, f"definitions/{name}/{entry.name}", "u32")
                    self.out += doc_lines(entry.yaml.get("doc"), "    ")
                    self.p(f"    pub(crate) const {upper(entry.name)}: u32 = {value};")
                if ctype == "flags":
                    self.p("    /// Every flag.")
                    self.p(f"    pub(crate) const MASK: u32 = {c.get_mask(as_flags=True):#x};")
                self.p("}")
            elif ctype == "enum":
                self.render_enum(name, c)
            else:
                # A struct: C's layout of a fixed header or binary
                # attribute; refused where one is used (below).
                continue
            self.p()

    def render_enum(self, name, c):
        """A spec enum as a Rust enum: its values put as they are, and
        read back (`CheckedEnum`) when they form one range, which the policy
        checks."""
        ty = self.enum_type(name)
        values = []
        self.out += doc_lines(c.get("doc") or f"Enum `{name}`.", "")
        self.p("#[derive(Clone, Copy, PartialEq, Eq, Debug)]")
        self.p("#[repr(u32)]")
        self.p("#[allow(clippy::enum_variant_names)] // The spec's names.")
        self.p(f"pub(crate) enum {ty} {{")
        for entry in c.entries.values():
            value = entry.user_value()
            int_type(value, f"definitions/{name}/{entry.name}", "u32")
            values.append((value, variant(entry.name)))
            self.out += doc_lines(entry.yaml.get("doc"), "    ")
            self.p(f"    {variant(entry.name)} = {value},")
        self.p("}")
        self.p()
        self.p(f"impl genl::kind::EnumValue for {ty} {{")
        self.p("    fn value(self) -> u32 {")
        self.p("        self as u32")
        self.p("    }")
        self.p("}")
        values.sort()
        if len(values) == 1:
            self.p()
            self.p(f"impl genl::kind::CheckedEnum for {ty} {{")
            self.p("    fn from_validated(_: u32) -> Self {")
            self.p(f"        Self::{values[0][1]}")
            self.p("    }")
            self.p("}")
        else:
            dense = [v for v, _ in values] == list(range(values[0][0], values[-1][0] + 1))
            self.p()
            self.p(f"impl genl::kind::CheckedEnum for {ty} {{")
            self.p("    fn from_validated(v: u32) -> Self {")
            self.p("        match v {")
            for v, var in values[:-1]:
                self.p(f"            {v} => Self::{var},")
            # The policy lets no other value through: the last variant
            # stands for them.
            self.p(f"            _ => Self::{values[-1][1]},")
            self.p("        }")
            self.p("    }")
            self.p("}")
            if not dense:
                self.p()
                self.p(f"impl genl::SparseEnum for {ty} {{")
                self.p(f"    const VALUES: &'static [u32] = &[{', '.join(str(v) for v, _ in values)}];")
                self.p("}")

    def enum_type(self, name):
        ty = camel(name)
        if ty == type_ident(self.fam.name):
            raise SpecError(f"definitions/{name}",
                            f"its Rust type {ty} would be the family's type's name")
        return ty

    def set_module(self, attr_set):
        """`attr` for the family's main set, `attr_<set>` for the others
        (subsets too: a subset's module names only its attributes)."""
        roots = self.spec.root_sets()
        if attr_set.name == self.fam.name or (len(roots) == 1 and attr_set is roots[0]):
            return "attr"
        return "attr_" + snake(attr_set.name).removeprefix("r#")

    def kind(self, attr):
        """The layer's kind (genl::kind) of an attribute: how it reads and
        writes."""
        t = attr.type
        y = attr.yaml
        if t in ("pad", "unused"):
            return "genl::kind::Pad"
        if t in ("u8", "u16", "u32") and y.get("enum") and not y.get("enum-as-flags"):
            e = self.fam.consts.get(y["enum"])
            if e is not None and e.get("type") == "enum":
                return f"genl::kind::Enum<{self.enum_type(y['enum'])}, genl::kind::{t.upper()}>"
        if t in ("u16", "u32") and y.get("byte-order") == "big-endian":
            return f"genl::kind::Be{t[1:]}"
        if t in ("u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64"):
            if t == "u64" and y.get("byte-order") == "big-endian":
                return "genl::kind::Binary"
            return f"genl::kind::{t.upper()}"
        if t in ("uint", "sint"):
            return f"genl::kind::{t.capitalize()}"
        if t == "bitfield32":
            return "genl::kind::Bitfield32"
        if t == "flag":
            return "genl::kind::Flag"
        if t == "string":
            return "genl::kind::Str" if y.get("checks", {}).get("unterminated-ok") else "genl::kind::NulStr"
        if t == "nest":
            nested = self.fam.attr_sets.get(y.get("nested-attributes"))
            if nested is not None:
                return f"genl::kind::Nest<{self.set_module(nested)}::Set>"
        if t == "indexed-array" and y.get("sub-type") == "nest":
            nested = self.fam.attr_sets.get(y.get("nested-attributes"))
            if nested is not None:
                return f"genl::kind::IndexedArray<{self.set_module(nested)}::Set>"
        if t in ("nest", "indexed-array", "sub-message", "nest-type-value"):
            return "genl::kind::Nest<genl::Raw>"
        return "genl::kind::Binary"

    def render_attrs(self):
        for attr_set in self.fam.attr_sets.values():
            mod = self.set_module(attr_set)
            real = self.spec.real_set(attr_set)
            note = f", a subset of `{real.name}`" if real is not attr_set else ""
            self.p(f"/// Attribute set `{attr_set.name}`{note}.")
            self.p(f"pub(crate) mod {mod} {{")
            self.p("    #[allow(unused_imports)]")
            self.p("    use super::*;")
            self.p()
            self.p("    /// The set, in attribute ids, views and writers.")
            self.p("    pub(crate) enum Set {}")
            for attr in attr_set.attrs.values():
                int_type(attr.value, f"attribute-sets/{attr_set.name}/{attr.name}", "u16")
                self.out += doc_lines(summary(attr.yaml.get("doc")), "    ")
                self.p(f"    pub(crate) const {upper(attr.name)}: genl::AttrId<Set, {self.kind(attr)}> =")
                self.p(f"        genl::AttrId::new({attr.value});")
            top = max(attr_set.attrs_by_val) if attr_set.attrs else 0
            self.p("    /// The highest attribute type of the set.")
            self.p(f"    pub(crate) const MAX: u16 = {top};")
            self.p("}")
            self.p()

    def render_cmds(self):
        self.p("/// Commands, notifications included (one numbering, as in the spec),")
        self.p("/// each with the attribute set of its messages.")
        self.p("pub(crate) mod cmd {")
        if self.spec.directional:
            self.p("    // Directional numbering: each is the command of the messages the")
            self.p("    // kernel sends (replies, notifications); requests have their own.")
        for op in sorted(self.fam.msgs.values(), key=lambda o: msg_value(o)):
            int_type(msg_value(op), f"operations/{op.name}", "u8")
            op_set = self.spec.op_set(op)
            s = f"super::{self.set_module(op_set)}::Set" if op_set else "genl::Raw"
            self.out += doc_lines(summary(op.yaml.get("doc")), "    ")
            self.p(f"    pub(crate) const {upper(op.name)}: genl::Cmd<{s}> = "
                   f"genl::Cmd::new({msg_value(op)});")
        self.p("}")
        self.p()

    def render_groups(self):
        groups = self.fam.yaml.get("mcast-groups", {}).get("list", [])
        if not groups:
            return
        self.p("/// Multicast groups: indexes into [`MCGRPS`].")
        self.p("pub(crate) mod group {")
        for i, g in enumerate(groups):
            self.p(f"    pub(crate) const {upper(g['name'])}: u32 = {i};")
        self.p("}")
        self.p()
        self.p("/// The multicast groups, for `genl::Family::MCGRPS`.")
        self.p(f"pub(crate) static MCGRPS: [genl::McGroup; {len(groups)}] = [")
        for g in groups:
            flags = g.get("flags", [])
            if flags == ["uns-admin-perm"]:
                ctor = "admin"
            elif not flags:
                ctor = "new"
            else:
                raise SpecError(f"mcast-groups/{g['name']}/flags",
                                f"{flags}: a group takes uns-admin-perm (GENL_MCAST_CAP_NET_ADMIN: "
                                "CAP_NET_ADMIN over the socket's network namespace) or nothing")
            self.p(f"    genl::McGroup::{ctor}(kernel::c_str!({rust_str(g['name'])})),")
        self.p("];")
        self.p()

    # Policies.

    def limit(self, attr, check, ctype=None):
        """A check's value as Rust: the constant's name when the spec names
        one (checked to fit `ctype`), else the number."""
        value = self.spec.limit(attr, check)
        raw = attr.yaml.get("checks", {}).get(check)
        where = f"attribute-sets/{attr.attr_set.name}/{attr.name}/checks/{check}"
        if ctype:
            int_type(value, where, ctype)
        if isinstance(raw, str) and self.spec.const_name(raw) is not None:
            raw = self.spec.const_name(raw)
            if self.fam.consts[raw].get("header") and ctype in ("i16", "u16"):
                # The spec's number stands in for the C macro's: whether the
                # real one fits is known when the module builds.
                return value, f"genl::c_header::fit_{ctype}::<{upper(raw)}>()"
            return value, (f"{upper(raw)} as {ctype}" if ctype else upper(raw))
        if isinstance(raw, str):  # `u32-max`...: Rust's name for it
            text = f"{'u' if raw[0] == 'u' else 'i'}{raw[1:-4]}::{raw[-3:].upper()}"
            return value, (f"{text} as {ctype}" if ctype else text)
        return value, str(value)

    def scalar_checks(self, attr):
        """(min, max) a scalar's checks imply, with an enum's range as
        ynl-gen-c adds it, or a mask for flags."""
        checks = dict(attr.yaml.get("checks", {}))
        lo = self.spec.limit(attr, "min")
        hi = self.spec.limit(attr, "max")
        enum = attr.yaml.get("enum")
        mask = None
        where = f"attribute-sets/{attr.attr_set.name}/{attr.name}"
        if "flags-mask" in checks:
            flags = self.fam.consts.get(checks["flags-mask"])
            if flags is None or flags.get("type") != "flags":
                raise SpecError(where + "/checks/flags-mask", "names no flags definition")
            # ynl-gen-c's mask: as many low bits as the flags has entries.
            mask = (1 << len(flags.entries)) - 1
        elif enum:
            e = self.fam.consts.get(enum)
            if e is None:
                raise SpecError(where + "/enum", f"{enum!r} names no enum")
            if e.get("type") == "flags" or attr.yaml.get("enum-as-flags"):
                mask = e.get_mask(as_flags=True)
            else:
                values = sorted(x.user_value() for x in e.entries.values())
                if not values:
                    raise SpecError(where + "/enum", f"{enum!r} has no entries")
                if values != list(range(values[0], values[-1] + 1)) and self.enum_validators:
                    # ynl-gen-c's validation function (NLA_POLICY_VALIDATE_FN).
                    if lo is not None or hi is not None or attr.type not in ("u8", "u16", "u32"):
                        raise SpecError(where + "/enum",
                                        "a sparse enum with a range, or wider than 32 bits: "
                                        "not supported")
                    return None, None, None, self.enum_type(enum)
                if lo is None and (values[0] != 0 or attr.type[0] == "s"):
                    lo = values[0]
                if hi is None:
                    hi = values[-1]
        return lo, hi, mask, None

    def rule(self, attr):
        """The layer's policy rule of request attribute `attr` (None for a
        pad, which requests never carry: NLA_UNSPEC, refused)."""
        t = attr.type
        where = f"attribute-sets/{attr.attr_set.name}/{attr.name}"
        checks = attr.yaml.get("checks", {})
        if t in ("pad", "unused"):
            return None
        if t == "flag":
            return "genl::AttrPolicy::flag()"
        if t == "bitfield32":
            # ynl-gen-c's NLA_POLICY_BITFIELD32: the enum's flags are the
            # valid bits.
            e = self.fam.consts.get(attr.yaml.get("enum"))
            if e is None:
                raise SpecError(where, "a bitfield32 needs an enum (its valid bits)")
            return f"genl::AttrPolicy::bitfield32({e.get_mask(as_flags=True):#x})"
        if t in SCALARS:
            base = t
            # Big-endian u16/u32 are NLA_BE16/32 where the tree's ynl-gen-c
            # says so (7.x), plain integers of their width before (6.12).
            if attr.yaml.get("byte-order") == "big-endian" and self.be_policies:
                if t not in ("u16", "u32"):
                    raise SpecError(where, f"big-endian {t}: only u16 and u32 have a kernel type")
                base = "be" + t[1:]
            rule = f"genl::AttrPolicy::{base}()"
            lo, hi, mask, sparse = self.scalar_checks(attr)
            if sparse is not None:
                return rule + f".one_of::<{sparse}>()"
            if mask is not None:
                if t[0] != "u":
                    raise SpecError(where, "a mask needs an unsigned type")
                return rule + f".mask({mask:#x})"
            if lo is None and hi is None:
                return rule
            if t[0] == "u" and (lo or 0) < 0:
                raise SpecError(where, "a negative limit for an unsigned type")
            if lo is not None and hi is not None and lo > hi:
                raise SpecError(where, f"min {lo} is above max {hi}")
            if t in BYTE_RANGE:
                for v in (lo, hi):
                    if v is not None and not BYTE_RANGE[t][0] <= v <= BYTE_RANGE[t][1]:
                        raise SpecError(where, f"limit {v} does not fit a {t}")
            low, high = min(lo or 0, hi or 0), max(lo or 0, hi or 0)
            if low < S16_MIN or high > S16_MAX:
                if t[0] != "u":
                    raise SpecError(where, "a signed range beyond s16: not supported")
                return rule + f".range_u64(&{self.range(attr, lo, hi)})"
            # The inline range is two s16s (NLA_POLICY_RANGE/MIN/MAX).
            lo_s = self.limit(attr, "min", "i16")[1] if "min" in checks else str(lo)
            hi_s = self.limit(attr, "max", "i16")[1] if "max" in checks else str(hi)
            if lo is not None and hi is not None:
                return rule + f".range({lo_s}, {hi_s})"
            if lo is not None:
                return rule + f".min({lo_s})"
            return rule + f".max({hi_s})"
        # A binary struct or C array is a binary to the policy, as
        # ynl-gen-c writes it (its checks say its length).
        if t in ("string", "binary"):
            unknown = set(checks) - {"max-len", "min-len", "exact-len", "unterminated-ok"}
            if unknown:
                raise SpecError(where + "/checks", f"{sorted(unknown)}: not supported for a {t}")
            if "exact-len" in checks:
                text = as_u16(self.limit(attr, "exact-len", "i16")[1])
                return f"genl::AttrPolicy::exact_len({text})"
            if t == "string":
                if "min-len" in checks:
                    raise SpecError(where + "/checks/min-len",
                                    "the kernel has no minimum length for strings")
                ctor = "string" if checks.get("unterminated-ok") else "nul_string"
            else:
                if "unterminated-ok" in checks:
                    raise SpecError(where + "/checks/unterminated-ok", "only strings take it")
                ctor = "binary"
            lo = hi = None
            if "max-len" in checks:
                # A binary's is NLA_POLICY_MAX_LEN, an s16; a string's `.len`.
                value, hi = self.limit(attr, "max-len", "u16" if t == "string" else "i16")
                hi = as_u16(hi)
                if value < 1:
                    raise SpecError(where + "/checks/max-len", "must be at least 1")
            if "min-len" in checks:
                value, lo = self.limit(attr, "min-len", "i16")
                lo = as_u16(lo)
                top = self.spec.limit(attr, "max-len")
                if value < 1 or (top is not None and value > top):
                    raise SpecError(where + "/checks/min-len", "must be 1 to max-len")
            if lo and hi:
                return f"genl::AttrPolicy::binary_range({lo}, {hi})"
            if hi:
                return f"genl::AttrPolicy::{ctor}({hi})"
            if lo:
                if not self.min_len_policies:
                    return f"genl::AttrPolicy::unspec_min_len({lo})"
                return f"genl::AttrPolicy::binary_unbounded().min_len({lo})"
            return f"genl::AttrPolicy::{ctor}_unbounded()"
        if t == "nest":
            if "type-value" in attr.yaml:
                raise SpecError(where, "nests with type-value: not supported")
            return f"genl::AttrPolicy::nested(&{self.nest_policy(attr)})"
        if t == "indexed-array" and attr.yaml.get("sub-type") == "nest":
            return f"genl::AttrPolicy::nested_array(&{self.nest_policy(attr)})"
        raise SpecError(where, f"type {t} in a request: not supported by the layer")

    def range(self, attr, lo, hi):
        name = f"{upper(self.spec.real_set(attr.attr_set).name)}_{upper(attr.name)}_RANGE"
        checks = attr.yaml.get("checks", {})
        lo_s = self.limit(attr, "min", "u64")[1] if "min" in checks else str(lo or 0)
        hi_s = (self.limit(attr, "max", "u64")[1] if "max" in checks
                else str(hi) if hi is not None else TYPE_MAX_NAME[attr.type])
        if self.ranges.setdefault(name, (name, lo_s, hi_s)) != (name, lo_s, hi_s):
            raise SpecError(f"attribute-sets/{attr.attr_set.name}/{attr.name}",
                            f"its range and another's are both named {name}")
        return name

    def nest_policy(self, attr):
        name = attr.yaml.get("nested-attributes")
        if name not in self.fam.attr_sets:
            raise SpecError(f"attribute-sets/{attr.attr_set.name}/{attr.name}/nested-attributes",
                            f"{name!r} names no attribute set")
        if name not in self.nest_policies:
            static = f"{upper(name)}_NESTED_POLICY"
            self.nest_policies[name] = static
            nested = self.fam.attr_sets[name]
            self.policies.append((static, list(nested.attrs.values()), None,
                                  f"Nested attribute set `{name}`."))
        return self.nest_policies[name]

    def render_policy(self, static, attrs, cond, doc):
        # Sized by every attribute listed, pads too (ynl-gen-c's
        # attr_max_val), which have no rule: NLA_UNSPEC, refused.
        top = max(attrs, key=lambda a: a.value, default=None)
        if top is None:
            return None
        rules = [(a, self.rule(a)) for a in attrs]
        rules = [(a, r) for a, r in rules if r is not None]
        for a, _ in rules:
            if a.value == 0:
                raise SpecError(f"attribute-sets/{a.attr_set.name}/{a.name}",
                                "attribute type 0 is never valid in a request")
        if static == "GLOBAL_POLICY":
            self.p("/// The highest attribute type of the global policy: the family's")
            self.p("/// `MAX_ATTR`, as the kernel's own families of such specs register it.")
            self.p(f"pub(crate) const GLOBAL_POLICY_MAX_ATTR: u16 = {self.attr_path(top)}.id();")
            self.p()
        self.out += doc_lines(doc, "")
        self.cfg(cond, "")
        self.p(f"static {static}: genl::Policy<[genl::AttrPolicy; {self.attr_path(top)}.id() as usize + 1]> =")
        self.p("    genl::policy(&[")
        for a, r in rules:
            self.p(f"    ({self.attr_path(a)}.id(), {r}),")
        self.p("]);")
        self.p()
        return static

    def cfg(self, cond, indent):
        if cond:
            self.p(f"{indent}{cfg_attr(cond)}")

    # Operations.

    def op_modes(self):
        """(op, mode, policy static or None) for every row of the ops table."""
        rows = []
        policy = self.spec.kernel_policy
        if policy not in ("split", "per-op", "global"):
            raise SpecError("kernel-policy", f"{policy}: not supported")
        if policy == "global":
            names = set()
            for op in self.spec.calls():
                for mode in ("do", "dump"):
                    names.update(op.yaml.get(mode, {}).get("request", {}).get("attributes", []))
            sets = {self.spec.op_set(op).name for op in self.spec.calls() if self.spec.op_set(op)}
            if len(sets) > 1:
                raise SpecError("kernel-policy", "a global policy needs one attribute set for all ops")
            op0 = next((op for op in self.spec.calls() if self.spec.op_set(op)), None)
            attrs = self.spec.attrs_of(op0, sorted(names), "request") if op0 else []
            self.policies.append(("GLOBAL_POLICY", attrs, None, "The policy of every op."))
        for op in self.spec.calls():
            cond = op.yaml.get("config-cond")
            dual = "request" in op.yaml.get("do", {}) and "request" in op.yaml.get("dump", {})
            shared = None
            for mode in ("do", "dump"):
                if mode not in op.yaml:
                    continue
                static = None
                if policy == "global":
                    static = "GLOBAL_POLICY"
                elif policy == "per-op":
                    src = op.yaml.get("do", op.yaml.get("dump"))
                    if shared is None and "request" in src:
                        shared = f"{upper(op.name)}_POLICY"
                        attrs = self.spec.attrs_of(op, src["request"].get("attributes", []),
                                                   "request")
                        self.policies.append((shared, attrs, cond,
                                              f"`{op.name}` requests (do and dump)."))
                    static = shared
                elif "request" in op.yaml[mode]:
                    static = (f"{upper(op.name)}_{upper(mode)}_POLICY" if dual
                              else f"{upper(op.name)}_POLICY")
                    attrs = self.spec.attrs_of(op, op.yaml[mode]["request"].get("attributes", []),
                                               f"{mode}/request")
                    self.policies.append((static, attrs, cond, f"`{op.name}` {mode} requests."))
                rows.append((op, mode, static))
        return rows

    def flags(self, op, mode):
        out = ""
        for flag in op.yaml.get("flags", []):
            if flag == "admin-perm":
                out += ".admin_perm()"
            elif flag == "uns-admin-perm":
                out += ".uns_admin_perm()"
            else:
                raise SpecError(f"operations/{op.name}/flags", f"{flag}: not supported")
        for x in op.yaml.get("dont-validate", []):
            if self.spec.kernel_policy == "split":
                # ynl-gen-c's filter: a do ignores the dump ones, a dump `strict`.
                if (mode == "do" and x in ("dump", "dump-strict")) or (mode == "dump" and x == "strict"):
                    continue
                out += f".dont_validate_{snake(x)}()"
            elif x == "dump" and mode == "dump":
                # ynl-gen-c writes full ops here: the core converts this
                # flag into a dump without a policy.
                out += ".dont_parse_dump()"
            else:
                out += f".dont_validate_{snake(x)}()"
        return out

    def hook(self, op, mode, when):
        name = op.yaml[mode].get(when)
        if name is None:
            return None
        if mode == "dump":
            return snake(name)
        if self.hooks.setdefault(name, when) != when:
            raise SpecError(f"operations/{op.name}/{mode}/{when}",
                            f"{name!r} is used as both a pre and a post hook")
        return snake(name)

    # Sizes.

    def size_of(self, attr, depth=0):
        """The largest an attribute puts (`genl::size`), as Rust, or None
        when the spec does not bound it."""
        t = attr.type
        y = attr.yaml
        checks = y.get("checks", {})
        if y.get("multi-attr") or depth > 8:
            return None
        fixed = {"u8": "U8", "s8": "U8", "u16": "U16", "s16": "U16", "u32": "U32", "s32": "U32",
                 "u64": "U64", "s64": "U64", "flag": "FLAG"}
        if t in fixed:
            return f"genl::size::{fixed[t]}"
        if t in ("uint", "sint"):
            return "genl::size::attr(8)"
        if t == "bitfield32":
            return "genl::size::attr(8)"
        if t in ("string", "binary") and not y.get("struct") and not y.get("sub-type"):
            for check in ("exact-len", "max-len"):
                if check in checks:
                    text = self.limit(attr, check)[1]
                    text = text if text.isdigit() else f"{text} as usize"
                    return (f"genl::size::string({text})" if t == "string"
                            else f"genl::size::attr({text})")
            return None
        if t == "nest":
            nested = self.fam.attr_sets.get(y.get("nested-attributes"))
            if nested is None:
                return None
            inner = self.sum_of(list(nested.attrs.values()), depth + 1)
            return None if inner is None else f"genl::size::nest({inner})"
        return None

    def sum_of(self, attrs, depth=0):
        parts = []
        for a in attrs:
            if a.type in ("pad", "unused"):
                continue
            size = self.size_of(a, depth)
            if size is None:
                return None
            parts.append(size)
        return f"genl::size::sum(&[{', '.join(parts)}])"

    def message_size(self, op, mode):
        """The largest payload of op's `mode` reply (or event) message."""
        msg = op.yaml.get(mode, {})
        if mode != "event":
            msg = msg.get("reply")
        if msg is None:
            return None
        names = msg.get("attributes", [])
        if not names:
            return "0"
        return self.sum_of(self.spec.attrs_of(op, names, f"{mode}/reply"))

    def render_sizes(self, rows):
        lines = []
        for op in sorted(self.fam.msgs.values(), key=lambda o: msg_value(o)):
            for mode in ("do", "dump", "event"):
                if mode not in op.yaml:
                    continue
                size = self.message_size(op, mode)
                if size is None:
                    continue
                name = upper(op.name) if mode == "event" else f"{upper(op.name)}_{upper(mode)}"
                what = "event" if mode == "event" else f"{mode} reply"
                lines.append(f"    /// `{op.name}` {what}.")
                lines.append(f"    pub(crate) const {name}: usize = {size};")
        if lines:
            self.p("/// The largest attribute payload of each message whose attributes the")
            self.p("/// spec bounds, for `new_message` and dumps' `MAX_MESSAGE`.")
            self.p("pub(crate) mod max_payload {")
            self.p("    #[allow(unused_imports)]")
            self.p("    use super::*;")
            self.p()
            self.out += lines
            self.p("}")
            self.p()

    # Views.

    def accessor(self, attr_set, attr):
        ident = f"{self.set_module(attr_set)}::{upper(attr.name)}"
        kind = self.kind(attr)
        doc = summary(attr.yaml.get("doc"))
        lines = [f"    /// `{attr.name}`{': ' + doc if doc else '.'}"]
        if attr.yaml.get("multi-attr"):
            lines += [f"    pub(crate) fn {snake(attr.name)}(&self) -> genl::Multi<'a, {kind}> {{",
                      f"        self.0.all({ident})", "    }"]
        else:
            lines += [f"    pub(crate) fn {snake(attr.name)}(&self) -> genl::Slot<'a, {kind}> {{",
                      f"        self.0.get({ident})", "    }"]
        return lines

    def view_struct(self, ty, attr_set, attrs, doc, view="View"):
        mod = self.set_module(attr_set)
        self.p(f"/// {doc}")
        self.p(f"pub(crate) struct {ty}<'a>(genl::{view}<'a, {mod}::Set>);")
        self.p()
        self.p(f"impl<'a> {ty}<'a> {{")
        for a in attrs:
            if a.type in ("pad", "unused"):
                continue
            self.out += self.accessor(attr_set, a)
        self.p("    /// Every attribute, as sent: raw access, for what the spec does not say.")
        self.p(f"    pub(crate) fn raw(&self) -> genl::{view}<'a, {mod}::Set> {{")
        self.p("        self.0")
        self.p("    }")
        self.p("}")
        self.p()

    def nest_sets(self, attrs, seen):
        """The sets of the nests reachable from `attrs`."""
        for a in attrs:
            name = a.yaml.get("nested-attributes")
            if a.type in ("nest", "indexed-array") and name in self.fam.attr_sets \
                    and name not in seen:
                seen[name] = self.fam.attr_sets[name]
                self.nest_sets(list(seen[name].attrs.values()), seen)
        return seen

    def render_views(self, rows):
        nested = {}
        for op, mode, static in rows:
            if static is None:
                continue
            attrs = self.request_attrs(op, mode)
            self.view_struct(self.request_type(op, mode), self.spec.op_set(op), attrs,
                             f"The request of `{op.name}` {mode}, validated by its policy.")
            self.nest_sets(attrs, nested)
        for attr_set in self.fam.attr_sets.values():
            mod = self.set_module(attr_set)
            if attr_set.name in nested:
                ty = f"{camel(attr_set.name)}Attrs"
                self.view_struct(ty, attr_set, list(attr_set.attrs.values()),
                                 f"A nest of set `{attr_set.name}` in a request.", "NestView")
                self.p(f"impl genl::AttrSet for {mod}::Set {{")
                self.p(f"    type View<'a> = {ty}<'a>;")
                self.p(f"    fn view(view: genl::NestView<'_, Self>) -> {ty}<'_> {{")
                self.p(f"        {ty}(view)")
            else:
                self.p(f"impl genl::AttrSet for {mod}::Set {{")
                self.p("    type View<'a> = genl::NestView<'a, Self>;")
                self.p("    fn view(view: genl::NestView<'_, Self>) -> genl::NestView<'_, Self> {")
                self.p("        view")
            self.p("    }")
            self.p("}")
            self.p()

    def request_attrs(self, op, mode):
        src = op.yaml.get(mode, {}).get("request", {})
        if self.spec.kernel_policy == "per-op" and "request" not in src:
            src = op.yaml.get("do", op.yaml.get("dump", {})).get("request", {})
        return self.spec.attrs_of(op, src.get("attributes", []), f"{mode}/request")

    def request_type(self, op, mode):
        return f"{camel(op.name)}{camel(mode)}Request"

    # Handlers.

    def render_handlers(self, rows):
        fam = self.type_name
        seen_hooks = set()
        for op, mode, static in rows:
            cond = op.yaml.get("config-cond")
            brief = summary(op.yaml.get("doc"))
            brief = f" {brief}" if brief else ""
            for when in ("pre", "post"):
                h = self.hook(op, mode, when)
                if h and h not in seen_hooks:
                    seen_hooks.add(h)
                    self.p(f"/// The `{h}` hook of the doits that name it.")
                    self.p(f"pub(crate) trait {camel(h)} {{")
                    if when == "pre":
                        self.p("    /// Runs before the doit; an error refuses the request.")
                        self.p(f"    fn {when}_doit(req: &mut genl::Request<'_, {fam}>) -> kernel::error::Result;")
                    else:
                        self.p("    /// Runs after the doit, whatever it returned.")
                        self.p(f"    fn {when}_doit(req: &mut genl::Request<'_, {fam}>);")
                    self.p("}")
                    self.p()
            attrs = f"attrs: {self.request_type(op, mode)}<'_>, " if static else ""
            self.out += doc_lines(f"`{op.name}` {mode}.{brief}", "")
            self.cfg(cond, "")
            self.p(f"pub(crate) trait {camel(op.name)}{camel(mode)}it {{")
            if mode == "do":
                self.p(f"    fn doit(req: &mut genl::Request<'_, {fam}>, {attrs}) -> kernel::error::Result;")
            else:
                self.p("    /// Where a dump resumes.")
                self.p("    type Cursor: genl::DumpCursor;")
                if self.message_size(op, "dump") is None:
                    self.p("    /// The largest attribute payload of one message (the spec does not")
                    self.p("    /// bound its attributes): see `genl::size`.")
                    self.p("    const MAX_MESSAGE: usize;")
                if self.hook(op, mode, "pre"):
                    self.p(f"    /// The spec's `pre` ({op.yaml['dump']['pre']}): sets the cursor up from")
                    self.p("    /// the request as the dump starts; an error refuses the dump.")
                    self.p("    fn pre_dumpit(")
                    self.p(f"        start: &mut genl::DumpStart<'_, {fam}>,")
                    if static:
                        self.p(f"        {attrs}")
                    self.p("        cursor: &mut Self::Cursor,")
                    self.p("    ) -> kernel::error::Result;")
                if self.hook(op, mode, "post"):
                    self.p(f"    /// The spec's `post` ({op.yaml['dump']['post']}): as the dump ends,")
                    self.p("    /// however it ends, before the cursor is dropped.")
                    self.p("    fn post_dumpit(cursor: &mut Self::Cursor);")
                self.p("    fn dumpit(")
                self.p(f"        dump: &mut genl::Dump<'_, {fam}>,")
                if static:
                    self.p(f"        {attrs}")
                self.p("        cursor: &mut Self::Cursor,")
                self.p("    ) -> kernel::error::Result;")
            self.p("}")
            self.p()

    def render_wrappers(self, rows):
        fam = self.type_name
        for op, mode, static in rows:
            cond = op.yaml.get("config-cond")
            trait = f"{camel(op.name)}{camel(mode)}it"
            ty = f"{trait}Op"
            policy = f"&{static}" if static else "genl::Policy::NONE"
            view = f"{self.request_type(op, mode)}(req.view())" if static else None
            self.p(f"/// `{op.name}` {mode}: the spec's policy, the handler.")
            self.cfg(cond, "")
            self.p(f"struct {ty};")
            self.p()
            self.cfg(cond, "")
            if mode == "do":
                pre, post = self.hook(op, mode, "pre"), self.hook(op, mode, "post")
                self.p(f"impl genl::DoIt<{fam}> for {ty} {{")
                self.p(f"    const POLICY: &'static genl::Policy = {policy};")
                self.p()
                self.p(f"    fn doit(req: &mut genl::Request<'_, {fam}>) -> kernel::error::Result {{")
                if pre:
                    self.p(f"        <{fam} as {camel(pre)}>::pre_doit(req)?;")
                if view:
                    self.p(f"        let attrs = {view};")
                call = f"<{fam} as {trait}>::doit({'req, attrs' if view else 'req'})"
                if post:
                    self.p(f"        let result = {call};")
                    self.p(f"        <{fam} as {camel(post)}>::post_doit(req);")
                    self.p("        result")
                else:
                    self.p(f"        {call}")
                self.p("    }")
            else:
                size = self.message_size(op, "dump")
                mx = (f"max_payload::{upper(op.name)}_DUMP" if size is not None
                      else f"<{fam} as {trait}>::MAX_MESSAGE")
                self.p("#[kernel::prelude::vtable]")
                self.p(f"impl genl::DumpIt<{fam}> for {ty} {{")
                self.p(f"    const POLICY: &'static genl::Policy = {policy};")
                self.p(f"    const MAX_MESSAGE: usize = {mx};")
                self.p(f"    type Cursor = <{fam} as {trait}>::Cursor;")
                self.p()
                if self.hook(op, mode, "pre"):
                    self.p("    fn start(")
                    self.p(f"        start: &mut genl::DumpStart<'_, {fam}>,")
                    self.p("        cursor: &mut Self::Cursor,")
                    self.p("    ) -> kernel::error::Result {")
                    if static:
                        self.p(f"        let attrs = {self.request_type(op, mode)}(start.view());")
                        self.p(f"        <{fam} as {trait}>::pre_dumpit(start, attrs, cursor)")
                    else:
                        self.p(f"        <{fam} as {trait}>::pre_dumpit(start, cursor)")
                    self.p("    }")
                    self.p()
                if self.hook(op, mode, "post"):
                    self.p("    fn done(cursor: &mut Self::Cursor) {")
                    self.p(f"        <{fam} as {trait}>::post_dumpit(cursor)")
                    self.p("    }")
                    self.p()
                self.p("    fn dumpit(")
                self.p(f"        dump: &mut genl::Dump<'_, {fam}>,")
                self.p("        cursor: &mut Self::Cursor,")
                self.p("    ) -> kernel::error::Result {")
                if static:
                    self.p(f"        let attrs = {self.request_type(op, mode)}(dump.view());")
                    self.p(f"        <{fam} as {trait}>::dumpit(dump, attrs, cursor)")
                else:
                    self.p(f"        <{fam} as {trait}>::dumpit(dump, cursor)")
                self.p("    }")
            self.p("}")
            self.p()

    def request_cmd(self, op):
        """The command number of op's requests, as Rust."""
        if self.spec.directional:
            int_type(op.req_value, f"operations/{op.name}", "u8")
            return str(op.req_value)
        return f"cmd::{upper(op.name)}.id()"

    def render_family(self, rows):
        fam = self.type_name
        policy = self.spec.kernel_policy
        main = [s for s in self.fam.attr_sets.values() if self.set_module(s) == "attr"]
        pads = [a for s in main for a in s.attrs.values() if a.type == "pad"]
        lax = [op for op in self.spec.calls() if op.yaml.get("dont-validate")]
        groups = self.fam.yaml.get("mcast-groups", {}).get("list", [])
        self.p(f"/// The `{self.fam.name}` family: implement `genl::Family` for it (the")
        self.p("/// state types and what else the spec cannot say), and one trait per")
        self.p("/// handler above.")
        self.p(f"pub(crate) struct {fam};")
        self.p()
        self.p(f"impl genl::FamilySpec for {fam} {{")
        self.p(f"    const NAME: &'static kernel::str::CStr = kernel::c_str!({rust_str(self.fam.name)});")
        self.p(f"    const VERSION: u32 = {self.spec.version};")
        if policy == "global":
            self.p("    // The global policy's, as the kernel's own families of such specs")
            self.p("    // register it.")
            self.p("    const MAX_ATTR: u16 = GLOBAL_POLICY_MAX_ATTR;")
        else:
            self.p("    // Every op has a policy of its own: 0, as in ynl-gen-c's family struct.")
            self.p("    const MAX_ATTR: u16 = 0;")
        self.p(f"    const PAD_ATTR: u16 = {'attr::' + upper(pads[0].name) + '.id()' if pads else '0'};")
        if lax:
            self.p("    // Past the last op with `dont-validate`: the core refuses those flags")
            self.p("    // from `resv_start_op` on.")
            self.p(f"    const MIN_RESV_START_OP: u8 = {self.request_cmd(lax[-1])} + 1;")
        if groups:
            self.p("    const MCGRPS: &'static [genl::McGroup] = &MCGRPS;")
        self.p("    /// The spec's operations in command order, a do before its dump.")
        self.p(f"    const OPS: &'static [genl::SplitOp<{fam}>] = &[")
        for op, mode, _ in rows:
            ty = f"{camel(op.name)}{camel(mode)}itOp"
            self.cfg(op.yaml.get("config-cond"), "        ")
            self.p(f"        genl::SplitOp::{mode}it::<{ty}>({self.request_cmd(op)}){self.flags(op, mode)},")
        self.p("    ];")
        self.p("}")

    def render(self, source):
        fam = self.fam
        name = fam.name
        self.type_name = type_ident(name)
        if not 0 < len(name.encode()) <= 15:
            raise SpecError("name", f"{name!r}: genetlink family names are 1 to 15 bytes")
        self.out += header(self.spec, source, "kernel").splitlines()
        self.p()
        brief = summary(fam.yaml.get("doc"))
        self.p(f"//! The `{name}` generic netlink family's tables.")
        if brief:
            self.p("//!")
            self.out += doc_lines(brief, "", "//!")
        self.p("//!")
        self.p(f"//! The family type [`{self.type_name}`] and its description; typed ids,")
        self.p("//! views and writers of its attributes; one trait per handler, which the")
        self.p("//! family's code implements for the family type, and which the ops table")
        self.p("//! calls with the request already validated.")
        self.p()
        self.p("// Like a generated C header, the tables name all the spec has, whether or")
        self.p("// not this family's code uses it.")
        self.p("#![allow(dead_code)]")
        self.p()
        self.render_consts()
        self.render_attrs()
        self.render_cmds()
        self.render_groups()
        self.policies = []
        if self.fam.fixed_header or any(op.fixed_header for op in self.fam.msgs.values()):
            raise SpecError("operations/fixed-header", "fixed headers are not supported")
        rows = self.op_modes()
        ranges_at = len(self.out)
        i = 0
        while i < len(self.policies):  # nests append their own policies
            static, attrs, cond, doc = self.policies[i]
            if self.render_policy(static, attrs, cond, doc) is None:
                self.drop_policy(rows, static)
            i += 1
        ranges = []
        for rname, lo, hi in self.ranges.values():
            ranges += [f"static {rname}: genl::RangeU64 = genl::RangeU64::new({lo}, {hi});", ""]
        self.out[ranges_at:ranges_at] = ranges
        self.render_sizes(rows)
        self.render_views(rows)
        self.render_handlers(rows)
        self.render_wrappers(rows)
        self.render_family(rows)
        return "\n".join(self.out) + "\n"

    def drop_policy(self, rows, static):
        """A request whose attributes are all pads takes none: no policy."""
        for i, (op, mode, s) in enumerate(rows):
            if s == static:
                rows[i] = (op, mode, None)


def msg_value(op):
    """The command of the messages the kernel sends for op (its replies
    and notifications): the reply's number in directional numbering."""
    return op.rsp_value if op.rsp_value is not None else op.req_value


def type_ident(name):
    """The family type's name: the spec's name in CamelCase, of the
    characters an identifier takes."""
    ident = camel(re.sub(r"[^0-9A-Za-z]+", "-", name).strip("-"))
    return ident if ident[:1].isalpha() else "Family" + ident


def variant(name):
    """An enum entry's name as a Rust variant."""
    v = camel(name)
    if not v[:1].isalpha():
        v = "V" + v
    return v + "_" if v == "Self" else v


def int_type(value, where, want=None):
    """The Rust type of a spec number; with `want`, require it to fit."""
    ranges = {"i16": (S16_MIN, S16_MAX), "u8": (0, (1 << 8) - 1), "u16": (0, (1 << 16) - 1), "u32": (0, (1 << 32) - 1),
              "u64": (0, (1 << 64) - 1), "i64": (-(1 << 63), (1 << 63) - 1)}
    if not isinstance(value, int):
        raise SpecError(where, f"{value!r} is not a number")
    if want:
        lo, hi = ranges[want]
        if not lo <= value <= hi:
            raise SpecError(where, f"{value} does not fit a {want}")
        return want
    for t in ("u32", "u64", "i64"):
        lo, hi = ranges[t]
        if lo <= value <= hi:
            return t
    raise SpecError(where, f"{value} does not fit 64 bits")


def cfg_attr(cond):
    """`config-cond` as Rust: C's `#ifdef CONFIG_X`, true when built in
    (`#[cfg(CONFIG_X)]` alone would also be true for a module)."""
    return f'#[cfg(CONFIG_{upper(cond)} = "y")]'


def tree_generator_has(ksrc, text):
    """Whether the tree's ynl-gen-c.py mentions `text`: what it emits,
    where kernels differ."""
    for sub in ("tools/net/ynl/pyynl/ynl_gen_c.py", "tools/net/ynl/ynl-gen-c.py"):
        path = os.path.join(ksrc, sub)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                return text in f.read()
    return False


def render(spec, source):
    spec.check_no_max()
    return rustfmt(Kernel(spec).render(source), spec.ksrc)
