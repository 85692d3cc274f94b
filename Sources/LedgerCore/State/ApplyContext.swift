import LedgerCrypto

/// What ``LedgerState/apply(_:context:)`` needs from outside the state.
public struct ApplyContext {
    /// Whether an entry is being written (stricter: time and balance rules that only a store can check) or
    /// read back by a verifier.
    public enum Mode: Sendable, Equatable {
        /// A verifier replaying a chain.
        case verify
        /// A store about to write an entry, at `now` by its own clock.
        case append(now: Timestamp)
    }

    /// How the signature is checked.
    public enum Signature: Sendable, Equatable {
        /// Check it now against the author's key in the state.
        case check
        /// It was already checked (in parallel) against the key the chain declared for the author's id.
        case checked(valid: Bool)
    }

    public var mode: Mode
    public var signature: Signature
    /// The payload of an earlier entry by seq: only reversals ask, for the entry they undo.
    public var earlierPayload: (Int) throws(LedgerError) -> Payload?
    /// The Merkle root of the first `size` entries: only checkpoints ask.
    public var merkleRoot: (Int) throws(LedgerError) -> EntryHash

    public init(mode: Mode, signature: Signature = .check,
        earlierPayload: @escaping (Int) throws(LedgerError) -> Payload?,
        merkleRoot: @escaping (Int) throws(LedgerError) -> EntryHash)
    {
        self.mode = mode
        self.signature = signature
        self.earlierPayload = earlierPayload
        self.merkleRoot = merkleRoot
    }
}
