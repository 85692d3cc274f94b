import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// How a child process ended, what it printed, and the most memory it ever held.
public struct ProcessOutcome: CustomStringConvertible, Sendable {
    /// The exit status, or `nil` when a signal ended the process.
    public var status: Int32?
    /// The signal that ended the process, if one did.
    public var signal: Int32?
    public var stdout: String
    public var stderr: String
    /// Peak resident set size of the process, in KiB (`ru_maxrss` from `wait4`).
    public var peakKiB: Int

    /// The exit status, or 128 + the signal, as a shell reports it.
    public var exitCode: Int32 { status ?? 128 + (signal ?? 0) }

    public var description: String {
        let how = signal.map { "killed by signal \($0)" } ?? "exit \(status ?? -1)"
        return "\(how) (peak \(peakKiB / 1024) MiB)\nstdout: \(stdout.prefix(2000))\nstderr: \(stderr.prefix(2000))"
    }

    /// The standard output as one JSON object.
    public func json() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
        guard let dictionary = object as? [String: Any] else { throw SpawnError("stdout is not a JSON object: \(stdout)") }
        return dictionary
    }

    /// Signs that a process crashed rather than failed: a Swift runtime trap, a sanitizer, a backtrace.
    public var crashSigns: [String] {
        let markers = ["Fatal error", "Stack dump", "Current stack trace", "Backtrace", "backtrace", "💣", "Segmentation fault",
            "Illegal instruction", "SIGSEGV", "SIGILL", "SIGBUS", "SIGABRT", "Thread 0 crashed", "terminate called"]
        return markers.filter { stderr.contains($0) || stdout.contains($0) }
    }
}

public struct SpawnError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A child process started with `posix_spawn`, in its own process group, so that it can be killed with everything
/// it started (`SIGKILL` to the group), and reaped with `wait4` for its peak memory.
///
/// Every test and benchmark that runs a program goes through this rather than Foundation's `Process`, whose `run()`
/// in Swift 6.3.1 on Linux sometimes crashes the whole process that calls it (an over-read while it lists `/proc/self/fd`,
/// swift-corelibs-foundation pull request 5472).
public final class Child: @unchecked Sendable {
    public let pid: pid_t
    private let outURL: URL
    private let errURL: URL

    /// Where a measured child's own exit and peak memory are written (see ``measurer``).
    private let usageURL: URL?

    /// A small Python parent that forks the real command and reports its `wait4` usage. Needed because Linux
    /// counts in a process's `ru_maxrss` the memory of whatever process it was spawned from: measured directly, a
    /// child would inherit the test runner's own peak. Python's few megabytes are the floor instead.
    static let measurer = """
        import os, sys
        pid = os.fork()
        if pid == 0:
            os.execv(sys.argv[2], sys.argv[2:])
        _, status, usage = os.wait4(pid, 0)
        how = "signal %d" % os.WTERMSIG(status) if os.WIFSIGNALED(status) else "exit %d" % os.WEXITSTATUS(status)
        with open(sys.argv[1], "w") as out:
            out.write("%s %d" % (how, usage.ru_maxrss))
        """

