import Foundation
import LedgerCore
import LedgerStore
import LedgerTesting
import Testing

/// Two, then four volunteers appending at once — each a separate `ledger` process per entry, as at a real
/// society — while readers run `balance` and `verify`: nothing is lost, the chain holds, nobody sees "database is
/// locked", and every reader sees the ledger exactly as it was after some entry.
@Suite(.serialized) struct ConcurrencyTests {
    /// Worker `$W`: sales for its own member (odd steps) and receipted donations (even steps), one acknowledgement
    /// line per success; anything on standard error or a failed command goes to `$ERRORS`.
    static let worker = """
        i=0
        while [ $i -lt "$COUNT" ]; do
          i=$((i + 1))
          if [ $((i % 2)) -eq 1 ]; then
            out=$("$LEDGER" record sale --member "W$W" --product 荔枝 --quantity 1 --unit 斤 --amount "$i" --ledger ledger.db --key "$KEY" --json 2>>"$ERRORS") \\
              || { echo "worker $W, sale $i: exit $?" >> "$ERRORS"; continue; }
          else
            out=$("$LEDGER" record donation --donor "捐赠人$W" --amount 1 --receipt "R$W-$i" --ledger ledger.db --key "$KEY" --json 2>>"$ERRORS") \\
              || { echo "worker $W, donation $i: exit $?" >> "$ERRORS"; continue; }
          fi
          printf '%s\\n' "$out" >> "$ACK"
        done
        """

    /// A reader running `ledger $COMMAND --json` until `stop` appears, one output line per run.
    static let reader = """
        while [ ! -e stop ]; do
          out=$("$LEDGER" $COMMAND --ledger ledger.db --json 2>>"$ERRORS") || echo "$COMMAND: exit $?" >> "$ERRORS"
          printf '%s\\n' "$out" | tr -d '\\n' >> "$OUT"
          printf '\\n' >> "$OUT"
        done
        """

    /// What any reader may see: the state after each prefix of the final ledger.
    struct Snapshot: Hashable {
        var members: [String: Int64]
        var general: Int64
    }

    @Test(arguments: [2, 4])
    func appendersAndReadersAtOnce(workers: Int) async throws {
        let society = try await RobustSociety("concurrency-\(workers)")
        for w in 0..<workers { try await society.append(["member", "add", "W\(w)", "--name", "农户\(w)"], key: "c1") }
        let setup = 1 + workers
        let count = Scale.appendsPerWorker
        let keys = ["c1", "c2", "c3", "c1"]
        let started = Date()
        var children: [Child] = []
        for w in 0..<workers {
            children.append(try Robust.shell(Self.worker, in: society.workspace, environment: [
                "W": "\(w)", "COUNT": "\(count)", "KEY": society.path("\(keys[w]).pem"),
                "ACK": society.path("ack-\(w).jsonl"), "ERRORS": society.path("errors-\(w).txt"),
            ]))
        }
        var readers: [Child] = []
        for command in ["balance", "verify"] {
            readers.append(try Robust.shell(Self.reader, in: society.workspace, environment: [
                "COMMAND": command, "OUT": society.path("\(command).out"), "ERRORS": society.path("errors-\(command).txt"),
            ]))
        }
        for child in children {
            let outcome = await child.wait()
            #expect(outcome.status == 0, "\(outcome)")
        }
        let seconds = Date().timeIntervalSince(started)
        _ = FileManager.default.createFile(atPath: society.path("stop"), contents: nil)
        for reader in readers { _ = await reader.wait() }

        // No failure, and nothing about locks, ever reached a user.
        for name in society.workspace.listing() where name.hasPrefix("errors-") {
            let text = (try? String(contentsOfFile: society.path(name), encoding: .utf8)) ?? ""
            #expect(text.isEmpty, "\(name): \(text.prefix(2000))")
            #expect(!text.lowercased().contains("locked") && !text.contains("busy"), "\(name)")
        }

        // Every acknowledged append is there, with its hash; the chain verifies, with the CLI and in-process.
        let lines = try society.entries()
        #expect(lines.count == setup + workers * count)
        var acknowledged = 0
        for w in 0..<workers {
            let acks = CrashSafetyTests.acknowledgements(society.path("ack-\(w).jsonl"))
            #expect(acks.count == count, "worker \(w) acknowledged \(acks.count) of \(count)")
            for ack in acks where ack.seq >= lines.count || Entry.hash(of: lines[ack.seq]).hex != ack.hash {
                Issue.record("worker \(w): acknowledged entry \(ack.seq) is missing or different")
            }
            acknowledged += acks.count
        }
        let verify = try await society.verify()
        #expect(verify.status == 0, "\(verify)")
        #expect(try verify.json()["entries"] as? Int == lines.count)

        // The state after every prefix, to judge what the readers saw.
        var verifier = ChainVerifier()
        var byCount: [Int: (head: String, snapshot: Snapshot)] = [:]
        var snapshots: Set<Snapshot> = []
        for line in lines {
            verifier.verify(batch: [line])
            let state = verifier.state
            let snapshot = Snapshot(members: state.members.mapValues { Int64($0.balance) }, general: Int64(state.funds["general"]?.cash ?? 0))
            byCount[state.count] = (state.head.hex, snapshot)
            snapshots.insert(snapshot)
        }
        #expect(verifier.failure == nil)
        let state = verifier.state
        for w in 0..<workers {
            let sales = stride(from: 1, through: count, by: 2).reduce(0, +)
            #expect(state.members["W\(w)"]?.balance == Fen(sales * 100), "worker \(w)'s member")
        }

        var verifyReads = 0, balanceReads = 0
        for line in try String(contentsOfFile: society.path("verify.out"), encoding: .utf8).split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                Issue.record("verify printed something that is not JSON: \(line.prefix(300))")
                continue
            }
            verifyReads += 1
            #expect(object["valid"] as? Bool == true, "a verify during the appends: \(line.prefix(300))")
            guard let entries = object["entries"] as? Int, let seen = byCount[entries] else {
                Issue.record("verify saw \(object["entries"] ?? "?") entries, not a prefix of the final ledger")
                continue
            }
            let members = (object["members"] as? [String: Any] ?? [:]).mapValues { ($0 as? NSNumber)?.int64Value ?? -1 }
            let general = ((object["funds"] as? [String: Any])?["general"] as? NSNumber)?.int64Value ?? -1
            #expect(object["head"] as? String == seen.head, "verify at \(entries) entries saw another head")
            #expect(Snapshot(members: members, general: general) == seen.snapshot, "verify at \(entries) entries saw other balances")
        }
        for line in try String(contentsOfFile: society.path("balance.out"), encoding: .utf8).split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let rows = object["members"] as? [[String: Any]]
            else {
                Issue.record("balance printed something that is not its JSON: \(line.prefix(300))")
                continue
            }
            balanceReads += 1
            var members: [String: Int64] = [:]
            for row in rows {
                if let id = row["id"] as? String, let balance = row["balance"] as? NSNumber { members[id] = balance.int64Value }
            }
            // Balances are as after some entry: never half of one append and half of another.
            #expect(snapshots.contains { $0.members == members }, "balance saw balances no prefix of the ledger had: \(members)")
        }
        #expect(verifyReads > 0 && balanceReads > 0, "the readers never ran during the appends")
        Figures.record("concurrency.\(workers)", [
            "workers": workers, "appends_per_worker": count, "appends_acknowledged": acknowledged, "entries": lines.count,
            "seconds": Int(seconds), "verify_reads": verifyReads, "balance_reads": balanceReads,
        ])
    }
}

