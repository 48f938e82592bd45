// SPDX-License-Identifier: GPL-2.0

//! The rgnl family's tables: attribute and command numbers, policies and
//! groups. Declarative data, mirroring Documentation/netlink/specs/rgnl.yaml.

use crate::genl::{policy, AttrPolicy, McGroup};
use kernel::c_str;

/// Attribute types (attribute-set `rgnl`).
pub(crate) mod attr {
    pub(crate) const PAD: u16 = 1;
    pub(crate) const KEY: u16 = 2;
    pub(crate) const VALUE: u16 = 3;
    pub(crate) const TAG: u16 = 4;
    pub(crate) const MAX: u16 = TAG;
}

/// Commands.
pub(crate) mod cmd {
    pub(crate) const ECHO: u8 = 6;
}

pub(crate) const KEY_MAX_LEN: u16 = 64;
pub(crate) const VALUE_MAX_LEN: u16 = 4096;

const N: usize = attr::MAX as usize + 1;

pub(crate) const ECHO_POLICY: [AttrPolicy; N] = policy(&[
    (attr::KEY, AttrPolicy::nul_string(KEY_MAX_LEN)),
    (attr::VALUE, AttrPolicy::binary(VALUE_MAX_LEN)),
    (attr::TAG, AttrPolicy::u32()),
]);

pub(crate) const MCGRPS: [McGroup; 1] = [McGroup::new(c_str!("events"))];
