import Foundation
import LedgerCore
import LedgerServer
import LedgerTesting
import Testing

@Suite struct ReadEndpointTests {
    @Test func headGivesWhatTheNextEntryIsBuiltOn() async throws {
        let served = try ServedLedger()
        let response = await served.get("/api/v1/head")
        let object = try #require(response.jsonObject)
        #expect(response.status == 200)
        #expect(object["size"] as? Int == 4)
        #expect(try object["head"] as? String == served.store.state().head.hex)
        #expect(try object["last_time"] as? String == served.store.state().lastTime?.description)
    }

    @Test func entriesArePagedWithExactBytes() async throws {
        let served = try ServedLedger()
        let first = try #require(await served.get("/api/v1/entries", ["from": "0", "limit": "3"]).jsonObject)
        let list = try #require(first["entries"] as? [[String: Any]])
        #expect(list.map { $0["seq"] as? Int } == [0, 1, 2])
        #expect(first["next"] as? Int == 3)
        let bytes = Array(try #require(list[1]["entry"] as? String).utf8)
        #expect(try bytes == served.store.entry(1)?.bytes)
        let last = try #require(await served.get("/api/v1/entries", ["from": "3"]).jsonObject)
        #expect((last["entries"] as? [[String: Any]])?.map { $0["status"] as? String } == ["pending"])
        #expect(last["next"] == nil)
    }

    @Test func pageSizeIsCapped() async throws {
        let served = try ServedLedger(limits: ServerLimits(maxPageSize: 2, requestsPerSecond: 0))
        let object = try #require(await served.get("/api/v1/entries", ["limit": "1000"]).jsonObject)
        #expect((object["entries"] as? [Any])?.count == 2)
        #expect(object["next"] as? Int == 2)
    }

    @Test func oneEntryCarriesItsProof() async throws {
        let served = try ServedLedger()
        let object = try #require(await served.get("/api/v1/entries/2").jsonObject)
        #expect(object["kind"] as? String == "donation")
        let proofObject = try #require(object["proof"] as? [String: Any])
        let proof = try #require(InclusionProof(json: proofObject))
        #expect(proof.isValid)
        #expect(try proof.root == served.store.merkleRoot())
    }

    @Test func proofsVerify() async throws {
        let served = try ServedLedger()
        let inclusionObject = try #require(await served.get("/api/v1/proofs/inclusion", ["index": "1", "size": "3"]).jsonObject)
        let inclusion = try #require(InclusionProof(json: inclusionObject))
        #expect(inclusion.isValid && inclusion.size == 3)
        let consistencyObject = try #require(await served.get("/api/v1/proofs/consistency", ["old": "2"]).jsonObject)
        let consistency = try #require(ConsistencyProof(json: consistencyObject))
        #expect(consistency.isValid && consistency.new == 4)
        #expect(try consistency.oldRoot == served.store.merkleRoot(size: 2))
    }

    @Test func checkpointShowsTheTreeHead() async throws {
        let served = try ServedLedger()
        let object = try #require(await served.get("/api/v1/checkpoint").jsonObject)
        #expect(object["size"] as? Int == 4)
        #expect(try object["root"] as? String == served.store.merkleRoot().hex)
        #expect(object["signed"] == nil)
    }

    @Test func memberBalanceAndStatementCountOnlyEffectiveEntries() async throws {
        let served = try ServedLedger()
        let member = try #require(await served.get("/api/v1/members/H01").jsonObject)
        #expect(member["name"] as? String == "黄大伯")
        #expect(member["balance"] as? Int == 0)
        #expect(member["grants"] as? Int == 0, "the grant is still pending")
        #expect(member["note"] == nil)
        let statement = try #require(await served.get("/api/v1/members/H01/statement").jsonObject)
        #expect((statement["lines"] as? [Any])?.isEmpty == true)
    }

    @Test func fundsPendingAndReport() async throws {
        let served = try ServedLedger()
        let funds = try #require(await served.get("/api/v1/funds").jsonObject?["funds"] as? [[String: Any]])
        #expect(funds.first { $0["id"] as? String == "general" }?["cash"] as? Int == 100_000)
        let pending = try #require(await served.get("/api/v1/pending").jsonObject?["pending"] as? [[String: Any]])
        #expect(pending.map { $0["seq"] as? Int } == [3])
        #expect((pending[0]["may_approve"] as? [String])?.sorted() == [TestKeys.id(TestKeys.oversight1), TestKeys.id(TestKeys.oversight2)].sorted())
        let report = try #require(await served.get("/api/v1/report").jsonObject)
        #expect((report["donations_cash"] as? [String: Any])?["amount"] as? Int == 100_000)
        #expect(report["pending"] as? [Int] == [3])
        let period = await served.get("/api/v1/report", ["from": "2027-01-01T00:00:00Z"])
        #expect((period.jsonObject?["donations_cash"] as? [String: Any])?["amount"] as? Int == 0)
    }

    @Test func keysComeWithTheEntriesThatAddedThem() async throws {
        let served = try ServedLedger()
        let object = try #require(await served.get("/api/v1/keys").jsonObject)
        let keys = try #require(object["keys"] as? [[String: Any]])
        let state = try served.store.state()
        #expect(keys.count == state.keys.count && !keys.isEmpty)
        for key in keys {
            let id = try #require(key["id"] as? String)
            let record = try #require(state.keys[id])
            #expect(key["pub"] as? String == Base64.encode(record.descriptor.publicKey))
            #expect(key["role"] as? String == record.role.rawValue && key["holder"] as? String == record.holder)
            #expect(key["status"] as? String == "active" && key["added"] as? Int == 0 && key["active_since"] as? Int == 0)
        }
    }

    @Test func aMembersEntriesComeWithProofsInTheAskedTree() async throws {
        let served = try ServedLedger()
        let object = try #require(await served.get("/api/v1/members/H01/entries", ["size": "3"]).jsonObject)
        let root = try served.store.merkleRoot(size: 3)
        #expect(object["size"] as? Int == 3 && object["root"] as? String == root.hex)
        let entries = try #require(object["entries"] as? [[String: Any]])
        #expect(entries.map { $0["seq"] as? Int } == [1, 3])
        let covered = try #require(entries.first)
        let bytes = Array(try #require(covered["entry"] as? String).utf8)
        let stored = try #require(try served.store.entry(1))
        #expect(bytes == stored.bytes)
        let path = try #require(covered["path"] as? [String]).compactMap(EntryHash.init(hex:))
        let proof = InclusionProof(ledger: "", index: 1, size: 3, leaf: stored.hash, path: path, root: root)
        #expect(proof.isValid)
        // Entry 3 is past the tree asked for: its bytes, no proof.
        #expect(entries.last?["path"] == nil && entries.last?["entry"] is String)
        for (query, status) in [(["size": "0"], 400), (["size": "5"], 400), (["size": "x"], 400), ([:], 200)] {
            #expect(await served.get("/api/v1/members/H01/entries", query).status == status, "\(query)")
        }
        #expect(await served.get("/api/v1/members/H99/entries").status == 404)
    }
}
