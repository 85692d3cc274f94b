internal import COpenSSL

/// The libcrypto this process runs with, which may be newer than the one it was built against: what
/// `ledger --version` reports, so a bug report names the library that actually signed and verified.
public enum LibraryVersion {
    /// For example `OpenSSL 3.0.16 11 Feb 2025`.
    public static var openSSL: String { String(cString: OpenSSL_version(OPENSSL_VERSION)) }
}