    /// Starts `executable arguments…` with `environment`, standard input from `/dev/null`, and standard output and
    /// error into files (read after it ends, so a large output never blocks it).
    /// - Parameter measure: report the command's own peak memory (through ``measurer``), not the spawn's.
    public init(_ executable: String, _ arguments: [String], environment: [String: String], folder: URL, measure: Bool = false) throws {
        outURL = folder.appendingPathComponent(".out-\(UUID().uuidString)")
        errURL = folder.appendingPathComponent(".err-\(UUID().uuidString)")
        usageURL = measure ? folder.appendingPathComponent(".usage-\(UUID().uuidString)") : nil
        let (executable, arguments) = usageURL.map { usage in
            ("/usr/bin/python3", ["-c", Child.measurer, usage.path, executable] + arguments)
        } ?? (executable, arguments)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // In `folder`: glibc has posix_spawn_file_actions_addchdir_np, which Swift does not import by name.
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np") else { throw SpawnError("no posix_spawn_file_actions_addchdir_np") }
        typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
        _ = unsafeBitCast(symbol, to: AddChdir.self)(&actions, folder.path)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGXFSZ, SIGINT, SIGTERM, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw SpawnError("cannot start \(executable): \(String(cString: strerror(result)))") }
        self.pid = pid
    }

    /// The file the child's standard output goes to, readable while it runs (a server announcing its address).
    public var standardOutputPath: String { outURL.path }

    /// Sends `signal` to the child's whole process group.
    public func killGroup(_ signal: Int32 = SIGKILL) {
        _ = kill(-pid, signal)
    }

    /// Waits for the child to end (at most `timeout` seconds, then kills it) and returns how it ended. Polls
    /// `wait4` with `WNOHANG` rather than blocking a thread, so any number of children can be waited for at once.
    public func wait(timeout: TimeInterval = 900) async -> ProcessOutcome {
        let deadline = Date().addingTimeInterval(timeout)
        var delay: UInt64 = 1_000_000
        while true {
            if let ended = reap(options: WNOHANG) {
                // Anything else left in the group (a killed shell's children) is waited for too, so no file stays locked.
                await Child.waitForGroupToEnd(pid)
                return outcome(ended)
            }
            if Date() > deadline { killGroup(SIGKILL) }
            try? await Task.sleep(nanoseconds: delay)
            delay = min(delay * 2, 20_000_000)
        }
    }

    /// Waits for the child to end, blocking this thread: for synchronous tests that run one short command.
    public func waitBlocking() -> ProcessOutcome {
        while true {
            if let ended = reap(options: 0) { return outcome(ended) }
        }
    }

    /// Runs `executable arguments…` in `folder` to its end.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String], folder: URL)
        async throws -> ProcessOutcome
    {
        try await Child(executable, arguments, environment: environment, folder: folder).wait()
    }

    /// How `wait4` found the child: its raw status and peak memory, or `lost` when another waiter reaped it;
    /// `nil` while it runs (with `WNOHANG`) or when interrupted.
    private func reap(options: Int32) -> (rawStatus: Int32, peak: Int, lost: Bool)? {
        var status: Int32 = 0
        var usage = rusage()
        let result = wait4(pid, &status, options, &usage)
        if result == pid { return (status, Int(usage.ru_maxrss), false) }
        if result < 0, errno != EINTR { return (0, 0, true) }  // not our child any more: someone else reaped it
        return nil
    }

    /// What the child printed and how it ended, its output files removed.
    private func outcome(_ ended: (rawStatus: Int32, peak: Int, lost: Bool)) -> ProcessOutcome {
        let termination = ended.rawStatus & 0x7f
        // Decoded as bytes, so a byte-order mark the program printed stays in the text.
        let out = String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self)
        let err = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
        var outcome = ProcessOutcome(
            status: termination == 0 ? (ended.rawStatus >> 8) & 0xff : nil, signal: termination == 0 ? nil : termination,
            stdout: out, stderr: err, peakKiB: ended.peak)
        if ended.lost {
            outcome.status = 70
            outcome.stderr += "\n(process \(pid) was reaped by someone else: its exit status is unknown)"
        }
        if let usageURL {
            // "exit N PEAK" or "signal N PEAK", from the measurer.
            let fields = ((try? String(contentsOf: usageURL, encoding: .utf8)) ?? "").split(separator: " ")
            try? FileManager.default.removeItem(at: usageURL)
            if fields.count == 3, let code = Int32(fields[1]), let kib = Int(fields[2]) {
                outcome.status = fields[0] == "exit" ? code : nil
                outcome.signal = fields[0] == "signal" ? code : nil
                outcome.peakKiB = kib
            } else {
                outcome.stderr += "\n(the measurer reported nothing: \(outcome))"
                outcome.status = 70
            }
        }
        return outcome
    }

    /// Waits until no live process remains in process group `group` (a zombie holds no files and no locks).
    public static func waitForGroupToEnd(_ group: pid_t, timeout: TimeInterval = 20) async {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if liveMembers(of: group).isEmpty { return }
            try? await Task.sleep(nanoseconds: 2_000_000)
        }
    }

    /// The processes of a group that are not zombies, from /proc.
    public static func liveMembers(of group: pid_t) -> [pid_t] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        var members: [pid_t] = []
        for name in names {
            guard let pid = pid_t(name), let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            // After "(comm)": state, ppid, pgrp, …
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 2, fields[0] != "Z", fields[0] != "X", pid_t(fields[2]) == group else { continue }
            members.append(pid)
        }
        return members
    }
}
