// SPDX-License-Identifier: GPL-2.0
/*
 * rgnl_echo_c: the C twin of samples/rgnl_echo (the same spec, commands,
 * attributes, policies, pre/post doit, per-netns state and notifications),
 * registered as "rgnl_echo_c". Written as an in-tree C family would be, so
 * that the Rust layer's cost can be measured against it.
 */
#include <linux/module.h>
#include <net/genetlink.h>
#include <net/netns/generic.h>
#include <net/sock.h>

/*
 * The tables ynl-gen-c.py generates from the spec. A genetlink-legacy spec
 * gets no family struct, and its tables are static: include them here.
 */
/* The policy of ops without attributes (reject-all.awk puts it in). */
static const struct nla_policy rgnl_echo_c_reject_all_nl_policy[] = {
	{ .type = NLA_UNSPEC },
	{ .type = NLA_REJECT, .reject_message = "Unknown attribute type" },
};

#include "rgnl_echo-nl-gen.c"

struct echo_net {
	u32 echoes;
	u32 generation;	/* bumped on every change; never 0 */
	u32 started;
	u32 finished;
};

static unsigned int echo_net_id;
static struct genl_family rgnl_echo_c_family;

static struct echo_net *echo_net(const struct net *net)
{
	return net_generic(net, echo_net_id);
}

static void echo_set(struct echo_net *en, u32 echoes)
{
	en->echoes = echoes;
	en->generation = en->generation + 1 ?: 1;
}

int rgnl_echo_pre_doit(const struct genl_split_ops *ops, struct sk_buff *skb,
		       struct genl_info *info)
{
	echo_net(genl_info_net(info))->started++;
	return 0;
}

void rgnl_echo_post_doit(const struct genl_split_ops *ops, struct sk_buff *skb,
			 struct genl_info *info)
{
	echo_net(genl_info_net(info))->finished++;
}

int rgnl_echo_nl_echo_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct echo_net *en = echo_net(genl_info_net(info));
	struct sk_buff *msg;
	const char *text;
	void *hdr;

	if (GENL_REQ_ATTR_CHECK(info, RGNL_ECHO_A_ECHO_TEXT))
		return -EINVAL;
	text = nla_data(info->attrs[RGNL_ECHO_A_ECHO_TEXT]);
	echo_set(en, en->echoes + 1 ?: U32_MAX);

	msg = genlmsg_new(nla_total_size(strlen(text) + 1) +
			  3 * nla_total_size(sizeof(u32)), GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_iput(msg, info);
	if (!hdr ||
	    nla_put_string(msg, RGNL_ECHO_A_ECHO_TEXT, text) ||
	    nla_put_u32(msg, RGNL_ECHO_A_ECHO_COUNT, en->echoes) ||
	    nla_put_u32(msg, RGNL_ECHO_A_ECHO_STARTED, en->started) ||
	    nla_put_u32(msg, RGNL_ECHO_A_ECHO_FINISHED, en->finished)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

int rgnl_echo_nl_seq_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	const struct genl_info *info = genl_info_dump(cb);
	struct echo_net *en = echo_net(sock_net(skb->sk));
	u32 *next = (u32 *)cb->ctx;
	const char *text = "";
	u32 count;
	void *hdr;

	cb->seq = en->generation;
	if (GENL_REQ_ATTR_CHECK(info, RGNL_ECHO_A_ECHO_COUNT))
		return -EINVAL;
	count = nla_get_u32(info->attrs[RGNL_ECHO_A_ECHO_COUNT]);
	if (info->attrs[RGNL_ECHO_A_ECHO_TEXT])
		text = nla_data(info->attrs[RGNL_ECHO_A_ECHO_TEXT]);

	for (; *next < count; (*next)++) {
		hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid,
				  cb->nlh->nlmsg_seq, &rgnl_echo_c_family,
				  NLM_F_MULTI, RGNL_ECHO_CMD_SEQ);
		if (!hdr)
			return skb->len ?: -EMSGSIZE;
		genl_dump_check_consistent(cb, hdr);
		if (nla_put_u32(skb, RGNL_ECHO_A_ECHO_INDEX, *next) ||
		    nla_put_string(skb, RGNL_ECHO_A_ECHO_TEXT, text)) {
			genlmsg_cancel(skb, hdr);
			return skb->len ?: -EMSGSIZE;
		}
		genlmsg_end(skb, hdr);
	}
	return 0;
}

int rgnl_echo_nl_reset_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct echo_net *en = echo_net(net);
	u32 old = en->echoes;
	struct sk_buff *msg;
	void *hdr;

	echo_set(en, 0);
	if (!genl_has_listeners(&rgnl_echo_c_family, net, RGNL_ECHO_NLGRP_EVENTS) &&
	    !(info->nlhdr->nlmsg_flags & NLM_F_ECHO))
		return 0;
	msg = genlmsg_new(nla_total_size(sizeof(u32)), GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_iput(msg, info);
	if (!hdr || nla_put_u32(msg, RGNL_ECHO_A_ECHO_COUNT, old)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	genl_notify(&rgnl_echo_c_family, msg, info, RGNL_ECHO_NLGRP_EVENTS, GFP_KERNEL);
	return 0;
}

static int __net_init echo_net_init(struct net *net)
{
	echo_net(net)->generation = 1;
	return 0;
}

static struct pernet_operations echo_net_ops = {
	.init = echo_net_init,
	.id = &echo_net_id,
	.size = sizeof(struct echo_net),
};

static struct genl_family rgnl_echo_c_family __ro_after_init = {
	.name = "rgnl_echo_c",
	.version = 1,
	.netnsok = true,
	.module = THIS_MODULE,
	.split_ops = rgnl_echo_nl_ops,
	.n_split_ops = ARRAY_SIZE(rgnl_echo_nl_ops),
	.mcgrps = rgnl_echo_nl_mcgrps,
	.n_mcgrps = ARRAY_SIZE(rgnl_echo_nl_mcgrps),
};

static int __init rgnl_echo_c_init(void)
{
	int err = register_pernet_subsys(&echo_net_ops);

	if (err)
		return err;
	err = genl_register_family(&rgnl_echo_c_family);
	if (err)
		unregister_pernet_subsys(&echo_net_ops);
	return err;
}

static void __exit rgnl_echo_c_exit(void)
{
	genl_unregister_family(&rgnl_echo_c_family);
	unregister_pernet_subsys(&echo_net_ops);
}

module_init(rgnl_echo_c_init);
module_exit(rgnl_echo_c_exit);
MODULE_DESCRIPTION("C twin of the rgnl_echo sample family");
MODULE_LICENSE("GPL");
