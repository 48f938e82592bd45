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
use genl::{kernel_api, Attr, Bytes, MapEntry, NetState, NodeReservation, RbMap};
use kernel::prelude::*;

/// The limits of a new namespace, within what `LIMITS_SET` accepts.
const DEFAULT_MAX_ENTRIES: u32 = 1 << 17;
const DEFAULT_MAX_BYTES: u32 = 16 << 20;
// Checked at build time: a failure stops the build, not the kernel.
#[allow(clippy::disallowed_macros)]
const _: () = assert!(DEFAULT_MAX_ENTRIES <= MAX_ENTRIES_LIMIT);
#[allow(clippy::disallowed_macros)]
const _: () = assert!(DEFAULT_MAX_BYTES <= MAX_BYTES_LIMIT);

/// An entry key: 1 to [`KEY_MAX_LEN`] bytes, ordered bytewise (empty only
/// as it is made: [`Default`]).
#[derive(Clone)]
pub(crate) struct Key {
    len: u8,
    bytes: [u8; KEY_MAX_LEN as usize],
}

impl Default for Key {
    #[inline]
    fn default() -> Self {
        Self {
            len: 0,
            bytes: [0; KEY_MAX_LEN as usize],
        }
    }
}

impl Key {
    /// Whether `bytes` make a key: not empty, not too long.
    #[inline]
    pub(crate) fn valid(bytes: &[u8]) -> bool {
        !bytes.is_empty() && bytes.len() <= KEY_MAX_LEN as usize
    }

    /// The key `bytes`, [`valid`](Self::valid) (past the longest key, cut
    /// short).
    #[inline]
    pub(crate) fn from_valid(bytes: &[u8]) -> Self {
        let mut key = Self::default();
        key.set(bytes);
        key
    }

