// SPDX-License-Identifier: GPL-2.0

//! Multicast groups of a family.

use crate::bindings;
use kernel::str::CStr;

/// A multicast group (`struct genl_multicast_group`). A family lists its
/// groups in [`crate::Family::MCGRPS`]; a group is named in sends by its
/// index in that list.
#[repr(transparent)]
pub struct McGroup(bindings::genl_multicast_group);

// SAFETY: immutable after construction; the kernel only reads it.
unsafe impl Sync for McGroup {}

impl McGroup {
    /// A group anyone may subscribe to.
    #[inline]
    pub const fn new(name: &'static CStr) -> Self {
        Self::with_flags(name, 0)
    }

    /// A group whose subscribers need `CAP_NET_ADMIN` in the socket's netns
    /// user namespace (`GENL_MCAST_CAP_NET_ADMIN`).
    #[inline]
    pub const fn admin(name: &'static CStr) -> Self {
        Self::with_flags(name, bindings::RGNL_GENL_MCAST_CAP_NET_ADMIN)
    }

    /// A group whose subscribers need `CAP_SYS_ADMIN` in the socket's netns
    /// user namespace (`GENL_MCAST_CAP_SYS_ADMIN`).
    #[inline]
    pub const fn sys_admin(name: &'static CStr) -> Self {
        Self::with_flags(name, bindings::RGNL_GENL_MCAST_CAP_SYS_ADMIN)
    }

    #[inline]
    const fn with_flags(name: &'static CStr, flags: u8) -> Self {
        Self(bindings::genl_multicast_group {
            name: crate::family::name_array(name),
            flags,
        })
    }
}
