// SPDX-License-Identifier: GPL-2.0

//! A genetlink family: its description ([`Family`]), the memory the
//! genetlink core links into its tables ([`FamilyStorage`]) and the
//! registration ([`Registration`]) whose drop unregisters it.

use crate::{
    bindings, compat::opaque_ptr, lock, lock::FamilyLock, mcast::McGroup, net::Net, netns,
    ops::SplitOp, sock,
};
use core::{marker::PhantomData, sync::atomic::AtomicU8, sync::atomic::Ordering};
use kernel::{error::to_result, prelude::*, str::CStr, types::Opaque};

/// A generic netlink family.
///
/// Implement it with `#[vtable]`, and declare the family's module with
/// [`crate::module_genl_family!`], which also gives the family its storage.
///
/// # Locking
///
/// Families built on this layer are never `parallel_ops`: the genetlink core
/// takes `genl_mutex` around every doit, dump start, dumpit and dump done of
/// the family. Inside it, the layer takes the family's own mutex around
/// every doit and dumpit,
/// and around [`Family::deferred`] (which must not wait for `genl_mutex`:
/// see the `lock` module). So at most one handler or deferred work of the
/// family runs at a time, which is why they get `&mut` access to the
/// per-network-namespace state ([`Family::NetState`]) and handlers to the
/// per-socket state ([`Family::SockState`]). The flip side: they must not
/// sleep for long, and must not call back into genetlink paths that take
/// `genl_mutex`.
#[vtable]
pub trait Family: FamilySpec + StorageOwner {
    /// Whether the family is usable from every network namespace (otherwise
    /// only from the initial one).
    const NETNSOK: bool = true;
    /// Commands below this one accept the old `nlmsg_flags`
    /// (`NLM_F_CREATE`, `NLM_F_EXCL`, `NLM_F_REPLACE`, `NLM_F_APPEND`) and
    /// a non-zero reserved genetlink header field. The genetlink core
    /// refuses both for the other commands ("ambiguous or reserved bits set
    /// in nlmsg_flags"), so leave it at the lowest the ops allow
    /// ([`FamilySpec::MIN_RESV_START_OP`]) unless a command really needs
    /// rtnetlink's create/replace semantics. Attribute validation stays
    /// strict either way.
    const RESV_START_OP: u8 = Self::MIN_RESV_START_OP;

    /// State kept for each network namespace while the family is
    /// registered: created when a namespace appears (or for every existing
    /// one at registration), dropped when it goes away (or at
    /// unregistration). `()` for none.
    type NetState: netns::NetState;

    /// State kept for each socket that a handler asked for it
    /// ([`crate::Request::sock_state`]), until the socket closes; multicast
    /// filters read it ([`Net::multicast_filtered`]). `()` for none.
    type SockState: sock::SockState;

    /// Work deferred by [`Net::defer`], run in process context on the
    /// system workqueue under the family's mutex only, not `genl_mutex`
    /// (see the `lock` module), which serialises it with every handler all
    /// the same: it gets the namespace's state mutably, as handlers have
    /// it. It runs once per namespace however often it was deferred before
    /// it ran, never once the family started unregistering, and never after
    /// the namespace's state is dropped. Registered only when implemented
    /// (`HAS_DEFERRED`).
    fn deferred(_net: &Net<'_, Self>, _state: &mut Self::NetState) {}

    /// A socket joined group `group` (an index into [`Family::MCGRPS`]),
    /// after the core checked the group's capabilities. Called for every
    /// join, in process context, without `genl_mutex` (and without a
    /// namespace): the core does not count listeners, so neither is this a
    /// "first listener" event. Registered only when implemented
    /// (`HAS_BIND`).
    fn bind(_group: usize) {}

    /// A socket left group `group`, or closed while in it. The core also
    /// calls it for a leave without a join. Registered only when
    /// implemented (`HAS_UNBIND`).
    fn unbind(_group: usize) {}
}

/// What a family's spec says of it: its name, version, attributes, ops and
/// groups. `ynl-gen-rust.py --mode kernel` generates it with the family's
/// type; a family without a spec implements it by hand.
pub trait FamilySpec: Sized + 'static {
    /// The family name: 1 to 15 bytes.
    const NAME: &'static CStr;
    /// The family version reported to userspace.
    const VERSION: u32;
    /// The highest attribute type of the family's attribute space.
    const MAX_ATTR: u16;
    /// The attribute type used to pad 64-bit attributes to 8-byte alignment.
    const PAD_ATTR: u16;
    /// The operations, sorted by command, a command's do before its dump.
    const OPS: &'static [SplitOp<Self>];
    /// The multicast groups; sends name a group by its index here.
    const MCGRPS: &'static [McGroup] = &[];
    /// The lowest [`Family::RESV_START_OP`] the ops allow: past the last
    /// one with `dont_validate_*` flags (the core refuses those from it on).
    const MIN_RESV_START_OP: u8 = 0;
}

