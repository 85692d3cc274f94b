import Foundation
import LedgerCore
import Testing

/// A store writes the rules' header with a hand-built encoder (`Header.encodedJSON`) and reads it back with the
/// header's `Codable` conformance. Both must describe the same JSON, or a fresh open would read another state.
@Suite struct HeaderEncodingTests {
    static let full = #"""
        {"count":42,"founding":{"genesisHash":"\#(String(repeating: "ab", count: 32))","ledgerID":"0123456789abcdef0123456789abcdef","society":"石门村 \"互助\" 社"},"head":"\#(String(repeating: "0f", count: 32))","lastTime":"2026-03-01T09:14:00Z","policy":{"governanceCommittee":2,"governanceOversight":1,"moneyApprovals":2},"rejected":[7,3,11],"reversed":[5]}
        """#
    static let minimal = #"""
        {"count":0,"head":"\#(String(repeating: "00", count: 32))","policy":{"governanceCommittee":1,"governanceOversight":1,"moneyApprovals":1},"rejected":[],"reversed":[]}
        """#

    @Test(arguments: [full, minimal])
    func theHandBuiltEncodingIsTheJSONThatCodableWritesAndReads(json: String) throws {
        let header = try JSONDecoder().decode(LedgerState.Header.self, from: Data(json.utf8))
        let encoded = Data(header.encodedJSON)
        #expect(try JSONDecoder().decode(LedgerState.Header.self, from: encoded) == header)
        // Same fields and values as Foundation's own encoding (sets compared as sorted lists).
        func normalised(_ data: Data) throws -> NSDictionary {
            var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            for key in ["rejected", "reversed"] { object[key] = (object[key] as? [Int])?.sorted() }
            return object as NSDictionary
        }
        #expect(try normalised(encoded) == normalised(try JSONEncoder().encode(header)))
    }
}
