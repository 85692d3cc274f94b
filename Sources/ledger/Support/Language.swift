import Foundation

/// The interface language: Chinese when asked for with `--lang zh`, or when `LC_ALL`/`LANG` starts with `zh`.
enum Language: String, Sendable {
    case zh, en

    /// The language of the page being rendered for a web reader, set for the length of one request.
    @TaskLocal static var reader: Language?

    /// The reader's language while a web page is rendered, else the command line's.
    static var current: Language { reader ?? commandLine }

    /// Decided once from the command line and the environment, so even errors raised before the arguments
    /// are parsed speak the user's language.
    static let commandLine: Language = {
        let arguments = CommandLine.arguments
        for (index, argument) in arguments.enumerated() {
            if argument.hasPrefix("--lang=") { return Language(rawValue: String(argument.dropFirst(7))) ?? .en }
            if argument == "--lang", index + 1 < arguments.count { return Language(rawValue: arguments[index + 1]) ?? .en }
        }
        let environment = ProcessInfo.processInfo.environment
        let locale = [environment["LC_ALL"], environment["LANG"]].compactMap { $0 }.first { !$0.isEmpty } ?? ""
        return locale.lowercased().hasPrefix("zh") ? .zh : .en
    }()

    var isChinese: Bool { self == .zh }
}

/// Picks the text for the current language. Every user-facing string goes through here with both languages
/// side by side, so no message can lack its translation.
func t(_ english: String, _ chinese: String) -> String {
    Language.current.isChinese ? chinese : english
}
