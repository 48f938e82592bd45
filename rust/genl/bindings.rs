// SPDX-License-Identifier: GPL-2.0

//! Raw bindings, generated at build time by bindgen from `bindings_helper.h`
//! (see `genl.mk`). Only the layer uses them.

#![allow(
    dead_code,
    non_camel_case_types,
    non_upper_case_globals,
    non_snake_case,
    improper_ctypes,
    unreachable_pub,
    unsafe_op_in_unsafe_fn,
    unnecessary_transmutes,
    clippy::all,
    clippy::pedantic,
    clippy::undocumented_unsafe_blocks
)]

include!(env!("RGNL_GENL_BINDINGS"));