    /// Makes this the key `bytes`, as [`from_valid`](Self::from_valid).
    #[inline]
    pub(crate) fn set(&mut self, bytes: &[u8]) {
        let len = bytes.len().min(KEY_MAX_LEN as usize);
        if let (Some(to), Some(from)) = (self.bytes.get_mut(..len), bytes.get(..len)) {
            to.copy_from_slice(from);
            self.len = len as u8;
        }
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
    #[inline]
    fn cmp(&self, other: &Self) -> Ordering {
        compare(self.as_bytes(), other.as_bytes())
    }
}

/// Keys' order: bytewise, as `memcmp()` and then the length. Open-coded:
/// the slices' own `cmp` is an out-of-line call around `memcmp()`, which
/// every step of a tree walk would pay for. Lookups compare a request's
/// bytes with the keys in the tree, as C does: no key is built for them.
#[inline]
fn compare(a: &[u8], b: &[u8]) -> Ordering {
    a.iter().cmp(b.iter())
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
    entries: RbMap<Key, Entry>,
    /// The entries that expire, with the port id to tell (0: none).
    expiries: RbMap<Expiry, u32>,
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
            entries: RbMap::new(),
            expiries: RbMap::new(),
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

    pub(crate) fn get(&self, key: &[u8]) -> Option<&Entry> {
        self.entries
            .get_by(|k| compare(key, k.as_bytes()))
            .map(|(_, entry)| entry)
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
    fn unlease(expiries: &mut RbMap<Expiry, u32>, leases: &mut u32, key: &[u8], entry: &Entry) {
        if let Some(at) = entry.expiry(now_ms()) {
            let found = expiries
                .find_mut_by(|e| at.cmp(&e.at).then_with(|| compare(key, e.key.as_bytes())));
            if let Some(found) = found {
                found.remove();
                *leases = leases.saturating_sub(1);
            }
        }
    }

    /// Gives an entry its place in the expiry order.
    fn lease(
        expiries: &mut RbMap<Expiry, u32>,
        (node, expiry, owner): (NodeReservation<Expiry, u32>, Expiry, u32),
    ) {
        // (Always vacant: the entry's old place was removed first.)
        if let MapEntry::Vacant(slot) = expiries.entry_by(|e| expiry.cmp(e)) {
            slot.insert(node, expiry, owner);
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
        key: &[u8],
        value: &Attr<'_>,
        tag: u32,
        (create, replace): (bool, bool),
        lease: Option<Lease>,
        prepare: impl FnOnce(&Entry) -> Result<T>,
    ) -> Result<T, Refusal> {
        let revision = self.next_revision;
        let len = value.bytes().len();
        let has_leases = self.has_leases();
        // Charged to the writer's memory cgroup, as GFP is.
        let new_entry = || -> Result<Entry> {
            Ok(Entry {
                value: value.memdup()?,
                tag,
                expires: lease.as_ref().map_or(0, |l| l.at as u32),
                revision,
            })
        };
        // The entry's place in the expiry order, if it has a lease.
        let expiry_node = || -> Result<_> {
            match &lease {
                Some(lease) => Ok(Some((
                    NodeReservation::new()?,
                    Expiry {
                        at: lease.at,
                        key: Key::from_valid(key),
                    },
                    lease.owner,
                ))),
                None => Ok(None),
            }
        };
        let (expiries, leases) = (&mut self.expiries, &mut self.leases);
        // One walk of the tree: the entry API keeps the place it found.
        let prepared = match self.entries.entry_by(|k| compare(key, k.as_bytes())) {
            MapEntry::Occupied(mut old) => {
                if !replace {
                    return Err(Refusal::Exists);
                }
                let bytes =
                    Self::bytes_after(self.bytes, self.max_bytes, old.get().value.len(), len)?;
                let entry = new_entry()?;
                let node = expiry_node()?;
                let prepared = prepare(&entry)?;
                self.bytes = bytes;
                if has_leases {
                    Self::unlease(expiries, leases, key, old.get());
                }
                if let Some(node) = node {
                    Self::lease(expiries, node);
                    *leases = leases.saturating_add(1);
                }
                // The old value is freed here.
                *old.get_mut().1 = entry;
                self.counters.replaced = self.counters.replaced.wrapping_add(1);
                prepared
            }
            MapEntry::Vacant(slot) => {
                if !create {
                    return Err(Refusal::Missing);
                }
                if self.count >= self.max_entries {
                    return Err(Refusal::TooManyEntries);
                }
                let bytes = Self::bytes_after(self.bytes, self.max_bytes, 0, len)?;
                let entry = new_entry()?;
                let node = NodeReservation::new()?;
                let expiry = expiry_node()?;
                let prepared = prepare(&entry)?;
                self.bytes = bytes;
                if let Some(expiry) = expiry {
                    Self::lease(expiries, expiry);
                    *leases = leases.saturating_add(1);
                }
                slot.insert_with(node, |k: &mut Key| k.set(key), entry);
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
        key: &[u8],
        prepare: impl FnOnce(&Entry) -> Result<T>,
    ) -> Result<T, Refusal> {
        // One walk: the found entry is removed where it is.
        let found = self
            .entries
            .find_mut_by(|k| compare(key, k.as_bytes()))
            .ok_or(Refusal::Missing)?;
        let prepared = prepare(found.get())?;
        let (_, entry) = found.remove();
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
        // Frees the nodes and values.
        self.entries.clear();
        self.expiries.clear();
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
            let first = self.expiries.first_mut()?;
            let (expiry, owner) = (first.key(), *first.get());
            if expiry.at > now {
                return None;
            }
            // Every expiry has its entry, with that expiry: they change
            // together. Checked anyway: an orphan would stay first forever.
            // One walk of the entries: the found entry is removed where it is.
            let Some(found) = self
                .entries
                .find_mut_by(|k| expiry.key.cmp(k))
                .filter(|e| e.get().expires == expiry.at as u32)
            else {
                pr_warn!("an expiry without its entry, dropped\n");
                first.remove();
                self.leases = self.leases.saturating_sub(1);
                continue;
            };
            let prepared = match prepare(&expiry.key, found.get(), owner) {
                Ok(prepared) => prepared,
                Err(e) => return Some(Err(e)),
            };
            let (_, entry) = found.remove();
            first.remove();
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
        &self,
        from: Option<&Key>,
        prefix: &[u8],
        mut f: impl FnMut(&Key, &Entry) -> Result,
    ) -> core::result::Result<(), (Error, Key)> {
        // Keys with the prefix sort at or after the prefix itself.
        let from = from.map_or(prefix, Key::as_bytes);
        for (key, entry) in self.entries.iter_from_by(|k| compare(from, k.as_bytes())) {
            if !key.as_bytes().starts_with(prefix) {
                break;
            }
            if entry.ttl_left() != Some(0) {
                f(key, entry).map_err(|e| (e, key.clone()))?;
            }
        }
        Ok(())
    }
}
