import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore
import LedgerTesting
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// SIGKILL at random moments — the nearest a test gets to pulling the plug — never loses an acknowledged append,
/// never leaves a ledger that fails to verify or to take the next append, and never leaves half an import.
@Suite(.serialized) struct CrashSafetyTests {
    /// A shell loop of real `ledger` commands — a member, a sale, a donation, a grant and its approval — that
    /// appends one acknowledgement line (the command's `--json` output: seq, hash) after each command that
    /// returned success, and stops at the first failure.
    static let appendLoop = """
        n=0
        ack() { printf '%s\\n' "$1" >> "$ACK"; }
        fail() { echo "round $ROUND, $1: exit $2" >> "$FAILURES"; exit 1; }
        while :; do
          n=$((n + 1))
          out=$("$LEDGER" member add "K$ROUND-$n" --name "户$n" --ledger ledger.db --key c1.pem --json) || fail "member add" $?
          ack "$out"
          out=$("$LEDGER" record sale --member "K$ROUND-$n" --product 黄皮 --quantity 10 --unit 斤 --amount "$n" --fee 0.5 --ledger ledger.db --key c1.pem --json) || fail sale $?
          ack "$out"
          out=$("$LEDGER" record donation --donor 爱心人士 --amount 1 --receipt "R$ROUND-$n" --ledger ledger.db --key c2.pem --json) || fail donation $?
          ack "$out"
          out=$("$LEDGER" record grant --member "K$ROUND-$n" --amount 0.5 --purpose 助学 --ledger ledger.db --key c1.pem --json) || fail grant $?
          ack "$out"
          seq=$(printf '%s' "$out" | sed 's/.*"seq":\\([0-9]*\\).*/\\1/')
          out=$("$LEDGER" approve "$seq" --ledger ledger.db --key o1.pem --json) || fail approve $?
          ack "$out"
        done
        """

    struct Acknowledgement: Hashable {
        var seq: Int
        var hash: String
    }

