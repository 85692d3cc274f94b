import ArgumentParser
import Foundation
import LedgerCore
import LedgerKit
import LedgerViews

/// A failure that ends a command: printed on standard error, mapped to an exit code a script can rely on.
///
/// Exit codes: 0 success · 1 the ledger is invalid (`verify`) · 2 refused: a rule refused the entry, or the member
/// or entry named is not in the ledger (or, for a name, is more than one) · 3 a file or storage problem · 4 a key or
/// passphrase problem · 64 bad arguments (what was typed cannot be read at all). Every error a library throws
/// becomes one of these here and nowhere else (``init(_:)-(any Error)``).
struct CLIFailure: Error, CustomStringConvertible {
    enum Exit: Int32 {
        case invalidLedger = 1
        case refused = 2
        case storage = 3
        case key = 4
        case usage = 64
    }

    var exit: Exit
    var message: String

    init(_ exit: Exit, _ message: String) {
        self.exit = exit
        self.message = message
    }

    /// A rule's refusal or a storage failure, in the user's language, naming the rule and the entry.
    init(_ error: LedgerError) {
        exit = error.code == .storage ? .storage : .refused
        // A refused append never got its seq: say what was refused rather than naming a seq that does not exist.
        let kind = error.kind.flatMap(Kind.init(rawValue:)).map { $0.displayName.localized } ?? error.kind ?? t("entry", "条目")
        let place = error.seq.map { seq in
            t("refused \(kind) (would have been entry \(seq)): ", "拒绝录入\(kind)（本应为第 \(seq) 条）：")
        } ?? ""
        let rule = error.code == .storage ? "" : "[\(error.code)] "
        message = "\(rule)\(place)\(error.message.localized)"
        if exit == .refused { message += t(" — nothing was written.", "——未写入任何内容。") }
    }

    /// An application failure: its code decides the exit status.
    init(_ error: KitError) {
        switch error.code {
        case .badInput: exit = .usage
        case .key: exit = .key
        case .refused: exit = .refused
        case .invalid: exit = .invalidLedger
        default: exit = .storage
        }
        message = error.message.localized
    }

    /// An entry the ledger does not have: refused like a member it does not have, whatever the command.
    static func notFound(_ message: String) -> CLIFailure { CLIFailure(.refused, "[not_found] " + message) }

    var description: String { message }
}

extension Ledger {
    /// Runs the command line in the user's language, printing failures with meaningful exit codes.
    static func main() async {
        await Language.$current.withValue(Language.commandLine()) {
            do {
                var command = try parseAsRoot()
                if var command = command as? AsyncParsableCommand {
                    try await command.run()
                } else {
                    try command.run()
                }
            } catch {
                guard let failure = failure(error) else { exit(withError: error) }
                printError(failure.message)
                Foundation.exit(failure.exit.rawValue)
            }
        }
    }

    /// The one place errors become exit codes; `nil` for the argument parser's own (help, usage, `ExitCode`).
    static func failure(_ error: any Error) -> CLIFailure? {
        switch error {
        case let failure as CLIFailure: failure
        case let error as KitError: CLIFailure(error)
        case let error as LedgerError: CLIFailure(error)
        case let error as SignedNote.Failure: CLIFailure(.invalidLedger, "[bad_checkpoint_note] \(error)")
        default: nil
        }
    }
}

/// Writes one line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((t("error: ", "错误：") + message + "\n").utf8))
}

/// Writes one line to standard error without the error prefix (progress, notes).
func printInfo(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

extension Format {
    /// Prints a JSON value with sorted keys (for `--json`).
    static func printJSON(_ object: Any) {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return
        }
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}
