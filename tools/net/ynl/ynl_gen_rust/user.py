# SPDX-License-Identifier: GPL-2.0
"""--mode user: a family's client types on the client runtime (`tools/ynl`).

One Rust module, needing the `ynl` and `serde` crates, for any genetlink
spec (genetlink, genetlink-c, genetlink-legacy):

- the family's name, version and multicast groups; `definitions` as typed
  constants, enums and flags as newtypes over their value (a value the
  spec does not know is kept, and shown as its number), structs as Rust
  structs packed as the spec lists their members;
- `Cmd`, the commands userspace sends (and, for a directional family,
  `ReplyCmd`, the numbers the kernel answers with), and one attribute enum
  per root attribute set (`Attr` for the family's own set or a family's
  only one, `<Set>Attr` for the others), with their spec names;
- on each attribute enum, the spec's `checks:` as constants and check
  functions, which the request types call before sending;
- per do and dump, a request type (`<Op>Request`, `<Op>DumpRequest`):
  every field optional, since the kernel decides what it needs; nests in
  requests are `<Set>Nest` types, multi-attrs and arrays slices;
- typed replies (`<Op>Reply`, `<Op>DumpReply`), nests (named after their
  attribute set) and notifications (`Event`, tagged by name without
  `-ntf`), decoded in one pass over the attributes, borrowing strings and
  binaries from the receive buffer, serialisable as JSON with the spec's
  names.

Every reply attribute is optional (an `Option`, a `Vec` for multi-attrs
and arrays, a `bool` for a flag): the spec format does not say which
attributes a message always carries, and callers decide what they need.
An attribute that comes twice where the spec allows one is a decode error,
never a silent last-one-wins; attributes the spec does not know (from a
newer kernel) are skipped.

What the code shares across families (checks, scalars, arrays, structs,
bitfield32, JSON) is in the `ynl` crate, not in the generated text.
Anything the client cannot express is a SpecError naming the item.
"""

import re
import textwrap

from .spec import SpecError, camel, rust_str, rustfmt, snake, upper

INTS = {"u8": "u8", "u16": "u16", "u32": "u32", "u64": "u64",
        "s8": "i8", "s16": "i16", "s32": "i32", "s64": "i64"}
RANGES = {"u8": (0, (1 << 8) - 1), "u16": (0, (1 << 16) - 1), "u32": (0, (1 << 32) - 1),
          "u64": (0, (1 << 64) - 1), "usize": (0, (1 << 64) - 1),
          "i8": (-(1 << 7), (1 << 7) - 1), "i16": (-(1 << 15), (1 << 15) - 1),
          "i32": (-(1 << 31), (1 << 31) - 1), "i64": (-(1 << 63), (1 << 63) - 1)}
LEN_CHECKS = ("min-len", "max-len", "exact-len")
WIDTH = 100      # rustfmt's max_width
CALL_WIDTH = 60  # rustfmt's fn_call_width
SKIPPED = ("pad", "unused")
# Attributes of the tree's specs that come once per item, as their sets'
# docs draw it, without the `multi-attr: true` that says so: read as
# multi-attrs (a strict decoder would refuse the kernel's messages, YNL's
# libraries keep only the last item).
MULTI_FIXUPS = {("team", "item-option", "option"), ("team", "item-port", "port")}


def header(source):
    return ["// SPDX-License-Identifier: GPL-2.0",
            f"// Do not edit: generated from {source}",
            "// by tools/net/ynl/ynl-gen-rust.py --mode user."]


LIST_ITEM = re.compile(r"^\s*([-*]|\d+[.)])\s")


def doc(text, indent, summary=False):
    """A spec `doc` as `///` lines, rewrapped (only its first sentence
    with `summary`); list items stay items, their lines indented."""
    paras = []
    for para in (text or "").strip().split("\n\n"):
        items = []
        for line in para.split("\n"):
            if LIST_ITEM.match(line) or not items:
                items.append(line.strip())
            else:
                items[-1] += " " + line.strip()
        items = [" ".join(i.split()) for i in items if i.strip()]
        if items:
            paras.append(items)
    if summary and paras:
        first = paras[0][0]
        end = first.find(". ")
        paras = [[first if end < 0 else first[:end + 1]]]
    out = []
    width = WIDTH - len(indent) - 4
    for i, items in enumerate(paras):
        if i:
            out.append(f"{indent}///")
        for item in items:
            m = LIST_ITEM.match(item)
            hang = " " * len(m.group(0)) if m else ""
            lines = textwrap.wrap(item, width, subsequent_indent=hang, break_on_hyphens=False)
            # A wrapped line must not start a list or a heading by accident.
            lines = [ln if j == 0 or ln.startswith(hang + " ") or not (
                LIST_ITEM.match(ln) or ln.lstrip().startswith(("#", ">", "+")))
                else hang + "\\" + ln.lstrip() for j, ln in enumerate(lines)]
            out += [f"{indent}/// {line}" for line in lines]
    return out


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


# Attribute types, one class each (as ynl-gen-c has them). A type knows
# its Rust value type when decoded (`dty`, borrowing with lifetime 'a) and
# when put in a request (`rty`), how to decode it from `a` (a
# `ynl::Attr<'a>`), how to put a value `v` as attribute `id` into `req`,
# and how it shows in JSON.

class Type:
    def __init__(self, gen, attr):
        self.gen = gen
        self.attr = attr
        self.where = gen.where(attr)
        self.be = attr.yaml.get("byte-order") == "big-endian"

    def serde_one(self):
        return None

    def serde_all(self):
        return None

    def check(self):
        """The check function of a value, or None."""
        return self.gen.check_fn_of(self.attr)

    def copy(self):
        """Whether a request value is `Copy` (passed by value)."""
        return True


class TypeInt(Type):
    def __init__(self, gen, attr):
        super().__init__(gen, attr)
        self.rust = INTS[attr.type]
        self.newtype = gen.newtype_of(attr)

    def dty(self):
        return self.newtype or self.rust

    rty = dty

    def decode(self):
        raw = f"ynl::codec::scalar::<{self.rust}>(&a, {str(self.be).lower()})?"
        if self.newtype:
            conv = "" if self.rust == "u32" else "u32::from"
            return f"{self.newtype}({conv}({raw}))" if conv else f"{self.newtype}({raw})"
        return raw

    def put(self, v, id_):
        if self.newtype:
            v = f"{v}.0" if self.rust == "u32" else f"{v}.0 as {self.rust}"
        return f"ynl::codec::put_scalar::<{self.rust}>(req, {id_}, {v}, {str(self.be).lower()});"


class TypeAutoInt(Type):
    """`uint` / `sint`: 4 or 8 bytes on the wire, the fewest when put."""

    def dty(self):
        return "u64" if self.attr.type == "uint" else "i64"

    rty = dty

    def decode(self):
        return f"a.{self.attr.type}()?"

    def put(self, v, id_):
        return f"req.put_{self.attr.type}({id_}, {v});"


class TypeString(Type):
    borrows = True

    def dty(self):
        return "&'a str"

    rty = dty

    def decode(self):
        return "ynl::codec::string(&a)?"

    def put(self, v, id_):
        return f"req.put_str({id_}, {v});"


