import Foundation
import LedgerCore

/// The verifier keys (`name+hash+base64`) people check notes with offline: a file from `ledger keys --note`, as
/// posted on the notice board, and keys given one by one.
public enum VerifierKeys {
    /// The keys of `file` (one per line, `#` starting a comment), then each of `given`.
    /// - Throws: ``KitError/Code/key`` for a line or key that is not a verifier key, or a file holding none.
    public static func load(file: String?, given: [String]) throws(KitError) -> [NoteVerifierKey] {
        var loaded = try file.map(read) ?? []
        for text in given {
            guard let key = NoteVerifierKey(parsing: text) else {
                throw KitError(.key, en: "\(text) is not a verifier key", zh: "\(text) 不是验证密钥")
            }
            loaded.append(key)
        }
        return loaded
    }

    /// The keys listed in `path`.
    public static func read(_ path: String) throws(KitError) -> [NoteVerifierKey] {
        var keys: [NoteVerifierKey] = []
        for line in try TextFile.read(path).split(separator: "\n") {
            let text = String(line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
                .trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            guard let key = NoteVerifierKey(parsing: text) else {
                throw KitError(.key, en: "\(path): \(text) is not a verifier key", zh: "\(path)：\(text) 不是验证密钥")
            }
            keys.append(key)
        }
        guard !keys.isEmpty else { throw KitError(.key, en: "\(path) holds no verifier keys", zh: "\(path) 中没有验证密钥") }
        return keys
    }
}
