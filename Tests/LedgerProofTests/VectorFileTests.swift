import Foundation
import LedgerCore
import LedgerCrypto
import Testing

/// Each vector file holds exactly the cases its README promises, so an empty or truncated file cannot pass the
/// parameterised tests silently.
@Suite struct VectorFileTests {
    @Test func theRFC6962FileHoldsEveryCase() throws {
        let vectors = try RFC6962Vectors.load()
        #expect(vectors.leafInputs.count == 8)
        #expect(vectors.leafHashes.count == 8)
        #expect(vectors.nodeHashes.levels.map(\.count) == [8, 4, 2, 1])
        #expect(vectors.rootsBySize.roots.count == 9)
        #expect(vectors.hasherKnownAnswers.count == 4)
        #expect(vectors.inclusionProofs.cases.count == 5)
        #expect(vectors.consistencyProofs.cases.count == 5)
        #expect(vectors.generatedGrid.inclusion.count == 36)
        #expect(vectors.generatedGrid.consistency.count == 28)
        #expect(try RFC6962Vectors.allInclusion().count == 41)
        #expect(try RFC6962Vectors.allConsistency().count == 33)
    }

    @Test func theProbeFileHolds98InclusionAnd98ConsistencyProbes() throws {
        let probes = try ProbeVectors.load()
        #expect(probes.inclusion.count == 98)
        #expect(probes.consistency.count == 98)
        // Six happy paths each; the rest must fail.
        #expect(probes.inclusion.filter { !$0.wantErr }.count == 6)
        #expect(probes.consistency.filter { !$0.wantErr }.count == 6)
        #expect(Set(probes.inclusion.map(\.file)).count == 98)
        #expect(Set(probes.consistency.map(\.file)).count == 98)
    }

    @Test func theSignedNoteFileHoldsEveryCase() throws {
        let vectors = try NoteVectors.load()
        #expect(vectors.verifierKeys.valid.count == 10)
        #expect(vectors.verifierKeys.valid.filter { vkeyType($0) == 0x01 }.count == 9)
        #expect(vectors.verifierKeys.invalid.count == 8)
        #expect(vectors.signerKeys.keys.count == 9)
        #expect(vectors.signingVectors.count == 2)
        #expect(vectors.openCases.count == 26)
        #expect(vectors.parseOnly.count == 4)
        let expectations = Dictionary(grouping: vectors.openCases, by: \.expect).mapValues(\.count)
        #expect(expectations == ["verified": 8, "unverified": 4, "invalidSignature": 3, "malformed": 10, "ambiguousKey": 1])
    }

    /// The cases the Ed25519-only implementation runs (see `SignedNoteVectorTests.applicableOpenCases`).
    @Test func theApplicableOpenCasesAreNotEmpty() throws {
        #expect(try SignedNoteVectorTests.applicableOpenCases().count == 23)
    }
}
