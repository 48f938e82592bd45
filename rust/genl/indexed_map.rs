// SPDX-License-Identifier: GPL-2.0

//! [`IndexedMap`]: an [`RbMap`] whose entries can also stand in a second
//! order, as a C family links an entry to a node of a second rbtree (its
//! expiry, say) and that node back to the entry: the entry first in the
//! second order is reached without a walk of the map, and an entry removed
//! takes its place in that order with it.

use crate::bindings;
use crate::rb_map::{
    free_tree, Alloc, Entry as MapEntry, NodeReservation, Occupied as MapOccupied, RbMap,
};
use core::{cmp::Ordering, ptr};
use kernel::prelude::*;

/// A value of an [`IndexedMap`] with its place in the second order. No
/// `Drop`: [`IndexedMap`]'s frees the places first, then the map drops the
/// entries, whose `index` it no longer reads.
pub struct Indexed<V, O> {
    value: V,
    /// Its node in the map's second order, or null.
    index: *mut IndexNode<O>,
}

/// A node of the second order: the tree's links first, so that a
/// `struct rb_node *` is a node pointer.
#[repr(C)]
struct IndexNode<O> {
    links: bindings::rb_node,
    order: O,
    /// The node of the entry in the map.
    entry: *mut bindings::rb_node,
}

/// Memory for an entry's place in the second order, allocated before the
/// map is changed.
pub struct IndexReservation<O>(Alloc<IndexNode<O>>);

impl<O> IndexReservation<O> {
    /// Memory for a place, charged to the current task's memory cgroup
    /// (`GFP_KERNEL_ACCOUNT`: process context only, as handlers are).
    #[inline]
    pub fn new() -> Result<Self> {
        Ok(Self(Alloc::new()?))
    }
}

/// A map of keys `K` to values `V` (an [`RbMap`]) whose entries can also
/// stand in a second order: by an `O` given to each, then by key. Lookups
/// take a comparison, as [`RbMap`]'s do.
///
/// # Invariants
///
/// - The `index` of each entry of `map` is null or a node linked in
///   `order`, allocated by [`IndexReservation::new`] with its fields
///   initialised, whose `entry` is that entry's node.
/// - Each node linked in `order` is the `index` of exactly one entry.
/// - `order` is a valid red-black tree (as `lib/rbtree.c` keeps it) whose
///   `rb_leftmost` is its first node (null when empty).
pub struct IndexedMap<K, V, O> {
    map: RbMap<K, Indexed<V, O>>,
    /// The second order, keeping its first node as C's `rb_root_cached`.
    order: bindings::rb_root_cached,
}

// SAFETY: the map owns its keys, values and orders; the links between its
// nodes are only followed through `&self` to read or `&mut self` to change.
unsafe impl<K: Send, V: Send, O: Send> Send for IndexedMap<K, V, O> {}
// SAFETY: `&IndexedMap` only reads.
unsafe impl<K: Sync, V: Sync, O: Sync> Sync for IndexedMap<K, V, O> {}

impl<K: Ord, V, O: Ord> Default for IndexedMap<K, V, O> {
    fn default() -> Self {
        Self::new()
    }
}

/// The order of `index`, an entry's place in the second order, if it has
/// one.
///
/// # Safety
///
/// `index` is null or a node of the second order of a map borrowed for `'a`.
#[inline]
unsafe fn order_of<'a, O>(index: *const IndexNode<O>) -> Option<&'a O> {
    // SAFETY: the caller's: a node of the order is initialised (the map's
    // invariants) and stays while the map is borrowed.
    unsafe { index.as_ref() }.map(|index| &index.order)
}

impl<K: Ord, V, O: Ord> IndexedMap<K, V, O> {
    /// An empty map.
    pub const fn new() -> Self {
        // INVARIANT: no entry, no place in the order.
        Self {
            map: RbMap::new(),
            order: bindings::rb_root_cached {
                rb_root: bindings::rb_root {
                    rb_node: ptr::null_mut(),
                },
                rb_leftmost: ptr::null_mut(),
            },
        }
    }

