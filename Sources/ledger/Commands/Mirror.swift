import ArgumentParser
import Foundation
import LedgerCore
import LedgerKit
import LedgerViews

extension Ledger {
    struct Mirror: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("Keep a checked copy of a served ledger, and stop loudly if the server's history ever changes.",
                "保存服务器账本的核验副本；一旦服务器的历史被改动，立即报警停止。"),
            discussion: t("Each run pulls the new entries, checks every one, and checks the server's tree extends the copy's (a consistency proof). A server that rewrote, forked or lost history makes it exit 1 with both checkpoints as evidence. Example: ledger mirror http://ledger.example:8080 --ledger copy.db --every 30",
                "每次运行拉取新条目并逐条核验，并用一致性证明核对服务器的树是否延续本副本。服务器若改写、分叉或丢失历史，则以退出码 1 结束并给出双方检查点作为证据。示例：ledger mirror http://ledger.example:8080 --ledger copy.db --every 30"))
        @Argument(help: ArgumentHelp(t("The server's address.", "服务器地址。"))) var url: String
        @Option(help: ArgumentHelp(t("Run again every this many minutes (default: once).", "每隔多少分钟再运行一次（默认只运行一次）。")))
        var every: Double?
        @OptionGroup var pin: GenesisPin
        @OptionGroup var global: GlobalOptions

        func validate() throws {
            if let every, every <= 0 { throw ValidationError(t("Please give --every a number of minutes above 0.", "请为 --every 指定大于 0 的分钟数。")) }
        }

        func run() async throws {
            try global.requireLocal()
            let mirror = LedgerMirror(server: try RemoteLedger(url), path: global.ledgerPath, pinnedGenesis: pin.hash)
            var first = true
            while true {
                let outcome = try await mirror.pullOnce()
                if global.json {
                    Format.printJSON(["size": outcome.size, "added": outcome.added, "root": outcome.root.hex,
                        "fingerprint": outcome.fingerprint ?? "", "genesis": outcome.genesis.hex, "genesis_pinned": pin.hash != nil])
                } else {
                    if first { print(pin.sentence(accepted: outcome.genesis.hex)) }
                    print(t("Mirrored \(outcome.size) entries (\(outcome.added) new); root \(outcome.root.hex)",
                        "已镜像 \(outcome.size) 条（新增 \(outcome.added) 条）；根哈希 \(outcome.root.hex)"))
                    if let fingerprint = outcome.fingerprint {
                        print(t("Latest signed checkpoint checked; fingerprint \(fingerprint)", "最新签名检查点已核验；指纹 \(fingerprint)"))
                    }
                }
                first = false
                // A log file, not only a terminal, sees each run as it ends.
                fflush(nil)
                guard let every else { return }
                try await Task.sleep(for: .seconds(every * 60))
            }
        }
    }
}
