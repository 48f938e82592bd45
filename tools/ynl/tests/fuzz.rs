// SPDX-License-Identifier: GPL-2.0

//! Bounded fuzzing of every decoder: random datagrams, half of them built
//! from plausible headers with random lengths, walked as deep as they
//! nest with every accessor. The property: an error or a value, never a
//! panic, and never a slice outside the input.

use ynl::fuzz::{plausible, Rng};
use ynl::{attr_path, Attrs, Extack, Msgs};

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
        let len = rng.below(256) as usize;
        let body = if i % 2 == 0 {
            let mut v = Vec::new();
            v.extend_from_slice(&((len + 20) as u32).to_ne_bytes());
            v.extend_from_slice(&((rng.below(5)) as u16).to_ne_bytes());
            v.extend_from_slice(&(rng.next_u64() as u16).to_ne_bytes());
            v.extend_from_slice(&[0; 8]);
            v.extend_from_slice(&[rng.next_u64() as u8; 4]);
            v.extend(plausible(&mut rng, len, 4, 6));
            v
        } else {
            (0..len).map(|_| rng.next_u64() as u8).collect()
        };
        let n = 20 + rng.below(200) as usize;
        let request = plausible(&mut rng, n, 3, 6);
        for m in Msgs::new(&body) {
            let Ok(m) = m else { break };
            let _ = (m.ty(), m.flags(), m.seq(), m.portid(), m.cmd(), m.version());
            let _ = m.fixed_header(rng.below(16) as usize);
            if let Ok(attrs) = m.attrs(rng.below(8) as usize) {
                walk(attrs, 0, &mut seen);
            }
            let _ = Extack::parse(&m, &request, rng.below(request.len() as u64 + 8) as usize);
        }
        let _ = attr_path(&request, 20, rng.below(request.len() as u64 + 8) as usize);
    }
    // The generator reaches attributes, not just broken headers.
    assert!(seen > 100_000, "only {seen} attributes decoded");
}
