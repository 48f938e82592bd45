// SPDX-License-Identifier: GPL-2.0
#include "helpers.h"
#include <linux/version.h>

void rgnl_genlmsg_cancel(struct sk_buff *skb, void *hdr)
{
	genlmsg_cancel(skb, hdr);
}

void rgnl_nlmsg_free(struct sk_buff *skb)
{
	nlmsg_free(skb);
}

/* kmalloc() through its macro, as kmemdup() below. */
void *rgnl_kmalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp);
}

/*
 * kmalloc() of a constant size, one helper per size class: with a constant
 * size kmalloc() picks its cache at build time, as for a C struct; a size
 * known only at run time is looked up on every call. The layer's
 * allocations of a type call the helper of the type's class.
 */
#define RGNL_KMALLOC_CLASS(size) \
	void *rgnl_kmalloc_##size(gfp_t gfp) \
	{ \
		return kmalloc(size, gfp); \
	}
RGNL_KMALLOC_CLASSES(RGNL_KMALLOC_CLASS)

#ifdef CONFIG_MEM_ALLOC_PROFILING
/* kmemdup() through its macro: alloc_hooks() tags it for allocation profiling. */
void *rgnl_kmemdup(const void *src, size_t len, gfp_t gfp)
{
	return kmemdup(src, len, gfp);
}
#endif

void rgnl_dump_no_progress(struct sk_buff *skb, struct netlink_callback *cb)
{
	const struct genl_dumpit_info *info = genl_dumpit_info(cb);

	/* What this call wrote would be sent again by the next one. */
	skb_trim(skb, 0);
	pr_warn_ratelimited("%s: dump of command %u stopped: a call filled an skb without moving its cursor\n",
			    info->info.family->name, info->op.cmd);
}

void rgnl_nla_nest_cancel(struct sk_buff *skb, struct nlattr *start)
{
	nla_nest_cancel(skb, start);
}

struct net *rgnl_dump_net(const struct netlink_callback *cb)
{
	return sock_net(cb->skb->sk);
}

int rgnl_skb_tailroom(const struct sk_buff *skb)
{
	return skb_tailroom(skb);
}

void *rgnl_net_generic(const struct net *net, unsigned int id)
{
	return net_generic(net, id);
}

void rgnl_nl_set_err_msg(struct netlink_ext_ack *extack, const char *msg)
{
	/* NL_SET_ERR_MSG() wants a literal; this is its body for a pointer. */
	do_trace_netlink_extack(msg);
	if (extack)
		extack->_msg = msg;
}

void rgnl_nl_set_bad_attr(struct netlink_ext_ack *extack, const struct nlattr *attr)
{
	NL_SET_BAD_ATTR(extack, attr);
}

void rgnl_nl_set_err_attr_miss(struct netlink_ext_ack *extack,
			       struct nlattr *nest, u16 type)
{
	NL_SET_ERR_ATTR_MISS(extack, nest, type);
}

void rgnl_init_delayed_work(struct delayed_work *dwork, work_func_t fn)
{
	INIT_DELAYED_WORK(dwork, fn);
}

/*
 * From 6.17 on, system_wq is deprecated (each module using it is warned
 * about once) in favour of system_percpu_wq, the same workqueue.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 17, 0)
#define rgnl_system_wq system_percpu_wq
#else
#define rgnl_system_wq system_wq
#endif

void rgnl_defer(struct delayed_work *dwork, unsigned int msecs)
{
	unsigned long delay = msecs_to_jiffies(msecs);

	/*
	 * Keep an earlier run: one already queued (its timer fired, or it was
	 * queued without one), or one whose timer fires first. A race with
	 * the timer firing only costs an extra run: the work looks at what is
	 * due when it runs.
	 */
	if (delayed_work_pending(dwork) &&
	    (!timer_pending(&dwork->timer) ||
	     time_before_eq(READ_ONCE(dwork->timer.expires), jiffies + delay)))
		return;
	mod_delayed_work(rgnl_system_wq, dwork, delay);
}

void rgnl_disable_delayed_work_sync(struct delayed_work *dwork)
{
	disable_delayed_work_sync(dwork);
}

/*
 * __genl_sk_priv_get() and genl_sk_priv_get() are not exported (their only
 * user, devlink, is built in): the same lookups of family->sock_privs,
 * whose entries genl_release() and genl_unregister_family() free with
 * family->sock_priv_destroy() and kfree(). The layer leaves
 * family->sock_priv_init unset and passes its own, which can fail: the
 * entry is then freed here and never stored, so every stored entry was
 * initialised.
 */
void *rgnl_genl_sk_priv_lookup(const struct genl_family *family, struct sock *sk)
{
	return xa_load(family->sock_privs, (unsigned long)sk);
}

void *rgnl_genl_sk_priv_get(const struct genl_family *family, struct sock *sk,
			    int (*init)(void *priv))
{
	void *priv, *old;
	int err;

	priv = xa_load(family->sock_privs, (unsigned long)sk);
	if (priv)
		return priv;
	/* A failure is the request's answer, not a warning. */
	priv = kzalloc(family->sock_priv_size, GFP_KERNEL | __GFP_NOWARN);
	if (!priv)
		return ERR_PTR(-ENOMEM);
	err = init(priv);
	if (err) {
		kfree(priv);
		return ERR_PTR(err);
	}
	old = xa_cmpxchg(family->sock_privs, (unsigned long)sk, NULL, priv, GFP_KERNEL);
	if (old) {
		family->sock_priv_destroy(priv);
		kfree(priv);
		/* An error, or a racing socket's own lookup won. */
		return xa_is_err(old) ? ERR_PTR(xa_err(old)) : old;
	}
	return priv;
}

