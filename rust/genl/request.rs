// SPDX-License-Identifier: GPL-2.0

//! The context of a doit handler: one request.

use crate::{
    attrs::{self, Attrs},
    bindings,
    extack::Extack,
    family::Family,
    inlined,
    msg::{Cmd, MsgBuilder},
    net::{is_group, Gfp, Net},
    netns, sock,
    view::{AttrSet, View},
};
use core::marker::PhantomData;
use kernel::{error::code::*, error::to_result, prelude::*};

/// `NLM_F_*` request flags, as [`Request::nlmsg_flags`] returns them.
pub mod nlm_flags {
    use super::bindings;
    /// Ask for an ACK.
    pub const ACK: u16 = bindings::NLM_F_ACK as u16;
    /// Echo the change back to the sender (its notification).
    pub const ECHO: u16 = bindings::NLM_F_ECHO as u16;
    /// Replace an existing object.
    pub const REPLACE: u16 = bindings::NLM_F_REPLACE as u16;
    /// Fail if the object exists.
    pub const EXCL: u16 = bindings::NLM_F_EXCL as u16;
    /// Create the object if it does not exist.
    pub const CREATE: u16 = bindings::NLM_F_CREATE as u16;
}

/// One request to a doit handler of family `F`.
///
/// # Invariants
///
/// `info` and `skb` are the arguments of a doit (or pre/post doit) call of
/// `F`, valid while the handler runs (`'a`), with `genl_mutex` and the
/// family's mutex held.
pub struct Request<'a, F: Family> {
    info: *mut bindings::genl_info,
    skb: *mut bindings::sk_buff,
    attrs_len: usize,
    _call: PhantomData<(&'a mut (), F)>,
}

impl<'a, F: Family> Request<'a, F> {
    /// # Safety
    ///
    /// `info` and `skb` are as the type invariants require, and
    /// `info->attrs` (if not null) has `attrs_len` entries.
    pub(crate) unsafe fn from_raw(
        info: *mut bindings::genl_info,
        skb: *mut bindings::sk_buff,
        attrs_len: usize,
    ) -> Self {
        // INVARIANT: the caller's contract.
        Self {
            info,
            skb,
            attrs_len,
            _call: PhantomData,
        }
    }

    /// The request's `genl_info`, valid while it is handled.
    #[cfg(rgnl_inline_check)]
    pub(crate) fn info_ptr(&self) -> *const bindings::genl_info {
        self.info
    }

    fn info(&self) -> &bindings::genl_info {
        // SAFETY: by the type invariants `info` is valid for `'a`.
        unsafe { &*self.info }
    }

