// SPDX-License-Identifier: GPL-2.0

//! The registry of one network namespace: entries in key order, their
//! accounting against the namespace's limits, the expiry order of those
//! with a time to live, and its counters.
//!
//! A request is applied whole or not at all: `insert` and `remove` run
//! everything that can fail (the checks, the allocations, the caller's
//! preparation of its notification) before they change anything.

use crate::rgnl_nl::{KEY_MAX_LEN, MAX_BYTES_LIMIT, MAX_ENTRIES_LIMIT, TTL_MAX_MS};
use core::cmp::Ordering;
use genl::{kernel_api, Attr, Bytes, NetState};
use kernel::{
    prelude::*,
    rbtree::{self, RBTree, RBTreeNodeReservation},
};

/// Where the namespace's memory is charged: its writer's memory cgroup.
const GFP: kernel::alloc::Flags = GFP_KERNEL_ACCOUNT;

/// The limits of a new namespace, within what `LIMITS_SET` accepts.
const DEFAULT_MAX_ENTRIES: u32 = 1 << 17;
const DEFAULT_MAX_BYTES: u32 = 16 << 20;
// Checked at build time: a failure stops the build, not the kernel.
#[allow(clippy::disallowed_macros)]
const _: () = assert!(DEFAULT_MAX_ENTRIES <= MAX_ENTRIES_LIMIT);
#[allow(clippy::disallowed_macros)]
const _: () = assert!(DEFAULT_MAX_BYTES <= MAX_BYTES_LIMIT);

/// An entry key: 1 to [`KEY_MAX_LEN`] bytes, ordered bytewise.
#[derive(Clone)]
pub(crate) struct Key {
    len: u8,
    bytes: [u8; KEY_MAX_LEN as usize],
}

impl Key {
    /// The key `bytes`, or `None` when it is empty or too long.
    #[inline]
    pub(crate) fn new(bytes: &[u8]) -> Option<Self> {
        if bytes.is_empty() || bytes.len() > KEY_MAX_LEN as usize {
            return None;
        }
        let mut key = Self {
            len: bytes.len() as u8,
            bytes: [0; KEY_MAX_LEN as usize],
        };
        key.bytes.get_mut(..bytes.len())?.copy_from_slice(bytes);
        Some(key)
    }

    #[inline]
    pub(crate) fn as_bytes(&self) -> &[u8] {
        // `len` is at most the array's (`new`).
        self.bytes
            .get(..usize::from(self.len))
            .unwrap_or(&self.bytes)
    }
}

impl PartialEq for Key {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Key {}
impl PartialOrd for Key {
    #[inline]
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Key {
    /// Bytewise, as `memcmp()` and then the length. Open-coded: the
    /// slices' own `cmp` is an out-of-line call around `memcmp()`, which
    /// every step of a tree walk would pay for.
    #[inline]
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_bytes().iter().cmp(other.as_bytes().iter())
    }
}

/// What is stored under a key.
pub(crate) struct Entry {
    /// 16 bytes, not a `KVec`'s 24: the node stays within kmalloc-128.
    pub(crate) value: Bytes,
    pub(crate) tag: u32,
    /// The low 32 bits of the expiry time ([`now_ms`]), 0 for none: in the
    /// 4 bytes `tag` leaves free, so the node stays within kmalloc-128.
    /// Exact while the expiry is less than 2^31 ms (24 days) from now: a
    /// time to live is at most a day, and due entries go promptly.
    expires: u32,
    pub(crate) revision: u64,
}

/// Milliseconds of the monotonic clock.
pub(crate) fn now_ms() -> u64 {
    kernel_api::monotonic_ms()
}

impl Entry {
    /// When the entry expires, if it does.
    fn expiry(&self, now: u64) -> Option<u64> {
        (self.expires != 0).then(|| {
            now.wrapping_add_signed(i64::from(self.expires.wrapping_sub(now as u32) as i32))
        })
    }

