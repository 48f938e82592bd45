// SPDX-License-Identifier: GPL-2.0

//! The registry of one network namespace: entries in key order, their
//! accounting against the namespace's limits, the expiry order of those
//! with a time to live, and its counters.
//!
//! A request is applied whole or not at all: `insert` and `remove` run
//! everything that can fail (the checks, the allocations, the caller's
//! preparation of its notification) before they change anything.

use crate::rgnl_nl::{KEY_MAX_LEN, MAX_BYTES_LIMIT, MAX_ENTRIES_LIMIT};
use core::cmp::Ordering;
use genl::{
    compare_bytes as compare, indexed_map, kernel_api, Attr, Bytes, IndexReservation, IndexedMap,
    InlineBytes, NetState, NodeReservation,
};
use kernel::prelude::*;

/// The limits of a new namespace, within what `LIMITS_SET` accepts.
const DEFAULT_MAX_ENTRIES: u32 = 1 << 17;
const DEFAULT_MAX_BYTES: u32 = 16 << 20;
// Checked at build time: a failure stops the build, not the kernel.
#[allow(clippy::disallowed_macros)]
const _: () = assert!(DEFAULT_MAX_ENTRIES <= MAX_ENTRIES_LIMIT);
#[allow(clippy::disallowed_macros)]
const _: () = assert!(DEFAULT_MAX_BYTES <= MAX_BYTES_LIMIT);

/// An entry key: 1 to [`KEY_MAX_LEN`] bytes, ordered bytewise.
pub(crate) type Key = InlineBytes<{ KEY_MAX_LEN as usize }>;

/// Whether `bytes` make a key: not empty, not too long.
#[inline]
pub(crate) fn valid_key(bytes: &[u8]) -> bool {
    !bytes.is_empty() && bytes.len() <= KEY_MAX_LEN as usize
}

/// What is stored under a key.
pub(crate) struct Entry {
    /// 12 bytes, not a `KVec`'s 24: with the tag beside it, the node (and
    /// the link to its lease) stays within kmalloc-128.
    pub(crate) value: Bytes,
    pub(crate) tag: u32,
    pub(crate) revision: u64,
}

/// Milliseconds of the monotonic clock.
pub(crate) fn now_ms() -> u64 {
    kernel_api::monotonic_ms()
}

/// A time to live given to an entry: its place in the expiry order.
pub(crate) struct Lease {
    /// When it expires ([`now_ms`]).
    at: u64,
    /// The port id told on expiry, 0 for none.
    owner: u32,
}

impl Lease {
    /// A lease of `ttl_ms` from now, told to `owner` (0: nobody).
    pub(crate) fn new(ttl_ms: u32, owner: u32) -> Self {
        Self {
            at: now_ms().saturating_add(u64::from(ttl_ms)),
            owner,
        }
    }
}

// Leases are in the order they end (and then by key: the map's second
// order), whoever is told.
impl PartialEq for Lease {
    fn eq(&self, other: &Self) -> bool {
        self.at == other.at
    }
}
impl Eq for Lease {}
impl PartialOrd for Lease {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Lease {
    fn cmp(&self, other: &Self) -> Ordering {
        self.at.cmp(&other.at)
    }
}

/// An entry as stored: its fields, and its lease if it has one.
#[derive(Clone, Copy)]
pub(crate) struct Stored<'a> {
    entry: &'a Entry,
    lease: Option<&'a Lease>,
}

impl core::ops::Deref for Stored<'_> {
    type Target = Entry;

    fn deref(&self) -> &Entry {
        self.entry
    }
}