class TypeBinary(Type):
    borrows = True

    def dty(self):
        return "&'a [u8]"

    rty = dty

    def decode(self):
        return "a.bytes()"

    def put(self, v, id_):
        return f"req.put({id_}, {v});"

    def serde_one(self):
        return 'serialize_with = "ynl::json::hex_opt"'

    def serde_all(self):
        return 'serialize_with = "ynl::json::hex_all"'


class TypeBinaryStruct(Type):
    def __init__(self, gen, attr):
        super().__init__(gen, attr)
        self.struct = gen.struct_type(attr.yaml["struct"], self.where + "/struct")

    def dty(self):
        return self.struct

    rty = dty

    def decode(self):
        return f"ynl::codec::binary_struct::<{self.struct}>(&a)?"

    def put(self, v, id_):
        return f"ynl::codec::put_struct(req, {id_}, &{v});"


class TypeBinaryArray(Type):
    """A binary attribute holding an array of scalars (`sub-type`)."""

    def __init__(self, gen, attr):
        super().__init__(gen, attr)
        sub = attr.yaml["sub-type"]
        if sub not in INTS:
            raise SpecError(self.where + "/sub-type", f"{sub}: not supported in user mode")
        self.rust = INTS[sub]

    def dty(self):
        return f"Vec<{self.rust}>"

    def rty(self):
        return f"&'a [{self.rust}]"

    def decode(self):
        return f"ynl::codec::array::<{self.rust}>(&a, {str(self.be).lower()})?"

    def put(self, v, id_):
        return f"ynl::codec::put_array::<{self.rust}>(req, {id_}, {v}, {str(self.be).lower()});"


class TypeBitfield32(Type):
    def dty(self):
        return "ynl::Bitfield32"

    rty = dty

    def decode(self):
        return "ynl::codec::bitfield32(&a)?"

    def put(self, v, id_):
        return f"ynl::codec::put_bitfield32(req, {id_}, {v});"


class TypeNest(Type):
    def __init__(self, gen, attr):
        super().__init__(gen, attr)
        self.set_name = attr.yaml["nested-attributes"]

    def dty(self):
        return self.gen.decoded_type(self.set_name)

    def rty(self):
        return self.gen.nest_type(self.set_name)

    def decode(self):
        return f"ynl::Decode::decode(a.nested())?"

    def put(self, v, id_):
        return (f"{{ let n = req.nest_start({id_}); "
                f"ynl::Encode::encode({v}, req); req.nest_end(n); }}")

    def copy(self):
        return False


class TypeIndexedArray(Type):
    """`indexed-array`: a nest of entries typed by their index, each of
    `sub-type` (a nest of a set, or a scalar)."""

    def __init__(self, gen, attr):
        super().__init__(gen, attr)
        self.sub = attr.yaml.get("sub-type")
        if self.sub == "nest":
            self.set_name = attr.yaml["nested-attributes"]
        elif self.sub not in INTS and self.sub not in ("binary",):
            raise SpecError(self.where + "/sub-type", f"{self.sub}: not supported in user mode")

    def elem_dty(self):
        if self.sub == "nest":
            return self.gen.decoded_type(self.set_name)
        return "&'a [u8]" if self.sub == "binary" else INTS[self.sub]

    def dty(self):
        return f"Vec<{self.elem_dty()}>"

    def rty(self):
        if self.sub == "nest":
            return f"&'a [{self.gen.nest_type(self.set_name)}]"
        return f"&'a [{self.elem_dty()}]"

    def decode(self):
        if self.sub == "nest":
            elem = "ynl::Decode::decode(a.nested())"
        elif self.sub == "binary":
            elem = "Ok(a.bytes())"
        else:
            elem = f"ynl::codec::scalar::<{INTS[self.sub]}>(a, {str(self.be).lower()})"
        return f"ynl::codec::indexed(&a, |a| {elem})?"

    def put(self, v, id_):
        if self.sub == "nest":
            each = ("let e = req.nest_start(i); ynl::Encode::encode(x, req); req.nest_end(e);")
        elif self.sub == "binary":
            each = "req.put(i, x);"
        else:
            each = f"ynl::codec::put_scalar::<{INTS[self.sub]}>(req, i, *x, {str(self.be).lower()});"
        return (f"{{ let n = req.nest_start({id_}); "
                f"for (i, x) in (0u16..).zip({v}.iter()) {{ {each} }} req.nest_end(n); }}")

    def serde_all(self):
        return 'serialize_with = "ynl::json::hex_all"' if self.sub == "binary" else None

    def copy(self):
        return True


class TypeNestTypeValue(Type):
    """`nest-type-value`: nests whose attribute types are values
    (`type-value` lists what each level's type means), down to a nest of
    `nested-attributes`: decoded as `(type, ...)` pairs, level by level."""

    def __init__(self, gen, attr):
        super().__init__(gen, attr)
        self.set_name = attr.yaml["nested-attributes"]
        self.levels = len(attr.yaml.get("type-value", [])) or 1

    def dty(self):
        inner = self.gen.decoded_type(self.set_name)
        for _ in range(self.levels):
            inner = f"Vec<(u16, {inner})>"
        return inner

    def rty(self):
        raise SpecError(self.where, "nest-type-value in a request: not supported in user mode")

    def decode(self):
        inner = "ynl::Decode::decode(a.nested())"
        for _ in range(self.levels - 1):
            inner = f"ynl::codec::type_value(a, |a| {inner})"
        return f"ynl::codec::type_value(&a, |a| {inner})?"


class TypeFlag(Type):
    def dty(self):
        return "bool"

    def decode(self):
        return "true"

    rty = dty

    def check(self):
        return None


def attr_type(gen, attr):
    """The Type of attribute `attr`."""
    t, y = attr.type, attr.yaml
    if y.get("sub-message"):
        raise SpecError(gen.where(attr) + "/sub-message", "not supported in user mode")
    if t in INTS:
        return TypeInt(gen, attr)
    if t in ("uint", "sint"):
        return TypeAutoInt(gen, attr)
    if t == "string":
        return TypeString(gen, attr)
    if t == "binary":
        if y.get("struct"):
            return TypeBinaryStruct(gen, attr)
        if y.get("sub-type"):
            return TypeBinaryArray(gen, attr)
        return TypeBinary(gen, attr)
    if t == "flag":
        return TypeFlag(gen, attr)
    if t == "bitfield32":
        return TypeBitfield32(gen, attr)
    if t == "nest":
        if y.get("type-value"):
            return TypeNestTypeValue(gen, attr)
        return TypeNest(gen, attr)
    if t == "nest-type-value":
        return TypeNestTypeValue(gen, attr)
    if t == "indexed-array":
        return TypeIndexedArray(gen, attr)
    raise SpecError(gen.where(attr), f"type {t} is not supported in user mode")


