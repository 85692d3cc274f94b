import Foundation
import LedgerCore
import LedgerStore
import LedgerTesting
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A read-only file, a full disk, a truncated or scribbled-over SQLite file, a torn export: every command fails
/// cleanly — a documented exit code, one message naming the problem and what to do, no crash — and writes
/// nothing; `verify` never passes a damaged ledger as complete.
@Suite struct StorageFaultTests {
    /// Commands that only read, and commands that append, as a volunteer would type them.
    static func readCommands(out: String) -> [[String]] {
        [["verify"], ["balance"], ["balance", "H001"], ["log"], ["show", "1"], ["pending"], ["funds"], ["keys"],
         ["member", "list"], ["statement", "H001"], ["prove", "1"], ["export", "--out", out]]
    }

    static let writeCommands: [(arguments: [String], key: String)] = [
        (["member", "add", "H009", "--name", "新户"], "c1"),
        (["record", "donation", "--donor", "某人", "--amount", "5"], "c2"),
        (["approve", "5"], "o1"),
        (["audit"], "o1"),
    ]

    /// A small society: two members, money in, a grant (5) waiting for approval, a payout, an approval.
    static func society(_ label: String) async throws -> RobustSociety {
        let society = try await RobustSociety(label)
        try await society.append(["member", "add", "H001", "--name", "黄大伯"], key: "c1")
        try await society.append(["member", "add", "H002", "--name", "李阿婆"], key: "c1")
        try await society.append(["record", "donation", "--donor", "爱心企业", "--amount", "10000", "--receipt", "R-1"], key: "c2")
        try await society.append(["record", "sale", "--member", "H001", "--product", "黄皮", "--quantity", "120", "--unit", "斤", "--amount", "960", "--fee", "48"], key: "c1")
        try await society.append(["record", "grant", "--member", "H002", "--amount", "2000", "--purpose", "医疗救助"], key: "c1")
        let payout = try await society.append(["record", "payout", "--member", "H001", "--amount", "100", "--method", "bank"], key: "c1")
        try await society.append(["approve", "\(payout)"], key: "o2")
        return society
    }

    // MARK: read-only

    /// The ledger file 0444 in a 0555 folder, used by an ordinary user (as root, through `setpriv` as `nobody`:
    /// root ignores file modes). Reading works; appending says why not; nothing changes.
    @Test func aReadOnlyFileInAReadOnlyFolderCanBeReadButNotWritten() async throws {
        let society = try await Self.society("readonly")
        let workspace = society.workspace
        let folder = workspace.path("shelf")
        let keys = workspace.path("keys")
        let out = workspace.path("out")
        for dir in [folder, keys, out] { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        let ledger = folder + "/ledger.db"
        try FileManager.default.copyItem(atPath: society.ledgerPath, toPath: ledger)
        for name in ["c1", "c2", "o1"] { try FileManager.default.copyItem(atPath: society.path("\(name).pem"), toPath: keys + "/\(name).pem") }
        let asRoot = geteuid() == 0
        let user: uid_t = asRoot ? 65534 : geteuid()
        chmod(workspace.path, 0o755)
        for path in [folder, keys, out, ledger] + ["c1", "c2", "o1"].map({ keys + "/\($0).pem" }) { chown(path, user, user == 65534 ? 65534 : getegid()) }
        chmod(out, 0o777)
        chmod(ledger, 0o444)
        chmod(folder, 0o555)
        let before = Robust.bytes(ledger)

        func run(_ arguments: [String], key: String? = nil) async throws -> ProcessOutcome {
            var full = arguments + ["--ledger", ledger]
            if let key { full += ["--key", keys + "/\(key).pem"] }
            let binary = try Robust.ledgerBinary()
            let (executable, argv) = asRoot
                ? ("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", binary] + full) : (binary, full)
            return try await Child(executable, argv, environment: Robust.environment(), folder: workspace.url).wait()
        }
        for arguments in Self.readCommands(out: out + "/export.jsonl") {
            let result = try await run(arguments)
            result.expectNoCrash("\(arguments) on a read-only ledger")
            #expect(result.status == 0, "reading a read-only ledger: \(arguments): \(result)")
        }
        for (arguments, key) in Self.writeCommands {
            let result = try await run(arguments, key: key)
            result.expectCleanFailure("\(arguments) on a read-only ledger", exit: [3], mentions: ["cannot write to", "read-only"])
        }
        #expect(Robust.bytes(ledger) == before)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []) == ["ledger.db"])
        chmod(folder, 0o755)
    }