    /// Whether any entry stands in the second order.
    #[inline]
    pub fn has_ordered(&self) -> bool {
        !self.order.rb_root.rb_node.is_null()
    }

    /// The key, value and order of the entry that `cmp` finds.
    #[inline]
    pub fn get_by(&self, cmp: impl FnMut(&K) -> Ordering) -> Option<(&K, &V, Option<&O>)> {
        let (key, value) = self.map.get_by(cmp)?;
        // SAFETY: `index` is null or a node of `self.order` (type
        // invariants), borrowed with `self`.
        Some((key, &value.value, unsafe { order_of(value.index) }))
    }

    /// The entry that `cmp` finds, to change or remove.
    #[inline]
    pub fn find_mut_by(
        &mut self,
        cmp: impl FnMut(&K) -> Ordering,
    ) -> Option<Occupied<'_, K, V, O>> {
        Some(Occupied {
            entry: self.map.find_mut_by(cmp)?,
            order: &mut self.order,
        })
    }

    /// The place that `cmp` finds: an entry, or where one belongs.
    #[inline]
    pub fn entry_by(&mut self, cmp: impl FnMut(&K) -> Ordering) -> Entry<'_, K, V, O> {
        let order = &mut self.order;
        match self.map.entry_by(cmp) {
            MapEntry::Occupied(entry) => Entry::Occupied(Occupied { entry, order }),
            MapEntry::Vacant(slot) => Entry::Vacant(Vacant { slot, order }),
        }
    }

    /// The order of the entry first in the second order.
    #[inline]
    pub fn first_order(&self) -> Option<&O> {
        // SAFETY: `rb_leftmost` is null or the first node of `self.order`
        // (type invariants).
        unsafe { order_of(self.order.rb_leftmost.cast::<IndexNode<O>>()) }
    }

    /// The entry first in the second order, to change or remove: no walk
    /// of the map.
    #[inline]
    pub fn first_ordered_mut(&mut self) -> Option<Occupied<'_, K, V, O>> {
        let first = self.order.rb_leftmost.cast::<IndexNode<O>>();
        if first.is_null() {
            return None;
        }
        // SAFETY: `first` is a node of `order`, whose `entry` is an entry's
        // node in `map` (type invariants).
        let entry = unsafe { self.map.occupied((*first).entry) };
        Some(Occupied {
            entry,
            order: &mut self.order,
        })
    }

    /// The entries in key order from the first whose key is not below the
    /// one `cmp` describes, each with its order.
    #[inline]
    pub fn iter_from_by(
        &self,
        cmp: impl FnMut(&K) -> Ordering,
    ) -> impl Iterator<Item = (&K, &V, Option<&O>)> {
        self.map.iter_from_by(cmp).map(|(key, value)| {
            // SAFETY: `index` is null or a node of `self.order` (type
            // invariants), borrowed with `self`.
            (key, &value.value, unsafe { order_of(value.index) })
        })
    }

    /// Removes and drops every entry.
    pub fn clear(&mut self) {
        drop(core::mem::take(self));
    }
}

impl<K, V, O> Drop for IndexedMap<K, V, O> {
    fn drop(&mut self) {
        // The places in the order go first; the map then drops the
        // entries, whose `index` no longer matters.
        // SAFETY: the order is a valid tree of initialised `IndexNode`s
        // from `kmalloc()` owned by the map (type invariants), unused after
        // this.
        unsafe { free_tree::<IndexNode<O>>(&self.order.rb_root) };
    }
}

