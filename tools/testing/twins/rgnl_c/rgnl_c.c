// SPDX-License-Identifier: GPL-2.0
/*
 * rgnl_c: the C twin of the rgnl family (rust/), for benchmarks and
 * byte-for-byte comparison. The same spec (renamed rgnl-c), commands,
 * attributes, limits, data structure (an rbtree per namespace, values
 * allocated apart, charged to the writer's memory cgroup), locking
 * (genl_mutex: not parallel_ops) and notifications, prepared before the
 * change is applied. Written as an in-tree C family would be.
 *
 * Not twinned: time to live (ttl-ms and notify-owner are accepted by the
 * generated policy and ignored), watches (watch-set is EOPNOTSUPP) and the
 * audit group (never sent to). The benchmarks measure paths without them,
 * so their counters are 0 here as they are there.
 */
#include <linux/module.h>
#include <linux/rbtree.h>
#include <linux/slab.h>
#include <net/genetlink.h>
#include <net/netns/generic.h>
#include <net/sock.h>

/*
 * The tables ynl-gen-c.py generates from the spec. Its family struct does
 * not fit (parallel_ops, no resv_start_op), so it is included, not linked,
 * and the family below is the twin's own.
 */
/* The policy of ops without attributes (reject-all.awk puts it in). */
static const struct nla_policy rgnl_c_reject_all_nl_policy[] = {
	{ .type = NLA_UNSPEC },
	{ .type = NLA_REJECT, .reject_message = "Unknown attribute type" },
};

#include "rgnl_c-nl-gen.c"

#define GFP_RGNL GFP_KERNEL_ACCOUNT
#define DEFAULT_MAX_ENTRIES (1 << 17)
#define DEFAULT_MAX_BYTES (16 << 20)

struct rgnl_entry {
	struct rb_node node;
	u8 key_len;
	char key[RGNL_C_KEY_MAX_LEN + 1];	/* NUL-terminated */
	u32 tag;
	u64 revision;
	u32 value_len;
	u8 *value;
};

struct rgnl_net {
	struct rb_root entries;
	u32 count, bytes, max_entries, max_bytes;
	u64 next_revision;
	u32 generation;	/* never 0 */
	u64 created, replaced, deleted, flushed, notifications;
};

/* A dump's resume point: the first key that did not fit. */
struct rgnl_cursor {
	u8 key_len;
	char key[RGNL_C_KEY_MAX_LEN];
};

static unsigned int rgnl_net_id;
static struct genl_family rgnl_c_family;

static struct rgnl_net *rgnl_net(const struct net *net)
{
	return net_generic(net, rgnl_net_id);
}

static int key_cmp(const char *a, u8 a_len, const char *b, u8 b_len)
{
	int c = memcmp(a, b, min(a_len, b_len));

	return c ?: a_len - b_len;
}

/*
 * The entry of key, or NULL with *parent and *link where a new entry of
 * key goes (rb_link_node()): inserting needs no second walk.
 */
static __always_inline struct rgnl_entry *rgnl_walk(struct rgnl_net *rn, const char *key, u8 len,
				    struct rb_node **parent, struct rb_node ***link)
{
	struct rb_node **p = &rn->entries.rb_node;

	*parent = NULL;
	while (*p) {
		struct rgnl_entry *e = rb_entry(*p, struct rgnl_entry, node);
		int c = key_cmp(key, len, e->key, e->key_len);

		if (!c)
			return e;
		*parent = *p;
		p = c < 0 ? &(*p)->rb_left : &(*p)->rb_right;
	}
	*link = p;
	return NULL;
}

static struct rgnl_entry *rgnl_find(struct rgnl_net *rn, const char *key, u8 len)
{
	struct rb_node *parent, **link;

	return rgnl_walk(rn, key, len, &parent, &link);
}

/* The first entry whose key is not below key (len 0: the first entry). */
static struct rgnl_entry *rgnl_lower_bound(struct rgnl_net *rn, const char *key, u8 len)
{
	struct rb_node *n = rn->entries.rb_node;
	struct rgnl_entry *best = NULL;

	while (n) {
		struct rgnl_entry *e = rb_entry(n, struct rgnl_entry, node);

		if (key_cmp(e->key, e->key_len, key, len) >= 0) {
			best = e;
			n = n->rb_left;
		} else {
			n = n->rb_right;
		}
	}
	return best;
}

