// SPDX-License-Identifier: GPL-2.0

//! [`RbMap`]: an ordered map on the kernel's red-black tree
//! (`lib/rbtree.c`), what a C family builds from `struct rb_root`.
//!
//! The kernel crate's `RBTree` does the same with two costs a family pays
//! on every request: it looks up by `&K` only, so a family whose keys
//! arrive as attribute bytes builds a key to look one up, and its nodes go
//! through the kernel crate's allocator, which has only `krealloc()`. Here
//! lookups take a comparison (a family compares the attribute's bytes with
//! its keys, as C does), and nodes are `kmalloc()`ed and `kfree()`d.

use crate::bindings;
use core::{cmp::Ordering, marker::PhantomData, mem::MaybeUninit, ptr, ptr::NonNull};
use kernel::prelude::*;

/// A node: the tree's links first, so that a `struct rb_node *` is a node
/// pointer.
#[repr(C)]
struct Node<K, V> {
    links: bindings::rb_node,
    key: K,
    value: V,
}

/// The alignment `kmalloc()` guarantees (`ARCH_KMALLOC_MINALIGN`, at least
/// that of `unsigned long long`).
const KMALLOC_MIN_ALIGN: usize = core::mem::align_of::<u64>();

/// An ordered map whose keys are `K` and values `V`.
///
/// Lookups take a comparison instead of a key: `cmp(k)` says where the key
/// sought is against `k` (`Less`: it sorts before `k`). A comparison that
/// disagrees with the order of the keys inserted finds wrong places, as an
/// inconsistent `Ord` does in a `BTreeMap`: it cannot make the map unsound.
///
/// # Invariants
///
/// `root` is a valid red-black tree (as `lib/rbtree.c` keeps it) that links
/// only nodes allocated by [`NodeReservation::new`] whose key and value are
/// initialised, each linked once and owned by the map.
pub struct RbMap<K, V> {
    root: bindings::rb_root,
    _owns: PhantomData<Node<K, V>>,
}

// SAFETY: the map owns its keys and values; the tree links are only
// touched through `&mut self`.
unsafe impl<K: Send, V: Send> Send for RbMap<K, V> {}
// SAFETY: `&RbMap` only reads the tree, its keys and values.
unsafe impl<K: Sync, V: Sync> Sync for RbMap<K, V> {}

/// Where a walk ended: at the node found, or at the empty place where the
/// key sought belongs: its parent and the parent's null link (both null:
/// the root's).
enum Place {
    Found(*mut bindings::rb_node),
    Vacant(*mut bindings::rb_node, *mut *mut bindings::rb_node),
}

impl<K, V> Default for RbMap<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K, V> RbMap<K, V> {
    /// An empty map.
    pub const fn new() -> Self {
        // INVARIANT: no node is linked.
        Self {
            root: bindings::rb_root {
                rb_node: ptr::null_mut(),
            },
            _owns: PhantomData,
        }
    }

