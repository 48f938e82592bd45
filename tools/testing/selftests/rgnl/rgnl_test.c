// SPDX-License-Identifier: GPL-2.0
/*
 * kselftests of the rgnl generic netlink family (a key/value registry per
 * network namespace, Documentation/netlink/specs/rgnl.yaml).
 *
 * Well-formed requests go through the YNL C library, with the rgnl code
 * ynl-gen-c.py generated from the spec: a client nobody here wrote. Creating
 * entries and malformed requests use a raw socket: YNL requests carry no
 * NLM_F_CREATE, so YNL alone can only replace (rtnetlink semantics).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

#include <ynl.h>
#include "rgnl-user.h"

#include "kselftest_harness.h"

/* A binary attribute's length in a YNL reply (see the Makefile). */
#ifdef RGNL_YNL_LEN_STRUCT
#define ynl_len(obj, name) ((obj)->_len.name)
#else
#define ynl_len(obj, name) ((obj)->_present.name##_len)
#endif

#define BUF_SIZE 65536

struct raw {
	int fd;
	__u16 family;
	__u32 seq;
	char extack[256];
	unsigned char buf[BUF_SIZE];
};

static int raw_open(struct raw *r, __u16 family)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	int one = 1;

	r->fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_GENERIC);
	if (r->fd < 0 || bind(r->fd, (struct sockaddr *)&sa, sizeof(sa)))
		return -1;
	setsockopt(r->fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	r->family = family;
	return 0;
}

/* Appends an attribute to the message in r->buf at *len. */
static void put_attr(struct raw *r, size_t *len, __u16 type, const void *data, __u16 dlen)
{
	struct nlattr *a = (struct nlattr *)(r->buf + *len);

	a->nla_type = type;
	a->nla_len = NLA_HDRLEN + dlen;
	memcpy(a + 1, data, dlen);
	*len += NLA_ALIGN(a->nla_len);
}

static void put_str(struct raw *r, size_t *len, __u16 type, const char *s)
{
	put_attr(r, len, type, s, strlen(s) + 1);
}

static size_t start_msg(struct raw *r, __u8 cmd, __u16 flags)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)r->buf;
	struct genlmsghdr *g = NLMSG_DATA(nlh);

	memset(r->buf, 0, NLMSG_HDRLEN + GENL_HDRLEN);
	nlh->nlmsg_type = r->family;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | flags;
	nlh->nlmsg_seq = ++r->seq;
	g->cmd = cmd;
	g->version = 1;
	return NLMSG_HDRLEN + GENL_HDRLEN;
}

/*
 * Sends the message (nlmsg_len = claimed, or len if 0) and waits for its ACK:
 * 0, a negative errno, or 1 when no answer came within 200 ms. The extack
 * message, if any, is left in r->extack.
 */
static int send_claimed(struct raw *r, size_t len, __u32 claimed)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)r->buf;
	__u32 seq = nlh->nlmsg_seq;
	struct timeval tv = { .tv_usec = 200000 };

	nlh->nlmsg_len = claimed ? claimed : len;
	r->extack[0] = 0;
	if (send(r->fd, r->buf, len, 0) < 0)
		return -errno;
	setsockopt(r->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	for (;;) {
		ssize_t n = recv(r->fd, r->buf, sizeof(r->buf), 0);
		struct nlmsghdr *m;

		if (n < 0)
			return errno == EAGAIN ? 1 : -errno;
		for (m = (struct nlmsghdr *)r->buf; NLMSG_OK(m, n); m = NLMSG_NEXT(m, n)) {
			struct nlmsgerr *e = NLMSG_DATA(m);
			struct nlattr *a;
			int rem;

			if (m->nlmsg_seq != seq || m->nlmsg_type != NLMSG_ERROR)
				continue;
			if (!(m->nlmsg_flags & NLM_F_ACK_TLVS))
				return e->error;
			a = (struct nlattr *)((char *)e + (m->nlmsg_flags & NLM_F_CAPPED ?
				sizeof(*e) : sizeof(*e) + e->msg.nlmsg_len - NLMSG_HDRLEN));
			rem = (char *)m + m->nlmsg_len - (char *)a;
			for (; rem >= NLA_HDRLEN && a->nla_len >= NLA_HDRLEN && a->nla_len <= rem;
			     rem -= NLA_ALIGN(a->nla_len),
			     a = (struct nlattr *)((char *)a + NLA_ALIGN(a->nla_len)))
				if (a->nla_type == NLMSGERR_ATTR_MSG)
					snprintf(r->extack, sizeof(r->extack), "%s", (char *)(a + 1));
			return e->error;
		}
	}
}

