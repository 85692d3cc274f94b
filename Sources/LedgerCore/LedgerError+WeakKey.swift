import LedgerCrypto

extension Ed25519.KeyDefect {
    /// What is wrong with the key, in both languages, for any layer that refuses one.
    public var reason: LocalizedText {
        switch self {
        case .nonCanonical:
            LocalizedText(en: "is not the canonical encoding of an Ed25519 public key", zh: "不是 Ed25519 公钥的规范编码")
        case .notOnCurve:
            LocalizedText(en: "is not a point of the Ed25519 curve", zh: "不是 Ed25519 曲线上的点")
        case .smallOrder:
            LocalizedText(en: "is a key of small order, whose signatures anyone could forge without a private key",
                zh: "是小阶密钥，任何人无需私钥即可伪造其签名")
        }
    }
}

extension LedgerError {
    /// A declared public key that no one may trust (``Ed25519/KeyDefect``), named by its field.
    ///
    /// Kept apart from `bad_shape` because the entry is well formed: the danger is what the key would let anyone do.
    static func weakKey(_ defect: Ed25519.KeyDefect, field: String) -> LedgerError {
        LedgerError(.weakKey, en: "field \"\(field)\" \(defect.reason.english); such a key is refused",
            zh: "字段“\(field)”\(defect.reason.chinese)；此类密钥不予接受")
    }
}
