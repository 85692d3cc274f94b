import LedgerCore

/// Why an application task could not be done: a file, key, server or piece of input that does not serve.
///
/// Rules the ledger itself enforces fail with `LedgerError`; this is for everything around them. The ``code`` says
/// what kind of thing went wrong, so each front end can answer its own way (the command line maps codes to exit
/// statuses in one place, the server to HTTP statuses); the ``message`` says it in both languages, naming the file,
/// entry or server and what to do next. Never contains key material.
public struct KitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of thing went wrong; new codes may be added.
    public struct Code: Hashable, Sendable, RawRepresentable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Input that does not fit: an argument, a spreadsheet, a proof or note of the wrong form.
        public static let badInput = Code(rawValue: "bad_input")
        /// A file or folder that cannot be read or written.
        public static let file = Code(rawValue: "file")
        /// A key file that does not open, or a key that may not be used for this.
        public static let key = Code(rawValue: "key")
        /// A server that cannot be reached, or answers what a ledger server never sends.
        public static let unreachable = Code(rawValue: "unreachable")
        /// Refused before anything was written: a spreadsheet with bad rows, or a server that said no (its own reason
        /// is in the message).
        public static let refused = Code(rawValue: "refused")
        /// Something checked and found false: a ledger, a note, a proof, a server's history.
        public static let invalid = Code(rawValue: "invalid")
    }

    public var code: Code
    public var message: LocalizedText

    public init(_ code: Code, en: String, zh: String) {
        self.code = code
        self.message = LocalizedText(en: en, zh: zh)
    }

    public init(_ code: Code, _ message: LocalizedText) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message.english)" }

    /// Errors are equal when their codes are: the words may change, the kind of failure may not.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
}
