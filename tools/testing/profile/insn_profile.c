// SPDX-License-Identifier: GPL-2.0
/*
 * insn_profile: a QEMU TCG plugin that counts the guest instructions
 * executed per translation block and writes, at exit, one line per block
 * start address: "ADDRESS INSTRUCTIONS" (hex, decimal). Under -icount a
 * guest instruction is a nanosecond of guest time, so this is where the
 * benchmark's time goes. profile.sh maps the addresses to symbols.
 *
 *   -plugin insn_profile.so,out=FILE
 *
 * Only the declarations of QEMU's plugin API (include/qemu/qemu-plugin.h,
 * API version 1, QEMU 7.2) that this file uses are repeated here: Debian
 * ships QEMU with plugin support but without the header.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint64_t qemu_plugin_id_t;
typedef struct {
	const char *target_name;
	struct {
		int min, cur;
	} version;
	bool system_emulation;
	union {
		struct {
			int smp_vcpus, max_vcpus;
		} system;
	};
} qemu_info_t;
struct qemu_plugin_tb;
enum qemu_plugin_op { QEMU_PLUGIN_INLINE_ADD_U64 };
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);
typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);
void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_tb_trans_cb_t cb);
void qemu_plugin_register_vcpu_tb_exec_inline(struct qemu_plugin_tb *tb, enum qemu_plugin_op op,
					      void *ptr, uint64_t imm);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb, void *userdata);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
uint64_t qemu_plugin_tb_vaddr(const struct qemu_plugin_tb *tb);

#define EXPORT __attribute__((visibility("default")))
EXPORT int qemu_plugin_version = 1;

/*
 * Blocks by start address, open addressing. A block retranslated at the
 * same address (same or other length) adds to the same counter.
 */
#define SLOTS (1u << 22)
static struct slot {
	uint64_t addr, insns;
} *slots;
static const char *out_path;

static struct slot *slot_of(uint64_t addr)
{
	uint32_t i = (uint32_t)((addr * 0x9e3779b97f4a7c15ull) >> 42) & (SLOTS - 1);

	while (slots[i].addr && slots[i].addr != addr)
		i = (i + 1) & (SLOTS - 1);
	slots[i].addr = addr;
	return &slots[i];
}

static void translated(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	struct slot *s = slot_of(qemu_plugin_tb_vaddr(tb));

	/* The counter is bumped inline, by the block's length, on every run. */
	qemu_plugin_register_vcpu_tb_exec_inline(tb, QEMU_PLUGIN_INLINE_ADD_U64, &s->insns,
						 qemu_plugin_tb_n_insns(tb));
}

static void finished(qemu_plugin_id_t id, void *unused)
{
	FILE *f = fopen(out_path, "w");

	if (!f) {
		perror(out_path);
		return;
	}
	for (uint32_t i = 0; i < SLOTS; i++)
		if (slots[i].insns)
			fprintf(f, "%" PRIx64 " %" PRIu64 "\n", slots[i].addr, slots[i].insns);
	fclose(f);
}

EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
	for (int i = 0; i < argc; i++)
		if (!strncmp(argv[i], "out=", 4))
			out_path = argv[i] + 4;
	if (!out_path) {
		fprintf(stderr, "insn_profile: usage: -plugin insn_profile.so,out=FILE\n");
		return -1;
	}
	slots = calloc(SLOTS, sizeof(*slots));
	if (!slots)
		return -1;
	qemu_plugin_register_vcpu_tb_trans_cb(id, translated);
	qemu_plugin_register_atexit_cb(id, finished, NULL);
	return 0;
}
