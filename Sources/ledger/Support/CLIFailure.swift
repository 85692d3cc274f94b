import ArgumentParser
import Foundation
import LedgerCore
import LedgerCrypto

/// A failure that ends a command: printed on standard error, mapped to an exit code a script can rely on.
///
/// Exit codes: 0 success · 1 the ledger is invalid (`verify`) · 2 a rule refused the entry · 3 a file or
/// storage problem · 4 a key or passphrase problem · 64 bad arguments.
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
        let kind = error.kind.flatMap(Kind.init(rawValue:)).map(Format.kindName) ?? error.kind ?? t("entry", "条目")
        let place = error.seq.map { seq in
            t("refused \(kind) (would have been entry \(seq)): ", "拒绝录入\(kind)（本应为第 \(seq) 条）：")
        } ?? ""
        let rule = error.code == .storage ? "" : "[\(error.code)] "
        message = "\(rule)\(place)\(error.message.text(chinese: Language.current.isChinese))"
        if exit == .refused { message += t(" — nothing was written.", "——未写入任何内容。") }
    }

    init(_ error: CryptoError, file: String) {
        exit = .key
        switch error.code {
        case .passphraseRequired:
            message = t("the key \(file) is encrypted: give --passphrase-env NAME, or run in a terminal to be asked",
                "密钥 \(file) 已加密：请用 --passphrase-env 指定环境变量，或在终端中运行以输入口令")
        case .wrongPassphrase:
            message = t("the passphrase does not open \(file) (or the key file is damaged)", "口令无法打开 \(file)（或密钥文件已损坏）")
        case .malformedPEM:
            message = t("\(file) is not a PEM private key", "\(file) 不是 PEM 私钥文件")
        default:
            message = t("\(file): \(error.message)", "\(file)：\(error.message)")
        }
    }

    var description: String { message }
}

extension Ledger {
    /// Runs the command line, printing failures in the user's language with meaningful exit codes.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CLIFailure {
            printError(failure.message)
            Foundation.exit(failure.exit.rawValue)
        } catch let error as SignedNote.Failure {
            printError("[bad_checkpoint_note] \(error)")
            Foundation.exit(CLIFailure.Exit.invalidLedger.rawValue)
        } catch let error as LedgerError {
            let failure = CLIFailure(error)
            printError(failure.message)
            Foundation.exit(failure.exit.rawValue)
        } catch {
            exit(withError: error)
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
