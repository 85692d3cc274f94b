// libFuzzer entry points for the entry decoder, the chain verifier, the rules and the JSON Lines reader.
//
// Built by Fuzz/build.sh with `swiftc -sanitize=fuzzer,address` from the sources of LedgerCrypto and LedgerCore
// (as libraries), Sources/LedgerStore/JSONLinesReader.swift (the reader needs nothing else from LedgerStore) and
// Tests/LedgerRobustnessTests/Fuzzing/FuzzProperties.swift, the properties themselves, which FuzzRegressionTests
// also replays the kept corpus and every crasher through. A broken property is a crash (`fatalError`), which
// libFuzzer saves as a crasher. `LEDGER_FUZZ_PATHS` (letters d v r s) limits the paths, for profiling.
import Foundation
import LedgerCore
import LedgerCrypto

nonisolated(unsafe) private var properties: FuzzProperties?

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    var checks = FuzzProperties(scratchFolder: FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory())
    if let chosen = ProcessInfo.processInfo.environment["LEDGER_FUZZ_PATHS"], !chosen.isEmpty { checks.paths = Set(chosen) }
    properties = checks
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    do {
        try properties!.check(input)
    } catch {
        fatalError("fuzz property violated: \(error)")
    }
    return 0
}
