import ArgumentParser
import LedgerCore
import LedgerKit
import LedgerViews
import LedgerCrypto
import LedgerStore

extension Ledger {
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("Create a new ledger with its keys, funds and approval policy.", "创建新账本，登记密钥、基金和审批规则。"),
            discussion: t(
                "--key must be one of the committee keys. Example: ledger init --society 龙岗村党群互助社 --committee 陈主任=chen.pem.pub --oversight 张组长=zhang.pem.pub --key chen.pem",
                "--key 必须是管理委员会密钥之一。示例：ledger init --society 龙岗村党群互助社 --committee 陈主任=chen.pem.pub --oversight 张组长=zhang.pem.pub --key chen.pem"))

        @Option(help: ArgumentHelp(t("The society's name.", "互助社名称。")))
        var society: String

        @Option(help: ArgumentHelp(t("A committee key: HOLDER=PUBFILE (repeat for each).", "管理委员会密钥：持有人=公钥文件（可重复）。")))
        var committee: [HolderKey] = []

        @Option(help: ArgumentHelp(t("An oversight key: HOLDER=PUBFILE (repeat for each).", "运作监督组密钥：持有人=公钥文件（可重复）。")))
        var oversight: [HolderKey] = []

        @Option(name: .customLong("money-approvals"), help: ArgumentHelp(t("Oversight approvals needed for money going out.", "资金支出所需的监督组审批数。")))
        var moneyApprovals = 1

        @Option(name: .customLong("governance-committee"), help: ArgumentHelp(t("Committee approvals needed for keys and policy.", "密钥和规则变更所需的管委会审批数。")))
        var governanceCommittee = 1

        @Option(name: .customLong("governance-oversight"), help: ArgumentHelp(t("Oversight approvals needed for keys and policy.", "密钥和规则变更所需的监督组审批数。")))
        var governanceOversight = 1

        @Option(name: .customLong("fund-name"), help: ArgumentHelp(t("The name of the general fund.", "总基金的名称。")))
        var fundName = "社区慈善基金"

        @OptionGroup var global: GlobalOptions

        func validate() throws {
            guard !committee.isEmpty else {
                throw ValidationError(t("Please give at least one --committee HOLDER=PUBFILE.", "请至少提供一个 --committee 持有人=公钥文件。"))
            }
        }

        func run() async throws {
            try global.requireLocal()
            let keys = committee.map { Founding.HolderKey(role: .committee, holder: $0.holder, publicKey: $0.publicKey) }
                + oversight.map { Founding.HolderKey(role: .oversight, holder: $0.holder, publicKey: $0.publicKey) }
            let entry = try Founding.found(at: global.ledgerPath, society: society, keys: keys, fundName: fundName,
                policy: Policy(governanceCommittee: governanceCommittee, governanceOversight: governanceOversight, moneyApprovals: moneyApprovals),
                signer: try global.signingKey(), now: .now())
            guard case .genesis(let genesis) = entry.payload else { return }
            if global.json {
                Format.printJSON(["ledger": global.ledgerPath, "genesis": entry.hash.hex, "ledger_id": genesis.ledger])
                return
            }
            print(t("Created \(global.ledgerPath) for \(society).", "已为\(society)创建 \(global.ledgerPath)。"))
            print(t("Genesis hash: \(entry.hash.hex)", "创世哈希：\(entry.hash.hex)"))
            print(t("Publish this hash: anyone can pin it with `ledger verify --genesis HASH`.",
                "请公示此哈希：任何人都可用 `ledger verify --genesis 哈希` 核对。"))
        }
    }
}
