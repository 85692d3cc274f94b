import ArgumentParser
import LedgerCore
import LedgerKit

/// Verifier keys for offline checks: a file from `ledger keys --note` and/or keys given one by one.
struct VerifierKeyOptions: ParsableArguments {
    @Option(help: ArgumentHelp(t("File of verifier keys, one per line (from `ledger keys --note`).", "验证密钥文件，每行一个（由 `ledger keys --note` 生成）。")))
    var keys: String?

    @Option(help: ArgumentHelp(t("A verifier key, name+hash+base64 (repeatable).", "一个验证密钥，格式为 名称+哈希+base64（可重复）。")))
    var vkey: [String] = []

    var given: Bool { keys != nil || !vkey.isEmpty }

    func load() throws -> [NoteVerifierKey] {
        try VerifierKeys.load(file: keys, given: vkey)
    }
}

extension SignedNote.Failure: CustomStringConvertible {
    public var description: String {
        switch self {
        case .malformed(let why): t("malformed note: \(why)", "说明格式错误：\(why)")
        case .unverified: t("no known key signed it", "没有已知密钥签署")
        case .invalidSignature(let name): t("the signature of \(name) does not verify", "\(name) 的签名无法验证")
        }
    }
}