static int send_msg(struct raw *r, size_t len)
{
	return send_claimed(r, len, 0);
}

static int raw_set(struct raw *r, const char *key, const char *value, __u16 flags)
{
	size_t len = start_msg(r, RGNL_CMD_ENTRY_NEW, flags);

	put_str(r, &len, RGNL_A_KEY, key);
	put_attr(r, &len, RGNL_A_VALUE, value, strlen(value));
	return send_msg(r, len);
}

static int create(struct raw *r, const char *key, const char *value)
{
	return raw_set(r, key, value, NLM_F_CREATE | NLM_F_EXCL);
}

FIXTURE(rgnl) {
	struct ynl_sock *ys;
	struct raw raw;
};

FIXTURE_SETUP(rgnl)
{
	struct ynl_error yerr;

	self->ys = ynl_sock_create(&ynl_rgnl_family, &yerr);
	if (!self->ys)
		SKIP(return, "family rgnl not available (insmod rgnl.ko): %s", yerr.msg);
	ASSERT_EQ(0, raw_open(&self->raw, self->ys->family_id));
	ASSERT_EQ(0, rgnl_flush(self->ys));
}

FIXTURE_TEARDOWN(rgnl)
{
	if (self->ys)
		ynl_sock_destroy(self->ys);
}

static struct rgnl_entry_get_rsp *get(struct ynl_sock *ys, const char *key)
{
	struct rgnl_entry_get_req *req = rgnl_entry_get_req_alloc();
	struct rgnl_entry_get_rsp *rsp;

	rgnl_entry_get_req_set_key(req, key);
	rsp = rgnl_entry_get(ys, req);
	rgnl_entry_get_req_free(req);
	return rsp;
}

static struct rgnl_stats_get_rsp *stats(struct ynl_sock *ys)
{
	return rgnl_stats_get(ys);
}

TEST_F(rgnl, create_get_delete)
{
	struct rgnl_entry_del_req *del;
	struct rgnl_entry_get_rsp *rsp;
	int has_revision;

	ASSERT_EQ(0, create(&self->raw, "colour", "blue"));
	rsp = get(self->ys, "colour");
	ASSERT_NE(NULL, rsp);
	EXPECT_STREQ("colour", rsp->entry.key);
	ASSERT_EQ(4, ynl_len(&rsp->entry, value));
	EXPECT_EQ(0, memcmp(rsp->entry.value, "blue", 4));
	EXPECT_EQ(0, rsp->entry.tag);
	has_revision = rsp->entry._present.revision;
	EXPECT_TRUE(has_revision);
	rgnl_entry_get_rsp_free(rsp);

	del = rgnl_entry_del_req_alloc();
	rgnl_entry_del_req_set_key(del, "colour");
	EXPECT_EQ(0, rgnl_entry_del(self->ys, del));
	EXPECT_EQ(-1, rgnl_entry_del(self->ys, del));
	EXPECT_EQ(ENOENT, self->ys->err.code);
	EXPECT_NE(NULL, strstr(self->ys->err.msg, "'no such entry' (bad attribute: .key)"));
	rgnl_entry_del_req_free(del);

	EXPECT_EQ(NULL, get(self->ys, "colour"));
	EXPECT_EQ(ENOENT, self->ys->err.code);
}

