import Foundation
import LedgerCore
import LedgerKit

/// The rows of the csv export.
public enum SpreadsheetExport {
    public static var header: [String] {
        [t("Date", "日期"), t("Kind", "类型"), t("Fund", "基金"), t("Member", "成员编号"), t("Member name", "成员称呼"),
         t("Donor, buyer or payee", "捐赠方/购买方/收款方"), t("What", "内容"), t("Amount (yuan)", "金额（元）"),
         t("Fee (yuan)", "服务费（元）"), t("Fund cash change", "基金现金变动"), t("In-kind value change", "物资价值变动"),
         t("Member balance change", "成员余额变动"), t("Entry seq", "条目序号"), t("Took effect at seq", "生效序号"),
         t("Entry hash", "条目哈希")]
    }

    public static let numericColumns: Set<Int> = [7, 8, 9, 10, 11, 12, 13]

    public static func rows(entries: [Entry], state: LedgerState) -> [[String]] {
        var bySeq: [Int: Entry] = [:]
        for entry in entries where entry.kind.isReversible { bySeq[entry.seq] = entry }
        return Activity.effects(of: entries, state: state).map { effect in
            var payload = effect.entry.payload
            var sign: Fen = 1
            var kind = Format.kindName(effect.entry.kind)
            if case .reversal(let reversal) = payload, let target = bySeq[reversal.target] {
                payload = target.payload
                sign = -1
                kind += t(" (\(Format.kindName(target.kind)))", "（\(Format.kindName(target.kind))）")
            }
            var fund = "", member = "", party = "", amount: Fen = 0, fee = ""
            switch payload {
            case .donation(let d): (fund, party, amount) = (d.fund, d.donor, d.amount)
            case .sale(let s):
                (member, party, amount) = (s.member, s.buyer ?? "", s.amount)
                if let value = s.fee {
                    fund = s.feeFund
                    fee = Yuan.plain(sign * value)
                }
            case .grant(let g): (fund, member, amount) = (g.fund, g.member, g.amount)
            case .payout(let p): (member, amount) = (p.member, p.amount)
            case .expense(let e): (fund, party, amount) = (e.fund, e.payee, e.amount)
            default: break
            }
            var cash: Fen = 0, inKind: Fen = 0, held: Fen = 0
            for change in effect.changes {
                switch change.account {
                case .fundCash: cash += change.delta
                case .fundInKind: inKind += change.delta
                case .member: held += change.delta
                }
            }
            return [
                Format.localTime(effect.time), kind, fund, member, state.members[member]?.name ?? "", party,
                Describe.payload(effect.entry.payload, state: state), Yuan.plain(sign * amount), fee, Yuan.plain(cash),
                Yuan.plain(inKind), Yuan.plain(held), "\(effect.entry.seq)", "\(effect.seq)", effect.entry.hash.hex,
            ]
        }
    }
}