    /// The same on a read-only mount, where not even root may write (skipped where the test may not mount).
    @Test func aLedgerOnAReadOnlyMountCanBeReadButNotWritten() async throws {
        let society = try await Self.society("romount")
        let source = society.path("source")
        let mount = society.path("mnt")
        for dir in [source, mount] { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        try FileManager.default.copyItem(atPath: society.ledgerPath, toPath: source + "/ledger.db")
        let mounted = try await Robust.sh("mount --bind source mnt && mount -o remount,bind,ro mnt", in: society.workspace)
        guard mounted.status == 0 else {
            print("read-only mount test skipped: cannot mount here (\(mounted.stderr.prefix(200)))")
            return
        }
        defer { _ = umount(mount) }
        let ledger = mount + "/ledger.db"
        let before = Robust.bytes(ledger)
        for arguments in Self.readCommands(out: society.path("export.jsonl")) {
            let result = try await society.run(arguments, ledger: ledger)
            result.expectNoCrash("\(arguments) on a read-only mount")
            #expect(result.status == 0, "reading from a read-only mount: \(arguments): \(result)")
        }
        for (arguments, key) in Self.writeCommands {
            let result = try await society.run(arguments, key: key, ledger: ledger)
            result.expectCleanFailure("\(arguments) on a read-only mount", exit: [3], mentions: ["cannot write to", "read-only"])
        }
        #expect(Robust.bytes(ledger) == before)
    }

    // MARK: full disk

    /// A ledger on a small tmpfs filled to the last byte (or, where the test may not mount, a `ulimit -f` file size
    /// limit): appends, imports, exports and keygen fail with "disk is full" or a disk error, leave nothing half
    /// written, and everything works again once there is room.
    @Test func aFullDiskRefusesCleanlyAndRecovers() async throws {
        let society = try await Self.society("full")
        let entries = try society.entries()
        try Robust.write(Robust.jsonl(entries), to: society.path("export.jsonl"))
        let disk = society.path("disk")
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        let mounted = try await Robust.sh("mount -t tmpfs -o size=768k tmpfs disk", in: society.workspace)
        guard mounted.status == 0 else {
            print("full-disk test: cannot mount a tmpfs here (\(mounted.stderr.prefix(200))); the file size limit test covers it")
            return
        }
        defer { _ = umount(disk) }
        let ledger = disk + "/ledger.db"
        try FileManager.default.copyItem(atPath: society.ledgerPath, toPath: ledger)
        // Fill every byte that is left.
        let fill = try await Robust.sh("dd if=/dev/zero of=disk/filler bs=4096 2>/dev/null; dd if=/dev/zero of=disk/filler2 bs=1 2>/dev/null; sync; df -k disk | tail -1",
            in: society.workspace)
        print("full disk: \(fill.stdout.trimmingCharacters(in: .whitespacesAndNewlines))")
        let before = Robust.bytes(ledger)
        var refusals = 0
        for (arguments, key) in Self.writeCommands {
            let result = try await society.run(arguments, key: key, ledger: ledger)
            result.expectCleanFailure("\(arguments) on a full disk", exit: [3], mentions: ["nothing was written"])
            #expect(result.stderr.contains("disk is full") || result.stderr.contains("free space"), "\(result)")
            refusals += 1
        }
        #expect(Robust.bytes(ledger) == before, "the ledger file changed on a full disk")
        // Reading needs SQLite's 32 KiB shared-memory file beside a WAL ledger: on a full disk a reader may fail
        // too, but only with a clear message.
        var readsRefused = 0
        for arguments in [["verify"], ["balance"], ["log"]] {
            let read = try await society.run(arguments, ledger: ledger)
            read.expectNoCrash("\(arguments) on a full disk")
            if read.status != 0 {
                read.expectCleanFailure("\(arguments) on a full disk", exit: [3], mentions: ["free space"])
                readsRefused += 1
            }
        }

        let imported = try await society.run(["import", society.path("export.jsonl")], ledger: disk + "/restored.db")
        imported.expectCleanFailure("import onto a full disk", exit: [3])
        let exported = try await society.run(["export", "--out", disk + "/export.jsonl"], ledger: ledger)
        exported.expectCleanFailure("export onto a full disk", exit: [3])
        let keygen = try await Robust.ledger(["keygen", "--holder", "新人", "--out", disk + "/new.pem", "--no-passphrase"], in: society.workspace)
        keygen.expectCleanFailure("keygen onto a full disk", exit: [3])
        let left = Set((try? FileManager.default.contentsOfDirectory(atPath: disk)) ?? [])
            .subtracting(["ledger.db-wal", "ledger.db-shm"])  // SQLite's own, empty: no ledger data
        #expect(left == ["ledger.db", "filler", "filler2"], "half-written files left on the full disk: \(left)")
        #expect(Robust.bytes(ledger) == before, "the ledger file changed on a full disk")

        // Room again: the very same commands work and the ledger verifies.
        try FileManager.default.removeItem(atPath: disk + "/filler")
        for (arguments, key) in Self.writeCommands {
            let result = try await society.run(arguments, key: key, ledger: ledger)
            #expect(result.status == 0, "\(arguments) once there is room again: \(result)")
        }
        let after = try await society.run(["verify", "--json"], ledger: ledger)
        #expect(after.status == 0, "\(after)")
        #expect(try after.json()["entries"] as? Int == entries.count + Self.writeCommands.count)
        #expect(try Robust.entries(of: ledger).prefix(entries.count) == entries[...])
        Figures.record("storage.full_disk", ["append_refusals": refusals, "read_refusals": readsRefused])
    }

    /// `ulimit -f`: the kernel refuses to grow any file (SIGXFSZ ignored, as a careful shell would), wherever the
    /// test runs. Appends fail with a disk error and change nothing; a later append works.
    @Test func aFileSizeLimitRefusesCleanly() async throws {
        let society = try await Self.society("ulimit")
        let entries = try society.entries()
        let before = Robust.bytes(society.ledgerPath)
        let blocks = 4  // 4 KiB at most (dash counts 512-byte blocks, bash 1024): the WAL cannot take one page
        for (arguments, key) in Self.writeCommands {
            let quoted = (arguments + ["--ledger", society.ledgerPath, "--key", society.path("\(key).pem")])
                .map { "'\($0)'" }.joined(separator: " ")
            let result = try await Robust.sh("trap '' XFSZ; ulimit -f \(blocks); exec \"$LEDGER\" \(quoted)", in: society.workspace)
            result.expectCleanFailure("\(arguments) beyond the file size limit", exit: [3])
            #expect(result.stderr.contains("disk"), "\(result)")
            #expect(try society.entries() == entries)
        }
        #expect(Robust.bytes(society.ledgerPath) == before)
        try await society.append(["record", "donation", "--donor", "某人", "--amount", "5"], key: "c2")
        #expect(try await society.verify().status == 0)
    }

    // MARK: damaged files

    static let damageHints = ["damaged", "not a ledger"]
    static let repairHints = ["restore", "ledger import"]

    /// Runs every command on a damaged copy: no crash, no success for an append, no change to the file, and a
    /// `verify` that either reports damage or finds every entry exactly as it was.
    static func checkDamaged(_ path: String, original: [[UInt8]], society: RobustSociety, what: String) async throws
        -> (verifyFailed: Bool, appendsRefused: Int)
    {
        let before = Robust.bytes(path)
        let verify = try await society.run(["verify", path, "--json"])
        verify.expectNoCrash("verify of \(what)")
        var verifyFailed = true
        if verify.status == 0 {
            // Only acceptable if nothing of the ledger was lost: the damage hit unused or derived pages.
            let summary = try verify.json()
            #expect(summary["entries"] as? Int == original.count, "verify passed \(what) with entries missing: \(verify)")
            #expect(summary["head"] as? String == Entry.hash(of: original[original.count - 1]).hex, "verify passed \(what) with another head")
            verifyFailed = false
        } else {
            #expect(verify.status == 1 || verify.status == 3, "verify of \(what): \(verify)")
            if verify.status == 3 {
                #expect(damageHints.contains { verify.stderr.contains($0) }, "verify of \(what) does not name the damage: \(verify)")
            }
        }
        for arguments in readCommands(out: society.path("damaged-export.jsonl")) where arguments != ["verify"] {
            let result = try await society.run(arguments, ledger: path)
            result.expectNoCrash("\(arguments) on \(what)")
        }
        try? FileManager.default.removeItem(atPath: society.path("damaged-export.jsonl"))
        var refused = 0
        for (arguments, key) in writeCommands {
            let result = try await society.run(arguments, key: key, ledger: path)
            result.expectNoCrash("\(arguments) on \(what)")
            if result.status == 0 {
                // An append reads only the rows it needs, so it may go through when the damage lies elsewhere. It is
                // acceptable only if every entry was intact, and must leave them intact plus the new one; `verify`
                // then passes or still reports the damage outside the entries.
                let intact = (try? Robust.entries(of: path)) ?? []
                #expect(intact.count == original.count + 1 && Array(intact.prefix(original.count)) == original,
                    "\(arguments) appended to \(what) whose entries were not intact")
                let again = try await society.run(["verify", path, "--json"])
                if verifyFailed {
                    #expect(again.status == 1 || again.status == 3, "\(arguments) on \(what): \(again)")
                    #expect(again.status == 3 || (try? again.json()["code"] as? String) == "summary_mismatch",
                        "\(arguments) on \(what): the entries verify, so only the summary can be at fault: \(again)")
                } else {
                    #expect(again.status == 0, "\(arguments) on \(what) left a ledger that does not verify: \(again)")
                }
                return (verifyFailed, refused)
            }
            #expect(result.status == 3 || result.status == 2, "\(arguments) on \(what): \(result)")
            if result.status == 3 {
                #expect(damageHints.contains { result.stderr.contains($0) } || result.stderr.contains("summary tables"),
                    "\(arguments) on \(what) does not name the damage: \(result)")
                #expect(repairHints.contains { result.stderr.contains($0) }, "\(arguments) on \(what) does not say what to do: \(result)")
            }
            #expect(Robust.bytes(path) == before, "\(arguments) on \(what) changed the file")
            refused += 1
        }
        return (verifyFailed, refused)
    }

    @Test func aTruncatedLedgerFileIsReportedAndNeverWritten() async throws {
        let society = try await Self.society("truncated")
        let original = try society.entries()
        let full = try #require(Robust.bytes(society.ledgerPath))
        let page = 4096
        var cuts = [page, full.count / 2, full.count - page, full.count - 100, full.count - 1, 100]
        cuts = Array(Set(cuts.filter { $0 > 0 && $0 < full.count })).sorted()
        var failedVerifies = 0
        for cut in cuts {
            let path = society.path("truncated-\(cut).db")
            try Robust.write(Array(full.prefix(cut)), to: path)
            let (failed, _) = try await Self.checkDamaged(path, original: original, society: society, what: "a ledger cut to \(cut) of \(full.count) bytes")
            if failed { failedVerifies += 1 }
        }
        Figures.record("storage.truncated", ["cuts": cuts.count, "verify_reported_damage": failedVerifies])
    }

    @Test func everyPageOverwrittenWithRandomBytesIsReportedOrHarmless() async throws {
        let society = try await Self.society("scribbled")
        let original = try society.entries()
        let full = try #require(Robust.bytes(society.ledgerPath))
        let page = 4096
        var random = SeededRandom("everyPageOverwrittenWithRandomBytesIsReportedOrHarmless")
        var reported = 0, harmless = 0, appendsRefused = 0
        for index in 0..<(full.count / page) {
            var bytes = full
            bytes.replaceSubrange(index * page..<(index + 1) * page, with: random.bytes(page))
            let path = society.path("page-\(index + 1).db")
            try Robust.write(bytes, to: path)
            let (failed, refused) = try await Self.checkDamaged(path, original: original, society: society,
                what: "a ledger with page \(index + 1) of \(full.count / page) overwritten (seed \(Scale.seed))")
            if failed { reported += 1 } else { harmless += 1 }
            appendsRefused += refused
            try? FileManager.default.removeItem(atPath: path)
        }
        Figures.record("storage.scribbled_pages", ["pages": full.count / page, "verify_reported_damage": reported,
            "verify_found_all_entries": harmless, "appends_refused": appendsRefused])
    }

    @Test func aFileThatIsNotSQLiteNamedLedgerDbIsRefused() async throws {
        let society = try await RobustSociety("notsqlite")
        var random = SeededRandom("notsqlite")
        let cases: [(String, [UInt8])] = [
            ("random bytes", random.bytes(64 * 1024)),
            ("an SQLite header then garbage", Array("SQLite format 3\0".utf8) + random.bytes(8192)),
            ("an empty file", []),
            ("a text file", Array("这不是账本\n".utf8)),
        ]
        for (what, bytes) in cases {
            let path = society.path("ledger-\(what.split(separator: " ").joined(separator: "-")).db")
            try Robust.write(bytes, to: path)
            let verify = try await society.run(["verify", path])
            verify.expectNoCrash("verify of \(what)")
            #expect(verify.status == 1 || verify.status == 3, "verify of \(what) named ledger.db: \(verify)")
            for (arguments, key) in Self.writeCommands {
                let result = try await society.run(arguments, key: key, ledger: path)
                result.expectCleanFailure("\(arguments) on \(what)", exit: [3])
                #expect(Self.damageHints.contains { result.stderr.contains($0) }, "\(result)")
            }
            for arguments in [["balance"], ["log"], ["export"]] {
                let result = try await society.run(arguments, ledger: path)
                result.expectCleanFailure("\(arguments) on \(what)", exit: [3])
            }
            #expect(Robust.bytes(path) == bytes, "\(what) was changed")
        }
    }

    // MARK: torn export

    @Test func aTornLastLineIsAnInvalidEntryAndImportsNothing() async throws {
        let society = try await Self.society("torn")
        let lines = try society.entries()
        let export = Robust.jsonl(lines)
        let tears: [(String, [UInt8])] = [
            ("cut in the middle of the last line", Array(export.dropLast(lines[lines.count - 1].count / 2))),
            ("missing only its final newline", Array(export.dropLast())),
            ("cut one byte into the last line", Array(export.dropLast(lines[lines.count - 1].count))),
        ]
        for (what, bytes) in tears {
            let file = society.path("torn.jsonl")
            try Robust.write(bytes, to: file)
            let verify = try await society.verify(file)
            verify.expectNoCrash("verify of an export \(what)")
            #expect(verify.status == 1, "\(what): \(verify)")
            let report = try verify.json()
            #expect(report["code"] as? String == "non_canonical", "\(what)")
            #expect(report["seq"] as? Int == lines.count - 1, "\(what)")
            #expect((report["message"] as? String ?? "").contains("cut off"), "\(what): \(report)")
            let imported = try await society.run(["import", file], ledger: society.path("restored.db"))
            imported.expectCleanFailure("import of an export \(what)", exit: [1], mentions: ["nothing was imported"])
            #expect(!society.workspace.listing().contains { $0.hasPrefix("restored.db") }, "import left \(society.workspace.listing())")
        }
    }
}