static void rgnl_free(struct rgnl_entry *e)
{
	kfree(e->value);
	kfree(e);
}

static void rgnl_changed(struct rgnl_net *rn)
{
	rn->next_revision++;
	rn->generation = rn->generation + 1 ?: 1;
}

static size_t entry_size(size_t key_len, size_t value_len)
{
	return nla_total_size(nla_total_size(key_len + 1) + nla_total_size(value_len) +
			      nla_total_size(sizeof(u32)) + nla_total_size_64bit(sizeof(u64)));
}

static int put_entry(struct sk_buff *skb, const struct rgnl_entry *e)
{
	struct nlattr *nest = nla_nest_start(skb, RGNL_C_A_RGNL_ENTRY);

	if (!nest)
		return -EMSGSIZE;
	if (nla_put(skb, RGNL_C_A_RGNL_KEY, e->key_len + 1, e->key) ||
	    nla_put(skb, RGNL_C_A_RGNL_VALUE, e->value_len, e->value) ||
	    nla_put_u32(skb, RGNL_C_A_RGNL_TAG, e->tag) ||
	    nla_put_u64_64bit(skb, RGNL_C_A_RGNL_REVISION, e->revision, RGNL_C_A_RGNL_PAD)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/*
 * A message of cmd holding entry e, addressed to the requester, and a
 * REASON (an entry-del-ntf) unless reason is negative.
 */
static struct sk_buff *entry_message(struct genl_info *info, u8 cmd, const struct rgnl_entry *e,
				     int reason)
{
	size_t size = entry_size(e->key_len, e->value_len) +
		      (reason < 0 ? 0 : nla_total_size(sizeof(u32)));
	struct sk_buff *msg = genlmsg_new(size, GFP_KERNEL);
	void *hdr;

	if (!msg)
		return ERR_PTR(-ENOMEM);
	hdr = genlmsg_put(msg, info->snd_portid, info->snd_seq, &rgnl_c_family, 0, cmd);
	if (!hdr || put_entry(msg, e) ||
	    (reason >= 0 && nla_put_u32(msg, RGNL_C_A_RGNL_REASON, reason))) {
		nlmsg_free(msg);
		return ERR_PTR(-EMSGSIZE);
	}
	genlmsg_end(msg, hdr);
	return msg;
}

static bool wants_notification(struct genl_info *info)
{
	return genl_has_listeners(&rgnl_c_family, genl_info_net(info), RGNL_C_NLGRP_EVENTS) ||
	       info->nlhdr->nlmsg_flags & NLM_F_ECHO;
}

static void send_notification(struct rgnl_net *rn, struct genl_info *info, struct sk_buff *msg)
{
	if (!msg)
		return;
	rn->notifications++;
	genl_notify(&rgnl_c_family, msg, info, RGNL_C_NLGRP_EVENTS, GFP_KERNEL);
}

/* The request's KEY: required and not empty (the policy bounds its length). */
static int request_key(struct genl_info *info, const char **key, u8 *len)
{
	struct nlattr *a = info->attrs[RGNL_C_A_RGNL_KEY];

	if (GENL_REQ_ATTR_CHECK(info, RGNL_C_A_RGNL_KEY))
		return -EINVAL;
	*key = nla_data(a);
	*len = strlen(*key);
	if (!*len) {
		NL_SET_ERR_MSG_ATTR(info->extack, a, "key must not be empty");
		return -EINVAL;
	}
	return 0;
}

/* The entry of the request's KEY, or an ERR_PTR with the extack set. */
static struct rgnl_entry *request_entry(struct rgnl_net *rn, struct genl_info *info)
{
	struct rgnl_entry *e;
	const char *key;
	u8 key_len;
	int err;

	err = request_key(info, &key, &key_len);
	if (err)
		return ERR_PTR(err);
	e = rgnl_find(rn, key, key_len);
	if (!e) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[RGNL_C_A_RGNL_KEY], "no such entry");
		return ERR_PTR(-ENOENT);
	}
	return e;
}

