// SPDX-License-Identifier: GPL-2.0
/*
 * ynl_get_bench: the YNL column of `make bench`'s client rows, through the
 * kernel's YNL C library (the rgnl code ynl-gen-c.py generates from the
 * spec). Prints the time in ns (CLOCK_MONOTONIC: instructions under QEMU's
 * -icount):
 *
 *   ynl_get_bench get N KEY       N ENTRY_GET requests of KEY; per request
 *   ynl_get_bench dump N PREFIX   N dumps of the entries under PREFIX; per
 *                                 entry
 *   ynl_get_bench ntf N ROUNDS    joins group events and prints "ready";
 *                                 then per line read from stdin, reads N
 *                                 entry-new-ntf already queued and prints
 *                                 the time per notification
 *   ynl_get_bench family N NAME   N nlctrl GETFAMILY of NAME; per request
 *   ynl_get_bench families N -    N nlctrl dumps of every family; per
 *                                 family
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <ynl.h>

#include "nlctrl-user.h"
#include "rgnl-user.h"

static double since(const struct timespec *start)
{
	struct timespec end;

	clock_gettime(CLOCK_MONOTONIC, &end);
	return (end.tv_sec - start->tv_sec) * 1e9 + (end.tv_nsec - start->tv_nsec);
}

static int get(struct ynl_sock *ys, long n, const char *key)
{
	struct rgnl_entry_get_req *req = rgnl_entry_get_req_alloc();
	struct timespec start;
	long i;

	rgnl_entry_get_req_set_key(req, key);
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (i = 0; i < n; i++) {
		struct rgnl_entry_get_rsp *rsp = rgnl_entry_get(ys, req);

		if (!rsp) {
			fprintf(stderr, "entry-get: %s\n", ys->err.msg);
			return 1;
		}
		rgnl_entry_get_rsp_free(rsp);
	}
	printf("%.0f\n", since(&start) / n);
	rgnl_entry_get_req_free(req);
	return 0;
}

static int dump(struct ynl_sock *ys, long n, const char *prefix)
{
	struct rgnl_entry_get_req_dump *req = rgnl_entry_get_req_dump_alloc();
	struct timespec start;
	long i, entries = 0;

	rgnl_entry_get_req_dump_set_prefix(req, prefix);
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (i = 0; i < n; i++) {
		struct rgnl_entry_get_list *list = rgnl_entry_get_dump(ys, req);

		if (!list) {
			fprintf(stderr, "entry-get dump: %s\n", ys->err.msg);
			return 1;
		}
		ynl_dump_foreach(list, e)
			entries++;
		rgnl_entry_get_list_free(list);
	}
	if (!entries) {
		fprintf(stderr, "entry-get dump: no entry under %s\n", prefix);
		return 1;
	}
	printf("%.0f\n", since(&start) / entries);
	rgnl_entry_get_req_dump_free(req);
	return 0;
}

static int ntf(struct ynl_sock *ys, long n, long rounds)
{
	struct ynl_ntf_base_type *base;
	struct timespec start;
	char line[16];
	long got, r;

	if (ynl_subscribe(ys, "events")) {
		fprintf(stderr, "subscribe: %s\n", ys->err.msg);
		return 1;
	}
	printf("ready\n");
	fflush(stdout);
	for (r = 0; r < rounds; r++) {
		if (!fgets(line, sizeof(line), stdin))
			return 1;
		clock_gettime(CLOCK_MONOTONIC, &start);
		for (got = 0; got < n;) {
			if (ynl_ntf_check(ys) < 0) {
				fprintf(stderr, "ntf: %s\n", ys->err.msg);
				return 1;
			}
			while ((base = ynl_ntf_dequeue(ys))) {
				struct rgnl_entry_get_ntf *e = (void *)base;

				/* (The value's pointer: 7.x's YNL keeps lengths in
				 * _len, 6.12's in _present.)
				 */
				if (base->cmd == RGNL_CMD_ENTRY_NEW_NTF && e->obj._present.entry &&
				    e->obj.entry.value)
					got++;
				ynl_ntf_free(base);
			}
		}
		printf("%.1f\n", since(&start) / n);
		fflush(stdout);
	}
	return 0;
}

static int family(struct ynl_sock *ys, long n, const char *name)
{
	struct nlctrl_getfamily_req *req = nlctrl_getfamily_req_alloc();
	struct timespec start;
	long i;

	nlctrl_getfamily_req_set_family_name(req, name);
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (i = 0; i < n; i++) {
		struct nlctrl_getfamily_rsp *rsp = nlctrl_getfamily(ys, req);

		if (!rsp) {
			fprintf(stderr, "getfamily: %s\n", ys->err.msg);
			return 1;
		}
		if (!rsp->_present.family_id || !rsp->family_name ||
		    strcmp(rsp->family_name, name)) {
			fprintf(stderr, "getfamily: not %s's reply\n", name);
			return 1;
		}
		nlctrl_getfamily_rsp_free(rsp);
	}
	printf("%.0f\n", since(&start) / n);
	nlctrl_getfamily_req_free(req);
	return 0;
}

static int families(struct ynl_sock *ys, long n)
{
	struct timespec start;
	long i, found = 0;

	clock_gettime(CLOCK_MONOTONIC, &start);
	for (i = 0; i < n; i++) {
		struct nlctrl_getfamily_list *list = nlctrl_getfamily_dump(ys);

		if (!list) {
			fprintf(stderr, "getfamily dump: %s\n", ys->err.msg);
			return 1;
		}
		ynl_dump_foreach(list, f)
			found += f->_present.family_id && f->family_name;
		nlctrl_getfamily_list_free(list);
	}
	if (found <= n) {
		fprintf(stderr, "getfamily dump: %ld families in %ld dumps\n", found, n);
		return 1;
	}
	printf("%.0f\n", since(&start) / found);
	return 0;
}

int main(int argc, char **argv)
{
	const char *mode = argv[1];
	struct ynl_error yerr;
	struct ynl_sock *ys;
	bool ctrl;
	long n;
	int ret;

	if (argc != 4 || (strcmp(mode, "get") && strcmp(mode, "dump") && strcmp(mode, "ntf") &&
			  strcmp(mode, "family") && strcmp(mode, "families")) ||
	    (n = atol(argv[2])) <= 0) {
		fprintf(stderr, "usage: ynl_get_bench get|dump|ntf|family|families N ARG\n");
		return 2;
	}
	ctrl = !strncmp(mode, "famil", 5);
	ys = ynl_sock_create(ctrl ? &ynl_nlctrl_family : &ynl_rgnl_family, &yerr);
	if (!ys) {
		fprintf(stderr, "ynl_sock_create: %s\n", yerr.msg);
		return 1;
	}
	if (!strcmp(mode, "ntf"))
		ret = ntf(ys, n, atol(argv[3]));
	else if (!strcmp(mode, "family"))
		ret = family(ys, n, argv[3]);
	else if (!strcmp(mode, "families"))
		ret = families(ys, n);
	else
		ret = strcmp(mode, "get") ? dump(ys, n, argv[3]) : get(ys, n, argv[3]);
	ynl_sock_destroy(ys);
	return ret;
}