    /// Whether the map is empty.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.root.rb_node.is_null()
    }

    /// The key and value of `node`.
    ///
    /// # Safety
    ///
    /// `node` is linked in a map borrowed for `'a`, and no `&mut` to its
    /// value is live in `'a`.
    #[inline]
    pub(crate) unsafe fn node<'a>(node: *mut bindings::rb_node) -> (&'a K, &'a V) {
        let node = node.cast::<Node<K, V>>();
        // SAFETY: the caller's: a linked node is a live `Node` (type
        // invariants; `links` is its first field) with both fields
        // initialised.
        unsafe { (&*ptr::addr_of!((*node).key), &*ptr::addr_of!((*node).value)) }
    }

    /// The key of `node` (no reference to its value is made).
    ///
    /// # Safety
    ///
    /// `node` is linked in a map borrowed for `'a`.
    #[inline]
    pub(crate) unsafe fn key_of<'a>(node: *mut bindings::rb_node) -> &'a K {
        // SAFETY: the caller's, as in `node`; keys never change in place.
        unsafe { &*ptr::addr_of!((*node.cast::<Node<K, V>>()).key) }
    }

    /// The value of `node`, to change.
    ///
    /// # Safety
    ///
    /// `node` is linked in a map borrowed mutably for `'a`, and no other
    /// reference to its value is live in `'a`.
    #[inline]
    pub(crate) unsafe fn value_mut<'a>(node: *mut bindings::rb_node) -> &'a mut V {
        // SAFETY: the caller's.
        unsafe { &mut *ptr::addr_of_mut!((*node.cast::<Node<K, V>>()).value) }
    }

    /// Walks down from the root as `cmp` says.
    #[inline]
    fn walk(&mut self, mut cmp: impl FnMut(&K) -> Ordering) -> Place {
        let mut node = self.root.rb_node;
        let mut parent = ptr::null_mut();
        // The null link where the walk ends, in a node; null for the
        // root's (a pointer into the map itself would not outlive the
        // borrow that made it).
        let mut link: *mut *mut bindings::rb_node = ptr::null_mut();
        while !node.is_null() {
            // SAFETY: `node` is linked in `self`, borrowed.
            let key = unsafe { Self::key_of(node) };
            link = match cmp(key) {
                Ordering::Equal => return Place::Found(node),
                // SAFETY: `node` is linked in `self`: its links are valid.
                Ordering::Less => unsafe { ptr::addr_of_mut!((*node).rb_left) },
                // SAFETY: as above.
                Ordering::Greater => unsafe { ptr::addr_of_mut!((*node).rb_right) },
            };
            parent = node;
            // SAFETY: `link` is a link of `node`.
            node = unsafe { *link };
        }
        Place::Vacant(parent, link)
    }

    /// The key and value that `cmp` finds.
    #[inline]
    pub fn get_by(&self, mut cmp: impl FnMut(&K) -> Ordering) -> Option<(&K, &V)> {
        let mut node = self.root.rb_node;
        while !node.is_null() {
            // SAFETY: `node` is linked in `self`, borrowed for the result's
            // lifetime.
            let (key, value) = unsafe { Self::node(node) };
            node = match cmp(key) {
                Ordering::Equal => return Some((key, value)),
                // SAFETY: `node` is linked in `self`: its links are valid.
                Ordering::Less => unsafe { (*node).rb_left },
                // SAFETY: as above.
                Ordering::Greater => unsafe { (*node).rb_right },
            };
        }
        None
    }

    /// The entry that `cmp` finds, to change or remove.
    #[inline]
    pub fn find_mut_by(&mut self, cmp: impl FnMut(&K) -> Ordering) -> Option<Occupied<'_, K, V>> {
        match self.walk(cmp) {
            Place::Found(node) => Some(Occupied { map: self, node }),
            Place::Vacant(..) => None,
        }
    }

    /// The place that `cmp` finds: an entry, or where one belongs. One
    /// walk, to look and then insert or replace.
    #[inline]
    pub fn entry_by(&mut self, cmp: impl FnMut(&K) -> Ordering) -> Entry<'_, K, V> {
        match self.walk(cmp) {
            Place::Found(node) => Entry::Occupied(Occupied { map: self, node }),
            Place::Vacant(parent, link) => Entry::Vacant(Vacant {
                map: self,
                parent,
                link,
            }),
        }
    }

    /// The first node, or null: `rb_first()` (an inline function on 7.x,
    /// exported on 6.12).
    #[inline]
    fn first_node(&self) -> *mut bindings::rb_node {
        let mut node = self.root.rb_node;
        // SAFETY: `node` and its left children are linked in `self` (type
        // invariants).
        unsafe {
            while !node.is_null() && !(*node).rb_left.is_null() {
                node = (*node).rb_left;
            }
        }
        node
    }

    /// The entry of `node`, to change or remove.
    ///
    /// # Safety
    ///
    /// `node` is linked in `self`.
    #[inline]
    pub(crate) unsafe fn occupied(&mut self, node: *mut bindings::rb_node) -> Occupied<'_, K, V> {
        // INVARIANT: the caller's.
        Occupied { map: self, node }
    }

    /// The first entry, to change or remove.
    #[inline]
    pub fn first_mut(&mut self) -> Option<Occupied<'_, K, V>> {
        let node = self.first_node();
        (!node.is_null()).then_some(Occupied { map: self, node })
    }

    /// The entries in order.
    #[inline]
    pub fn iter(&self) -> Iter<'_, K, V> {
        Iter {
            node: self.first_node(),
            _map: PhantomData,
        }
    }

    /// The entries in order from the first whose key is not below the one
    /// `cmp` describes.
    #[inline]
    pub fn iter_from_by(&self, mut cmp: impl FnMut(&K) -> Ordering) -> Iter<'_, K, V> {
        let mut node = self.root.rb_node;
        let mut from = ptr::null_mut();
        while !node.is_null() {
            // SAFETY: `node` is linked in `self`.
            let key = unsafe { Self::key_of(node) };
            match cmp(key) {
                Ordering::Equal => {
                    from = node;
                    break;
                }
                Ordering::Less => {
                    from = node;
                    // SAFETY: `node` is linked in `self`: its links are valid.
                    node = unsafe { (*node).rb_left };
                }
                // SAFETY: as above.
                Ordering::Greater => node = unsafe { (*node).rb_right },
            }
        }
        Iter {
            node: from,
            _map: PhantomData,
        }
    }

    /// Removes and drops every entry.
    pub fn clear(&mut self) {
        drop(core::mem::take(self));
    }
}