/* NLM_F_CREATE, NLM_F_EXCL and NLM_F_REPLACE as rtnetlink has them. */
TEST_F(rgnl, create_replace_flags)
{
	struct rgnl_entry_new_req *req;
	struct rgnl_entry_get_rsp *rsp;

	EXPECT_EQ(-ENOENT, raw_set(&self->raw, "k", "v", NLM_F_REPLACE));
	EXPECT_STREQ("no such entry", self->raw.extack);
	EXPECT_EQ(0, raw_set(&self->raw, "k", "v1", NLM_F_CREATE));
	EXPECT_EQ(-EEXIST, raw_set(&self->raw, "k", "v2", NLM_F_CREATE));
	EXPECT_EQ(-EEXIST, raw_set(&self->raw, "k", "v2", NLM_F_CREATE | NLM_F_EXCL));
	EXPECT_STREQ("entry exists", self->raw.extack);
	/* EXCL | REPLACE is NLM_F_DUMP: no dump for entry-new. */
	EXPECT_EQ(-EOPNOTSUPP, raw_set(&self->raw, "k", "v2", NLM_F_EXCL | NLM_F_REPLACE));
	EXPECT_EQ(0, raw_set(&self->raw, "k", "v3", NLM_F_REPLACE));
	EXPECT_EQ(0, raw_set(&self->raw, "k", "v4", NLM_F_CREATE | NLM_F_REPLACE));

	/* YNL sends no flags: EEXIST for an existing key, ENOENT otherwise. */
	req = rgnl_entry_new_req_alloc();
	rgnl_entry_new_req_set_key(req, "k");
	rgnl_entry_new_req_set_value(req, "x", 1);
	EXPECT_EQ(-1, rgnl_entry_new(self->ys, req));
	EXPECT_EQ(EEXIST, self->ys->err.code);
	rgnl_entry_new_req_set_key(req, "other");
	EXPECT_EQ(-1, rgnl_entry_new(self->ys, req));
	EXPECT_EQ(ENOENT, self->ys->err.code);
	rgnl_entry_new_req_free(req);

	rsp = get(self->ys, "k");
	ASSERT_NE(NULL, rsp);
	EXPECT_EQ(0, memcmp(rsp->entry.value, "v4", 2));
	rgnl_entry_get_rsp_free(rsp);
}

TEST_F(rgnl, echo_and_stats)
{
	struct rgnl_stats_get_rsp *st;
	struct rgnl_echo_req *req;
	struct rgnl_echo_rsp *rsp;

	req = rgnl_echo_req_alloc();
	rgnl_echo_req_set_key(req, "probe");
	rgnl_echo_req_set_value(req, "\0\1\2", 3);
	rgnl_echo_req_set_tag(req, 77);
	rsp = rgnl_echo(self->ys, req);
	ASSERT_NE(NULL, rsp);
	EXPECT_STREQ("probe", rsp->key);
	EXPECT_EQ(3, ynl_len(rsp, value));
	EXPECT_EQ(77, rsp->tag);
	rgnl_echo_rsp_free(rsp);
	rgnl_echo_req_free(req);

	ASSERT_EQ(0, create(&self->raw, "a", "12345"));
	st = stats(self->ys);
	ASSERT_NE(NULL, st);
	EXPECT_EQ(1, st->count);
	EXPECT_EQ(5, st->bytes);
	EXPECT_EQ(st->created - st->deleted - st->flushed, st->count);
	rgnl_stats_get_rsp_free(st);
}

/* ENOSPC at each limit, nothing stored by refused requests, and recovery
 * after a flush.
 */
TEST_F(rgnl, limits)
{
	struct rgnl_limits_set_req *req = rgnl_limits_set_req_alloc();
	struct rgnl_stats_get_rsp *st;

	rgnl_limits_set_req_set_max_entries(req, 2);
	rgnl_limits_set_req_set_max_bytes(req, 8);
	ASSERT_EQ(0, rgnl_limits_set(self->ys, req));
	EXPECT_EQ(0, create(&self->raw, "a", "1234"));
	EXPECT_EQ(-ENOSPC, create(&self->raw, "b", "12345"));
	EXPECT_STREQ("value byte limit of the namespace reached", self->raw.extack);
	EXPECT_EQ(0, create(&self->raw, "b", "1"));
	EXPECT_EQ(-ENOSPC, create(&self->raw, "c", ""));
	EXPECT_STREQ("entry limit of the namespace reached", self->raw.extack);
	st = stats(self->ys);
	ASSERT_NE(NULL, st);
	EXPECT_EQ(2, st->count);
	EXPECT_EQ(5, st->bytes);
	rgnl_stats_get_rsp_free(st);
	EXPECT_EQ(0, rgnl_flush(self->ys));
	EXPECT_EQ(0, create(&self->raw, "c", ""));

	rgnl_limits_set_req_set_max_entries(req, 131072);
	rgnl_limits_set_req_set_max_bytes(req, 16 << 20);
	EXPECT_EQ(0, rgnl_limits_set(self->ys, req));
	rgnl_limits_set_req_free(req);
}

