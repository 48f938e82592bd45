//! Benchmarks a family on the Rust layer against its C twin: the same
//! requests over raw netlink sockets (prebuilt bytes, one `send` and the
//! `recv`s of the answer), Rust and C interleaved round by round. Prints a
//! table row per request: the median time per operation of each over the
//! rounds, their ratio, and the spread of the rounds ((max - min) / median,
//! the larger of the two).
//!
//! First it checks that the twins answer alike: each row's request, and a
//! RESET asking for its notification (`NLM_F_ECHO`), must get the same
//! bytes from both, but for the family id and the port id.
//!
//! Times come from `CLOCK_MONOTONIC`: in a VM run with QEMU's `-icount`
//! they are instruction counts turned into virtual time, which repeat
//! exactly; elsewhere they are wall-clock.
//!
//! Usage: `bench RUST_FAMILY C_FAMILY [ROUNDS]` (rgnl_echo and its twin).

use anyhow::{bail, Context};
use rgnl::Client;
use std::time::{Duration, Instant};

const NLMSG_HDRLEN: usize = 16;

/// A raw generic netlink socket talking to one family.
struct Raw {
    fd: i32,
    family: u16,
    buf: Vec<u8>,
}

impl Raw {
    fn open(name: &str) -> anyhow::Result<Self> {
        let family = Client::connect_to(name)?.family_id();
        // SAFETY: plain socket(2) call.
        let fd = unsafe { libc::socket(libc::AF_NETLINK, libc::SOCK_RAW, libc::NETLINK_GENERIC) };
        if fd < 0 {
            bail!("socket: {}", std::io::Error::last_os_error());
        }
        Ok(Self {
            fd,
            family,
            buf: vec![0; 32768],
        })
    }

    /// A request of `cmd` with `attrs` (type, payload) and `flags` besides
    /// `NLM_F_REQUEST`.
    fn request(&self, cmd: u8, flags: i32, attrs: &[(u16, &[u8])]) -> Vec<u8> {
        let mut body = vec![cmd, 1, 0, 0];
        for (t, payload) in attrs {
            body.extend_from_slice(&(4 + payload.len() as u16).to_ne_bytes());
            body.extend_from_slice(&t.to_ne_bytes());
            body.extend_from_slice(payload);
            body.resize((body.len() + 3) & !3, 0);
        }
        let flags = libc::NLM_F_REQUEST | flags;
        let mut msg = Vec::with_capacity(NLMSG_HDRLEN + body.len());
        msg.extend_from_slice(&((NLMSG_HDRLEN + body.len()) as u32).to_ne_bytes());
        msg.extend_from_slice(&self.family.to_ne_bytes());
        msg.extend_from_slice(&(flags as u16).to_ne_bytes());
        msg.extend_from_slice(&[0; 8]);
        msg.extend_from_slice(&body);
        msg
    }

    /// Sends `req` and reads the answer: one message for a do, everything
    /// up to `NLMSG_DONE` for a dump. Returns the data messages received.
    fn exchange(&mut self, req: &[u8], dump: bool) -> anyhow::Result<u32> {
        self.exchange_each(req, dump, |_| ())
    }

    /// The messages answering `req`, with the family id and the port id
    /// (which differ between twins) zeroed.
    fn answer(&mut self, req: &[u8], dump: bool) -> anyhow::Result<Vec<Vec<u8>>> {
        let mut out = Vec::new();
        self.exchange_each(req, dump, |m| {
            let mut m = m.to_vec();
            m[4..6].fill(0);
            m[12..16].fill(0);
            out.push(m);
        })?;
        Ok(out)
    }

    /// [`Raw::exchange`], handing each data message to `each`.
    fn exchange_each(
        &mut self,
        req: &[u8],
        dump: bool,
        mut each: impl FnMut(&[u8]),
    ) -> anyhow::Result<u32> {
        // SAFETY: `req` is readable for its length.
        if unsafe { libc::send(self.fd, req.as_ptr().cast(), req.len(), 0) } < 0 {
            bail!("send: {}", std::io::Error::last_os_error());
        }
        let mut messages = 0;
        loop {
            // SAFETY: `buf` is writable for its length.
            let n = unsafe { libc::recv(self.fd, self.buf.as_mut_ptr().cast(), self.buf.len(), 0) };
            if n < 0 {
                bail!("recv: {}", std::io::Error::last_os_error());
            }
            let mut rest = &self.buf[..n as usize];
            while rest.len() >= NLMSG_HDRLEN {
                let len = u32::from_ne_bytes(rest[0..4].try_into()?) as usize;
                match i32::from(u16::from_ne_bytes(rest[4..6].try_into()?)) {
                    libc::NLMSG_DONE => return Ok(messages),
                    libc::NLMSG_ERROR => bail!("the family refused a request"),
                    _ => {
                        messages += 1;
                        each(rest.get(..len).context("truncated message")?);
                    }
                }
                if !dump {
                    return Ok(messages);
                }
                rest = rest.get((len.max(NLMSG_HDRLEN) + 3) & !3..).unwrap_or(&[]);
            }
        }
    }
}