    /// The acknowledged appends in the file: complete lines only (a kill may cut the loop before its newline).
    static func acknowledgements(_ path: String) -> [Acknowledgement] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast()  // the text after the last newline: empty, or a line the kill interrupted
        return lines.compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let seq = object["seq"] as? Int, let hash = object["hash"] as? String
            else { return nil }
            return Acknowledgement(seq: seq, hash: hash)
        }
    }

    @Test func appendsSurviveSIGKILLAtRandomMoments() async throws {
        let society = try await RobustSociety("crash")
        // How long one append takes here, so that each round spans a few of them whatever the machine's load.
        let started = Date()
        for _ in 0..<3 { try await society.append(["record", "donation", "--donor", "启动资金", "--amount", "100"], key: "c2") }
        let append = Date().timeIntervalSince(started) / 3
        let longest = UInt64(max(0.7, 4 * append) * 1e9)
        var random = SeededRandom("appendsSurviveSIGKILLAtRandomMoments")
        print("crash harness: \(Scale.kills) kills within \(longest / 1_000_000) ms of starting an appending loop "
            + "(one append takes \(Int(append * 1000)) ms), seed \(Scale.seed) (replay with LEDGER_ROBUST_SEED=\(Scale.seed))")
        let ackPath = society.path("acknowledged.jsonl")
        let failures = society.path("failures.txt")
        var acknowledged: [Acknowledgement] = []
        var committedUnacknowledged = 0
        var walLeftOpen = 0
        var checks = 0
        var nextAppends = 0
        var survived = 0
        for round in 0..<Scale.kills {
            try? FileManager.default.removeItem(atPath: ackPath)
            let loop = try Robust.shell(Self.appendLoop, in: society.workspace,
                environment: ["ACK": ackPath, "FAILURES": failures, "ROUND": "\(round)"])
            try await Task.sleep(nanoseconds: UInt64.random(in: 5_000_000...longest, using: &random))
            loop.killGroup(SIGKILL)
            let outcome = await loop.wait()
            let failed = (try? String(contentsOfFile: failures, encoding: .utf8)) ?? ""
            #expect(failed.isEmpty, "round \(round): the loop saw an append fail: \(failed)")
            #expect(outcome.signal == SIGKILL || outcome.status == 0, "round \(round): \(outcome)")
            if let wal = try? FileManager.default.attributesOfItem(atPath: society.ledgerPath + "-wal")[.size] as? Int, wal > 0 {
                walLeftOpen += 1
            }
            acknowledged += Self.acknowledgements(ackPath)

            // (b) the real binary verifies the file first, recovering whatever the kill left behind.
            let verify = try await society.verify()
            #expect(verify.status == 0, "round \(round): verify after the kill: \(verify)")
            let entries = try verify.json()["entries"] as? Int ?? 0
            // (a) every acknowledged append is there, with the very hash the command printed.
            let lines = try society.entries()
            #expect(lines.count == entries)
            for ack in acknowledged {
                checks += 1
                guard ack.seq < lines.count, Entry.hash(of: lines[ack.seq]).hex == ack.hash else {
                    Issue.record("round \(round): acknowledged entry \(ack.seq) (\(ack.hash)) is missing or different")
                    break
                }
            }
            // Appends the kill cut off after they committed but before the loop could print them.
            committedUnacknowledged = lines.count - 4 - acknowledged.count - nextAppends
            // (c) the next append works and lands right after what is there.
            let next = try await society.run(["record", "donation", "--donor", "复查", "--amount", "0.01", "--json"], key: "c2")
            #expect(next.status == 0, "round \(round): the append after the kill failed: \(next)")
            #expect(try next.json()["seq"] as? Int == lines.count, "round \(round): \(next)")
            nextAppends += 1
            if failed.isEmpty, verify.status == 0, next.status == 0 { survived += 1 }
            if !failed.isEmpty || verify.status != 0 || next.status != 0 {
                print("crash harness: round \(round) failed; replay with LEDGER_ROBUST_SEED=\(Scale.seed)")
                break
            }
        }
        // The whole history, checked once more in-process.
        let final = try society.entries()
        guard case .valid(let summary) = Robust.verify(final) else {
            Issue.record("the ledger does not verify at the end")
            return
        }
        #expect(summary.entries == final.count)
        #expect(Set(acknowledged.map(\.seq)).count == acknowledged.count, "a seq was acknowledged twice")
        Figures.record("crash.append", [
            "kills": survived, "appends_acknowledged": acknowledged.count, "acknowledgement_checks": checks,
            "committed_but_unacknowledged": committedUnacknowledged, "kills_leaving_wal": walLeftOpen,
            "entries": final.count,
        ])
    }

    /// A large export, signed in-process with the test keys: members, sales, donations, grants and approvals.
    static func largeExport(entries count: Int) throws -> (bytes: [UInt8], head: String) {
        var ledger = try TestLedger()
        var n = 0
        while ledger.entries.count < count {
            n += 1
            try ledger.append(.memberAdd(MemberAdd(member: "M\(n)", name: "户\(n)")), by: TestKeys.committee1)
            try ledger.append(.donation(Donation(donor: "爱心人士", amount: 1_000, fund: "general", form: .cash, receipt: "R\(n)")),
                by: TestKeys.committee2)
            try ledger.append(.sale(Sale(member: "M\(n)", product: "黄皮", quantity: "12.5", unit: "斤", amount: 9_600, fee: 480)),
                by: TestKeys.committee1)
            let grant = try ledger.append(.grant(Grant(member: "M\(n)", amount: 500, fund: "general", purpose: "助学")),
                by: TestKeys.committee3)
            try ledger.approve(grant.seq, by: TestKeys.oversight1)
        }
        let lines = Array(ledger.bytes.prefix(count))
        return (Robust.jsonl(lines), Entry.hash(of: lines[lines.count - 1]).hex)
    }

    @Test func importKilledPartWayLeavesNothingOrTheWholeLedger() async throws {
        let workspace = try Workspace("import-kill")
        let (export, head) = try Self.largeExport(entries: Scale.importEntries)
        try Robust.write(export, to: workspace.path("export.jsonl"))
        var random = SeededRandom("importKilledPartWayLeavesNothingOrTheWholeLedger")

        let started = Date()
        let clean = try await Robust.ledger(["import", "export.jsonl", "--ledger", "timed.db", "--json"], in: workspace)
        let duration = Date().timeIntervalSince(started)
        #expect(clean.status == 0, "\(clean)")
        #expect(try clean.json()["entries"] as? Int == Scale.importEntries)
        print("import kill harness: \(Scale.importKills) kills of a \(Scale.importEntries)-entry import taking \(Int(duration * 1000)) ms, seed \(Scale.seed)")

        var nothing = 0, complete = 0, leftovers = 0
        for round in 0..<Scale.importKills {
            let child = try Child(try Robust.ledgerBinary(), ["import", "export.jsonl", "--ledger", "restored.db"],
                environment: Robust.environment(), folder: workspace.url)
            // Mostly while it runs; now and then after it finished, when the whole ledger must be there.
            try await Task.sleep(nanoseconds: UInt64(Double.random(in: 0.0...(duration * 0.95), using: &random) * 1e9))
            child.killGroup(SIGKILL)
            let outcome = await child.wait()
            #expect(outcome.signal == SIGKILL || outcome.status == 0, "round \(round): \(outcome)")
            if FileManager.default.fileExists(atPath: workspace.path("restored.db")) {
                // Only ever the whole ledger: every entry, verified, with the right head.
                let verify = try await Robust.ledger(["verify", "restored.db", "--json"], in: workspace)
                #expect(verify.status == 0, "round \(round): a partial ledger at the destination: \(verify)")
                let summary = try verify.json()
                #expect(summary["entries"] as? Int == Scale.importEntries, "round \(round): \(verify)")
                #expect(summary["head"] as? String == head, "round \(round)")
                complete += 1
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: workspace.path("restored.db" + suffix)) }
            } else {
                nothing += 1
            }
            if workspace.listing().contains(where: { $0.hasPrefix("restored.db.importing") }) { leftovers += 1 }
            // Nothing else appears beside the destination.
            let strays = workspace.listing().filter { $0.hasPrefix("restored.db") && !$0.hasPrefix("restored.db.importing") }
            #expect(strays.isEmpty, "round \(round): \(strays)")
        }
        // A leftover temporary file never stops the next import, which removes it.
        let last = try await Robust.ledger(["import", "export.jsonl", "--ledger", "restored.db", "--json"], in: workspace)
        #expect(last.status == 0, "\(last)")
        #expect(try last.json()["head"] as? String == head)
        #expect(!workspace.listing().contains { $0.hasPrefix("restored.db.importing") }, "\(workspace.listing())")
        Figures.record("crash.import", [
            "kills": Scale.importKills, "entries": Scale.importEntries, "import_ms": Int(duration * 1000),
            "left_nothing": nothing, "left_complete_ledger": complete, "left_temporary_file": leftovers,
        ])
    }
}
