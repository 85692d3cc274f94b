import Foundation
import Testing

extension Society {
    /// Runs `body` and checks that it left the ledger as it was: the same entries and the same file bytes.
    public func expectUnchanged(_ body: () async throws -> Void) async throws {
        let entriesBefore = try entries()
        let bytesBefore = try fileBytes()
        try await body()
        let bytesAfter = try fileBytes()
        #expect(try entries() == entriesBefore)
        #expect(firstDifference(bytesAfter, bytesBefore) == nil)
    }
}