    /// The milliseconds it has left (0 once due), if it expires.
    pub(crate) fn ttl_left(&self) -> Option<u64> {
        if self.expires == 0 {
            return None;
        }
        let now = now_ms();
        self.expiry(now).map(|at| at.saturating_sub(now))
    }
}

// An entry keeps the low 32 bits of its expiry time in milliseconds,
// exact within 2^31 ms of now: the spec's longest time to live is far less.
// (At build time.)
#[allow(clippy::disallowed_macros)]
const _: () = assert!(TTL_MAX_MS < 1 << 30);

/// A time to live given to an entry.
pub(crate) struct Lease {
    /// When it expires ([`now_ms`]).
    at: u64,
    /// The port id told on expiry, 0 for none.
    owner: u32,
}

impl Lease {
    /// A lease of `ttl_ms` from now, told to `owner` (0: nobody).
    pub(crate) fn new(ttl_ms: u32, owner: u32) -> Self {
        let mut at = now_ms().saturating_add(u64::from(ttl_ms));
        // 0 in `Entry::expires` means "never": a millisecond later instead.
        if at as u32 == 0 {
            at = at.wrapping_add(1);
        }
        Self { at, owner }
    }
}

/// An entry in expiry order: when, then which.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Expiry {
    at: u64,
    key: Key,
}

/// Counters reported by STATS_GET, from the namespace's creation on.
#[derive(Default, Clone, Copy)]
pub(crate) struct Counters {
    pub(crate) created: u64,
    pub(crate) replaced: u64,
    pub(crate) deleted: u64,
    pub(crate) flushed: u64,
    pub(crate) notifications: u64,
    pub(crate) expired: u64,
    pub(crate) audit_messages: u64,
}

/// The registry of one network namespace.
pub(crate) struct Registry {
    entries: RBTree<Key, Entry>,
    /// The entries that expire, with the port id to tell (0: none).
    expiries: RBTree<Expiry, u32>,
    /// Entries in `expiries`.
    leases: u32,
    /// Entries in `entries` (at most `MAX_ENTRIES_LIMIT`).
    count: u32,
    /// Value bytes in `entries` (at most `MAX_BYTES_LIMIT`).
    bytes: u32,
    pub(crate) max_entries: u32,
    pub(crate) max_bytes: u32,
    /// The revision given to the next change.
    next_revision: u64,
    /// Bumped on every change; a dump that sees it move is flagged
    /// `NLM_F_DUMP_INTR`. Never 0 ("not tracked").
    generation: u32,
    pub(crate) counters: Counters,
}

/// Why a change is refused; nothing changed.
pub(crate) enum Refusal {
    /// The key exists and the flags do not allow replacing it.
    Exists,
    /// The key does not exist (and the flags do not allow creating it).
    Missing,
    /// The namespace holds `max_entries` entries.
    TooManyEntries,
    /// The value would take the namespace past `max_bytes`.
    TooManyBytes,
    /// An allocation, or the caller's preparation, failed.
    Failed(Error),
}

impl From<Error> for Refusal {
    fn from(e: Error) -> Self {
        Self::Failed(e)
    }
}

impl NetState for Registry {
    fn new() -> Result<Self> {
        Ok(Self {
            entries: RBTree::new(),
            expiries: RBTree::new(),
            leases: 0,
            count: 0,
            bytes: 0,
            max_entries: DEFAULT_MAX_ENTRIES,
            max_bytes: DEFAULT_MAX_BYTES,
            next_revision: 1,
            generation: 1,
            counters: Counters::default(),
        })
    }
}

impl Registry {
    pub(crate) fn len(&self) -> u32 {
        self.count
    }

    pub(crate) fn bytes(&self) -> u32 {
        self.bytes
    }

    pub(crate) fn generation(&self) -> u32 {
        self.generation
    }

    pub(crate) fn get(&self, key: &Key) -> Option<&Entry> {
        self.entries.get(key)
    }

    /// Whether any entry expires.
    pub(crate) fn has_leases(&self) -> bool {
        self.leases != 0
    }

    /// When the next entry expires.
    pub(crate) fn next_expiry(&self) -> Option<u64> {
        self.expiries.iter().next().map(|(e, _)| e.at)
    }

    /// Removes `key`'s place in the expiry order, if `entry` has one.
    fn unlease(expiries: &mut RBTree<Expiry, u32>, leases: &mut u32, key: &Key, entry: &Entry) {
        if let Some(at) = entry.expiry(now_ms()) {
            let key = key.clone();
            if expiries.remove(&Expiry { at, key }).is_some() {
                *leases = leases.saturating_sub(1);
            }
        }
    }

