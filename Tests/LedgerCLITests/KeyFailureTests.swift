import Foundation
import LedgerTesting
import Testing

/// Key files that cannot be used: readable by others, encrypted without a passphrase, or with the wrong one.
@Suite struct KeyFailureTests {
    @Test func aPrivateKeyReadableByOthersIsRefused() async throws {
        let society = try await Society()
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: society.path("c1.pem"))
        try await society.expectUnchanged {
            let result = try await society.ledger(["member", "add", "H001", "--name", "黄大伯"], key: "c1")
            #expect(result.status == 4)
            #expect(result.stderr.contains("can be read by other users"))
            #expect(result.stderr.contains("chmod 600"))
        }
    }

    @Test func anEncryptedKeyWorksWithItsPassphrase() async throws {
        let society = try await Society()
        try Society.writeKey(TestKeys.committee2, to: society.path("locked.pem"), passphrase: "菜园 42")
        let result = try await society.ledger(
            ["member", "add", "H001", "--name", "黄大伯", "--passphrase-env", "LEDGER_PASS"], key: "locked",
            environment: ["LEDGER_PASS": "菜园 42"])
        #expect(result.status == 0, "\(result)")
        #expect(try society.state().members["H001"] != nil)
    }

    @Test func aWrongPassphraseExitsWithTheKeyCode() async throws {
        let society = try await Society()
        try Society.writeKey(TestKeys.committee2, to: society.path("locked.pem"), passphrase: "菜园 42")
        try await society.expectUnchanged {
            let result = try await society.ledger(
                ["member", "add", "H001", "--name", "黄大伯", "--passphrase-env", "LEDGER_PASS"], key: "locked",
                environment: ["LEDGER_PASS": "菜园 43"])
            #expect(result.status == 4)
            #expect(result.stderr.contains("the passphrase does not open"))
            #expect(!result.stderr.contains("菜园"))
        }
    }

    @Test func anEncryptedKeyWithoutAPassphraseOrTerminalExitsWithTheKeyCode() async throws {
        let society = try await Society()
        try Society.writeKey(TestKeys.committee2, to: society.path("locked.pem"), passphrase: "菜园 42")
        try await society.expectUnchanged {
            let result = try await society.ledger(["member", "add", "H001", "--name", "黄大伯"], key: "locked")
            #expect(result.status == 4)
            #expect(result.stderr.contains("a passphrase is needed"))
            #expect(result.stderr.contains("--passphrase-env"))
        }
        let unset = try await society.ledger(["member", "add", "H001", "--name", "黄大伯", "--passphrase-env", "NOT_SET_ANYWHERE"], key: "locked")
        #expect(unset.status == 4)
        #expect(unset.stderr.contains("NOT_SET_ANYWHERE"))
    }

    @Test func aKeyThatIsNotInTheLedgerIsRefused() async throws {
        let society = try await Society()
        try Society.writeKey(TestKeys.key("stranger"), to: society.path("stranger.pem"))
        let result = try await society.ledger(["member", "add", "H001", "--name", "黄大伯"], key: "stranger")
        #expect(result.status == 2)
        #expect(result.stderr.contains("[unknown_key]"))
    }
}
