import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore
import LedgerTesting
import Testing

/// Several OS processes appending to one ledger file at the same time: SQLite's write lock serialises them,
/// no entry is lost, and the chain stays valid.
@Suite struct ConcurrentAppendTests {
    static let commandsPerWorker = 25
    /// The society's committee key file each worker signs with.
    static let signers = ["c1", "c2", "c1", "c2"]

    /// A shell loop running `ledger` once per entry: even workers add members, odd workers record donations of
    /// ¥1 … ¥25. Failures are reported on the loop's standard error.
    static func script(worker: Int) -> String {
        let command = worker.isMultiple(of: 2)
            ? "member add \"W\(worker)-$i\" --name \"户$i\""
            : "record donation --donor \"捐赠人\(worker)\" --amount \"$i\" --receipt \"R\(worker)-$i\""
        return """
            i=1
            while [ $i -le \(commandsPerWorker) ]; do
              "$LEDGER" \(command) --ledger "$LEDGER_FILE" --key "$KEY_FILE" > /dev/null || echo "worker \(worker) entry $i: exit $?" >&2
              i=$((i + 1))
            done
            """
    }

    @Test(arguments: [2, 4])
    func processesAppendingAtOnceLoseNothing(workers: Int) async throws {
        let society = try await Society()
        let binary = try #require(CLI.binary, "the ledger binary was not built next to the tests")
        var children: [Child] = []
        for worker in 0..<workers {
            var environment = CLI.environment()
            environment["LEDGER"] = binary.path
            environment["LEDGER_FILE"] = society.ledgerPath
            environment["KEY_FILE"] = society.path("\(Self.signers[worker]).pem")
            children.append(try Child("/bin/sh", ["-c", Self.script(worker: worker)], environment: environment, folder: society.folder))
        }
        for (worker, child) in children.enumerated() {
            let outcome = child.waitBlocking()
            #expect(outcome.status == 0, "worker \(worker): \(outcome)")
            #expect(!outcome.stderr.lowercased().contains("locked"), "worker \(worker): \(outcome.stderr)")
            #expect(!outcome.stderr.contains("busy"), "worker \(worker): \(outcome.stderr)")
            #expect(outcome.stderr.isEmpty, "worker \(worker): \(outcome.stderr)")
        }
        let ledger = try SQLiteLedger.open(at: society.ledgerPath, readOnly: true)
        let expected = 1 + workers * Self.commandsPerWorker
        #expect(try ledger.count() == expected)
        var verifier = ChainVerifier()
        try ledger.forEachBatch(of: 64) { batch throws(LedgerError) in verifier.verify(batch: batch) }
        guard case .valid(let summary) = verifier.finish() else {
            Issue.record("the ledger written by \(workers) processes does not verify: \(verifier.failure.map(String.init(describing:)) ?? "")")
            return
        }
        #expect(summary.entries == expected)
        #expect(verifier.state == (try ledger.state()))
        let state = try ledger.state()
        let memberWorkers = (0..<workers).filter { $0.isMultiple(of: 2) }
        let donationWorkers = (0..<workers).filter { !$0.isMultiple(of: 2) }
        let members = Set(memberWorkers.flatMap { worker in (1...Self.commandsPerWorker).map { "W\(worker)-\($0)" } })
        #expect(Set(state.members.keys) == members)
        let perWorker: Fen = 100 * Fen((1...Self.commandsPerWorker).reduce(0, +))
        let donated: Fen = perWorker * Fen(donationWorkers.count)
        #expect(state.funds["general"]?.cash == donated)
        #expect(state.receipts.count == donationWorkers.count * Self.commandsPerWorker)
    }
}
