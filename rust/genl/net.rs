// SPDX-License-Identifier: GPL-2.0

//! A network namespace as a family sees it while its mutex is held:
//! sending messages there (multicast, filtered by each listener's
//! per-socket state, unicast to a port) and deferring work to it.

use crate::{bindings, deferred, family::Family, msg::MsgBuilder, netns, sock};
use core::{ffi::c_int, marker::PhantomData, ptr::addr_of_mut};
use kernel::prelude::*;

/// The allocation context of a message: whether the caller may sleep.
#[derive(Clone, Copy)]
pub enum Gfp {
    /// May sleep (`GFP_KERNEL`): process context, no spinlock held.
    Kernel,
    /// Must not sleep (`GFP_ATOMIC`).
    Atomic,
}

impl Gfp {
    pub(crate) fn raw(self) -> bindings::gfp_t {
        match self {
            Self::Kernel => bindings::RGNL_GFP_KERNEL,
            Self::Atomic => bindings::RGNL_GFP_ATOMIC,
        }
    }
}

/// Whether `group` indexes one of the family's multicast groups.
pub(crate) fn is_group<F: Family>(group: u32) -> bool {
    usize::try_from(group).is_ok_and(|g| g < F::MCGRPS.len())
}

/// `ESRCH` (nobody listens) is not a failure of a multicast.
fn multicast_result(ret: c_int) -> Result {
    if ret == -(bindings::ESRCH as c_int) {
        Ok(())
    } else {
        kernel::error::to_result(ret)
    }
}

/// A network namespace of family `F`, in a handler or in
/// [`Family::deferred`]: the family's mutex is held for `'a`.
///
/// # Invariants
///
/// `net` is alive, `F` is registered and its pernet operations have
/// initialised the namespace's slot, and the family's mutex is held, for
/// `'a`.
pub struct Net<'a, F: Family> {
    net: *mut bindings::net,
    _lock: PhantomData<&'a ()>,
    _family: PhantomData<fn() -> F>,
}

impl<'a, F: Family> Net<'a, F> {
    /// # Safety
    ///
    /// `net` is as the type invariants require for `'a`.
    #[inline]
    pub(crate) unsafe fn from_raw(net: *mut bindings::net) -> Self {
        // INVARIANT: the caller's contract.
        Self {
            net,
            _lock: PhantomData,
            _family: PhantomData,
        }
    }

    /// Whether anyone listens to `group` (of any namespace: netlink keeps
    /// one listener mask per protocol).
    #[inline]
    pub fn has_listeners(&self, group: u32) -> bool {
        // SAFETY: the family is registered, `group` is one of its groups
        // and `net` is alive (type invariants).
        is_group::<F>(group)
            && unsafe {
                crate::inlined::genl_has_listeners(F::storage().family_ptr(), self.net, group)
            }
    }

    /// Sends `msg` to the listeners of `group` in this namespace.
    pub fn multicast<S>(&self, group: u32, msg: MsgBuilder<F, S>, gfp: Gfp) -> Result {
        self.send_filtered(group, msg, gfp, None, core::ptr::null_mut())
    }

    /// Sends `msg` to the listeners of `group` in this namespace (and those
    /// listening to all namespaces, `NETLINK_LISTEN_ALL_NSID`) for which
    /// `deliver` returns true, given their socket's state (`None` for a
    /// socket that never used it). `deliver` runs in this context, once per
    /// listener.
    pub fn multicast_filtered<S, P>(
        &self,
        group: u32,
        msg: MsgBuilder<F, S>,
        gfp: Gfp,
        deliver: P,
    ) -> Result
    where
        P: Fn(Option<&F::SockState>) -> bool,
    {
        let data = core::ptr::from_ref(&deliver).cast_mut().cast();
        self.send_filtered(group, msg, gfp, Some(sock::filter::<F, P>), data)
    }

    fn send_filtered<S>(
        &self,
        group: u32,
        msg: MsgBuilder<F, S>,
        gfp: Gfp,
        filter: bindings::netlink_filter_fn,
        data: *mut core::ffi::c_void,
    ) -> Result {
        if !is_group::<F>(group) {
            return Err(EINVAL);
        }
        let skb = msg.finish();
        // SAFETY: `skb` is a finished message we own, consumed in every
        // case; the family is registered and `net` alive (type
        // invariants); `filter` reads `data` as what it was built for,
        // which outlives this synchronous call.
        let ret = unsafe {
            bindings::rgnl_genlmsg_multicast_netns_filtered(
                F::storage().family_ptr(),
                self.net,
                skb,
                0,
                group,
                gfp.raw(),
                filter,
                data,
            )
        };
        multicast_result(ret)
    }

    /// Sends `msg` to the socket with port id `portid` in this namespace,
    /// whether or not it joined a group. `ECONNREFUSED` when there is no
    /// such socket; `EAGAIN` when its receive buffer is full; `EINVAL` for
    /// port 0, the kernel's own socket (whose input, genetlink's, would
    /// wait for locks held here).
    pub fn unicast<S>(&self, portid: u32, msg: MsgBuilder<F, S>) -> Result {
        if portid == 0 {
            return Err(EINVAL);
        }
        let skb = msg.finish();
        // SAFETY: `skb` is a finished message we own, consumed in every
        // case; `net` is alive.
        kernel::error::to_result(unsafe { bindings::rgnl_genlmsg_unicast(self.net, skb, portid) })
    }

    /// Runs [`Family::deferred`] for this namespace within `msecs`
    /// milliseconds, unless it runs earlier already. A family unregistering
    /// does not run it any more.
    pub fn defer(&self, msecs: u32) {
        const {
            assert!(
                F::HAS_DEFERRED,
                "Net::defer needs the family to implement Family::deferred"
            )
        };
        if !F::storage().is_running() {
            return;
        }
        // SAFETY: the slot of `net` is initialised (type invariants), and its
        // work was initialised by `net_init`; it may be being disabled, which
        // `schedule` allows (then nothing is queued): by `net_exit` of a
        // namespace being torn down, when this runs as that namespace's own
        // deferred work. The family's unregistration disables it only after
        // setting the state just read as running to stopping, under the
        // family's mutex that this `Net` proves held.
        unsafe { deferred::schedule(addr_of_mut!((*netns::slot::<F>(self.net)).work), msecs) };
    }
}
