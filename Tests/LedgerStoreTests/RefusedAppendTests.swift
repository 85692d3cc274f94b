import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore
import LedgerTesting
import Testing

/// A refused append writes nothing: not an entry, not a derived row, not a byte of the file.
@Suite struct RefusedAppendTests {
    /// An entry the rules refuse, on a ledger holding member H001, ¥1,000 in `general` and a pending grant (seq 3).
    struct Refusal: Sendable, CustomTestStringConvertible {
        var name: String
        var payload: @Sendable (SQLiteLedger) throws -> Payload
        var signer: Ed25519.PrivateKey
        var code: LedgerError.Code
        var testDescription: String { name }

        static let all: [Refusal] = [
            Refusal(name: "overdraft grant", payload: { _ in .grant(Grant(member: "H001", amount: 500_000, purpose: "医疗救助")) },
                signer: TestKeys.committee1, code: .fundOverdraft),
            Refusal(name: "self-approval", payload: { ledger in
                    let grant = try #require(try ledger.entry(3))
                    return .approve(Approve(target: 3, hash: grant.hash))
                }, signer: TestKeys.committee1, code: .selfApproval),
            Refusal(name: "unknown member", payload: { _ in
                    .sale(Sale(member: "H999", product: "荔枝", quantity: "10", unit: "斤", amount: 5_000))
                }, signer: TestKeys.committee1, code: .unknownMember),
            Refusal(name: "unknown fund", payload: { _ in .donation(Donation(donor: "某公司", amount: 100, fund: "nope")) },
                signer: TestKeys.committee2, code: .unknownFund),
            Refusal(name: "oversight key recording a donation", payload: { _ in .donation(Donation(donor: "某公司", amount: 100)) },
                signer: TestKeys.oversight1, code: .wrongRole),
        ]
    }

    /// Genesis, H001, a ¥1,000 donation and a pending ¥100 grant to H001 (seq 3).
    static func makeLedger(at path: String) throws -> SQLiteLedger {
        let ledger = try FileLedger.create(at: path)
        try ledger.append(.memberAdd(MemberAdd(member: "H001", name: "黄大伯")), by: TestKeys.committee1)
        try ledger.append(.donation(Donation(donor: "爱心企业", amount: 100_000)), by: TestKeys.committee2)
        try ledger.append(.grant(Grant(member: "H001", amount: 10_000, purpose: "助学")), by: TestKeys.committee1)
        return ledger
    }

    @Test(arguments: Refusal.all)
    func refusedAppendLeavesTheOpenFileByteIdentical(_ refusal: Refusal) throws {
        let folder = try TemporaryFolder()
        let ledger = try Self.makeLedger(at: folder.path("ledger.db"))
        let payload = try refusal.payload(ledger)
        let mainBefore = try #require(folder.bytes("ledger.db"))
        let walBefore = folder.bytes("ledger.db-wal")
        let stateBefore = try ledger.state()
        let listingBefore = try folder.listing()

        let error = #expect(throws: LedgerError.self) { try ledger.append(payload, by: refusal.signer) }

        #expect(error?.code == refusal.code)
        #expect(firstDifference(folder.bytes("ledger.db"), mainBefore) == nil)
        #expect(firstDifference(folder.bytes("ledger.db-wal"), walBefore) == nil)
        #expect(try folder.listing() == listingBefore)
        #expect(try ledger.count() == 4)
        #expect(try ledger.state() == stateBefore)
        #expect(try FileLedger.replay(ledger).state == stateBefore)
    }

    @Test func refusedAppendAfterReopeningLeavesTheFileByteIdentical() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("ledger.db")
        do { _ = try Self.makeLedger(at: path) }  // closed (and checkpointed) at the end of the scope
        let before = try #require(folder.bytes("ledger.db"))

        do {
            let ledger = try SQLiteLedger.open(at: path)
            let error = #expect(throws: LedgerError.self) {
                try ledger.append(.grant(Grant(member: "H001", amount: 500_000, purpose: "医疗救助")), by: TestKeys.committee1)
            }
            #expect(error?.code == .fundOverdraft)
            #expect(try ledger.count() == 4)
        }

        #expect(firstDifference(folder.bytes("ledger.db"), before) == nil)
        let reopened = try SQLiteLedger.open(at: path, readOnly: true)
        #expect(try reopened.count() == 4)
    }
}