/// Gives a family its [`FamilyStorage`]. Implemented by
/// [`crate::module_genl_family!`] only.
///
/// # Safety
///
/// `storage()` returns the same `static` every time, and nothing but this
/// layer uses that static.
#[doc(hidden)]
pub unsafe trait StorageOwner: Sized + 'static {
    /// The family's storage.
    fn storage() -> &'static FamilyStorage<Self>;
}

/// [`FamilyStorage::state`]: never registered.
const UNREGISTERED: u8 = 0;
/// [`FamilyStorage::state`]: registered (or being registered).
const REGISTERED: u8 = 1;
/// [`FamilyStorage::state`]: registered once and unregistered since, or
/// failed to register. Final: a storage is registered at most once.
const RETIRED: u8 = 2;
/// [`FamilyStorage::state`]: being unregistered; set under the family's
/// mutex, after which deferred work is neither run nor queued.
const STOPPING: u8 = 3;

/// The kernel-visible memory of a family: the `genl_family` and the pernet
/// operations. It is a `static` of the family's module, declared by
/// [`crate::module_genl_family!`], because the pernet callbacks are passed
/// no context and find the namespace state through it.
///
/// # Invariants
///
/// `family`, `pernet`, `lock`, `net_id` and `dump_key` are only written
/// by [`Registration::new`] after it moved `state` from `UNREGISTERED` to
/// `REGISTERED` (so by one thread, once, before the kernel sees them), and
/// afterwards only by the kernel (`dump_key` never).
pub struct FamilyStorage<F> {
    family: Opaque<bindings::genl_family>,
    pernet: Opaque<bindings::pernet_operations>,
    lock: Opaque<bindings::mutex>,
    net_id: Opaque<core::ffi::c_uint>,
    dump_key: Opaque<[u64; 2]>,
    state: AtomicU8,
    _family: PhantomData<F>,
}

// SAFETY: by the type invariants, the kernel-visible fields are written only
// once, before the kernel sees them (under the `state` transition), and then
// only by the kernel, under its own locking.
unsafe impl<F> Sync for FamilyStorage<F> {}

impl<F> FamilyStorage<F> {
    /// Storage for a family that is not registered yet.
    #[doc(hidden)]
    #[inline]
    pub const fn new() -> Self {
        Self {
            family: Opaque::uninit(),
            pernet: Opaque::uninit(),
            lock: Opaque::uninit(),
            net_id: Opaque::new(0),
            dump_key: Opaque::new([0; 2]),
            state: AtomicU8::new(UNREGISTERED),
            _family: PhantomData,
        }
    }

    #[inline]
    pub(crate) fn family_ptr(&self) -> *const bindings::genl_family {
        opaque_ptr(&self.family)
    }

    /// The family's mutex (see `lock`).
    #[inline]
    pub(crate) fn lock_ptr(&self) -> *mut bindings::mutex {
        opaque_ptr(&self.lock)
    }

    /// Whether the family is registered and not being unregistered; stable
    /// while the family's mutex is held.
    pub(crate) fn is_running(&self) -> bool {
        self.state.load(Ordering::Acquire) == REGISTERED
    }

