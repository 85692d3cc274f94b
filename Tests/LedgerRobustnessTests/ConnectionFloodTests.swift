import Foundation
import LedgerTesting
import Testing

/// Connections that never send a byte, against the real `ledger serve`: thousands held open from many addresses
/// while a normal client still gets every answer within a second; one address over its cap answered 503 at once;
/// at the total cap the longest-silent connection makes room; silent and trickling connections closed by the idle
/// timeout; and the server's memory back near where it started once the flood ends.
@Suite(.serialized) struct ConnectionFloodTests {
    /// Silent connections in the flood: 10,000 in a full run, as the hardening issue asks.
    static let flood = Scale.value("LEDGER_ROBUST_FLOOD", full: 10_000, quick: 2_000)
    /// Loopback source addresses the flood comes from, each under the default 256 per address.
    static let floodAddresses = 50
    /// How soon a normal client must be answered: within a second in a full run, which CI gives the machine to
    /// itself; within ten in a quick one (`swift test`), which shares the two cores with every other suite, so
    /// that a hung server still fails and a busy neighbour does not.
    static let prompt: Double = Scale.full ? 1 : 10

    /// A founded ledger served by `ledger serve` with `options`; returns the server and its port.
    static func serve(_ label: String, _ options: [String]) async throws -> (RobustSociety, Child, Int) {
        let society = try await RobustSociety(label)
        let child = try CLI.start(["serve", "--listen", "127.0.0.1:0", "--rate-limit", "0", "--ledger", society.ledgerPath] + options,
            in: society.workspace.url)
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let seen = (try? String(contentsOfFile: child.standardOutputPath, encoding: .utf8)) ?? ""
            if let range = seen.range(of: #"127\.0\.0\.1:[0-9]+"#, options: .regularExpression),
                let port = Int(seen[range].split(separator: ":")[1])
            {
                return (society, child, port)
            }
            usleep(20_000)
        }
        child.killGroup(SIGKILL)
        throw LoopbackSocket.Failure(description: "the server did not start: \(child.waitBlocking())")
    }

    /// `GET path` from the normal client, which must be answered 200 promptly (``prompt``).
    static func expectPromptAnswer(_ path: String, port: Int, _ when: String, sourceLocation: SourceLocation = #_sourceLocation) -> Double {
        do {
            let (status, seconds) = try LoopbackSocket.get(path, port: port, timeout: prompt + 1)
            #expect(status.hasPrefix("HTTP/1.1 200"), "\(path) \(when): \(status)", sourceLocation: sourceLocation)
            #expect(seconds < prompt, "\(path) \(when) took \(seconds) s", sourceLocation: sourceLocation)
            return seconds
        } catch {
            Issue.record("\(path) \(when): \(error)", sourceLocation: sourceLocation)
            return .infinity
        }
    }

