#!/usr/bin/env bash
# Builds the libFuzzer target Fuzz/LedgerFuzz.swift with AddressSanitizer, compiling the package's sources
# directly (LedgerCrypto and LedgerCore as static libraries, then the target with the JSON Lines reader and the
# properties it checks, Tests/LedgerRobustnessTests/Fuzzing/FuzzProperties.swift).
# Usage: Fuzz/build.sh [OUT-DIR]   (default .build-fuzz); prints the path of the fuzzer binary.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/.build-fuzz}
mkdir -p "$out"
flags=(-sanitize=fuzzer,address -O -gline-tables-only -parse-as-library -swift-version 6 -I "$root/Sources/COpenSSL" -I "$out")
crypto=$(pkg-config --libs-only-L libcrypto 2>/dev/null || true)

build_library() {  # name, source folder
    local name=$1 folder=$2
    # shellcheck disable=SC2046
    swiftc "${flags[@]}" -module-name "$name" -emit-module -emit-module-path "$out/$name.swiftmodule" \
        -emit-library -static -o "$out/lib$name.a" $(find "$folder" -name '*.swift' | sort) >&2
}

properties=$root/Tests/LedgerRobustnessTests/Fuzzing/FuzzProperties.swift
newest_source=$(find "$root/Sources/LedgerCrypto" "$root/Sources/LedgerCore" "$root/Sources/LedgerStore/JSONLinesReader.swift" \
    "$root/Fuzz/LedgerFuzz.swift" "$properties" -name '*.swift' -newer "$out/ledger-fuzz" 2>/dev/null | head -1 || true)
if [ ! -x "$out/ledger-fuzz" ] || [ -n "$newest_source" ]; then
    build_library LedgerCrypto "$root/Sources/LedgerCrypto"
    build_library LedgerCore "$root/Sources/LedgerCore"
    # shellcheck disable=SC2086
    swiftc "${flags[@]}" -module-name LedgerFuzz -o "$out/ledger-fuzz" \
        "$root/Fuzz/LedgerFuzz.swift" "$properties" "$root/Sources/LedgerStore/JSONLinesReader.swift" \
        -L "$out" -lLedgerCore -lLedgerCrypto $crypto -lcrypto >&2
fi
echo "$out/ledger-fuzz"