    /// The random key of the family's dump cursor fingerprints (`dump`).
    pub(crate) fn dump_key(&self) -> [u64; 2] {
        // SAFETY: written by `Registration::new` before the family is
        // registered, so before any dump runs; never written again.
        unsafe { *opaque_ptr(&self.dump_key) }
    }

    #[inline]
    pub(crate) fn net_id(&self) -> core::ffi::c_uint {
        // SAFETY: written by `register_pernet_subsys` before any namespace
        // state exists, read only by users of that state afterwards.
        unsafe { *opaque_ptr(&self.net_id) }
    }
}

/// Copies `name` into a `GENL_NAMSIZ` array, failing the build when it is
/// empty or does not fit with its NUL (the kernel `WARN`s on both).
#[inline]
pub(crate) const fn name_array(name: &CStr) -> [core::ffi::c_char; 16] {
    let bytes = crate::compat::cstr_bytes_with_nul(name);
    assert!(bytes.len() > 1, "genetlink names must not be empty");
    assert!(bytes.len() <= 16, "genetlink names are at most 15 bytes");
    let mut out = [0; 16];
    let mut i = 0;
    while i < bytes.len() {
        out[i] = bytes[i] as core::ffi::c_char;
        i += 1;
    }
    out
}

/// Whether `name` is one `genl_register_family` gives a fixed family id and
/// multicast group (and `BUG`s on with more than one group).
#[inline]
const fn is_reserved_name(name: &CStr) -> bool {
    const RESERVED: [&[u8]; 3] = [b"NET_DM\0", b"VFS_DQUOT\0", b"pmcraid\0"];
    let name = crate::compat::cstr_bytes_with_nul(name);
    let mut i = 0;
    while i < RESERVED.len() {
        let r = RESERVED[i];
        if r.len() == name.len() {
            let mut j = 0;
            while j < r.len() && r[j] == name[j] {
                j += 1;
            }
            if j == r.len() {
                return true;
            }
        }
        i += 1;
    }
    false
}

#[inline]
const fn ops_are_valid<F: Family>(ops: &[SplitOp<F>]) -> bool {
    let mut i = 1;
    while i < ops.len() {
        if !SplitOp::may_follow(&ops[i - 1], &ops[i]) {
            return false;
        }
        i += 1;
    }
    // No ops is valid: an events-only family (groups, no commands), as
    // upstream's Rust binder registers.
    ops.len() <= u8::MAX as usize
}

#[inline]
const fn validate_flags_allowed<F: Family>(ops: &[SplitOp<F>]) -> bool {
    let mut i = 0;
    while i < ops.len() {
        if !ops[i].validate_allowed(F::RESV_START_OP) {
            return false;
        }
        i += 1;
    }
    true
}

/// A registered family. Dropping it unregisters the family (waiting for
/// running handlers) and then its namespace state.
///
/// # Invariants
///
/// `F::storage()` holds a family registered with the genetlink core, and
/// registered pernet operations.
pub struct Registration<F: Family> {
    _family: PhantomData<F>,
}

impl<F: Family> Registration<F> {
    /// The family name as the kernel holds it; a constant, so that a name
    /// the kernel would refuse fails the build.
    const NAME: [core::ffi::c_char; 16] = name_array(F::NAME);
    const VALID: () = {
        assert!(
            !is_reserved_name(F::NAME),
            "NET_DM, VFS_DQUOT and pmcraid are names the genetlink core gives fixed ids and groups"
        );
        assert!(
            ops_are_valid(F::OPS),
            "ops must be sorted by cmd, do before dump, at most 255"
        );
        assert!(
            validate_flags_allowed(F::OPS),
            "ops with dont_validate_* flags must be below RESV_START_OP"
        );
        assert!(F::MCGRPS.len() <= u8::MAX as usize);
    };

