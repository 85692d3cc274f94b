import ArgumentParser
import LedgerCore
import LedgerKit

extension Ledger.Verify {
    /// `verify --since NOTE`: the entries after a published checkpoint, checked from the file's signed state snapshot.
    func verifySince(_ notePath: String, target: String) throws {
        let text = try TextFile.read(notePath)
        let keys = trusted.given ? try trusted.load() : nil
        var progress: Progress?
        let outcome = try SinceVerification.run(target, noteText: text, notePath: notePath, keys: keys,
            pinnedGenesis: pin.hash,
            total: { progress = Progress(label: t("verified", "已核验"), total: $0) }, progress: { progress?.update($0) })
        progress?.finish()
        switch outcome {
        case .invalid(let error):
            printInvalid(error)
            throw ExitCode(CLIFailure.Exit.invalidLedger.rawValue)
        case .valid(let summary, let resume):
            let size = resume.size
            let trust = resume.usedGivenKeys ? "given_keys" : "file_snapshot"
            printValid(summary, target: target, extra: ["since": size, "checked_from": size, "signers": resume.signers, "trust": trust])
            guard !global.json else { return }
            let last = summary.entries - 1
            print(t("Checked entries \(size)…\(last) since the checkpoint of size \(size) (signed by \(resume.signers.joined(separator: ", "))); entries 0…\(size - 1) were checked through its Merkle root and the signed state snapshot.",
                "已核验自大小为 \(size) 的检查点（签署人：\(resume.signers.joined(separator: ", "))）以来的第 \(size)…\(last) 条；第 0…\(size - 1) 条经其默克尔根和已签名的状态快照核对。"))
            if !resume.usedGivenKeys {
                print(t("Note: no --keys or --vkey was given, so trust rests on the keys the file's own snapshot lists; give the keys posted on the notice board to check against them.",
                    "注意：未提供 --keys 或 --vkey，因此信任依赖于文件自身快照所列的密钥；请提供公告栏上公示的密钥进行核对。"))
            }
        }
    }
}
