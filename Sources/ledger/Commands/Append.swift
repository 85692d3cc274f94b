import LedgerCore
import LedgerStore

/// Signs `payload` with the user's key, appends it to the ledger, and prints the result.
func appendEntry(_ payload: Payload, memo: String? = nil, global: GlobalOptions) throws {
    let ledger = try global.openLedger()
    let signer = try global.signingKey()
    let result = try ledger.append(payload, memo: memo, signer: signer, now: currentTime())
    Report.appended(result, json: global.json)
}
