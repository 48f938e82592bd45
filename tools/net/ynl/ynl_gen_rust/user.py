# SPDX-License-Identifier: GPL-2.0
"""--mode user: the client's typed layer: numbers and request builders on
the `neli` crate's types, decoders on the client runtime (`tools/ynl`),
which read replies in place.

One Rust module, needing `neli`, `ynl` and `serde`:

- the family's name, version and multicast groups; `definitions` as typed
  constants (a constant used as a length is a `usize`, one used as a bound
  of integer attributes has their type) and enums as Rust enums;
- `Cmd`, every op in the unified numbering, and one attribute enum per root
  attribute set (`Attr` for the family's own set or a family's only one,
  `<Set>Attr` for the others), as `neli_enum`s;
- on each attribute enum, the spec's `checks:` as constants
  (`Attr::KEY_MAX_LEN`, `Attr::TTL_MS_MIN`...) and one check function per
  checked attribute (`Attr::check_key`), which the request builders call:
  a limit changed in the spec changes the client's checks when the module
  is regenerated, as it changes the kernel's policy;
- per do and dump, a request builder `<Op>Request` / `<Op>DumpRequest`:
  typed fields, every one optional (the kernel decides what it needs),
  implementing `ynl::RequestAttrs`: `check()` (the spec's limits, with
  clear errors), `encode()` (the attributes into a `ynl::Request`,
  unchecked: to probe the kernel's own validation) and `write()` (both);
- typed replies (`<Op>Reply`, `<Op>DumpReply` when the dump's differs),
  nests (named after their attribute set) and notifications (named after
  their op; `Event` holds them all, tagged by their name without `-ntf`),
  each with `decode()` from the reply's attributes (`ynl::Attrs`, read in
  place), serialisable as JSON with
  the spec's names.

Which fields are required. The spec format does not say which attributes a
message always carries (ynl-gen-c gives every attribute a _present bit). A
field is required -- decoding refuses a message without it, and the caller
gets a plain value -- except:
- a flag, which is its own presence (`bool`);
- every field of a reply listing the same attributes as its request (an
  echo returns what it was sent, no more);
- the attributes named by `--optional MESSAGE/ATTR` (MESSAGE: a nest's
  attribute set or an op): those the family's kernel side puts only
  sometimes. They are `Option`s. The spec has no word for it, so the
  build that generates a family's client says it (tools/testing/generate.sh).

Anything else the client cannot express (nests or multi-attrs in requests,
fixed headers, sub-messages, big-endian or variable-width integers...) is a
SpecError naming the item.
"""

import textwrap

from .spec import SpecError, camel, snake, upper

INTS = {"u8": "u8", "u16": "u16", "u32": "u32", "u64": "u64",
        "s8": "i8", "s16": "i16", "s32": "i32", "s64": "i64"}
RANGES = {"u8": (0, (1 << 8) - 1), "u16": (0, (1 << 16) - 1), "u32": (0, (1 << 32) - 1),
          "u64": (0, (1 << 64) - 1), "usize": (0, (1 << 64) - 1),
          "i8": (-(1 << 7), (1 << 7) - 1), "i16": (-(1 << 15), (1 << 15) - 1),
          "i32": (-(1 << 31), (1 << 31) - 1), "i64": (-(1 << 63), (1 << 63) - 1)}
LEN_CHECKS = ("min-len", "max-len", "exact-len")
WIDTH = 100      # rustfmt's max_width
CALL_WIDTH = 60  # rustfmt's fn_call_width
ATTR_WIDTH = 70  # rustfmt's attr_fn_like_width


def header(source):
    return ["// SPDX-License-Identifier: GPL-2.0",
            f"// Do not edit: generated from {source}",
            "// by tools/net/ynl/ynl-gen-rust.py --mode user."]


def doc(text, indent, summary=False):
    """A spec `doc` as `///` lines, rewrapped (only its first sentence
    with `summary`)."""
    paras = [" ".join(p.split()) for p in (text or "").strip().split("\n\n") if p.strip()]
    if summary and paras:
        end = paras[0].find(". ")
        paras = [paras[0] if end < 0 else paras[0][:end + 1]]
    out = []
    for i, para in enumerate(paras):
        if i:
            out.append(f"{indent}///")
        out += [f"{indent}/// {line}"
                for line in textwrap.wrap(para, WIDTH - len(indent) - 4, break_on_hyphens=False)]
    return out


def call(indent, head, args, tail, width=CALL_WIDTH):
    """`head(args)tail` as rustfmt lays it out: on one line when that fits
    (and the arguments fit `width`), else one argument a line."""
    joined = ", ".join(args)
    line = f"{indent}{head}({joined}){tail}"
    if len(line) <= WIDTH and len(joined) <= width:
        return [line]
    lines = [f"{indent}    {a}," for a in args]
    if width == ATTR_WIDTH:  # no trailing comma in an attribute
        lines[-1] = lines[-1][:-1]
    return [f"{indent}{head}("] + lines + [f"{indent}){tail}"]


def serde_kebab(ident):
    """The name serde's `kebab-case` gives a CamelCase Rust name."""
    return "".join(("-" if i and c.isupper() else "") + c.lower() for i, c in enumerate(ident))


def rust_str(text):
    """`text` as a Rust string literal."""
    esc = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t"}
    return '"' + "".join(esc.get(c) or (c if c.isprintable() else f"\\u{{{ord(c):x}}}")
                         for c in text) + '"'


def fits(value, rtype, where):
    lo, hi = RANGES[rtype]
    if not isinstance(value, int) or not lo <= value <= hi:
        raise SpecError(where, f"{value!r} does not fit a {rtype}")


