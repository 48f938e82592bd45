#!/bin/bash
# Compile-fail tests of the genetlink layer. Each case is template.rs (a
# family that builds: the control case checks it) with one line changed
# into a misuse of the layer; the case passes when the build fails with the
# expected error. Prints TAP. Usage: run.sh KDIR
set -uo pipefail
source "$(dirname "$0")/../lib.sh"
kdir=$1
here=$RGNL_ROOT/tools/testing/compile-fail
dir=$(mktemp -d /tmp/rgnl-compile-fail.XXXXXX)
trap 'rm -rf "$dir"' EXIT
cat >"$dir/Kbuild" <<KBUILD
genl-crate := \$(basename \$(notdir \$(wildcard \$(src)/cf_*.rs)))
include $RGNL_ROOT/rust/genl/genl.mk
KBUILD
template=$(cat "$here/template.rs")
n=0

# build NAME SOURCE: build SOURCE as crate cf_NAME; its output in
# $dir/NAME.log. With CF_CLIPPY=1, under clippy (make CLIPPY=1), whose
# family lints (genl.mk) then fail the build.
build() {
	printf '%s\n' "$2" >"$dir/cf_$1.rs"
	"$RGNL_ROOT/tools/testing/kmake.sh" "$kdir" M="$dir" ${CF_CLIPPY:+CLIPPY=1} "cf_$1.o" >"$dir/$1.log" 2>&1
}

tap() { # tap OK WHAT
	n=$((n + 1))
	if [ "$1" = 0 ]; then echo "ok $n - compile-fail: $2"; else echo "not ok $n - compile-fail: $2"; fi
}

# case WHAT EXPECTED OLD NEW [MORE]: the template with the line OLD replaced
# by NEW (and MORE added at its end) must fail to build, printing EXPECTED.
case_() {
	local what=$1 expected=$2 old=$3 new=$4 more=${5:-} name=case$((n + 1))
	if [[ $template != *"$old"* ]]; then
		echo "# '$old' is not a line of template.rs"
		tap 1 "$what"
		return
	fi
	if build "$name" "${template/"$old"/"$new"}
$more"; then
		echo "# it built"
		tap 1 "$what"
	elif ! grep -qF -- "$expected" "$dir/$name.log"; then
		echo "# the build failed, but without: $expected"
		grep -E '^(error|warning)' "$dir/$name.log" | head -n 5 | sed 's/^/# /'
		tap 1 "$what"
	else
		tap 0 "$what"
	fi
}

if build control "$template"; then
	tap 0 "(control) the unchanged template builds"
else
	tail -n 20 "$dir/control.log" | sed 's/^/# /'
	tap 1 "(control) the unchanged template builds"
fi
if CF_CLIPPY=1 build control_clippy "$template" && ! grep -q '^warning' "$dir/control_clippy.log"; then
	tap 0 "(control) the unchanged template builds under clippy without a warning"
else
	grep -A5 -E '^(warning|error)' "$dir/control_clippy.log" | head -n 20 | sed 's/^/# /'
	tap 1 "(control) the unchanged template builds under clippy without a warning"
fi

row='        SplitOp::dumpit::<Seq>(2),'
doit='        let msg: MsgBuilder<Cf> = req.new_message(Cmd::<Raw>::new(1), size::U32)?;'
family='struct Cf;'
other_family='struct Other;

impl FamilySpec for Other {
    const NAME: &'"'"'static CStr = c_str!("other");
    const VERSION: u32 = 1;
    const MAX_ATTR: u16 = 1;
    const PAD_ATTR: u16 = 1;
    const OPS: &'"'"'static [SplitOp<Self>] = &[];
}

#[vtable]
impl Family for Other {
    type NetState = ();
    type SockState = ();
}'

# 1: a table holds only its own family's ops.
case_ "a row built for another family in the table" \
	"expected \`SplitOp<Cf>\`, found \`SplitOp<Other>\`" \
	"$row" "        SplitOp::<Other>::dumpit::<Seq>(2)," "$other_family"
case_ "a family type without module_genl_family! (so without storage)" \
	"the trait bound \`Other: genl::StorageOwner\` is not satisfied" \
	"$family" "$family" "$other_family"
# 2: the storage is the macro's.
case_ "implementing StorageOwner by hand, as unsafe" \
	"implementation of an \`unsafe\` trait" \
	"$family" "$family
struct Other;
unsafe impl genl::StorageOwner for Other {
    fn storage() -> &'static genl::FamilyStorage<Self> {
        loop {}
    }
}"
case_ "implementing StorageOwner by hand, without unsafe" \
	"requires an \`unsafe impl\` declaration" \
	"$family" "$family