impl<K, V> Drop for RbMap<K, V> {
    fn drop(&mut self) {
        // SAFETY: the tree is valid and links only initialised `Node`s
        // from `kmalloc()` owned by the map (type invariants), unused after
        // this.
        unsafe { free_tree::<Node<K, V>>(&self.root) };
    }
}

/// Drops and frees every node of `root`, a `T` whose first field is its
/// `rb_node`, in post-order: children come before their parent, so each
/// node's successor is found before the node is freed, never through a
/// freed node.
///
/// # Safety
///
/// `root` is a valid tree of initialised `T`s from `kmalloc()` that the
/// caller owns and no longer uses.
pub(crate) unsafe fn free_tree<T>(root: &bindings::rb_root) {
    // SAFETY: `root` is a valid tree (the caller's).
    let mut node = unsafe { bindings::rb_first_postorder(root) };
    while !node.is_null() {
        // SAFETY: `node` is linked in the tree, only read from here on.
        let next = unsafe { bindings::rb_next_postorder(node) };
        // SAFETY: `node` is an initialised `T` from `kmalloc()`, owned by
        // the caller (the caller's), dropped and freed once.
        unsafe {
            ptr::drop_in_place(node.cast::<T>());
            bindings::kfree(node.cast());
        }
        node = next;
    }
}

/// An entry of a map in order, borrowed.
pub struct Iter<'a, K, V> {
    /// The next node, linked in the map borrowed for `'a` (or null).
    node: *mut bindings::rb_node,
    _map: PhantomData<&'a RbMap<K, V>>,
}

impl<'a, K, V> Iterator for Iter<'a, K, V> {
    type Item = (&'a K, &'a V);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if self.node.is_null() {
            return None;
        }
        let node = self.node;
        // SAFETY: `node` is linked in the map borrowed for `'a`.
        self.node = unsafe { bindings::rb_next(node) };
        // SAFETY: as above.
        Some(unsafe { RbMap::<K, V>::node(node) })
    }
}

/// A place in a map that [`RbMap::entry_by`] found.
pub enum Entry<'a, K, V> {
    /// An entry is there.
    Occupied(Occupied<'a, K, V>),
    /// None is: one can be inserted there.
    Vacant(Vacant<'a, K, V>),
}

/// An entry of a map, borrowed mutably with its map.
///
/// # Invariants
///
/// `node` is linked in `map`.
pub struct Occupied<'a, K, V> {
    map: &'a mut RbMap<K, V>,
    node: *mut bindings::rb_node,
}

impl<'a, K, V> Occupied<'a, K, V> {
    #[inline]
    fn node(&self) -> *mut Node<K, V> {
        self.node.cast()
    }

    /// Its node, linked in the map as long as the entry stays there.
    #[inline]
    pub(crate) fn raw_node(&self) -> *mut bindings::rb_node {
        self.node
    }

    /// Its key.
    #[inline]
    pub fn key(&self) -> &K {
        // SAFETY: `node` is linked in the map (type invariants), borrowed
        // as long as `self`.
        unsafe { &(*self.node()).key }
    }

    /// Its value.
    #[inline]
    pub fn get(&self) -> &V {
        // SAFETY: as in `key`.
        unsafe { &(*self.node()).value }
    }

    /// Its key, and its value to change (not its key: that would move it
    /// out of order).
    #[inline]
    pub fn get_mut(&mut self) -> (&K, &mut V) {
        let node = self.node();
        // SAFETY: as in `key`; the map is borrowed mutably by `self`, and
        // the two fields are disjoint.
        unsafe { (&(*node).key, &mut (*node).value) }
    }

    /// Unlinks its node, which the caller then empties and frees.
    #[inline]
    fn unlink(self) -> *mut Node<K, V> {
        let node = self.node();
        // SAFETY: `node` is linked in the map (type invariants), which is
        // a valid tree; after this it is not linked anywhere.
        unsafe { bindings::rb_erase(self.node, &mut self.map.root) };
        node
    }

    /// Unlinks and frees its node, returning its value; the key is dropped
    /// where it is (not moved out to be dropped).
    #[inline]
    pub fn remove(self) -> V {
        let node = self.unlink();
        // SAFETY: `node`, unlinked, is a live `Node` with both fields
        // initialised (the map's invariants), now ours: its key dropped
        // and its value moved out once, its memory freed once.
        unsafe {
            ptr::drop_in_place(ptr::addr_of_mut!((*node).key));
            let value = ptr::read(ptr::addr_of!((*node).value));
            bindings::kfree(node.cast());
            value
        }
    }

