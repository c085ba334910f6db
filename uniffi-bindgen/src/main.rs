//! `uniffi-bindgen`, built from the workspace so its version always matches
//! the `uniffi` the core is compiled with. `cargo xtask bindings` runs it.

fn main() {
    uniffi::uniffi_bindgen_main();
}
