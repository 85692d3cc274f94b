import Foundation
import LedgerCore
import LedgerCrypto
import Testing

/// docs/FORMAT.md section 12 (C2SP signed notes) against `signed_note_c2sp.json`: `NoteVerifierKey`, `NoteSigner` and
/// `SignedNote` must read, write and judge notes exactly as the published vectors say.
@Suite struct SignedNoteVectorTests {
    /// The open cases this Ed25519-only implementation can run. Two kinds are left out:
    /// - cases that configure a type-0x04 (Ed25519 cosignature/v1) verifier key: the ledger signs and checks
    ///   plain Ed25519 (type 0x01) notes only (docs/FORMAT.md section 12), and `NoteVerifierKey(parsing:)` refuses
    ///   0x04 keys (tested below), so such a case cannot even be configured;
    /// - `ambiguousKey`: Go's `VerifierList` rejects the same key configured twice. That is a property of Go's
    ///   API, not of the note format; `SignedNote.verify(with:)` takes a plain list and looks keys up in it.
    static func applicableOpenCases() throws -> [NoteVectors.OpenCase] {
        try NoteVectors.load().openCases.filter { openCase in
            openCase.expect != "ambiguousKey" && openCase.verifierKeys.allSatisfy { vkeyType($0) == 0x01 }
        }
    }