int rgnl_c_nl_entry_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct rgnl_net *rn = rgnl_net(genl_info_net(info));
	u16 flags = info->nlhdr->nlmsg_flags;
	struct rgnl_entry *old, *new;
	struct rb_node *parent, **link;
	struct sk_buff *ntf = NULL;
	struct nlattr *value;
	u64 bytes;
	const char *key;
	u8 key_len;
	int err;

	err = request_key(info, &key, &key_len);
	if (err)
		return err;
	if (GENL_REQ_ATTR_CHECK(info, RGNL_C_A_RGNL_VALUE))
		return -EINVAL;
	value = info->attrs[RGNL_C_A_RGNL_VALUE];

	old = rgnl_walk(rn, key, key_len, &parent, &link);
	if (old && !(flags & NLM_F_REPLACE)) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[RGNL_C_A_RGNL_KEY], "entry exists");
		return -EEXIST;
	}
	if (!old && !(flags & NLM_F_CREATE)) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[RGNL_C_A_RGNL_KEY], "no such entry");
		return -ENOENT;
	}
	if (!old && rn->count >= rn->max_entries) {
		NL_SET_ERR_MSG(info->extack, "entry limit of the namespace reached");
		return -ENOSPC;
	}
	bytes = (u64)rn->bytes - (old ? old->value_len : 0) + nla_len(value);
	if (bytes > rn->max_bytes) {
		NL_SET_ERR_MSG_ATTR(info->extack, value, "value byte limit of the namespace reached");
		return -ENOSPC;
	}

	/* Prepare everything that can fail; applying cannot. */
	new = kmalloc(sizeof(*new), GFP_RGNL);
	if (!new)
		return -ENOMEM;
	new->value = nla_len(value) ? kmemdup(nla_data(value), nla_len(value), GFP_RGNL) : NULL;
	if (nla_len(value) && !new->value) {
		kfree(new);
		return -ENOMEM;
	}
	new->key_len = key_len;
	memcpy(new->key, key, key_len);
	new->key[key_len] = '\0';
	new->value_len = nla_len(value);
	new->tag = info->attrs[RGNL_C_A_RGNL_TAG] ?
		   nla_get_u32(info->attrs[RGNL_C_A_RGNL_TAG]) : 0;
	new->revision = rn->next_revision;
	if (wants_notification(info)) {
		ntf = entry_message(info, RGNL_C_CMD_ENTRY_NEW_NTF, new, -1);
		if (IS_ERR(ntf)) {
			rgnl_free(new);
			return PTR_ERR(ntf);
		}
	}

	rn->bytes = bytes;
	rgnl_changed(rn);
	if (old) {
		rb_replace_node(&old->node, &new->node, &rn->entries);
		rgnl_free(old);
		rn->replaced++;
	} else {
		rb_link_node(&new->node, parent, link);
		rb_insert_color(&new->node, &rn->entries);
		rn->count++;
		rn->created++;
	}
	send_notification(rn, info, ntf);
	return 0;
}

int rgnl_c_nl_entry_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct rgnl_entry *e = request_entry(rgnl_net(genl_info_net(info)), info);
	struct sk_buff *msg;

	if (IS_ERR(e))
		return PTR_ERR(e);
	msg = entry_message(info, RGNL_C_CMD_ENTRY_GET, e, -1);
	if (IS_ERR(msg))
		return PTR_ERR(msg);
	return genlmsg_reply(msg, info);
}

int rgnl_c_dump_start(struct netlink_callback *cb)
{
	cb->min_dump_alloc = max_t(u32, cb->min_dump_alloc,
				   genlmsg_total_size(entry_size(RGNL_C_KEY_MAX_LEN,
								 RGNL_C_VALUE_MAX_LEN)));
	return 0;
}

int rgnl_c_dump_done(struct netlink_callback *cb)
{
	kfree(*(struct rgnl_cursor **)cb->ctx);
	return 0;
}

