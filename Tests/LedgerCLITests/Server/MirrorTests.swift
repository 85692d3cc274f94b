import Foundation
import LedgerCore
import Testing

/// `ledger mirror` against a real server: it follows honest growth, and stops with evidence when the server's
/// history no longer extends the copy.
@Suite(.serialized) struct MirrorTests {
    /// A served ledger, an older copy of it taken after founding, and a mirror that has seen the newer one.
    private func mirroredSite() throws -> (Site, mirrored: Int) {
        let site = try Site()
        try site.found("society.db")
        try FileManager.default.copyItem(atPath: site.path("society.db"), toPath: site.path("older.db"))
        let server = try site.serve("society.db")
        defer { server.stop() }
        try site.append(["record", "donation", "--donor", "王姐", "--amount", "300", "--remote", server.url], key: "c2")
        try site.append(["record", "donation", "--donor", "李叔", "--amount", "400", "--remote", server.url], key: "c2")
        let first = try site.run(["mirror", server.url, "--ledger", "copy.db", "--json"])
        #expect(first.status == 0, "\(first)")
        #expect(first.jsonObject["added"] as? Int == 6)
        try site.append(["record", "donation", "--donor", "赵叔", "--amount", "100", "--remote", server.url], key: "c1")
        let second = try site.run(["mirror", server.url, "--ledger", "copy.db", "--json"])
        #expect(second.status == 0, "\(second)")
        #expect(second.jsonObject["added"] as? Int == 1)
        #expect(second.jsonObject["size"] as? Int == 7)
        #expect(try site.verifies("copy.db"))
        return (site, 7)
    }

    /// Run from cron or under `nohup … > log`, its output is not a terminal: each run's line must reach the log
    /// when it is written, not when the process ends.
    @Test func aRepeatingMirrorWritesEachRunAsItHappens() throws {
        let site = try Site()
        try site.found("society.db")
        let server = try site.serve("society.db")
        defer { server.stop() }
        let mirror = try site.start(["mirror", server.url, "--ledger", "copy.db", "--every", "60"], key: nil)
        defer {
            mirror.killGroup(SIGTERM)
            _ = mirror.waitBlocking()
        }
        var written = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, written.isEmpty {
            written = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: mirror.standardOutputPath))) ?? Data(), as: UTF8.self)
            usleep(50_000)
        }
        #expect(written.contains("Mirrored 4 entries") || written.contains("已镜像 4 条"), "nothing in the log while the mirror runs: \(written)")
    }

    @Test func followsHonestGrowth() throws {
        let (site, size) = try mirroredSite()
        #expect(try site.state("copy.db").count == size)
        #expect(try site.state("copy.db").head == (try site.state("society.db").head))
    }

    @Test func catchesAServerThatWentBackwards() throws {
        let (site, _) = try mirroredSite()
        let server = try site.serve("older.db")
        defer { server.stop() }
        let result = try site.run(["mirror", server.url, "--ledger", "copy.db"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("went backwards"))
        #expect(result.stderr.contains("\n7\n") && result.stderr.contains("\n4\n"), "both checkpoints: \(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.path("copy.db.evidence.txt")))
        #expect(try site.state("copy.db").count == 7, "the copy is left as it was")
    }

    @Test func catchesAServerSwappedForARewrittenLedger() throws {
        let (site, _) = try mirroredSite()
        // Same founding and first four entries, then a different history at least as long as the copy's.
        for donor in ["甲", "乙", "丙", "丁"] {
            try site.append(["record", "donation", "--donor", donor, "--amount", "1", "--ledger", "older.db"], key: "c1")
        }
        let server = try site.serve("older.db")
        defer { server.stop() }
        let result = try site.run(["mirror", server.url, "--ledger", "copy.db"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("rewritten or forked"))
        #expect(result.stderr.contains("\n7\n") && result.stderr.contains("\n8\n"), "both checkpoints: \(result.stderr)")
        #expect(try site.state("copy.db").count == 7)
    }
}
