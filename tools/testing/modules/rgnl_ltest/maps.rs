// SPDX-License-Identifier: GPL-2.0

//! MAPS: the layer's maps (`RbMap`, `IndexedMap`, `InlineBytes` keys)
//! driven through inserts, replaces, removals and second-order changes in
//! a scrambled order, each result checked against what it must be. Under
//! the debug kernel KASAN and kmemleak watch the nodes.

use genl::{
    compare_bytes, indexed_map, rb_map, IndexReservation, IndexedMap, InlineBytes, NodeReservation,
    RbMap,
};
use kernel::prelude::*;

type Key = InlineBytes<8>;

/// Keys per map.
const N: u32 = 600;

/// The key of `i`: "k" and three digits, so that keys sort as `i` does.
fn key_of(i: u32) -> [u8; 4] {
    let digit = |d: u32| b'0'.wrapping_add((d % 10) as u8);
    [b'k', digit(i / 100), digit(i / 10), digit(i)]
}

/// `i` scrambled over `0..N` (7 and 600 are coprime).
fn scrambled(i: u32) -> u32 {
    i.wrapping_mul(7) % N
}

/// `Ok` if `ok`, else `EINVAL` with `what` in the kernel log.
fn check(ok: bool, what: &str, checks: &mut u32) -> Result {
    if !ok {
        pr_err!("rgnl_ltest maps: {what}\n");
        return Err(EINVAL);
    }
    *checks = checks.saturating_add(1);
    Ok(())
}

/// Runs every check, returning how many passed (all, or the error).
pub(crate) fn run() -> Result<u32> {
    let mut checks = 0;
    plain_map(&mut checks)?;
    indexed_map(&mut checks)?;
    Ok(checks)
}

fn plain_map(checks: &mut u32) -> Result {
    let mut map = RbMap::<Key, u32>::new();
    check(map.is_empty(), "a new map is empty", checks)?;
    for i in (0..N).map(scrambled) {
        let k = key_of(i);
        match map.entry_by(|o| compare_bytes(&k, o.as_bytes())) {
            rb_map::Entry::Vacant(slot) => {
                slot.insert_with(NodeReservation::new()?, |key: &mut Key| key.set(&k), i);
            }
            rb_map::Entry::Occupied(_) => return check(false, "a new key found", checks),
        }
    }
    // Replaced in place, found by a comparison with bytes.
    for i in 0..N {
        let k = key_of(i);
        let found = map.find_mut_by(|o| compare_bytes(&k, o.as_bytes()));
        match found {
            Some(mut e) => *e.get_mut().1 = i.wrapping_add(N),
            None => return check(false, "an inserted key missing", checks),
        }
    }
    // Every third removed.
    for i in (0..N).map(scrambled).filter(|i| i % 3 == 0) {
        let k = key_of(i);
        let removed = map
            .find_mut_by(|o| compare_bytes(&k, o.as_bytes()))
            .map(|e| e.remove_entry());
        let ok = removed.is_some_and(|(key, v)| key.as_bytes() == k && v == i.wrapping_add(N));
        check(ok, "a removal returns its key and value", checks)?;
    }
    let mut last: Option<u32> = None;
    let mut count = 0u32;
    for (key, v) in map.iter() {
        let i = v.wrapping_sub(N);
        let in_order =
            !matches!(last, Some(l) if l >= i) && i % 3 != 0 && key.as_bytes() == key_of(i);
        check(
            in_order,
            "iteration in key order, without the removed",
            checks,
        )?;
        last = Some(i);
        count = count.wrapping_add(1);
    }
    check(
        count == N.wrapping_sub(N.div_ceil(3)),
        "iteration counts what is left",
        checks,
    )?;
    let from = key_of(301);
    let first = map
        .iter_from_by(|o| compare_bytes(&from, o.as_bytes()))
        .next();
    check(
        first.is_some_and(|(_, v)| *v == N.wrapping_add(301)),
        "iter_from_by at its bound",
        checks,
    )?;
    let from = key_of(300);
    let first = map
        .iter_from_by(|o| compare_bytes(&from, o.as_bytes()))
        .next();
    check(
        first.is_some_and(|(_, v)| *v == N.wrapping_add(301)),
        "iter_from_by past a gap",
        checks,
    )?;
    let first = map.first_mut().map(|e| e.remove());
    check(
        first.is_some_and(|v| v == N.wrapping_add(1)),
        "first_mut is the least",
        checks,
    )?;
    map.clear();
    check(
        map.is_empty() && map.iter().next().is_none(),
        "clear empties",
        checks,
    )?;
    // Dropped with entries in it.
    for i in 0..10 {
        let k = key_of(i);
        if let rb_map::Entry::Vacant(slot) = map.entry_by(|o| compare_bytes(&k, o.as_bytes())) {
            slot.insert(NodeReservation::new()?, Key::from_slice(&k), i);
        }
    }
    check(map.iter().count() == 10, "insert after clear", checks)
}

