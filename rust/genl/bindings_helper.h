/* SPDX-License-Identifier: GPL-2.0 */
/* What bindgen binds for the rgnl genetlink layer. */
#include <linux/gfp.h>
#include <linux/errno.h>
#include <linux/rbtree.h>
#include <linux/err.h>
#include <asm/page.h>
#include "helpers.h"

/* bindgen cannot evaluate these macros; give it constants. */
const gfp_t RGNL_GFP_KERNEL = GFP_KERNEL;
const gfp_t RGNL_GFP_KERNEL_ACCOUNT = GFP_KERNEL_ACCOUNT;
const gfp_t RGNL_GFP_ATOMIC = GFP_ATOMIC;
const u8 RGNL_GENL_MCAST_CAP_NET_ADMIN = GENL_MCAST_CAP_NET_ADMIN;
const u8 RGNL_GENL_MCAST_CAP_SYS_ADMIN = GENL_MCAST_CAP_SYS_ADMIN;
const size_t RGNL_GENLMSG_DEFAULT_SIZE = GENLMSG_DEFAULT_SIZE;
const size_t RGNL_NLMSG_GOODSIZE = NLMSG_GOODSIZE;
const size_t RGNL_GENL_MSG_HDRLEN = NLMSG_HDRLEN + GENL_HDRLEN;
const size_t RGNL_NLMSG_DONE_SIZE = NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(int));
/* netlink_recvmsg() caps a reader's recorded buffer size at this. */
const size_t RGNL_NETLINK_READER_MAX = SKB_WITH_OVERHEAD(32768);
const size_t RGNL_NETLINK_CB_CTX_SIZE = sizeof_field(struct netlink_callback, ctx);

/* Fields of opaque structures that inlined.rs reads, as C inline code does. */
const size_t RGNL_SKB_LEN_OFFSET = offsetof(struct sk_buff, len);
const size_t RGNL_SKB_DATA_OFFSET = offsetof(struct sk_buff, data);
const size_t RGNL_SKB_DATA_LEN_OFFSET = offsetof(struct sk_buff, data_len);
const size_t RGNL_SKB_TAIL_OFFSET = offsetof(struct sk_buff, tail);
const size_t RGNL_SKB_END_OFFSET = offsetof(struct sk_buff, end);
/* tail and end are u32 offsets from head on 64-bit kernels. */
#ifdef NET_SKBUFF_DATA_USES_OFFSET
const u8 RGNL_SKB_DATA_USES_OFFSET = 1;
#else
const u8 RGNL_SKB_DATA_USES_OFFSET = 0;
#endif
const size_t RGNL_SKB_TAIL_SIZE = sizeof_field(struct sk_buff, tail);
const size_t RGNL_SKB_END_SIZE = sizeof_field(struct sk_buff, end);
const size_t RGNL_SKB_LEN_SIZE = sizeof_field(struct sk_buff, len);
const size_t RGNL_SKB_DATA_LEN_SIZE = sizeof_field(struct sk_buff, data_len);
const size_t RGNL_NET_GENL_SOCK_OFFSET = offsetof(struct net, genl_sock);
const int RGNL_NUMA_NO_NODE = NUMA_NO_NODE;
const int RGNL_MSG_DONTWAIT = MSG_DONTWAIT;

/* C macros that YNL specs name through `header:` (c_header.rs). */
const u64 RGNL_PAGE_SIZE = PAGE_SIZE;
const u32 RGNL_MAX_ERRNO = MAX_ERRNO;
