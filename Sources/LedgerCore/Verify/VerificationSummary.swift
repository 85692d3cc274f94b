/// What a successful verification found: the figures docs/FORMAT.md section 9 asks `verify` to print.
public struct VerificationSummary: Sendable, Hashable {
    public var entries: Int
    /// The hash of the last entry.
    public var head: EntryHash
    /// The Merkle root of all entries.
    public var root: EntryHash
    public var society: String?
    public var ledgerID: String?
    public var genesis: EntryHash?
    /// Cash per fund, in fen.
    public var funds: [FundID: Fen]
    /// In-kind valuation per fund, in fen.
    public var inKind: [FundID: Fen]
    /// Balance per member, in fen (closed members included).
    public var members: [MemberID: Fen]
    /// Seqs of entries waiting for approval, ascending.
    public var pending: [Int]

    init(state: LedgerState, root: EntryHash) {
        entries = state.count
        head = state.head
        self.root = root
        society = state.founding?.society
        ledgerID = state.founding?.ledgerID
        genesis = state.founding?.genesisHash
        funds = state.funds.mapValues(\.cash)
        inKind = state.funds.mapValues(\.inKind)
        members = state.members.mapValues(\.balance)
        pending = state.pending.keys.sorted()
    }
}

/// The outcome of verifying a whole ledger.
public enum VerificationResult: Sendable {
    case valid(VerificationSummary)
    /// The first failing entry: its seq (its position, if the bytes could not be read), kind, code and message.
    case invalid(LedgerError)
}
