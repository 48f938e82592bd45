// SPDX-License-Identifier: GPL-2.0

//! The module of a family: [`crate::module_genl_family!`].

/// Declares the kernel module whose job is the genetlink family `family`:
/// the family's storage, and a module that registers the family on load
/// and unregisters it on unload. Use it once, at the crate root. The
/// fields after `family` are [`kernel::prelude::module!`]'s, in the
/// spelling of the newest kernel the layer builds on (`authors`), with one
/// author (6.12's `module!` takes one).
///
/// ```ignore
/// genl::module_genl_family! {
///     family: Rgnl,
///     name: "rgnl",
///     authors: ["rgnl developers"],
///     description: "rgnl generic netlink family",
///     license: "GPL",
/// }
/// ```
///
/// The storage is a `static` that only this macro names, so the layer can
/// trust every callback to find the registered family through it.
#[macro_export]
macro_rules! module_genl_family {
    // `tt`, not `literal`: 6.12's `module!` does not parse a `literal`
    // fragment passed on to it.
    (
        family: $family:ty,
        name: $name:tt,
        authors: [$author:tt],
        description: $description:tt,
        license: $license:tt $(,)?
    ) => {
        /// The module: registering the family is all it does.
        struct GenlModule {
            _registration: $crate::Registration<$family>,
        }

        $crate::__genl_module!($name, $author, $description, $license);

        const _: () = {
            static STORAGE: $crate::FamilyStorage<$family> = $crate::FamilyStorage::new();

            // SAFETY: `STORAGE` is named nowhere else (it is inside an
            // anonymous constant), and `storage()` always returns it.
            unsafe impl $crate::StorageOwner for $family {
                fn storage() -> &'static $crate::FamilyStorage<Self> {
                    &STORAGE
                }
            }

            impl ::kernel::Module for GenlModule {
                fn init(module: &'static ::kernel::ThisModule) -> ::kernel::error::Result<Self> {
                    // SAFETY: called as the module's init by `module!`, which
                    // drops the registration in the module's exit only. Any
                    // other call finds the storage registered (or retired)
                    // and fails with `EBUSY`.
                    let registration = unsafe { $crate::Registration::new(module) }?;
                    Ok(Self {
                        _registration: registration,
                    })
                }
            }
        };
    };
}
