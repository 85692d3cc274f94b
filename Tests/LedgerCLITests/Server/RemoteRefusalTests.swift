import Testing

/// Commands that work on a ledger file itself refuse `--remote` rather than quietly using a local file.
@Suite struct RemoteRefusalTests {
    @Test func commandsOnTheFileRefuseRemote() throws {
        let site = try Site()
        for command in [["verify", "x.db"], ["init", "--society", "x"], ["import", "x.jsonl"], ["mirror", "http://127.0.0.1:9"], ["audit"]] {
            let result = try site.run(command + ["--remote", "http://127.0.0.1:9"], key: "c1")
            #expect(result.status == 64, "\(command): \(result)")
        }
    }
}