/// One row: a request and how many times it is sent per round.
struct Row {
    name: &'static str,
    cmd: u8,
    dump: bool,
    attrs: Vec<(u16, Vec<u8>)>,
    per_round: u32,
}

impl Row {
    fn flags(&self) -> i32 {
        if self.dump {
            libc::NLM_F_DUMP
        } else {
            0
        }
    }
}

/// Runs `row` `per_round` times on `raw`: the time taken and the messages
/// received.
fn run(raw: &mut Raw, row: &Row) -> anyhow::Result<(Duration, u32)> {
    let attrs: Vec<(u16, &[u8])> = row.attrs.iter().map(|(t, p)| (*t, p.as_slice())).collect();
    let req = raw.request(row.cmd, row.flags(), &attrs);
    let start = Instant::now();
    let mut messages = 0;
    for _ in 0..row.per_round {
        messages += raw.exchange(&req, row.dump)?;
    }
    Ok((start.elapsed(), messages))
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn spread(v: &[f64], median: f64) -> f64 {
    let (min, max) = v
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), &x| (lo.min(x), hi.max(x)));
    (max - min) / median
}

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: bench RUST_FAMILY C_FAMILY [ROUNDS]";
    let mut rust = Raw::open(&args.next().context(usage)?)?;
    let mut c = Raw::open(&args.next().context(usage)?)?;
    let rounds: u32 = args.next().map_or(Ok(5), |r| r.parse())?;
    let text16 = b"0123456789abcde\0".to_vec();
    let rows = [
        Row {
            name: "ECHO round trip, 16-byte TEXT (ns/op)",
            cmd: 1,
            dump: false,
            attrs: vec![(1, text16.clone())],
            per_round: 200,
        },
        Row {
            name: "SEQ dump of 1000, no TEXT (ns/msg)",
            cmd: 2,
            dump: true,
            attrs: vec![(2, 1000u32.to_ne_bytes().to_vec())],
            per_round: 4,
        },
        Row {
            name: "SEQ dump of 1000, 16-byte TEXT (ns/msg)",
            cmd: 2,
            dump: true,
            attrs: vec![(1, text16), (2, 1000u32.to_ne_bytes().to_vec())],
            per_round: 4,
        },
    ];
    // The twins answer alike (before any timing, so that their counters
    // agree too).
    let reset = (3, libc::NLM_F_ECHO, vec![]);
    let requests = rows
        .iter()
        .map(|r| (r.cmd, r.flags(), r.attrs.clone()))
        .chain([reset]);
    for (cmd, flags, attrs) in requests {
        let attrs: Vec<(u16, &[u8])> = attrs.iter().map(|(t, p)| (*t, p.as_slice())).collect();
        let dump = flags == libc::NLM_F_DUMP;
        let from_rust = rust.answer(&rust.request(cmd, flags, &attrs), dump)?;
        let from_c = c.answer(&c.request(cmd, flags, &attrs), dump)?;
        if from_rust != from_c || from_rust.is_empty() {
            bail!("command {cmd}: the twins answer differently:\n{from_rust:?}\n{from_c:?}");
        }
    }
    println!("the twins answer byte for byte alike");
    println!(
        "{:<42} {:>10} {:>10} {:>7} {:>7}",
        "row", "Rust", "C", "Rust/C", "spread"
    );
    for row in &rows {
        // Warm both up, then interleave: Rust, C, Rust, C...
        run(&mut rust, row)?;
        run(&mut c, row)?;
        let (mut t_rust, mut t_c) = (Vec::new(), Vec::new());
        for _ in 0..rounds {
            let (t, n_rust) = run(&mut rust, row)?;
            t_rust.push(t.as_nanos() as f64 / f64::from(n_rust.max(1)));
            let (t, n_c) = run(&mut c, row)?;
            t_c.push(t.as_nanos() as f64 / f64::from(n_c.max(1)));
            if n_rust != n_c || n_rust == 0 {
                bail!("{}: {n_rust} messages from Rust, {n_c} from C", row.name);
            }
        }
        let (r, c) = (median(&mut t_rust), median(&mut t_c));
        let spread = spread(&t_rust, r).max(spread(&t_c, c));
        println!(
            "{:<42} {:>10.0} {:>10.0} {:>7.3} {:>6.1}%",
            row.name,
            r,
            c,
            r / c,
            spread * 100.0
        );
    }
    Ok(())
}
