import Foundation
import LedgerTesting
import Testing

/// A folder, a pipe, a device or an empty file given as a ledger: answered at once with a sentence that says what it
/// is, never an internal error text, never a wait for a writer that will not come.
@Suite struct OddFileTests {
    @Test func verifyAnswersAtOnceForAFolderAPipeAndADevice() async throws {
        let folder = try TemporaryFolder("odd-files")
        try FileManager.default.createDirectory(atPath: folder.path("a-folder"), withIntermediateDirectories: false)
        #expect(mkfifo(folder.path("a-pipe"), 0o600) == 0)
        for (path, what) in [(folder.path("a-folder"), "a folder"), (folder.path("a-pipe"), "a pipe"), ("/dev/null", "a device")] {
            // Opening a pipe to read blocks until a writer comes, which is never: a generous bound that a loaded
            // machine cannot reach tells "answered" from "hung" without timing anything.
            let started = Date()
            let result = try await CLI.run(["verify", path], in: folder.url)
            #expect(Date().timeIntervalSince(started) < 60, "verify \(path) did not answer at once")
            #expect(result.status == 3, "\(path): \(result)")
            #expect(result.stderr.contains("is \(what), not a ledger"), "\(path): \(result.stderr)")
            #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("SQLite"), "\(result.stderr)")
        }
        let balance = try await CLI.run(["balance", "--ledger", folder.path("a-pipe")], in: folder.url)
        #expect(balance.status == 3 && balance.stderr.contains("is a pipe, not a ledger"), "\(balance)")
    }

    @Test func anEmptyFileIsNotALedger() async throws {
        let folder = try TemporaryFolder("odd-files")
        try folder.write("", to: "empty.db")
        let verify = try await CLI.run(["verify", "empty.db", "--json"], in: folder.url)
        #expect(verify.status == 1, "\(verify)")
        #expect(verify.jsonObject["code"] as? String == "bad_genesis")
        #expect((verify.jsonObject["message"] as? String)?.contains("is empty: it is not a ledger") == true, "\(verify)")
        let balance = try await CLI.run(["balance", "--ledger", "empty.db"], in: folder.url)
        #expect(balance.status == 3 && balance.stderr.contains("is empty: it is not a ledger"), "\(balance)")
        #expect(!balance.stderr.contains("SQLite"), "\(balance.stderr)")
    }
}
