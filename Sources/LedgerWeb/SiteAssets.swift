import LedgerCrypto

/// The browser's modules, served at `/assets/NAME` from bytes compiled into the binary.
///
/// Pages load them with `script-src 'self'`; nothing comes from elsewhere. Each answer carries an `ETag` (the
/// first 16 bytes of its SHA-256, in hex) and `Cache-Control: no-cache`, so a phone revalidates with one small
/// request and a `304`, and never runs a module of an older server beside one of a newer.
enum SiteAssets {
    struct Asset: Sendable {
        let bytes: [UInt8]
        let etag: String

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            etag = "\"\(SHA256.hash(bytes).hex.prefix(32))\""
        }
    }

    static let byName: [String: Asset] = [
        "canonical.js": Asset(PackageResources.canonical_js),
        "merkle.js": Asset(PackageResources.merkle_js),
        "note.js": Asset(PackageResources.note_js),
        "pins.js": Asset(PackageResources.pins_js),
        "member.js": Asset(PackageResources.member_js),
        "pem.js": Asset(PackageResources.pem_js),
        "keyring.js": Asset(PackageResources.keyring_js),
        "chain.js": Asset(PackageResources.chain_js),
        "api.js": Asset(PackageResources.api_js),
        "forms.js": Asset(PackageResources.forms_js),
        "words.js": Asset(PackageResources.words_js),
        "desk.js": Asset(PackageResources.desk_js),
    ]

    static let contentType = "text/javascript; charset=utf-8"

    /// The asset a request path names (`/assets/member.js`), if any.
    static func asset(atPath path: String) -> Asset? {
        guard path.hasPrefix("/assets/") else { return nil }
        return byName[String(path.dropFirst("/assets/".count))]
    }
}