def natural_type(value, where):
    for t in ("u32", "i32", "u64", "i64"):
        lo, hi = RANGES[t]
        if isinstance(value, int) and lo <= value <= hi:
            return t
    raise SpecError(where, f"{value!r} does not fit 64 bits")


class User:
    """The generator of one spec's module: `render()` gives its text."""

    def __init__(self, spec, optional):
        self.spec = spec
        self.fam = spec.family
        self.out = []
        self.types = {}     # Rust type name -> the spec item it is for
        self.need = set()   # helpers the code uses
        self.absent = {}    # message -> attributes that may be absent
        for item in optional:
            msg, _, attr = item.partition("/")
            if not attr:
                raise SpecError(f"--optional {item}", "is not MESSAGE/ATTRIBUTE")
            self.absent.setdefault(msg, set()).add(attr)
        self.structs = {}   # nest set name -> struct name, in order of need
        self.enum_width = {}  # enum name -> its attributes' integer type

    def p(self, *lines):
        self.out += lines

    def type_name(self, name, item):
        if name in self.types:
            raise SpecError(item, f"its Rust type {name} is also {self.types[name]}'s")
        self.types[name] = item
        return name

    # Names.

    def ident(self, name, item):
        """A CamelCase Rust name for a spec name."""
        ident = camel(name)
        if not ident.isidentifier() or ident[0].isdigit() or ident == "Self":
            raise SpecError(item, f"{name!r} makes no Rust name")
        return ident

    def field(self, name, item):
        """A snake_case field name (`r#type` for a keyword)."""
        ident = snake(name)
        bare = ident.removeprefix("r#")
        if not bare.isidentifier() or bare in ("self", "super", "crate", "_"):
            raise SpecError(item, f"{name!r} makes no Rust field name")
        return ident

    def where(self, attr):
        return f"attribute-sets/{attr.attr_set.name}/{attr.name}"

    def check_fn(self, attr):
        """The check function of `attr` (`check_type`, not raw)."""
        return "check_" + upper(attr.name).lower()

    def enum_of_set(self, attr_set):
        real = self.spec.real_set(attr_set)
        if real.name == self.fam.name or len(self.spec.root_sets()) == 1:
            return "Attr"
        return self.ident(real.name, f"attribute-sets/{real.name}") + "Attr"

    def attr_path(self, attr):
        return f"{self.enum_of_set(attr.attr_set)}::{self.ident(attr.name, self.where(attr))}"

    def enum_def(self, attr):
        """The `definitions` enum a scalar attribute takes as a Rust enum
        (None for a plain integer, or a flags mask)."""
        name = attr.yaml.get("enum")
        if name is None:
            return None
        e = self.fam.consts.get(name)
        if e is None or e.get("type") not in ("enum", "flags"):
            raise SpecError(self.where(attr) + "/enum", f"{name!r} names no enum")
        if e["type"] == "flags" or attr.yaml.get("enum-as-flags"):
            return None
        width = self.enum_width.setdefault(name, INTS[attr.type])
        if width != INTS[attr.type]:
            raise SpecError(self.where(attr) + "/enum",
                            f"{name} is a {width} elsewhere: one width per enum")
        return name

    def scalar(self, attr):
        """The Rust type of a value of attribute `attr` (`&'a str`-style
        borrowed in requests), checking the client can carry it."""
        where = self.where(attr)
        t = attr.type
        for key in ("multi-attr", "sub-type", "struct", "sub-message", "byte-order"):
            if attr.yaml.get(key):
                raise SpecError(f"{where}/{key}", "not supported in user mode")
        if t in INTS:
            enum = self.enum_def(attr)
            return self.ident(enum, f"definitions/{enum}") if enum else INTS[t]
        if t in ("string", "binary", "flag"):
            return {"string": "String", "binary": "Vec<u8>", "flag": "bool"}[t]
        if t == "nest":
            if attr.yaml.get("type-value"):
                raise SpecError(f"{where}/type-value", "not supported in user mode")
            return self.struct_of(attr)
        raise SpecError(where, f"type {t} is not supported in user mode")

    def struct_of(self, attr):
        """The struct decoding nest `attr` (named after its attribute set)."""
        name = attr.yaml["nested-attributes"]
        if name not in self.fam.attr_sets:
            raise SpecError(self.where(attr) + "/nested-attributes", f"{name!r} names no set")
        if name not in self.structs:
            self.structs[name] = self.type_name(self.ident(name, f"attribute-sets/{name}"),
                                                f"attribute-sets/{name}")
        return self.structs[name]

    def attrs(self, op, mode, what):
        """The attributes of op's `mode` `what` (request, reply...), in the
        spec's order, without pads."""
        section = op.yaml[mode] if what is None else (op.yaml[mode].get(what) or {})
        names = section.get("attributes", [])
        where = f"{mode}/{what}" if what else mode
        if len(set(names)) != len(names):
            raise SpecError(f"operations/{op.name}/{where}", "lists an attribute twice")
        if not names:
            return []
        self.spec.attrs_of(op, names, where)  # all exist
        attr_set = self.spec.op_set(op)
        return [attr_set.attrs[n] for n in names if attr_set.attrs[n].type not in ("pad", "unused")]

    # Constants, enums, numbers.

    def const_types(self):
        """Each constant's Rust type: what the checks naming it need."""
        uses = {}
        for attr_set in self.spec.root_sets():
            for attr in attr_set.attrs.values():
                for check, raw in attr.yaml.get("checks", {}).items():
                    if isinstance(raw, str) and raw in self.fam.consts and check != "flags-mask":
                        rtype = "usize" if check in LEN_CHECKS else INTS.get(attr.type)
                        if rtype:
                            uses.setdefault(raw, set()).add(rtype)
        types = {}
        for name, c in self.fam.consts.items():
            if c.get("type") != "const" or isinstance(c["value"], str):
                continue
            where = f"definitions/{name}"
            used = uses.get(name, set())
            types[name] = used.pop() if len(used) == 1 else natural_type(c["value"], where)
            fits(c["value"], types[name], where)
        return types

    def render_consts(self):
        self.p(f"/// The family's name in nlctrl.",
               f'pub const FAMILY_NAME: &str = "{self.fam.name}";',
               "/// The version the client speaks.",
               f"pub const FAMILY_VERSION: u8 = {self.spec.version};")
        for g in self.fam.yaml.get("mcast-groups", {}).get("list", []):
            self.p(*(doc(g.get("doc"), "") or [f"/// Multicast group `{g['name']}`."]),
                   f'pub const GROUP_{upper(g["name"])}: &str = "{g["name"]}";')
        self.p("")
        for name, c in self.fam.consts.items():
            where = f"definitions/{name}"
            if c.get("type") == "const":
                value, rtype = c["value"], self.const_type.get(name, "&str")
                if isinstance(value, str):
                    value = rust_str(value)
                self.p(*(doc(c.get("doc"), "") or [f"/// `{name}`."]),
                       f"pub const {upper(name)}: {rtype} = {value};", "")
            elif c.get("type") in ("enum", "flags"):
                self.render_enum(name, c)
            # A struct (C's layout of a fixed header or binary attribute)
            # is refused where one is used.

    def render_enum(self, name, e):
        where = f"definitions/{name}"
        ty = self.type_name(self.ident(name, where), where)
        kind = "Flags" if e["type"] == "flags" else "Enum"
        self.p(*doc(f"{kind} `{name}`" + (f": {e['doc']}" if e.get("doc") else "."), ""),
               "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]",
               '#[serde(rename_all = "kebab-case")]',
               "#[repr(u32)]",
               f"pub enum {ty} {{")
        variants = []
        for entry in e.entries.values():
            v = self.ident(entry.name, f"{where}/{entry.name}")
            if v in [x for x, _ in variants]:
                raise SpecError(f"{where}/{entry.name}", f"another entry is also {v}")
            value = entry.user_value()
            fits(value, "u32", f"{where}/{entry.name}")
            variants.append((v, value))
            self.p(*doc(entry.yaml.get("doc"), "    ") or [f"    /// `{entry.name}`."])
            if serde_kebab(v) != entry.name:
                self.p(f'    #[serde(rename = "{entry.name}")]')
            self.p(f"    {v} = {value},")
        self.p("}", "", f"impl {ty} {{",
               "    /// The variant of value `v`, `None` for one this client does not know.",
               "    pub fn from_u32(v: u32) -> Option<Self> {",
               "        match v {")
        self.p(*[f"            {value} => Some(Self::{v})," for v, value in variants])
        self.p("            _ => None,", "        }", "    }", "",
               "    /// The value on the wire.",
               "    pub fn value(self) -> u32 {",
               "        self as u32",
               "    }",
               "}", "")

    def render_cmds(self):
        self.p("/// Commands and notifications (one numbering, as in the spec).",
               '#[neli_enum(serialized_type = "u8")]',
               "pub enum Cmd {")
        for op in sorted(self.fam.msgs.values(), key=lambda o: o.value):
            fits(op.value, "u8", f"operations/{op.name}")
            self.p(*doc(op.yaml.get("doc"), "    ", summary=True),
                   f"    {self.ident(op.name, f'operations/{op.name}')} = {op.value},")
        self.p("}", "impl neli::consts::genl::Cmd for Cmd {}", "")
        self.render_spec_names("Cmd", [(self.ident(op.name, f"operations/{op.name}"), op.name)
                                       for op in sorted(self.fam.msgs.values(),
                                                        key=lambda o: o.value)])

    def render_spec_names(self, ty, variants):
        """`spec_name()`: the spec's name of each variant, for messages in
        the spec's words (extack attribute paths)."""
        self.p(f"impl {ty} {{",
               "    /// Its name in the spec (`None` for a number the spec does not know).",
               "    pub fn spec_name(self) -> Option<&'static str> {",
               "        match self {")
        for v, name in variants:
            self.p(f'            {ty}::{v} => Some("{name}"),')
        self.p("            _ => None,", "        }", "    }", "}", "")

    def render_attrs(self):
        for attr_set in self.spec.root_sets():
            ty = self.type_name(self.enum_of_set(attr_set), f"attribute-sets/{attr_set.name}")
            subs = [s.name for s in self.fam.attr_sets.values() if s.subset_of == attr_set.name]
            note = f" (`{'`, `'.join(subs)}`: subsets of it)" if subs else ""
            self.p(f"/// Attribute set `{attr_set.name}`{note}.",
                   '#[neli_enum(serialized_type = "u16")]',
                   f"pub enum {ty} {{")
            if 0 not in attr_set.attrs_by_val and "unspec" not in attr_set.attrs:
                self.p("    Unspec = 0,")
            for attr in attr_set.attrs.values():
                fits(attr.value, "u16", self.where(attr))
                self.p(*doc(attr.yaml.get("doc"), "    ", summary=True),
                       f"    {self.ident(attr.name, self.where(attr))} = {attr.value},")
            self.p("}", f"impl neli::consts::genl::NlAttrType for {ty} {{}}", "")
            self.render_spec_names(ty, [(self.ident(a.name, self.where(a)), a.name)
                                        for a in attr_set.attrs.values()])
            self.render_checks(attr_set, ty)

    # Checks: the spec's limits, before sending.

    def limit(self, attr, check, rtype):
        """A check's value as Rust: the constant's name if the spec names
        one, else the number; checked to fit `rtype`."""
        value = self.spec.limit(attr, check)
        where = f"{self.where(attr)}/checks/{check}"
        fits(value, rtype, where)
        raw = attr.yaml["checks"][check]
        if isinstance(raw, str) and raw in self.fam.consts:
            return upper(raw) if self.const_type[raw] == rtype else f"{upper(raw)} as {rtype}"
        return str(value)

    def mask_of(self, attr):
        """The flags definition bounding scalar `attr` (as the kernel's
        policy masks it), or None."""
        checks = attr.yaml.get("checks", {})
        if "flags-mask" in checks:
            name, where, kinds = checks["flags-mask"], "/checks/flags-mask", ("flags",)
        elif attr.yaml.get("enum") and self.enum_def(attr) is None:
            name, where, kinds = attr.yaml["enum"], "/enum", ("flags", "enum")  # enum-as-flags
        else:
            return None
        where = self.where(attr) + where
        flags = self.fam.consts.get(name)
        if flags is None or flags.get("type") not in kinds:
            raise SpecError(where, f"{name!r} names no flags definition")
        if attr.type[0] != "u":
            raise SpecError(where, "a mask needs an unsigned type")
        return flags

    def render_checks(self, attr_set, ty):
        """`ty`'s limit constants and check functions: one per attribute
        the kernel's policy bounds, and per string (it cannot hold a NUL)."""
        body = []
        for attr in attr_set.attrs.values():
            t, where = attr.type, self.where(attr)
            checks = attr.yaml.get("checks", {})
            allowed = {"string": {"max-len", "unterminated-ok"},
                       "binary": {"min-len", "max-len", "exact-len"}}.get(t, set())
            if t in INTS and not self.enum_def(attr):
                allowed = {"min", "max", "flags-mask"}
            elif t in INTS and checks:
                raise SpecError(f"{where}/checks", "checks on an enum: not supported in user mode "
                                "(a Rust enum holds only the spec's values)")
            unknown = set(checks) - allowed
            if unknown and t not in INTS and t not in ("string", "binary"):
                raise SpecError(where, f"type {t} is not supported in user mode")
            if unknown:
                raise SpecError(f"{where}/checks",
                                f"{sorted(unknown)}: not supported for a {t} in user mode")
            if t in INTS and "flags-mask" in checks and ("min" in checks or "max" in checks):
                raise SpecError(f"{where}/checks", "flags-mask with min or max: not supported")
            if t in INTS and "min" in checks and "max" in checks:
                if self.spec.limit(attr, "min") > self.spec.limit(attr, "max"):
                    raise SpecError(f"{where}/checks", "min is above max")
            flags = self.mask_of(attr) if t in INTS else None
            bounds = [c for c in ("min", "max", "min-len", "max-len", "exact-len") if c in checks]
            if not bounds and not flags and t != "string":
                continue
            up, rtype = upper(attr.name), INTS.get(t, "usize")
            body.append("")
            for check in bounds:
                body += [f"    /// `{attr.name}`'s `{check}`.",
                         f"    pub const {up}_{upper(check)}: {rtype} = "
                         f"{self.limit(attr, check, rtype)};"]
            if flags:
                mask = flags.get_mask(as_flags=True)
                fits(mask, rtype, f"{where}/checks")
                body += [f"    /// `{attr.name}`'s known flags (`{flags.name}`).",
                         f"    pub const {up}_MASK: {rtype} = {mask:#x};"]
            arg = {"string": "&str", "binary": "&[u8]"}.get(t, rtype)
            bound = {c: f"Some(Self::{up}_{upper(c)})" if c in checks else "None"
                     for c in ("min", "max", "min-len", "max-len")}
            if "exact-len" in checks:
                bound["min-len"] = bound["max-len"] = f"Some(Self::{up}_EXACT_LEN)"
            name = f'"{attr.name}"'
            if t == "string":
                helper, args = "check_str", [name, "v", bound["max-len"]]
            elif t == "binary":
                helper, args = "check_len", [name, "v.len()", bound["min-len"], bound["max-len"]]
            elif flags:
                helper, args = "check_mask", [name, "v.into()", f"Self::{up}_MASK.into()"]
            else:
                helper, args = "check_range", [name, "v", bound["min"], bound["max"]]
            self.need.add(helper)
            body += [f"    /// Checks `{attr.name}` as the kernel's policy will.",
                     f"    pub fn {self.check_fn(attr)}(v: {arg}) -> Result<(), CheckError> {{",
                     *call("        ", helper, args, ""),
                     "    }"]
            self.checked.add((attr_set.name, attr.name))
        if body:
            self.p(f"impl {ty} {{", *body[1:], "}", "")

    # Requests.

    def render_requests(self):
        for op in self.spec.calls():
            for mode in ("do", "dump"):
                if mode in op.yaml:
                    self.render_request(op, mode)

    def render_request(self, op, mode):
        item = f"operations/{op.name}/{mode}/request"
        name = self.ident(op.name, item) + ("DumpRequest" if mode == "dump" else "Request")
        self.type_name(name, item)
        attrs = self.attrs(op, mode, "request")
        fields = []
        for attr in attrs:
            ty = self.scalar(attr)
            if attr.type == "nest":
                raise SpecError(f"{item}/{attr.name}",
                                "nests in requests are not supported in user mode")
            f = self.field(attr.name, f"{item}/{attr.name}")
            rtype = {"String": "&'a str", "Vec<u8>": "&'a [u8]"}.get(ty, ty)
            fields.append((attr, f, "bool" if ty == "bool" else f"Option<{rtype}>"))
        borrowed = any("'a" in t for _, _, t in fields)
        set_ty = self.enum_of_set(self.spec.op_set(op) or self.spec.root_sets()[0])
        what = "dump" if mode == "dump" else "request"
        about = f": {op.yaml['doc']}" if op.yaml.get("doc") else "."
        self.p(*doc(f"`{op.name}` ({what}){about}", ""),
               "#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]")
        lifetime = "<'a>" if borrowed else ""
        if not fields:
            self.p(f"pub struct {name} {{}}")
        else:
            self.p(f"pub struct {name}{lifetime} {{")
            for attr, f, t in fields:
                self.p(*self.field_doc(attr), f"    pub {f}: {t},")
            self.p("}")
        anon = "<'_>" if borrowed else ""
        self.p("", f"impl {name}{anon} {{",
               "    /// The command it sends.",
               f"    pub const CMD: Cmd = Cmd::{self.ident(op.name, item)};", "}", "",
               f"impl ynl::RequestAttrs for {name}{anon} {{",
               "    type Error = CheckError;", "",
               "    /// The spec's checks on the attributes given.",
               "    fn check(&self) -> Result<(), CheckError> {")
        for attr, f, _ in fields:
            if (self.spec.real_set(attr.attr_set).name, attr.name) in self.checked:
                fn = f"{self.enum_of_set(attr.attr_set)}::{self.check_fn(attr)}"
                self.p(f"        if let Some(v) = self.{f} {{",
                       *call("            ", fn, ["v"], "?;"),
                       "        }")
        self.p("        Ok(())", "    }", "",
               "    /// Writes the attributes as given into `req`, unchecked (the kernel",
               "    /// validates them too).",
               "    fn encode(&self, "
               + ("_req: &mut ynl::Request) {}" if not fields else "req: &mut ynl::Request) {"))
        if not fields:
            self.p("}", "")
            return
        for attr, f, t in fields:
            helper = "put_flag" if t == "bool" else "put"
            self.need.add(helper)
            if t != "bool":
                self.to_payload.add(t[len("Option<"):-1])
            args = ["req", self.attr_path(attr), f"self.{f}"]
            self.p(*call("        ", helper, args, ";"))
        self.p("    }", "}", "")

    # Replies, nests, events.

    def field_rules(self, key, item, attrs, all_optional=False):
        """(attr, Rust field, type, optional) of a decoded message: nest or
        op `key` (as --optional names it), at spec path `item`."""
        absent = set(self.absent.get(key, ()))
        names = {a.name for a in attrs}
        if absent - names:
            raise SpecError(item, f"{sorted(absent - names)}: named by --optional "
                                  "but not carried")
        out = []
        for attr in attrs:
            ty = self.scalar(attr)
            optional = ty != "bool" and (all_optional or attr.name in absent)
            out.append((attr, self.field(attr.name, f"{item}/{attr.name}"), ty, optional))
        return out

    def field_doc(self, attr):
        if attr.yaml.get("doc"):
            return doc(attr.yaml["doc"], "    ", summary=True)
        if attr.type == "nest":
            return [f"    /// The `{attr.yaml['nested-attributes']}` nest."]
        return [f"    /// Attribute `{attr.name}`."]

    def render_struct(self, name, what, fields, docs, set_ty):
        defaultable = all(opt or ty in INTS.values() or ty in ("String", "Vec<u8>", "bool")
                          or self.defaults.get(ty, False) for _, _, ty, opt in fields)
        self.defaults[name] = defaultable
        derive = ("Debug, Clone, " + ("Default, " if defaultable else "")
                  + "PartialEq, Eq, serde::Serialize")
        self.p(*docs, f"#[derive({derive})]")
        if not fields:
            self.p(f"pub struct {name} {{}}", "")
        else:
            self.p(f"pub struct {name} {{")
            for attr, f, ty, opt in fields:
                self.p(*self.field_doc(attr))
                serde = []
                if f.removeprefix("r#") != attr.name:
                    serde.append(f'rename = "{attr.name}"')
                if ty == "Vec<u8>":
                    self.need.add("json")
                    serde.append(f'serialize_with = "json::{"binary_opt" if opt else "binary"}"')
                if opt:
                    serde.append('skip_serializing_if = "Option::is_none"')
                if serde:
                    self.p(*call("    ", "#[serde", serde, "]", ATTR_WIDTH))
                self.p(f"    pub {f}: {f'Option<{ty}>' if opt else ty},")
            self.p("}", "")
        self.p(f"impl {name} {{",
               f"    /// Decodes the attributes of {what}.",
               f"    pub fn decode({'_' if not fields else ''}attrs: ynl::Attrs<'_>) "
               "-> Result<Self, DecodeError> {")
        if not fields:
            self.p("        Ok(Self {})")
        else:
            self.p("        Ok(Self {")
            for attr, f, ty, opt in fields:
                if ty == "bool":
                    self.need.add("flag")
                    how = "flag"
                else:
                    self.need.add("decode")
                    self.from_payload.add(ty)
                    how = "optional" if opt else "required"
                self.p(*call(f"            {f}: ", how, ["attrs", self.attr_path(attr)],
                             "," if ty == "bool" else "?,"))
            self.p("        })")
        self.p("    }", "}", "")

    def render_messages(self):
        """Replies, events and the nests they carry (nests last: they are
        known once the messages are)."""
        for op in self.spec.calls():
            seen = None
            for mode in ("do", "dump"):
                if "reply" not in op.yaml.get(mode, {}):
                    continue
                attrs = self.attrs(op, mode, "reply")
                if seen is not None and [a.name for a in attrs] == seen:
                    continue
                seen = [a.name for a in attrs]
                base = self.ident(op.name, f"operations/{op.name}")
                name = base + ("DumpReply" if mode == "dump" else "Reply")
                self.type_name(name, f"operations/{op.name}/{mode}/reply")
                request = self.attrs(op, mode, "request")
                echo = bool(attrs) and [a.name for a in request] == seen
                modes = " and ".join(m for m in ("do", "dump") if "reply" in op.yaml.get(m, {})
                                     and [a.name for a in self.attrs(op, m, "reply")] == seen)
                fields = self.field_rules(op.name, f"operations/{op.name}/{mode}/reply", attrs,
                                          all_optional=echo)
                self.replies[(op.name, mode)] = name
                self.render_struct(name, f"`{op.name}`'s reply", fields,
                                   [f"/// The reply of `{op.name}` ({modes})."],
                                   self.enum_of_set(self.spec.op_set(op)))
        self.render_events()
        done = set()
        while set(self.structs) - done:
            set_name = next(n for n in self.structs if n not in done)
            done.add(set_name)
            attr_set = self.fam.attr_sets[set_name]
            fields = self.field_rules(set_name, f"attribute-sets/{set_name}",
                                      [a for a in attr_set.attrs.values()
                                       if a.type not in ("pad", "unused")])
            kind = (f"a subset of `{attr_set.subset_of}`" if attr_set.subset_of
                    else "its attribute set")
            self.render_struct(self.structs[set_name], f"nest `{set_name}`", fields,
                               [f"/// Nest `{set_name}` ({kind})."] + (
                                   ["///"] + doc(attr_set.yaml.get("doc"), "")
                                   if attr_set.yaml.get("doc") else []),
                               self.enum_of_set(attr_set))
            self.p(f"impl FromPayload for {self.structs[set_name]} {{",
                   "    fn from_payload(p: &[u8]) -> Result<Self, String> {",
                   "        Self::decode(ynl::Attrs::new(p)).map_err(|e| e.0)",
                   "    }", "}", "")

    def render_events(self):
        events = sorted(self.spec.events(), key=lambda o: o.value)
        if not events:
            return
        sets = {self.spec.real_set(self.spec.op_set(op)).name for op in events}
        if len(sets) > 1:
            raise SpecError("operations", "notifications of several attribute sets: "
                                          "not supported in user mode")
        set_ty = self.enum_of_set(self.spec.op_set(events[0]))
        variants = []
        for op in events:
            item = f"operations/{op.name}"
            name = self.type_name(self.ident(op.name, item), item)
            docs = doc(op.yaml.get("doc"), "") or [f"/// Notification `{op.name}`."]
            if "notify" in op.yaml:
                target = op.yaml["notify"]
                reply = self.replies.get((target, "do"))
                if reply is None:
                    raise SpecError(f"{item}/notify", f"{target!r} has no do reply to notify")
                self.p(*docs, f"///", f"/// The attributes of `{target}`'s reply.",
                       f"pub type {name} = {reply};", "")
            else:
                fields = self.field_rules(op.name, f"operations/{op.name}/event",
                                          self.attrs(op, "event", None))
                self.render_struct(name, f"`{op.name}`", fields, docs, set_ty)
            short = op.name[:-4] if op.name.endswith("-ntf") else op.name
            variants.append((op, self.ident(short, item), short, name))
        if len({v for _, v, _, _ in variants}) != len(variants):
            variants = [(op, self.ident(op.name, ""), op.name, n) for op, _, _, n in variants]
        self.p("/// A notification, tagged with its name (without `-ntf`) in JSON.",
               "#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]",
               '#[serde(tag = "event", rename_all = "kebab-case")]',
               "pub enum Event {")
        for op, v, short, name in variants:
            self.p(*doc(op.yaml.get("doc"), "    ", summary=True))
            if serde_kebab(v) != short:
                self.p(f'    #[serde(rename = "{short}")]')
            self.p(f"    {v}({name}),")
        self.p("}", "", "impl Event {",
               "    /// Decodes a notification of command `cmd`.",
               "    pub fn decode(cmd: Cmd, attrs: ynl::Attrs<'_>) "
               "-> Result<Self, DecodeError> {",
               "        match cmd {")
        for op, v, short, name in variants:
            arm = f"            Cmd::{self.ident(op.name, '')} =>"
            body = f"{name}::decode(attrs).map(Self::{v}),"
            if len(f"{arm} {body}") <= WIDTH:
                self.p(f"{arm} {body}")
            elif len(body) + 15 <= WIDTH:
                self.p(f"{arm} {{", f"                {body[:-1]}", "            }")
            else:
                self.p(f"{arm} {{", f"                {name}::decode(attrs)",
                       f"                    .map(Self::{v})", "            }")
        self.p("            other => Err(DecodeError(format!(",
               '                "command {} is not a notification",',
               "                u8::from(other)",
               "            ))),",
               "        }", "    }", "}", "")

    # Helpers, emitted as used.

    def render_helpers(self):
        self.p("/// A request the spec's checks refuse, found before sending.",
               "#[derive(Debug, Clone, PartialEq, Eq)]",
               "pub struct CheckError(pub String);", "",
               "/// A reply or notification that is not what the spec says.",
               "#[derive(Debug, Clone, PartialEq, Eq)]",
               "pub struct DecodeError(pub String);", "")
        for ty in ("CheckError", "DecodeError"):
            self.p(f"impl fmt::Display for {ty} {{",
                   "    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {",
                   "        f.write_str(&self.0)",
                   "    }", "}", "",
                   f"impl std::error::Error for {ty} {{}}", "")
        for name in ("check_str", "check_len", "check_range", "check_mask"):
            if name in self.need:
                self.p(*HELPERS[name].strip("\n").split("\n"), "")
        if "put" in self.need:
            self.p(*HELPERS["put"].strip("\n").split("\n"), "")
            for ty in sorted(self.to_payload):
                self.p(*self.to_payload_impl(ty), "")
        if "put_flag" in self.need:
            self.p(*HELPERS["put_flag"].strip("\n").split("\n"), "")
        if "decode" in self.need:
            self.p(*HELPERS["decode"].strip("\n").split("\n"), "")
            self.from_payload |= {self.int_of_enum(t) for t in self.from_payload} - {None}
            for ty in sorted(self.from_payload):
                self.p(*self.from_payload_impl(ty))
        if "flag" in self.need:
            self.p(*HELPERS["flag"].strip("\n").split("\n"), "")
        if "json" in self.need:
            self.p(*HELPERS["json"].strip("\n").split("\n"), "")
        while self.out[-1] == "":
            self.out.pop()

    def int_of_enum(self, ty):
        """The integer type of a generated enum (None for other types)."""
        for name, width in self.enum_width.items():
            if camel(name) == ty:
                return width
        return None

    def to_payload_impl(self, ty):
        head = "    fn put_into(&self, req: &mut ynl::Request, t: u16) {"
        if ty == "&'a str":
            return ["impl ToPayload for &str {", head, "        req.put_str(t, self);", "    }", "}"]
        if ty == "&'a [u8]":
            return ["impl ToPayload for &[u8] {", head, "        req.put(t, self);", "    }", "}"]
        width = self.int_of_enum(ty)
        if width:
            value = "self.value()" if width == "u32" else f"(self.value() as {width})"
            return [f"impl ToPayload for {ty} {{", head,
                    f"        req.put(t, &{value}.to_ne_bytes());", "    }", "}"]
        return [f"impl ToPayload for {ty} {{", head,
                "        req.put(t, &self.to_ne_bytes());", "    }", "}"]

    def from_payload_impl(self, ty):
        if ty in self.structs.values():  # done with the struct
            return []
        if ty == "String":
            return [HELPERS["string"].strip("\n"), ""]
        if ty == "Vec<u8>":
            return ["impl FromPayload for Vec<u8> {",
                    "    fn from_payload(p: &[u8]) -> Result<Self, String> {",
                    "        Ok(p.to_vec())", "    }", "}", ""]
        width = self.int_of_enum(ty)
        if width:
            name = next(n for n in self.enum_width if camel(n) == ty)
            conv = "v" if width == "u32" else "u32::from(v)"
            return [f"impl FromPayload for {ty} {{",
                    "    fn from_payload(p: &[u8]) -> Result<Self, String> {",
                    f"        let v = {width}::from_payload(p)?;",
                    f"        Self::from_u32({conv})"
                    f".ok_or_else(|| format!(\"unknown {name} {{v}}\"))",
                    "    }", "}", ""]
        size = int(ty[1:]) // 8
        return [f"impl FromPayload for {ty} {{",
                "    fn from_payload(p: &[u8]) -> Result<Self, String> {",
                "        p.try_into()",
                "            .map(Self::from_ne_bytes)",
                f'            .map_err(|_| format!("{{}} bytes, wanted {size}", p.len()))',
                "    }", "}", ""]

    def imports(self):
        neli = ["neli_enum"]
        std = ["fmt"]
        out = []
        for crate, items in (("neli", neli), ("std", std)):
            out.append(f"use {crate}::{items[0]};" if len(items) == 1
                       else f"use {crate}::{{{', '.join(items)}}};")
        return out

    def render(self, source):
        if self.spec.directional:
            raise SpecError("operations/enum-model",
                            "directional: only the unified model is supported in user mode")
        if self.fam.fixed_header or any(op.fixed_header for op in self.fam.msgs.values()):
            raise SpecError("operations/fixed-header", "fixed headers are not supported")
        if self.fam.yaml.get("sub-messages"):
            raise SpecError("sub-messages", "not supported in user mode")
        self.const_type = self.const_types()
        self.checked = set()
        self.to_payload = set()
        self.from_payload = set()
        self.replies = {}
        self.defaults = {}
        reserved = ["Cmd", "CheckError", "DecodeError", "FromPayload", "ToPayload"]
        if self.spec.events():
            reserved.append("Event")
        for t in reserved:
            self.type_name(t, "the generated code")
        self.render_consts()
        self.render_cmds()
        self.render_attrs()
        self.render_requests()
        self.render_messages()
        self.render_helpers()
        top = header(source) + ["",
                                f"//! The `{self.fam.name}` family's typed layer on the client runtime: numbers, "
                                "request builders",
                                "//! checking the spec's limits, and reply and notification "
                                "decoders.", ""]
        return "\n".join(top + self.imports() + [""] + self.out) + "\n"


