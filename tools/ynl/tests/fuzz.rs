// SPDX-License-Identifier: GPL-2.0

//! Bounded fuzzing of every decoder: random datagrams, half of them built
//! from plausible headers with random lengths, walked as deep as they
//! nest with every accessor. The property: an error or a value, never a
//! panic, and never a slice outside the input.

use ynl::{attr_path, Attrs, Extack, Msgs};

/// xorshift64*: reproducible without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Random bytes that often look like attributes: a length near what is
/// left, a type that is sometimes flagged nested.
fn plausible(rng: &mut Rng, len: usize, depth: u32) -> Vec<u8> {
    let mut b = Vec::with_capacity(len);
    while b.len() < len {
        let left = len - b.len();
        if depth > 0 && left >= 8 && rng.below(3) == 0 {
            let n = rng.below(left - 4) & !3;
            let inner = plausible(rng, n, depth - 1);
            let mut l = 4 + inner.len();
            if rng.below(8) == 0 {
                l = l.wrapping_add(rng.below(9)).wrapping_sub(4);
            }
            b.extend_from_slice(&(l as u16).to_ne_bytes());
            b.extend_from_slice(&((rng.below(6) as u16) | 0x8000).to_ne_bytes());
            b.extend_from_slice(&inner);
        } else if left >= 4 && rng.below(8) != 0 {
            let p = rng.below((left - 4).min(12) + 1);
            b.extend_from_slice(&((4 + p) as u16).to_ne_bytes());
            b.extend_from_slice(&(rng.below(6) as u16).to_ne_bytes());
            b.extend((0..align4(p)).map(|_| rng.next() as u8));
        } else {
            b.push(rng.next() as u8);
        }
    }
    b.truncate(len);
    b
}

fn align4(n: usize) -> usize {
    (n + 3) & !3
}

fn walk(attrs: Attrs<'_>, depth: u32, seen: &mut usize) {
    for a in attrs {
        let Ok(a) = a else { return };
        *seen += 1;
        let _ = (
            a.u8(),
            a.u16(),
            a.u32(),
            a.u64(),
            a.s8(),
            a.s16(),
            a.s32(),
            a.s64(),
        );
        let _ = (
            a.be16(),
            a.be32(),
            a.be64(),
            a.uint(),
            a.sint(),
            a.str(),
            a.bytes(),
        );
        if depth < 16 {
            walk(a.nested(), depth + 1, seen);
        }
    }
}

#[test]
fn decoders_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut seen = 0;
    for i in 0..100_000 {
        let len = rng.below(256);
        let body = if i % 2 == 0 {
            let mut v = Vec::new();
            v.extend_from_slice(&((len + 20) as u32).to_ne_bytes());
            v.extend_from_slice(&((rng.below(5)) as u16).to_ne_bytes());
            v.extend_from_slice(&(rng.next() as u16).to_ne_bytes());
            v.extend_from_slice(&[0; 8]);
            v.extend_from_slice(&[rng.next() as u8; 4]);
            v.extend(plausible(&mut rng, len, 4));
            v
        } else {
            (0..len).map(|_| rng.next() as u8).collect()
        };
        let n = 20 + rng.below(200);
        let request = plausible(&mut rng, n, 3);
        for m in Msgs::new(&body) {
            let Ok(m) = m else { break };
            let _ = (m.ty(), m.flags(), m.seq(), m.portid(), m.cmd(), m.version());
            let _ = m.fixed_header(rng.below(16));
            if let Ok(attrs) = m.attrs(rng.below(8)) {
                walk(attrs, 0, &mut seen);
            }
            let _ = Extack::parse(&m, &request, rng.below(request.len() + 8));
        }
        let _ = attr_path(&request, 20, rng.below(request.len() + 8));
    }
    // The generator reaches attributes, not just broken headers.
    assert!(seen > 100_000, "only {seen} attributes decoded");
}
