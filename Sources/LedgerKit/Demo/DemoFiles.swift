import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore

extension DemoSociety {
    /// Fresh keys for every holder, written as unencrypted 0600 PEM files (and `.pub` files) so the user can keep
    /// going; by file name (`chen`, `zhang`, …).
    public static func makeKeys(in folder: String) throws -> [String: Ed25519.PrivateKey] {
        var keys: [String: Ed25519.PrivateKey] = [:]
        for (file, _) in committee + oversight + [newcomer] {
            let key = try Ed25519.PrivateKey()
            for suffix in ["", ".pub"] { try? FileManager.default.removeItem(atPath: "\(folder)/\(file).pem\(suffix)") }
            try KeyFile.writeNew(try key.pemRepresentation(), to: "\(folder)/\(file).pem", mode: 0o600)
            try KeyFile.writeNew(key.publicKey.pemRepresentation, to: "\(folder)/\(file).pem.pub", mode: 0o644)
            keys[file] = key
        }
        return keys
    }

    /// The society's founding charter: its committee and oversight keys, the general fund, one approval each.
    public static func charter(_ keys: [String: Ed25519.PrivateKey]) throws -> Genesis {
        func descriptors(_ holders: [(String, String)], _ role: Role) -> [KeyDescriptor] {
            holders.map { KeyDescriptor(role: role, holder: $0.1, publicKey: keys[$0.0]!.publicKey.rawRepresentation) }
        }
        return Genesis(
            society: name, ledger: Hex.encode(try SecureRandom.bytes(16)),
            funds: [FundDescriptor(id: "general", name: "社区慈善基金")],
            keys: descriptors(committee, .committee) + descriptors(oversight, .oversight),
            policy: Policy(governanceCommittee: 1, governanceOversight: 1, moneyApprovals: 1))
    }

    /// What ``writeExports(of:to:)`` wrote.
    public struct Exports: Sendable {
        /// Entries in `ledger.jsonl`.
        public var entries: Int
        /// The entry whose amount has one digit changed in `tampered.jsonl`, when one has an amount.
        public var tampered: Int?
    }

    /// Exports the ledger to `ledger.jsonl` in `folder`, and writes `tampered.jsonl`: a copy with one digit of an
    /// amount in the middle changed, which `verify` must catch.
    public static func writeExports(of ledger: SQLiteLedger, to folder: String) throws -> Exports {
        var lines: [[UInt8]] = []
        try ledger.forEachBatch { batch throws(LedgerError) in lines += batch }
        try jsonl(lines).write(to: URL(fileURLWithPath: folder + "/ledger.jsonl"))
        guard let victim = lines.indices.dropFirst(lines.count / 2).first(where: { amountDigit(in: lines[$0]) != nil }),
            let offset = amountDigit(in: lines[victim])
        else { return Exports(entries: lines.count, tampered: nil) }
        var forged = lines
        forged[victim][offset] = forged[victim][offset] == UInt8(ascii: "9") ? UInt8(ascii: "1") : forged[victim][offset] + 1
        try jsonl(forged).write(to: URL(fileURLWithPath: folder + "/tampered.jsonl"))
        return Exports(entries: lines.count, tampered: victim)
    }

    private static func jsonl(_ lines: [[UInt8]]) -> Data { lines.map { Data($0) + Data([0x0a]) }.reduce(Data(), +) }

    /// The offset of the first digit of the `"amount":` value in an entry, if it has one.
    static func amountDigit(in line: [UInt8]) -> Int? {
        let marker = Array("\"amount\":".utf8)
        guard line.count > marker.count else { return nil }
        for start in 0...(line.count - marker.count) where line[start..<start + marker.count].elementsEqual(marker) {
            return start + marker.count
        }
        return nil
    }
}