HELPERS = {
    "check_str": r'''
/// A string of at most `max` bytes (before its NUL), without NUL.
fn check_str(name: &str, v: &str, max: Option<usize>) -> Result<(), CheckError> {
    match max {
        Some(max) if v.len() > max || v.contains('\0') => Err(CheckError(format!(
            "{name} must be at most {max} bytes without NUL"
        ))),
        None if v.contains('\0') => Err(CheckError(format!("{name} must not contain NUL"))),
        _ => Ok(()),
    }
}
''',
    "check_len": r'''
/// A binary of `len` bytes, within `min` and `max`.
fn check_len(
    name: &str,
    len: usize,
    min: Option<usize>,
    max: Option<usize>,
) -> Result<(), CheckError> {
    let bound = match (min, max) {
        (Some(min), Some(max)) if min == max => format!("must be {min}"),
        (Some(min), Some(max)) => format!("must be {min} to {max}"),
        (Some(min), None) => format!("at least {min} needed"),
        (None, Some(max)) => format!("at most {max} fit"),
        (None, None) => return Ok(()),
    };
    if min.is_some_and(|min| len < min) || max.is_some_and(|max| len > max) {
        return Err(CheckError(format!("{name} is {len} bytes, {bound}")));
    }
    Ok(())
}
''',
    "check_range": r'''
/// An integer within `min` and `max`.
fn check_range<T: PartialOrd + fmt::Display>(
    name: &str,
    v: T,
    min: Option<T>,
    max: Option<T>,
) -> Result<(), CheckError> {
    let bound = match (&min, &max) {
        (Some(min), Some(max)) => format!("{min} to {max}"),
        (Some(min), None) => format!("at least {min}"),
        (None, Some(max)) => format!("at most {max}"),
        (None, None) => return Ok(()),
    };
    if min.is_some_and(|min| v < min) || max.is_some_and(|max| v > max) {
        return Err(CheckError(format!("{name} is {v}, must be {bound}")));
    }
    Ok(())
}
''',
    "check_mask": r'''
/// Flags within `mask`.
fn check_mask(name: &str, v: u64, mask: u64) -> Result<(), CheckError> {
    if v & !mask != 0 {
        return Err(CheckError(format!(
            "{name} is {v:#x}, with flags outside {mask:#x}"
        )));
    }
    Ok(())
}
''',
    "put": r'''
/// A value written as an attribute of a request.
trait ToPayload {
    fn put_into(&self, req: &mut ynl::Request, t: u16);
}

/// Writes attribute `t` with `v` into `req`, if given.
fn put<A: Into<u16>, T: ToPayload>(req: &mut ynl::Request, t: A, v: Option<T>) {
    if let Some(v) = v {
        v.put_into(req, t.into());
    }
}
''',
    "put_flag": r'''
/// Writes flag attribute `t` into `req` if `set`.
fn put_flag<A: Into<u16>>(req: &mut ynl::Request, t: A, set: bool) {
    req.put_flag(t.into(), set);
}
''',
    "decode": r'''
/// A value decoded from an attribute's payload (the error says why not).
trait FromPayload: Sized {
    fn from_payload(p: &[u8]) -> Result<Self, String>;
}

/// The first attribute `t` of `attrs`, decoded in place, if there is one
/// (an attribute before it that does not parse is an error).
fn optional<A: Into<u16> + fmt::Debug + Copy, T: FromPayload>(
    attrs: ynl::Attrs<'_>,
    t: A,
) -> Result<Option<T>, DecodeError> {
    let why = |e: &dyn fmt::Display| DecodeError(format!("{t:?}: {e}"));
    let found = attrs.find(t.into()).map_err(|e| why(&e))?;
    found
        .map(|a| T::from_payload(a.bytes()).map_err(|e| why(&e)))
        .transpose()
}

/// The first attribute `t` of `attrs`, decoded; an error if there is none.
fn required<A: Into<u16> + fmt::Debug + Copy, T: FromPayload>(
    attrs: ynl::Attrs<'_>,
    t: A,
) -> Result<T, DecodeError> {
    optional(attrs, t)?.ok_or_else(|| DecodeError(format!("missing attribute {t:?}")))
}
''',
    "string": r'''
impl FromPayload for String {
    fn from_payload(p: &[u8]) -> Result<Self, String> {
        let s = p.strip_suffix(b"\0").ok_or("not NUL-terminated")?;
        Ok(String::from_utf8_lossy(s).into_owned())
    }
}
''',
    "flag": r'''
/// Whether flag attribute `t` is in `attrs`.
fn flag<A: Into<u16>>(attrs: ynl::Attrs<'_>, t: A) -> bool {
    let t = t.into();
    attrs.flatten().any(|a| a.ty() == t)
}
''',
    "json": r'''
/// Binary attributes in JSON: `{"text": ..., "hex": ...}`, `text` being
/// null for bytes that are not printable UTF-8.
pub mod json {
    use serde::{ser::SerializeStruct, Serializer};

    /// `bytes` as lowercase hex digits.
    pub fn to_hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// `bytes` as text when they are UTF-8 without control characters.
    pub fn as_text(bytes: &[u8]) -> Option<&str> {
        std::str::from_utf8(bytes)
            .ok()
            .filter(|s| !s.chars().any(char::is_control))
    }

    /// Serialises a binary attribute.
    pub fn binary<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Binary", 2)?;
        st.serialize_field("text", &as_text(bytes))?;
        st.serialize_field("hex", &to_hex(bytes))?;
        st.end()
    }

    /// Serialises an optional binary attribute (skipped when absent).
    pub fn binary_opt<S: Serializer>(bytes: &Option<Vec<u8>>, s: S) -> Result<S::Ok, S::Error> {
        match bytes {
            Some(bytes) => binary(bytes, s),
            None => s.serialize_none(),
        }
    }
}
''',
}


def render(spec, source, optional=()):
    return User(spec, optional).render(source)