/* Strict validation: each malformed request is refused with its reason. */
TEST_F(rgnl, strict_policy)
{
	struct raw *r = &self->raw;
	char long_key[70];
	__u32 zero = 0;
	size_t len;

	memset(long_key, 'k', 65);
	long_key[65] = 0;

	len = start_msg(r, RGNL_CMD_ENTRY_GET, 0);
	put_attr(r, &len, RGNL_A_KEY, "abcd", 4); /* no NUL: not a string */
	EXPECT_EQ(-EINVAL, send_msg(r, len));
	EXPECT_STREQ("Attribute failed policy validation", r->extack);

	len = start_msg(r, RGNL_CMD_ENTRY_GET, 0);
	put_str(r, &len, RGNL_A_KEY, long_key);
	EXPECT_EQ(-EINVAL, send_msg(r, len));

	len = start_msg(r, RGNL_CMD_LIMITS_SET, 0);
	put_attr(r, &len, RGNL_A_MAX_ENTRIES, &zero, 4);
	EXPECT_EQ(-ERANGE, send_msg(r, len));
	EXPECT_STREQ("integer out of range", r->extack);

	len = start_msg(r, RGNL_CMD_ENTRY_GET, 0);
	put_str(r, &len, RGNL_A_KEY, "k");
	/* Past entry-get's policy, which ends at its last attribute (KEY). */
	put_attr(r, &len, RGNL_A_TAG, &zero, 4);
	EXPECT_EQ(-EINVAL, send_msg(r, len));
	EXPECT_STREQ("Unknown attribute type", r->extack);

	len = start_msg(r, RGNL_CMD_ENTRY_GET, 0);
	EXPECT_EQ(-EINVAL, send_msg(r, len));
	EXPECT_STREQ("missing required attribute", r->extack);

	len = start_msg(r, RGNL_CMD_ENTRY_GET, 0);
	put_str(r, &len, RGNL_A_KEY, "");
	EXPECT_EQ(-EINVAL, send_msg(r, len));
	EXPECT_STREQ("key must not be empty", r->extack);

	/* An attribute whose nla_len runs past the message. */
	len = start_msg(r, RGNL_CMD_ENTRY_GET, 0);
	put_str(r, &len, RGNL_A_KEY, "abc");
	((struct nlattr *)(r->buf + NLMSG_HDRLEN + GENL_HDRLEN))->nla_len = 200;
	EXPECT_EQ(-EINVAL, send_msg(r, len));

	/* Garbage after the last attribute. */
	len = start_msg(r, RGNL_CMD_ENTRY_GET, 0);
	put_str(r, &len, RGNL_A_KEY, "abc");
	memset(r->buf + len, 0xff, 3);
	EXPECT_EQ(-EINVAL, send_msg(r, len + 3));

	/* Truncated: no room for the genetlink header. */
	len = start_msg(r, RGNL_CMD_ECHO, 0);
	EXPECT_EQ(-EINVAL, send_claimed(r, NLMSG_HDRLEN + 2, NLMSG_HDRLEN + 2));

	/* nlmsg_len claims more than was sent: the message is ignored. */
	len = start_msg(r, RGNL_CMD_ECHO, 0);
	EXPECT_EQ(1, send_claimed(r, len, len + 64));

	/* An unknown command, and the reserved genetlink header field. */
	len = start_msg(r, 200, 0);
	EXPECT_EQ(-EOPNOTSUPP, send_msg(r, len));
	len = start_msg(r, RGNL_CMD_ECHO, 0);
	((struct genlmsghdr *)NLMSG_DATA(r->buf))->reserved = 1;
	EXPECT_EQ(-EINVAL, send_msg(r, len));

	/* Old flags only where rtnetlink semantics are offered (entry-new). */
	len = start_msg(r, RGNL_CMD_ENTRY_DEL, NLM_F_CREATE);
	put_str(r, &len, RGNL_A_KEY, "k");
	EXPECT_EQ(-EINVAL, send_msg(r, len));
	EXPECT_STREQ("ambiguous or reserved bits set in nlmsg_flags", r->extack);

	/* The module still answers. */
	EXPECT_EQ(0, create(r, "alive", "yes"));
}