struct Other;
impl genl::StorageOwner for Other {
    fn storage() -> &'static genl::FamilyStorage<Self> {
        loop {}
    }
}"
# 4: only the module's init registers.
case_ "calling Registration::new from family code" \
	"requires unsafe" \
	"$doit" "        let _r = genl::Registration::<Cf>::new(genl::this_module!());
$doit"
# 5: sending outside a request, per-socket state.
case_ "deferring work in a family without Family::deferred" \
	"Net::defer needs the family to implement Family::deferred" \
	"$doit" "        req.net().defer(10);
$doit"
case_ "holding the socket's state across a send (a filter could read it)" \
	"cannot borrow \`*req\` as immutable because it is also borrowed as mutable" \
	"$doit" "        let sock = req.sock_state()?;
$doit
        let () = *sock;"
case_ "a message of another family built in this one's namespace" \
	"expected \`&Net<'_, Other>\`, found \`&Net<'_, Cf>\`" \
	"$doit" "$doit
        let _m = MsgBuilder::<Other>::event(&req.net(), Cmd::new(1), 0, genl::Gfp::Kernel)?;" \
	"$other_family"
# 6: what the kernel would WARN about.
case_ "GENL_CMD_CAP_* bits through op flags" \
	"no method named \`flags\` found" \
	"$row" "        SplitOp::dumpit::<Seq>(2).flags(1),"
case_ "a multicast group with an empty name" \
	"genetlink names must not be empty" \
	'    const MCGRPS: &'"'"'static [McGroup] = &[McGroup::new(c_str!("events"))];' \
	'    const MCGRPS: &'"'"'static [McGroup] = &[McGroup::new(c_str!(""))];'
case_ "a negative range on an unsigned integer" \
	"an unsigned integer's range must not be negative" \
	"    (1, AttrPolicy::u32().range(0, 5))," "    (1, AttrPolicy::u32().range(-1, 5)),"
case_ "a binary minimum length of 0" \
	"a binary's minimum length must be 1 to its maximum length" \
	"    (2, AttrPolicy::binary_range(1, 16))," "    (2, AttrPolicy::binary_range(0, 16)),"
case_ "a binary minimum length past its maximum" \
	"a binary's minimum length must be 1 to its maximum length" \
	"    (2, AttrPolicy::binary_range(1, 16))," "    (2, AttrPolicy::binary_range(17, 16)),"
case_ "nul_string(0), which the kernel reads as unbounded" \
	"a string's maximum length must be at least 1" \
	"    (2, AttrPolicy::binary_range(1, 16))," "    (2, AttrPolicy::nul_string(0)),"
case_ "binary(0), which the kernel reads as unbounded" \
	"a binary's maximum length must be 1 to i16::MAX" \
	"    (2, AttrPolicy::binary_range(1, 16))," "    (2, AttrPolicy::binary(0)),"
case_ "a family name longer than 15 bytes" \
	"genetlink names are at most 15 bytes" \
	'    const NAME: &'"'"'static CStr = c_str!("cf");' \
	'    const NAME: &'"'"'static CStr = c_str!("a_name_of_16byte");'
case_ "a family name the genetlink core reserves (NET_DM: BUG_ON with 2 groups)" \
	"NET_DM, VFS_DQUOT and pmcraid are names the genetlink core gives fixed ids" \
	'    const NAME: &'"'"'static CStr = c_str!("cf");' \
	'    const NAME: &'"'"'static CStr = c_str!("NET_DM");'
case_ "an attribute type past 0x3fff (its top bits are nla_type's flags)" \
	"attribute types stop at 0x3fff" \
	"static POLICY: Policy<[AttrPolicy; 3]> = policy(&[" "static POLICY: Policy<[AttrPolicy; 0x4001]> = policy(&[
    (0x4000, AttrPolicy::u32()),"
case_ "an op's policy past 1024 entries (a large kmalloc on every request)" \
	"an op's policy names attribute types up to 1023" \
	"static POLICY: Policy<[AttrPolicy; 3]> = policy(&[" "static POLICY: Policy<[AttrPolicy; 1025]> = policy(&["
case_ "a nested policy of only type 0 (maxtype 0: no validation)" \
	"a nested policy names at least one attribute type" \
	"    (2, AttrPolicy::binary_range(1, 16))," "    (2, AttrPolicy::nested(&policy::<1>(&[]))),"
case_ "a policy built by hand (its entry 0 is strict_start_type to the kernel)" \
	"expected \`&Policy\`, found \`&[AttrPolicy; 2]\`" \
	"    const POLICY: &'static Policy = &POLICY;" "    const POLICY: &'static Policy = &[AttrPolicy::u32(), AttrPolicy::u32()];"
case_ "a nested policy built by hand" \
	"expected \`&Policy\`, found \`&[AttrPolicy; 2]\`" \
	"    (2, AttrPolicy::binary_range(1, 16))," "    (2, AttrPolicy::nested(&[AttrPolicy::u32(), AttrPolicy::u32()])),"