    /// `name+hash` → `name`: the vectors name signers with their key hash, `verify` returns names.
    static func name(_ signer: String) -> String {
        String(signer.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false)[0])
    }

    @Test(arguments: try NoteVectors.load().verifierKeys.valid)
    func validVerifierKeys(vkey: String) throws {
        let parsed = NoteVerifierKey(parsing: vkey)
        switch vkeyType(vkey) {
        case 0x01:
            let key = try #require(parsed, "an Ed25519 vkey must parse: \(vkey)")
            #expect(key.encoded == vkey)
            #expect(key.name == SignedNoteVectorTests.name(vkey))
            #expect(NoteVerifierKey(name: key.name, publicKey: key.publicKey) == key)
        case 0x04:
            // A cosignature key is valid C2SP but not a key this ledger checks; it must not pass as plain Ed25519.
            #expect(parsed == nil)
        default:
            Issue.record("unexpected key type in \(vkey)")
        }
    }

    @Test(arguments: try NoteVectors.load().verifierKeys.invalid)
    func invalidVerifierKeysAreRefused(invalid: NoteVectors.InvalidKey) {
        #expect(NoteVerifierKey(parsing: invalid.vkey) == nil)
    }

    /// Every published test private key gives its published verifier key.
    @Test func signerKeysGiveTheirVerifierKeys() throws {
        var checked = 0
        for key in try NoteVectors.load().signerKeys.keys where vkeyType(key.vkey) == 0x01 {
            let signer: NoteSigner
            if key.skey.hasPrefix("PRIVATE+KEY+") {
                let parsed = try GoSignerKey(key.skey)
                signer = try parsed.signer()
                #expect(Hex.encode(signer.verifier.keyHash) == parsed.keyHashHex)
            } else {
                try #require(key.skey == "(Ed25519 seed = 32 zero bytes)", "no private key for \(key.vkey)")
                signer = NoteSigner(name: "EnochRoot", key: try Ed25519.PrivateKey(seed: [UInt8](repeating: 0, count: 32)))
            }
            #expect(signer.verifier.encoded == key.vkey)
            checked += 1
        }
        #expect(checked == 8)
    }

    @Test func signingGivesExactlyThePublishedNote() throws {
        let vectors = try NoteVectors.load().signingVectors.filter { $0.skey != nil }
        try #require(vectors.count == 1)
        for vector in vectors {
            let signer = try GoSignerKey(try #require(vector.skey)).signer()
            var note = SignedNote(text: try #require(vector.text))
            try note.sign(with: signer)
            #expect(note.formatted == vector.signedNote)
            // Signing again with the same key replaces the signature rather than adding a second line.
            try note.sign(with: signer)
            #expect(note.signatures.count == 1)
            #expect(try note.verify(with: [signer.verifier]) == [signer.name])
        }
    }

    /// The cosignature vector: keyID(4) ‖ timestamp(8, big-endian) ‖ Ed25519 over "cosignature/v1\ntime T\n" ‖ text.
    /// Checked with the primitives only, since the ledger writes plain Ed25519 signatures.
    @Test func theCosignatureVectorIsAnEd25519SignatureOfTheCosignedMessage() throws {
        let vectors = try NoteVectors.load()
        let vector = try #require(vectors.signingVectors.first { $0.cosignatureLine != nil })
        let text = try #require(vector.checkpointText)
        let timestamp = try #require(vector.timestamp)
        let message = try #require(vector.cosignedMessage)
        #expect(message == "cosignature/v1\ntime \(timestamp)\n" + text)
        let line = try #require(vector.cosignatureLine)
        try #require(line.hasPrefix("— ") && line.hasSuffix("\n"))
        let parts = line.dropFirst(2).dropLast().split(separator: " ")
        try #require(parts.count == 2)
        let name = String(parts[0])
        let bytes = try #require(Base64.decode(String(parts[1])))
        try #require(bytes.count == 4 + 8 + 64)
        let known = try #require(vectors.signerKeys.keys.first { $0.vkey.hasPrefix("Known+") })
        let key = try Ed25519.PrivateKey(seed: try GoSignerKey(known.skey).seed)
        let keyID = Array(SHA256.hash(Array(name.utf8), [0x0a, 0x04], key.publicKey.rawRepresentation).bytes.prefix(4))
        #expect(Array(bytes.prefix(4)) == keyID)
        let witness = try #require(vectors.signerKeys.keys.first { $0.vkey.hasPrefix(name + "+") })
        #expect(witness.vkey == "\(name)+\(Hex.encode(keyID))+\(Base64.encode([0x04] + key.publicKey.rawRepresentation))")
        #expect(bytes[4..<12].reduce(UInt64(0)) { $0 << 8 | UInt64($1) } == timestamp)
        let signature = Array(bytes.suffix(64))
        #expect(key.publicKey.isValidSignature(signature, for: Array(message.utf8)))
        #expect(try key.signature(for: Array(message.utf8)) == signature)
        // Over the bare checkpoint text (what a plain Ed25519 key would sign) it is not valid.
        #expect(!key.publicKey.isValidSignature(signature, for: Array(text.utf8)))
    }

    @Test(arguments: try applicableOpenCases())
    func openCase(vector: NoteVectors.OpenCase) throws {
        let keys = try vector.verifierKeys.map { vkey in try #require(NoteVerifierKey(parsing: vkey), "cannot configure \(vkey)") }
        // `SignedNote(parsing:)` takes a `String`, so bytes that are not UTF-8 can never reach it: the harness
        // refuses them here, as the CLI's `readText` does. Only the 0xff case is affected.
        guard let text = String(validating: try vector.bytes(), as: UTF8.self) else {
            #expect(vector.expect == "malformed")
            return
        }
        if vector.expect == "malformed" {
            #expect {
                _ = try SignedNote(parsing: text)
            } throws: { error in
                guard case .malformed = error as? SignedNote.Failure else { return false }
                return true
            }
            return
        }
        let note = try SignedNote(parsing: text)
        if let expected = vector.text { #expect(note.text == expected) }
        #expect(note.formatted == text, "a parsed note is written back byte for byte")
        switch vector.expect {
        case "verified":
            let expected = try #require(vector.verifiedSigners).map(SignedNoteVectorTests.name).sorted()
            #expect(try note.verify(with: keys) == expected)
        case "unverified":
            #expect(throws: SignedNote.Failure.unverified) { try note.verify(with: keys) }
        case "invalidSignature":
            #expect {
                _ = try note.verify(with: keys)
            } throws: { error in
                guard case .invalidSignature(let name) = error as? SignedNote.Failure else { return false }
                return keys.contains { $0.name == name }
            }
        default:
            Issue.record("unknown expectation \(vector.expect)")
        }
    }

    @Test(arguments: try NoteVectors.load().parseOnly)
    func parseOnlyExamples(vector: NoteVectors.ParseOnly) throws {
        if let base64 = vector.signatureBase64 {
            // Timestamp extraction from a cosignature: bytes 4..<12, big-endian.
            let bytes = try #require(Base64.decode(base64))
            #expect(Hex.encode(bytes.prefix(4)) == vector.keyIdHex)
            #expect(bytes[4..<12].reduce(UInt64(0)) { $0 << 8 | UInt64($1) } == vector.timestamp)
            return
        }
        let note = try SignedNote(parsing: try #require(vector.note))
        #expect(note.text == vector.text)
        #expect(note.formatted == vector.note)
        let expected = try #require(vector.signatures)
        #expect(note.signatures.map(\.name) == expected.map(\.keyName))
        #expect(note.signatures.map { Hex.encode($0.keyHash) } == expected.map(\.keyIdHex))
        #expect(note.signatures.map(\.signature.count) == expected.map(\.signatureBytes))
    }

    /// The generated checkpoint note is of the 8-leaf tree of `merkle_rfc6962.json`.
    @Test func theGeneratedCheckpointIsOfTheRFC6962Tree() throws {
        let notes = try NoteVectors.load()
        let checkpoint = try #require(notes.openCases.first { $0.desc.hasPrefix("GENERATED: checkpoint for the 8-leaf") })
        let note = try SignedNote(parsing: try #require(checkpoint.note))
        let lines = note.text.split(separator: "\n")
        try #require(lines.count == 3)
        #expect(lines[1] == "8")
        let root = try #require(Base64.decode(String(lines[2])))
        #expect(Hex.encode(root) == (try RFC6962Vectors.load()).rootsBySize.roots[8])
        #expect(try RFC6962Vectors.load().tree().root.bytes == root)
    }
}