    @Test func aFloodOfSilentConnectionsLeavesTheServerAnsweringAndItsMemoryComesBack() async throws {
        let available = LoopbackSocket.raiseDescriptorLimit()
        let flood = min(Self.flood, available - 600)
        try #require(flood >= 1000, "this process may open only \(available) files")
        let (_, server, port) = try await Self.serve("flood", ["--idle-timeout", "600"])
        defer {
            server.killGroup(SIGKILL)
            _ = server.waitBlocking()
        }
        for _ in 0..<50 { _ = Self.expectPromptAnswer("/api/v1/head", port: port, "before the flood") }
        _ = Self.expectPromptAnswer("/", port: port, "before the flood")
        let before = LoopbackSocket.residentKiB(of: server.pid)

        var silent: [LoopbackSocket] = []
        defer { silent.forEach { $0.close() } }
        var slowest = 0.0
        for index in 0..<flood {
            silent.append(try LoopbackSocket.connect(port: port, from: "127.0.1.\(1 + index % Self.floodAddresses)"))
            if index % 500 == 499 { slowest = max(slowest, Self.expectPromptAnswer("/api/v1/head", port: port, "with \(index + 1) silent connections")) }
        }
        for path in ["/api/v1/head", "/api/v1/checkpoint", "/", "/pending"] {
            for _ in 0..<10 { slowest = max(slowest, Self.expectPromptAnswer(path, port: port, "with \(flood) silent connections")) }
        }
        // They are held, not shed: under both caps and the idle timeout, none of them has been closed.
        let shed = silent.filter(\.hasBeenAnswered).count
        #expect(shed == 0, "\(shed) of \(flood) silent connections under every cap were closed")
        let during = LoopbackSocket.residentKiB(of: server.pid)

        // One address over its cap: the 256 it may hold stay, the rest are answered 503 at once (two event loops
        // may admit neighbours in either order, so which 44 is not fixed).
        let crowdStarted = Date()
        let crowd = (0..<300).compactMap { _ in try? LoopbackSocket.connect(port: port, from: "127.0.2.1") }
        defer { crowd.forEach { $0.close() } }
        // The 44 are answered at once, but on a busy machine "at once" is not 300 ms: wait for them up to a second.
        var answered: [LoopbackSocket] = []
        let crowdDeadline = Date().addingTimeInterval(Self.prompt)
        repeat {
            try await Task.sleep(for: .milliseconds(50))
            answered = crowd.filter(\.hasBeenAnswered)
        } while answered.count < 44 && Date() < crowdDeadline
        try await Task.sleep(for: .milliseconds(100))
        answered = crowd.filter(\.hasBeenAnswered)
        let refused = answered.filter { socket in
            let (bytes, closed) = socket.receive(timeout: 1)
            return closed && String(decoding: bytes, as: UTF8.self).hasPrefix("HTTP/1.1 503")
        }
        let crowdSeconds = Date().timeIntervalSince(crowdStarted)
        #expect(crowd.count == 300)
        #expect(answered.count == 44 && refused.count == 44,
            "of 300 connections from one address, \(answered.count) were answered and \(refused.count) with a 503; 44 should be")
        #expect(crowdSeconds < 2 * Self.prompt, "the crowd took \(crowdSeconds) s to be sorted")
        slowest = max(slowest, Self.expectPromptAnswer("/api/v1/head", port: port, "with one address at its cap"))