impl Stored<'_> {
    /// The milliseconds it has left (0 once due), if it expires.
    pub(crate) fn ttl_left(&self) -> Option<u64> {
        self.lease.map(|l| l.at.saturating_sub(now_ms()))
    }
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
    /// The entries, those that expire also in expiry order.
    entries: IndexedMap<Key, Entry, Lease>,
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
            entries: IndexedMap::new(),
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

    pub(crate) fn get(&self, key: &[u8]) -> Option<Stored<'_>> {
        self.entries
            .get_by(|k| compare(key, k.as_bytes()))
            .map(|(_, entry, lease)| Stored { entry, lease })
    }

    /// Whether any entry expires.
    pub(crate) fn has_leases(&self) -> bool {
        self.entries.has_ordered()
    }

    /// When the next entry expires.
    pub(crate) fn next_expiry(&self) -> Option<u64> {
        self.entries.first_order().map(|lease| lease.at)
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
        prepare: impl FnOnce(Stored<'_>) -> Result<T>,
    ) -> Result<T, Refusal> {
        let revision = self.next_revision;
        let len = value.bytes().len();
        // Charged to the writer's memory cgroup, as GFP is.
        let new_entry = || -> Result<Entry> {
            Ok(Entry {
                value: value.memdup()?,
                tag,
                revision,
            })
        };
        // The entry's place in the expiry order, if it has a lease.
        let place = || -> Result<Option<IndexReservation<Lease>>> {
            lease.as_ref().map(|_| IndexReservation::new()).transpose()
        };
        // One walk of the tree: the entry API keeps the place it found.
        let prepared = match self.entries.entry_by(|k| compare(key, k.as_bytes())) {
            indexed_map::Entry::Occupied(mut old) => {
                if !replace {
                    return Err(Refusal::Exists);
                }
                let bytes =
                    Self::bytes_after(self.bytes, self.max_bytes, old.get().value.len(), len)?;
                let entry = new_entry()?;
                let place = place()?;
                let prepared = prepare(Stored {
                    entry: &entry,
                    lease: lease.as_ref(),
                })?;
                self.bytes = bytes;
                old.set_order(place.zip(lease));
                // The old value is freed here.
                *old.get_mut() = entry;
                self.counters.replaced = self.counters.replaced.wrapping_add(1);
                prepared
            }
            indexed_map::Entry::Vacant(slot) => {
                if !create {
                    return Err(Refusal::Missing);
                }
                if self.count >= self.max_entries {
                    return Err(Refusal::TooManyEntries);
                }
                let bytes = Self::bytes_after(self.bytes, self.max_bytes, 0, len)?;
                let entry = new_entry()?;
                let node = NodeReservation::new()?;
                let place = place()?;
                let prepared = prepare(Stored {
                    entry: &entry,
                    lease: lease.as_ref(),
                })?;
                self.bytes = bytes;
                slot.insert_with(node, |k: &mut Key| k.set(key), entry, place.zip(lease));
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
        prepare: impl FnOnce(Stored<'_>) -> Result<T>,
    ) -> Result<T, Refusal> {
        // One walk: the found entry is removed where it is.
        let found = self
            .entries
            .find_mut_by(|k| compare(key, k.as_bytes()))
            .ok_or(Refusal::Missing)?;
        let prepared = prepare(Stored {
            entry: found.get(),
            lease: found.order(),
        })?;
        let (entry, _) = found.remove();
        self.count = self.count.saturating_sub(1);
        self.bytes = self.bytes.saturating_sub(entry.value.len() as u32);
        self.counters.deleted = self.counters.deleted.wrapping_add(1);
        self.changed();
        Ok(prepared)
    }

    /// Removes every entry, returning how many there were.
    pub(crate) fn flush(&mut self) -> u32 {
        let count = self.len();
        // Frees the nodes, values and leases.
        self.entries.clear();
        self.count = 0;
        self.bytes = 0;
        self.counters.flushed = self.counters.flushed.wrapping_add(u64::from(count));
        self.changed();
        count
    }

    /// Removes the entry that expires first if it is due at `now`, calling
    /// `prepare` with it and the port id to tell (0: none) first (to build
    /// its notifications); a failure there leaves it in place. Then, once
    /// the registry counts it gone, `send` is called with its key (still in
    /// place: not copied out) and what `prepare` returned. `None` when no
    /// entry is due.
    pub(crate) fn expire_first<T>(
        &mut self,
        now: u64,
        prepare: impl FnOnce(&Key, Stored<'_>, u32) -> Result<T>,
        send: impl FnOnce(&Key, T, &mut Counters),
    ) -> Option<Result> {
        // The lease first to end, and its entry: no walk.
        let first = self.entries.first_ordered_mut()?;
        let lease = first.order()?;
        if lease.at > now {
            return None;
        }
        let owner = lease.owner;
        let stored = Stored {
            entry: first.get(),
            lease: Some(lease),
        };
        let prepared = match prepare(first.key(), stored, owner) {
            Ok(prepared) => prepared,
            Err(e) => return Some(Err(e)),
        };
        self.counters.expired = self.counters.expired.wrapping_add(1);
        send(first.key(), prepared, &mut self.counters);
        let (entry, _) = first.remove();
        self.count = self.count.saturating_sub(1);
        self.bytes = self.bytes.saturating_sub(entry.value.len() as u32);
        self.changed();
        Some(Ok(()))
    }

    /// Calls `f` with each entry whose key starts with `prefix`, in key
    /// order, from the first key not below `from` (or the first one),
    /// until `f` fails. Returns `f`'s error with the key it failed on.
    /// Entries that are due to expire are left out.
    pub(crate) fn for_each_from(
        &self,
        from: Option<&Key>,
        prefix: &[u8],
        mut f: impl FnMut(&Key, Stored<'_>) -> Result,
    ) -> core::result::Result<(), (Error, Key)> {
        // Keys with the prefix sort at or after the prefix itself.
        let from = from.map_or(prefix, Key::as_bytes);
        for (key, entry, lease) in self.entries.iter_from_by(|k| compare(from, k.as_bytes())) {
            // (No `memcmp()` call for the empty prefix of a whole dump.)
            if !prefix.is_empty() && !key.as_bytes().starts_with(prefix) {
                break;
            }
            let stored = Stored { entry, lease };
            if stored.ttl_left() != Some(0) {
                f(key, stored).map_err(|e| (e, key.clone()))?;
            }
        }
        Ok(())
    }
}