    /// The attributes, validated against the operation's policy.
    pub fn attrs(&self) -> Attrs<'a> {
        // SAFETY: by the type invariants `info->attrs` is null or has
        // `attrs_len` validated entries, valid for `'a`.
        unsafe { Attrs::from_raw(self.info().attrs, self.attrs_len, self.extack()) }
    }

    /// The attributes as set `S` (the op's request set), validated against
    /// the operation's policy. Generated request views wrap it.
    pub fn view<S: AttrSet>(&self) -> View<'a, S> {
        // SAFETY: by the type invariants `info` is the request being
        // handled, valid for `'a`, its table null or of `attrs_len`
        // validated entries, its extack the request's.
        unsafe { View::top(&*self.info, self.attrs_len) }
    }

    /// The extack of the request.
    pub fn extack(&self) -> Extack<'a> {
        // SAFETY: `info->extack` is null or valid while the request is
        // handled.
        unsafe { Extack::from_raw(self.info().extack) }
    }

    /// The request's `nlmsg_flags` (see [`nlm_flags`]).
    pub fn nlmsg_flags(&self) -> u16 {
        // SAFETY: `info->nlhdr` is the request header, valid for `'a`.
        unsafe { (*self.info().nlhdr).nlmsg_flags }
    }

    /// The command of the request.
    pub fn cmd(&self) -> u8 {
        // SAFETY: `info->genlhdr` is the request's genetlink header.
        unsafe { (*self.info().genlhdr).cmd }
    }

    /// The request's attributes exactly as they were sent (after the
    /// genetlink header).
    pub fn encoded_attrs(&self) -> &'a [u8] {
        // SAFETY: `nlhdr` is a whole message (checked by the netlink core),
        // valid for `'a`; `genlhdr` points at its genetlink header.
        unsafe { attrs::encoded(self.info().nlhdr, self.info().genlhdr) }
    }

    fn net_ptr(&self) -> *mut bindings::net {
        // SAFETY: `info` is valid; the request's namespace is alive.
        unsafe { inlined::genl_info_net(self.info) }
    }

    /// The request's network namespace: to send to it, and to defer work
    /// to it.
    #[inline]
    pub fn net(&self) -> Net<'_, F> {
        // SAFETY: the namespace of a request being handled is alive, the
        // family registered, and its mutex held (type invariants) for
        // as long as `self` is borrowed.
        unsafe { Net::from_raw(self.net_ptr()) }
    }

    /// The requesting socket's state, created on its first use (the error
    /// of [`crate::SockState::new`], or `ENOMEM`, if that fails). Sends need `&self`, so none can run, and
    /// no multicast filter can read this state, while it is borrowed.
    pub fn sock_state(&mut self) -> Result<&mut F::SockState> {
        // SAFETY: `skb` is the request (type invariants), so its socket is
        // the sender's, alive while its request is handled; the family's mutex is
        // held; the `&mut self` borrow makes this the only reference to the
        // state (see `sock`'s documentation).
        unsafe { sock::get::<F>(bindings::rgnl_skb_sk(self.skb)) }
    }

    /// The sender's uid (the credentials it sent with), in the initial user
    /// namespace (the overflow uid when it has no mapping there).
    pub fn sender_uid(&self) -> u32 {
        // SAFETY: `skb` is the request (type invariants).
        unsafe { bindings::rgnl_skb_sender_uid(self.skb) }
    }

    /// The family's state for the request's network namespace.
    pub fn net_state(&mut self) -> &mut F::NetState {
        self.with_state().0
    }

    /// The namespace's state and the request together, to build replies
    /// and notifications straight from the state.
    pub fn with_state(&mut self) -> (&mut F::NetState, &Self) {
        // SAFETY: the family's mutex is held for `'a` (type invariants); the
        // `&mut self` borrow makes this the only reference to the state
        // (a `&Request` cannot reach it); the namespace is alive while its
        // socket's request is handled.
        let state = unsafe { netns::state::<F>(self.net_ptr()) };
        (state, self)
    }

    /// A new message with command `cmd`, addressed from this request (its
    /// port id and sequence number), for [`Request::reply`] or
    /// [`Request::notify`].
    #[inline]
    pub fn new_message<S>(&self, cmd: Cmd<S>, payload: usize) -> Result<MsgBuilder<F, S>> {
        MsgBuilder::new(
            payload,
            self.info().snd_portid,
            self.info().snd_seq,
            0,
            cmd.id(),
            Gfp::Kernel,
        )
    }

    /// Sends `msg` to the requester.
    #[inline]
    pub fn reply<S>(&self, msg: MsgBuilder<F, S>) -> Result {
        let skb = msg.finish();
        // SAFETY: `skb` is a finished message we own; `genlmsg_reply`
        // consumes it in every case.
        to_result(unsafe { inlined::genlmsg_reply(skb, self.info) })
    }

    /// Whether anyone listens to `group` (see [`Net::has_listeners`]).
    #[inline]
    pub fn has_listeners(&self, group: u32) -> bool {
        self.net().has_listeners(group)
    }

    /// Sends `msg` to `group` in the request's namespace, and to the
    /// requester too when it asked with `NLM_F_ECHO` (`genl_notify`).
    pub fn notify<S>(&self, group: u32, msg: MsgBuilder<F, S>) -> Result {
        if !is_group::<F>(group) {
            return Err(EINVAL);
        }
        let skb = msg.finish();
        // SAFETY: `skb` is a finished message we own, consumed by
        // `genl_notify`; `info` is the current request.
        unsafe {
            bindings::genl_notify(
                F::storage().family_ptr(),
                skb,
                self.info,
                group,
                bindings::RGNL_GFP_KERNEL,
            )
        };
        Ok(())
    }

    /// As [`Request::notify`], but delivered only to the listeners for which
    /// `deliver` returns true (see [`Net::multicast_filtered`]); an echo to
    /// the requester is not filtered.
    pub fn notify_filtered<S, P>(&self, group: u32, msg: MsgBuilder<F, S>, deliver: P) -> Result
    where
        P: Fn(Option<&F::SockState>) -> bool,
    {
        if !is_group::<F>(group) {
            return Err(EINVAL);
        }
        let skb = msg.finish();
        // SAFETY: `skb` is a finished message we own, consumed by the
        // helper; `info` is the current request; the filter reads `deliver`
        // as the `&P` it was built for, within this synchronous call, under
        // the family's mutex.
        unsafe {
            bindings::rgnl_genl_notify_filtered(
                F::storage().family_ptr(),
                skb,
                self.info,
                group,
                bindings::RGNL_GFP_KERNEL,
                Some(sock::filter::<F, P>),
                core::ptr::from_ref(&deliver).cast_mut().cast(),
            )
        };
        Ok(())
    }

    /// Whether the sender asked for its change to be echoed.
    pub fn wants_echo(&self) -> bool {
        self.nlmsg_flags() & nlm_flags::ECHO != 0
    }

    /// The sender's netlink port id.
    pub fn portid(&self) -> u32 {
        self.info().snd_portid
    }
}