        silent.forEach { $0.close() }
        silent = []
        crowd.forEach { $0.close() }
        // Ten thousand closes at once keep the server busy for a moment (about 2 s in a debug build); the answer
        // must still come, and the memory must follow.
        let (status, firstAfter) = try LoopbackSocket.get("/api/v1/head", port: port, timeout: 10)
        #expect(status.hasPrefix("HTTP/1.1 200"), "after the flood: \(status)")
        var after = LoopbackSocket.residentKiB(of: server.pid)
        // The server hands memory back up to 5 s after the flood's end (ConnectionGate.trimDelays).
        for _ in 0..<100 where after > before + 24 * 1024 {
            try await Task.sleep(for: .milliseconds(100))
            after = LoopbackSocket.residentKiB(of: server.pid)
        }
        _ = Self.expectPromptAnswer("/api/v1/head", port: port, "after the flood")
        Figures.record("connection flood", ["silent_connections": flood, "slowest_answer_ms": Int(slowest * 1000),
            "first_answer_after_close_ms": Int(firstAfter * 1000),
            "rss_before_mib": before / 1024, "rss_during_mib": during / 1024, "rss_after_mib": after / 1024])
        #expect(after <= before + 24 * 1024, "resident memory went from \(before / 1024) MiB to \(during / 1024) MiB and stayed at \(after / 1024) MiB")
    }

    @Test func atTheTotalCapTheLongestSilentConnectionMakesRoom() async throws {
        _ = LoopbackSocket.raiseDescriptorLimit()
        let (_, server, port) = try await Self.serve("cap", ["--max-connections", "400", "--idle-timeout", "600"])
        defer {
            server.killGroup(SIGKILL)
            _ = server.waitBlocking()
        }
        let silent = try (0..<400).map { try LoopbackSocket.connect(port: port, from: "127.0.3.\(1 + $0 % 4)") }
        defer { silent.forEach { $0.close() } }
        try await Task.sleep(for: .milliseconds(200))
        #expect(silent.allSatisfy { !$0.hasBeenAnswered }, "a connection under the cap was closed")
        // Twenty more that stay: each closes one silent connection, among the oldest (two event loops may admit
        // neighbours in either order).
        let newcomers = try (0..<20).map { _ in try LoopbackSocket.connect(port: port, from: "127.0.3.9") }
        defer { newcomers.forEach { $0.close() } }
        try await Task.sleep(for: .milliseconds(300))
        let closed = silent.indices.filter { silent[$0].hasBeenAnswered }
        #expect(closed.count == 20, "\(closed.count) silent connections were closed for 20 newcomers")
        #expect(closed.allSatisfy { $0 < 40 }, "closed were \(closed), not among the oldest")
        #expect(newcomers.allSatisfy { !$0.hasBeenAnswered }, "a newcomer was refused while silent connections were open")
        // And a normal client, still at the cap, is answered at once.
        for round in 1...10 { _ = Self.expectPromptAnswer("/api/v1/head", port: port, "at the cap, request \(round)") }
    }

    @Test func silentAndTricklingConnectionsAreClosedByTheIdleTimeout() async throws {
        let (_, server, port) = try await Self.serve("idle", ["--idle-timeout", "1"])
        defer {
            server.killGroup(SIGKILL)
            _ = server.waitBlocking()
        }
        let silent = try LoopbackSocket.connect(port: port)
        defer { silent.close() }
        let trickle = try LoopbackSocket.connect(port: port)
        defer { trickle.close() }
        trickle.send("GET /api/v1/head HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        let started = Date()
        var closedAt: [String: Double] = [:]
        while Date().timeIntervalSince(started) < 4, closedAt.count < 2 {
            trickle.send("X")  // one byte of a header that never ends
            for (name, socket) in [("silent", silent), ("trickle", trickle)] where closedAt[name] == nil && socket.hasBeenAnswered {
                closedAt[name] = Date().timeIntervalSince(started)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(closedAt["silent"].map { $0 >= 0.5 && $0 < 2.5 } == true, "the silent connection closed at \(closedAt)")
        #expect(closedAt["trickle"].map { $0 >= 0.5 && $0 < 2.5 } == true, "the trickling connection closed at \(closedAt)")
        _ = Self.expectPromptAnswer("/api/v1/head", port: port, "after the idle ones were closed")
    }

    /// A body sent a byte at a time is cut off after the idle timeout with a 408, and the connection is closed;
    /// nothing is written.
    @Test func aBodyTrickledInIsCutOffWith408() async throws {
        let (society, server, port) = try await Self.serve("slow-body", ["--idle-timeout", "1"])
        defer {
            server.killGroup(SIGKILL)
            _ = server.waitBlocking()
        }
        let before = try society.entries()
        let slow = try LoopbackSocket.connect(port: port)
        defer { slow.close() }
        slow.send("POST /api/v1/entries HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n{")
        let started = Date()
        while Date().timeIntervalSince(started) < 4, !slow.hasBeenAnswered {
            slow.send(" ")
            try await Task.sleep(for: .milliseconds(100))
        }
        let answeredAfter = Date().timeIntervalSince(started)
        let (bytes, closed) = slow.receive(timeout: 2)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(answeredAfter >= 0.5 && answeredAfter < 2.5, "answered after \(answeredAfter) s")
        #expect(text.hasPrefix("HTTP/1.1 408") && text.contains("request_timeout"), "\(text)")
        #expect(closed, "the connection stayed open after the 408")
        #expect(try society.entries() == before)
        _ = Self.expectPromptAnswer("/api/v1/head", port: port, "after the slow body was cut off")
    }
}
