#!/usr/bin/env bash
# Builds libshared.so for the Android ABIs into app/src/main/jniLibs, and the
# generated Kotlin (UniFFI bindings, the core's types) into core/generated.
# Needs the Android NDK (ANDROID_NDK_HOME) and cargo-ndk:
#   cargo install cargo-ndk
#   rustup target add aarch64-linux-android armv7-linux-androideabi x86_64-linux-android
set -euo pipefail
cd "$(dirname "$0")/.."

: "${ANDROID_NDK_HOME:?set ANDROID_NDK_HOME to the Android NDK (Android Studio: SDK Manager > SDK Tools > NDK)}"
command -v cargo-ndk >/dev/null || { echo "cargo-ndk is missing: cargo install cargo-ndk" >&2; exit 1; }

cargo xtask bindings
cargo ndk \
  -t arm64-v8a -t armeabi-v7a -t x86_64 \
  --platform 28 \
  -o android/app/src/main/jniLibs \
  build --release -p shared --lib
