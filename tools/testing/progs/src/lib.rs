// SPDX-License-Identifier: GPL-2.0

//! What the test programs share (src/bin/: the benchmark, the fuzzer,
//! fail-nth, the readers): raw generic netlink, one copy.

pub mod raw;