/// Kept apart from ``ConcurrencyTests`` so that its 30-second wait runs beside them, not after them.
@Suite struct BusyLockTests {
    /// Another program holding the write lock longer than the busy timeout (30 s): the append waits, then fails
    /// with a clear "busy … try again" (exit 3) and writes nothing; readers are never blocked; afterwards it works.
    @Test func aLockHeldTooLongGivesAClearBusyMessage() async throws {
        let society = try await RobustSociety("busy")
        try await society.append(["member", "add", "H001", "--name", "黄大伯"], key: "c1")
        let before = try society.entries()
        let script = Robust.root.appendingPathComponent("Tests/Robustness/ledgerdb.py").path
        let holder = try Child("/usr/bin/python3", [script, "hold", society.ledgerPath, "120", society.path("held")],
            environment: Robust.environment(), folder: society.workspace.url)
        while !FileManager.default.fileExists(atPath: society.path("held")) { try await Task.sleep(nanoseconds: 20_000_000) }
        let started = Date()
        async let append = society.run(["record", "donation", "--donor", "某人", "--amount", "5"], key: "c2")
        let read = try await society.verify()
        #expect(read.status == 0, "a reader was blocked by the writer: \(read)")
        let blocked = try await append
        let waited = Date().timeIntervalSince(started)
        blocked.expectCleanFailure("an append while another program holds the lock", exit: [3], mentions: ["is busy", "try again"])
        #expect(!blocked.stderr.lowercased().contains("database is locked"), "\(blocked)")
        // Up to a minute: on a loaded machine the command itself may start late.
        #expect(waited >= 25 && waited < 60, "waited \(Int(waited)) s, not the 30 s busy timeout")
        // The other program lets go by ending (held far longer than the timeout, so the append could not have
        // slipped in after it let go by itself).
        holder.killGroup(SIGKILL)
        _ = await holder.wait()
        #expect(try society.entries() == before)
        try await society.append(["record", "donation", "--donor", "某人", "--amount", "5"], key: "c2")
        Figures.record("concurrency.busy", ["waited_seconds": Int(waited)])
    }
}