int rgnl_c_nl_entry_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct rgnl_cursor **cursor = (struct rgnl_cursor **)cb->ctx;
	const struct genl_info *info = genl_info_dump(cb);
	struct rgnl_net *rn = rgnl_net(sock_net(skb->sk));
	struct nlattr *p = info->attrs[RGNL_C_A_RGNL_PREFIX];
	const char *prefix = p ? nla_data(p) : "";
	u8 prefix_len = strlen(prefix);
	struct rgnl_entry *e;
	struct rb_node *n;
	void *hdr;

	cb->seq = rn->generation;
	if (p)
		cb->answer_flags |= NLM_F_DUMP_FILTERED;
	e = *cursor ? rgnl_lower_bound(rn, (*cursor)->key, (*cursor)->key_len) :
		      rgnl_lower_bound(rn, prefix, prefix_len);
	for (; e; n = rb_next(&e->node), e = n ? rb_entry(n, struct rgnl_entry, node) : NULL) {
		if (e->key_len < prefix_len || memcmp(e->key, prefix, prefix_len))
			break;
		hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
				  &rgnl_c_family, NLM_F_MULTI | cb->answer_flags,
				  RGNL_C_CMD_ENTRY_GET);
		if (!hdr)
			goto full;
		genl_dump_check_consistent(cb, hdr);
		if (put_entry(skb, e)) {
			genlmsg_cancel(skb, hdr);
			goto full;
		}
		genlmsg_end(skb, hdr);
	}
	return 0;
full:
	if (!skb->len)
		return -EMSGSIZE;
	if (!*cursor) {
		*cursor = kmalloc(sizeof(**cursor), GFP_KERNEL);
		if (!*cursor)
			return -ENOMEM;
	}
	(*cursor)->key_len = e->key_len;
	memcpy((*cursor)->key, e->key, e->key_len);
	return skb->len;
}

int rgnl_c_nl_entry_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct rgnl_net *rn = rgnl_net(genl_info_net(info));
	struct rgnl_entry *e = request_entry(rn, info);
	struct sk_buff *ntf = NULL;

	if (IS_ERR(e))
		return PTR_ERR(e);
	if (wants_notification(info)) {
		ntf = entry_message(info, RGNL_C_CMD_ENTRY_DEL_NTF, e, RGNL_C_DEL_REASON_DELETED);
		if (IS_ERR(ntf))
			return PTR_ERR(ntf);
	}
	rb_erase(&e->node, &rn->entries);
	rn->count--;
	rn->bytes -= e->value_len;
	rn->deleted++;
	rgnl_changed(rn);
	rgnl_free(e);
	send_notification(rn, info, ntf);
	return 0;
}

static void rgnl_flush(struct rgnl_net *rn)
{
	struct rgnl_entry *e, *tmp;

	rbtree_postorder_for_each_entry_safe(e, tmp, &rn->entries, node)
		rgnl_free(e);
	rn->entries = RB_ROOT;
}

int rgnl_c_nl_flush_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct rgnl_net *rn = rgnl_net(genl_info_net(info));
	struct sk_buff *ntf = NULL;
	void *hdr;

	if (wants_notification(info)) {
		ntf = genlmsg_new(nla_total_size(sizeof(u32)), GFP_KERNEL);
		if (!ntf)
			return -ENOMEM;
		hdr = genlmsg_put(ntf, info->snd_portid, info->snd_seq, &rgnl_c_family, 0,
				  RGNL_C_CMD_FLUSH_NTF);
		if (!hdr || nla_put_u32(ntf, RGNL_C_A_RGNL_COUNT, rn->count)) {
			nlmsg_free(ntf);
			return -EMSGSIZE;
		}
		genlmsg_end(ntf, hdr);
	}
	rgnl_flush(rn);
	rn->flushed += rn->count;
	rn->count = 0;
	rn->bytes = 0;
	rgnl_changed(rn);
	send_notification(rn, info, ntf);
	return 0;
}

