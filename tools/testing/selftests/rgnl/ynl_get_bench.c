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
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <ynl.h>

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

int main(int argc, char **argv)
{
	struct ynl_error yerr;
	struct ynl_sock *ys;
	long n;
	int ret;

	if (argc != 4 || (strcmp(argv[1], "get") && strcmp(argv[1], "dump") &&
			  strcmp(argv[1], "ntf")) || (n = atol(argv[2])) <= 0) {
		fprintf(stderr, "usage: ynl_get_bench get|dump|ntf N KEY|PREFIX|ROUNDS\n");
		return 2;
	}
	ys = ynl_sock_create(&ynl_rgnl_family, &yerr);
	if (!ys) {
		fprintf(stderr, "ynl_sock_create: %s\n", yerr.msg);
		return 1;
	}
	if (!strcmp(argv[1], "ntf"))
		ret = ntf(ys, n, atol(argv[3]));
	else
		ret = strcmp(argv[1], "get") ? dump(ys, n, argv[3]) : get(ys, n, argv[3]);
	ynl_sock_destroy(ys);
	return ret;
}