struct sock *rgnl_skb_sk(const struct sk_buff *skb)
{
	return NETLINK_CB(skb).sk;
}

u32 rgnl_skb_sender_uid(const struct sk_buff *skb)
{
	return from_kuid_munged(&init_user_ns, NETLINK_CB(skb).creds.uid);
}

int rgnl_genlmsg_multicast_netns_filtered(const struct genl_family *family,
					  struct net *net, struct sk_buff *skb,
					  u32 portid, unsigned int group, gfp_t gfp,
					  netlink_filter_fn filter, void *data)
{
	return genlmsg_multicast_netns_filtered(family, net, skb, portid, group,
						gfp, filter, data);
}

int rgnl_genlmsg_unicast(struct net *net, struct sk_buff *skb, u32 portid)
{
	return genlmsg_unicast(net, skb, portid);
}

void rgnl_genl_notify_filtered(const struct genl_family *family,
			       struct sk_buff *skb, struct genl_info *info,
			       unsigned int group, gfp_t gfp,
			       netlink_filter_fn filter, void *data)
{
	struct net *net = genl_info_net(info);
	bool report = nlmsg_report(info->nlhdr);

	/* genl_notify() -> nlmsg_notify(), with the multicast filtered. */
	if (report)
		skb_get(skb);
	genlmsg_multicast_netns_filtered(family, net, skb,
					 report ? info->snd_portid : 0, group,
					 gfp, filter, data);
	if (report)
		genlmsg_unicast(net, skb, info->snd_portid);
}

void rgnl_mutex_init(struct mutex *lock)
{
	mutex_init(lock);
}

u64 rgnl_get_random_u64(void)
{
	return get_random_u64();
}

u64 rgnl_ktime_get_ms(void)
{
	return ktime_to_ms(ktime_get());
}

#ifdef RGNL_INLINE_CHECK
/*
 * C's own inlines that rust/genl/inlined.rs copies, for the check that
 * compares the copies with them (inlined_check.rs): built only into a test
 * module (genl-inline-check := y in its Kbuild).
 */

/*
 * Moves an empty skb's data headroom bytes on and fills its room with 0xff,
 * so that a byte a put leaves unwritten shows.
 */
void rgnl_c_skb_prepare(struct sk_buff *skb, int headroom)
{
	skb_reserve(skb, headroom);
	memset(skb_tail_pointer(skb), 0xff, skb_tailroom(skb));
}

/* What Writer::put_encoded does: nla_append(), padded as it is not. */
int rgnl_c_nla_append_padded(struct sk_buff *skb, int len, const void *data)
{
	int pad = NLA_ALIGN(len) - len;

	if (unlikely(skb_tailroom(skb) < len + pad))
		return -EMSGSIZE;
	skb_put_data(skb, data, len);
	skb_put_zero(skb, pad);
	return 0;
}

u32 rgnl_c_skb_len(const struct sk_buff *skb)
{
	return skb->len;
}

struct sk_buff *rgnl_c_genlmsg_new(size_t payload, gfp_t flags)
{
	return genlmsg_new(payload, flags);
}

void rgnl_c_genlmsg_end(struct sk_buff *skb, void *hdr)
{
	genlmsg_end(skb, hdr);
}

void rgnl_c_genl_dump_check_consistent(struct netlink_callback *cb, void *hdr)
{
	genl_dump_check_consistent(cb, hdr);
}

struct net *rgnl_c_genl_info_net(const struct genl_info *info)
{
	return genl_info_net(info);
}

const struct genl_info *rgnl_c_genl_info_dump(struct netlink_callback *cb)
{
	return genl_info_dump(cb);
}

struct nlattr *rgnl_c_nla_nest_start(struct sk_buff *skb, int attrtype)
{
	return nla_nest_start(skb, attrtype);
}

int rgnl_c_nla_nest_end(struct sk_buff *skb, struct nlattr *start)
{
	return nla_nest_end(skb, start);
}

bool rgnl_c_genl_has_listeners(const struct genl_family *family, struct net *net,
			       unsigned int group)
{
	return genl_has_listeners(family, net, group);
}

/* The socket genlmsg_reply() unicasts through (genlmsg_unicast()). */
struct sock *rgnl_c_genl_sock(struct net *net)
{
	return net->genl_sock;
}

bool rgnl_c_skb_equal(const struct sk_buff *a, const struct sk_buff *b)
{
	return a->len == b->len && !memcmp(a->data, b->data, a->len);
}

/* A zeroed callback of a dump, its data a zeroed genl_dumpit_info. */
struct netlink_callback *rgnl_c_callback_new(void)
{
	struct netlink_callback *cb = kzalloc(sizeof(*cb), GFP_KERNEL);

	if (!cb)
		return NULL;
	cb->data = kzalloc(sizeof(struct genl_dumpit_info), GFP_KERNEL);
	if (!cb->data) {
		kfree(cb);
		return NULL;
	}
	return cb;
}

void rgnl_c_callback_free(struct netlink_callback *cb)
{
	kfree(cb->data);
	kfree(cb);
}
#endif
