# SPDX-License-Identifier: GPL-2.0
"""ynl-gen-rust: Rust code from YNL specs (see ../ynl-gen-rust.py)."""