/// Takes `index` out of `order` and frees it, returning its order.
///
/// # Safety
///
/// `index` is a node linked in `order`, which the caller's entry no longer
/// names.
unsafe fn unindex<O>(order: &mut bindings::rb_root_cached, index: *mut IndexNode<O>) -> O {
    // SAFETY: the caller's: `index` is linked in the valid tree `order`,
    // an initialised `IndexNode` from `kmalloc()` that nothing else names
    // after this: its order moved out and its memory freed once. The
    // first node is kept as `rb_erase_cached()` does.
    unsafe {
        let links = ptr::addr_of_mut!((*index).links);
        if order.rb_leftmost == links {
            order.rb_leftmost = bindings::rb_next(links);
        }
        bindings::rb_erase(links, &mut order.rb_root);
        let value = ptr::read(ptr::addr_of!((*index).order));
        bindings::kfree(index.cast());
        value
    }
}

/// Links the node of `place` into `order` by `value` then by the key of
/// `entry`, returning it.
///
/// # Safety
///
/// `entry` is an entry's node in the map of `order`, whose `index` is null;
/// the caller makes it the entry's `index`. The map is borrowed mutably by
/// the caller, who holds no reference into it.
unsafe fn index<K: Ord, V, O: Ord>(
    order: &mut bindings::rb_root_cached,
    place: IndexReservation<O>,
    value: O,
    entry: *mut bindings::rb_node,
) -> *mut IndexNode<O> {
    // SAFETY: `entry` is linked in the map (the caller's).
    let key = unsafe { RbMap::<K, Indexed<V, O>>::key_of(entry) };
    let mut parent = ptr::null_mut();
    let mut link: *mut *mut bindings::rb_node = &mut order.rb_root.rb_node;
    // Whether the new node comes first: it never went right.
    let mut leftmost = true;
    // SAFETY: `link` is the root's link or a link of a node linked in
    // `order`, borrowed mutably; each node's `entry` is linked in the map.
    unsafe {
        while !(*link).is_null() {
            parent = *link;
            let node = parent.cast::<IndexNode<O>>();
            let other = RbMap::<K, Indexed<V, O>>::key_of((*node).entry);
            link = match value.cmp(&(*node).order).then_with(|| key.cmp(other)) {
                Ordering::Less => &mut (*parent).rb_left,
                _ => {
                    leftmost = false;
                    &mut (*parent).rb_right
                }
            };
        }
    }
    let raw = place.0.into_raw();
    // SAFETY: `raw` is fresh memory for an `IndexNode`, initialised here
    // before it is linked at the null link the walk ended on, as
    // `rb_link_node()` does; `rb_insert_color()` rebalances the valid tree;
    // the first node is kept as `rb_insert_color_cached()` does.
    unsafe {
        raw.write(IndexNode {
            links: bindings::rb_node {
                __rb_parent_color: parent as core::ffi::c_ulong,
                rb_right: ptr::null_mut(),
                rb_left: ptr::null_mut(),
            },
            order: value,
            entry,
        });
        let links = ptr::addr_of_mut!((*raw).links);
        *link = links;
        if leftmost {
            order.rb_leftmost = links;
        }
        bindings::rb_insert_color(links, &mut order.rb_root);
    }
    raw
}

/// A place in an [`IndexedMap`] that [`IndexedMap::entry_by`] found.
pub enum Entry<'a, K, V, O> {
    /// An entry is there.
    Occupied(Occupied<'a, K, V, O>),
    /// None is: one can be inserted there.
    Vacant(Vacant<'a, K, V, O>),
}

/// An entry of an [`IndexedMap`], borrowed mutably with its map.
///
/// # Invariants
///
/// `order` is the second order of the map whose entry `entry` is.
pub struct Occupied<'a, K, V, O> {
    entry: MapOccupied<'a, K, Indexed<V, O>>,
    order: &'a mut bindings::rb_root_cached,
}

impl<'a, K, V, O> Occupied<'a, K, V, O> {
    /// Its key.
    #[inline]
    pub fn key(&self) -> &K {
        self.entry.key()
    }

    /// Its value.
    #[inline]
    pub fn get(&self) -> &V {
        &self.entry.get().value
    }

