import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore
import LedgerTesting
import Testing

/// Private keys stay private: 0600 files, refused when others may read them, encrypted with a passphrase that
/// never travels in argv or messages; damaged keys and wrong passphrases get clear errors; no output or file of a
/// whole demo run holds a private key in any spelling; a revoked key stops at the right entry.
@Suite struct KeySecretTests {
    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? NSNumber)?.intValue ?? -1
    }

    @Test(arguments: ["000", "022", "077"])
    func keygenWritesThePrivateKey0600WhateverTheUmask(umask: String) async throws {
        let workspace = try Workspace("keygen-umask")
        let result = try await Robust.sh("umask \(umask); exec \"$LEDGER\" keygen --holder 陈主任 --out chen.pem --no-passphrase", in: workspace)
        #expect(result.status == 0, "\(result)")
        #expect(Self.mode(workspace.path("chen.pem")) == 0o600)
        #expect(Self.mode(workspace.path("chen.pem.pub")) & 0o022 == 0)
        let pem = try String(contentsOfFile: workspace.path("chen.pem"), encoding: .utf8)
        #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        // keygen never overwrites a key.
        let again = try await Robust.ledger(["keygen", "--holder", "陈主任", "--out", "chen.pem", "--no-passphrase"], in: workspace)
        again.expectCleanFailure("keygen over an existing key", exit: [3], mentions: ["already exists"])
        #expect(try String(contentsOfFile: workspace.path("chen.pem"), encoding: .utf8) == pem)
    }

    @Test(arguments: [(0o640, false), (0o604, false), (0o644, false), (0o660, false), (0o606, false), (0o620, false),
        (0o602, false), (0o610, false), (0o600, true), (0o400, true)])
    func aKeyOthersCanReachIsRefused(mode: Int, accepted: Bool) async throws {
        let society = try await RobustSociety("keymode")
        chmod(society.path("c2.pem"), mode_t(mode))
        let before = try society.entries()
        let result = try await society.run(["member", "add", "H001", "--name", "黄大伯"], key: "c2")
        if accepted {
            #expect(result.status == 0, "mode \(String(mode, radix: 8)): \(result)")
        } else {
            result.expectCleanFailure("a key with mode \(String(mode, radix: 8))", exit: [4], mentions: ["can be read by other users", "chmod 600"])
            #expect(try society.entries() == before)
        }
    }

    @Test func aPassphraseEncryptsTheKeyWithAES256AndNeverShows() async throws {
        let workspace = try Workspace("encrypted")
        let passphrase = "菜园-42-秘密-passphrase"
        let environment = ["LI_PASS": passphrase]
        let keygen = try await Robust.ledger(["keygen", "--holder", "李会计", "--out", "li.pem", "--passphrase-env", "LI_PASS"],
            in: workspace, environment: environment)
        #expect(keygen.status == 0, "\(keygen)")
        #expect(keygen.stdout.contains("(encrypted)"))
        let pem = try String(contentsOfFile: workspace.path("li.pem"), encoding: .utf8)
        #expect(pem.hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
        #expect(Self.mode(workspace.path("li.pem")) == 0o600)
        for output in [keygen.stdout, keygen.stderr, pem] { #expect(!output.contains(passphrase) && !output.contains("菜园")) }

        // OpenSSL agrees: PBES2, AES-256-CBC, and the passphrase opens it.
        let parsed = try await Robust.sh("openssl asn1parse -in li.pem", in: workspace)
        #expect(parsed.stdout.contains("PBES2") && parsed.stdout.contains("aes-256-cbc"), "\(parsed)")
        let opened = try await Robust.sh("openssl pkey -in li.pem -passin env:LI_PASS -noout -text_pub", in: workspace, environment: environment)
        #expect(opened.status == 0, "\(opened)")
        let wrong = try await Robust.sh("openssl pkey -in li.pem -passin pass:wrong -noout", in: workspace)
        #expect(wrong.status != 0)

        // Signing with it: the right passphrase works; a wrong or missing one is a key error that never echoes it.
        let society = try await RobustSociety("encrypted-use")
        try FileManager.default.copyItem(atPath: workspace.path("li.pem"), toPath: society.path("li.pem"))
        try FileManager.default.copyItem(atPath: workspace.path("li.pem.pub"), toPath: society.path("li.pem.pub"))
        let proposal = try await society.append(["key", "add", "--role", "committee", "李会计=li.pem.pub"], key: "c1")
        try await society.append(["approve", "\(proposal)"], key: "c2")
        try await society.append(["approve", "\(proposal)"], key: "o1")
        let before = try society.entries()
        for (value, what) in [("菜园-42-秘密-passphrasX", "a wrong passphrase"), (passphrase + " ", "a passphrase with a trailing space")] {
            let result = try await society.run(["member", "add", "H001", "--name", "黄大伯", "--passphrase-env", "LI_PASS"], key: "li",
                environment: ["LI_PASS": value])
            result.expectCleanFailure(what, exit: [4], mentions: ["the passphrase does not open", "li.pem"])
            #expect(!result.stderr.contains("菜园") && !result.stdout.contains("菜园"), "\(what) echoed: \(result)")
        }
        let unset = try await society.run(["member", "add", "H001", "--name", "黄大伯", "--passphrase-env", "NOT_SET"], key: "li")
        unset.expectCleanFailure("an unset passphrase variable", exit: [4], mentions: ["NOT_SET"])
        let noTerminal = try await society.run(["member", "add", "H001", "--name", "黄大伯"], key: "li")
        noTerminal.expectCleanFailure("an encrypted key without a passphrase or terminal", exit: [4], mentions: ["--passphrase-env"])
        #expect(try society.entries() == before)
        let right = try await society.run(["member", "add", "H001", "--name", "黄大伯", "--passphrase-env", "LI_PASS"], key: "li",
            environment: environment)
        #expect(right.status == 0, "\(right)")
        #expect(!right.stdout.contains("菜园") && !right.stderr.contains("菜园"))
    }

    /// The subcommands of `ledger` (and of its command groups), from the help text.
    static func subcommands(_ path: [String], in workspace: Workspace) async throws -> [[String]] {
        let help = try await Robust.ledger(["help"] + path, in: workspace)
        guard let section = help.stdout.range(of: "SUBCOMMANDS:") else { return [path] }
        var found: [[String]] = [path]
        for line in help.stdout[section.upperBound...].split(separator: "\n") {
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first, name != "See" else { continue }
            found += try await subcommands(path + [String(name)], in: workspace)
        }
        return found
    }

    /// A passphrase can only come from a terminal prompt or an environment variable: no option of any command
    /// takes one (`--passphrase-env` takes the variable's name), and a passphrase typed as an option by mistake is
    /// refused without being repeated.
    @Test func noOptionTakesAPassphraseOrKeyMaterial() async throws {
        let workspace = try Workspace("options")
        let commands = try await Self.subcommands([], in: workspace)
        #expect(commands.count > 30, "\(commands)")
        var options: Set<String> = []
        for command in commands {
            let help = try await Robust.ledger(["help"] + command, in: workspace)
            guard let usage = help.stdout.split(separator: "\n").first(where: { $0.hasPrefix("USAGE:") }) else { continue }
            let tokens = usage.split(separator: " ").map(String.init)
            for (index, token) in tokens.enumerated() {
                let name = token.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
                guard name.hasPrefix("--") else { continue }
                let takesValue = index + 1 < tokens.count && tokens[index + 1].trimmingCharacters(in: CharacterSet(charactersIn: "[]")).hasPrefix("<")
                options.insert(takesValue ? name + " <value>" : name)
            }
        }
        let secretish = options.filter { option in
            ["pass", "secret", "pin", "seed", "private", "pwd"].contains { option.lowercased().contains($0) }
        }
        #expect(secretish == ["--passphrase-env <value>", "--no-passphrase"], "options that might take a secret: \(secretish.sorted())")
        for arguments in [["keygen", "--holder", "某", "--out", "k.pem", "--passphrase", "hunter2-秘"],
            ["keygen", "--holder", "某", "--out", "k.pem", "--passphrase=hunter2-秘"],
            ["member", "add", "H1", "--name", "某", "--password", "hunter2-秘"]]
        {
            let result = try await Robust.ledger(arguments, in: workspace)
            #expect(result.status == 64, "\(arguments): \(result)")
            #expect(!result.stderr.contains("hunter2") && !result.stdout.contains("hunter2"), "\(arguments) repeated the secret: \(result)")
            #expect(!FileManager.default.fileExists(atPath: workspace.path("k.pem")))
        }
        print("options of \(commands.count) commands checked: \(options.count) distinct")
    }

    /// Damaged key files, plain and encrypted: a key error naming the file, nothing written, no key bytes shown.
    @Test func damagedKeyFilesGiveClearErrors() async throws {
        let society = try await RobustSociety("damaged-keys")
        let passphrase = "正确的口令"
        try RobustSociety.writeKey(TestKeys.committee2, to: society.path("enc.pem"), passphrase: passphrase)
        let plain = try String(contentsOfFile: society.path("c2.pem"), encoding: .utf8)
        let encrypted = try String(contentsOfFile: society.path("enc.pem"), encoding: .utf8)
        func body(_ pem: String) -> String { pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined() }
        func flip(_ pem: String, at fraction: Double) -> String {
            var lines = pem.split(separator: "\n").map(String.init)
            var characters = Array(lines[1])
            let index = Int(Double(characters.count - 1) * fraction)
            characters[index] = characters[index] == "A" ? "B" : "A"
            lines[1] = String(characters)
            return lines.joined(separator: "\n") + "\n"
        }
        var rsa = ""
        let rsaResult = try await Robust.sh("openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 2>/dev/null", in: society.workspace)
        if rsaResult.status == 0 { rsa = rsaResult.stdout }
        // A plain PKCS#8 file has no checksum: a changed character of the seed is simply another key, which the
        // ledger does not know (refused by the rules, exit 2, below). Everything else is a key error.
        let seedChanged = flip(plain, at: 0.9)
        let cases: [(String, String, Bool)] = [
            ("a plain key with its tag changed", flip(plain, at: 0.1), false),
            ("a plain key cut in half", String(plain.prefix(plain.count / 2)), false),
            ("an empty file", "", false),
            ("binary garbage", String(decoding: (0..<300).map { UInt8(($0 * 37 + 11) % 256) }, as: UTF8.self), false),
            ("a public key given as the private key", try String(contentsOfFile: society.path("c2.pem.pub"), encoding: .utf8), false),
            ("an RSA key", rsa, false),
            ("an encrypted key with its ciphertext changed", flip(encrypted, at: 0.8), true),
            ("an encrypted key cut in half", String(encrypted.prefix(encrypted.count / 2)), true),
            ("an encrypted key with its salt changed", flip(encrypted, at: 0.3), true),
        ]
        let before = try society.entries()
        try seedChanged.write(toFile: society.path("other.pem"), atomically: true, encoding: .utf8)
        chmod(society.path("other.pem"), 0o600)
        let other = try await society.run(["record", "donation", "--donor", "某人", "--amount", "5"], key: "other")
        other.expectCleanFailure("a plain key with one seed character changed", exit: [2], mentions: ["[unknown_key]", "is not a key of this ledger"])
        for (what, contents, withPassphrase) in cases where !contents.isEmpty || what == "an empty file" {
            let path = society.path("broken.pem")
            try? FileManager.default.removeItem(atPath: path)
            _ = FileManager.default.createFile(atPath: path, contents: Data(contents.utf8), attributes: [.posixPermissions: 0o600])
            let result = try await society.run(
                ["record", "donation", "--donor", "某人", "--amount", "5"] + (withPassphrase ? ["--passphrase-env", "PASS"] : []),
                key: "broken", environment: ["PASS": passphrase])
            result.expectCleanFailure(what, exit: [4], mentions: ["broken.pem"])
            #expect(!result.stderr.contains(body(plain)) && !result.stderr.contains(passphrase), "\(what) shows secrets: \(result)")
            #expect(try society.entries() == before, "\(what): something was written")
        }
    }

    /// Every spelling of a private key that could leak: its seed in hex (both cases), base64 and raw, and its PKCS#8
    /// DER in base64 (the PEM body) and hex.
    static func spellings(ofPEM pem: String) throws -> [(String, [UInt8])] {
        let base64 = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        let der = try #require(Data(base64Encoded: base64).map { [UInt8]($0) })
        let seed = Array(der.suffix(32))
        let seedBase64 = Data(seed).base64EncodedString()
        return [
            ("seed hex", Array(Hex.encode(seed).utf8)), ("seed HEX", Array(Hex.encode(seed).uppercased().utf8)),
            ("seed base64", Array(seedBase64.utf8)), ("seed base64 without padding", Array(seedBase64.replacingOccurrences(of: "=", with: "").utf8)),
            ("seed base64url", Array(seedBase64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "").utf8)),
            ("seed bytes", seed), ("PEM body", Array(base64.utf8)), ("DER hex", Array(Hex.encode(der).utf8)), ("DER bytes", der),
            ("seed hex, first half", Array(Hex.encode(Array(seed.prefix(16))).utf8)),
        ]
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count, let first = needle.first else { return false }
        var index = 0
        while index <= haystack.count - needle.count {
            guard let start = haystack[index...(haystack.count - needle.count)].firstIndex(of: first) else { return false }
            if haystack[start..<start + needle.count].elementsEqual(needle) { return true }
            index = start + 1
        }
        return false
    }

    /// A full `ledger demo`, then the commands it suggests and the audit, receipt and notice: not one output and not
    /// one file except the private key files themselves holds any private key in any spelling.
    @Test func aFullDemoRunLeaksNoPrivateKey() async throws {
        let workspace = try Workspace("demo-secrets")
        let demo = workspace.path("demo")
        var outputs: [(String, ProcessOutcome)] = []
        let run = try await Robust.ledger(["demo", "--dir", demo], in: workspace)
        #expect(run.status == 0, "\(run)")
        outputs.append(("demo", run))
        let db = demo + "/ledger.db"
        let pending = try await Robust.ledger(["pending", "--ledger", db, "--json"], in: workspace)
        outputs.append(("pending", pending))
        for arguments in [
            ["verify", db], ["verify", demo + "/tampered.jsonl"], ["balance", "H01", "--ledger", db], ["pending", "--ledger", db],
            ["log", "--member", "H01", "--ledger", db], ["keys", "--ledger", db, "--note"], ["show", "3", "--ledger", db],
            ["record", "donation", "--donor", "爱心人士", "--amount", "500", "--ledger", db, "--key", demo + "/keys/li.pem"],
            ["audit", "--ledger", db, "--key", demo + "/keys/zhang.pem"],
            ["receipt", "3", "--ledger", db, "--out", demo + "/receipt-3.json", "--html", demo + "/receipt-3.html"],
            ["notice", "--ledger", db, "--html", demo + "/notice.html"], ["statement", "H01", "--ledger", db],
            ["export", "--ledger", db, "--out", demo + "/export.jsonl"], ["report", "--ledger", db],
            ["prove", "3", "--ledger", db], ["verify", db, "--json"],
        ] {
            let result = try await Robust.ledger(arguments, in: workspace)
            result.expectNoCrash("\(arguments)")
            outputs.append(("\(arguments.prefix(2))", result))
        }
        let keyFiles = try FileManager.default.contentsOfDirectory(atPath: demo + "/keys").filter { $0.hasSuffix(".pem") }
        #expect(keyFiles.count >= 5, "\(keyFiles)")
        var secrets: [(String, String, [UInt8])] = []
        for file in keyFiles {
            #expect(Self.mode(demo + "/keys/" + file) == 0o600, "\(file)")
            let pem = try String(contentsOfFile: demo + "/keys/" + file, encoding: .utf8)
            for (spelling, bytes) in try Self.spellings(ofPEM: pem) { secrets.append((file, spelling, bytes)) }
        }
        // Everything written: every file under the demo folder (ledger, WAL, exports, receipts, pages, public
        // keys), except the private key files; and every output.
        var haystacks: [(String, [UInt8])] = outputs.flatMap { [("stdout of \($0.0)", Array($0.1.stdout.utf8)), ("stderr of \($0.0)", Array($0.1.stderr.utf8))] }
        let enumerator = try #require(FileManager.default.enumerator(atPath: demo))
        for case let file as String in enumerator {
            let path = demo + "/" + file
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            if file.hasPrefix("keys/"), file.hasSuffix(".pem") { continue }
            haystacks.append((file, try #require(Robust.bytes(path))))
        }
        #expect(haystacks.count > 40)
        var comparisons = 0
        for (name, haystack) in haystacks {
            for (file, spelling, needle) in secrets {
                comparisons += 1
                #expect(!Self.contains(haystack, needle), "\(name) holds the private key of \(file) (\(spelling))")
            }
        }
        Figures.record("keys.demo_scan", ["outputs_and_files": haystacks.count, "keys": keyFiles.count,
            "spellings": secrets.count / max(keyFiles.count, 1), "comparisons": comparisons])
    }

    /// Revocation needs committee and oversight approval; it takes effect at the last of them — the revoked key
    /// still approves before that entry and never after — and a stolen revoked key cannot append anything.
    @Test func revocationTakesEffectAtTheRightSeqAndAStolenKeyCannotAppend() async throws {
        let society = try await RobustSociety("revocation")
        try await society.append(["member", "add", "H001", "--name", "黄大伯"], key: "c1")
        try await society.append(["record", "donation", "--donor", "爱心企业", "--amount", "10000"], key: "c2")
        let grant1 = try await society.append(["record", "grant", "--member", "H001", "--amount", "100", "--purpose", "助学"], key: "c1")
        let grant2 = try await society.append(["record", "grant", "--member", "H001", "--amount", "100", "--purpose", "助学"], key: "c1")
        let grant3 = try await society.append(["record", "grant", "--member", "H001", "--amount", "100", "--purpose", "助学"], key: "c1")
        let o2 = RobustSociety.keyID("o2")
        let revoke = try await society.append(["key", "revoke", o2, "--reason", "钥匙遗失"], key: "c1")
        try await society.append(["approve", "\(revoke)"], key: "c2")
        // Still active: the revocation lacks its oversight approval.
        try await society.append(["approve", "\(grant1)"], key: "o2")
        let effective = try await society.append(["approve", "\(revoke)"], key: "o1")
        let keys = try await society.run(["keys", "--json"])
        let record = (try keys.json()["keys"] as? [[String: Any]])?.first { $0["id"] as? String == o2 }
        #expect(record?["status"] as? String == "revoked", "\(keys)")

        // From the very next entry on, the stolen key can do nothing.
        let before = try society.entries()
        for arguments in [["approve", "\(grant2)"], ["reject", "\(grant3)", "--reason", "冒用"], ["audit"],
            ["key", "revoke", RobustSociety.keyID("o1"), "--reason", "报复"]]
        {
            let result = try await society.run(arguments, key: "o2")
            result.expectCleanFailure("\(arguments) with the revoked key", exit: [2], mentions: ["[inactive_key]", "revoked at entry \(effective)"])
        }
        #expect(try society.entries() == before)
        // The approval it gave while active still counts, and the ledger verifies.
        let verify = try await society.verify()
        #expect(verify.status == 0, "\(verify)")
        #expect(!(try verify.json()["pending"] as? [Int] ?? []).contains(grant1))
    }
}
