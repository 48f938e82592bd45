// SPDX-License-Identifier: GPL-2.0
#include "helpers.h"

void rgnl_genlmsg_cancel(struct sk_buff *skb, void *hdr)
{
	genlmsg_cancel(skb, hdr);
}

void rgnl_nlmsg_free(struct sk_buff *skb)
{
	nlmsg_free(skb);
}

int rgnl_nla_append_padded(struct sk_buff *skb, int len, const void *data)
{
	int pad = NLA_ALIGN(len) - len;

	/* nla_append(), as skb_put_data() with the padding it leaves out. */
	if (unlikely(skb_tailroom(skb) < len + pad))
		return -EMSGSIZE;
	skb_put_data(skb, data, len);
	if (pad)
		skb_put_zero(skb, pad);
	return 0;
}

/* kmemdup() through its macro: alloc_hooks() tags it for allocation profiling. */
void *rgnl_kmemdup(const void *src, size_t len, gfp_t gfp)
{
	return kmemdup(src, len, gfp);
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