    /// Unlinks and frees its node, returning its key and value.
    #[inline]
    pub fn remove_entry(self) -> (K, V) {
        let node = self.unlink();
        // SAFETY: as in `remove`, both fields moved out once.
        unsafe {
            let key = ptr::read(ptr::addr_of!((*node).key));
            let value = ptr::read(ptr::addr_of!((*node).value));
            bindings::kfree(node.cast());
            (key, value)
        }
    }
}

/// An empty place in a map, where [`RbMap::entry_by`] ended.
///
/// # Invariants
///
/// `parent` and `link` are null and `map` empty, or `parent` is linked in
/// `map` and `link` is its null link: where a node belongs.
pub struct Vacant<'a, K, V> {
    map: &'a mut RbMap<K, V>,
    parent: *mut bindings::rb_node,
    link: *mut *mut bindings::rb_node,
}

impl<'a, K, V> Vacant<'a, K, V> {
    /// Inserts `key` and `value` here, in the node reserved before.
    /// `key` is the one whose comparison found this place.
    #[inline]
    pub fn insert(self, node: NodeReservation<K, V>, key: K, value: V) -> &'a mut V {
        // SAFETY: `make_key` writes the key.
        let node = unsafe {
            self.insert_made(
                node,
                |place| {
                    place.write(key);
                },
                value,
            )
        };
        // SAFETY: the node is linked in the map, borrowed mutably for `'a`;
        // nothing else refers to its value.
        unsafe { RbMap::<K, V>::value_mut(node) }
    }

    /// Inserts a key and `value` here, as [`insert`](Self::insert), the
    /// key made where it is stored rather than moved there: a default key
    /// that `make_key` then sets.
    #[inline]
    pub fn insert_with(
        self,
        node: NodeReservation<K, V>,
        make_key: impl FnOnce(&mut K),
        value: V,
    ) -> &'a mut V
    where
        K: Default,
    {
        let node = self.insert_with_node(node, make_key, value);
        // SAFETY: the node is linked in the map, borrowed mutably for `'a`;
        // nothing else refers to its value.
        unsafe { RbMap::<K, V>::value_mut(node) }
    }

    /// Inserts a key and `value` as [`insert_with`](Self::insert_with)
    /// does, returning the node linked (for [`IndexedMap`](crate::IndexedMap)).
    #[inline]
    pub(crate) fn insert_with_node(
        self,
        node: NodeReservation<K, V>,
        make_key: impl FnOnce(&mut K),
        value: V,
    ) -> *mut bindings::rb_node
    where
        K: Default,
    {
        // SAFETY: `make_key` gets the key written with `K::default()`.
        unsafe { self.insert_made(node, |place| make_key(place.write(K::default())), value) }
    }

    /// Inserts the key that `make_key` writes and `value` here, returning
    /// the node linked, which lives as long as it stays in the map.
    ///
    /// # Safety
    ///
    /// `make_key` initialises the key it is given.
    #[inline]
    unsafe fn insert_made(
        self,
        node: NodeReservation<K, V>,
        make_key: impl FnOnce(&mut MaybeUninit<K>),
        value: V,
    ) -> *mut bindings::rb_node {
        let raw = node.0.as_mut_ptr();
        // Field by field, not a `Node` built and then moved: a key can be
        // large, and is better written once where it stays. The memory
        // stays the reservation's (freed if `make_key` panics) until linked.
        // SAFETY: `raw` is the reservation's memory for a `Node`, unused;
        // the key is written by `make_key` (the caller's contract).
        unsafe {
            make_key(&mut *ptr::addr_of_mut!((*raw).key).cast::<MaybeUninit<K>>());
            ptr::addr_of_mut!((*raw).value).write(value);
        }
        let raw = node.0.into_raw();
        // SAFETY: `raw` is a node with its key and value written, now owned
        // here; its links are written before it is linked, as
        // `rb_link_node()` does, at the null link of `parent` (or the
        // root's) that the walk found in `map`, still borrowed mutably
        // (type invariants); `rb_insert_color()` rebalances the valid tree.
        unsafe {
            let links = ptr::addr_of_mut!((*raw).links);
            links.write(bindings::rb_node {
                __rb_parent_color: self.parent as core::ffi::c_ulong,
                rb_right: ptr::null_mut(),
                rb_left: ptr::null_mut(),
            });
            let link = if self.link.is_null() {
                ptr::addr_of_mut!(self.map.root.rb_node)
            } else {
                self.link
            };
            *link = links;
            bindings::rb_insert_color(links, &mut self.map.root);
            // INVARIANT: the node is linked, initialised and owned by the
            // map, which stays a valid tree.
            links
        }
    }
}

