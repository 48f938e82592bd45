//! Wire numbers of the family, as in `Documentation/netlink/specs/rgnl.yaml`
//! and the module's `rust/spec.rs`.

use neli::neli_enum;

/// The family's name in nlctrl.
pub const FAMILY_NAME: &str = "rgnl";
/// The version the client speaks.
pub const FAMILY_VERSION: u8 = 1;

/// Commands.
#[neli_enum(serialized_type = "u8")]
pub enum Cmd {
    Echo = 6,
}
impl neli::consts::genl::Cmd for Cmd {}

/// Attribute types.
#[neli_enum(serialized_type = "u16")]
pub enum Attr {
    Unspec = 0,
    Pad = 1,
    Key = 2,
    Value = 3,
    Tag = 4,
}
impl neli::consts::genl::NlAttrType for Attr {}
