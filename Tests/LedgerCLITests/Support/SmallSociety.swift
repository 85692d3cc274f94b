import Foundation
import LedgerCore
import LedgerCrypto
import LedgerTesting
import Testing

/// A society set up through the `ledger` command line in a scratch folder:
/// keys chen, li (committee) and zhang, he (oversight), made with `ledger keygen --no-passphrase`; `a.db` with
/// 1–2 members H001 and H002 · 3–4 donations · 5 a sale for H001 · 6 a donation; then `ledger audit --key zhang.pem`,
/// which writes `note.txt` (a checkpoint of 7 entries) and records checkpoint entry 7.
struct SmallSociety {
    static let checkpointSize = 7
    static let entriesAfterAudit = 8

    let folder: TemporaryFolder
    let cli: LedgerCLI

    init() throws {
        folder = try TemporaryFolder()
        cli = try LedgerCLI(folder: folder.url)
        for (file, holder) in [("chen", "陈主任"), ("li", "李会计"), ("zhang", "张组长"), ("he", "何委员")] {
            try cli.ok(["keygen", "--holder", holder, "--out", "\(file).pem", "--no-passphrase"])
        }
        try cli.ok(["init", "--society", "测试村党群互助社", "--committee", "陈主任=chen.pem.pub", "--committee", "李会计=li.pem.pub",
            "--oversight", "张组长=zhang.pem.pub", "--oversight", "何委员=he.pem.pub", "--key", "chen.pem", "--ledger", "a.db"])
        let steps: [[String]] = [
            ["member", "add", "H001", "--name", "黄大伯", "--key", "chen.pem"],
            ["member", "add", "H002", "--name", "李阿婆", "--key", "chen.pem"],
            ["record", "donation", "--donor", "爱心企业", "--amount", "5000", "--key", "li.pem"],
            ["record", "donation", "--donor", "爱心超市", "--amount", "800", "--key", "li.pem"],
            ["record", "sale", "--member", "H001", "--product", "黄皮", "--quantity", "120", "--unit", "斤", "--amount", "960",
             "--fee", "48", "--key", "chen.pem"],
            ["record", "donation", "--donor", "爱心人士", "--amount", "300", "--key", "chen.pem"],
        ]
        for step in steps { try cli.ok(step + ["--ledger", "a.db"]) }
        try cli.write(try cli.ok(["audit", "--key", "zhang.pem", "--ledger", "a.db"]), to: "note.txt")
    }

    /// A private key written by `ledger keygen`.
    func privateKey(_ name: String) throws -> Ed25519.PrivateKey {
        try Ed25519.PrivateKey(pemRepresentation: try cli.read("\(name).pem"))
    }

    /// The ledger key id of a key written by `ledger keygen`.
    func keyID(_ name: String) throws -> KeyID {
        Rules.keyID(publicKey: try Ed25519.PublicKey(pemRepresentation: try cli.read("\(name).pem.pub")).rawRepresentation)
    }
}