/// Memory for one node of an [`RbMap`], allocated before the map is
/// changed, so that an insert cannot fail half-way.
pub struct NodeReservation<K, V>(Alloc<Node<K, V>>);

impl<K, V> NodeReservation<K, V> {
    /// Memory for a node, charged to the current task's memory cgroup
    /// (`GFP_KERNEL_ACCOUNT`: process context only, as handlers are).
    #[inline]
    pub fn new() -> Result<Self> {
        Ok(Self(Alloc::new()?))
    }
}

/// `kmalloc(size, gfp)` for a `size` known at build time: through the C
/// helper of its size class, whose `kmalloc()` of a constant picks the slab
/// cache at build time (a size known at run time is looked up, about 50
/// instructions more). A class holds every size up to its own: the object
/// is the one `kmalloc(size)` would give.
#[inline(always)]
fn kmalloc_sized(size: usize, gfp: bindings::gfp_t) -> *mut core::ffi::c_void {
    // SAFETY: no preconditions; the caller's context allows `gfp`.
    unsafe {
        match size {
            0..=8 => bindings::rgnl_kmalloc_8(gfp),
            9..=16 => bindings::rgnl_kmalloc_16(gfp),
            17..=32 => bindings::rgnl_kmalloc_32(gfp),
            33..=64 => bindings::rgnl_kmalloc_64(gfp),
            65..=96 => bindings::rgnl_kmalloc_96(gfp),
            97..=128 => bindings::rgnl_kmalloc_128(gfp),
            129..=192 => bindings::rgnl_kmalloc_192(gfp),
            193..=256 => bindings::rgnl_kmalloc_256(gfp),
            257..=512 => bindings::rgnl_kmalloc_512(gfp),
            513..=1024 => bindings::rgnl_kmalloc_1024(gfp),
            1025..=2048 => bindings::rgnl_kmalloc_2048(gfp),
            2049..=4096 => bindings::rgnl_kmalloc_4096(gfp),
            4097..=8192 => bindings::rgnl_kmalloc_8192(gfp),
            _ => bindings::rgnl_kmalloc(size, gfp),
        }
    }
}

/// Memory for one `T` from `kmalloc()`, uninitialised.
///
/// # Invariants
///
/// `ptr` was returned by `kmalloc()` for a `T`, is uninitialised and owned
/// by this value.
pub(crate) struct Alloc<T> {
    ptr: NonNull<MaybeUninit<T>>,
}

// SAFETY: it owns an uninitialised allocation, which `kfree()` may free on
// any thread.
unsafe impl<T> Send for Alloc<T> {}

impl<T> Alloc<T> {
    /// Checked when memory is allocated: a `T` that `kmalloc()` could
    /// misalign does not build.
    const FITS_KMALLOC: () = assert!(core::mem::align_of::<T>() <= KMALLOC_MIN_ALIGN);

    /// Memory for a `T`, charged to the current task's memory cgroup
    /// (`GFP_KERNEL_ACCOUNT`: process context only).
    #[inline]
    pub(crate) fn new() -> Result<Self> {
        #[allow(clippy::let_unit_value)]
        let () = Self::FITS_KMALLOC;
        let ptr = kmalloc_sized(core::mem::size_of::<T>(), bindings::RGNL_GFP_KERNEL_ACCOUNT);
        // INVARIANT: `kmalloc()`'s memory, aligned for a `T` (checked at
        // build time), owned here.
        Ok(Self {
            ptr: NonNull::new(ptr.cast()).ok_or(ENOMEM)?,
        })
    }

    /// The memory, still this value's.
    #[inline]
    pub(crate) fn as_mut_ptr(&self) -> *mut T {
        self.ptr.as_ptr().cast()
    }

    /// The memory, now the caller's to initialise and `kfree()`.
    #[inline]
    pub(crate) fn into_raw(self) -> *mut T {
        let ptr = self.ptr.as_ptr().cast();
        core::mem::forget(self);
        ptr
    }
}

impl<T> Drop for Alloc<T> {
    fn drop(&mut self) {
        // SAFETY: `ptr` is `kmalloc()`'s, owned here and unused (type
        // invariants): nothing to drop, freed once.
        unsafe { bindings::kfree(self.ptr.as_ptr().cast()) };
    }
}
