// SPDX-License-Identifier: GPL-2.0
/*
 * rgnl_c: the C twin of the rgnl family (rust/), for benchmarks and
 * byte-for-byte comparison. The same spec (renamed rgnl-c), commands,
 * attributes, limits, data structure (an rbtree per namespace, values
 * allocated apart, charged to the writer's memory cgroup), locking
 * (genl_mutex, and a family mutex that the expiry work shares with the
 * handlers), notifications prepared before the change is applied, time to
 * live with notify-owner, per-socket watches and the audit group. Written
 * as an in-tree C family would be: where the Rust family keeps a second
 * tree of (expiry, key) copies, this one links each entry to its lease.
 */
#include <linux/module.h>
#include <linux/rbtree.h>
#include <linux/slab.h>
#include <linux/version.h>
#include <linux/workqueue.h>
#include <net/genetlink.h>
#include <net/netns/generic.h>
#include <net/sock.h>

/*
 * The tables ynl-gen-c.py generates from the spec. Its family struct does
 * not fit (parallel_ops, no resv_start_op, no per-socket state), so it is
 * included, not linked, and the family below is the twin's own.
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
/* The most entries the expiry work removes before it lets handlers in. */
#define EXPIRY_BATCH 1000
/* How soon the work tries again when a notice could not be allocated. */
#define EXPIRY_RETRY_MS 100

struct rgnl_lease;

struct rgnl_entry {
	struct rb_node node;
	u8 key_len;
	char key[RGNL_C_KEY_MAX_LEN + 1];	/* NUL-terminated */
	u32 tag;
	u64 revision;
	u32 value_len;
	u8 *value;
	struct rgnl_lease *lease;	/* NULL: never expires */
};

/* An entry's place in the expiry order: when, then its key. */
struct rgnl_lease {
	struct rb_node node;
	u64 at;		/* ktime_get() in ms */
	u32 owner;	/* port id told on expiry, 0: none */
	struct rgnl_entry *entry;
};

struct rgnl_net {
	struct delayed_work expiry;	/* expires due entries */
	struct net *net;
	struct rb_root entries;
	struct rb_root leases;
	u32 count, bytes, max_entries, max_bytes;
	u64 next_revision;
	u32 generation;	/* never 0 */
	u64 created, replaced, deleted, flushed, notifications, expired, audit_messages;
};

/* A socket's watch: the prefix of the keys whose notices it receives. */
struct rgnl_watch {
	u8 len;
	char prefix[RGNL_C_KEY_MAX_LEN];
};

/* A dump's resume point: the first key that did not fit. */
struct rgnl_cursor {
	u8 key_len;
	char key[RGNL_C_KEY_MAX_LEN];
};

static unsigned int rgnl_net_id;
static struct genl_family rgnl_c_family;

/*
 * Handlers (under genl_mutex) and the expiry work take it. The work must
 * not take genl_mutex: a namespace's teardown waits for it under
 * pernet_ops_rwsem, which other families take under genl_mutex.
 */
static DEFINE_MUTEX(rgnl_lock);
/* Cleared, under rgnl_lock, before the family unregisters. */
static bool rgnl_running;

static struct rgnl_net *rgnl_net(const struct net *net)
{
	return net_generic(net, rgnl_net_id);
}