fn indexed_map(checks: &mut u32) -> Result {
    let mut map = IndexedMap::<Key, u32, u32>::new();
    // Two in three keys get an order, many of them the same.
    for i in (0..N).map(scrambled) {
        let k = key_of(i);
        let order = if i % 3 == 0 {
            None
        } else {
            Some((IndexReservation::new()?, i % 50))
        };
        if let indexed_map::Entry::Vacant(slot) = map.entry_by(|o| compare_bytes(&k, o.as_bytes()))
        {
            slot.insert_with(
                NodeReservation::new()?,
                |key: &mut Key| key.set(&k),
                i,
                order,
            );
        }
    }
    // 50 is the first key with order 0.
    check(
        map.first_order() == Some(&0),
        "the first order is the least",
        checks,
    )?;
    // Orders changed: every fifth loses its order, every seventh gets 0.
    for i in 0..N {
        let k = key_of(i);
        let Some(mut e) = map.find_mut_by(|o| compare_bytes(&k, o.as_bytes())) else {
            return check(false, "an inserted key missing", checks);
        };
        if i % 5 == 0 {
            e.set_order(None);
        } else if i % 7 == 0 {
            e.set_order(Some((IndexReservation::new()?, 0)));
        }
    }
    // Removed with their order: every eleventh.
    for i in (0..N).filter(|i| i % 11 == 0) {
        let k = key_of(i);
        let removed = map
            .find_mut_by(|o| compare_bytes(&k, o.as_bytes()))
            .map(|e| e.remove_entry());
        check(
            removed.is_some_and(|(key, v, _)| key.as_bytes() == k && v == i),
            "a removal with its order",
            checks,
        )?;
    }
    let expected = |i: u32| -> Option<u32> {
        match i {
            i if i % 11 == 0 => None,
            i if i % 5 == 0 => None,
            i if i % 7 == 0 => Some(0),
            i if i % 3 == 0 => None,
            i => Some(i % 50),
        }
    };
    for (key, v, order) in map.iter_from_by(|_| core::cmp::Ordering::Less) {
        let ok = key.as_bytes() == key_of(*v) && order.copied() == expected(*v);
        check(ok, "each entry has its order", checks)?;
    }
    // Taken in (order, key) order, first without a walk.
    let mut last: Option<(u32, u32)> = None;
    let ordered = (0..N)
        .filter(|&i| i % 11 != 0 && expected(i).is_some())
        .count();
    let mut taken = 0usize;
    while let Some(first) = map.first_ordered_mut() {
        let (v, order) = (*first.get(), first.order().copied());
        let Some(order) = order else {
            return check(false, "the first ordered has an order", checks);
        };
        check(
            !matches!(last, Some(l) if l >= (order, v)),
            "second order, then key",
            checks,
        )?;
        check(expected(v) == Some(order), "the order given", checks)?;
        last = Some((order, v));
        let (_, o) = first.remove();
        check(o == Some(order), "remove returns the order", checks)?;
        taken = taken.wrapping_add(1);
    }
    check(taken == ordered, "every ordered entry taken", checks)?;
    check(map.first_order().is_none(), "no order left", checks)?;
    let left = map.iter_from_by(|_| core::cmp::Ordering::Less).count();
    let kept = (0..N).filter(|&i| i % 11 != 0).count();
    check(left == kept.wrapping_sub(ordered), "the rest stays", checks)?;
    map.clear();
    check(
        map.iter_from_by(|_| core::cmp::Ordering::Less)
            .next()
            .is_none(),
        "clear",
        checks,
    )?;
    // Dropped with entries and orders in it.
    for i in 0..10 {
        let k = key_of(i);
        if let indexed_map::Entry::Vacant(slot) = map.entry_by(|o| compare_bytes(&k, o.as_bytes()))
        {
            let order = Some((IndexReservation::new()?, 10u32.wrapping_sub(i)));
            slot.insert_with(
                NodeReservation::new()?,
                |key: &mut Key| key.set(&k),
                i,
                order,
            );
        }
    }
    check(map.first_order() == Some(&1), "orders after clear", checks)
}