int rgnl_c_nl_stats_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct rgnl_net *rn = rgnl_net(genl_info_net(info));
	struct sk_buff *msg;
	void *hdr;

	msg = genlmsg_new(4 * nla_total_size(sizeof(u32)) +
			  7 * nla_total_size_64bit(sizeof(u64)), GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_iput(msg, info);
	if (!hdr ||
	    nla_put_u32(msg, RGNL_C_A_RGNL_COUNT, rn->count) ||
	    nla_put_u32(msg, RGNL_C_A_RGNL_BYTES, rn->bytes) ||
	    nla_put_u32(msg, RGNL_C_A_RGNL_MAX_ENTRIES, rn->max_entries) ||
	    nla_put_u32(msg, RGNL_C_A_RGNL_MAX_BYTES, rn->max_bytes) ||
	    nla_put_u64_64bit(msg, RGNL_C_A_RGNL_CREATED, rn->created, RGNL_C_A_RGNL_PAD) ||
	    nla_put_u64_64bit(msg, RGNL_C_A_RGNL_REPLACED, rn->replaced, RGNL_C_A_RGNL_PAD) ||
	    nla_put_u64_64bit(msg, RGNL_C_A_RGNL_DELETED, rn->deleted, RGNL_C_A_RGNL_PAD) ||
	    nla_put_u64_64bit(msg, RGNL_C_A_RGNL_FLUSHED, rn->flushed, RGNL_C_A_RGNL_PAD) ||
	    nla_put_u64_64bit(msg, RGNL_C_A_RGNL_NOTIFICATIONS, rn->notifications,
			      RGNL_C_A_RGNL_PAD) ||
	    /* No expiries, no audit messages (not twinned). */
	    nla_put_u64_64bit(msg, RGNL_C_A_RGNL_EXPIRED, 0, RGNL_C_A_RGNL_PAD) ||
	    nla_put_u64_64bit(msg, RGNL_C_A_RGNL_AUDIT_MESSAGES, 0, RGNL_C_A_RGNL_PAD)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

int rgnl_c_nl_echo_doit(struct sk_buff *skb, struct genl_info *info)
{
	int len = genlmsg_len(info->genlhdr);
	struct sk_buff *msg;
	void *hdr;

	msg = genlmsg_new(len, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_iput(msg, info);
	if (!hdr) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	skb_put_data(msg, genlmsg_data(info->genlhdr), len);
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

int rgnl_c_nl_limits_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct rgnl_net *rn = rgnl_net(genl_info_net(info));
	struct nlattr *entries = info->attrs[RGNL_C_A_RGNL_MAX_ENTRIES];
	struct nlattr *bytes = info->attrs[RGNL_C_A_RGNL_MAX_BYTES];

	if (!entries && !bytes) {
		NL_SET_ERR_MSG(info->extack, "max-entries or max-bytes required");
		return -EINVAL;
	}
	if (entries)
		rn->max_entries = nla_get_u32(entries);
	if (bytes)
		rn->max_bytes = nla_get_u32(bytes);
	return 0;
}

int rgnl_c_nl_watch_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	NL_SET_ERR_MSG(info->extack, "watches are not in the C twin");
	return -EOPNOTSUPP;
}

static int __net_init rgnl_net_init(struct net *net)
{
	struct rgnl_net *rn = rgnl_net(net);

	rn->entries = RB_ROOT;
	rn->max_entries = DEFAULT_MAX_ENTRIES;
	rn->max_bytes = DEFAULT_MAX_BYTES;
	rn->next_revision = 1;
	rn->generation = 1;
	return 0;
}

static void __net_exit rgnl_net_exit(struct net *net)
{
	rgnl_flush(rgnl_net(net));
}

static struct pernet_operations rgnl_net_ops = {
	.init = rgnl_net_init,
	.exit = rgnl_net_exit,
	.id = &rgnl_net_id,
	.size = sizeof(struct rgnl_net),
};

static struct genl_family rgnl_c_family __ro_after_init = {
	.name = RGNL_C_FAMILY_NAME,
	.version = RGNL_C_FAMILY_VERSION,
	.netnsok = true,
	/* ENTRY_NEW takes NLM_F_CREATE/EXCL/REPLACE. */
	.resv_start_op = RGNL_C_CMD_ENTRY_NEW + 1,
	.module = THIS_MODULE,
	.split_ops = rgnl_c_nl_ops,
	.n_split_ops = ARRAY_SIZE(rgnl_c_nl_ops),
	.mcgrps = rgnl_c_nl_mcgrps,
	.n_mcgrps = ARRAY_SIZE(rgnl_c_nl_mcgrps),
};

static int __init rgnl_c_init(void)
{
	int err = register_pernet_subsys(&rgnl_net_ops);

	if (err)
		return err;
	err = genl_register_family(&rgnl_c_family);
	if (err)
		unregister_pernet_subsys(&rgnl_net_ops);
	return err;
}

static void __exit rgnl_c_exit(void)
{
	genl_unregister_family(&rgnl_c_family);
	unregister_pernet_subsys(&rgnl_net_ops);
}

module_init(rgnl_c_init);
module_exit(rgnl_c_exit);
MODULE_DESCRIPTION("C twin of the rgnl generic netlink family");
MODULE_LICENSE("GPL");
