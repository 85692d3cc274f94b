import ArgumentParser
import Foundation
import LedgerCore
import LedgerServer
import LedgerWeb

extension Ledger {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("Serve the ledger on the web: pages for members and a JSON API for signed entries.",
                "在网络上提供账本：成员网页，以及接收已签名条目的 JSON 接口。"),
            discussion: t("The server holds no private key: it only accepts entries their authors signed on their own computers. Example: ledger serve --listen 0.0.0.0:8080 --ledger society.db",
                "服务器不持有任何私钥：只接受作者在自己电脑上签好名的条目。示例：ledger serve --listen 0.0.0.0:8080 --ledger society.db"))
        @Option(help: ArgumentHelp(t("Address and port to listen on (port 0 picks a free one).", "监听的地址和端口（端口 0 表示任选空闲端口）。")))
        var listen = "127.0.0.1:8080"
        @Option(name: .customLong("rate-limit"), help: ArgumentHelp(t("Requests per second allowed from one address (0: no limit).", "每个地址每秒允许的请求数（0 表示不限）。")))
        var rateLimit: Double = 20
        @Option(name: .customLong("max-connections"), help: ArgumentHelp(t("Connections held open in all (lowered to fit the open-file limit); at the cap the longest-silent one makes room.",
            "同时保持的连接总数（会按打开文件数上限调低）；达到上限时关闭沉默最久的连接。")))
        var maxConnections = ConnectionLimits().maxConnections
        @Option(name: .customLong("max-connections-per-address"), help: ArgumentHelp(t("Connections held open from one address; more are answered 503 at once.",
            "每个地址可同时保持的连接数；超出的立即答复 503。")))
        var maxConnectionsPerAddress = ConnectionLimits().maxPerAddress
        @Option(name: .customLong("idle-timeout"), help: ArgumentHelp(t("Seconds a connection may go without sending a complete request before it is closed.",
            "连接在多少秒内未发来完整请求即被关闭。")))
        var idleTimeout: Double = 30
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (0...65535).contains(port) else {
                throw CLIFailure(.usage, t("--listen takes HOST:PORT, such as 127.0.0.1:8080", "--listen 的格式为 主机:端口，例如 127.0.0.1:8080"))
            }
            guard maxConnections > 0, maxConnectionsPerAddress > 0, idleTimeout > 0, idleTimeout.isFinite else {
                throw CLIFailure(.usage, t("--max-connections, --max-connections-per-address and --idle-timeout take numbers above 0",
                    "--max-connections、--max-connections-per-address 和 --idle-timeout 须为大于 0 的数"))
            }
            let host = String(listen[..<colon])
            let connections = ConnectionLimits(maxConnections: maxConnections, maxPerAddress: maxConnectionsPerAddress,
                idleTimeout: .milliseconds(Int64(idleTimeout * 1000))).fitted(toDescriptors: ConnectionLimits.raiseDescriptorLimit())
            let path = global.ledgerPath
            let api = LedgerSite.api(ledger: try await global.openLedger(),
                limits: ServerLimits(requestsPerSecond: rateLimit, burst: max(rateLimit * 5, 1)))
            let announcement = t("Serving \(path) on http://\(host):%d/ (Ctrl-C stops)", "正在 http://\(host):%d/ 提供 \(path)（Ctrl-C 停止）")
            let app = LedgerSite.buildApplication(api: api, host: host, port: port, connections: connections) { bound in
                // Written straight to the file descriptor, so a script reading a pipe sees the address at once.
                FileHandle.standardOutput.write(Data((announcement.replacingOccurrences(of: "%d", with: "\(bound)") + "\n").utf8))
            }
            do {
                try await app.runService()
            } catch {
                throw CLIFailure(.storage, t("the server stopped: \(error)", "服务器已停止：\(error)"))
            }
        }
    }
}
