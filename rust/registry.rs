// SPDX-License-Identifier: GPL-2.0

//! The registry of one network namespace: entries in key order, their
//! accounting against the namespace's limits, and its counters.
//!
//! A request is applied whole or not at all: `insert` and `remove` run
//! everything that can fail (the checks, the allocations, the caller's
//! preparation of its notification) before they change anything.

use crate::spec::{self, KEY_MAX_LEN};
use core::cmp::Ordering;
use genl::{Attr, Bytes, NetState};
use kernel::{
    prelude::*,
    rbtree::{self, RBTree, RBTreeNodeReservation},
};

/// Where the namespace's memory is charged: its writer's memory cgroup.
const GFP: kernel::alloc::Flags = GFP_KERNEL_ACCOUNT;

/// An entry key: 1 to [`KEY_MAX_LEN`] bytes, ordered bytewise.
#[derive(Clone)]
pub(crate) struct Key {
    len: u8,
    bytes: [u8; KEY_MAX_LEN],
}

impl Key {
    /// The key `bytes`, or `None` when it is empty or too long.
    #[inline]
    pub(crate) fn new(bytes: &[u8]) -> Option<Self> {
        if bytes.is_empty() || bytes.len() > KEY_MAX_LEN {
            return None;
        }
        let mut key = Self {
            len: bytes.len() as u8,
            bytes: [0; KEY_MAX_LEN],
        };
        key.bytes[..bytes.len()].copy_from_slice(bytes);
        Some(key)
    }

    #[inline]
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
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
    pub(crate) revision: u64,
}

/// Counters reported by STATS_GET, from the namespace's creation on.
#[derive(Default, Clone, Copy)]
pub(crate) struct Counters {
    pub(crate) created: u64,
    pub(crate) replaced: u64,
    pub(crate) deleted: u64,
    pub(crate) flushed: u64,
    pub(crate) notifications: u64,
}

/// The registry of one network namespace.
pub(crate) struct Registry {
    entries: RBTree<Key, Entry>,
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
            count: 0,
            bytes: 0,
            max_entries: spec::DEFAULT_MAX_ENTRIES,
            max_bytes: spec::DEFAULT_MAX_BYTES,
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

    fn changed(&mut self) {
        self.next_revision += 1;
        self.generation = self.generation.wrapping_add(1).max(1);
    }

    /// The value bytes, now `bytes`, after a value of `freed` bytes is
    /// replaced by one of `added` bytes, if within `max`. (Not a method:
    /// it runs while the tree is borrowed.)
    fn bytes_after(bytes: u32, max: u32, freed: usize, added: usize) -> Result<u32, Refusal> {
        // Values are at most VALUE_MAX_LEN, the total at most u32::MAX.
        let bytes = u64::from(bytes) - freed as u64 + added as u64;
        if bytes > u64::from(max) {
            return Err(Refusal::TooManyBytes);
        }
        Ok(bytes as u32)
    }

    /// Stores `value` and `tag` under `key`, creating it only if `create`
    /// and replacing an existing entry only if `replace`. Everything that
    /// can fail comes first: the checks, the allocations and `prepare`,
    /// called with the entry as it will be stored (to build its
    /// notification). Only then is the registry changed, so a refusal
    /// leaves it as it was. Returns what `prepare` returned.
    pub(crate) fn insert<T>(
        &mut self,
        key: Key,
        value: &Attr<'_>,
        tag: u32,
        (create, replace): (bool, bool),
        prepare: impl FnOnce(&Entry) -> Result<T>,
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
        // One walk of the tree: the entry API keeps the place it found.
        let prepared = match self.entries.entry(key) {
            rbtree::Entry::Occupied(mut old) => {
                if !replace {
                    return Err(Refusal::Exists);
                }
                let bytes =
                    Self::bytes_after(self.bytes, self.max_bytes, old.get().value.len(), len)?;
                let entry = new_entry()?;
                let prepared = prepare(&entry)?;
                self.bytes = bytes;
                // The old value is freed here.
                *old.get_mut() = entry;
                self.counters.replaced += 1;
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
                let prepared = prepare(&entry)?;
                self.bytes = bytes;
                slot.insert(entry, node);
                self.count += 1;
                self.counters.created += 1;
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
        self.count -= 1;
        self.bytes -= entry.value.len() as u32;
        self.counters.deleted += 1;
        self.changed();
        Ok(prepared)
    }

    /// Removes every entry, returning how many there were.
    pub(crate) fn flush(&mut self) -> u32 {
        let count = self.len();
        // Dropping the old tree frees its nodes and values.
        drop(core::mem::take(&mut self.entries));
        self.count = 0;
        self.bytes = 0;
        self.counters.flushed += u64::from(count);
        self.changed();
        count
    }

    /// Calls `f` with each entry whose key starts with `prefix`, in key
    /// order, from the first key not below `from` (or the first one),
    /// until `f` fails. Returns `f`'s error with the key it failed on.
    pub(crate) fn for_each_from(
        &mut self,
        from: Option<&Key>,
        prefix: &[u8],
        mut f: impl FnMut(&Key, &Entry) -> Result,
    ) -> core::result::Result<(), (Error, Key)> {
        // Keys with the prefix sort at or after the prefix itself.
        let start = Key::new(prefix);
        let mut cursor = match from.or(start.as_ref()) {
            Some(from) => self.entries.cursor_lower_bound(from),
            None => self.entries.cursor_front(),
        };
        while let Some(c) = cursor {
            let (key, entry) = c.current();
            if !key.as_bytes().starts_with(prefix) {
                break;
            }
            f(key, entry).map_err(|e| (e, key.clone()))?;
            cursor = c.move_next();
        }
        Ok(())
    }
}
