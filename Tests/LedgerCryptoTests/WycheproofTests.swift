import LedgerCrypto
import Testing

/// Wycheproof `ed25519_test.json`: edge cases that a verifier must accept or reject.
@Suite struct WycheproofTests {
    @Test func theFileHolds151Cases() throws {
        let file = try WycheproofCase.file()
        let cases = try WycheproofCase.all()
        #expect(file.numberOfTests == 151)
        #expect(cases.count == 151)
        #expect(Set(cases.map(\.tcId)).count == 151, "tcIds are unique")
        #expect(cases.filter { $0.result == .valid }.count == 88)
        #expect(cases.filter { $0.result == .invalid }.count == 63)
    }

    /// `valid` must verify, `invalid` must not; a public key that does not load counts as a rejection.
    @Test(arguments: try WycheproofCase.all())
    func verifierGivesTheExpectedResult(_ testCase: WycheproofCase) {
        let publicKey = try? Ed25519.PublicKey(rawRepresentation: testCase.publicKey)
        if testCase.result == .valid {
            #expect(publicKey != nil, "the key of a valid case must load")
        }
        let accepted = publicKey?.isValidSignature(testCase.signature, for: testCase.message) ?? false
        #expect(accepted == (testCase.result == .valid))
    }

    /// Each group's SubjectPublicKeyInfo PEM loads to the same key as its raw `pk`.
    @Test func groupPEMKeysMatchTheRawKeys() throws {
        let groups = try WycheproofCase.file().testGroups
        #expect(groups.count > 0)
        for group in groups {
            let fromPEM = try Ed25519.PublicKey(pemRepresentation: group.publicKeyPem)
            #expect(Hex.encode(fromPEM.rawRepresentation) == group.publicKey.pk)
        }
    }
}
