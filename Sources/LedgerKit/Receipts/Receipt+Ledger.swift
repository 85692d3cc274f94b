import LedgerCore

extension Receipt {
    /// The receipt of `entry` against the latest kept checkpoint, or `nil` when no kept checkpoint covers the
    /// entry and its approvals yet. Shared by `ledger receipt` and the server's entry page.
    public static func covering(_ entry: Entry, in ledger: some LedgerReader, state: LedgerState) throws(LedgerError)
        -> (Receipt, CheckpointNote)?
    {
        let approvals = try ledger.entries(referringTo: entry.seq).filter { $0.kind == .approve }
        guard let note = try ledger.latestCheckpoint(), let point = CheckpointNote(text: note.text),
            ([entry] + approvals).allSatisfy({ $0.seq < point.size })
        else { return nil }
        func proven(_ item: Entry) throws(LedgerError) -> Receipt.ProvenEntry {
            Receipt.ProvenEntry(entry: item, path: try ledger.inclusionProof(index: item.seq, size: point.size))
        }
        let signerIDs = Set(([entry] + approvals).map(\.body.author) + note.signatures.map(\.name))
        let signers = signerIDs.sorted().compactMap { id in
            state.keys[id].map { Receipt.Signer(id: id, holder: $0.holder, role: $0.role, publicKey: $0.descriptor.publicKey) }
        }
        let receipt = Receipt(ledger: point.ledgerID, society: state.founding?.society ?? "", entry: try proven(entry),
            approvals: try approvals.map(proven), checkpoint: note.formatted, signers: signers)
        return (receipt, point)
    }
}
