import ArgumentParser
import LedgerCore
import LedgerKit

/// An amount typed in yuan (`1200`, `35.5`, `0.01`), held in fen.
struct YuanAmount: ExpressibleByArgument {
    let fen: Fen

    init?(argument: String) {
        guard let fen = Yuan.parse(argument) else { return nil }
        self.fen = fen
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

/// `HOLDER=PUB`: a key holder's display name and their public key (a `.pub` file or base64).
struct HolderKey: ExpressibleByArgument {
    let holder: String
    let publicKey: String

    init?(argument: String) {
        guard let separator = argument.firstIndex(of: "=") else { return nil }
        holder = String(argument[..<separator])
        publicKey = String(argument[argument.index(after: separator)...])
        guard !holder.isEmpty, !publicKey.isEmpty else { return nil }
    }
}

extension Role: ExpressibleByArgument {}
extension Payout.Method: ExpressibleByArgument {}
extension Kind: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
extension TextEncoding: ExpressibleByArgument {}

/// A day typed as `YYYY-MM-DD`, in the local time zone.
extension LocalDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

/// A month typed as `YYYY-MM`, in the local time zone.
extension Period: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

/// Refuses an amount that did not parse, with a sentence that says what is accepted.
func amountHelp(_ what: String) -> ArgumentHelp {
    ArgumentHelp(t("\(what), in yuan with at most two decimals (e.g. 1200 or 35.5).", "\(what)，以元为单位，最多两位小数（如 1200 或 35.5）。"))
}