    /// Its order, if it stands in the second order.
    #[inline]
    pub fn order(&self) -> Option<&O> {
        // SAFETY: `index` is null or a node of the map's order (the map's
        // invariants), borrowed with `self`.
        unsafe { order_of(self.entry.get().index) }
    }

    /// Its value to change (not its key, nor its order but through
    /// [`set_order`](Self::set_order)).
    #[inline]
    pub fn get_mut(&mut self) -> &mut V {
        &mut self.entry.get_mut().1.value
    }
}

impl<'a, K: Ord, V, O: Ord> Occupied<'a, K, V, O> {
    /// Gives it the place `order` in the second order, in the memory
    /// reserved for it, or none; its old place goes.
    #[inline]
    pub fn set_order(&mut self, order: Option<(IndexReservation<O>, O)>) {
        let node = self.entry.raw_node();
        let old = core::mem::take(&mut self.entry.get_mut().1.index);
        if !old.is_null() {
            // SAFETY: `old` was the entry's place, a node of the order (the
            // map's invariants), named by nothing since the line above.
            drop(unsafe { unindex(self.order, old) });
        }
        if let Some((place, value)) = order {
            // SAFETY: `node` is the entry's, linked in the map (borrowed
            // mutably by `self`, no reference into it held), its `index`
            // null.
            let index = unsafe { index::<K, V, O>(self.order, place, value, node) };
            // INVARIANT: the new place names the entry's node and is its
            // `index`.
            self.entry.get_mut().1.index = index;
        }
    }

    /// Takes the entry's place in the order out, returning its order.
    #[inline]
    fn unindex(&mut self) -> Option<O> {
        let index = self.entry.get().index;
        // SAFETY: `index` is null or a node of the order (the map's
        // invariants), no longer named once the entry goes (the caller
        // removes it next).
        (!index.is_null()).then(|| unsafe { unindex(self.order, index) })
    }

    /// Removes the entry and its place in the order, returning its value
    /// and order; the key is dropped where it is.
    #[inline]
    pub fn remove(mut self) -> (V, Option<O>) {
        let order = self.unindex();
        (self.entry.remove().value, order)
    }

    /// Removes the entry and its place in the order, returning its key,
    /// value and order.
    #[inline]
    pub fn remove_entry(mut self) -> (K, V, Option<O>) {
        let order = self.unindex();
        let (key, indexed) = self.entry.remove_entry();
        (key, indexed.value, order)
    }
}

/// An empty place in an [`IndexedMap`], where [`IndexedMap::entry_by`]
/// ended.
///
/// # Invariants
///
/// `order` is the second order of the map whose place `slot` is.
pub struct Vacant<'a, K, V, O> {
    slot: crate::rb_map::Vacant<'a, K, Indexed<V, O>>,
    order: &'a mut bindings::rb_root_cached,
}

impl<'a, K: Ord + Default, V, O: Ord> Vacant<'a, K, V, O> {
    /// Inserts a key and `value` here, as [`RbMap`]'s `insert_with` does
    /// (a default key that `make_key` sets, where it is stored), in the
    /// node reserved before, and gives it the place `order` in the second
    /// order, if any.
    #[inline]
    pub fn insert_with(
        self,
        node: NodeReservation<K, Indexed<V, O>>,
        make_key: impl FnOnce(&mut K),
        value: V,
        order: Option<(IndexReservation<O>, O)>,
    ) {
        let indexed = Indexed {
            value,
            index: ptr::null_mut(),
        };
        let node = self.slot.insert_with_node(node, make_key, indexed);
        if let Some((place, value)) = order {
            // SAFETY: `node` was just linked in the map, with a null
            // `index`; the map is borrowed mutably, no reference into it
            // held.
            unsafe {
                let index = index::<K, V, O>(self.order, place, value, node);
                // INVARIANT: the new place names the entry's node and is
                // its `index`.
                RbMap::<K, Indexed<V, O>>::value_mut(node).index = index;
            }
        }
    }
}
