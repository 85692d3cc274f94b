import Dispatch
import Foundation
import LedgerCrypto

/// Decodes the entries of one batch and checks their signatures on every core, chunk by chunk in order, while the
/// caller applies the rules to the chunks already done.
///
/// The rules must run in order on one thread, and signatures are most of the work; preparing the whole batch first and
/// then applying it would leave all cores but one idle during the rules. Here helper threads claim chunks from a shared
/// counter, and the caller waits only for the chunk it needs next — or prepares it itself when no helper has claimed it
/// yet, so the work finishes even if no helper ever starts. The caller never waits for a chunk nobody is working on.
///
/// Signatures are checked against the keys the chain has declared so far: those known before the batch, and those the
/// caller ``learn(_:)``s as it applies the batch (a genesis, a `key.add`), for the chunks prepared after that. An entry
/// whose author key was not known yet when its chunk was prepared gets no verdict (`nil`), and ``LedgerState`` checks it
/// against the key in its state, which is the same key.
final class BatchPreparation: @unchecked Sendable {
    /// What preparing one entry found.
    struct Prepared {
        var entry: Result<Entry, LedgerError>
        /// `nil` when the entry did not decode or its author key was not known yet when its chunk was prepared.
        var signatureValid: Bool?
    }

    private let batch: [[UInt8]]
    /// Guarded by `lock`: grows as the caller learns keys.
    private var keys: [KeyID: Ed25519.PublicKey]
    private let chunkSize: Int
    private let chunkCount: Int
    /// Written by whichever thread prepares an index's chunk, read by the caller after that chunk's semaphore.
    private let results: UnsafeMutableBufferPointer<Prepared>
    private let finished: [DispatchSemaphore]
    private let lock = NSLock()
    private var nextChunk = 0
    private var abandoned = false
    /// The last chunk the caller waited for; only the caller's thread touches it.
    private var lastWaitedChunk = -1

    /// Starts preparing `batch` on helper threads; read the results in order with ``prepared(at:)``.
    init(_ batch: [[UInt8]], keys: [KeyID: Ed25519.PublicKey]) {
        self.batch = batch
        self.keys = keys
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        // Small chunks keep every core busy up to the end of the batch; 64 entries are some tens of milliseconds of
        // signatures, far more than the cost of handing a chunk out.
        chunkSize = max(1, min(64, batch.count / (4 * cores)))
        chunkCount = (batch.count + chunkSize - 1) / chunkSize
        let placeholder = Prepared(entry: .failure(LedgerError(.nonCanonical, en: "", zh: "")), signatureValid: nil)
        results = .allocate(capacity: batch.count)
        results.initialize(repeating: placeholder)
        finished = (0..<chunkCount).map { _ in DispatchSemaphore(value: 0) }
        guard chunkCount > 1 else { return }
        for _ in 0..<min(cores, chunkCount - 1) {
            DispatchQueue.global().async { [self] in
                while let chunk = claimChunk() { prepare(chunk) }
            }
        }
    }

    deinit {
        results.deinitialize()
        results.deallocate()
    }

    /// The decoded entry at `index` and its signature verdict, waiting for its chunk if a helper is still on it.
    /// Call it for indices in increasing order, each once.
    func prepared(at index: Int) -> Prepared {
        if index % chunkSize == 0 { waitForChunk(index / chunkSize) }
        return results[index]
    }

    /// Keys the caller found declared in the entries it applied: chunks prepared from now on check signatures by them.
    func learn(_ declared: [KeyID: Ed25519.PublicKey]) {
        guard !declared.isEmpty else { return }
        lock.withLock { keys.merge(declared) { first, _ in first } }
    }

    /// Stops handing out chunks, because the caller found a failure and will read no further, and waits for the
    /// chunks helpers are still on (at most one each).
    ///
    /// Returning while a helper is still inside OpenSSL would let a command that reports the failure and exits run
    /// OpenSSL's clean-up at exit under that helper: a crash instead of exit status 1.
    func abandon() {
        let claimed = lock.withLock {
            abandoned = true
            return nextChunk
        }
        for chunk in (lastWaitedChunk + 1)..<max(claimed, lastWaitedChunk + 1) { finished[chunk].wait() }
        lastWaitedChunk = max(lastWaitedChunk, claimed - 1)
    }

    private func waitForChunk(_ chunk: Int) {
        // Take the chunks no one has claimed yet, up to the one needed, rather than wait for a helper that may not run.
        while lock.withLock({ nextChunk <= chunk }), let claimed = claimChunk() { prepare(claimed) }
        finished[chunk].wait()
        lastWaitedChunk = chunk
    }

    private func claimChunk() -> Int? {
        lock.withLock {
            guard !abandoned, nextChunk < chunkCount else { return nil }
            defer { nextChunk += 1 }
            return nextChunk
        }
    }

    private func prepare(_ chunk: Int) {
        let start = chunk * chunkSize
        let keys = lock.withLock { self.keys }
        for index in start..<min(start + chunkSize, batch.count) {
            let entry = Result { () throws(LedgerError) in try Entry(bytes: batch[index]) }
            var signatureValid: Bool? = nil
            if case .success(let decoded) = entry, let key = keys[decoded.body.author] {
                signatureValid = decoded.isSignatureValid(for: key)
            }
            results[index] = Prepared(entry: entry, signatureValid: signatureValid)
        }
        finished[chunk].signal()
    }
}
