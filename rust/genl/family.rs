// SPDX-License-Identifier: GPL-2.0

//! A genetlink family: its description ([`Family`]), the memory the
//! genetlink core links into its tables ([`FamilyStorage`]) and the
//! registration ([`Registration`]) whose drop unregisters it.

use super::{bindings, mcast::McGroup, netns, ops::SplitOp, request::Request};
use core::{marker::PhantomData, sync::atomic::AtomicBool, sync::atomic::Ordering};
use kernel::{error::to_result, prelude::*, str::CStr, types::Opaque};

/// A generic netlink family.
///
/// # Locking
///
/// Families built on this layer are never `parallel_ops`: the genetlink core
/// takes `genl_mutex` around every doit, `pre_doit`/`post_doit`, dump start,
/// dumpit and dump done of the family. So at most one handler of the family
/// runs at a time, which is why handlers get `&mut` access to the
/// per-network-namespace state ([`Family::NetState`]) without a lock of
/// their own. The flip side: a handler must not sleep for long, and must not
/// call back into genetlink paths that take `genl_mutex`.
pub trait Family: Sized + Send + Sync + 'static {
    /// The family name, at most 15 bytes.
    const NAME: &'static CStr;
    /// The family version reported to userspace.
    const VERSION: u32;
    /// The highest attribute type of the family's attribute space.
    const MAX_ATTR: u16;
    /// The attribute type used to pad 64-bit attributes to 8-byte alignment.
    const PAD_ATTR: u16;
    /// Whether the family is usable from every network namespace (otherwise
    /// only from the initial one).
    const NETNSOK: bool = true;
    /// Commands below this one accept the old `nlmsg_flags`
    /// (`NLM_F_CREATE`, `NLM_F_EXCL`, `NLM_F_REPLACE`, `NLM_F_APPEND`) and
    /// a non-zero reserved genetlink header field. The genetlink core
    /// refuses both for the other commands ("ambiguous or reserved bits set
    /// in nlmsg_flags"), so leave it at 0 unless a command really needs
    /// rtnetlink's create/replace semantics. Attribute validation stays
    /// strict either way.
    const RESV_START_OP: u8 = 0;
    /// The operations, sorted by command, a command's do before its dump.
    const OPS: &'static [SplitOp];
    /// The multicast groups; sends name a group by its index here.
    const MCGRPS: &'static [McGroup] = &[];
    /// Called before every doit handler; an error refuses the request.
    const PRE_DOIT: Option<fn(&mut Request<'_, Self>) -> Result> = None;
    /// Called after every doit handler that ran.
    const POST_DOIT: Option<fn(&mut Request<'_, Self>)> = None;

    /// State kept for each network namespace while the family is
    /// registered: created when a namespace appears (or for every existing
    /// one at registration), dropped when it goes away (or at
    /// unregistration). `()` for none.
    type NetState: netns::NetState;

    /// The family's storage, a `static` of the family's module.
    fn storage() -> &'static FamilyStorage<Self>;
}

/// The kernel-visible memory of a registered family: the `genl_family` and
/// the pernet operations. It must be a `static` (declared with
/// [`FamilyStorage::new`]) because the pernet callbacks are passed no
/// context and find the namespace state through it.
///
/// # Invariants
///
/// `family` and `pernet` are only written by [`Registration::new`] while
/// `registered` is false (so by one thread, before the kernel sees them),
/// and afterwards only by the kernel.
pub struct FamilyStorage<F: Family> {
    family: Opaque<bindings::genl_family>,
    pernet: Opaque<bindings::pernet_operations>,
    net_id: Opaque<core::ffi::c_uint>,
    registered: AtomicBool,
    _family: PhantomData<F>,
}

// SAFETY: by the type invariants, the kernel-visible fields are written only
// before the kernel sees them (under the `registered` flag) and then only by
// the kernel, under its own locking.
unsafe impl<F: Family> Sync for FamilyStorage<F> {}

impl<F: Family> FamilyStorage<F> {
    /// Storage for a family that is not registered yet.
    pub const fn new() -> Self {
        Self {
            family: Opaque::uninit(),
            pernet: Opaque::uninit(),
            net_id: Opaque::new(0),
            registered: AtomicBool::new(false),
            _family: PhantomData,
        }
    }

    pub(crate) fn family_ptr(&self) -> *const bindings::genl_family {
        self.family.get()
    }

    pub(crate) fn net_id(&self) -> core::ffi::c_uint {
        // SAFETY: written by `register_pernet_subsys` before any namespace
        // state exists, read only by users of that state afterwards.
        unsafe { *self.net_id.get() }
    }
}

/// Copies `name` into a `GENL_NAMSIZ` array, failing the build when it does
/// not fit with its NUL.
pub(crate) const fn name_array(name: &CStr) -> [core::ffi::c_char; 16] {
    let bytes = name.as_bytes_with_nul();
    assert!(bytes.len() <= 16, "genetlink names are at most 15 bytes");
    let mut out = [0; 16];
    let mut i = 0;
    while i < bytes.len() {
        out[i] = bytes[i] as core::ffi::c_char;
        i += 1;
    }
    out
}

const fn ops_are_valid(ops: &[SplitOp]) -> bool {
    let mut i = 1;
    while i < ops.len() {
        if !SplitOp::may_follow(&ops[i - 1], &ops[i]) {
            return false;
        }
        i += 1;
    }
    !ops.is_empty() && ops.len() <= u8::MAX as usize
}

/// A registered family. Dropping it unregisters the family (waiting for
/// running handlers, closing running dumps) and then its namespace state.
///
/// # Invariants
///
/// `F::storage()` holds a family registered with the genetlink core (and,
/// when `F::NetState` is not zero-sized, registered pernet operations).
pub struct Registration<F: Family> {
    _family: PhantomData<F>,
}

impl<F: Family> Registration<F> {
    const VALID: () = {
        assert!(
            ops_are_valid(F::OPS),
            "ops must be sorted by cmd, do before dump, at most 255"
        );
        assert!(F::MCGRPS.len() <= u8::MAX as usize);
    };

    /// Registers the family `F`, owned by `module`. `EBUSY` if it is
    /// registered already.
    pub fn new(module: &'static ThisModule) -> Result<Self> {
        let () = Self::VALID;
        let storage = F::storage();
        if storage.registered.swap(true, Ordering::AcqRel) {
            return Err(EBUSY);
        }
        let mut family = bindings::genl_family {
            name: name_array(F::NAME),
            version: F::VERSION,
            maxattr: F::MAX_ATTR.into(),
            n_split_ops: F::OPS.len() as u8,
            split_ops: F::OPS.as_ptr().cast(),
            n_mcgrps: F::MCGRPS.len() as u8,
            resv_start_op: F::RESV_START_OP,
            mcgrps: F::MCGRPS.as_ptr().cast(),
            module: module.as_ptr().cast(),
            ..Default::default()
        };
        family.set_netnsok(F::NETNSOK.into());
        // SAFETY: `registered` was false, so by the type invariants nothing
        // else writes or reads `storage.family` now.
        unsafe { storage.family.get().write(family) };

        if let Err(e) = netns::register::<F>(&storage.pernet, &storage.net_id) {
            storage.registered.store(false, Ordering::Release);
            return Err(e);
        }
        // SAFETY: `storage.family` is initialised and `'static`; the ops,
        // policies and groups it points to are `'static` constants.
        if let Err(e) = to_result(unsafe { bindings::genl_register_family(storage.family.get()) }) {
            // SAFETY: `netns::register` succeeded just above.
            unsafe { netns::unregister::<F>(&storage.pernet) };
            storage.registered.store(false, Ordering::Release);
            return Err(e);
        }
        // INVARIANT: both registrations succeeded.
        Ok(Self {
            _family: PhantomData,
        })
    }
}

/// A module whose only job is its family: `type MyModule = Registration<MyFamily>;`
/// with `module! { type: MyModule, ... }` registers the family on load and
/// unregisters it on unload.
impl<F: Family> kernel::Module for Registration<F> {
    fn init(module: &'static ThisModule) -> Result<Self> {
        Self::new(module)
    }
}

impl<F: Family> Drop for Registration<F> {
    fn drop(&mut self) {
        let storage = F::storage();
        // SAFETY: by the type invariants the family is registered.
        let ret = unsafe { bindings::genl_unregister_family(storage.family.get()) };
        if ret != 0 {
            pr_err!("genl_unregister_family({}) failed: {}\n", F::NAME, ret);
        }
        // SAFETY: by the type invariants the pernet operations are
        // registered; the family using them is gone.
        unsafe { netns::unregister::<F>(&storage.pernet) };
        storage.registered.store(false, Ordering::Release);
    }
}
