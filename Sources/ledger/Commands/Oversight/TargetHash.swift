import ArgumentParser
import LedgerCore

/// The hash of entry `seq`, or a refusal naming it.
func hashOfEntry(_ seq: Int, global: GlobalOptions) async throws -> EntryHash {
    guard let entry = try await global.openLedger(readOnly: true).entry(seq) else {
        throw CLIFailure(.refused, t("[not_pending] entry \(seq) does not exist — nothing was written.", "[not_pending] 第 \(seq) 条不存在——未写入任何内容。"))
    }
    return entry.hash
}
