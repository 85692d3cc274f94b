import Foundation

/// A fresh folder under the system's temporary directory, removed with everything in it when released — even what a
/// test made read-only. Every test target makes its scratch folders here.
public final class TemporaryFolder: @unchecked Sendable {
    public let url: URL
    public var path: String { url.path }

    /// - Parameter label: part of the folder's name, to tell a test's folders apart when one is kept for a look.
    public init(_ label: String = "tests") throws {
        url = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("ledger-\(label)-\(UUID().uuidString.prefix(12))", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    deinit { Self.removeTree(url.path) }

    /// The path of `name` inside the folder.
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// The URL of `name` inside the folder.
    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    public func write(_ bytes: [UInt8], to name: String) throws { try Data(bytes).write(to: file(name)) }
    public func write(_ text: String, to name: String) throws { try write(Array(text.utf8), to: name) }
    public func read(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: file(name))) }
    public func readText(_ name: String) throws -> String { String(decoding: try read(name), as: UTF8.self) }

    /// The bytes of `name`, or `nil` if there is no such file.
    public func bytes(_ name: String) -> Data? { FileManager.default.contents(atPath: path(name)) }

    /// The names of the files in the folder, sorted, without hidden ones.
    public func listing() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Removes a folder even if a test made parts of it read-only.
    public static func removeTree(_ path: String) {
        if let items = FileManager.default.enumerator(atPath: path) {
            for case let item as String in items { chmod(path + "/" + item, 0o700) }
        }
        chmod(path, 0o700)
        try? FileManager.default.removeItem(atPath: path)
    }
}
