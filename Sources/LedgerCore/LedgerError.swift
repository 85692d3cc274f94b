/// Text in both of the interface's languages, so every layer can say what went wrong to any user.
public struct LocalizedText: Sendable, Hashable, CustomStringConvertible {
    public var english: String
    public var chinese: String

    public init(en english: String, zh chinese: String) {
        self.english = english
        self.chinese = chinese
    }

    /// The text for a language: Chinese when `chinese` is true.
    public func text(chinese useChinese: Bool) -> String { useChinese ? chinese : english }

    public var description: String { english }
}

/// Why an entry is refused, by a store before it is written or by a verifier reading the chain.
///
/// The ``code`` is stable (scripts may rely on it); the ``message`` says, in both languages, what rule was broken
/// by which entry and what a person can do about it. Never contains key material.
public struct LedgerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A stable reason code such as `bad_signature`; new codes may be added.
    public struct Code: Hashable, Sendable, RawRepresentable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        // Section 7 step 1: bytes and shape.
        public static let nonCanonical = Code(rawValue: "non_canonical")
        public static let badShape = Code(rawValue: "bad_shape")
        /// A new entry's text holds a control, direction or other invisible format character (`TextSafety`).
        public static let deceptiveText = Code(rawValue: "deceptive_text")
        /// A genesis or `key.add` declares a public key that is not canonical, not on the curve, or of small order.
        public static let weakKey = Code(rawValue: "weak_key")
        // Step 2: chain.
        public static let badSequence = Code(rawValue: "bad_seq")
        public static let badPrev = Code(rawValue: "bad_prev")
        public static let timeBackwards = Code(rawValue: "time_backwards")
        public static let futureTime = Code(rawValue: "future_time")
        public static let badGenesis = Code(rawValue: "bad_genesis")
        public static let secondGenesis = Code(rawValue: "second_genesis")
        public static let genesisMismatch = Code(rawValue: "genesis_mismatch")
        // Step 3: author.
        public static let unknownKey = Code(rawValue: "unknown_key")
        public static let inactiveKey = Code(rawValue: "inactive_key")
        public static let wrongRole = Code(rawValue: "wrong_role")
        // Step 4.
        public static let badSignature = Code(rawValue: "bad_signature")
        // Step 5: approvals and state.
        public static let selfApproval = Code(rawValue: "self_approval")
        public static let sameHolder = Code(rawValue: "same_holder")
        public static let duplicateApproval = Code(rawValue: "duplicate_approval")
        public static let notPending = Code(rawValue: "not_pending")
        public static let hashMismatch = Code(rawValue: "hash_mismatch")
        public static let fundOverdraft = Code(rawValue: "fund_overdraft")
        public static let memberOverdraft = Code(rawValue: "member_overdraft")
        public static let unknownMember = Code(rawValue: "unknown_member")
        public static let unknownFund = Code(rawValue: "unknown_fund")
        public static let memberClosed = Code(rawValue: "member_closed")
        public static let memberExists = Code(rawValue: "member_exists")
        public static let memberNotZero = Code(rawValue: "member_not_zero")
        public static let fundExists = Code(rawValue: "fund_exists")
        public static let keyReused = Code(rawValue: "key_reused")
        public static let receiptReused = Code(rawValue: "receipt_reused")
        public static let notReversible = Code(rawValue: "not_reversible")
        public static let alreadyReversed = Code(rawValue: "already_reversed")
        public static let amountOverflow = Code(rawValue: "amount_overflow")
        public static let noApprovers = Code(rawValue: "no_approvers")
        // Step 6.
        public static let badCheckpoint = Code(rawValue: "bad_checkpoint")
        // Section 6 and step 7: published checkpoints.
        public static let badCheckpointNote = Code(rawValue: "bad_checkpoint_note")
        public static let checkpointMismatch = Code(rawValue: "checkpoint_mismatch")
        public static let ledgerTruncated = Code(rawValue: "ledger_truncated")
        public static let badProof = Code(rawValue: "bad_proof")
        /// `verify --since`: the state snapshot a check resumes from is not the one the state note signed.
        public static let badSnapshot = Code(rawValue: "bad_snapshot")
        // Outside the chain.
        /// A `.db` file's summary tables differ from what its (valid) entries say.
        public static let summaryMismatch = Code(rawValue: "summary_mismatch")
        public static let storage = Code(rawValue: "storage")
    }

    public var code: Code
    /// The `seq` of the entry the error is about, when there is one.
    public var seq: Int?
    /// The entry's kind, when it could be read.
    public var kind: String?
    public var message: LocalizedText

    public init(_ code: Code, seq: Int? = nil, kind: String? = nil, en: String, zh: String) {
        self.code = code
        self.seq = seq
        self.kind = kind
        self.message = LocalizedText(en: en, zh: zh)
    }

    public var description: String {
        let place = seq.map { "entry \($0)\(kind.map { " (\($0))" } ?? ""): " } ?? ""
        return "\(code): \(place)\(message.english)"
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code && lhs.seq == rhs.seq }

    /// The same error, placed at an entry.
    func at(seq: Int, kind: String?) -> LedgerError {
        var copy = self
        copy.seq = copy.seq ?? seq
        copy.kind = copy.kind ?? kind
        return copy
    }
}