static int dump_count(struct ynl_sock *ys, const char *prefix, int *sorted)
{
	struct rgnl_entry_get_req_dump *req = rgnl_entry_get_req_dump_alloc();
	struct rgnl_entry_get_list *list;
	const char *last = NULL;
	int n = 0;

	if (prefix)
		rgnl_entry_get_req_dump_set_prefix(req, prefix);
	list = rgnl_entry_get_dump(ys, req);
	rgnl_entry_get_req_dump_free(req);
	if (!list)
		return -1;
	*sorted = 1;
	ynl_dump_foreach(list, e) {
		if (last && strcmp(last, e->entry.key) >= 0)
			*sorted = 0;
		last = e->entry.key;
		n++;
	}
	rgnl_entry_get_list_free(list);
	return n;
}

/* 100,000 entries: the dump returns each once, in key order. */
TEST_F_TIMEOUT(rgnl, dump_100k, 900)
{
	char key[16];
	int i, sorted;

	for (i = 0; i < 100000; i++) {
		snprintf(key, sizeof(key), "k%06d", i);
		ASSERT_EQ(0, create(&self->raw, key, "v"));
	}
	EXPECT_EQ(100000, dump_count(self->ys, NULL, &sorted));
	EXPECT_TRUE(sorted);
	EXPECT_EQ(1000, dump_count(self->ys, "k012", &sorted));
	EXPECT_TRUE(sorted);
	EXPECT_EQ(0, dump_count(self->ys, "x", &sorted));
	EXPECT_EQ(0, rgnl_flush(self->ys));
}

/* A dump during which the registry changes is flagged NLM_F_DUMP_INTR. */
TEST_F_TIMEOUT(rgnl, dump_interrupted, 300)
{
	struct raw *r = &self->raw, writer;
	int i, interrupted = 0, done = 0, changed = 0, entries = 0;
	char key[16];
	size_t len;

	ASSERT_EQ(0, raw_open(&writer, r->family));
	for (i = 0; i < 2000; i++) {
		snprintf(key, sizeof(key), "k%06d", i);
		ASSERT_EQ(0, create(r, key, "v"));
	}
	len = start_msg(r, RGNL_CMD_ENTRY_GET, NLM_F_DUMP);
	((struct nlmsghdr *)r->buf)->nlmsg_len = len;
	ASSERT_LT(0, send(r->fd, r->buf, len, 0));
	while (!done) {
		ssize_t n = recv(r->fd, r->buf, sizeof(r->buf), 0);
		struct nlmsghdr *m;

		ASSERT_LT(0, n);
		for (m = (struct nlmsghdr *)r->buf; NLMSG_OK(m, n); m = NLMSG_NEXT(m, n)) {
			if (m->nlmsg_flags & NLM_F_DUMP_INTR)
				interrupted = 1;
			if (m->nlmsg_type == NLMSG_DONE || m->nlmsg_type == NLMSG_ERROR)
				done = 1;
			else
				entries++;
		}
		if (!changed) {
			changed = 1;
			ASSERT_EQ(0, create(&writer, "a-change", "x"));
		}
	}
	EXPECT_TRUE(interrupted);
	EXPECT_LE(2000, entries);
	close(writer.fd);
}

