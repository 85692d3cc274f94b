import Foundation
import LedgerTesting
import Testing

/// `ledger demo --dir`: a year of a fictional society, verified, exported, and a tampered copy caught.
@Suite struct DemoTests {
    @Test func theDemoBuildsAVerifiableLedgerAndRefusesToRunTwiceInOneFolder() async throws {
        let society = try await Society(founded: false)
        let demo = try await CLI.run(["demo", "--dir", "demo"], in: society.folder)
        #expect(demo.status == 0, "\(demo)")
        #expect(demo.stdout.contains("Verified the whole chain"))
        #expect(demo.stdout.contains("Tamper detection"))
        // Its next steps name a command that works from any folder: the installed one, here.
        #expect(demo.stdout.contains("\n  ledger verify ") && !demo.stdout.contains("./ledger"), "\(demo.stdout.suffix(600))")
        let folder = society.path("demo")
        for file in ["ledger.db", "ledger.jsonl", "tampered.jsonl", "keys/chen.pem", "keys/chen.pem.pub"] {
            #expect(FileManager.default.fileExists(atPath: "\(folder)/\(file)"), "\(file)")
        }
        let mode = try FileManager.default.attributesOfItem(atPath: "\(folder)/keys/chen.pem")[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let valid = try await CLI.run(["verify", "demo/ledger.db", "--json"], in: society.folder)
        #expect(valid.status == 0, "\(valid)")
        let summary = try valid.json()
        let entries = try #require(summary["entries"] as? Int)
        #expect(entries > 100)
        #expect((summary["members"] as? [String: Int])?.isEmpty == false)
        let export = try await CLI.run(["verify", "demo/ledger.jsonl", "--json"], in: society.folder).json()
        #expect(export["root"] as? String == summary["root"] as? String)
        let tampered = try await CLI.run(["verify", "demo/tampered.jsonl"], in: society.folder)
        #expect(tampered.status == 1)
        #expect(tampered.stdout.contains("INVALID at entry"))

        // The demo's keys and ledger keep working.
        let donation = try await CLI.run(
            ["record", "donation", "--donor", "爱心人士", "--amount", "500", "--ledger", "demo/ledger.db", "--key", "demo/keys/li.pem"],
            in: society.folder)
        #expect(donation.status == 0, "\(donation)")
        #expect(donation.stdout.contains("Recorded entry \(entries)"))

        let again = try await CLI.run(["demo", "--dir", "demo"], in: society.folder)
        #expect(again.status == 3)
        #expect(again.stderr.contains("already holds a demo ledger"))
    }
}
