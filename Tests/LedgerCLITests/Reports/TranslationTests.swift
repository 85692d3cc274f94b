import Foundation
import Testing

/// No user-facing message lacks its translation: every sentence the command line, the application library, the views
/// and the site print, throw or show in help goes through `t(english, chinese)` (or carries both texts, as
/// `KitError(code, en:, zh:)` and `LocalizedText(english, chinese)` do), and every Chinese text is really Chinese.
@Suite struct TranslationTests {
    /// Calls whose string arguments reach the user.
    static let userFacingCalls: Set<String> = ["print", "printError", "printInfo", "CLIFailure", "ValidationError", "ArgumentHelp", "KitError"]
    /// Calls that take a text in both languages: positionally (`t`, `LocalizedText`) or as `en:` and `zh:`.
    static let pairCalls: Set<String> = ["t", "LocalizedText", "KitError", "LedgerError"]
    /// Labels whose string values reach the user (command and option help).
    static let userFacingLabels: Set<String> = ["help", "abstract", "discussion"]

    /// The modules that word sentences for people.
    static var sourceFolders: [URL] {
        var root = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path), root.pathComponents.count > 1 {
            root.deleteLastPathComponent()
        }
        return ["ledger", "LedgerKit", "LedgerViews", "LedgerWeb"].map { root.appendingPathComponent("Sources/\($0)") }
    }

    /// Whether `literal` is the English (0) or Chinese (1) half of a pair call.
    static func half(_ literal: SwiftStrings.Literal) -> Int? {
        guard let call = literal.call, pairCalls.contains(call) else { return nil }
        switch literal.label {
        case "en": return 0
        case "zh": return 1
        case nil where call == "t" || call == "LocalizedText": return literal.argument <= 1 ? literal.argument : nil
        default: return nil
        }
    }

    /// Every problem in one source text, as `line: what`.
    static func problems(in source: String) -> [String] {
        let literals = SwiftStrings(source: source).literals
        var problems: [String] = []
        for literal in literals where SwiftStrings.hasWords(literal.text) && half(literal) == nil && !isCommandLine(literal.text) {
            if let call = literal.call, userFacingCalls.contains(call), literal.label.map(userFacingLabels.contains) ?? true {
                problems.append("\(literal.line): \"\(literal.text)\" is passed to \(call) without t(english, chinese)")
            } else if let label = literal.label, userFacingLabels.contains(label) {
                problems.append("\(literal.line): \(label): \"\(literal.text)\" is not wrapped in t(english, chinese)")
            }
        }
        // Each call of t: both texts given, and the Chinese one in Chinese.
        let calls = Dictionary(grouping: literals.filter { half($0) != nil }, by: \.callID)
        for (_, arguments) in calls {
            let english = arguments.filter { half($0) == 0 }.map(\.text).joined()
            let chinese = arguments.filter { half($0) == 1 }.map(\.text).joined()
            let line = arguments.map(\.line).min() ?? 0
            guard SwiftStrings.hasWords(english), arguments.contains(where: { half($0) == 0 }) else { continue }
            if !arguments.contains(where: { half($0) == 1 }) {
                // The Chinese text may be built elsewhere (a variable); only literals can be checked here.
                continue
            }
            if chinese == english || !SwiftStrings.hasChinese(chinese) {
                problems.append("\(line): t(\"\(english)\", \"\(chinese)\") has no Chinese translation")
            }
        }
        return problems.sorted()
    }

    /// A command for the user to type (`  ./ledger verify …`) is the same in every language.
    static func isCommandLine(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix("./ledger ") || trimmed.hasPrefix("ledger ")
    }

    @Test func theScannerFindsUntranslatedMessages() {
        let source = #"""
            print("Wrote the file")
            print(t("Wrote \(n) rows", "已写入 \(n) 行"))
            throw CLIFailure(.usage, "no such member")
            throw CLIFailure(.usage, t("no such member \(m)", "没有成员 \(m)"))
            throw KitError(.file, en: "cannot read \(p)", zh: "cannot read \(p)")
            throw KitError(.file, en: "cannot read \(p)", zh: "无法读取 \(p)")
            printError("[bad_note] \(error)")
            print("\(heading)\n")
            let x = t("Same", "Same")
            @Option(help: "The ledger file.") var ledger: String?
            // print("a comment is not output")
            let table = ["a literal elsewhere is not a message"]
            print("  ./ledger verify \(path)")
            @Option(help: ArgumentHelp(t("Output file.", "输出文件。"), valueName: "file")) var out: String?
            print(t("Nested \(f("inner"))", """
                多行 \(g(")"))
                """))
            """#
        let found = Self.problems(in: source)
        #expect(found.count == 5, "\(found)")
        #expect(found.contains { $0.hasPrefix("1:") && $0.contains("Wrote the file") })
        #expect(found.contains { $0.hasPrefix("3:") && $0.contains("no such member") })
        #expect(found.contains { $0.hasPrefix("5:") && $0.contains("cannot read") })
        #expect(found.contains { $0.hasPrefix("9:") && $0.contains("Same") })
        #expect(found.contains { $0.hasPrefix("10:") && $0.contains("The ledger file.") })
    }

    @Test func everyMessageIsTranslated() throws {
        let files = try Self.sourceFolders.flatMap { folder in
            try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
                .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        }
        #expect(files.count > 80, "found only \(files.count) source files in \(Self.sourceFolders.map(\.path))")
        var problems: [String] = []
        var translated = 0
        for file in files {
            let source = try String(contentsOf: file, encoding: .utf8)
            problems += Self.problems(in: source).map { "\(file.lastPathComponent):\($0)" }
            translated += SwiftStrings(source: source).literals.filter { Self.half($0) == 0 }.count
        }
        #expect(translated > 600, "the scanner found only \(translated) translated texts: is it still reading the sources?")
        #expect(problems.isEmpty, "messages without a translation:\n\(problems.joined(separator: "\n"))")
    }
}
