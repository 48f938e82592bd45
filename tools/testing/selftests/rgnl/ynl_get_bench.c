// SPDX-License-Identifier: GPL-2.0
/*
 * ynl_get_bench: N ENTRY_GET requests of KEY through the kernel's YNL C
 * library (the rgnl code ynl-gen-c.py generates from the spec); prints the
 * time per request in ns (CLOCK_MONOTONIC: instructions under QEMU's
 * -icount). The YNL column of `make bench`'s client rows.
 *
 *   ynl_get_bench N KEY
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <ynl.h>

#include "rgnl-user.h"

int main(int argc, char **argv)
{
	struct rgnl_entry_get_req *req;
	struct timespec start, end;
	struct ynl_error yerr;
	struct ynl_sock *ys;
	long n, i;

	if (argc != 3 || (n = atol(argv[1])) <= 0) {
		fprintf(stderr, "usage: ynl_get_bench N KEY\n");
		return 2;
	}
	ys = ynl_sock_create(&ynl_rgnl_family, &yerr);
	if (!ys) {
		fprintf(stderr, "ynl_sock_create: %s\n", yerr.msg);
		return 1;
	}
	req = rgnl_entry_get_req_alloc();
	rgnl_entry_get_req_set_key(req, argv[2]);
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (i = 0; i < n; i++) {
		struct rgnl_entry_get_rsp *rsp = rgnl_entry_get(ys, req);

		if (!rsp) {
			fprintf(stderr, "entry-get: %s\n", ys->err.msg);
			return 1;
		}
		rgnl_entry_get_rsp_free(rsp);
	}
	clock_gettime(CLOCK_MONOTONIC, &end);
	printf("%.0f\n", ((end.tv_sec - start.tv_sec) * 1e9 + (end.tv_nsec - start.tv_nsec)) / n);
	rgnl_entry_get_req_free(req);
	ynl_sock_destroy(ys);
	return 0;
}
