// SPDX-License-Identifier: GPL-2.0

//! WATCH_SET: a socket's key prefix, kept in its per-socket state, that
//! filters the entry notifications of the `events` group it receives.

use crate::rgnl_nl::{Rgnl, WatchSetDoRequest, WatchSetDoit, KEY_MAX_LEN};
use genl::{Request, SockState};
use kernel::prelude::*;

/// The watch of a socket: the prefix its entry notifications must have.
pub(crate) struct Watch {
    len: u8,
    prefix: [u8; KEY_MAX_LEN as usize],
}

impl SockState for Watch {
    /// A socket that never set a watch receives everything.
    fn new() -> Result<Self> {
        Ok(Self {
            len: 0,
            prefix: [0; KEY_MAX_LEN as usize],
        })
    }
}

impl Watch {
    fn prefix(&self) -> &[u8] {
        // `len` is at most the array's (`doit`).
        self.prefix
            .get(..usize::from(self.len))
            .unwrap_or(&self.prefix)
    }
}

/// Whether a listener with `watch` receives the notification of `key`.
pub(crate) fn wants(watch: Option<&Watch>, key: &[u8]) -> bool {
    match watch {
        Some(w) => key.starts_with(w.prefix()),
        None => true,
    }
}

impl WatchSetDoit for Rgnl {
    fn doit(req: &mut Request<'_, Rgnl>, attrs: WatchSetDoRequest<'_>) -> Result {
        let prefix = attrs.prefix().bytes().unwrap_or(b"");
        let watch = req.sock_state()?;
        // The policy bounds the prefix by KEY_MAX_LEN already.
        watch
            .prefix
            .get_mut(..prefix.len())
            .ok_or(EINVAL)?
            .copy_from_slice(prefix);
        watch.len = prefix.len() as u8;
        Ok(())
    }
}
