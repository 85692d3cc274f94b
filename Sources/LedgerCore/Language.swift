/// The language people read the ledger's words in.
///
/// Library code never decides it: whoever starts a piece of work binds ``current`` for its length — the command
/// line once, from `--lang` or `LANG`, before it parses its arguments; the server for each request, from `?lang=` or
/// `Accept-Language` — and everything that words a sentence on the way reads it.
public enum Language: String, Sendable, CaseIterable {
    case zh, en

    /// The language of the text being produced now; English unless someone bound another.
    @TaskLocal public static var current: Language = .en

    public var isChinese: Bool { self == .zh }

    /// `english` or `chinese`, whichever this language reads.
    public func pick(_ english: String, _ chinese: String) -> String { isChinese ? chinese : english }

    /// The language a locale name such as `zh_CN.UTF-8` or `C.UTF-8` asks for: Chinese for `zh…`, else English.
    public init(locale: String) {
        self = locale.lowercased().hasPrefix("zh") ? .zh : .en
    }

    /// The language an HTTP `Accept-Language` header asks for first: Chinese when it starts with a `zh` range.
    public init(acceptLanguage header: String?) {
        self.init(locale: String((header ?? "").drop { $0 == " " || $0 == "\t" }))
    }
}

extension LocalizedText {
    /// The text positionally, English first, as every message in the code base pairs them.
    public init(_ english: String, _ chinese: String) {
        self.init(en: english, zh: chinese)
    }

    /// The text in ``Language/current``.
    public var localized: String { text(chinese: Language.current.isChinese) }

    /// The text in `language`.
    public func text(in language: Language) -> String { text(chinese: language.isChinese) }
}
