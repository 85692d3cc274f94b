import ArgumentParser
import LedgerCore

/// `--genesis HASH`: the genesis hash a ledger must start from, as the notice board shows it (`verify`, `import`, `mirror`).
///
/// A society's ledger is known by its genesis: a re-signed genesis with the same society name and ledger id would
/// otherwise be taken silently. Without a pin, `import` and `mirror` say which genesis they accepted.
struct GenesisPin: ParsableArguments {
    @Option(name: .customLong("genesis"), help: ArgumentHelp(t("The genesis hash the ledger must start from (from the notice board).",
        "账本必须对应的创世哈希（见公示栏）。"), valueName: "HASH"))
    var text: String?

    var hash: EntryHash? { text.flatMap { EntryHash(hex: $0) } }

    func validate() throws {
        if let text, EntryHash(hex: text) == nil || text != text.lowercased() {
            throw ValidationError(t("Please give --genesis as 64 lowercase hex characters.", "--genesis 须为 64 个小写十六进制字符。"))
        }
    }

    /// What was accepted, and whether it was checked against a pin.
    func sentence(accepted genesis: String) -> String {
        hash == nil
            ? t("Genesis \(genesis) accepted, NOT pinned: compare it with the genesis hash on the notice board, or give --genesis HASH.",
                "已接受创世哈希 \(genesis)，但未核对：请与公示栏上的创世哈希比对，或用 --genesis 哈希 指定。")
            : t("Genesis \(genesis) matches the pinned hash.", "创世哈希 \(genesis) 与指定的哈希一致。")
    }
}
