import Foundation
import LedgerTesting
import Testing

/// Every command's help, in both languages, ends with an example; the shell completion scripts know every command.
@Suite struct HelpTests {
    static let chinese = "zh_CN.UTF-8"

    /// The subcommand names listed under SUBCOMMANDS in a help text.
    static func subcommands(in help: String) -> [String] {
        guard let start = help.range(of: "SUBCOMMANDS:") else { return [] }
        return help[start.upperBound...].split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first else { return nil }
            return String(name)
        }.filter { $0 != "See" }
    }

    /// Every command path (`["record", "sale"]`), found by walking the help pages from the top.
    static func commandPaths(in folder: URL) async throws -> [[String]] {
        var paths: [[String]] = []
        var queue: [[String]] = [[]]
        while let path = queue.first {
            queue.removeFirst()
            let help = try await CLI.run(["help"] + path, in: folder)
            #expect(help.status == 0, "ledger help \(path.joined(separator: " ")): \(help)")
            let children = subcommands(in: help.stdout).filter { $0 != "help" }
            if !path.isEmpty { paths.append(path) }
            queue += children.map { path + [$0] }
        }
        return paths
    }

    @Test func everyCommandHasAnExampleInBothLanguages() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-help-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = try await Self.commandPaths(in: folder)
        #expect(paths.count > 40, "found only \(paths.count) commands: \(paths)")
        for command in ["report", "import-sales", "import-donations", "export", "balance", "statement"] {
            #expect(paths.contains([command]), "\(command) is not listed in `ledger --help`")
        }
        var missing: [String] = []
        for path in paths {
            let english = try await CLI.run(path + ["--help"], in: folder)
            let chinese = try await CLI.run(path + ["--help"], in: folder, lang: Self.chinese)
            #expect(english.status == 0 && chinese.status == 0, "\(path): \(english) \(chinese)")
            if !english.stdout.contains("Example") { missing.append("\(path.joined(separator: " ")) (English)") }
            if !chinese.stdout.contains("示例") { missing.append("\(path.joined(separator: " ")) (Chinese)") }
        }
        #expect(missing.isEmpty, "commands whose --help has no example: \(missing)")
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsKnowTheNewCommands(_ shell: String) async throws {
        let folder = FileManager.default.temporaryDirectory
        let result = try await CLI.run(["--generate-completion-script", shell], in: folder)
        #expect(result.status == 0, "\(result)")
        for command in ["report", "import-sales", "import-donations", "statement", "export"] {
            #expect(result.stdout.contains(command), "the \(shell) script does not complete \(command)")
        }
        #expect(result.stdout.contains("journal"), "the \(shell) script does not offer --format journal")
    }
}
