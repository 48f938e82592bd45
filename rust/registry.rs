// SPDX-License-Identifier: GPL-2.0

//! The registry of one network namespace: entries in key order, their
//! accounting against the namespace's limits, and its counters.
//!
//! Changes come in two steps so that a request is applied whole or not at
//! all: everything that can fail (allocation, limit checks) happens while
//! preparing, before anything is changed; applying cannot fail.

use crate::spec::{self, KEY_MAX_LEN};
use core::cmp::Ordering;
use genl::NetState;
use kernel::{
    prelude::*,
    rbtree::{RBTree, RBTreeNodeReservation},
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

    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}
impl Eq for Key {}
impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Key {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_bytes().cmp(other.as_bytes())
    }
}

/// What is stored under a key.
pub(crate) struct Entry {
    pub(crate) value: KVec<u8>,
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

/// Why an insert cannot be prepared.
pub(crate) enum Refusal {
    /// The key exists and the flags do not allow replacing it.
    Exists,
    /// The key does not exist and the flags do not allow creating it.
    Missing,
    /// The namespace holds `max_entries` entries.
    TooManyEntries,
    /// The value would take the namespace past `max_bytes`.
    TooManyBytes,
    /// Out of memory.
    NoMemory,
}

/// A prepared insert: the memory it needs is allocated and the limits are
/// checked; [`Registry::apply`] cannot fail.
pub(crate) struct Insert {
    key: Key,
    entry: Entry,
    /// Allocated only when the key is new.
    node: Option<RBTreeNodeReservation<Key, Entry>>,
}

impl Insert {
    /// The entry as it will be stored (its revision included).
    pub(crate) fn entry(&self) -> (&Key, &Entry) {
        (&self.key, &self.entry)
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

    /// Prepares storing `value` and `tag` under `key`, creating it only if
    /// `create` and replacing an existing one only if `replace`.
    pub(crate) fn prepare_insert(
        &self,
        key: Key,
        value: &[u8],
        tag: u32,
        create: bool,
        replace: bool,
    ) -> core::result::Result<Insert, Refusal> {
        let old = self.entries.get(&key);
        let freed = match old {
            Some(_) if !replace => return Err(Refusal::Exists),
            Some(old) => old.value.len(),
            None if !create => return Err(Refusal::Missing),
            None => {
                if self.len() >= self.max_entries {
                    return Err(Refusal::TooManyEntries);
                }
                0
            }
        };
        // Values are at most VALUE_MAX_LEN, the total at most u32::MAX.
        let bytes = u64::from(self.bytes) - freed as u64 + value.len() as u64;
        if bytes > u64::from(self.max_bytes) {
            return Err(Refusal::TooManyBytes);
        }
        let mut stored = KVec::new();
        stored
            .extend_from_slice(value, GFP)
            .map_err(|_| Refusal::NoMemory)?;
        let node = match old {
            Some(_) => None,
            None => Some(RBTreeNodeReservation::new(GFP).map_err(|_| Refusal::NoMemory)?),
        };
        Ok(Insert {
            key,
            entry: Entry {
                value: stored,
                tag,
                revision: self.next_revision,
            },
            node,
        })
    }

    /// Applies a prepared insert; returns whether it replaced an entry.
    /// Nothing may change between preparing and applying (both run under
    /// `genl_mutex`, in one request).
    pub(crate) fn apply(&mut self, insert: Insert) -> bool {
        let Insert { key, entry, node } = insert;
        self.bytes += entry.value.len() as u32;
        self.changed();
        match node {
            Some(node) => {
                self.count += 1;
                self.counters.created += 1;
                self.entries.insert(node.into_node(key, entry));
                false
            }
            None => {
                self.counters.replaced += 1;
                if let Some(old) = self.entries.get_mut(&key) {
                    self.bytes -= old.value.len() as u32;
                    *old = entry;
                }
                true
            }
        }
    }

    /// Removes `key`, returning its entry.
    pub(crate) fn remove(&mut self, key: &Key) -> Option<Entry> {
        let entry = self.entries.remove(key)?;
        self.count -= 1;
        self.bytes -= entry.value.len() as u32;
        self.counters.deleted += 1;
        self.changed();
        Some(entry)
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
