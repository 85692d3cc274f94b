import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Passphrases come from an environment variable the user names, or from a terminal prompt without echo;
/// never from the command line.
public enum Passphrase {
    public static func obtain(environmentName: String?, prompt: String) throws(KitError) -> [UInt8] {
        if let environmentName {
            guard let value = ProcessInfo.processInfo.environment[environmentName], !value.isEmpty else {
                throw KitError(.key, en: "the environment variable \(environmentName) (from --passphrase-env) is not set", zh: "环境变量 \(environmentName)（--passphrase-env 指定）未设置")
            }
            return try checked(Array(value.utf8))
        }
        guard isatty(STDIN_FILENO) == 1 else {
            throw KitError(.key, en: "a passphrase is needed: give --passphrase-env NAME, or run in a terminal", zh: "需要口令：请用 --passphrase-env 指定环境变量，或在终端中运行")
        }
        return try checked(readWithoutEcho(prompt: prompt))
    }

    /// Refuses passphrases that could never open a key again.
    public static func checked(_ bytes: [UInt8]) throws(KitError) -> [UInt8] {
        guard !bytes.isEmpty, !bytes.contains(0) else {
            throw KitError(.key, en: "the passphrase is empty or contains a NUL character", zh: "口令为空或含有 NUL 字符")
        }
        return bytes
    }

    public static func readWithoutEcho(prompt: String) -> [UInt8] {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(STDIN_FILENO, &byte, 1) == 1, byte != 0x0a { bytes.append(byte) }
        return bytes
    }
}
