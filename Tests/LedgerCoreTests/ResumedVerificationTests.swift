import LedgerCore
import LedgerCrypto
import LedgerTesting
import Testing

/// Verification resumed at a size from a state snapshot and a Merkle frontier (what `verify --since` does) gives
/// exactly what a full verification gives, and catches what it catches.
@Suite struct ResumedVerificationTests {
    /// A full verification of the first `size` entries: the state and tree a resume starts from.
    static func verified(_ lines: [[UInt8]], upTo size: Int) -> ChainVerifier {
        var verifier = ChainVerifier()
        verifier.verify(batch: Array(lines[..<size]))
        return verifier
    }

    /// Resumes at `size` from the snapshot's bytes and the frontier, and verifies the rest.
    static func resumed(_ lines: [[UInt8]], at size: Int, earlierRoots: MerkleTree?) throws -> ChainVerifier {
        let before = verified(lines, upTo: size)
        let snapshot = try StateSnapshot(bytes: StateSnapshot(state: before.state).bytes)
        let tree = try #require(MerkleTree(size: size, frontier: try before.tree.frontier(size: size)))
        var verifier = ChainVerifier(resumingFrom: snapshot.state, tree: tree)
        verifier.verify(batch: Array(lines[size...]), earlierEntry: { lines.indices.contains($0) ? lines[$0] : nil },
            earlierRoot: earlierRoots.map { full in { full.root(size: $0) } })
        return verifier
    }

    @Test func aFrontierGivesTheSameRootsAsTheFullTree() throws {
        var full = MerkleTree()
        for leaf in 0..<70 { full.append(SHA256.hash([UInt8(leaf)])) }
        for start in 0...70 {
            var resumed = try #require(MerkleTree(size: start, frontier: try full.frontier(size: start)))
            #expect(resumed.startSize == start)
            for leaf in start..<70 { resumed.append(full.node(level: 0, index: leaf)) }
            for size in start...70 { #expect(resumed.root(size: size) == full.root(size: size), "resumed at \(start), root at \(size)") }
        }
        #expect(MerkleTree(size: 5, frontier: [SHA256.hash([1])]) == nil)
    }

    @Test func aSnapshotEncodesTheSameStateToTheSameBytes() throws {
        let lines = try SampleLedger().lines
        for size in [1, 12, 20, 30, lines.count] {
            let state = Self.verified(lines, upTo: size).state
            let snapshot = StateSnapshot(state: state)
            #expect(StateSnapshot(state: state).bytes == snapshot.bytes)
            let read = try StateSnapshot(bytes: snapshot.bytes)
            #expect(read.state == state)
            #expect(read.hash == SHA256.hash(snapshot.bytes))
        }
        let state = Self.verified(lines, upTo: 30).state
        var spaced = StateSnapshot(state: state).bytes
        spaced.insert(UInt8(ascii: " "), at: 1)
        #expect(throws: LedgerError.self) { try StateSnapshot(bytes: spaced) }
    }

    /// At every size, resuming gives the summary a full verification gives: reversals of entries before the resume
    /// point, approvals of entries pending at it, and checkpoint entries of earlier sizes included.
    @Test func resumingAtAnySizeMatchesAFullVerification() throws {
        let sample = try SampleLedger()
        let lines = sample.lines
        let full = Self.verified(lines, upTo: lines.count)
        guard case .valid(let expected) = full.finish() else { Issue.record("the sample does not verify"); return }
        for size in 1..<lines.count {
            let verifier = try Self.resumed(lines, at: size, earlierRoots: full.tree)
            guard case .valid(let summary) = verifier.finish() else {
                Issue.record("resumed at \(size): \(String(describing: verifier.failure))")
                continue
            }
            #expect(summary == expected, "resumed at \(size)")
            #expect(verifier.state == full.state, "resumed at \(size)")
        }
    }

    @Test func aCheckpointEntryBeforeTheResumePointNeedsItsRoot() throws {
        var ledger = try SampleLedger().ledger
        try ledger.append(.checkpoint(Checkpoint(size: 10, root: ledger.tree.root(size: 10))), by: TestKeys.oversight1)
        let lines = ledger.bytes
        let resumeAt = lines.count - 1
        let refused = try Self.resumed(lines, at: resumeAt, earlierRoots: nil)
        #expect(refused.failure?.seq == resumeAt)
        #expect(refused.failure?.code == .badCheckpoint)
        let full = Self.verified(lines, upTo: lines.count)
        #expect(try Self.resumed(lines, at: resumeAt, earlierRoots: full.tree).failure == nil)
    }

    @Test func aBadSignatureAfterTheResumePointIsCaughtAtItsSeq() throws {
        var lines = try SampleLedger().lines
        let target = 30
        var text = String(decoding: lines[target], as: UTF8.self)
        let signature = try #require(text.range(of: "\"sig\":\""))
        let at = text.index(signature.upperBound, offsetBy: 5)
        text.replaceSubrange(at...at, with: text[at] == "A" ? "B" : "A")
        lines[target] = Array(text.utf8)
        let verifier = try Self.resumed(lines, at: 25, earlierRoots: nil)
        #expect(verifier.failure?.seq == target)
        #expect(verifier.failure?.code == .badSignature)
    }
}
