import Foundation
import LedgerCore
import LedgerStore
import Testing

/// Two people on two "computers" (two processes with different keys) working on one served ledger.
@Suite(.serialized) struct RemoteCLITests {
    @Test func aGrantRecordedByOneKeyIsApprovedByAnotherThroughTheServer() throws {
        let site = try Site()
        try site.found("society.db")
        let server = try site.serve("society.db")
        defer { server.stop() }
        let remote = ["--remote", server.url]

        let grant = try site.append(["record", "grant", "--member", "H001", "--amount", "500", "--purpose", "助学"] + remote, key: "c1")
        let pending = try site.run(["pending", "--json"] + remote)
        #expect(pending.status == 0, "\(pending)")
        #expect((pending.jsonObject["pending"] as? [[String: Any]])?.map { $0["seq"] as? Int } == [grant])
        let before = try site.run(["balance", "H001", "--json"] + remote)
        #expect(before.jsonObject["balance"] as? Int == 0, "\(before)")

        let approval = try site.run(["approve", "\(grant)", "--json"] + remote, key: "o1")
        #expect(approval.status == 0, "\(approval)")
        #expect(approval.jsonObject["target_effective"] as? Bool == true)

        let after = try site.run(["balance", "H001", "--json"] + remote)
        #expect(after.jsonObject["balance"] as? Int == 50_000, "\(after)")
        let log = try site.run(["log", "--member", "黄大伯", "--json"] + remote)
        #expect((log.jsonObject["entries"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["member.add", "grant", "approve"])
        server.stop()
        #expect(try site.state("society.db").members["H001"]?.balance == 50_000)
        #expect(try site.verifies("society.db"))
    }

    @Test func aRefusalComesBackWithItsCodeAndNothingIsWritten() throws {
        let site = try Site()
        try site.found("society.db")
        let server = try site.serve("society.db")
        defer { server.stop() }
        let grant = try site.append(["record", "grant", "--member", "H001", "--amount", "500", "--purpose", "助学", "--remote", server.url], key: "c1")
        let own = try site.run(["approve", "\(grant)", "--remote", server.url], key: "c1")
        #expect(own.status == 2)
        #expect(own.stderr.contains("[self_approval]") || own.stderr.contains("[wrong_role]"), "\(own)")
        server.stop()
        #expect(try site.state("society.db").count == grant + 1)
    }

    @Test func aSignedCheckpointTravelsToTheServer() throws {
        let site = try Site()
        try site.found("society.db")
        let server = try site.serve("society.db")
        defer { server.stop() }
        let signed = try site.run(["checkpoint", "--json", "--remote", server.url], key: "o1")
        #expect(signed.status == 0, "\(signed)")
        let check = try site.run(["checkpoint", "verify", "--remote", server.url, site.path("note.txt")])
        #expect(check.status != 0, "a missing file is an error")
        server.stop()
        let kept = try SQLiteLedger.open(at: site.path("society.db"), readOnly: true).latestCheckpointNote()
        #expect(kept?.signatures.count == 1)
    }
}