    /// Registers the family `F`, owned by `module`. `EBUSY` if its storage
    /// was registered before (a storage is registered once).
    ///
    /// # Safety
    ///
    /// Called by the `init` of `module` (as [`crate::module_genl_family!`]
    /// does), and the registration is dropped by that module's exit only:
    /// dumps pin `module`, not the family, so dropping it earlier would
    /// free the namespace state under a running dump.
    #[doc(hidden)]
    pub unsafe fn new(module: &'static ThisModule) -> Result<Self> {
        let () = Self::VALID;
        let storage = F::storage();
        if storage
            .state
            .compare_exchange(
                UNREGISTERED,
                REGISTERED,
                Ordering::AcqRel,
                Ordering::Acquire,
            )
            .is_err()
        {
            return Err(EBUSY);
        }
        let mut family = bindings::genl_family {
            name: Self::NAME,
            version: F::VERSION,
            maxattr: F::MAX_ATTR.into(),
            n_split_ops: F::OPS.len() as u8,
            split_ops: F::OPS.as_ptr().cast(),
            n_mcgrps: F::MCGRPS.len() as u8,
            resv_start_op: F::RESV_START_OP,
            mcgrps: F::MCGRPS.as_ptr().cast(),
            module: module.as_ptr().cast(),
            sock_priv_size: sock::alloc_size::<F::SockState>(),
            // The layer initialises entries itself (`sock::get`).
            sock_priv_init: None,
            sock_priv_destroy: Some(sock::destroy::<F>),
            bind: if F::HAS_BIND { Some(bind::<F>) } else { None },
            unbind: if F::HAS_UNBIND {
                Some(unbind::<F>)
            } else {
                None
            },
            // SAFETY: the rest are integers, raw pointers and optional
            // function pointers, for which all-zero bytes are valid (C's
            // static initialisers leave them so).
            ..unsafe { core::mem::zeroed() }
        };
        family.set_netnsok(F::NETNSOK.into());
        // SAFETY: this thread moved `state` out of `UNREGISTERED`, so by the
        // type invariants nothing else writes or reads `storage.family`,
        // `storage.lock` or `storage.dump_key`.
        unsafe {
            storage.family.get().write(family);
            lock::init(&storage.lock);
            storage.dump_key.get().write([
                bindings::rgnl_get_random_u64(),
                bindings::rgnl_get_random_u64(),
            ]);
        }

        if let Err(e) = netns::register::<F>(&storage.pernet, &storage.net_id) {
            storage.state.store(RETIRED, Ordering::Release);
            return Err(e);
        }
        // SAFETY: `storage.family` is initialised and `'static`; the ops,
        // policies and groups it points to are `'static` constants.
        if let Err(e) = to_result(unsafe { bindings::genl_register_family(storage.family.get()) }) {
            // SAFETY: `netns::register` succeeded just above.
            unsafe { netns::unregister(&storage.pernet) };
            storage.state.store(RETIRED, Ordering::Release);
            return Err(e);
        }
        // INVARIANT: both registrations succeeded.
        Ok(Self {
            _family: PhantomData,
        })
    }
}

/// # Safety
///
/// Only the genetlink core calls it, as the `bind` of `F`.
unsafe extern "C" fn bind<F: Family>(group: core::ffi::c_int) -> core::ffi::c_int {
    // The core passes an index of one of the family's groups.
    F::bind(group as usize);
    0
}

/// # Safety
///
/// Only the genetlink core calls it, as the `unbind` of `F`.
unsafe extern "C" fn unbind<F: Family>(group: core::ffi::c_int) {
    F::unbind(group as usize);
}

impl<F: Family> Drop for Registration<F> {
    fn drop(&mut self) {
        let storage = F::storage();
        {
            // Under the family's mutex: a deferred work or handler running
            // now finishes first, and later ones see the family stopping.
            let _lock = FamilyLock::<F>::new();
            storage.state.store(STOPPING, Ordering::Release);
        }
        // SAFETY: by the type invariants the family is registered.
        let ret = unsafe { bindings::genl_unregister_family(storage.family.get()) };
        if ret != 0 {
            pr_err!("genl_unregister_family({}) failed: {}\n", F::NAME, ret);
        }
        // SAFETY: by the type invariants the pernet operations are
        // registered; the family using them is gone.
        unsafe { netns::unregister(&storage.pernet) };
        storage.state.store(RETIRED, Ordering::Release);
    }
}