static u64 now_ms(void)
{
	return ktime_to_ms(ktime_get());
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

/* Links lease (of its entry) into the expiry order. */
static void rgnl_lease_link(struct rgnl_net *rn, struct rgnl_lease *lease)
{
	struct rb_node **p = &rn->leases.rb_node, *parent = NULL;
	const struct rgnl_entry *e = lease->entry;

	while (*p) {
		struct rgnl_lease *l = rb_entry(*p, struct rgnl_lease, node);
		bool before = lease->at != l->at ? lease->at < l->at :
			      key_cmp(e->key, e->key_len, l->entry->key, l->entry->key_len) < 0;

		parent = *p;
		p = before ? &(*p)->rb_left : &(*p)->rb_right;
	}
	rb_link_node(&lease->node, parent, p);
	rb_insert_color(&lease->node, &rn->leases);
}

static void rgnl_unlease(struct rgnl_net *rn, struct rgnl_entry *e)
{
	if (e->lease) {
		rb_erase(&e->lease->node, &rn->leases);
		kfree(e->lease);
		e->lease = NULL;
	}
}

static void rgnl_free(struct rgnl_entry *e)
{
	kfree(e->lease);
	kfree(e->value);
	kfree(e);
}

/* The milliseconds e has left (0 once due), or -1 if it never expires. */
static s64 ttl_left(const struct rgnl_entry *e)
{
	u64 now;

	if (!e->lease)
		return -1;
	now = now_ms();
	return e->lease->at > now ? e->lease->at - now : 0;
}

/* system_wq is deprecated from 6.17 on: the same workqueue, renamed. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 17, 0)
#define rgnl_wq system_percpu_wq
#else
#define rgnl_wq system_wq
#endif

/* Runs the namespace's expiry work within msecs, keeping an earlier run. */
static void rgnl_defer(struct rgnl_net *rn, unsigned int msecs)
{
	unsigned long delay = msecs_to_jiffies(msecs);
	struct delayed_work *dw = &rn->expiry;

	/* Not queued, or queued with a timer that fires later. */
	if (!delayed_work_pending(dw) ||
	    (timer_pending(&dw->timer) &&
	     time_after(READ_ONCE(dw->timer.expires), jiffies + delay)))
		mod_delayed_work(rgnl_wq, dw, delay);
}

static void rgnl_changed(struct rgnl_net *rn)
{
	rn->next_revision++;
	rn->generation = rn->generation + 1 ?: 1;
}

static size_t entry_size(size_t key_len, size_t value_len)
{
	return nla_total_size(nla_total_size(key_len + 1) + nla_total_size(value_len) +
			      2 * nla_total_size(sizeof(u32)) + nla_total_size_64bit(sizeof(u64)));
}

static int put_entry(struct sk_buff *skb, const struct rgnl_entry *e)
{
	struct nlattr *nest = nla_nest_start(skb, RGNL_C_A_RGNL_ENTRY);
	s64 left = ttl_left(e);

	if (!nest)
		return -EMSGSIZE;
	if (nla_put(skb, RGNL_C_A_RGNL_KEY, e->key_len + 1, e->key) ||
	    nla_put(skb, RGNL_C_A_RGNL_VALUE, e->value_len, e->value) ||
	    nla_put_u32(skb, RGNL_C_A_RGNL_TAG, e->tag) ||
	    nla_put_u64_64bit(skb, RGNL_C_A_RGNL_REVISION, e->revision, RGNL_C_A_RGNL_PAD) ||
	    /* The time left while due later; none once due. */
	    (left > 0 && nla_put_u32(skb, RGNL_C_A_RGNL_TTL_MS, left))) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/*
 * A message of cmd holding entry e, addressed to portid and seq, and a
 * REASON (an entry-del-ntf) unless reason is negative.
 */
static struct sk_buff *entry_message(u32 portid, u32 seq, u8 cmd, const struct rgnl_entry *e,
				     int reason)
{
	size_t size = entry_size(e->key_len, e->value_len) +
		      (reason < 0 ? 0 : nla_total_size(sizeof(u32)));
	struct sk_buff *msg = genlmsg_new(size, GFP_KERNEL);
	void *hdr;

	if (!msg)
		return ERR_PTR(-ENOMEM);
	hdr = genlmsg_put(msg, portid, seq, &rgnl_c_family, 0, cmd);
	if (!hdr || put_entry(msg, e) ||
	    (reason >= 0 && nla_put_u32(msg, RGNL_C_A_RGNL_REASON, reason))) {
		nlmsg_free(msg);
		return ERR_PTR(-EMSGSIZE);
	}
	genlmsg_end(msg, hdr);
	return msg;
}

static struct sk_buff *reply_message(struct genl_info *info, u8 cmd, const struct rgnl_entry *e,
				     int reason)
{
	return entry_message(info->snd_portid, info->snd_seq, cmd, e, reason);
}

/* Whether dsk's watch leaves out the notice of key (a netlink_filter_fn). */
static int rgnl_watch_filter(struct sock *dsk, struct sk_buff *skb, void *data)
{
	const struct rgnl_entry *e = data;
	const struct rgnl_watch *w = xa_load(rgnl_c_family.sock_privs, (unsigned long)dsk);

	return w && (e->key_len < w->len || memcmp(e->key, w->prefix, w->len));
}

/* The notices of a change, prepared before it is applied. */
struct rgnl_notices {
	struct sk_buff *event;
	struct sk_buff *audit;
};

/*
 * The audit-ntf of the change request skb (info) asks for, of key (NULL: of
 * the namespace).
 */
static int prepare_audit(struct sk_buff *skb, struct genl_info *info, const char *key,
			 struct rgnl_notices *n)
{
	struct sk_buff *msg;
	void *hdr;

	n->audit = NULL;
	if (!genl_has_listeners(&rgnl_c_family, genl_info_net(info), RGNL_C_NLGRP_AUDIT))
		return 0;
	msg = genlmsg_new(3 * nla_total_size(sizeof(u32)) + nla_total_size(RGNL_C_KEY_MAX_LEN + 1),
			  GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_put(msg, 0, 0, &rgnl_c_family, 0, RGNL_C_CMD_AUDIT_NTF);
	if (!hdr || nla_put_u32(msg, RGNL_C_A_RGNL_COMMAND, info->genlhdr->cmd) ||
	    nla_put_u32(msg, RGNL_C_A_RGNL_PORTID, info->snd_portid) ||
	    nla_put_u32(msg, RGNL_C_A_RGNL_UID,
			from_kuid_munged(&init_user_ns, NETLINK_CB(skb).creds.uid)) ||
	    (key && nla_put_string(msg, RGNL_C_A_RGNL_KEY, key))) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	n->audit = msg;
	return 0;
}

static bool wants_notification(struct genl_info *info)
{
	return genl_has_listeners(&rgnl_c_family, genl_info_net(info), RGNL_C_NLGRP_EVENTS) ||
	       info->nlhdr->nlmsg_flags & NLM_F_ECHO;
}

/*
 * The notices of a change of entry e (NULL: of the namespace), with the
 * event msg(info, e, data) builds when someone would receive it.
 */
static int prepare_notices(struct sk_buff *skb, struct genl_info *info, const struct rgnl_entry *e,
			   struct sk_buff *(*build)(struct genl_info *info,
						    const struct rgnl_entry *e, void *data),
			   void *data, struct rgnl_notices *n)
{
	int err;

	n->event = NULL;
	if (wants_notification(info)) {
		n->event = build(info, e, data);
		if (IS_ERR(n->event))
			return PTR_ERR(n->event);
	}
	err = prepare_audit(skb, info, e ? e->key : NULL, n);
	if (err)
		nlmsg_free(n->event);
	return err;
}

/*
 * Sends them: the event of entry e only to the sockets watching its key
 * (with the echo to the requester unfiltered, as genl_notify() would).
 */
static void send_notices(struct rgnl_net *rn, struct genl_info *info, const struct rgnl_entry *e,
			 struct rgnl_notices *n)
{
	struct net *net = genl_info_net(info);
	bool report = nlmsg_report(info->nlhdr);

	if (n->audit) {
		rn->audit_messages++;
		genlmsg_multicast_netns(&rgnl_c_family, net, n->audit, 0, RGNL_C_NLGRP_AUDIT,
					GFP_KERNEL);
	}
	if (!n->event)
		return;
	rn->notifications++;
	if (!e) {
		genl_notify(&rgnl_c_family, n->event, info, RGNL_C_NLGRP_EVENTS, GFP_KERNEL);
		return;
	}
	if (report)
		skb_get(n->event);
	genlmsg_multicast_netns_filtered(&rgnl_c_family, net, n->event,
					 report ? info->snd_portid : 0, RGNL_C_NLGRP_EVENTS,
					 GFP_KERNEL, rgnl_watch_filter, (void *)e);
	if (report)
		genlmsg_unicast(net, n->event, info->snd_portid);
}

/*
 * Removes the due entries (at most batch), notifying each to the events
 * group and to its owner, and runs the work again at the next expiry.
 */
static void rgnl_expire(struct rgnl_net *rn, u32 batch)
{
	u64 now = now_ms();
	struct sk_buff *event, *owner;
	struct rgnl_lease *l;
	struct rgnl_entry *e;
	struct rb_node *first;

	for (;;) {
		if (!batch--) {
			rgnl_defer(rn, 0);
			return;
		}
		first = rb_first(&rn->leases);
		if (!first)
			return;
		l = rb_entry(first, struct rgnl_lease, node);
		if (l->at > now)
			break;
		e = l->entry;
		event = owner = NULL;
		if (genl_has_listeners(&rgnl_c_family, rn->net, RGNL_C_NLGRP_EVENTS)) {
			event = entry_message(0, 0, RGNL_C_CMD_ENTRY_DEL_NTF, e,
					      RGNL_C_DEL_REASON_EXPIRED);
			if (IS_ERR(event))
				goto retry;
		}
		if (l->owner) {
			owner = entry_message(0, 0, RGNL_C_CMD_ENTRY_DEL_NTF, e,
					      RGNL_C_DEL_REASON_EXPIRED);
			if (IS_ERR(owner)) {
				nlmsg_free(event);
				goto retry;
			}
		}
		rb_erase(&e->node, &rn->entries);
		rn->count--;
		rn->bytes -= e->value_len;
		rn->expired++;
		rgnl_changed(rn);
		if (event) {
			rn->notifications++;
			genlmsg_multicast_netns_filtered(&rgnl_c_family, rn->net, event, 0,
							 RGNL_C_NLGRP_EVENTS, GFP_KERNEL,
							 rgnl_watch_filter, e);
		}
		if (owner)
			genlmsg_unicast(rn->net, owner, l->owner);
		rgnl_unlease(rn, e);
		rgnl_free(e);
	}
	/* A lease is at most a day: u32 milliseconds. */
	rgnl_defer(rn, l->at - now);
	return;
retry:
	rgnl_defer(rn, EXPIRY_RETRY_MS);
}

static void rgnl_expiry_work(struct work_struct *work)
{
	struct rgnl_net *rn = container_of(to_delayed_work(work), struct rgnl_net, expiry);

	mutex_lock(&rgnl_lock);
	if (rgnl_running)
		rgnl_expire(rn, EXPIRY_BATCH);
	mutex_unlock(&rgnl_lock);
}

/* Expires what is due before a handler looks at the entries. */
static void catch_up(struct rgnl_net *rn)
{
	if (!RB_EMPTY_ROOT(&rn->leases))
		rgnl_expire(rn, U32_MAX);
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
	catch_up(rn);
	e = rgnl_find(rn, key, key_len);
	if (!e) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[RGNL_C_A_RGNL_KEY], "no such entry");
		return ERR_PTR(-ENOENT);
	}
	return e;
}

static struct sk_buff *new_ntf(struct genl_info *info, const struct rgnl_entry *e, void *data)
{
	return reply_message(info, RGNL_C_CMD_ENTRY_NEW_NTF, e, -1);
}

static int entry_new(struct sk_buff *skb, struct genl_info *info)
{
	struct rgnl_net *rn = rgnl_net(genl_info_net(info));
	struct nlattr *ttl = info->attrs[RGNL_C_A_RGNL_TTL_MS];
	struct nlattr *owner = info->attrs[RGNL_C_A_RGNL_NOTIFY_OWNER];
	u16 flags = info->nlhdr->nlmsg_flags;
	struct rgnl_entry *old, *new;
	struct rb_node *parent, **link;
	struct rgnl_notices notices;
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
	if (owner && !ttl) {
		NL_SET_ERR_MSG_ATTR(info->extack, owner, "notify-owner needs ttl-ms");
		return -EINVAL;
	}

	catch_up(rn);
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
	new->lease = ttl ? kmalloc(sizeof(*new->lease), GFP_RGNL) : NULL;
	if ((nla_len(value) && !new->value) || (ttl && !new->lease)) {
		rgnl_free(new);
		return -ENOMEM;
	}
	new->key_len = key_len;
	memcpy(new->key, key, key_len);
	new->key[key_len] = '\0';
	new->value_len = nla_len(value);
	new->tag = info->attrs[RGNL_C_A_RGNL_TAG] ?
		   nla_get_u32(info->attrs[RGNL_C_A_RGNL_TAG]) : 0;
	new->revision = rn->next_revision;
	if (new->lease) {
		new->lease->at = now_ms() + nla_get_u32(ttl);
		/* (The Rust twin keeps the low 32 bits, 0 meaning "never".) */
		if (!(u32)new->lease->at)
			new->lease->at++;
		new->lease->owner = owner ? info->snd_portid : 0;
		new->lease->entry = new;
	}
	err = prepare_notices(skb, info, new, new_ntf, NULL, &notices);
	if (err) {
		rgnl_free(new);
		return err;
	}

	rn->bytes = bytes;
	if (old) {
		rgnl_unlease(rn, old);
		rb_replace_node(&old->node, &new->node, &rn->entries);
		rgnl_free(old);
		rn->replaced++;
	} else {
		rb_link_node(&new->node, parent, link);
		rb_insert_color(&new->node, &rn->entries);
		rn->count++;
		rn->created++;
	}
	if (new->lease)
		rgnl_lease_link(rn, new->lease);
	rgnl_changed(rn);
	if (ttl)
		rgnl_defer(rn, nla_get_u32(ttl));
	send_notices(rn, info, new, &notices);
	return 0;
}

static int entry_get(struct sk_buff *skb, struct genl_info *info)
{
	struct rgnl_entry *e = request_entry(rgnl_net(genl_info_net(info)), info);
	struct sk_buff *msg;

	if (IS_ERR(e))
		return PTR_ERR(e);
	msg = reply_message(info, RGNL_C_CMD_ENTRY_GET, e, -1);
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

static int entry_dump(struct sk_buff *skb, struct netlink_callback *cb)
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
		/* Due entries are left out (the expiry work removes them). */
		if (!ttl_left(e))
			continue;
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

static struct sk_buff *del_ntf(struct genl_info *info, const struct rgnl_entry *e, void *data)
{
	return reply_message(info, RGNL_C_CMD_ENTRY_DEL_NTF, e, RGNL_C_DEL_REASON_DELETED);
}

static int entry_del(struct sk_buff *skb, struct genl_info *info)
{
	struct rgnl_net *rn = rgnl_net(genl_info_net(info));
	struct rgnl_entry *e = request_entry(rn, info);
	struct rgnl_notices notices;
	int err;

	if (IS_ERR(e))
		return PTR_ERR(e);
	err = prepare_notices(skb, info, e, del_ntf, NULL, &notices);
	if (err)
		return err;
	rb_erase(&e->node, &rn->entries);
	rgnl_unlease(rn, e);
	rn->count--;
	rn->bytes -= e->value_len;
	rn->deleted++;
	rgnl_changed(rn);
	send_notices(rn, info, e, &notices);
	rgnl_free(e);
	return 0;
}

static void rgnl_flush(struct rgnl_net *rn)
{
	struct rgnl_entry *e, *tmp;

	rbtree_postorder_for_each_entry_safe(e, tmp, &rn->entries, node)
		rgnl_free(e);
	rn->entries = RB_ROOT;
	rn->leases = RB_ROOT;
}

static struct sk_buff *flush_ntf(struct genl_info *info, const struct rgnl_entry *e, void *data)
{
	struct sk_buff *ntf = genlmsg_new(nla_total_size(sizeof(u32)), GFP_KERNEL);
	void *hdr;

	if (!ntf)
		return ERR_PTR(-ENOMEM);
	hdr = genlmsg_put(ntf, info->snd_portid, info->snd_seq, &rgnl_c_family, 0,
			  RGNL_C_CMD_FLUSH_NTF);
	if (!hdr || nla_put_u32(ntf, RGNL_C_A_RGNL_COUNT, *(u32 *)data)) {
		nlmsg_free(ntf);
		return ERR_PTR(-EMSGSIZE);
	}
	genlmsg_end(ntf, hdr);
	return ntf;
}

static int flush(struct sk_buff *skb, struct genl_info *info)
{
	struct rgnl_net *rn = rgnl_net(genl_info_net(info));
	struct rgnl_notices notices;
	int err;

	/* Due entries are notified as expired, not counted as flushed. */
	catch_up(rn);
	err = prepare_notices(skb, info, NULL, flush_ntf, &rn->count, &notices);
	if (err)
		return err;
	rgnl_flush(rn);
	rn->flushed += rn->count;
	rn->count = 0;
	rn->bytes = 0;
	rgnl_changed(rn);
	send_notices(rn, info, NULL, &notices);
	return 0;
}

static int stats_get(struct sk_buff *skb, struct genl_info *info)
{
	struct rgnl_net *rn = rgnl_net(genl_info_net(info));
	struct sk_buff *msg;
	void *hdr;

	/* Due entries count as expired, not as held. */
	catch_up(rn);
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
	    nla_put_u64_64bit(msg, RGNL_C_A_RGNL_EXPIRED, rn->expired, RGNL_C_A_RGNL_PAD) ||
	    nla_put_u64_64bit(msg, RGNL_C_A_RGNL_AUDIT_MESSAGES, rn->audit_messages,
			      RGNL_C_A_RGNL_PAD)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

static int echo(struct sk_buff *skb, struct genl_info *info)
{
	int len = genlmsg_len(info->genlhdr);
	struct sk_buff *msg;
	void *hdr;

	/* The attributes as sent, their last one padded if it was not. */
	msg = genlmsg_new(NLA_ALIGN(len), GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_iput(msg, info);
	if (!hdr) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	skb_put_data(msg, genlmsg_data(info->genlhdr), len);
	skb_put_zero(msg, NLA_ALIGN(len) - len);
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

static int limits_set(struct sk_buff *skb, struct genl_info *info)
{
	struct rgnl_net *rn = rgnl_net(genl_info_net(info));
	struct nlattr *entries = info->attrs[RGNL_C_A_RGNL_MAX_ENTRIES];
	struct nlattr *bytes = info->attrs[RGNL_C_A_RGNL_MAX_BYTES];
	struct rgnl_notices notices = {};
	int err;

	if (!entries && !bytes) {
		NL_SET_ERR_MSG(info->extack, "max-entries or max-bytes required");
		return -EINVAL;
	}
	/* No event (limits are not entries); the audit group is told. */
	err = prepare_audit(skb, info, NULL, &notices);
	if (err)
		return err;
	if (entries)
		rn->max_entries = nla_get_u32(entries);
	if (bytes)
		rn->max_bytes = nla_get_u32(bytes);
	send_notices(rn, info, NULL, &notices);
	return 0;
}

/*
 * The socket's watch, allocated on first use. genl_sk_priv_get() is not
 * exported (its only user, devlink, is built in): the same lookup of the
 * family's sock_privs, whose entries the core frees with the socket.
 */
static struct rgnl_watch *rgnl_watch_get(struct sock *sk)
{
	struct rgnl_watch *w, *old;

	w = xa_load(rgnl_c_family.sock_privs, (unsigned long)sk);
	if (w)
		return w;
	w = kzalloc(sizeof(*w), GFP_KERNEL);
	if (!w)
		return ERR_PTR(-ENOMEM);
	old = xa_cmpxchg(rgnl_c_family.sock_privs, (unsigned long)sk, NULL, w, GFP_KERNEL);
	if (old) {
		kfree(w);
		return xa_is_err(old) ? ERR_PTR(xa_err(old)) : old;
	}
	return w;
}

static void rgnl_watch_destroy(void *priv)
{
}

static int watch_set(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *p = info->attrs[RGNL_C_A_RGNL_PREFIX];
	const char *prefix = p ? nla_data(p) : "";
	struct rgnl_watch *w = rgnl_watch_get(NETLINK_CB(skb).sk);

	if (IS_ERR(w))
		return PTR_ERR(w);
	/* The policy bounds the prefix by KEY_MAX_LEN. */
	w->len = strlen(prefix);
	memcpy(w->prefix, prefix, w->len);
	return 0;
}

/* Every handler runs under the family mutex, as the expiry work does. */
#define RGNL_LOCKED(name, fn, type, arg)				\
	int name(struct sk_buff *skb, type arg)				\
	{								\
		int ret;						\
									\
		mutex_lock(&rgnl_lock);					\
		ret = fn(skb, arg);					\
		mutex_unlock(&rgnl_lock);				\
		return ret;						\
	}

RGNL_LOCKED(rgnl_c_nl_entry_new_doit, entry_new, struct genl_info *, info)
RGNL_LOCKED(rgnl_c_nl_entry_get_doit, entry_get, struct genl_info *, info)
RGNL_LOCKED(rgnl_c_nl_entry_get_dumpit, entry_dump, struct netlink_callback *, cb)
RGNL_LOCKED(rgnl_c_nl_entry_del_doit, entry_del, struct genl_info *, info)
RGNL_LOCKED(rgnl_c_nl_flush_doit, flush, struct genl_info *, info)
RGNL_LOCKED(rgnl_c_nl_stats_get_doit, stats_get, struct genl_info *, info)
RGNL_LOCKED(rgnl_c_nl_echo_doit, echo, struct genl_info *, info)
RGNL_LOCKED(rgnl_c_nl_limits_set_doit, limits_set, struct genl_info *, info)
RGNL_LOCKED(rgnl_c_nl_watch_set_doit, watch_set, struct genl_info *, info)

static int __net_init rgnl_net_init(struct net *net)
{
	struct rgnl_net *rn = rgnl_net(net);

	INIT_DELAYED_WORK(&rn->expiry, rgnl_expiry_work);
	rn->net = net;
	rn->entries = RB_ROOT;
	rn->leases = RB_ROOT;
	rn->max_entries = DEFAULT_MAX_ENTRIES;
	rn->max_bytes = DEFAULT_MAX_BYTES;
	rn->next_revision = 1;
	rn->generation = 1;
	return 0;
}

static void __net_exit rgnl_net_exit(struct net *net)
{
	struct rgnl_net *rn = rgnl_net(net);

	disable_delayed_work_sync(&rn->expiry);
	rgnl_flush(rn);
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
	.sock_priv_size = sizeof(struct rgnl_watch),
	.sock_priv_destroy = rgnl_watch_destroy,
};

static int __init rgnl_c_init(void)
{
	int err = register_pernet_subsys(&rgnl_net_ops);

	if (err)
		return err;
	rgnl_running = true;
	err = genl_register_family(&rgnl_c_family);
	if (err)
		unregister_pernet_subsys(&rgnl_net_ops);
	return err;
}

static void __exit rgnl_c_exit(void)
{
	/* No expiry work sends for an unregistered family. */
	mutex_lock(&rgnl_lock);
	rgnl_running = false;
	mutex_unlock(&rgnl_lock);
	genl_unregister_family(&rgnl_c_family);
	unregister_pernet_subsys(&rgnl_net_ops);
}

module_init(rgnl_c_init);
module_exit(rgnl_c_exit);
MODULE_DESCRIPTION("C twin of the rgnl generic netlink family");
MODULE_LICENSE("GPL");
