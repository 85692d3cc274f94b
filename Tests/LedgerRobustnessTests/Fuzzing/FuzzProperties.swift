// The properties the fuzzer checks, shared by the libFuzzer target (Fuzz/LedgerFuzz.swift, which compiles this file
// together with the sources of LedgerCrypto, LedgerCore and the JSON Lines reader) and by FuzzRegressionTests,
// which replays the kept corpus and every crasher through them in `swift test`.
//
// One input is read as the bytes of a `.jsonl` file and goes through four paths:
// 1. every line through `CanonicalJSON.parse` and `Entry(bytes:)`; an accepted line re-encodes to exactly its own bytes;
// 2. all lines through `ChainVerifier`, in batches; a failure is placed at a position that exists;
// 3. the input written to a file and read back by `JSONLinesReader` in small batches: the lines it hands over
//    are the lines of the file (over-long ones cut just past the limit) and a torn last line is flagged;
// 4. the rules themselves (`LedgerState.apply`): each decodable line is re-chained (seq, prev, time) and, when
//    its author is one of the fixed test keys, re-signed, so a mutated amount, target or key id reaches the
//    rules instead of stopping at the signature. The store's stricter mode must never accept an entry the
//    verifier refuses, a refused entry changes nothing, and no balance goes below zero.
import Foundation
import LedgerCore
import LedgerCrypto

#if canImport(LedgerStore)
    import LedgerStore
#endif

/// A property of the ledger code that an input broke.
struct FuzzPropertyViolation: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

struct FuzzProperties: @unchecked Sendable {
    /// Which paths run: letters d v r s (decoder, verifier, reader, rules).
    var paths: Set<Character> = ["d", "v", "r", "s"]
    /// The test keys of Tests/LedgerTesting (seed = SHA-256 of the name), by key id: the seed corpus uses them.
    let signers: [KeyID: Ed25519.PrivateKey]
    /// Where the reader path writes each input.
    let scratchPath: String

    init(scratchFolder: String) {
        var signers: [KeyID: Ed25519.PrivateKey] = [:]
        for name in ["committee-1", "committee-2", "committee-3", "oversight-1", "oversight-2", "oversight-3", "outsider"] {
            let key = try! Ed25519.PrivateKey(seed: SHA256.hash(Array(name.utf8)).bytes)
            signers[Rules.keyID(publicKey: key.publicKey.rawRepresentation)] = key
        }
        self.signers = signers
        scratchPath = "\(scratchFolder)/ledger-fuzz-\(getpid())-\(UUID().uuidString.prefix(8)).jsonl"
    }

    /// Runs every chosen path on one input.
    func check(_ input: [UInt8]) throws(FuzzPropertyViolation) {
        let lines = FuzzProperties.split(input)
        if paths.contains("d") { try decoder(lines.complete + (lines.torn.map { [$0] } ?? [])) }
        if paths.contains("v") { try verifier(lines) }
        if paths.contains("r") { try reader(input, expected: lines) }
        if paths.contains("s") { try rules(lines.complete) }
    }

    /// The lines of a `.jsonl` input as docs/FORMAT.md section 14 defines them: complete lines, and the bytes after the
    /// last newline (a torn last line) if any.
    static func split(_ input: [UInt8]) -> (complete: [[UInt8]], torn: [UInt8]?) {
        var complete: [[UInt8]] = []
        var start = 0
        for (index, byte) in input.enumerated() where byte == 0x0a {
            complete.append(Array(input[start..<index]))
            start = index + 1
        }
        return (complete, start < input.count ? Array(input[start...]) : nil)
    }

    func decoder(_ lines: [[UInt8]]) throws(FuzzPropertyViolation) {
        for line in lines.prefix(64) {
            // The parser is the canonicality check: anything it accepts is the one canonical spelling of its value.
            if let value = try? CanonicalJSON.parse(line), CanonicalJSON.encode(value) != line {
                throw FuzzPropertyViolation("parsed bytes that are not the canonical encoding of their value")
            }
            guard let entry = try? Entry(bytes: line) else { continue }
            let again = CanonicalJSON.encode(["body": entry.body.json, "sig": .string(Base64.encode(entry.signature))])
            guard again == line else { throw FuzzPropertyViolation("decoded an entry whose canonical encoding differs from its bytes") }
            guard entry.hash == Entry.hash(of: line), line.count <= Entry.maxBytes else { throw FuzzPropertyViolation("hash or length") }
        }
    }

