import LedgerCrypto

/// Verifies a ledger entry by entry, as docs/FORMAT.md section 9 describes, without trusting anything but the bytes.
///
/// Feed it the entries' bytes in `seq` order, in batches of any size, with ``verify(batch:)``; it stops at the
/// first failing entry. Entries are decoded and their signatures checked on every core (Ed25519 verification is
/// most of the work) while the rules run in order on the entries already checked (``BatchPreparation``).
/// It keeps the Merkle tree and the replay state, never the entries themselves — unless asked to keep the payloads
/// a later reversal may need, for callers that cannot look earlier entries up (tests, small ledgers).
public struct ChainVerifier: Sendable {
    public private(set) var state = LedgerState()
    public private(set) var tree = MerkleTree()
    /// The first failure found; once set, further batches are ignored.
    public private(set) var failure: LedgerError?
    /// The entries of the last batch that verified, decoded, so a caller storing them need not decode again.
    public private(set) var lastVerified: [Entry] = []
    /// When set (an import does), each batch's money movements where they took effect, with the balances after
    /// each — the store's `effects` rows, worked out as the entries are applied rather than in a pass after.
    public var collectsEffects = false
    public private(set) var lastEffects: [(record: EffectRecord, totals: EffectTotals)] = []
    private var effectTotals = EffectTotals()
    private let pinnedGenesis: EntryHash?
    /// Payloads of donations, sales, grants, payouts and expenses, which a later reversal may need; kept only when
    /// the caller cannot look earlier entries up.
    private var reversible: [Int: Payload] = [:]
    private let keepsEarlierPayloads: Bool
    /// The first public key the chain declared for each key id (genesis or `key.add`).
    private var declaredKeys: [KeyID: Ed25519.PublicKey] = [:]

    /// - Parameters:
    ///   - pinnedGenesis: the genesis hash the ledger must start from (`verify --genesis`).
    ///   - keepsEarlierPayloads: keep in memory what a reversal may need. Pass `false` when every batch comes with an
    ///     `earlierEntry` lookup, so memory stays flat however long the ledger is.
    public init(pinnedGenesis: EntryHash? = nil, keepsEarlierPayloads: Bool = true) {
        self.pinnedGenesis = pinnedGenesis
        self.keepsEarlierPayloads = keepsEarlierPayloads
    }

    /// Resumes verification after the first `state.count` entries, from the rules' state then and the frontier of
    /// their Merkle tree (``MerkleTree/init(size:frontier:)``): the next batch starts at seq `state.count`.
    ///
    /// The caller vouches for `state` and `tree` (a signed state note and a signed checkpoint, in `verify --since`).
    /// Earlier entries are never kept, so every batch needs an `earlierEntry` lookup; a checkpoint entry naming a size
    /// below `state.count` needs `earlierRoot`.
    public init(resumingFrom state: LedgerState, tree: MerkleTree) {
        precondition(tree.size == state.count, "the tree and the state must describe the same entries")
        self.init(keepsEarlierPayloads: false)
        self.state = state
        self.tree = tree
        for record in state.keys.values {
            declaredKeys[record.id] = try? Ed25519.PublicKey(rawRepresentation: record.descriptor.publicKey)
        }
    }

    /// The number of entries verified so far.
    public var verifiedCount: Int { state.count }

    /// Verifies the next entries. Returns the first failure, if any (also kept in ``failure``).
    /// - Parameters:
    ///   - earlierEntry: the bytes of an earlier entry by seq, for the entry a reversal undoes.
    ///   - earlierRoot: for a verifier resumed at a size, the checked Merkle root at a smaller size, for a checkpoint
    ///     entry that names one.
    @discardableResult
    public mutating func verify(batch: [[UInt8]], earlierEntry: ((Int) -> [UInt8]?)? = nil,
        earlierRoot: ((Int) throws(LedgerError) -> EntryHash)? = nil) -> LedgerError?
    {
        guard failure == nil else { return failure }
        lastVerified.removeAll(keepingCapacity: true)
        lastEffects.removeAll(keepingCapacity: true)
        let preparation = BatchPreparation(batch, keys: declaredKeys)
        for index in batch.indices {
            let prepared = preparation.prepared(at: index)
            switch prepared.entry {
            case .failure(let error):
                // A line that is not a well-formed entry is an invalid entry at its position, whatever seq it claims.
                var placed = error
                placed.seq = state.count
                preparation.abandon()
                return fail(placed)
            case .success(let entry):
                preparation.learn(declareKeys(of: entry))
                if let error = apply(entry, signatureValid: prepared.signatureValid, earlierEntry: earlierEntry, earlierRoot: earlierRoot) {
                    preparation.abandon()
                    return fail(error)
                }
                lastVerified.append(entry)
            }
        }
        return nil
    }

