import Foundation
import LedgerCore
import LedgerKit
import LedgerStore
import LedgerTesting
import Testing

/// Files verified through the library, the audit that checkpoints them, and `--since` from what the audit kept.
@Suite struct AuditAndVerificationTests {
    @Test func aLedgerFileAndItsExportVerifyAndATornExportDoesNot() throws {
        let folder = try TemporaryFolder()
        let ledger = try StoredLedger.society(path: folder.path("society.db"))
        guard case .valid(let summary) = try LedgerFile.verify(folder.path("society.db")).finish() else {
            Issue.record("the file does not verify")
            return
        }
        #expect(summary.entries == 8)
        let export: [UInt8] = ledger.fixture.bytes.flatMap { $0 + [0x0a] }
        try Data(export).write(to: URL(fileURLWithPath: folder.path("export.jsonl")))
        guard case .valid(let exported) = try LedgerFile.verify(folder.path("export.jsonl")).finish() else {
            Issue.record("the export does not verify")
            return
        }
        #expect(exported.root == summary.root)
        try Data(export.dropLast(5)).write(to: URL(fileURLWithPath: folder.path("torn.jsonl")))
        guard case .invalid(let error) = try LedgerFile.verify(folder.path("torn.jsonl")).finish() else {
            Issue.record("a torn export verified")
            return
        }
        #expect(error.code == .nonCanonical && error.seq == 7)
        #expect(throws: KitError(.file, en: "", zh: "")) { try LedgerFile.isSQLite(folder.path("missing.db")) }
    }

    @Test func anAuditRecordsACheckpointThatVerifySinceStartsFrom() throws {
        let folder = try TemporaryFolder()
        let ledger = try StoredLedger.society(path: folder.path("society.db"))
        guard case .recorded(let summary, let seq, let note) = try Audit.run(ledger.store, signer: TestKeys.oversight1, now: ledger.now)
        else {
            Issue.record("the audit found the ledger invalid")
            return
        }
        #expect(summary.entries == 8 && seq == 8)
        #expect(CheckpointNote(text: note.text)?.size == 8)
        #expect(try ledger.store.latestCheckpointNote()?.formatted == note.formatted)
        guard case .valid(let checked, let resume) = try SinceVerification.run(folder.path("society.db"), noteText: note.formatted,
            notePath: "note.txt", keys: nil, pinnedGenesis: nil)
        else {
            Issue.record("--since found the audited ledger invalid")
            return
        }
        #expect(checked.entries == 9)
        #expect(resume.size == 8 && !resume.usedGivenKeys)
        let other = try #require(EntryHash(hex: String(repeating: "ab", count: 32)))
        guard case .invalid(let error) = try SinceVerification.run(folder.path("society.db"), noteText: note.formatted,
            notePath: "note.txt", keys: nil, pinnedGenesis: other)
        else {
            Issue.record("a wrong pinned genesis passed")
            return
        }
        #expect(error.code == .genesisMismatch)
    }

    @Test func sinceNeedsADatabaseWithASnapshot() throws {
        let folder = try TemporaryFolder()
        let ledger = try StoredLedger.society(path: folder.path("society.db"))
        try Data(ledger.fixture.bytes.flatMap { $0 + [UInt8(0x0a)] }).write(to: URL(fileURLWithPath: folder.path("export.jsonl")))
        #expect(throws: KitError(.badInput, en: "", zh: "")) {
            try SinceVerification.run(folder.path("export.jsonl"), noteText: "", notePath: "n", keys: nil, pinnedGenesis: nil)
        }
    }

    @Test func membersAreNamedByIdOrByTheirOneExactName() throws {
        var ledger = try StoredLedger.society()
        #expect(try MemberName.resolve("H001", in: try ledger.store.state()) == "H001")
        #expect(try MemberName.resolve("李阿婆", in: try ledger.store.state()) == "H002")
        #expect(try MemberName.resolve("无名", in: try ledger.store.state()) == "无名")
        try ledger.append(.memberAdd(MemberAdd(member: "H003", name: "李阿婆")), by: TestKeys.committee1)
        do {
            _ = try MemberName.resolve("李阿婆", in: try ledger.store.state())
            Issue.record("a shared name resolved")
        } catch let error as KitError {
            #expect(error.code == .refused)
            #expect(error.message.english.contains("H002") && error.message.english.contains("H003"))
            #expect(error.message.chinese.contains("请改用成员编号"))
        }
    }
}
