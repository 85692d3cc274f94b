import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

extension Ledger {
    struct Statement: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("A member's statement: every movement, the running balance, totals, and the checkpoint that covers them.",
                "成员对账单：每笔收支、滚动余额、合计，以及覆盖这些条目的检查点。"),
            discussion: t("Example: ledger statement H01 --from 2026-01-01 --to 2026-06-30 --html h01.html",
                "示例：ledger statement H01 --from 2026-01-01 --to 2026-06-30 --html h01.html"))
        @Argument(help: ArgumentHelp(t("Member id or exact name.", "成员编号或完整称呼。"))) var member: String
        @Option(help: ArgumentHelp(t("First day (YYYY-MM-DD, local time).", "起始日期（YYYY-MM-DD，本地时间）。"))) var from: LocalDate?
        @Option(help: ArgumentHelp(t("Last day (YYYY-MM-DD, local time).", "截止日期（YYYY-MM-DD，本地时间）。"))) var to: LocalDate?
        @Option(help: ArgumentHelp(t("Also write a printable HTML page here.", "同时生成可打印的 HTML 页面。"))) var html: String?
        @OptionGroup var global: GlobalOptions

        struct Line {
            var seq: Int
            var time: Timestamp
            var what: String
            var delta: Fen
            var balance: Fen
        }

        func run() throws {
            let ledger = try global.openLedger(readOnly: true)
            let state = try ledger.state()
            let member = try MemberName.resolve(self.member, in: state)
            guard let record = state.members[member] else { throw MemberName.unknown(self.member) }
            let account = Activity.Account.member(member)
            var opening: Fen = 0
            var running: Fen = 0
            var lines: [Line] = []
            for effect in Activity.effects(of: try ledger.entries(member: member), state: state) {
                let delta = effect.delta(for: account)
                guard delta != 0 else { continue }
                running += delta
                if let from, effect.time < from.start {
                    opening = running
                    continue
                }
                if let to, effect.time >= to.end { break }
                lines.append(Line(seq: effect.entry.seq, time: effect.time, what: Describe.payload(effect.entry.payload, state: state),
                    delta: delta, balance: running))
            }
            let credits = lines.filter { $0.delta > 0 }.reduce(Fen(0)) { $0 + $1.delta }
            let debits = lines.filter { $0.delta < 0 }.reduce(Fen(0)) { $0 + $1.delta }
            let closing = lines.last?.balance ?? opening
            let note = try coveringCheckpoint(ledger, lastSeq: lines.last?.seq)
            if global.json {
                Format.printJSON([
                    "member": member, "name": record.name, "opening": opening, "closing": closing, "credits": credits, "debits": -debits,
                    "lines": lines.map { ["seq": $0.seq, "time": $0.time.description, "what": $0.what, "delta": $0.delta, "balance": $0.balance] },
                    "checkpoint": note.map { ["size": $0.size, "fingerprint": $0.fingerprint] } ?? [:],
                ])
                return
            }
            let title = t("Statement for \(record.name) (\(member))", "\(record.name)（\(member)）对账单")
            let header = [t("Seq", "序号"), t("Date", "日期"), t("What", "内容"), t("Amount", "金额"), t("Balance", "余额")]
            let rows = lines.map { ["\($0.seq)", Format.localTime($0.time), $0.what, Format.money($0.delta), Format.money($0.balance)] }
            let totals: [(String, String)] = [
                (t("Opening balance", "期初余额"), Format.money(opening)), (t("Money in", "收入"), Format.money(credits)),
                (t("Money out", "支出"), Format.money(-debits)), (t("Closing balance", "期末余额"), Format.money(closing)),
            ]
            let coverage = note.map {
                t("Checkpoint of \($0.size) entries covers this statement; fingerprint \($0.fingerprint).",
                    "本对账单由 \($0.size) 条的检查点覆盖；指纹 \($0.fingerprint)。")
            } ?? t("No published checkpoint covers these entries yet.", "尚无已公示的检查点覆盖这些条目。")
            print(title)
            print(Format.table(header, rows, rightAligned: [0, 3, 4]))
            print(Format.table([t("Total", "合计"), ""], totals.map { [$0.0, $0.1] }, rightAligned: [1]))
            print(coverage)
            if let html {
                let table = HTML.table(header, rows, numeric: [0, 3, 4])
                let body = "<h1>\(HTML.escape(title))</h1><p>\(HTML.escape(state.founding?.society ?? ""))</p>" + table
                    + HTML.facts(totals) + "<p class=\"note\">\(HTML.escape(coverage))</p>"
                try AtomicOutput.write(to: html) { $0(Data(HTML.page(title: title, body: body).utf8)) }
            }
        }
    }
}

/// The kept checkpoint that covers `lastSeq` (the latest one), if any.
func coveringCheckpoint(_ ledger: SQLiteLedger, lastSeq: Int?) throws -> CheckpointNote? {
    guard let note = try ledger.latestCheckpointNote(), let point = CheckpointNote(text: note.text) else { return nil }
    return point.size > (lastSeq ?? -1) ? point : nil
}
