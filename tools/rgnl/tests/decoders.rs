// SPDX-License-Identifier: GPL-2.0

//! Bounded fuzzing of the generated decoders (`proto.rs`) and of the
//! client's objects built from them: random messages of rgnl's commands,
//! their attributes plausible (rgnl's types, nests, lying lengths). The
//! property: a value or an error, never a panic.

use rgnl::{proto, Attr, Cmd, Event};
use ynl::fuzz::{message, Rng};
use ynl::{Decode, Msgs};

#[test]
fn generated_decoders_never_panic() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let cmds: Vec<u8> = (1..=15).collect();
    let types = u16::from(Attr::AuditMessages) + 2;
    let (mut decoded, mut events) = (0, 0);
    for _ in 0..100_000 {
        let cmd = cmds[rng.below(cmds.len() as u64) as usize];
        let len = rng.below(300) as usize;
        let bytes = message(&mut rng, 0x20, cmd, len, types);
        for m in Msgs::new(&bytes) {
            let Ok(m) = m else { break };
            if let Ok(attrs) = m.attrs(0) {
                decoded += usize::from(proto::Rgnl::decode(attrs).is_ok());
                let _ = proto::Entry::decode(attrs);
            }
            events += usize::from(matches!(proto::Event::decode_msg(&m), Ok(Some(_))));
            let _ = Event::decode(&m);
            let _ = u8::from(Cmd::from(cmd));
        }
    }
    // The input reaches whole messages, and whole events.
    assert!(decoded > 500, "only {decoded} messages decoded");
    assert!(events > 100, "only {events} notifications decoded");
}