    fn changed(&mut self) {
        self.next_revision = self.next_revision.wrapping_add(1);
        self.generation = self.generation.wrapping_add(1).max(1);
    }

    /// The value bytes, now `bytes`, after a value of `freed` bytes is
    /// replaced by one of `added` bytes, if within `max`. (Not a method:
    /// it runs while the tree is borrowed.)
    fn bytes_after(bytes: u32, max: u32, freed: usize, added: usize) -> Result<u32, Refusal> {
        // Values are at most VALUE_MAX_LEN, the total at most u32::MAX.
        let bytes = u64::from(bytes)
            .saturating_sub(freed as u64)
            .saturating_add(added as u64);
        if bytes > u64::from(max) {
            return Err(Refusal::TooManyBytes);
        }
        Ok(bytes as u32)
    }

    /// Stores `value` and `tag` under `key`, creating it only if `create`
    /// and replacing an existing entry only if `replace`; it expires as
    /// `lease` says, or never. Everything that can fail comes first: the
    /// checks, the allocations and `prepare`, called with the entry as it
    /// will be stored (to build its notification). Only then is the
    /// registry changed, so a refusal leaves it as it was. Returns what
    /// `prepare` returned.
    pub(crate) fn insert<T>(
        &mut self,
        key: Key,
        value: &Attr<'_>,
        tag: u32,
        (create, replace): (bool, bool),
        lease: Option<Lease>,
        prepare: impl FnOnce(&Entry) -> Result<T>,
    ) -> Result<T, Refusal> {
        let revision = self.next_revision;
        let len = value.bytes().len();
        // The key again, for the expiry order, only when it is involved.
        let expiry_key = if lease.is_some() || self.has_leases() {
            Some(key.clone())
        } else {
            None
        };
        // Charged to the writer's memory cgroup, as GFP is.
        let new_entry = || -> Result<Entry> {
            Ok(Entry {
                value: value.memdup()?,
                tag,
                expires: lease.as_ref().map_or(0, |l| l.at as u32),
                revision,
            })
        };
        let expiry_node = || -> Result<_> {
            match (&lease, &expiry_key) {
                (Some(lease), Some(key)) => Ok(Some(RBTreeNodeReservation::new(GFP)?.into_node(
                    Expiry {
                        at: lease.at,
                        key: key.clone(),
                    },
                    lease.owner,
                ))),
                _ => Ok(None),
            }
        };
        let (expiries, leases) = (&mut self.expiries, &mut self.leases);
        // One walk of the tree: the entry API keeps the place it found.
        let prepared = match self.entries.entry(key) {
            rbtree::Entry::Occupied(mut old) => {
                if !replace {
                    return Err(Refusal::Exists);
                }
                let bytes =
                    Self::bytes_after(self.bytes, self.max_bytes, old.get().value.len(), len)?;
                let entry = new_entry()?;
                let node = expiry_node()?;
                let prepared = prepare(&entry)?;
                self.bytes = bytes;
                if let Some(key) = &expiry_key {
                    Self::unlease(expiries, leases, key, old.get());
                }
                if let Some(node) = node {
                    expiries.insert(node);
                    *leases = leases.saturating_add(1);
                }
                // The old value is freed here.
                *old.get_mut() = entry;
                self.counters.replaced = self.counters.replaced.wrapping_add(1);
                prepared
            }
            rbtree::Entry::Vacant(slot) => {
                if !create {
                    return Err(Refusal::Missing);
                }
                if self.count >= self.max_entries {
                    return Err(Refusal::TooManyEntries);
                }
                let bytes = Self::bytes_after(self.bytes, self.max_bytes, 0, len)?;
                let entry = new_entry()?;
                let node = RBTreeNodeReservation::new(GFP)?;
                let expiry = expiry_node()?;
                let prepared = prepare(&entry)?;
                self.bytes = bytes;
                if let Some(expiry) = expiry {
                    expiries.insert(expiry);
                    *leases = leases.saturating_add(1);
                }
                slot.insert(entry, node);
                self.count = self.count.saturating_add(1);
                self.counters.created = self.counters.created.wrapping_add(1);
                prepared
            }
        };
        self.changed();
        Ok(prepared)
    }

