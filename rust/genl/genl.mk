# Kbuild rules for a Rust module built on the rgnl genetlink layer.
#
# A module's Kbuild sets `genl-crate` to its crate root's name (without .rs),
# lists `genl.o` and `genl_helpers.o` among the module's objects, and
# includes this file.
#
# The layer is a crate of its own, `genl` (lib.rs), compiled in the module's
# directory like the kernel compiles its `kernel` crate: an object linked
# into the module, and metadata the family's crate is compiled against
# (`--extern genl`). So the family sees only the layer's public API, and its
# crate can `#![forbid(unsafe_code)]`.
#
# Bindings are generated here by bindgen, with the module's own c_flags, from
# bindings_helper.h; the layer includes them through $RGNL_GENL_BINDINGS.

genl-dir := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))

# The kernels the layer builds on; what differs between them is in compat.rs.
genl-kernels := 6.12 7.3
ifeq ($(filter $(genl-kernels),$(VERSION).$(PATCHLEVEL)),)
$(error the rgnl genetlink layer builds on Linux $(genl-kernels), not on this $(VERSION).$(PATCHLEVEL) tree)
endif

# Compiler-only flags that libclang does not understand: rust/Makefile's list.
genl-bindgen-skip := -mno-fp-ret-in-387 -mpreferred-stack-boundary=% \
	-mskip-rax-setup -mgeneral-regs-only -msign-return-address=% \
	-mindirect-branch=thunk-extern -mindirect-branch-register \
	-mfunction-return=thunk-extern -mrecord-mcount -mabi=lp64 \
	-mindirect-branch-cs-prefix -mstack-protector-guard% -mtraceback=no \
	-mno-pointers-to-nested-functions -mno-string \
	-mno-strict-align -mstrict-align -mdirect-extern-access \
	-mexplicit-relocs -mno-check-zero-division \
	-fconserve-stack -falign-jumps=% -falign-loops=% \
	-femit-struct-debug-baseonly -fno-ipa-cp-clone -fno-ipa-sra \
	-fno-partial-inlining -fplugin-arg-arm_ssp_per_task_plugin-% \
	-fno-reorder-blocks -fno-allow-store-data-races -fasan-shadow-offset=% \
	-fzero-call-used-regs=% -fno-stack-clash-protection \
	-fno-inline-functions-called-once -fsanitize=bounds-strict \
	-fstrict-flex-arrays=% -fmin-function-alignment=% \
	-fzero-init-padding-bits=% -mno-fdpic \
	--param=% --param asan-% -fno-isolate-erroneous-paths-dereference

quiet_cmd_genl_bindgen = BINDGEN $@
      cmd_genl_bindgen = \
	$(BINDGEN) $< --rust-target 1.68 --use-core --ctypes-prefix core::ffi \
		--no-layout-tests --no-debug '.*' \
		--enable-function-attribute-detection \
		--no-prepend-enum-name \
		--allowlist-function 'rgnl_.*|genl_.*|genlmsg_put|__alloc_skb|nla_put|nla_put_64bit|nla_reserve|kfree|kmemdup_noprof|rb_insert_color|rb_erase|rb_next|rb_first_postorder|rb_next_postorder|mutex_lock|mutex_lock_nested|mutex_unlock|register_pernet_subsys|unregister_pernet_subsys|netlink_.*' \
		--allowlist-type 'rb_node|rb_root|rb_root_cached|genl_.*|nla_policy|netlink_callback|netlink_ext_ack|nlattr|nlmsghdr|genlmsghdr|pernet_operations|sk_buff|delayed_work|work_struct|mutex|netlink_range_validation.*|nla_policy_validation' \
		--allowlist-var 'RGNL_.*|NLA_.*|NLM_F_.*|GENL_.*|NL_VALIDATE_.*|E[A-Z0-9]*|GFP_KERNEL|___GFP_.*|init_net' \
		--opaque-type 'sk_buff|net|sock|module|xarray' \
		-o $@ -- $(filter-out $(genl-bindgen-skip), $(c_flags)) $(genl-inline-check-cflags) \
		-w $(genl-bindgen-target) -fno-builtin -D__BINDGEN__ -DMODULE

# Clang builds carry their --target in c_flags (scripts/Makefile.clang);
# otherwise the compiler's own triple.
genl-bindgen-target = $(if $(filter --target=%,$(c_flags)),,--target=$(shell $(CC) -dumpmachine))

