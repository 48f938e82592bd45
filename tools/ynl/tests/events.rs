// SPDX-License-Identifier: GPL-2.0
//! Reading notifications without blocking, on the host's own nlctrl: a
//! socket that joined nlctrl's `notify` group has nothing queued until a
//! family comes or goes, and its descriptor polls as not readable.

use std::os::fd::{AsFd, AsRawFd};

#[test]
fn try_next_event_does_not_wait() -> Result<(), ynl::Error> {
    let mut c = ynl::Client::open("nlctrl", 2)?;
    c.join("notify")?;
    assert!(c.try_next_event(|_| ())?.is_none());
    let mut pfd = libc::pollfd {
        fd: c.as_fd().as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid `pollfd`, polled without waiting.
    let ready = unsafe { libc::poll(&mut pfd, 1, 0) };
    assert_eq!(ready, 0, "nothing to read: no family came or went");
    // A request's reply on the same socket is not taken for an event.
    c.socket().resolve("nlctrl")?;
    assert!(c.try_next_event(|_| ())?.is_none());
    Ok(())
}
