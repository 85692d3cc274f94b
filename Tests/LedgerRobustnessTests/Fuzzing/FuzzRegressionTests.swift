import Foundation
import LedgerCore
import Testing

/// The fuzzer's seeds (real entries), its kept corpus and every crasher it ever found, replayed through the same
/// properties in every `swift test`: a bug the fuzzer once found stays found.
@Suite struct FuzzRegressionTests {
    static func inputs(_ folder: String) -> [(String, [UInt8])] {
        let path = Robust.root.appendingPathComponent("Fuzz/\(folder)").path
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        return names.compactMap { name in Robust.bytes(path + "/" + name).map { ("\(folder)/\(name)", $0) } }
    }

    @Test func seedsCorpusAndCrashersKeepEveryProperty() throws {
        let properties = FuzzProperties(scratchFolder: NSTemporaryDirectory())
        let seeds = Self.inputs("seeds")
        let corpus = Self.inputs("corpus")
        let crashers = Self.inputs("crashers")
        #expect(seeds.count >= 20, "the seed corpus is missing: run Fuzz/make-corpus.sh")
        for (name, input) in seeds + corpus + crashers {
            do {
                try properties.check(input)
            } catch {
                Issue.record("\(name): \(error)")
            }
        }
        // The seeds are real ledgers: the longest run of them verifies.
        let prefix = try #require(seeds.first { $0.0 == "seeds/prefix-27" } ?? seeds.filter { $0.0.hasPrefix("seeds/prefix-") && !$0.0.hasSuffix("torn") }.last)
        var verifier = ChainVerifier()
        verifier.verify(batch: FuzzProperties.split(prefix.1).complete)
        #expect(verifier.failure == nil, "\(prefix.0): \(String(describing: verifier.failure))")
        Figures.record("fuzz.regression", ["seeds": seeds.count, "corpus": corpus.count, "crashers": crashers.count])
    }
}