/* NEW, DEL and FLUSH arrive in order; nothing from another namespace. */
TEST_F(rgnl, notifications)
{
	struct ynl_ntf_base_type *ntf;
	__u8 cmds[3];
	pid_t pid;
	int i, status;

	ASSERT_EQ(0, ynl_subscribe(self->ys, "events"));
	pid = fork();
	ASSERT_LE(0, pid);
	if (pid == 0) {
		struct raw other;

		/* Changes in another namespace must not reach us. */
		if (unshare(CLONE_NEWNET) || raw_open(&other, self->raw.family) ||
		    create(&other, "elsewhere", "x"))
			_exit(1);
		_exit(0);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_EQ(0, WEXITSTATUS(status));

	ASSERT_EQ(0, create(&self->raw, "n", "1"));
	ASSERT_EQ(0, rgnl_flush(self->ys)); /* one entry */
	ASSERT_EQ(0, create(&self->raw, "m", "2"));
	usleep(100000);
	ASSERT_EQ(0, ynl_ntf_check(self->ys));
	for (i = 0; i < 3; i++) {
		ntf = ynl_ntf_dequeue(self->ys);
		ASSERT_NE(NULL, ntf);
		cmds[i] = ntf->cmd;
		if (ntf->cmd == RGNL_CMD_ENTRY_NEW_NTF) {
			struct rgnl_entry_get_ntf *e = (void *)ntf;

			EXPECT_STREQ(i == 0 ? "n" : "m", e->obj.entry.key);
		} else if (ntf->cmd == RGNL_CMD_FLUSH_NTF) {
			EXPECT_EQ(1, ((struct rgnl_flush_ntf *)ntf)->obj.count);
		}
		ynl_ntf_free(ntf);
	}
	EXPECT_EQ(RGNL_CMD_ENTRY_NEW_NTF, cmds[0]);
	EXPECT_EQ(RGNL_CMD_FLUSH_NTF, cmds[1]);
	EXPECT_EQ(RGNL_CMD_ENTRY_NEW_NTF, cmds[2]);
	EXPECT_EQ(NULL, ynl_ntf_dequeue(self->ys));
}

/*
 * Reads for everyone; writes only with CAP_NET_ADMIN over the namespace:
 * nobody gets EPERM in the initial namespace and may write in a user+net
 * namespace of its own, where the initial namespace's entries are not.
 */
TEST_F(rgnl, permissions)
{
	pid_t pid;
	int status;

	ASSERT_EQ(0, create(&self->raw, "root-only", "x"));
	pid = fork();
	ASSERT_LE(0, pid);
	if (pid == 0) {
		struct raw r;
		size_t len;
		int fd;

		/* Dumpable again after setuid, so /proc/self stays ours. */
		if (setgid(65534) || setuid(65534) || prctl(PR_SET_DUMPABLE, 1) ||
		    raw_open(&r, self->raw.family))
			_exit(10);
		len = start_msg(&r, RGNL_CMD_ENTRY_GET, 0);
		put_str(&r, &len, RGNL_A_KEY, "root-only");
		if (send_msg(&r, len) != 0)
			_exit(11);
		if (create(&r, "mine", "x") != -EPERM)
			_exit(12);
		close(r.fd);
		if (unshare(CLONE_NEWUSER | CLONE_NEWNET))
			_exit(13);
		fd = open("/proc/self/uid_map", O_WRONLY);
		if (fd < 0 || write(fd, "0 65534 1", 9) != 9)
			_exit(14);
		close(fd);
		if (raw_open(&r, self->raw.family) || create(&r, "mine", "x"))
			_exit(15);
		len = start_msg(&r, RGNL_CMD_ENTRY_GET, 0);
		put_str(&r, &len, RGNL_A_KEY, "root-only");
		_exit(send_msg(&r, len) == -ENOENT ? 0 : 16);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_EQ(0, WEXITSTATUS(status));
	EXPECT_EQ(NULL, get(self->ys, "mine"));
}

/* A namespace that goes away with entries frees them (kmemleak watches on
 * the debug kernel); the initial namespace is untouched.
 */
TEST_F(rgnl, netns_teardown)
{
	struct rgnl_stats_get_rsp *st;
	int i, status;
	pid_t pid;

	for (i = 0; i < 32; i++) {
		pid = fork();
		ASSERT_LE(0, pid);
		if (pid == 0) {
			struct raw r;

			if (unshare(CLONE_NEWNET) || raw_open(&r, self->raw.family) ||
			    create(&r, "a", "1") || create(&r, "b", "2"))
				_exit(1);
			_exit(0);
		}
		ASSERT_EQ(pid, waitpid(pid, &status, 0));
		ASSERT_EQ(0, WEXITSTATUS(status));
	}
	st = stats(self->ys);
	ASSERT_NE(NULL, st);
	EXPECT_EQ(0, st->count);
	rgnl_stats_get_rsp_free(st);
}

TEST_HARNESS_MAIN
