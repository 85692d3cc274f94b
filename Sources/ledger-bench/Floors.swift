import Dispatch
import Foundation
import GRDB
import LedgerCrypto

/// What this machine can do with no ledger code at all: the floors the ledger's figures are compared with.
enum Floors {
    /// Raw Ed25519 verifications per second of ~330-byte messages, on one core and on all cores.
    /// - Parameter rounds: passes over 512 signatures; each pass takes about 0.1 s on one core of this machine.
    static func ed25519VerifyRates(rounds: Int = 8) throws -> (one: Double, all: Double) {
        let (key, messages, signatures) = try signedMessages()
        let publicKey = key.publicKey
        let one = try Measure.seconds {
            for _ in 0..<rounds {
                for (message, signature) in zip(messages, signatures) where !publicKey.isValidSignature(signature, for: message) {
                    throw BenchError("a valid signature failed")
                }
            }
        }
        let count = Double(rounds * messages.count)
        return (count / one, allCoreRate(rounds: rounds, publicKey, messages, signatures))
    }

    /// Raw Ed25519 verifications per second on all cores alone.
    static func allCoreEd25519VerifyRate(rounds: Int) throws -> Double {
        let (key, messages, signatures) = try signedMessages()
        return allCoreRate(rounds: rounds, key.publicKey, messages, signatures)
    }

    private static func allCoreRate(rounds: Int, _ publicKey: Ed25519.PublicKey, _ messages: [[UInt8]], _ signatures: [[UInt8]])
        -> Double
    {
        let all = Measure.seconds {
            DispatchQueue.concurrentPerform(iterations: rounds * 4) { round in
                for index in 0..<messages.count / 4 {
                    let item = (round % 4) * (messages.count / 4) + index
                    _ = publicKey.isValidSignature(signatures[item], for: messages[item])
                }
            }
        }
        return Double(rounds * messages.count) / all
    }

    private static func signedMessages() throws -> (Ed25519.PrivateKey, [[UInt8]], [[UInt8]]) {
        let key = try Ed25519.PrivateKey(seed: [UInt8](repeating: 7, count: 32))
        let messages = (0..<512).map { index in (0..<330).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) } }
        return (key, messages, try messages.map { try key.signature(for: $0) })
    }

    /// Latencies (ms, sorted) of single-row transactions committed with `synchronous = FULL` in WAL mode.
    static func sqliteCommitLatencies(in directory: String, count: Int) throws -> [Double] {
        let path = directory + "/raw-commit.sqlite"
        try? FileManager.default.removeItem(atPath: path)
        var configuration = Configuration()
        configuration.journalMode = .wal
        let database = try DatabaseQueue(path: path, configuration: configuration)
        try database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, hash BLOB NOT NULL, bytes BLOB NOT NULL)")
        }
        let row = Data(repeating: 0x61, count: 330)
        let hash = Data(repeating: 0x62, count: 32)
        let latencies = try Measure.latencies(count) { index in
            try database.write { db in
                try db.execute(sql: "INSERT INTO t (id, hash, bytes) VALUES (?, ?, ?)", arguments: [index, hash, row])
            }
        }
        try database.close()
        return latencies
    }
}
