import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore
import Testing

/// Published checkpoints, proofs and receipts through the `ledger` executable (docs/FORMAT.md sections 9 and 12, docs/COMMANDS.md).
@Suite struct CLIProofTests {
    /// The same genesis and keys, a different entry 5, everything after it re-signed with the real private keys:
    /// a valid ledger on its own, which only a published checkpoint exposes.
    @Test func rewrittenHistoryPassesVerifyButNotTheCheckpoint() throws {
        let society = try SmallSociety()
        let cli = society.cli
        let original = try SQLiteLedger.open(at: cli.path("a.db"), readOnly: true).entries()
        let expectedCount: Int = SmallSociety.entriesAfterAudit
        try #require(original.count == expectedCount)
        let chen = try society.privateKey("chen")
        let li = try society.privateKey("li")
        let zhang = try society.privateKey("zhang")
        do {
            let now = Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
            let forged = try SQLiteLedger.create(at: cli.path("b.db"), genesis: original[0], now: now)
            for entry in original[1..<5] { try forged.append(entry, now: now) }
            // Entry 5 was a sale of 960 yuan with a 48 yuan fee; now half of it.
            let halfAmount: Fen = 48_000
            let halfFee: Fen = 2_400
            try forged.append(.sale(Sale(member: "H001", product: "黄皮", quantity: "120", unit: "斤", amount: halfAmount, fee: halfFee)),
                signer: chen, now: now)
            try forged.append(.donation(Donation(donor: "爱心人士", amount: 30_000)), signer: chen, now: now)
            let forgedRoot = try forged.merkleRoot(size: SmallSociety.checkpointSize)
            try forged.append(.checkpoint(Checkpoint(size: SmallSociety.checkpointSize, root: forgedRoot)), signer: zhang, now: now)
            try forged.append(.donation(Donation(donor: "爱心企业", amount: 10_000)), signer: li, now: now)
            let copy = try forged.entries()
            #expect(copy[0].bytes == original[0].bytes)
            #expect(copy[4].bytes == original[4].bytes)
            #expect(copy[5].hash != original[5].hash)
        }
        let plain = try cli.run(["verify", "b.db"])
        #expect(plain.status == 0, "\(plain)")
        // Even pinned to the published genesis hash: same genesis, same keys, every signature valid.
        let pinned = try cli.run(["verify", "b.db", "--genesis", original[0].hash.hex, "--json"])
        #expect(pinned.status == 0, "\(pinned)")
        #expect(try pinned.json()["valid"] as? Bool == true)
        let honest = try cli.run(["verify", "a.db", "--checkpoint", "note.txt"])
        #expect(honest.status == 0, "\(honest)")

        let caught = try cli.run(["verify", "b.db", "--checkpoint", "note.txt", "--json"])
        #expect(caught.status == 1, "\(caught)")
        let report = try caught.json()
        #expect(report["valid"] as? Bool == false)
        #expect(report["code"] as? String == "checkpoint_mismatch")
        #expect(report["kind"] as? String == "checkpoint")
    }

    /// Only the first entries of an export, imported into a new file: valid, but shorter than what was signed.
    @Test func aTruncatedLedgerFailsTheCheckpointAsTruncated() throws {
        let society = try SmallSociety()
        let cli = society.cli
        try cli.ok(["export", "--ledger", "a.db", "--out", "a.jsonl"])
        let lines = try cli.read("a.jsonl").split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines: Int = SmallSociety.entriesAfterAudit + 1  // the last newline leaves an empty piece
        try #require(lines.count == expectedLines)
        for kept in [4, SmallSociety.checkpointSize - 1] {
            try cli.write(lines.prefix(kept).joined(separator: "\n") + "\n", to: "first-\(kept).jsonl")
            try cli.ok(["import", "first-\(kept).jsonl", "--ledger", "t\(kept).db"])
            let plain = try cli.run(["verify", "t\(kept).db"])
            #expect(plain.status == 0, "\(plain)")
            for target in ["t\(kept).db", "first-\(kept).jsonl"] {
                let caught = try cli.run(["verify", target, "--checkpoint", "note.txt", "--json"])
                #expect(caught.status == 1, "\(caught)")
                #expect(try caught.json()["code"] as? String == "ledger_truncated", "\(target)")
            }
        }
        // Keeping exactly the checkpoint's entries is not truncation.
        try cli.write(lines.prefix(SmallSociety.checkpointSize).joined(separator: "\n") + "\n", to: "first-7.jsonl")
        let whole = try cli.run(["verify", "first-7.jsonl", "--checkpoint", "note.txt"])
        #expect(whole.status == 0, "\(whole)")
    }

    @Test func aCosignedCheckpointCarriesBothSignaturesAndVerifies() throws {
        let society = try SmallSociety()
        let cli = society.cli
        let cosigned = try cli.ok(["checkpoint", "cosign", "note.txt", "--key", "he.pem", "--ledger", "a.db"])
        try cli.write(cosigned, to: "cosigned.txt")
        let note = try SignedNote(parsing: cosigned)
        let original = try SignedNote(parsing: try cli.read("note.txt"))
        #expect(note.text == original.text)
        #expect(note.signatures.map(\.name) == [try society.keyID("zhang"), try society.keyID("he")])
        #expect(Array(note.signatures.prefix(1)) == original.signatures)

        let checked = try cli.run(["checkpoint", "verify", "cosigned.txt", "--ledger", "a.db", "--json"])
        #expect(checked.status == 0, "\(checked)")
        let report = try checked.json()
        #expect(report["valid"] as? Bool == true)
        #expect(report["size"] as? Int == SmallSociety.checkpointSize)
        #expect((report["signers"] as? [String])?.sorted() == [try society.keyID("zhang"), try society.keyID("he")].sorted())

        // The same check from the full verifier.
        let verified = try cli.run(["verify", "a.db", "--checkpoint", "cosigned.txt"])
        #expect(verified.status == 0, "\(verified)")

        // One changed character and the note is refused.
        try cli.write(cosigned.replacingOccurrences(of: "\n7\n", with: "\n6\n"), to: "altered.txt")
        let altered = try cli.run(["checkpoint", "verify", "altered.txt", "--ledger", "a.db", "--json"])
        #expect(altered.status == 1, "\(altered)")
        #expect(try altered.json()["code"] as? String == "bad_checkpoint_note")
    }

