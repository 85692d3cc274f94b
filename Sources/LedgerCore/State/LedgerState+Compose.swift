import LedgerCrypto

extension LedgerState {
    /// Builds and signs the entry that would come next, without applying it.
    ///
    /// The time is `now`, or the previous entry's time if the clock reads earlier (times never go backwards,
    /// even when another computer with a faster clock wrote the last entry).
    public func compose(_ payload: Payload, memo: String? = nil, signer: Ed25519.PrivateKey, now: Timestamp)
        throws(LedgerError) -> Entry
    {
        let body = Body(
            seq: count, prev: head, time: max(now, lastTime ?? now),
            author: Rules.keyID(publicKey: signer.publicKey.rawRepresentation), memo: memo, payload: payload)
        return try Entry.sign(body, with: signer)
    }
}
