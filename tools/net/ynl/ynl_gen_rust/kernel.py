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
import subprocess
import textwrap

from .spec import SpecError, camel, rust_str, snake, upper

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

    def p(self, line=""):
        self.out.append(line)

    # Numbers.

    def attr_module(self, attr_set):
        """`attr` for the family's main set, `attr_<set>` for the others."""
        roots = self.spec.root_sets()
        real = self.spec.real_set(attr_set)
        if real.name == self.fam.name or len(roots) == 1:
            return "attr"
        return "attr_" + snake(real.name)

    def attr_path(self, attr):
        return f"{self.attr_module(attr.attr_set)}::{upper(attr.name)}"

    def render_consts(self):
        for name, c in self.fam.consts.items():
            ctype = c.get("type")
            if ctype == "const":
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
            elif ctype in ("enum", "flags"):
                self.out += doc_lines(c.get("doc") or f"Enum `{name}`.", "")
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
            else:
                # A struct: C's layout of a fixed header or binary
                # attribute; refused where one is used (below).
                continue
            self.p()

    def render_attrs(self):
        for attr_set in self.spec.root_sets():
            mod = self.attr_module(attr_set)
            self.p(f"/// Attribute set `{attr_set.name}`"
                   + self.subsets_note(attr_set) + ".")
            self.p(f"pub(crate) mod {mod} {{")
            for attr in attr_set.attrs.values():
                int_type(attr.value, f"attribute-sets/{attr_set.name}/{attr.name}", "u16")
                self.p(f"    pub(crate) const {upper(attr.name)}: u16 = {attr.value};")
            top = max(attr_set.attrs_by_val) if attr_set.attrs else 0
            self.p("    /// The highest attribute type of the set.")
            self.p(f"    pub(crate) const MAX: u16 = {top};")
            self.p("}")
            self.p()

    def subsets_note(self, attr_set):
        subs = [s.name for s in self.fam.attr_sets.values() if s.subset_of == attr_set.name]
        return f" (`{'`, `'.join(subs)}`: subsets of it)" if subs else ""

    def render_cmds(self):
        self.p("/// Commands, notifications included (one numbering, as in the spec).")
        self.p("pub(crate) mod cmd {")
        for op in sorted(self.fam.msgs.values(), key=lambda o: o.value):
            int_type(op.value, f"operations/{op.name}", "u8")
            self.p(f"    pub(crate) const {upper(op.name)}: u8 = {op.value};")
        self.p("}")
        self.p()
        lax = [op for op in self.spec.calls() if op.yaml.get("dont-validate")]
        self.p("/// The lowest `genl::Family::RESV_START_OP` the ops allow: past the last")
        self.p("/// one with `dont-validate` (the core refuses those flags from it on).")
        last = f"cmd::{upper(lax[-1].name)} + 1" if lax else "0"
        self.p(f"pub(crate) const MIN_RESV_START_OP: u8 = {last};")
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
        if isinstance(raw, str) and raw in self.fam.consts:
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
                if values != list(range(values[0], values[-1] + 1)):
                    raise SpecError(where + "/enum",
                                    "a sparse enum needs a validation function: not supported")
                if lo is None and (values[0] != 0 or attr.type[0] == "s"):
                    lo = values[0]
                if hi is None:
                    hi = values[-1]
        return lo, hi, mask

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
        if t in SCALARS:
            base = t
            # Big-endian u16/u32 are NLA_BE16/32 where the tree's ynl-gen-c
            # says so (7.x), plain integers of their width before (6.12).
            if attr.yaml.get("byte-order") == "big-endian" and self.be_policies:
                if t not in ("u16", "u32"):
                    raise SpecError(where, f"big-endian {t}: only u16 and u32 have a kernel type")
                base = "be" + t[1:]
            rule = f"genl::AttrPolicy::{base}()"
            lo, hi, mask = self.scalar_checks(attr)
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
        if t == "binary" and (attr.yaml.get("struct") or attr.yaml.get("sub-type")):
            raise SpecError(where, "a binary struct or array in a request: not supported")
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
            self.p(f"pub(crate) const GLOBAL_POLICY_MAX_ATTR: u16 = {self.attr_path(top)};")
            self.p()
        self.out += doc_lines(doc, "")
        self.cfg(cond, "")
        self.p(f"static {static}: genl::Policy<[genl::AttrPolicy; {self.attr_path(top)} as usize + 1]> =")
        self.p("    genl::policy(&[")
        for a, r in rules:
            self.p(f"    ({self.attr_path(a)}, {r}),")
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
            raise SpecError(f"operations/{op.name}/dump/{when}",
                            "dump start/done hooks: the layer owns a dump's start and done "
                            "(keep per-dump state in its cursor)")
        if self.hooks.setdefault(name, when) != when:
            raise SpecError(f"operations/{op.name}/{mode}/{when}",
                            f"{name!r} is used as both a pre and a post hook")
        return snake(name)

    def render_handlers(self, rows):
        fam = self.fam.name
        self.p(f"/// The hand-written side of the `{fam}` family: one item per handler")
        self.p("/// of the spec (ynl-gen-c's prototypes). Implementing it for the family")
        self.p("/// type gives [`Ops::TABLE`]; a missing or mistyped handler fails the")
        self.p("/// build.")
        self.p("pub(crate) trait Handlers: genl::Family {")
        seen_hooks = set()
        for op, mode, _ in rows:
            cond = op.yaml.get("config-cond")
            brief = summary(op.yaml.get("doc"))
            brief = f" {brief}" if brief else ""
            for when in ("pre", "post"):
                h = self.hook(op, mode, when)
                if h and h not in seen_hooks:
                    seen_hooks.add(h)
                    if when == "pre":
                        self.p("    /// Runs before the doits that name it; an error refuses the request.")
                        self.p(f"    fn {h}(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;")
                    else:
                        self.p("    /// Runs after the doits that name it, whatever they returned.")
                        self.p(f"    fn {h}(req: &mut genl::Request<'_, Self>);")
            fn = f"{snake(op.name)}_{mode}it"
            if mode == "do":
                self.out += doc_lines(f"`{op.name}` do.{brief}", "    ")
                self.cfg(cond, "    ")
                self.p(f"    fn {fn}(req: &mut genl::Request<'_, Self>) -> kernel::error::Result;")
            else:
                cur = f"{camel(op.name)}DumpCursor"
                mx = f"{upper(op.name)}_DUMP_MAX_MESSAGE"
                self.p(f"    /// `{op.name}` dump: where a dump resumes.")
                self.cfg(cond, "    ")
                self.p(f"    type {cur}: genl::DumpCursor;")
                self.p(f"    /// `{op.name}` dump: the largest attribute payload of one message.")
                self.cfg(cond, "    ")
                self.p(f"    const {mx}: usize;")
                self.out += doc_lines(f"`{op.name}` dump.{brief}", "    ")
                self.cfg(cond, "    ")
                self.p(f"    fn {fn}(")
                self.p("        dump: &mut genl::Dump<'_, Self>,")
                self.p(f"        cursor: &mut Self::{cur},")
                self.p("    ) -> kernel::error::Result;")
        self.p("}")
        self.p()

    def render_wrappers(self, rows):
        for op, mode, static in rows:
            cond = op.yaml.get("config-cond")
            ty = f"{camel(op.name)}{camel(mode)}it"
            fn = f"{snake(op.name)}_{mode}it"
            policy = f"&{static}" if static else "genl::Policy::NONE"
            self.p(f"/// `{op.name}` {mode}, with the spec's policy.")
            self.cfg(cond, "")
            self.p(f"struct {ty}<F>(PhantomData<fn() -> F>);")
            self.p()
            self.cfg(cond, "")
            if mode == "do":
                pre, post = self.hook(op, mode, "pre"), self.hook(op, mode, "post")
                self.p(f"impl<F: Handlers> genl::DoIt<F> for {ty}<F> {{")
                self.p(f"    const POLICY: &'static genl::Policy = {policy};")
                self.p()
                self.p("    fn doit(req: &mut genl::Request<'_, F>) -> kernel::error::Result {")
                if pre:
                    self.p(f"        F::{pre}(req)?;")
                if post:
                    self.p(f"        let result = F::{fn}(req);")
                    self.p(f"        F::{post}(req);")
                    self.p("        result")
                else:
                    self.p(f"        F::{fn}(req)")
                self.p("    }")
            else:
                cur = f"{camel(op.name)}DumpCursor"
                mx = f"{upper(op.name)}_DUMP_MAX_MESSAGE"
                self.p(f"impl<F: Handlers> genl::DumpIt<F> for {ty}<F> {{")
                self.p(f"    const POLICY: &'static genl::Policy = {policy};")
                self.p(f"    const MAX_MESSAGE: usize = F::{mx};")
                self.p(f"    type Cursor = F::{cur};")
                self.p()
                self.p("    fn dumpit(")
                self.p("        dump: &mut genl::Dump<'_, F>,")
                self.p("        cursor: &mut Self::Cursor,")
                self.p("    ) -> kernel::error::Result {")
                self.p(f"        F::{fn}(dump, cursor)")
                self.p("    }")
            self.p("}")
            self.p()

    def render_table(self, rows):
        self.p("/// The spec's operations in command order, a do before its dump: the")
        self.p("/// `genl::Family::OPS` of a family implementing [`Handlers`].")
        self.p("pub(crate) struct Ops<F>(PhantomData<fn() -> F>);")
        self.p()
        self.p("impl<F: Handlers> Ops<F> {")
        self.p("    /// The table.")
        self.p("    pub(crate) const TABLE: &'static [genl::SplitOp<F>] = &[")
        for op, mode, _ in rows:
            ty = f"{camel(op.name)}{camel(mode)}it"
            self.cfg(op.yaml.get("config-cond"), "        ")
            self.p(f"        genl::SplitOp::{mode}it::<{ty}<F>>(cmd::{upper(op.name)}){self.flags(op, mode)},")
        self.p("    ];")
        self.p("}")

    def render(self, source):
        fam = self.fam
        name = fam.name
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
        self.p("//! Handlers are hand-written: implement [`Handlers`] for the family type")
        self.p("//! and use [`Ops::TABLE`] as its `OPS`.")
        self.p()
        self.p("// Like a generated C header, the tables name all the spec has, whether or")
        self.p("// not this family's code uses it.")
        self.p("#![allow(dead_code)]")
        self.p()
        self.p("use core::marker::PhantomData;")
        self.p()
        self.p("/// The family's name.")
        self.p(f"pub(crate) const FAMILY_NAME: &kernel::str::CStr = kernel::c_str!({rust_str(name)});")
        self.p("/// The family's version.")
        self.p(f"pub(crate) const FAMILY_VERSION: u32 = {self.spec.version};")
        self.p()
        self.render_consts()
        self.render_attrs()
        self.render_cmds()
        self.render_groups()
        self.policies = []
        if self.fam.fixed_header or any(op.fixed_header for op in self.fam.msgs.values()):
            raise SpecError("operations/fixed-header", "fixed headers are not supported")
        rows = self.op_modes()
        if not rows:
            raise SpecError("operations", "no do or dump operation: nothing to register")
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
        self.render_handlers(rows)
        self.render_wrappers(rows)
        self.render_table(rows)
        return "\n".join(self.out) + "\n"

    def drop_policy(self, rows, static):
        """A request whose attributes are all pads takes none: no policy."""
        for i, (op, mode, s) in enumerate(rows):
            if s == static:
                rows[i] = (op, mode, None)


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


def rustfmt(text, ksrc):
    """`text` formatted as the kernel formats its Rust (its .rustfmt.toml),
    so that generated files pass the tree's rustfmt check unchanged."""
    config = os.path.join(ksrc, ".rustfmt.toml")
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
    return rustfmt(Kernel(spec).render(source), spec.ksrc)