case_ "a rule for type 0 in a policy" \
	"attribute type out of the policy's range" \
	"    (2, AttrPolicy::binary_range(1, 16))," "    (0, AttrPolicy::u32()),"
case_ "a range past an s8's (the kernel compares it as an s8)" \
	"the range does not fit an 8-bit integer" \
	"    (1, AttrPolicy::u32().range(0, 5))," "    (1, AttrPolicy::s8().range(0, 200)),"
case_ "a reject message longer than an attribute can carry (a truncated nla_len)" \
	"an extack message is shorter than an attribute can carry" \
	"    (2, AttrPolicy::binary_range(1, 16))," "    (2, AttrPolicy::reject(c_str!(\"$(head -c 65535 /dev/zero | tr '\0' m)\"))),"
case_ "a SockState too large to build on the kernel stack" \
	"a SockState is built on the kernel stack" \
	"    type SockState = ();" "    type SockState = Big;" "struct Big([u8; 2048]);

impl genl::SockState for Big {
    fn new() -> Result<Self> {
        Ok(Big([0; 2048]))
    }
}"
case_ "a dump cursor that cannot say whether a call moved it (no Hash)" \
	"the trait bound \`NoHash: Hash\` is not satisfied" \
	"    type Cursor = Next;" "    type Cursor = NoHash;" "#[derive(Default)]
struct NoHash;"
case_ "a NetState too large to build on the kernel stack" \
	"a NetState is built on the kernel stack" \
	"    type NetState = ();" "    type NetState = Big;" "struct Big([u8; 2048]);

impl genl::NetState for Big {
    fn new() -> Result<Self> {
        Ok(Big([0; 2048]))
    }
}"
case_ "ops out of command order" \
	"ops must be sorted by cmd" \
	"$row" "        SplitOp::dumpit::<Seq>(0),"
case_ "a dont_validate op at or past RESV_START_OP (genl_validate_ops WARNs)" \
	"ops with dont_validate_* flags must be below RESV_START_OP" \
	"        SplitOp::doit::<Do>(1).uns_admin_perm()," "        SplitOp::doit::<Do>(1).uns_admin_perm().dont_validate_strict(),"
case_ "a dump cursor larger than netlink_callback::ctx" \
	"a dump cursor must fit netlink_callback::ctx" \
	"struct Next(u32);" "struct Next(u32, [u64; 5]);"
case_ "a dump message larger than a reader's 32 KiB" \
	"a dump message must fit the 32 KiB" \
	"    const MAX_MESSAGE: usize = size::U32;" "    const MAX_MESSAGE: usize = 40_000;"
# 7: the layer's internals are private to it.
case_ "reading the storage's net_id" \
	"method \`net_id\` is private" \
	"$doit" "        let _id = <Cf as genl::StorageOwner>::storage().net_id();
$doit"
case_ "MsgBuilder::new without a request" \
	"associated function \`new\` is private" \
	"$doit" "        let msg: MsgBuilder<Cf> = MsgBuilder::new(0, 0, 0, 0, 1)?;"
case_ "MsgBuilder::finish (would leak the skb)" \
	"method \`finish\` is private" \
	"$doit" "$doit
        let _skb = msg.finish();"
case_ "Request::from_raw" \
	"associated function \`from_raw\` is private" \
	"$doit" "        let _r = Request::<Cf>::from_raw(core::ptr::null_mut(), 0);
$doit"
# And the family crate is proven free of unsafe code.
case_ "an unsafe block in family code" \
	"usage of an \`unsafe\` block" \
	"$doit" "        let _x = unsafe { core::ptr::read(&1u32) };
$doit"

# Family code that could panic, or leave work behind the module, fails its
# build under clippy (genl.mk's lints, family.clippy.toml).
lint() { # lint WHAT EXPECTED STATEMENT: STATEMENT in the doit, under clippy
	CF_CLIPPY=1 case_ "$1" "$2" "$doit" "        $3
$doit"
}
lint "indexing that can panic" "clippy::indexing-slicing" \
	"let _x = [1u8, 2][usize::from(req.cmd())];"
lint "slicing that can panic" "clippy::indexing-slicing" \
	"let _x = &[1u8, 2][usize::from(req.cmd())..];"
lint "arithmetic that can overflow" "clippy::arithmetic-side-effects" \
	"let _x = req.cmd() + 1;"
lint "division that can divide by zero" "clippy::arithmetic-side-effects" \
	"let _x = 7 / req.cmd();"
lint "unwrap()" "clippy::unwrap-used" \
	"let _x = u8::try_from(req.portid()).unwrap();"
lint "expect()" "clippy::expect-used" \
	"let _x = u8::try_from(req.portid()).expect(\"small\");"
