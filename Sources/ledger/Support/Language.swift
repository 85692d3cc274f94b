import Foundation
import LedgerCore

extension Language {
    /// The command line's language: `--lang zh|en` when given, else Chinese when `LC_ALL` or `LANG` starts with `zh`.
    ///
    /// Read from the raw arguments before they are parsed, so even a parse error speaks the user's language; `main`
    /// binds it as ``Language/current`` for the whole run.
    static func commandLine(_ arguments: [String] = CommandLine.arguments,
        environment: [String: String] = ProcessInfo.processInfo.environment) -> Language
    {
        for (index, argument) in arguments.enumerated() {
            if argument.hasPrefix("--lang=") { return Language(rawValue: String(argument.dropFirst(7))) ?? .en }
            if argument == "--lang", index + 1 < arguments.count { return Language(rawValue: arguments[index + 1]) ?? .en }
        }
        return Language(locale: [environment["LC_ALL"], environment["LANG"]].compactMap { $0 }.first { !$0.isEmpty } ?? "")
    }
}

/// Picks the text for the current language. Every user-facing string goes through here with both languages
/// side by side, so no message can lack its translation.
func t(_ english: String, _ chinese: String) -> String {
    Language.current.pick(english, chinese)
}
