import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Plain blocking HTTP for the command line, over Foundation's URLSession.
enum HTTPClient {
    struct Reply: Sendable {
        var status: Int
        var body: Data

        /// The body as a JSON object, or an empty one.
        var object: [String: Any] { ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:] }
    }

    /// Sends one request and waits for the whole answer.
    /// - Throws: a storage-class `CLIFailure` when the server cannot be reached.
    static func send(_ url: URL, method: String = "GET", body: Data? = nil) throws -> Reply {
        var request = URLRequest(url: url, timeoutInterval: 60)
        request.httpMethod = method
        request.httpBody = body
        request.setValue(Language.current.isChinese ? "zh" : "en", forHTTPHeaderField: "Accept-Language")
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        final class Box: @unchecked Sendable { var result: Result<Reply, any Error>? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, error in
            if let error {
                box.result = .failure(error)
            } else {
                box.result = .success(Reply(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data ?? Data()))
            }
            done.signal()
        }.resume()
        done.wait()
        do {
            return try box.result!.get()
        } catch {
            throw CLIFailure(.storage, t("could not reach the server at \(url.absoluteString): \(error.localizedDescription)",
                "无法连接服务器 \(url.absoluteString)：\(error.localizedDescription)"))
        }
    }
}
