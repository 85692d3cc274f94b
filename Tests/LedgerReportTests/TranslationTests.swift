import Foundation
import Testing

/// No user-facing message of the command line lacks its translation: every sentence printed, thrown or shown
/// in help goes through `t(english, chinese)`, and every `t` has a Chinese text that is really Chinese.
@Suite struct TranslationTests {
    /// Calls whose string arguments reach the user.
    static let userFacingCalls: Set<String> = ["print", "printError", "printInfo", "CLIFailure", "ValidationError", "ArgumentHelp"]
    /// Labels whose string values reach the user (command and option help).
    static let userFacingLabels: Set<String> = ["help", "abstract", "discussion"]

    static var sourceFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/ledger")
    }

    /// Every problem in one source text, as `line: what`.
    static func problems(in source: String) -> [String] {
        let literals = SwiftStrings(source: source).literals
        var problems: [String] = []
        for literal in literals where SwiftStrings.hasWords(literal.text) && literal.call != "t" && !isCommandLine(literal.text) {
            if let call = literal.call, userFacingCalls.contains(call), literal.label.map(userFacingLabels.contains) ?? true {
                problems.append("\(literal.line): \"\(literal.text)\" is passed to \(call) without t(english, chinese)")
            } else if let label = literal.label, userFacingLabels.contains(label) {
                problems.append("\(literal.line): \(label): \"\(literal.text)\" is not wrapped in t(english, chinese)")
            }
        }
        // Each call of t: both texts given, and the Chinese one in Chinese.
        let calls = Dictionary(grouping: literals.filter { $0.call == "t" }, by: \.callID)
        for (_, arguments) in calls {
            let english = arguments.filter { $0.argument == 0 }.map(\.text).joined()
            let chinese = arguments.filter { $0.argument == 1 }.map(\.text).joined()
            let line = arguments.map(\.line).min() ?? 0
            guard SwiftStrings.hasWords(english), arguments.contains(where: { $0.argument == 0 }) else { continue }
            if !arguments.contains(where: { $0.argument == 1 }) {
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
        #expect(found.count == 4, "\(found)")
        #expect(found.contains { $0.hasPrefix("1:") && $0.contains("Wrote the file") })
        #expect(found.contains { $0.hasPrefix("3:") && $0.contains("no such member") })
        #expect(found.contains { $0.hasPrefix("7:") && $0.contains("Same") })
        #expect(found.contains { $0.hasPrefix("8:") && $0.contains("The ledger file.") })
    }

    @Test func everyMessageOfTheCommandLineIsTranslated() throws {
        let files = try #require(FileManager.default.enumerator(at: Self.sourceFolder, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 30, "found only \(files.count) source files in \(Self.sourceFolder.path)")
        var problems: [String] = []
        var translated = 0
        for file in files {
            let source = try String(contentsOf: file, encoding: .utf8)
            problems += Self.problems(in: source).map { "\(file.lastPathComponent):\($0)" }
            translated += SwiftStrings(source: source).literals.filter { $0.call == "t" }.count
        }
        #expect(translated > 500, "the scanner found only \(translated) translated texts: is it still reading the sources?")
        #expect(problems.isEmpty, "messages without a translation:\n\(problems.joined(separator: "\n"))")
    }
}
