#!/usr/bin/env bash
# Builds the core for iOS devices and simulators into
# ios/Generated/Shared.xcframework, and the generated Swift (UniFFI
# bindings, the core's types). Needs a Mac with Xcode and:
#   rustup target add aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios
set -euo pipefail
cd "$(dirname "$0")/.."

cargo xtask bindings
for target in aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios; do
  cargo build --release -p shared --lib --target "$target"
done

out=ios/Generated
headers="$out/headers"
rm -rf "$headers" "$out/Shared.xcframework" target/ios-sim-universal
mkdir -p "$headers" target/ios-sim-universal
cp "$out/uniffi/sharedFFI.h" "$headers/"
cp "$out/uniffi/sharedFFI.modulemap" "$headers/module.modulemap"

# One simulator library for both Mac architectures.
lipo -create \
  target/aarch64-apple-ios-sim/release/libshared.a \
  target/x86_64-apple-ios/release/libshared.a \
  -output target/ios-sim-universal/libshared.a

xcodebuild -create-xcframework \
  -library target/aarch64-apple-ios/release/libshared.a -headers "$headers" \
  -library target/ios-sim-universal/libshared.a -headers "$headers" \
  -output "$out/Shared.xcframework"
echo "wrote $out/Shared.xcframework"
