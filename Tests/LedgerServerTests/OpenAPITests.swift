import Foundation
import LedgerServer
import Testing

/// docs/openapi.yaml describes exactly the endpoints the server answers. What each answer looks like is checked
/// against the same file by schemathesis in CI, against a real `ledger serve` (Tests/OpenAPI/run.sh).
@Suite struct OpenAPITests {
    /// The repository's docs/openapi.yaml.
    static let description: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appending(path: "docs/openapi.yaml"), encoding: .utf8)) ?? ""
    }()

    /// The operations under `paths:` as `METHOD /path`, read from the file's two-space layout.
    static func documentedOperations(_ yaml: String) -> Set<String> {
        var operations: Set<String> = []
        var inPaths = false
        var path: String?
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" ") && !line.isEmpty { inPaths = line == "paths:"; path = nil; continue }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                let method = line.trimmingCharacters(in: .whitespaces).dropLast()
                if ["get", "post", "put", "delete", "patch"].contains(method) { operations.insert("\(method.uppercased()) \(path)") }
            }
        }
        return operations
    }

    @Test func theDescriptionListsExactlyTheServedEndpoints() {
        let documented = Self.documentedOperations(Self.description)
        let served = Set(LedgerAPI.endpoints.map { "\($0.method) \($0.path)" })
        #expect(documented.count >= 13, "docs/openapi.yaml was not read: \(documented)")
        #expect(served.subtracting(documented).isEmpty, "served but not in docs/openapi.yaml: \(served.subtracting(documented))")
        #expect(documented.subtracting(served).isEmpty, "in docs/openapi.yaml but not served: \(documented.subtracting(served))")
    }

    @Test func theReaderFindsAnOperationAddedToTheFile() {
        let extra = Self.description.replacingOccurrences(of: "\npaths:\n", with: "\npaths:\n  /api/v1/extra:\n    delete:\n      summary: x\n")
        #expect(Self.documentedOperations(extra).subtracting(Self.documentedOperations(Self.description)) == ["DELETE /api/v1/extra"])
    }

    /// Every documented `GET` is routed to its endpoint (a wrong value is a 400 or a 404 from the endpoint, never
    /// "nothing here"), also as `HEAD`; a method an endpoint does not take is a 405 that names the ones it does.
    @Test func everyDocumentedPathIsRoutedAndOtherMethodsAreRefused() async throws {
        let served = try ServedLedger()
        for endpoint in LedgerAPI.endpoints where endpoint.method == "GET" {
            let path = endpoint.path.replacingOccurrences(of: "{seq}", with: "0").replacingOccurrences(of: "{id}", with: "H01")
            for method in [APIRequest.Method.get, .head] {
                let answer = await served.api.respond(to: APIRequest(method: method, path: path, query: ["index": "0", "old": "1"]))
                #expect(!(ServedLedger.message(answer) ?? "").hasPrefix("there is nothing at"), "\(method) \(path): \(answer.status)")
                #expect(answer.status != 405, "\(method) \(path)")
            }
        }
        let delete = await served.api.respond(to: APIRequest(method: .other, methodName: "DELETE", path: "/api/v1/entries"))
        #expect(delete.status == 405 && ServedLedger.code(delete) == "method_not_allowed")
        #expect(delete.headers["Allow"] == "GET, HEAD, POST", "\(delete.headers)")
        let nowhere = await served.post("/api/v1/nowhere", [])
        #expect(nowhere.status == 404 && ServedLedger.code(nowhere) == "not_found")
    }
}
