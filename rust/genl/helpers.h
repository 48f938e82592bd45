/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Out-of-line wrappers for the `static inline` functions and macros of the
 * netlink/genetlink API, which bindgen cannot bind. Each is a call of the
 * kernel function of the same name (without the rgnl_ prefix), plus, where
 * the name says so, a check the inline function leaves to its caller.
 */
#ifndef RGNL_GENL_HELPERS_H
#define RGNL_GENL_HELPERS_H

#include <linux/netlink.h>
#include <net/genetlink.h>
#include <net/net_namespace.h>
#include <net/netns/generic.h>
#include <net/sock.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>
#include <linux/random.h>

void rgnl_genlmsg_cancel(struct sk_buff *skb, void *hdr);
void rgnl_nlmsg_free(struct sk_buff *skb);
void *rgnl_kmalloc(size_t size, gfp_t gfp);
/* kmalloc()'s size classes up to 8 KiB (with 8-byte KMALLOC_MIN_SIZE). */
#define RGNL_KMALLOC_CLASSES(f) \
	f(8) f(16) f(32) f(64) f(96) f(128) f(192) f(256) f(512) f(1024) f(2048) f(4096) f(8192)
#define RGNL_KMALLOC_CLASS_DECL(size) void *rgnl_kmalloc_##size(gfp_t gfp);
RGNL_KMALLOC_CLASSES(RGNL_KMALLOC_CLASS_DECL)
#ifdef CONFIG_MEM_ALLOC_PROFILING
void *rgnl_kmemdup(const void *src, size_t len, gfp_t gfp);
#endif
void rgnl_dump_no_progress(struct sk_buff *skb, struct netlink_callback *cb);
void rgnl_nla_nest_cancel(struct sk_buff *skb, struct nlattr *start);
struct net *rgnl_dump_net(const struct netlink_callback *cb);
int rgnl_skb_tailroom(const struct sk_buff *skb);
void *rgnl_net_generic(const struct net *net, unsigned int id);
void rgnl_nl_set_err_msg(struct netlink_ext_ack *extack, const char *msg);
void rgnl_nl_set_bad_attr(struct netlink_ext_ack *extack, const struct nlattr *attr);
void rgnl_nl_set_err_attr_miss(struct netlink_ext_ack *extack,
			       struct nlattr *nest, u16 type);
void rgnl_mutex_init(struct mutex *lock);
void rgnl_init_delayed_work(struct delayed_work *dwork, work_func_t fn);
void rgnl_defer(struct delayed_work *dwork, unsigned int msecs);
void rgnl_disable_delayed_work_sync(struct delayed_work *dwork);
void *rgnl_genl_sk_priv_lookup(const struct genl_family *family, struct sock *sk);
void *rgnl_genl_sk_priv_get(const struct genl_family *family, struct sock *sk,
			    int (*init)(void *priv));
struct sock *rgnl_skb_sk(const struct sk_buff *skb);
u32 rgnl_skb_sender_uid(const struct sk_buff *skb);
int rgnl_genlmsg_multicast_netns_filtered(const struct genl_family *family,
					  struct net *net, struct sk_buff *skb,
					  u32 portid, unsigned int group, gfp_t gfp,
					  netlink_filter_fn filter, void *data);
int rgnl_genlmsg_unicast(struct net *net, struct sk_buff *skb, u32 portid);
void rgnl_genl_notify_filtered(const struct genl_family *family,
			       struct sk_buff *skb, struct genl_info *info,
			       unsigned int group, gfp_t gfp,
			       netlink_filter_fn filter, void *data);

u64 rgnl_get_random_u64(void);
u64 rgnl_ktime_get_ms(void);

#ifdef RGNL_INLINE_CHECK
void rgnl_c_skb_prepare(struct sk_buff *skb, int headroom);
int rgnl_c_nla_append_padded(struct sk_buff *skb, int len, const void *data);
u32 rgnl_c_skb_len(const struct sk_buff *skb);
struct sk_buff *rgnl_c_genlmsg_new(size_t payload, gfp_t flags);
void rgnl_c_genlmsg_end(struct sk_buff *skb, void *hdr);
void rgnl_c_genl_dump_check_consistent(struct netlink_callback *cb, void *hdr);
struct net *rgnl_c_genl_info_net(const struct genl_info *info);
const struct genl_info *rgnl_c_genl_info_dump(struct netlink_callback *cb);
struct nlattr *rgnl_c_nla_nest_start(struct sk_buff *skb, int attrtype);
int rgnl_c_nla_nest_end(struct sk_buff *skb, struct nlattr *start);
bool rgnl_c_genl_has_listeners(const struct genl_family *family, struct net *net,
			       unsigned int group);
struct sock *rgnl_c_genl_sock(struct net *net);
bool rgnl_c_skb_equal(const struct sk_buff *a, const struct sk_buff *b);
struct netlink_callback *rgnl_c_callback_new(void);
void rgnl_c_callback_free(struct netlink_callback *cb);
#endif

#endif
