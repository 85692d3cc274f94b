import ArgumentParser

/// `ledger`: the mutual-aid society's signed, hash-chained ledger.
@main
struct Ledger: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: t("The mutual-aid ledger: signed, hash-chained, checkable by anyone.",
            "互助账本：签名、哈希链接、人人可核验。"),
        discussion: t(
            "Start with `ledger demo`. Amounts are typed in yuan (35.5) and kept in fen. Entries are permanent and shown to members: display names only, never ID-card or phone numbers or medical details.",
            "先试试 `ledger demo`。金额以元输入（如 35.5），以分记账。条目永久保存并向成员公开：只写称呼，不写身份证号、电话或病情。"),
        version: VersionText.text,
        subcommands: [
            Demo.self, Keygen.self, Init.self, MemberCommand.self, FundCommand.self, Funds.self, Record.self,
            Approve.self, Reject.self, Reverse.self, KeyCommand.self, Keys.self, Pending.self, Log.self, Show.self,
            Balance.self, Verify.self, Export.self, Import.self, CheckpointCommand.self, Audit.self, Prove.self,
            VerifyProof.self, ReceiptCommand.self, VerifyReceipt.self, Statement.self, Notice.self, ReportCommand.self,
            ImportSales.self, ImportDonations.self, Serve.self, Mirror.self,
        ])
}

/// The sentence every command that takes free text shows in its help.
let privacyNote = t(
    "Entries are permanent and shown to members: use display names only, never ID-card or phone numbers or medical details (a grant's purpose is a category such as 医疗救助).",
    "条目永久保存并向成员公开：只写称呼，不写身份证号、电话号码或病情（救助用途写类别，如“医疗救助”）。")
