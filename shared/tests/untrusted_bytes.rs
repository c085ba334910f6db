//! The fuzz targets' bodies (`shared::fuzzing`) on random inputs, in every
//! test run on the stable toolchain: a hostile shell, a corrupted vault file,
//! a forged envelope or a damaged backup gets a typed error, never a panic.
//! `cargo xtask fuzz` runs the same functions under libFuzzer's coverage
//! guidance for longer.

use proptest::collection::vec;
use proptest::prelude::*;
use shared::fuzzing;

fn cases(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(cases(4_000))]

    #[test]
    fn any_bytes_a_shell_sends_get_an_answer_never_a_panic(data in vec(any::<u8>(), 0..256)) {
        fuzzing::ffi_bytes(&data);
    }

    #[test]
    fn random_bytes_never_open_as_a_sealed_value(data in vec(any::<u8>(), 0..256)) {
        fuzzing::sealed_value(&data);
    }

    #[test]
    fn a_damaged_backup_file_is_refused_without_a_panic(data in vec(any::<u8>(), 0..512)) {
        fuzzing::backup_file(&data);
    }
}

proptest! {
    #![proptest_config(cases(300))]

    #[test]
    fn a_corrupted_vault_file_opens_with_what_survives_or_a_typed_error(
        data in vec(any::<u8>(), 3..30)
    ) {
        fuzzing::corrupt_vault(&data);
    }
}
