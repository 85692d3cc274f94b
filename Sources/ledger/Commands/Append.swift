import LedgerCore
import LedgerKit

/// Signs `payload` with the user's key, appends it to the ledger, and prints the result.
///
/// With `--remote` the entry is built on the server's head, signed here, and posted: the key never leaves
/// this machine.
func appendEntry(_ payload: Payload, memo: String? = nil, global: GlobalOptions) async throws {
    if let server = try global.remoteLedger() {
        let signer = try global.signingKey()
        Report.appended(try await server.submit(payload, memo: memo, signer: signer, now: { .now() }), json: global.json)
        return
    }
    let ledger = try await global.openLedger()
    let signer = try global.signingKey()
    let result = try ledger.append(payload, memo: memo, signer: signer, now: Timestamp.now())
    Report.appended(result, json: global.json)
}