$(obj)/genl_bindings.rs: $(genl-dir)/bindings_helper.h $(genl-dir)/helpers.h FORCE
	$(call if_changed_dep,genl_bindgen)

$(obj)/genl_helpers.c: $(genl-dir)/helpers.c FORCE
	$(call if_changed,copy)
$(obj)/genl_helpers.o: $(obj)/genl_helpers.c
# genl-inline-check := y in a module's Kbuild (a test module's) builds the
# check of the layer's copies of C inlines against C's own
# (inlined_check.rs, `genl::check_inlined`).
genl-inline-check-cflags := $(if $(filter y,$(genl-inline-check)),-DRGNL_INLINE_CHECK)
CFLAGS_genl_helpers.o := -I$(genl-dir) $(genl-inline-check-cflags)


# The layer's crate: Kbuild's own Rust rule, with the metadata emitted too.
# Or, with genl-prebuilt=DIR on make's command line, copied from DIR, where
# a module built on the same kernel tree and the same layer compiled it:
# modules built one after another (the codegen test's stubs) compile the
# layer once.
ifeq ($(genl-prebuilt),)
$(obj)/genl.o: $(genl-dir)/lib.rs $(obj)/genl_bindings.rs FORCE
	+$(call if_changed_rule,rustc_o_rs)
else
quiet_cmd_genl_prebuilt = COPY    $@
      cmd_genl_prebuilt = cp $(genl-prebuilt)/libgenl.rmeta $(obj)/libgenl.rmeta && cat $< >$@
$(obj)/genl.o: $(genl-prebuilt)/genl.o FORCE
	$(call if_changed,genl_prebuilt)
endif
RUSTFLAGS_genl.o := --emit=metadata=$(obj)/libgenl.rmeta
# 7.x's rule no longer passes --crate-name: rustc would call it `lib`.
RUSTFLAGS_genl.o += $(if $(filter 7,$(VERSION)),--cfg rgnl_kernel_7 --crate-name genl)
RUSTFLAGS_genl.o += $(if $(genl-inline-check-cflags),--cfg rgnl_inline_check)

# The family's crate (or crates: `genl-crate` may name several).
#
# Family code must not panic (a panic is a BUG()) nor leave work behind the
# module's back: under clippy (CLIPPY=1) these lints fail its build, with
# family.clippy.toml naming the macros, functions and types behind the last
# three (added to the kernel's .clippy.toml by clippy_conf.py). A justified
# exception is an `#[allow]` where it stands.
genl-family-lints := -Dclippy::indexing_slicing -Dclippy::string_slice \
	-Dclippy::arithmetic_side_effects -Dclippy::unwrap_used -Dclippy::expect_used \
	-Dclippy::panic -Dclippy::unreachable -Dclippy::todo -Dclippy::unimplemented \
	-Dclippy::disallowed_macros -Dclippy::disallowed_methods -Dclippy::disallowed_types
genl-family-objs := $(patsubst %,$(obj)/%.o,$(genl-crate))
$(genl-family-objs): $(obj)/genl.o $(obj)/.clippy.toml
$(foreach c,$(genl-crate),$(eval RUSTFLAGS_$(c).o := --extern genl=$(obj)/libgenl.rmeta $(genl-family-lints)))
# The kernel points clippy at its tree's configuration (CLIPPY_CONF_DIR); a
# family's crate gets that and family.clippy.toml's lists. (`private`:
# not for the layer's crate, a prerequisite; an exported target variable
# would reach it.)
ifeq ($(KBUILD_CLIPPY),1)
$(genl-family-objs): private RUSTC_OR_CLIPPY = CLIPPY_CONF_DIR=$(abspath $(obj)) $(CLIPPY_DRIVER)
endif
quiet_cmd_genl_clippy = GEN     $@
      cmd_genl_clippy = python3 $(genl-dir)/clippy_conf.py $(srctree)/.clippy.toml $< >$@
$(obj)/.clippy.toml: $(genl-dir)/family.clippy.toml $(genl-dir)/clippy_conf.py FORCE
	$(call if_changed,genl_clippy)
export RGNL_GENL_BINDINGS := $(abspath $(obj)/genl_bindings.rs)

targets += genl_bindings.rs genl_helpers.c genl.o .clippy.toml
clean-files += genl_bindings.rs genl_helpers.c libgenl.rmeta .clippy.toml
