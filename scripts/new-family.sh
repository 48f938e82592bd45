#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Scaffolds an out-of-tree kernel module of a generic netlink family on the
# rgnl genetlink layer, from its YNL spec (`make new-family SPEC= DIR=`):
#
#   DIR/Kbuild, DIR/Makefile      the module; `make KDIR=...` builds it
#   DIR/<ident>_nl.rs             its tables, generated (`make gen` again
#                                 after editing the spec)
#   DIR/<ident>_main.rs           the family, one EOPNOTSUPP handler per op
#   DIR/genl/                     a copy of the layer
#   DIR/selftests/                a kselftest that finds the family and
#                                 its ops through nlctrl
#   DIR/client/                   a Rust client crate: the family's types
#                                 and typed calls (src/<ident>.rs) and a
#                                 command line (src/main.rs), generated;
#                                 `cargo build` there, `make gen` again
#                                 after editing the spec
#
# KSRC: the kernel tree whose YNL spec model and schemas read the spec
# (default: the cached test kernel's source).
set -euo pipefail
usage() { echo "usage: $0 SPEC DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
spec=$(realpath "$1") dir=$2
rgnl=$(realpath "$(dirname "$0")/..")
[ -f "$spec" ] || { echo "$0: no spec at $1" >&2; exit 1; }
if [ -z "${KSRC:-}" ]; then
	source "$rgnl/tools/testing/lib.sh"
	KSRC=$(tree_source "$("$rgnl/tools/testing/vm/kernel.sh")")
fi
[ -e "$dir" ] && [ -n "$(ls -A "$dir")" ] && { echo "$0: $dir exists and is not empty" >&2; exit 1; }
gen=$rgnl/tools/net/ynl/ynl-gen-rust.py
name=$(python3 -c 'import sys, yaml; print(yaml.safe_load(open(sys.argv[1]))["name"])' "$spec")
ident=${name//-/_}

mkdir -p "$dir/genl" "$dir/selftests" "$dir/client/src"
dir=$(realpath "$dir")
# The tables first: a spec the generator refuses leaves nothing half-made.
if ! "$gen" --ksrc "$KSRC" --spec "$spec" --mode kernel --source-name "$(basename "$spec")" \
	--out "$dir/${ident}_nl.rs"; then
	rmdir "$dir/genl" "$dir/selftests" "$dir/client/src" "$dir/client" "$dir" 2>/dev/null || true
	exit 1
fi
"$gen" --ksrc "$KSRC" --spec "$spec" --mode family --source-name "$(basename "$spec")" \
	--out "$dir/${ident}_main.rs"
cp "$rgnl"/rust/genl/{*.rs,*.c,*.h,*.py,genl.mk,family.clippy.toml} "$dir/genl/"
for mode in user cli; do
	out=$dir/client/src/${ident}.rs
	[ $mode = cli ] && out=$dir/client/src/main.rs
	"$gen" --ksrc "$KSRC" --spec "$spec" --mode $mode --source-name "$(basename "$spec")" --out "$out"
done
cat >"$dir/client/src/lib.rs" <<LIB
// SPDX-License-Identifier: GPL-2.0

//! The ${name} family's Rust client: its types and typed calls, generated
//! from the spec into ${ident}.rs (make gen in the module's directory
//! regenerates them).

mod ${ident};

pub use ${ident}::*;
LIB
# The versions rgnl's tools already use: nothing to fetch.
cp "$rgnl/tools/Cargo.lock" "$dir/client/"
cat >"$dir/client/Cargo.toml" <<CARGO
[package]
name = "${ident}_client"
version = "0.1.0"
edition = "2021"
description = "Client of the ${name} generic netlink family"
license = "GPL-2.0"

[[bin]]
name = "${ident}"
path = "src/main.rs"

[dependencies]
clap = { version = "4", features = ["derive"] }
serde = "1"
serde_json = "1"
ynl = { path = "${rgnl}/tools/ynl" }

[workspace]
CARGO

cat >"$dir/Kbuild" <<KBUILD
# ${ident}.ko: the ${name} generic netlink family on the rgnl genetlink layer.
obj-m := ${ident}.o
${ident}-y := ${ident}_main.o genl.o genl_helpers.o
genl-crate := ${ident}_main
include \$(src)/genl/genl.mk
KBUILD

cat >"$dir/Makefile" <<MAKEFILE
# The ${name} family: \`make KDIR=/path/to/prepared/tree\` (a Rust-enabled
# kernel). rgnl's kmake.sh picks the compilers the tree's version is built
# with (LLVM, Debian's rustc-web and bindgen), whatever comes first on PATH.
KDIR ?= /lib/modules/\$(shell uname -r)/build
KMAKE ?= ${rgnl}/tools/testing/kmake.sh
# Under clippy with the layer's family lints (genl.mk: no indexing, no
# overflowing arithmetic, no unwrap, no panic): CLIPPY=0 builds without.
CLIPPY ?= 1
SPEC ?= ${spec}
YNL_GEN_RUST ?= ${gen}
# The tree whose YNL spec model reads the spec (tools/net/ynl).
KSRC ?= ${KSRC}

modules:
	\$(KMAKE) \$(KDIR) M=\$(CURDIR) \$(if \$(filter 1,\$(CLIPPY)),CLIPPY=1) modules

# Regenerates the tables and the client after an edit of the spec.
gen:
	\$(YNL_GEN_RUST) --ksrc \$(KSRC) --spec \$(SPEC) --mode kernel --source-name \$(notdir \$(SPEC)) --out ${ident}_nl.rs
	\$(YNL_GEN_RUST) --ksrc \$(KSRC) --spec \$(SPEC) --mode user --source-name \$(notdir \$(SPEC)) --out client/src/${ident}.rs
	\$(YNL_GEN_RUST) --ksrc \$(KSRC) --spec \$(SPEC) --mode cli --source-name \$(notdir \$(SPEC)) --out client/src/main.rs

clean:
	\$(KMAKE) \$(KDIR) M=\$(CURDIR) clean

.PHONY: modules gen clean
MAKEFILE

# The ops nlctrl must list: (command, GENL_ADMIN_PERM/GENL_UNS_ADMIN_PERM bits).
ops=$(python3 - "$rgnl/tools/net/ynl" "$KSRC" "$spec" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from ynl_gen_rust.spec import Spec, upper
s = Spec(sys.argv[3], sys.argv[2])
for op in s.calls():
    flags = {"admin-perm": "GENL_ADMIN_PERM", "uns-admin-perm": "GENL_UNS_ADMIN_PERM"}
    bits = " | ".join(flags[f] for f in op.yaml.get("flags", [])) or "0"
    cond = op.yaml.get("config-cond")
    print(f"\t{{ {op.value}, {bits} }},\t/* {op.name}{' (CONFIG_' + upper(cond) + ')' if cond else ''} */")
PY
)

cat >"$dir/selftests/Makefile" <<MAKEFILE
# SPDX-License-Identifier: GPL-2.0
# kselftests of the ${name} family:
#   make -C selftests KSRC=/path/to/linux [OUTPUT=dir]
KSRC ?= ${KSRC}
TEST_GEN_PROGS := ${ident}_test
include \$(KSRC)/tools/testing/selftests/lib.mk
CFLAGS += -std=gnu11 -O2 -Wall -static -I\$(KSRC)/tools/testing/selftests -idirafter \$(KSRC)/include/uapi
MAKEFILE

cat >"$dir/selftests/${ident}_test.c" <<TEST
// SPDX-License-Identifier: GPL-2.0
/*
 * kselftests of the ${name} generic netlink family: a start. The first test
 * finds the family through nlctrl and checks that it registers the ops of
 * its spec with their permission flags; add one test per behaviour.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

#include "kselftest_harness.h"

#define FAMILY_NAME "${name}"

static const struct { int cmd; int flags; } spec_ops[] = {
${ops}
};

/* CTRL_CMD_GETFAMILY of FAMILY_NAME; the reply in buf, its length returned. */
static int get_family(char *buf, size_t size)
{
	struct {
		struct nlmsghdr nlh;
		struct genlmsghdr genl;
		char attrs[64];
	} req = {
		.nlh.nlmsg_type = GENL_ID_CTRL,
		.nlh.nlmsg_flags = NLM_F_REQUEST,
		.genl.cmd = CTRL_CMD_GETFAMILY,
		.genl.version = 1,
	};
	struct nlattr *na = (struct nlattr *)req.attrs;
	int fd, len;

	na->nla_type = CTRL_ATTR_FAMILY_NAME;
	na->nla_len = NLA_HDRLEN + sizeof(FAMILY_NAME);
	memcpy((char *)na + NLA_HDRLEN, FAMILY_NAME, sizeof(FAMILY_NAME));
	req.nlh.nlmsg_len = NLMSG_LENGTH(GENL_HDRLEN) + NLA_ALIGN(na->nla_len);
	fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_GENERIC);
	if (fd < 0)
		return -errno;
	if (send(fd, &req, req.nlh.nlmsg_len, 0) < 0) {
		close(fd);
		return -errno;
	}
	len = recv(fd, buf, size, 0);
	close(fd);
	return len < 0 ? -errno : len;
}

TEST(registers_the_spec_ops)
{
	char buf[8192];
	struct nlmsghdr *nlh = (struct nlmsghdr *)buf;
	struct nlattr *na, *op, *oa;
	int len = get_family(buf, sizeof(buf)), rem, orem, found = 0;
	size_t i;

	ASSERT_GT(len, 0);
	ASSERT_EQ(GENL_ID_CTRL, nlh->nlmsg_type) TH_LOG("family " FAMILY_NAME " not registered");
	na = (struct nlattr *)((char *)NLMSG_DATA(nlh) + GENL_HDRLEN);
	rem = nlh->nlmsg_len - NLMSG_LENGTH(GENL_HDRLEN);
	for (; rem >= NLA_HDRLEN && na->nla_len >= NLA_HDRLEN && na->nla_len <= rem;
	     rem -= NLA_ALIGN(na->nla_len), na = (void *)na + NLA_ALIGN(na->nla_len)) {
		if ((na->nla_type & NLA_TYPE_MASK) != CTRL_ATTR_OPS)
			continue;
		op = (void *)na + NLA_HDRLEN;
		for (orem = na->nla_len - NLA_HDRLEN; orem >= NLA_HDRLEN;
		     orem -= NLA_ALIGN(op->nla_len), op = (void *)op + NLA_ALIGN(op->nla_len)) {
			int id = -1, flags = 0, arem = op->nla_len - NLA_HDRLEN;

			for (oa = (void *)op + NLA_HDRLEN; arem >= NLA_HDRLEN;
			     arem -= NLA_ALIGN(oa->nla_len), oa = (void *)oa + NLA_ALIGN(oa->nla_len)) {
				if (oa->nla_type == CTRL_ATTR_OP_ID)
					id = *(__u32 *)((char *)oa + NLA_HDRLEN);
				if (oa->nla_type == CTRL_ATTR_OP_FLAGS)
					flags = *(__u32 *)((char *)oa + NLA_HDRLEN);
			}
			for (i = 0; i < sizeof(spec_ops) / sizeof(spec_ops[0]); i++)
				if (spec_ops[i].cmd == id) {
					EXPECT_EQ(spec_ops[i].flags,
						  flags & (GENL_ADMIN_PERM | GENL_UNS_ADMIN_PERM));
					found++;
				}
		}
	}
	/* Ops under a CONFIG_ the kernel lacks are not registered. */
	EXPECT_LE(found, sizeof(spec_ops) / sizeof(spec_ops[0]));
	EXPECT_GT(found, 0);
}

TEST_HARNESS_MAIN
TEST
echo "$dir: the $name family ($ident.ko). Build it against rgnl's test kernel:"
echo "  make -C $dir KDIR=\$($rgnl/tools/testing/vm/kernel.sh)"
