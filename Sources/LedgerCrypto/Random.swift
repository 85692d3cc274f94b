internal import COpenSSL

/// Cryptographically secure random bytes from OpenSSL.
public enum SecureRandom {
    /// Returns `count` random bytes.
    public static func bytes(_ count: Int) throws(CryptoError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        guard RAND_bytes(&bytes, Int32(count)) == 1 else {
            throw CryptoError(.internalFailure, "no random bytes: \(OpenSSL.drainErrors())")
        }
        return bytes
    }
}