    func verifier(_ lines: (complete: [[UInt8]], torn: [UInt8]?)) throws(FuzzPropertyViolation) {
        var verifier = ChainVerifier()
        var start = 0
        let all = Array(lines.complete.prefix(64))
        while start < all.count, verifier.failure == nil {
            verifier.verify(batch: Array(all[start..<min(start + 3, all.count)]))
            start += 3
        }
        if lines.torn != nil { verifier.failNext(.nonCanonical, en: "torn", zh: "torn") }
        switch verifier.finish() {
        case .valid(let summary):
            guard summary.entries == all.count, lines.torn == nil else {
                throw FuzzPropertyViolation("valid with \(summary.entries) of \(all.count) lines")
            }
        case .invalid(let error):
            guard let seq = error.seq, seq >= 0, seq <= all.count else {
                throw FuzzPropertyViolation("failure placed at \(String(describing: error.seq))")
            }
        }
    }

    func reader(_ input: [UInt8], expected: (complete: [[UInt8]], torn: [UInt8]?)) throws(FuzzPropertyViolation) {
        guard FileManager.default.createFile(atPath: scratchPath, contents: Data(input)) else { throw FuzzPropertyViolation("scratch file") }
        defer { unlink(scratchPath) }
        var reader: JSONLinesReader
        do { reader = try JSONLinesReader(path: scratchPath) } catch { throw FuzzPropertyViolation("reader: \(error)") }
        var read: [[UInt8]] = []
        while true {
            let batch: [[UInt8]]
            do { batch = try reader.next(3) } catch { throw FuzzPropertyViolation("reader: \(error)") }
            if batch.isEmpty { break }
            read += batch
        }
        var want = expected.complete.map { Array($0.prefix(Entry.maxBytes + 1)) }
        var torn = expected.torn != nil
        if let last = expected.torn, last.count > Entry.maxBytes {
            // An over-long last line is handed over (cut) as an invalid entry; whether it is also flagged as torn
            // depends on where the reads split it, and either way the entry at that position is invalid.
            want.append(Array(last.prefix(Entry.maxBytes + 1)))
            torn = reader.tornLastLine
        }
        guard read == want else { throw FuzzPropertyViolation("the reader handed over \(read.count) lines, expected \(want.count)") }
        guard reader.tornLastLine == torn else { throw FuzzPropertyViolation("torn flag \(reader.tornLastLine), expected \(torn)") }
    }

    func rules(_ lines: [[UInt8]]) throws(FuzzPropertyViolation) {
        var state = LedgerState()
        var tree = MerkleTree()
        var payloads: [Int: Payload] = [:]
        for line in lines.prefix(48) {
            guard let decoded = try? Entry(bytes: line) else { continue }
            var body = decoded.body
            body.seq = state.count
            body.prev = state.head
            if let last = state.lastTime, body.time < last { body.time = last }
            var entry = decoded
            if body != decoded.body {
                guard let key = signers[body.author], let signed = try? Entry.sign(body, with: key) else { continue }
                entry = signed
            }
            let snapshotTree = tree
            let snapshotPayloads = payloads
            func context(_ mode: ApplyContext.Mode, _ signature: ApplyContext.Signature) -> ApplyContext {
                ApplyContext(mode: mode, signature: signature, earlierPayload: { snapshotPayloads[$0] },
                    merkleRoot: { size in snapshotTree.root(size: size) })
            }
            // A store (append mode, stricter) must never accept what a verifier refuses, nor reach another state.
            var verified = state
            var verifyError: LedgerError?
            do { try verified.apply(entry, context: context(.verify, .check)) } catch { verifyError = error }
            var appended = state
            var appendError: LedgerError?
            let signatureValid = verifyError?.code != .badSignature
            do { try appended.apply(entry, context: context(.append(now: entry.body.time), .checked(valid: signatureValid))) } catch {
                appendError = error
            }
            if appendError == nil {
                if let verifyError { throw FuzzPropertyViolation("a store accepts what a verifier refuses: \(verifyError)") }
                guard appended == verified else { throw FuzzPropertyViolation("store and verifier reach different states") }
            }
            if let verifyError {
                guard verified == state else { throw FuzzPropertyViolation("a refused entry changed the state: \(verifyError)") }
                continue
            }
            if appendError != nil, appended != state { throw FuzzPropertyViolation("an entry the store refused changed its state") }
            state = verified
            guard state.count == entry.seq + 1, state.head == entry.hash else { throw FuzzPropertyViolation("count or head") }
            tree.append(entry.hash)
            payloads[entry.seq] = entry.payload
            for fund in state.funds.values where fund.cash < 0 || fund.inKind < 0 { throw FuzzPropertyViolation("fund \(fund.id) below zero") }
            for member in state.members.values where member.balance < 0 { throw FuzzPropertyViolation("member \(member.id) below zero") }
        }
    }
}