    /// Removes `key`, calling `prepare` with its entry first (to build its
    /// notification); a failure there leaves the entry in place. Returns
    /// what `prepare` returned.
    pub(crate) fn remove<T>(
        &mut self,
        key: &Key,
        prepare: impl FnOnce(&Entry) -> Result<T>,
    ) -> Result<T, Refusal> {
        // One walk: the found entry is removed where it is.
        let found = self.entries.find_mut(key).ok_or(Refusal::Missing)?;
        let prepared = prepare(found.get())?;
        let entry = found.remove();
        if entry.expires != 0 {
            Self::unlease(&mut self.expiries, &mut self.leases, key, &entry);
        }
        self.count = self.count.saturating_sub(1);
        self.bytes = self.bytes.saturating_sub(entry.value.len() as u32);
        self.counters.deleted = self.counters.deleted.wrapping_add(1);
        self.changed();
        Ok(prepared)
    }

    /// Removes every entry, returning how many there were.
    pub(crate) fn flush(&mut self) -> u32 {
        let count = self.len();
        // Dropping the old tree frees its nodes and values.
        drop(core::mem::take(&mut self.entries));
        drop(core::mem::take(&mut self.expiries));
        self.leases = 0;
        self.count = 0;
        self.bytes = 0;
        self.counters.flushed = self.counters.flushed.wrapping_add(u64::from(count));
        self.changed();
        count
    }

    /// Removes the entry that expires first if it is due at `now`, calling
    /// `prepare` with it and the port id to tell (0: none) first (to build
    /// its notifications); a failure there leaves it in place. `None` when
    /// no entry is due.
    pub(crate) fn expire_first<T>(
        &mut self,
        now: u64,
        prepare: impl FnOnce(&Key, &Entry, u32) -> Result<T>,
    ) -> Option<Result<T>> {
        loop {
            let first = kernel_api::cursor_front_mut(&mut self.expiries)?;
            let (expiry, owner) = first.current();
            if expiry.at > now {
                return None;
            }
            // Every expiry has its entry, with that expiry: they change
            // together. Checked anyway: an orphan would stay first forever.
            // One walk of the entries: the found entry is removed where it is.
            let Some(found) = self
                .entries
                .find_mut(&expiry.key)
                .filter(|e| e.get().expires == expiry.at as u32)
            else {
                pr_warn!("an expiry without its entry, dropped\n");
                drop(first.remove_current());
                self.leases = self.leases.saturating_sub(1);
                continue;
            };
            let prepared = match prepare(&expiry.key, found.get(), *owner) {
                Ok(prepared) => prepared,
                Err(e) => return Some(Err(e)),
            };
            let entry = found.remove();
            drop(first.remove_current());
            self.leases = self.leases.saturating_sub(1);
            self.count = self.count.saturating_sub(1);
            self.bytes = self.bytes.saturating_sub(entry.value.len() as u32);
            self.counters.expired = self.counters.expired.wrapping_add(1);
            self.changed();
            return Some(Ok(prepared));
        }
    }

    /// Calls `f` with each entry whose key starts with `prefix`, in key
    /// order, from the first key not below `from` (or the first one),
    /// until `f` fails. Returns `f`'s error with the key it failed on.
    /// Entries that are due to expire are left out.
    pub(crate) fn for_each_from(
        &mut self,
        from: Option<&Key>,
        prefix: &[u8],
        mut f: impl FnMut(&Key, &Entry) -> Result,
    ) -> core::result::Result<(), (Error, Key)> {
        // Keys with the prefix sort at or after the prefix itself.
        let start = Key::new(prefix);
        let mut cursor = match from.or(start.as_ref()) {
            Some(from) => kernel_api::cursor_lower_bound_mut(&mut self.entries, from),
            None => kernel_api::cursor_front_mut(&mut self.entries),
        };
        while let Some(c) = cursor {
            let (key, entry) = c.current();
            if !key.as_bytes().starts_with(prefix) {
                break;
            }
            if entry.ttl_left() != Some(0) {
                f(key, entry).map_err(|e| (e, key.clone()))?;
            }
            cursor = c.move_next();
        }
        Ok(())
    }
}
