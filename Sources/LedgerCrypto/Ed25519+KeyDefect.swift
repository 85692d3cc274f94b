import Synchronization

extension Ed25519 {
    /// Why 32 bytes are refused as a public key, although OpenSSL would load them.
    ///
    /// Each case is one way a key can let someone make signatures without a private key, or make one key look like
    /// two: a ledger refuses all three wherever a key enters it.
    public enum KeyDefect: String, Sendable, CaseIterable {
        /// Not the one encoding RFC 8032 §5.1.2 gives a point: a y of p or more, or x = 0 written with its sign bit
        /// set. Such a spelling makes a second key id for the same point.
        case nonCanonical = "non_canonical"
        /// No point of the curve has this y (RFC 8032 §5.1.3 finds no square root); no signature can verify with it.
        case notOnCurve = "not_on_curve"
        /// A point whose order divides 8: signatures that verify with it can be made without any private key.
        case smallOrder = "small_order"

        /// What the defect is, in a few English words.
        public var explanation: String {
            switch self {
            case .nonCanonical: "its encoding is not canonical (RFC 8032 §5.1.3)"
            case .notOnCurve: "it is not a point of the Ed25519 curve"
            case .smallOrder: "it is a point of small order, which lets anyone forge its signatures"
            }
        }
    }

    /// Decodes `raw` as RFC 8032 §5.1.3 does and checks that 8·A is not the identity.
    /// - Returns: why `raw` may not be used as a public key, or `nil` when it may. Bytes of any length but 32 encode
    ///   no point (``KeyDefect/notOnCurve``).
    public static func defect(ofPublicKey raw: some Collection<UInt8>) -> KeyDefect? {
        let bytes = Array(raw)
        guard bytes.count == keyLength else { return .notOnCurve }
        return Edwards25519.defect(ofPublicKey: bytes)
    }

    /// Keys that passed ``defect(ofPublicKey:)`` lately, so loading the same key again costs no curve arithmetic:
    /// a ledger loads its authors' keys for every append and every note it checks. The answer for given bytes never
    /// changes, so remembering it is safe; the set is emptied when it grows past `acceptedLimit`.
    private static let accepted = Mutex<Set<[UInt8]>>([])
    private static let acceptedLimit = 4096

    /// ``defect(ofPublicKey:)``, remembering the keys it accepts.
    static func rememberedDefect(ofPublicKey raw: [UInt8]) -> KeyDefect? {
        if accepted.withLock({ $0.contains(raw) }) { return nil }
        let defect = defect(ofPublicKey: raw)
        if defect == nil {
            accepted.withLock { keys in
                if keys.count >= acceptedLimit { keys.removeAll(keepingCapacity: true) }
                keys.insert(raw)
            }
        }
        return defect
    }
}
