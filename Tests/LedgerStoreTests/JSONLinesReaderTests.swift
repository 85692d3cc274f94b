import Foundation
import LedgerCore
import LedgerStore
import LedgerTesting
import Testing

/// `JSONLinesReader` hands over complete lines in batches, reports a torn last line, and caps an over-long one.
@Suite struct JSONLinesReaderTests {
    static func reader(for contents: Data, in folder: TemporaryFolder) throws -> JSONLinesReader {
        try contents.write(to: URL(fileURLWithPath: folder.path("lines.jsonl")))
        return try JSONLinesReader(path: folder.path("lines.jsonl"))
    }

    static func text(_ lines: [[UInt8]]) -> [String] { lines.map { String(decoding: $0, as: UTF8.self) } }

    @Test func splitsCompleteLinesInBatchesOfTheAskedSize() throws {
        let folder = try TemporaryFolder()
        var reader = try Self.reader(for: Data("a\nbb\n\nccc\n互助\n".utf8), in: folder)

        #expect(Self.text(try reader.next(2)) == ["a", "bb"])
        #expect(Self.text(try reader.next(2)) == ["", "ccc"])
        #expect(Self.text(try reader.next(2)) == ["互助"])
        #expect(try reader.next(2).isEmpty)
        #expect(try reader.next(2).isEmpty)
        #expect(!reader.tornLastLine)
    }

    @Test func reportsATornLastLineInsteadOfHandingItOver() throws {
        let folder = try TemporaryFolder()
        var reader = try Self.reader(for: Data("{\"a\":1}\n{\"b\":2}\n{\"c\":".utf8), in: folder)

        #expect(Self.text(try reader.next(10)) == ["{\"a\":1}", "{\"b\":2}"])
        #expect(try reader.next(10).isEmpty)
        #expect(reader.tornLastLine)
    }

    @Test func anEmptyFileHasNoLinesAndIsNotTorn() throws {
        let folder = try TemporaryFolder()
        var reader = try Self.reader(for: Data(), in: folder)
        #expect(try reader.next(10).isEmpty)
        #expect(!reader.tornLastLine)
    }

    @Test(arguments: [200 * 1024, 3 * 1024 * 1024])
    func capsAnOverlongLineAndKeepsReadingAfterIt(_ length: Int) throws {
        let folder = try TemporaryFolder()
        var contents = Data("first\n".utf8)
        contents.append(Data(repeating: UInt8(ascii: "x"), count: length))
        contents.append(Data("\nlast\n".utf8))
        var reader = try Self.reader(for: contents, in: folder)

        let lines = try reader.next(10)

        #expect(lines.count == 3)
        #expect(lines.first == Array("first".utf8))
        #expect(lines.last == Array("last".utf8))
        let overlong = lines.dropFirst().first ?? []
        #expect(overlong.allSatisfy { $0 == UInt8(ascii: "x") })
        #expect(overlong.count == Entry.maxBytes + 1)
        #expect(try reader.next(10).isEmpty)
        #expect(!reader.tornLastLine)
    }

    @Test func anOverlongTornLastLineIsCappedAndReported() throws {
        let folder = try TemporaryFolder()
        var contents = Data("first\n".utf8)
        contents.append(Data(repeating: UInt8(ascii: "y"), count: 200 * 1024))
        var reader = try Self.reader(for: contents, in: folder)

        let lines = try reader.next(10)

        #expect(lines.count == 2)
        #expect(lines.last?.count == Entry.maxBytes + 1)
        #expect(try reader.next(10).isEmpty)
        #expect(lines.allSatisfy { $0.count <= Entry.maxBytes + 1 })
    }

    @Test func aMissingFileIsAStorageError() throws {
        let folder = try TemporaryFolder()
        let error = #expect(throws: LedgerError.self) { try JSONLinesReader(path: folder.path("missing.jsonl")) }
        #expect(error?.code == .storage)
        #expect(error?.message.english.contains("missing.jsonl") == true)
    }
}