lint "panic!()" "clippy::panic" \
	"if req.cmd() == 9 { panic!(\"nine\") }"
lint "unreachable!()" "clippy::unreachable" \
	"if req.cmd() == 9 { unreachable!() }"
lint "todo!()" "clippy::todo" \
	"if req.cmd() == 9 { todo!() }"
lint "unimplemented!()" "clippy::unimplemented" \
	"if req.cmd() == 9 { unimplemented!() }"
lint "assert!()" "a failed assertion panics" \
	"assert!(req.cmd() == 1);"
lint "assert_eq!()" "a failed assertion panics" \
	"assert_eq!(req.cmd(), 1);"
lint "debug_assert!() (CONFIG_RUST_DEBUG_ASSERTIONS)" "panics with CONFIG_RUST_DEBUG_ASSERTIONS" \
	"debug_assert!(req.cmd() == 1);"
lint "work spawned on a system workqueue (can run after rmmod)" \
	"work on a system workqueue can outlive the module" \
	"let _x = kernel::workqueue::system().try_spawn(GFP_KERNEL, || {});"
lint "work enqueued on a named workqueue type" \
	"work on a workqueue can outlive the module" \
	"let _q: Option<&kernel::workqueue::Queue> = None;"

# 8: the contract of generated tables (ynl-gen-rust.py): rgnl's tables and
# the scaffold `--mode family` writes on them (every handler implemented,
# answering EOPNOTSUPP), with one handler changed.
ksrc=$(tree_source "$kdir")
gen() { "$RGNL_ROOT/tools/net/ynl/ynl-gen-rust.py" --ksrc "$ksrc" \
	--spec "$RGNL_ROOT/Documentation/netlink/specs/rgnl.yaml" --mode "$1" --out "$2"; }
gen kernel "$dir/rgnl_nl.rs"
gen family "$dir/scaffold.rs"
template=$(cat "$dir/scaffold.rs")
body="        Err(kernel_api::eopnotsupp())"
flush="impl rgnl_nl::FlushDoit for Rgnl {"
flush_fn="    fn doit(_req: &mut Request<'_, Self>) -> Result {"
if build scaffold "$template"; then
	tap 0 "(control) the scaffold of rgnl.yaml builds"
else
	tail -n 20 "$dir/scaffold.log" | sed 's/^/# /'
	tap 1 "(control) the scaffold of rgnl.yaml builds"
fi
case_ "typed requests: reading an attribute that is not in the op's request" \
	"no method named \`prefix\` found for struct \`EntryNewDoRequest" \
	"$body" "        let _p = _attrs.prefix();
$body"
case_ "typed writers: a put of an attribute of another set (rgnl's in an entry nest)" \
	"\`attr::Set\` and \`rgnl_nl::attr_entry::Set\` have similar names, but are actually distinct types" \
	"$body" "        let mut m = _req.new_message(rgnl_nl::cmd::ENTRY_GET, 0)?;
        m.writer()
            .put_nest(rgnl_nl::attr::ENTRY, |w| w.put(rgnl_nl::attr::COUNT, 1))?;
$body"
case_ "typed writers: a put of the wrong type (a u64 into a u32)" \
	"expected \`u32\`, found \`u64\`" \
	"$body" "        let mut m = _req.new_message(rgnl_nl::cmd::ENTRY_GET, 0)?;
        m.writer().put(rgnl_nl::attr::COUNT, 1u64)?;
$body"
case_ "typed writers: a command's message written with another set's writer" \
	"expected \`rgnl_nl::attr_entry::Set\`, found \`attr::Set\`" \
	"$body" "        let mut m = _req.new_message(rgnl_nl::cmd::ENTRY_GET, 0)?;
        let _w: genl::Writer<'_, rgnl_nl::attr_entry::Set> = m.writer();
$body"
case_ "generated tables: a handler of the spec missing" \
	"the trait bound \`Rgnl: FlushDoit\` is not satisfied" \
	"$flush" "impl Rgnl {"
case_ "generated tables: a handler of the wrong kind (a dump for a do)" \
	"method \`dumpit\` is not a member of trait" \
	"$flush_fn" "    fn dumpit(_dump: &mut Dump<'_, Self>, _cursor: &mut ()) -> Result {"
case_ "generated tables: a handler with the wrong signature" \
	"method \`doit\` has an incompatible type for trait" \
	"$flush_fn" "    fn doit(_req: &mut Request<'_, Self>) -> Result<u32> {"
case_ "generated tables: a handler the spec does not have" \
	"cannot find trait \`PingDoit\` in module \`rgnl_nl\`" \
	"$flush" "impl rgnl_nl::PingDoit for Rgnl {
    fn doit(_req: &mut Request<'_, Self>) -> Result {
        Ok(())
    }
}

$flush"

echo "1..$n"
