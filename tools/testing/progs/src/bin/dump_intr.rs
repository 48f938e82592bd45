//! Shows `NLM_F_DUMP_INTR`: dumps SEQ of the `rgnl_echo` sample and, after
//! the first message, changes the data under the dump with an ECHO from a
//! second socket. Prints `interrupted` or `consistent`, and the number of
//! messages received.
//!
//! Usage: `dump_intr COUNT [--no-change]`

use rgnl::{Attr, Client, Cmd};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let count: u32 = args.next().unwrap_or_else(|| "2000".into()).parse()?;
    let change = args.next().as_deref() != Some("--no-change");
    let mut dumper = Client::connect_to("rgnl_echo")?;
    let mut writer = Client::connect_to("rgnl_echo")?;
    let mut received = 0u32;
    let interrupted = dumper.dump_each(
        Cmd::from(2u8),
        &[(Attr::from(2u16), count.to_ne_bytes().to_vec())],
        |_| {
            received += 1;
            if change && received == 1 {
                writer.request(Cmd::from(1u8), &[(Attr::from(1u16), b"x\0".to_vec())])?;
            }
            Ok(())
        },
    )?;
    let verdict = if interrupted {
        "interrupted"
    } else {
        "consistent"
    };
    println!("{verdict} {received}");
    Ok(())
}
