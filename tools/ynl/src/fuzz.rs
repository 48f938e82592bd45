// SPDX-License-Identifier: GPL-2.0

//! Bounded random input for fuzzing decoders (feature `fuzz`): this
//! crate's tests, and generated clients' own, draw from it. Reproducible
//! from a seed, without a dependency.

/// xorshift64*.
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number below `n` (which must not be 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// `n` random bytes.
    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next_u64() as u8).collect()
    }

    fn below_usize(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }
}

/// `len` random bytes that often look like attributes: types below
/// `types`, a length near what is left, nests `depth` deep, sometimes
/// flagged `NLA_F_NESTED`, sometimes with a length that lies.
pub fn plausible(rng: &mut Rng, len: usize, depth: u32, types: u16) -> Vec<u8> {
    let mut b = Vec::with_capacity(len);
    while b.len() < len {
        let left = len - b.len();
        let ty = rng.below(u64::from(types.max(1))) as u16;
        if depth > 0 && left >= 8 && rng.below(3) == 0 {
            let n = rng.below_usize(left - 4) & !3;
            let inner = plausible(rng, n, depth - 1, types);
            let mut l = 4 + inner.len();
            if rng.below(8) == 0 {
                l = l.wrapping_add(rng.below_usize(9)).wrapping_sub(4);
            }
            b.extend_from_slice(&(l as u16).to_ne_bytes());
            let nested = if rng.chance(50) { 0x8000 } else { 0 };
            b.extend_from_slice(&(ty | nested).to_ne_bytes());
            b.extend_from_slice(&inner);
        } else if left >= 4 && rng.below(8) != 0 {
            let p = rng.below_usize((left - 4).min(12) + 1);
            b.extend_from_slice(&((4 + p) as u16).to_ne_bytes());
            b.extend_from_slice(&ty.to_ne_bytes());
            b.extend(rng.bytes((p + 3) & !3));
        } else {
            b.push(rng.next_u64() as u8);
        }
    }
    b.truncate(len);
    b
}

/// A generic netlink message of family `family`, command `cmd`, whose
/// attributes are [`plausible`].
pub fn message(rng: &mut Rng, family: u16, cmd: u8, len: usize, types: u16) -> Vec<u8> {
    let attrs = plausible(rng, len, 4, types);
    let mut m = Vec::with_capacity(20 + attrs.len());
    m.extend_from_slice(&((20 + attrs.len()) as u32).to_ne_bytes());
    m.extend_from_slice(&family.to_ne_bytes());
    m.extend_from_slice(&[0; 10]);
    m.extend_from_slice(&[cmd, 1, 0, 0]);
    m.extend(attrs);
    m
}