    @Test func proofsAreCheckedOfflineAgainstTheSignedCheckpoint() throws {
        let society = try SmallSociety()
        let cli = society.cli
        let keys = try cli.ok(["keys", "--note", "--ledger", "a.db"])
        try cli.write(keys, to: "keys.txt")
        let vkeys = keys.split(separator: "\n").map(String.init)
        #expect(vkeys.count == 4)
        #expect(vkeys.allSatisfy { NoteVerifierKey(parsing: $0) != nil })

        let proofText = try cli.ok(["prove", "3", "--ledger", "a.db"])
        try cli.write(proofText, to: "proof.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(proofText.utf8)) as? [String: Any])
        let proof = try #require(InclusionProof(json: object))
        #expect(proof.index == 3)
        #expect(proof.size == SmallSociety.checkpointSize, "proves against the kept checkpoint by default")
        #expect(proof.isValid)
        #expect(proof.leaf == (try #require(try SQLiteLedger.open(at: cli.path("a.db"), readOnly: true).entry(3))).hash)
        let good = try cli.run(["verify-proof", "proof.json", "--checkpoint", "note.txt", "--keys", "keys.txt"])
        #expect(good.status == 0, "\(good)")

        // One hash of the path altered (its last hex digit changed).
        let first = try #require(proof.path.first?.hex)
        let altered = String(first.dropLast()) + (first.hasSuffix("0") ? "1" : "0")
        try cli.write(proofText.replacingOccurrences(of: first, with: altered), to: "bad-proof.json")
        let bad = try cli.run(["verify-proof", "bad-proof.json", "--checkpoint", "note.txt", "--keys", "keys.txt"])
        #expect(bad.status == 1, "\(bad)")
        #expect(bad.stderr.contains("bad_proof"))

        // Keys that did not sign the checkpoint prove nothing.
        let zhang = try society.keyID("zhang")
        try cli.write(vkeys.filter { !$0.hasPrefix(zhang) }.joined(separator: "\n") + "\n", to: "other-keys.txt")
        let untrusted = try cli.run(["verify-proof", "proof.json", "--checkpoint", "note.txt", "--keys", "other-keys.txt"])
        #expect(untrusted.status == 1, "\(untrusted)")

        // A consistency proof from the checkpoint to the current ledger.
        try cli.write(try cli.ok(["prove", "--from", "7", "--to", "8", "--ledger", "a.db"]), to: "consistency.json")
        let consistent = try cli.run(["verify-proof", "consistency.json", "--checkpoint", "note.txt", "--keys", "keys.txt"])
        #expect(consistent.status == 0, "\(consistent)")
    }

    @Test func receiptsAreCheckedOfflineAndRefuseAlteredEntries() throws {
        let society = try SmallSociety()
        let cli = society.cli
        try cli.write(try cli.ok(["keys", "--note", "--ledger", "a.db"]), to: "keys.txt")
        try cli.ok(["receipt", "3", "--out", "r.json", "--ledger", "a.db"])
        let good = try cli.run(["verify-receipt", "r.json", "--keys", "keys.txt", "--json"])
        #expect(good.status == 0, "\(good)")
        let report = try good.json()
        #expect(report["valid"] as? Bool == true)
        #expect(report["seq"] as? Int == 3)
        #expect(report["trusted_keys"] as? Bool == true)

        // The donation's amount raised in the receipt's copy of the entry: still canonical, no longer signed.
        let receipt = try cli.read("r.json")
        let amount = "\\\"amount\\\":500000"
        try #require(receipt.contains(amount), "the receipt holds entry 3's exact text")
        try cli.write(receipt.replacingOccurrences(of: amount, with: "\\\"amount\\\":900000"), to: "r-altered.json")
        let altered = try cli.run(["verify-receipt", "r-altered.json", "--keys", "keys.txt", "--json"])
        #expect(altered.status == 1, "\(altered)")
        #expect(try altered.json()["code"] as? String == "bad_signature")
    }

    /// An entry altered so that it is no longer canonical JSON is as much a forgery as one with a changed amount,
    /// and `ledger verify` reports non-canonical entries as invalid (exit 1); `verify-receipt` should too.
    @Test func aReceiptWithANonCanonicalEntryIsInvalid() throws {
        let society = try SmallSociety()
        let cli = society.cli
        try cli.write(try cli.ok(["keys", "--note", "--ledger", "a.db"]), to: "keys.txt")
        try cli.ok(["receipt", "3", "--out", "r.json", "--ledger", "a.db"])
        let receipt = try cli.read("r.json")
        let amount = "\\\"amount\\\":500000"
        try #require(receipt.contains(amount))
        try cli.write(receipt.replacingOccurrences(of: amount, with: "\\\"amount\\\": 500000"), to: "r-spaced.json")
        let spaced = try cli.run(["verify-receipt", "r-spaced.json", "--keys", "keys.txt"])
        #expect(spaced.status != 0, "\(spaced)")
        #expect(spaced.status == 1, "\(spaced)")
    }
}
