import Foundation
import LedgerTesting
import Testing

extension Society {
    /// A society whose ledger has a bit of everything, recorded with the real command line (seq: what):
    ///
    /// ```
    ///  1 H001 黄大伯   2 H002 李阿婆   3 donation 爱心企业 ¥10,000 (c2)   4 H003 陈伯
    ///  5 donation 爱心超市 ¥800 in kind (大米 200 斤)      6 fund education 助学基金, approved by 7
    ///  8 sale H001 鸡心黄皮 120 斤 ¥960, fee ¥48          9 sale 李阿婆 (by name) 荔枝 12.5 kg ¥300, fee ¥15 → education
    /// 10 grant H002 ¥2,000 医疗救助, approved by 11       12 expense ¥350 镇物流站, rejected by 13
    /// 14 donation 爱心人士 ¥200, reversed by 15 (approved by 16)
    /// 17 reversal of the sale 9, approved by 18          19 payout H001 ¥912 bank, approved by 20
    /// 21 grant 黄大伯 (by name) ¥500 助学, left pending   22 sale H003 番薯 50 斤 ¥100 (c2)
    /// ```
    static func mixed() async throws -> Society {
        let society = try await Society()
        try await society.addMembersAndMoney()
        try await society.append(["member", "add", "H003", "--name", "陈伯"], key: "c1")
        try await society.append(["record", "donation", "--donor", "爱心超市", "--amount", "800", "--in-kind", "大米", "--quantity", "200",
            "--unit", "斤"], key: "c1")
        try await society.append(["fund", "add", "education", "--name", "助学基金"], key: "c1")
        try await society.append(["approve", "6"], key: "o1")
        try await society.append(["record", "sale", "--member", "H001", "--product", "鸡心黄皮", "--quantity", "120", "--unit", "斤",
            "--amount", "960", "--fee", "48"], key: "c1")
        try await society.append(["record", "sale", "--member", "李阿婆", "--product", "荔枝", "--quantity", "12.5", "--unit", "kg",
            "--amount", "300", "--fee", "15", "--fund", "education"], key: "c1")
        try await society.append(["record", "grant", "--member", "H002", "--amount", "2000", "--purpose", "医疗救助"], key: "c1")
        try await society.append(["approve", "10"], key: "o2")
        try await society.append(["record", "expense", "--amount", "350", "--payee", "镇物流站", "--purpose", "黄皮运费"], key: "c1")
        try await society.append(["reject", "12", "--reason", "运费由买方承担"], key: "o1")
        try await society.append(["record", "donation", "--donor", "爱心人士", "--amount", "200"], key: "c1")
        try await society.append(["reverse", "14", "--reason", "重复录入"], key: "c1")
        try await society.append(["approve", "15"], key: "o1")
        try await society.append(["reverse", "9", "--reason", "买方退货"], key: "c1")
        try await society.append(["approve", "17"], key: "o2")
        try await society.append(["record", "payout", "--member", "H001", "--amount", "912", "--method", "bank"], key: "c2")
        try await society.append(["approve", "19"], key: "o1")
        try await society.append(["record", "grant", "--member", "黄大伯", "--amount", "500", "--purpose", "助学"], key: "c1")
        let last = try await society.append(["record", "sale", "--member", "H003", "--product", "番薯", "--quantity", "50", "--unit", "斤",
            "--amount", "100"], key: "c2")
        #expect(last == 22)
        return society
    }
}