    /// The result once every entry was given.
    public func finish() -> VerificationResult {
        if let failure { return .invalid(failure) }
        if state.count == 0 {
            return .invalid(LedgerError(.badGenesis, seq: 0, en: "the ledger has no entries", zh: "账本中没有条目"))
        }
        return .valid(VerificationSummary(state: state, root: tree.root))
    }

    private mutating func fail(_ error: LedgerError) -> LedgerError {
        failure = error
        return error
    }

    private mutating func apply(_ entry: Entry, signatureValid: Bool?, earlierEntry: ((Int) -> [UInt8]?)?,
        earlierRoot: ((Int) throws(LedgerError) -> EntryHash)?) -> LedgerError?
    {
        if let error = applyRules(entry, signatureValid: signatureValid, earlierEntry: earlierEntry, earlierRoot: earlierRoot) {
            return error
        }
        if entry.seq == 0, let pinnedGenesis, entry.hash != pinnedGenesis {
            return LedgerError(.genesisMismatch, seq: 0, kind: entry.kind.rawValue,
                en: "the genesis hash is \(entry.hash), not the pinned \(pinnedGenesis): this is a different ledger",
                zh: "创世哈希为 \(entry.hash)，而非指定的 \(pinnedGenesis)：这是另一个账本")
        }
        // The context and its copies of the tree and payloads are gone by now, so these appends never copy them.
        tree.append(entry.hash)
        if keepsEarlierPayloads, entry.kind.isReversible { reversible[entry.seq] = entry.payload }
        return nil
    }

    /// Applies the rules; kept apart so the context it builds is released before the tree grows.
    private mutating func applyRules(_ entry: Entry, signatureValid: Bool?, earlierEntry: ((Int) -> [UInt8]?)?,
        earlierRoot: ((Int) throws(LedgerError) -> EntryHash)?) -> LedgerError?
    {
        let reversible = self.reversible
        let tree = self.tree
        let context = ApplyContext(
            mode: .verify,
            signature: signatureValid.map { .checked(valid: $0) } ?? .check,
            earlierPayload: { seq in
                if let earlierEntry { return earlierEntry(seq).flatMap { try? Entry(bytes: $0) }?.payload }
                return reversible[seq]
            },
            merkleRoot: { size throws(LedgerError) in
                if size >= tree.startSize { return tree.root(size: size) }
                guard let earlierRoot else {
                    throw LedgerError(.badCheckpoint,
                        en: "it names size \(size), before the checkpoint of size \(tree.startSize) this check started from, whose root is not known here; run a full `ledger verify`",
                        zh: "它指向的大小 \(size) 早于本次核验起点（大小为 \(tree.startSize) 的检查点），此处无法得知其根哈希；请运行完整的 `ledger verify`")
                }
                return try earlierRoot(size)
            })
        do {
            let waiting = collectsEffects ? entry.payload.target.flatMap { state.pending[$0] } : nil
            try state.apply(entry, context: context)
            if collectsEffects, let moved = Activity.movedMoney(appending: entry, waiting: waiting, after: state) {
                effectTotals.add(moved.changes)
                lastEffects.append((EffectRecord(at: entry.seq, seq: moved.seq, time: entry.body.time), effectTotals))
            }
            return nil
        } catch {
            return error
        }
    }

    /// Records the keys a genesis or `key.add` declares, the first declaration of an id winning; returns those new here.
    private mutating func declareKeys(of entry: Entry) -> [KeyID: Ed25519.PublicKey] {
        let declared: [KeyDescriptor]
        switch entry.payload {
        case .genesis(let genesis): declared = genesis.keys
        case .keyAdd(let add): declared = [add.key]
        default: return [:]
        }
        var new: [KeyID: Ed25519.PublicKey] = [:]
        for key in declared where declaredKeys[key.id] == nil {
            guard let publicKey = try? Ed25519.PublicKey(rawRepresentation: key.publicKey) else { continue }
            declaredKeys[key.id] = publicKey
            new[key.id] = publicKey
        }
        return new
    }
}

extension ChainVerifier {
    /// Records that the next entry could not even be read as a line (a torn last line, an over-long line),
    /// unless an earlier entry already failed.
    public mutating func failNext(_ code: LedgerError.Code, en: String, zh: String) {
        guard failure == nil else { return }
        failure = LedgerError(code, seq: state.count, en: en, zh: zh)
    }
}
