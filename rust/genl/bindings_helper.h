/* SPDX-License-Identifier: GPL-2.0 */
/* What bindgen binds for the rgnl genetlink layer. */
#include <linux/gfp.h>
#include <linux/errno.h>
#include "helpers.h"

/* bindgen cannot evaluate these macros; give it constants. */
const gfp_t RGNL_GFP_KERNEL = GFP_KERNEL;
const u8 RGNL_GENL_MCAST_CAP_NET_ADMIN = GENL_MCAST_CAP_NET_ADMIN;
