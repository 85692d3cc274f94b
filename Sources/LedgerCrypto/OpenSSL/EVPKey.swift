internal import COpenSSL

/// Owns one OpenSSL `EVP_PKEY` and frees it when the last reference goes.
///
/// An `EVP_PKEY` is safe to share between threads as long as each operation uses its own
/// `EVP_MD_CTX`, which every method here does.
final class EVPKey: @unchecked Sendable {
    let pointer: OpaquePointer

    init(taking pointer: OpaquePointer) { self.pointer = pointer }

    deinit { EVP_PKEY_free(pointer) }

    /// The raw 32-byte public key.
    func rawPublicKey() -> [UInt8] {
        var length = 32
        var bytes = [UInt8](repeating: 0, count: 32)
        let status = EVP_PKEY_get_raw_public_key(pointer, &bytes, &length)
        precondition(status == 1 && length == 32, "EVP_PKEY_get_raw_public_key failed")
        return bytes
    }

    /// The raw 32-byte private seed.
    func rawPrivateKey() -> [UInt8] {
        var length = 32
        var bytes = [UInt8](repeating: 0, count: 32)
        let status = EVP_PKEY_get_raw_private_key(pointer, &bytes, &length)
        precondition(status == 1 && length == 32, "EVP_PKEY_get_raw_private_key failed")
        return bytes
    }

    func isEd25519() -> Bool { EVP_PKEY_get_base_id(pointer) == EVP_PKEY_ED25519 }
}

/// OpenSSL helpers shared by the key types.
enum OpenSSL {
    /// Empties OpenSSL's thread-local error queue into one line, so errors never leak into later calls.
    static func drainErrors() -> String {
        var reasons: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            reasons.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return reasons.joined(separator: "; ")
    }

    /// Runs `body` with a fresh memory BIO and returns everything written to it as text.
    static func writeToMemory(_ body: (OpaquePointer) -> Int32) throws(CryptoError) -> String {
        guard let bio = BIO_new(BIO_s_mem()) else {
            throw CryptoError(.internalFailure, "OpenSSL could not allocate a buffer")
        }
        defer { BIO_free(bio) }
        guard body(bio) == 1 else {
            throw CryptoError(.internalFailure, "OpenSSL could not write the key: \(drainErrors())")
        }
        var data: UnsafeMutablePointer<CChar>?
        let length = BIO_ctrl(bio, BIO_CTRL_INFO, 0, &data)
        guard length > 0, let data else { throw CryptoError(.internalFailure, "OpenSSL wrote nothing") }
        return data.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    /// Runs `body` with a read-only memory BIO over `text`.
    static func readFromMemory<R>(_ text: String, _ body: (OpaquePointer) -> R) throws(CryptoError) -> R {
        let bytes = Array(text.utf8)
        let result: R? = bytes.withUnsafeBytes { buffer in
            guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
            defer { BIO_free(bio) }
            return body(bio)
        }
        guard let result else { throw CryptoError(.internalFailure, "OpenSSL could not allocate a buffer") }
        return result
    }
}