class Gen:
    """The generator of one spec's module: `render()` gives its text."""

    def __init__(self, spec):
        self.spec = spec
        self.fam = spec.family
        self.out = []
        self.types = {}       # Rust type name -> the spec item it is for
        self.decoded = {}     # set name -> its decoded struct's name
        self.nests = {}       # set name -> its request nest's name
        self.structs = {}     # definition name -> struct name
        self.pending = []     # (kind, set name) still to render
        self.newtypes = {}    # definition name -> newtype name
        self.checked = {}     # (root set, attr) -> check fn path
        self.requests = {}    # (op, mode) -> (request type, its anonymous lifetime)
        for fam, set_name, attr in MULTI_FIXUPS:
            if fam == self.fam.name and attr in self.fam.attr_sets.get(set_name, {}).attrs:
                self.fam.attr_sets[set_name].attrs[attr].is_multi = True

    def p(self, *lines):
        self.out += lines

    def type_name(self, name, item):
        if name in self.types:
            raise SpecError(item, f"its Rust type {name} is also {self.types[name]}'s")
        self.types[name] = item
        return name

    def free_name(self, bases, item):
        """The first of `bases` no other type has."""
        for name in bases:
            if name not in self.types:
                return self.type_name(name, item)
        raise SpecError(item, f"its Rust type {bases[0]} is also {self.types[bases[0]]}'s")

    # Names.

    def ident(self, name, item):
        """A CamelCase Rust name for a spec name."""
        ident = camel(name)
        if ident and ident[0].isdigit():
            ident = "N" + ident
        if not ident.isidentifier() or ident == "Self":
            raise SpecError(item, f"{name!r} makes no Rust name")
        return ident

    def field(self, name, item):
        """A snake_case field name (`r#type` for a keyword)."""
        ident = snake(name)
        bare = ident.removeprefix("r#")
        if bare and bare[0].isdigit():
            ident = bare = "n" + bare
        if not bare.isidentifier() or bare in ("self", "super", "crate", "_"):
            raise SpecError(item, f"{name!r} makes no Rust field name")
        return ident

    def const_name(self, name, item):
        ident = upper(name)
        if ident and ident[0].isdigit():
            ident = "N" + ident
        if not ident.isidentifier():
            raise SpecError(item, f"{name!r} makes no Rust constant name")
        return ident

    def where(self, attr):
        return f"attribute-sets/{attr.attr_set.name}/{attr.name}"

    def enum_of_set(self, attr_set):
        real = self.spec.real_set(attr_set)
        if real.name == self.fam.name or len(self.spec.root_sets()) == 1:
            return "Attr"
        return self.ident(real.name, f"attribute-sets/{real.name}") + "Attr"

    def attr_id(self, attr):
        real = self.spec.real_set(attr.attr_set)
        root = real.attrs[attr.name]
        return (f"u16::from({self.enum_of_set(attr.attr_set)}::"
                f"{self.ident(root.name, self.where(root))})")

    def root_attr(self, attr):
        return self.spec.real_set(attr.attr_set).attrs[attr.name]

    # Definitions.

    def newtype_of(self, attr):
        """The enum or flags newtype an integer attribute takes (None for a
        plain integer)."""
        name = attr.yaml.get("enum")
        if name is None or attr.type not in ("u8", "u16", "u32"):
            return None
        e = self.fam.consts.get(name)
        if e is None or e.get("type") not in ("enum", "flags"):
            raise SpecError(self.where(attr) + "/enum", f"{name!r} names no enum")
        if attr.yaml.get("enum-as-flags") and e["type"] == "enum":
            return None  # a mask of the enum's bits: a plain integer
        return self.newtypes[name]

    def struct_type(self, name, item):
        if name not in self.structs:
            d = self.fam.consts.get(name)
            if d is None or d.get("type") != "struct":
                raise SpecError(item, f"{name!r} names no struct definition")
            raise SpecError(item, f"{name!r}: struct not rendered")
        return self.structs[name]

    def const_types(self):
        """Each constant's Rust type: what the checks naming it need."""
        uses = {}
        for attr_set in self.spec.root_sets():
            for attr in attr_set.attrs.values():
                for check, raw in attr.yaml.get("checks", {}).items():
                    name = self.spec.const_name(raw) if isinstance(raw, str) else None
                    if name and check != "flags-mask":
                        rtype = "usize" if check in LEN_CHECKS else INTS.get(attr.type)
                        if rtype:
                            uses.setdefault(name, set()).add(rtype)
        types = {}
        for name, c in self.fam.consts.items():
            if c.get("type") != "const" or not isinstance(c.get("value"), int):
                continue
            where = f"definitions/{name}"
            used = uses.get(name, set())
            types[name] = used.pop() if len(used) == 1 else natural_type(c["value"], where)
            fits(c["value"], types[name], where)
        return types

    def render_consts(self):
        self.p("/// The family's name in nlctrl.",
               f'pub const FAMILY_NAME: &str = "{self.fam.name}";',
               "/// The version the client speaks.",
               f"pub const FAMILY_VERSION: u8 = {self.spec.version};")
        for g in self.fam.yaml.get("mcast-groups", {}).get("list", []):
            item = f"mcast-groups/{g['name']}"
            self.p(*(doc(g.get("doc"), "") or [f"/// Multicast group `{g['name']}`."]),
                   f'pub const GROUP_{self.const_name(g["name"], item)}: &str = "{g["name"]}";')
        self.p("")
        # Names first: structs and attributes refer to them.
        for name, c in self.fam.consts.items():
            where = f"definitions/{name}"
            if c.get("type") in ("enum", "flags"):
                self.newtypes[name] = self.type_name(self.ident(name, where), where)
            elif c.get("type") == "struct":
                self.structs[name] = self.type_name(self.ident(name, where), where)
        for name, c in self.fam.consts.items():
            where = f"definitions/{name}"
            kind = c.get("type")
            if kind == "const":
                value = c.get("value")
                if value is None:
                    continue  # a value taken from a C header the spec does not give
                rtype = self.const_type.get(name, "&str")
                if isinstance(value, str):
                    value = rust_str(value)
                self.p(*(doc(c.get("doc"), "") or [f"/// `{name}`."]),
                       f"pub const {self.const_name(name, where)}: {rtype} = {value};", "")
            elif kind in ("enum", "flags"):
                self.render_newtype(name, c)
            elif kind == "struct":
                self.render_struct_def(name, c)

    def render_newtype(self, name, e):
        where = f"definitions/{name}"
        ty = self.newtypes[name]
        flags = e["type"] == "flags"
        self.p(*doc(f"{'Flags' if flags else 'Enum'} `{name}`"
                    + (f": {e['doc']}" if e.get("doc") else "."), ""),
               "#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]",
               f"pub struct {ty}(pub u32);", "", f"impl {ty} {{")
        names = []
        for entry in e.entries.values():
            item = f"{where}/{entry.name}"
            value = entry.user_value(as_flags=flags) if flags else entry.user_value()
            fits(value, "u32", item)
            c = self.const_name(entry.name, item)
            if c in [n for n, _, _ in names]:
                raise SpecError(item, f"another entry is also {c}")
            names.append((c, value, entry.name))
            self.p(*doc(entry.yaml.get("doc"), "    ") or [f"    /// `{entry.name}`."],
                   f"    pub const {c}: Self = Self({value});")
        what = "bit" if flags else "value"
        if names:
            self.p("")
        self.p(f"    /// The spec's name of {what} `v` (`None` for one it does not know).",
               "    pub fn name_of(v: u32) -> Option<&'static str> {")
        if names:
            self.p("        match v {")
            seen = set()
            for _, value, spec_name in names:
                if value not in seen:
                    seen.add(value)
                    self.p(f'            {value} => Some("{spec_name}"),')
            self.p("            _ => None,", "        }")
        else:
            self.p("        let _ = v;", "        None")
        self.p("    }", "}", "",
               f"impl std::str::FromStr for {ty} {{",
               "    type Err = ynl::CheckError;", "",
               f"    /// A {what} by its name in the spec, or its number.",
               "    fn from_str(v: &str) -> Result<Self, ynl::CheckError> {",
               f"        ynl::codec::enum_from_str(v, Self::name_of, &[{', '.join(sorted({str(x) for _, x, _ in names}, key=int))}])",
               "            .map(Self)",
               f'            .ok_or_else(|| ynl::CheckError(format!("{{v:?}} is no {what} of {name}")))',
               "    }", "}", "",
               f"impl serde::Serialize for {ty} {{",
               "    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {")
        if flags:
            self.p("        ynl::json::flags(self.0.into(), |b| Self::name_of(b as u32), s)")
        else:
            self.p("        ynl::json::enum_value(Self::name_of(self.0), self.0.into(), s)")
        self.p("    }", "}", "")

    def render_struct_def(self, name, d):
        where = f"definitions/{name}"
        ty = self.structs[name]
        fields, size = [], 0
        for m in d.yaml.get("members", []):
            item = f"{where}/{m['name']}"
            be = str(m.get("byte-order") == "big-endian").lower()
            if m["type"] == "pad":
                fields.append((None, m["len"], None, None))
            elif m["type"] in INTS:
                fields.append((self.field(m["name"], item), None, INTS[m["type"]], be))
            elif m["type"] == "binary" and isinstance(m.get("len"), int):
                fields.append((self.field(m["name"], item), m["len"], None, None))
            else:
                raise SpecError(item, f"a struct member of type {m['type']}: not supported "
                                "in user mode")
        # (std has Default for arrays of at most 32 elements.)
        small = all(n is None or n <= 32 for f, n, _, _ in fields if f is not None)
        self.p(*doc(f"Struct `{name}`" + (f": {d.yaml['doc']}" if d.yaml.get("doc") else "."),
                    ""),
               "#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize"
               + (", Default)]" if small else ")]"),
               f"pub struct {ty} {{")
        for (f, n, rust, _), m in zip(fields, d.yaml.get("members", [])):
            if f is None:
                continue
            if f != m["name"]:
                self.p(f'    #[serde(rename = "{m["name"]}")]')
            if rust:
                self.p(f"    pub {f}: {rust},")
            else:
                self.p('    #[serde(serialize_with = "ynl::json::hex")]', f"    pub {f}: [u8; {n}],")
        self.p("}", "")
        if not small:
            self.p(f"impl Default for {ty} {{", "    fn default() -> Self {", "        Self {")
            for f, n, rust, _ in fields:
                if f is not None:
                    self.p(f"            {f}: {'0' if rust else f'[0; {n}]'},")
            self.p("        }", "    }", "}", "")
        self.p(f"impl ynl::codec::Struct for {ty} {{")
        for f, n, rust, _ in fields:
            size += n if n is not None else int(rust[1:]) // 8
        self.p(f"    const SIZE: usize = {size};", "",
               "    fn from_bytes(b: &[u8]) -> Self {")
        self.p("        let mut at = 0;" if fields else "        let _ = b;")
        for f, n, rust, be in fields:
            if f is None:
                self.p(f"        at += {n};")
            elif rust:
                self.p(f"        let {f} = ynl::codec::member::<{rust}>(b, &mut at, {be});")
            else:
                self.p(f"        let {f} = ynl::codec::member_bytes::<{n}>(b, &mut at);")
        if fields:
            self.p("        let _ = at;")
        names = [f for f, _, _, _ in fields if f is not None]
        self.p(f"        Self {{ {', '.join(names)} }}" if names else "        Self {}", "    }", "",
               "    fn put_bytes(&self, out: &mut Vec<u8>) {")
        if not fields:
            self.p("        let _ = out;")
        for f, n, rust, be in fields:
            if f is None:
                self.p(f"        out.extend_from_slice(&[0; {n}]);")
            elif rust:
                self.p(f"        ynl::codec::Scalar::put_bytes(self.{f}, out, {be});")
            else:
                self.p(f"        out.extend_from_slice(&self.{f});")
        self.p("    }", "}", "")

    # Numbers: commands and attributes.

    def render_number_enum(self, ty, repr_, variants, what):
        """An enum of the spec's numbers, with a variant for numbers it
        does not know, conversions both ways and the spec's names."""
        start = len(self.out)
        self.p(f"/// {what}",
               "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]",
               f"pub enum {ty} {{")
        for v, _, _, d in variants:
            self.p(*d, f"    {v},")
        self.p(f"    /// A number the spec does not know.",
               f"    Unrecognized({repr_}),", "}", "",
               f"impl From<{ty}> for {repr_} {{",
               f"    fn from(v: {ty}) -> Self {{", "        match v {")
        for v, value, _, _ in variants:
            self.p(f"            {ty}::{v} => {value},")
        self.p(f"            {ty}::Unrecognized(n) => n,", "        }", "    }", "}", "",
               f"impl From<{repr_}> for {ty} {{",
               f"    fn from(n: {repr_}) -> Self {{", "        match n {")
        seen = set()
        for v, value, _, _ in variants:
            if value not in seen:
                seen.add(value)
                self.p(f"            {value} => {ty}::{v},")
        self.p(f"            n => {ty}::Unrecognized(n),", "        }", "    }", "}", "",
               f"impl {ty} {{",
               "    /// Its name in the spec (`None` for a number the spec does not know).",
               "    pub fn spec_name(self) -> Option<&'static str> {",
               "        match self {")
        for v, _, name, _ in variants:
            self.p(f'            {ty}::{v} => Some("{name}"),')
        self.p(f"            {ty}::Unrecognized(_) => None,", "        }", "    }", "}", "")
        if not variants:  # (a set with no attributes: one arm each)
            text = "\n".join(self.out[start:])
            text = text.replace(f"        match v {{\n            {ty}::Unrecognized(n) => n,\n        }}",
                                f"        let {ty}::Unrecognized(n) = v;\n        n")
            text = text.replace(f"        match n {{\n            n => {ty}::Unrecognized(n),\n        }}",
                                f"        {ty}::Unrecognized(n)")
            text = text.replace(f"        match self {{\n            {ty}::Unrecognized(_) => None,\n"
                                "        }", "        let _ = self;\n        None")
            self.out[start:] = text.split("\n")

    def render_cmds(self):
        def variants(by_value):
            out = []
            for value, op in sorted(by_value.items()):
                item = f"operations/{op.name}"
                fits(value, "u8", item)
                out.append((self.ident(op.name, item), value, op.name,
                            doc(op.yaml.get("doc"), "    ", summary=True)))
            return out
        if self.spec.directional:
            self.render_number_enum("Cmd", "u8", variants(self.fam.req_by_value),
                                    "The commands userspace sends (requests' numbers).")
            self.render_number_enum("ReplyCmd", "u8", variants(self.fam.rsp_by_value),
                                    "The commands of the kernel's replies and notifications.")
        else:
            self.render_number_enum("Cmd", "u8", variants(
                {op.value: op for op in self.fam.msgs.values()}),
                "Commands and notifications (one numbering, as in the spec).")

    def render_attrs(self):
        for attr_set in self.spec.root_sets():
            ty = self.type_name(self.enum_of_set(attr_set), f"attribute-sets/{attr_set.name}")
            subs = [s.name for s in self.fam.attr_sets.values() if s.subset_of == attr_set.name]
            note = f" (`{'`, `'.join(subs)}`: subsets of it)" if subs else ""
            variants = []
            for attr in attr_set.attrs.values():
                fits(attr.value, "u16", self.where(attr))
                variants.append((self.ident(attr.name, self.where(attr)), attr.value, attr.name,
                                 doc(attr.yaml.get("doc"), "    ", summary=True)))
            self.render_number_enum(ty, "u16", variants, f"Attribute set `{attr_set.name}`{note}.")
            self.render_checks(attr_set, ty)

    # Checks: the spec's limits, before sending.

    def limit(self, attr, check, rtype):
        """A check's value as Rust: the constant's name if the spec names
        one, else the number; checked to fit `rtype`."""
        value = self.spec.limit(attr, check)
        where = f"{self.where(attr)}/checks/{check}"
        fits(value, rtype, where)
        raw = attr.yaml["checks"][check]
        name = self.spec.const_name(raw) if isinstance(raw, str) else None
        if name and name in self.const_type:
            c = self.const_name(name, where)
            return c if self.const_type[name] == rtype else f"{c} as {rtype}"
        return str(value)

    def mask_of(self, attr):
        """The flags definition bounding integer `attr` (as the kernel's
        policy masks it), or None."""
        checks = attr.yaml.get("checks", {})
        if "flags-mask" in checks:
            name = checks["flags-mask"]
        elif attr.yaml.get("enum") and (attr.yaml.get("enum-as-flags") or self.fam.consts.get(
                attr.yaml["enum"], {}).get("type") == "flags"):
            name = attr.yaml["enum"]
        else:
            return None
        flags = self.fam.consts.get(name)
        if flags is None or flags.get("type") not in ("flags", "enum"):
            raise SpecError(self.where(attr), f"{name!r} names no flags definition")
        return flags

    def check_fn_of(self, attr):
        return self.checked.get((self.spec.real_set(attr.attr_set).name, attr.name))

    def render_checks(self, attr_set, ty):
        """`ty`'s limit constants and check functions: one per attribute
        the kernel's policy bounds, and per string (it cannot hold a NUL).
        Checks the client cannot run before sending are left to the
        kernel."""
        body = []
        for attr in attr_set.attrs.values():
            t, where = attr.type, self.where(attr)
            checks = attr.yaml.get("checks", {})
            newtype = self.newtype_of(attr) if t in INTS else None
            up = self.const_name(attr.name, where)
            rtype = "u32" if newtype else INTS.get(t, {"uint": "u64", "sint": "i64"}.get(t, "usize"))
            flags = self.mask_of(attr) if t in INTS or t == "uint" else None
            if t in INTS or t in ("uint", "sint"):
                bounds = [c for c in ("min", "max") if c in checks]
                if flags is not None and bounds:
                    bounds = []
                if newtype and not flags:
                    bounds = []  # an enum's values are the kernel's to check
            elif t == "binary" and not attr.yaml.get("struct") and not attr.yaml.get("sub-type"):
                bounds = [c for c in LEN_CHECKS if c in checks]
            elif t == "string":
                bounds = [c for c in ("max-len",) if c in checks]
            else:
                continue
            if not bounds and not flags and t != "string":
                continue
            body.append("")
            for check in bounds:
                body += [f"    /// `{attr.name}`'s `{check}`.",
                         f"    pub const {up}_{upper(check)}: {rtype} = "
                         f"{self.limit(attr, check, rtype)};"]
            if flags:
                mask = flags.get_mask(as_flags=True)
                if not RANGES[rtype][0] <= mask <= RANGES[rtype][1]:
                    raise SpecError(f"{where}/checks", f"mask {mask:#x} does not fit a {rtype}")
                body += [f"    /// `{attr.name}`'s known flags (`{flags.name}`).",
                         f"    pub const {up}_MASK: {rtype} = {mask:#x};"]
            arg = {"string": "&str", "binary": "&[u8]"}.get(t, newtype or rtype)
            bound = {c: f"Some(Self::{up}_{upper(c)})" if c in bounds else "None"
                     for c in ("min", "max", "min-len", "max-len")}
            if "exact-len" in bounds:
                bound["min-len"] = bound["max-len"] = f"Some(Self::{up}_EXACT_LEN)"
            name = f'"{attr.name}"'
            v = "v.0" if newtype else "v"
            if t == "string":
                helper, args = "check_str", [name, "v", bound["max-len"]]
            elif t == "binary":
                helper, args = "check_len", [name, "v.len()", bound["min-len"], bound["max-len"]]
            elif flags:
                into = "" if rtype == "u64" else ".into()"
                helper, args = "check_mask", [name, f"{v}{into}", f"Self::{up}_MASK{into}"]
            else:
                helper, args = "check_range", [name, v, bound["min"], bound["max"]]
            fn = "check_" + up.lower()
            body += [f"    /// Checks `{attr.name}` as the kernel's policy will.",
                     f"    pub fn {fn}(v: {arg}) -> Result<(), ynl::CheckError> {{",
                     f"        ynl::codec::{helper}({', '.join(args)})",
                     "    }"]
            self.checked[(attr_set.name, attr.name)] = f"{ty}::{fn}"
        if body:
            self.p(f"impl {ty} {{", *body[1:], "}", "")

    # Which types hold borrowed data, and which nests recurse.

    def set_attrs(self, set_name):
        attr_set = self.fam.attr_sets[set_name]
        return [a for a in attr_set.attrs.values() if a.type not in SKIPPED]

    def nested_sets(self, attr):
        t = attr_type(self, attr)
        return [t.set_name] if hasattr(t, "set_name") else []

    def compute_sets(self):
        """Which sets' types borrow ('a), and which nest fields need a Box
        (their set contains, at some depth, the set holding them)."""
        borrows = {}
        changed = True
        for name in self.fam.attr_sets:
            borrows[name] = False
        while changed:
            changed = False
            for name in self.fam.attr_sets:
                if borrows[name]:
                    continue
                for a in self.set_attrs(name):
                    t = attr_type(self, a)
                    sub = getattr(t, "set_name", None)
                    own = isinstance(t, (TypeString, TypeBinary)) or (
                        isinstance(t, TypeIndexedArray) and t.sub == "binary")
                    if own or (sub and borrows[sub]):
                        borrows[name] = changed = True
                        break
        self.borrows = borrows
        # In a request, multi-attrs and arrays are slices the caller lends.
        req = {name: False for name in self.fam.attr_sets}
        changed = True
        while changed:
            changed = False
            for name in self.fam.attr_sets:
                if req[name]:
                    continue
                for a in self.set_attrs(name):
                    t = attr_type(self, a)
                    sub = getattr(t, "set_name", None)
                    own = a.is_multi or isinstance(t, (TypeString, TypeBinary, TypeBinaryArray,
                                                       TypeIndexedArray))
                    if own or (sub and req[sub]):
                        req[name] = changed = True
                        break
        self.req_borrows = req
        reach = {n: set(s for a in self.set_attrs(n) for s in self.nested_sets(a))
                 for n in self.fam.attr_sets}
        changed = True
        while changed:
            changed = False
            for n in reach:
                more = set().union(*(reach[s] for s in reach[n])) - reach[n]
                if more:
                    reach[n] |= more
                    changed = True
        self.reach = reach

    def lifetime(self, set_name):
        return "<'a>" if self.borrows[set_name] else ""

    def decoded_type(self, set_name):
        if set_name not in self.decoded:
            item = f"attribute-sets/{set_name}"
            base = self.ident(set_name, item)
            self.decoded[set_name] = self.free_name([base, base + "Attrs", base + "Nested"], item)
            self.pending.append(("decoded", set_name))
        return self.decoded[set_name] + self.lifetime(set_name)

    def nest_type(self, set_name):
        if set_name not in self.nests:
            item = f"attribute-sets/{set_name} (in a request)"
            base = self.ident(set_name, item)
            self.nests[set_name] = self.free_name([base + "Nest", base + "NestRequest"], item)
            self.pending.append(("nest", set_name))
        return self.nests[set_name] + self.req_lifetime(set_name)

    def req_lifetime(self, set_name):
        return "<'a>" if self.req_borrows[set_name] else ""

    # Fields.

    def fields(self, attrs, owner_set, item):
        """(attr, field name, Type) of `attrs`, with each nest's Box-ing
        decided against `owner_set`."""
        out, seen = [], set()
        for attr in attrs:
            if attr.type in SKIPPED:
                continue
            f = self.field(attr.name, f"{item}/{attr.name}")
            if f in seen:
                raise SpecError(f"{item}/{attr.name}", f"another attribute is also field {f}")
            seen.add(f)
            t = attr_type(self, attr)
            t.boxed = (isinstance(t, TypeNest) and owner_set is not None
                       and owner_set in self.reach.get(t.set_name, set()) | {t.set_name})
            out.append((attr, f, t))
        return out

    def serde_attrs(self, attr, f, t, kind):
        """The `#[serde(...)]` of a field: its spec name, skipped when
        absent, binaries as text and hex."""
        parts = []
        if f.removeprefix("r#") != attr.name:
            parts.append(f'rename = "{attr.name}"')
        multi = kind == "all"
        if kind == "flag":
            parts.append('skip_serializing_if = "std::ops::Not::not"')
        elif multi:
            parts.append('skip_serializing_if = "Vec::is_empty"')
            if t.serde_all():
                parts.append(t.serde_all())
        else:
            parts.append('skip_serializing_if = "Option::is_none"')
            if t.serde_one():
                parts.append(t.serde_one())
        return [f"    #[serde({', '.join(parts)})]"] if parts else []

    def decoded_kind(self, attr, t):
        if isinstance(t, TypeFlag):
            return "flag"
        if attr.is_multi or isinstance(t, (TypeIndexedArray, TypeNestTypeValue, TypeBinaryArray)):
            return "all" if attr.is_multi or not isinstance(t, TypeBinaryArray) else "one"
        return "one"

    def render_decoded(self, name, lifetime, fields, docs, what):
        """A decoded message or nest: its struct and its `ynl::Decode`."""
        self.p(*docs,
               "#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]",
               f"pub struct {name}{lifetime} {{")
        for attr, f, t in fields:
            kind = self.decoded_kind(attr, t)
            ty = t.dty()
            if getattr(t, "boxed", False):
                ty = f"Box<{ty}>"
            if kind == "flag":
                full = "bool"
            elif kind == "all" and attr.is_multi:
                full = f"Vec<{ty}>"
            elif kind == "all":
                full = ty  # a Vec already
            else:
                full = f"Option<{ty}>"
            self.p(*doc(attr.yaml.get("doc"), "    ", summary=True)
                   or [f"    /// `{attr.name}`."],
                   *self.serde_attrs(attr, f, t, kind),
                   f"    pub {f}: {full},")
        self.p("}", "")
        self.p(f"impl<'a> ynl::Decode<'a> for {name}{lifetime} {{",
               f"    /// Decodes the attributes of {what}.",
               "    fn decode(attrs: ynl::Attrs<'a>) -> Result<Self, ynl::DecodeError> {")
        if not fields:
            self.p("        for a in attrs {", "            a?;", "        }",
                   "        Ok(Self::default())", "    }", "}", "")
            return
        self.p("        let mut out = Self::default();",
               "        for a in attrs {", "            let a = a?;")
        if len(fields) == 1:  # (clippy: no match for one value)
            self.p(f"            if a.ty() == {self.root_attr(fields[0][0]).value} {{")
        else:
            self.p("            match a.ty() {")
        for attr, f, t in fields:
            kind = self.decoded_kind(attr, t)
            value = t.decode()
            if getattr(t, "boxed", False):
                value = f"Box::new({value})"
            if kind == "flag":
                stmt = f"out.{f} = true"
            elif kind == "all" and attr.is_multi:
                stmt = f"out.{f}.push({value})"
            elif kind == "all":
                stmt = f"ynl::codec::once_vec(&mut out.{f}, &a, {value})?"
            else:
                stmt = f"ynl::codec::once(&mut out.{f}, &a, {value})?"
            # A number, not a guard on the enum: one jump, not a chain of
            # comparisons (a reply decodes its op's whole set).
            if len(fields) == 1:
                self.p(f"                // `{attr.name}`", f"                {stmt};")
                continue
            self.p(f"                // `{attr.name}`",
                   f"                {self.root_attr(attr).value} => {{",
                   f"                    {stmt};", "                }")
        if len(fields) > 1:
            self.p("                _ => {}")
        self.p("            }", "        }", "        Ok(out)", "    }", "}", "")

    def render_request_type(self, name, lifetime, fields, docs, cmd, header_ty):
        """A request or request nest: its struct and its `ynl::Encode`."""
        copy = all(t.copy() for _, _, t in fields) and header_ty is None
        derive = "Debug, Clone, Copy, Default, PartialEq" if copy else "Debug, Clone, Default, PartialEq"
        self.p(*docs, f"#[derive({derive})]", f"pub struct {name}{lifetime} {{")
        if header_ty:
            self.p("    /// The fixed header.", f"    pub header: {header_ty},")
        for attr, f, t in fields:
            ty = t.rty()
            if getattr(t, "boxed", False):
                ty = f"Box<{ty}>"
            if isinstance(t, TypeFlag):
                full = "bool"
            elif attr.is_multi:
                full = f"&'a [{ty}]"
            elif isinstance(t, (TypeIndexedArray, TypeBinaryArray)):
                full = ty
            else:
                full = f"Option<{ty}>"
            self.p(*doc(attr.yaml.get("doc"), "    ", summary=True) or [f"    /// `{attr.name}`."],
                   f"    pub {f}: {full},")
        self.p("}", "")
        anon = "<'_>" if lifetime else ""
        if cmd:
            self.p(f"impl {name}{anon} {{", "    /// The command it sends.",
                   f"    pub const CMD: Cmd = Cmd::{cmd};", "}", "")
            self.render_from_args(name, lifetime, fields)
        self.p(f"impl ynl::Encode for {name}{anon} {{",
               "    fn check(&self) -> Result<(), ynl::CheckError> {")
        for attr, f, t in fields:
            fn = t.check()
            if isinstance(t, (TypeNest,)):
                fn = "ynl::Encode::check"
                call = "        {}(v)?;"
            else:
                call = "        {}(v)?;"
            if fn is None or isinstance(t, (TypeIndexedArray, TypeBinaryArray, TypeFlag)):
                continue
            if attr.is_multi:
                pat = "&v" if t.copy() else "v"
                self.p(f"        for {pat} in self.{f} {{", "    " + call.format(fn), "        }")
            elif t.copy():
                self.p(f"        if let Some(v) = self.{f} {{", "    " + call.format(fn), "        }")
            else:
                self.p(f"        if let Some(v) = &self.{f} {{", "    " + call.format(fn), "        }")
        self.p("        Ok(())", "    }", "",
               "    fn encode(&self, req: &mut ynl::Request) {")
        if header_ty:
            self.p("        let mut header = Vec::new();",
                   "        ynl::codec::Struct::put_bytes(&self.header, &mut header);",
                   "        req.fixed_header(&header);")
        if not fields:
            self.p("        let _ = req;")
        for attr, f, t in fields:
            id_ = self.attr_id(attr)
            if isinstance(t, TypeFlag):
                self.p(f"        req.put_flag({id_}, self.{f});")
            elif attr.is_multi:
                pat = "&v" if t.copy() and not isinstance(t, TypeIndexedArray) else "v"
                self.p(f"        for {pat} in self.{f} {{", f"            {t.put('v', id_)}", "        }")
            elif isinstance(t, (TypeIndexedArray, TypeBinaryArray)):
                self.p(f"        if !self.{f}.is_empty() {{",
                       f"            {t.put(f'self.{f}', id_)}", "        }")
            elif t.copy():
                self.p(f"        if let Some(v) = self.{f} {{", f"            {t.put('v', id_)}",
                       "        }")
            else:
                self.p(f"        if let Some(v) = &self.{f} {{", f"            {t.put('v', id_)}",
                       "        }")
        self.p("    }", "}", "")

    def render_from_args(self, name, lifetime, fields):
        """`from_args`: the request from `name=value` pairs in the spec's
        words (a command line's): integers, enums, strings and flags; the
        other attributes are set in code."""
        lt = "'a" if lifetime else "'_"
        impl = f"impl<'a> {name}<'a>" if lifetime else f"impl {name}"
        arms = []
        for attr, f, t in fields:
            if attr.is_multi:
                continue
            if isinstance(t, TypeFlag):
                arms.append((attr.name, f"req.{f} = ynl::codec::parse_flag(name, v)?"))
            elif isinstance(t, TypeString):
                arms.append((attr.name, f"req.{f} = Some(v)"))
            elif isinstance(t, (TypeInt, TypeAutoInt)):
                arms.append((attr.name, f"req.{f} = Some(ynl::codec::parse(name, v)?)"))
        self.p(f"{impl} {{",
               "    /// The request from `name=value` pairs, in the spec's words: integers",
               "    /// (decimal or `0x` hex), enums (name or number), strings and flags;",
               "    /// set the other attributes in code.",
               f"    pub fn from_args(args: &[(&{lt} str, &{lt} str)]) -> Result<Self, ynl::CheckError> {{")
        if not arms:
            self.p("        if let Some((name, _)) = args.first() {",
                   '            return Err(ynl::CheckError(format!("{name}: not settable as text")));',
                   "        }", "        Ok(Self::default())", "    }", "}", "")
            return
        self.p("        let mut req = Self::default();",
               "        for &(name, v) in args {", "            match name {")
        for spec_name, stmt in arms:
            self.p(f'                "{spec_name}" => {stmt},')
        self.p('                _ => return Err(ynl::CheckError(format!("{name}: not settable as text"))),',
               "            }", "        }", "        Ok(req)", "    }", "}", "")

    # Messages.

    def op_attrs(self, op, mode, what):
        """The attributes of op's `mode` `what` (request, reply...), in the
        spec's order, without pads."""
        section = op.yaml[mode] if what is None else (op.yaml[mode].get(what) or {})
        names = section.get("attributes", [])
        where = f"{mode}/{what}" if what else mode
        if not names:
            return []
        self.spec.attrs_of(op, names, where)  # all exist
        attr_set = self.spec.op_set(op)
        uniq = list(dict.fromkeys(names))
        return [attr_set.attrs[n] for n in uniq]

    def fixed_header_type(self, op):
        name = op.fixed_header
        if not name:
            return None
        return self.struct_type(name, f"operations/{op.name}/fixed-header")

    def render_requests(self):
        for op in self.spec.calls():
            for mode in ("do", "dump"):
                if mode not in op.yaml:
                    continue
                item = f"operations/{op.name}/{mode}/request"
                name = self.free_name(
                    [self.ident(op.name, item) + ("DumpRequest" if mode == "dump" else "Request")],
                    item)
                attrs = self.op_attrs(op, mode, "request")
                attr_set = self.spec.op_set(op)
                fields = self.fields(attrs, None, item)
                borrowed = any(self.field_borrows(a, t) for a, _, t in fields)
                kind = "dump" if mode == "dump" else "request"
                docs = doc(f"`{op.name}` ({kind}): {op.yaml.get('doc', '')}".rstrip(": "), "")
                cmd = self.ident(op.name, item)
                _ = attr_set
                self.render_request_type(name, "<'a>" if borrowed else "", fields, docs, cmd,
                                         self.fixed_header_type(op))
                self.requests[(op.name, mode)] = (name, "<'_>" if borrowed else "")

    def render_calls(self):
        """The typed calls: each request sends itself on a `ynl::Client`
        and hands its replies, decoded in place, to the caller."""
        self.p("/// A client of the family: a socket with the family resolved.",
               "pub fn connect() -> Result<ynl::Client, ynl::Error> {",
               "    ynl::Client::open(FAMILY_NAME, FAMILY_VERSION)", "}", "")
        for op in self.spec.calls():
            cmd = self.ident(op.name, f"operations/{op.name}")
            # (Several requests of a directional family may share a reply's
            # number: `ReplyCmd` names it after one of them.)
            reply_cmd = str(op.rsp_value) if self.spec.directional else f"u8::from(Cmd::{cmd})"
            for mode in ("do", "dump"):
                if (op.name, mode) not in self.requests:
                    continue
                name, anon = self.requests[(op.name, mode)]
                reply = self.replies.get((op.name, mode))
                self.p(f"impl {name}{anon} {{")
                if mode == "do" and reply:
                    self.p(f"    /// Sends `{op.name}` (do) and hands its reply to `f`.",
                           "    pub fn call<T>(",
                           "        &self,",
                           "        c: &mut ynl::Client,",
                           f"        f: impl FnOnce({reply}{self.messages_lt[reply] and '<' + chr(39) + '_>'}) -> T,",
                           "    ) -> Result<T, ynl::Error> {",
                           f"        c.call(u8::from(Cmd::{cmd}), self, 0, {reply_cmd}, |m| {{",
                           f"            Ok(f({reply}::decode_msg(&m)?))",
                           "        })?",
                           f'        .ok_or_else(|| ynl::Error::Protocol("no reply to {op.name}".into()))',
                           "    }")
                elif mode == "do":
                    self.p(f"    /// Sends `{op.name}` (do), answered by its ACK.",
                           "    pub fn call(&self, c: &mut ynl::Client) -> Result<(), ynl::Error> {",
                           f"        c.call_ack(u8::from(Cmd::{cmd}), self, 0)", "    }")
                elif reply:
                    self.p(f"    /// Dumps `{op.name}`, handing each reply to `each`.",
                           "    pub fn dump(",
                           "        &self,",
                           "        c: &mut ynl::Client,",
                           f"        mut each: impl FnMut({reply}{self.messages_lt[reply] and '<' + chr(39) + '_>'}) -> Result<(), ynl::Error>,",
                           "    ) -> Result<(), ynl::Error> {",
                           f"        c.dump(u8::from(Cmd::{cmd}), self, {reply_cmd}, |m| {{",
                           f"            each({reply}::decode_msg(&m)?)", "        })", "    }")
                else:
                    self.p(f"    /// Dumps `{op.name}`, handing each message to `each`.",
                           "    pub fn dump(",
                           "        &self,",
                           "        c: &mut ynl::Client,",
                           "        each: impl FnMut(ynl::Msg<'_>) -> Result<(), ynl::Error>,",
                           "    ) -> Result<(), ynl::Error> {",
                           f"        c.dump(u8::from(Cmd::{cmd}), self, {reply_cmd}, each)", "    }")
                self.p("}", "")

    def field_borrows(self, attr, t):
        if attr.is_multi:
            return True
        sub = getattr(t, "set_name", None)
        if isinstance(t, (TypeIndexedArray, TypeBinaryArray)):
            return True
        if sub:
            return self.req_borrows[sub]
        return isinstance(t, (TypeString, TypeBinary))

    def render_replies(self):
        self.replies = {}
        for op in self.spec.calls():
            for mode in ("do", "dump"):
                if mode not in op.yaml or "reply" not in op.yaml[mode]:
                    continue
                item = f"operations/{op.name}/{mode}/reply"
                self.op_attrs(op, mode, "reply")  # all exist
                name = self.ident(op.name, item) + ("DumpReply" if mode == "dump" else "Reply")
                self.replies[(op.name, mode)] = self.render_message(
                    name, op, item, f"`{op.name}`'s {mode} reply")

    def render_message(self, name, op, item, what):
        """A reply or notification: the decoded type of the op's whole
        attribute set (kernels put more than a spec's reply lists: fou's
        `af`, devlink's port attributes; as YNL, nothing is left out)."""
        attr_set = self.spec.op_set(op)
        name = self.free_name([name], item)
        docs = doc(f"The {what}: {op.yaml.get('doc', '')}".rstrip(": "), "")
        if attr_set is None:
            self.p(*docs, f"pub type {name} = ynl::codec::Empty;", "")
            self.messages_lt[name] = ""
            return name
        ty = self.decoded_type(attr_set.name)
        lt = self.lifetime(attr_set.name)
        self.p(*docs, "///", f"/// Every attribute of set `{attr_set.name}`.",
               f"pub type {name}{lt} = {ty};", "")
        self.messages_lt[name] = lt
        return name

    def render_events(self):
        events = sorted(self.spec.events(), key=lambda o: o.rsp_value if o.rsp_value is not None
                        else o.value)
        if not events:
            return
        variants = []
        for op in events:
            item = f"operations/{op.name}"
            name = self.render_message(self.ident(op.name, item), op, item,
                                       f"notification `{op.name}`")
            short = op.name[:-4] if op.name.endswith("-ntf") else op.name
            variants.append((op, self.ident(short, item), short, name))
        if len({v for _, v, _, _ in variants}) != len(variants):
            variants = [(op, self.ident(op.name, ""), op.name, n) for op, _, _, n in variants]
        lt = "<'a>" if any(self.messages_lt[n] for _, _, _, n in variants) else ""
        self.type_name("Event", "the notifications")
        self.p("/// A notification, tagged with its name (without `-ntf`) in JSON.",
               "#[allow(clippy::large_enum_variant)] // read one at a time, never stored in bulk",
               "#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]",
               '#[serde(tag = "event", rename_all = "kebab-case")]',
               f"pub enum Event{lt} {{")
        for op, v, short, name in variants:
            self.p(*doc(op.yaml.get("doc"), "    ", summary=True))
            if "".join(("-" if i and c.isupper() else "") + c.lower()
                       for i, c in enumerate(v)) != short:
                self.p(f'    #[serde(rename = "{short}")]')
            self.p(f"    {v}({name}{self.messages_lt[name]}),")
        self.p("}", "", f"impl<'a> Event{lt} {{",
               f"    /// Decodes notification `m`; `None` for a command that is not one.",
               "    pub fn decode_msg(m: &ynl::Msg<'a>) -> Result<Option<Self>, ynl::DecodeError> {",
               f"        Ok(Some(match m.cmd()? {{")
        for op, v, short, name in variants:
            value = op.rsp_value if self.spec.directional else f"n if n == u8::from(Cmd::{self.ident(op.name, '')})"
            if self.spec.directional:
                value = f"{value} /* {op.name} */"
            self.p(f"            {value} => Self::{v}({name}::decode_msg(m)?),")
        self.p("            _ => return Ok(None),", "        }))", "    }", "",
               "    /// Waits for the next notification on `c` (after `c.join(GROUP_...)`) and",
               "    /// hands it to `f`; `None` for a message that is not one of the family's.",
               "    pub fn next<T>(",
               "        c: &mut ynl::Client,",
               f"        f: impl FnOnce(Event{lt and chr(60) + chr(39) + '_>'}) -> T,",
               "    ) -> Result<Option<T>, ynl::Error> {",
               "        Ok(c.next_event(|m| Event::decode_msg(&m).map(|e| e.map(f)))??)",
               "    }", "}", "")

    def render_pending(self):
        """The nest types the messages named, and those they name."""
        while self.pending:
            kind, set_name = self.pending.pop(0)
            item = f"attribute-sets/{set_name}"
            attrs = self.set_attrs(set_name)
            fields = self.fields(attrs, set_name, item)
            attr_set = self.fam.attr_sets[set_name]
            sub = f" (a subset of `{attr_set.subset_of}`)" if attr_set.subset_of else ""
            if kind == "decoded":
                name, lt = self.decoded[set_name], self.lifetime(set_name)
                self.render_decoded(name, lt, fields, [f"/// Attribute set `{set_name}`{sub}."],
                                    f"set `{set_name}`")
                hdr = self.fam.fixed_header
                skip = (f"<{self.struct_type(hdr, 'operations/fixed-header')} as "
                        "ynl::codec::Struct>::SIZE") if hdr else "0"
                self.p(f"impl<'a> {name}{lt} {{",
                       "    /// Decodes message `m` (after the family's fixed header, if it has one).",
                       "    pub fn decode_msg(m: &ynl::Msg<'a>) -> Result<Self, ynl::DecodeError> {",
                       f"        ynl::Decode::decode(m.attrs({skip})?)",
                       "    }", "}", "")
            else:
                self.render_request_type(self.nests[set_name], self.req_lifetime(set_name), fields,
                                         [f"/// Nest `{set_name}`{sub}, in a request."], None,
                                         None)

    def render(self, source):
        self.const_type = self.const_types()
        self.messages_lt = {}
        for t in ("Cmd", "ReplyCmd"):
            self.type_name(t, "the generated code")
        self.render_consts()
        self.compute_sets()
        self.render_cmds()
        self.render_attrs()
        self.render_requests()
        self.render_replies()
        self.render_events()
        self.render_calls()
        self.render_pending()
        while self.out and self.out[-1] == "":
            self.out.pop()
        top = header(source) + [
            "",
            f"//! The `{self.fam.name}` family's client types on the `ynl` runtime: numbers, "
            "requests",
            "//! checking the spec's limits, and replies, nests and notifications decoded in "
            "place.",
        ]
        while top and top[-1] == "":
            top.pop()
        return "\n".join(top + [""] + self.out) + "\n"


def render(spec, source):
    return rustfmt(Gen(spec).render(source))
