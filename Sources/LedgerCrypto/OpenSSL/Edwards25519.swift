internal import COpenSSL

/// Just enough edwards25519 arithmetic, on OpenSSL's BIGNUMs, to decide whether 32 bytes are a public key a ledger may
/// trust: RFC 8032 §5.1.3 decoding, then a check that eight times the point is not the identity.
///
/// OpenSSL loads any 32 bytes as a raw Ed25519 public key without decoding them, and its verify accepts signatures
/// that nobody's private key made when the key has small order (Chalkias, Garillot and Nikolaenko, "Taming the many
/// EdDSAs", 2020, lists the cases). So the ledger decodes keys itself before they can enter it.
///
/// Nothing here is secret and keys enter a ledger a few times a year, so plain variable-time BIGNUM arithmetic is
/// the right tool; it never runs on a signature or a private key.
enum Edwards25519 {
    /// Why `raw` cannot be an Ed25519 public key, or `nil` when it is a point of the curve outside the small subgroup.
    static func defect(ofPublicKey raw: [UInt8]) -> Ed25519.KeyDefect? {
        precondition(raw.count == Ed25519.keyLength, "a public key has 32 bytes")
        let field = Field()
        switch field.decode(raw) {
        case .refused(let defect): return defect
        case .point(let x, let y): return field.hasSmallOrder(x: x, y: y) ? .smallOrder : nil
        }
    }
}

/// Arithmetic modulo p = 2²⁵⁵ − 19 with the curve's constants, on one `BN_CTX` (so one thread at a time).
private final class Field {
    /// What RFC 8032 §5.1.3 decoding gives.
    enum Decoded {
        case point(x: Number, y: Number)
        case refused(Ed25519.KeyDefect)
    }

    /// One BIGNUM, freed with its owner.
    final class Number {
        let pointer: OpaquePointer
        init() {
            guard let pointer = BN_new() else { fatalError("OpenSSL could not allocate a BIGNUM") }
            self.pointer = pointer
        }
        /// The number whose little-endian bytes are `bytes`.
        convenience init(littleEndian bytes: [UInt8]) {
            self.init()
            guard BN_lebin2bn(bytes, Int32(bytes.count), pointer) != nil else { fatalError("OpenSSL could not read a BIGNUM") }
        }
        deinit { BN_free(pointer) }
    }

    /// The curve's constants, worked out once and only read afterwards (so safe to share between threads).
    private struct Constants: @unchecked Sendable {
        /// The field's prime, 2²⁵⁵ − 19.
        let p = Number()
        /// The curve's d = −121665/121666 (RFC 8032 §5.1).
        let d = Number()
        /// A square root of −1: 2^((p−1)/4).
        let sqrtMinusOne = Number()
        /// The exponent (p−5)/8 of the square-root candidate (RFC 8032 §5.1.3 step 3).
        let rootExponent = Number()

        init() {
            guard let context = BN_CTX_new() else { fatalError("OpenSSL could not allocate a BN_CTX") }
            defer { BN_CTX_free(context) }
            let quarter = Number(), numerator = Number(), denominator = Number()
            Field.check(BN_set_word(p.pointer, 0) == 1 && BN_set_bit(p.pointer, 255) == 1 && BN_sub_word(p.pointer, 19) == 1)
            Field.check(BN_copy(rootExponent.pointer, p.pointer) != nil && BN_sub_word(rootExponent.pointer, 5) == 1
                && BN_rshift(rootExponent.pointer, rootExponent.pointer, 3) == 1)
            Field.check(BN_copy(quarter.pointer, p.pointer) != nil && BN_sub_word(quarter.pointer, 1) == 1
                && BN_rshift(quarter.pointer, quarter.pointer, 2) == 1)
            // d = (p − 121665) · 121666⁻¹; √−1 = 2^((p−1)/4).
            Field.check(BN_copy(numerator.pointer, p.pointer) != nil && BN_sub_word(numerator.pointer, 121_665) == 1
                && BN_set_word(denominator.pointer, 121_666) == 1
                && BN_mod_inverse(denominator.pointer, denominator.pointer, p.pointer, context) != nil
                && BN_mod_mul(d.pointer, numerator.pointer, denominator.pointer, p.pointer, context) == 1)
            Field.check(BN_set_word(numerator.pointer, 2) == 1
                && BN_mod_exp(sqrtMinusOne.pointer, numerator.pointer, quarter.pointer, p.pointer, context) == 1)
            withExtendedLifetime((quarter, numerator, denominator)) {}
        }
    }

    private static let constants = Constants()
    private let context: OpaquePointer
    private var p: Number { Self.constants.p }
    private var d: Number { Self.constants.d }
    private var sqrtMinusOne: Number { Self.constants.sqrtMinusOne }
    private var rootExponent: Number { Self.constants.rootExponent }

    init() {
        guard let context = BN_CTX_new() else { fatalError("OpenSSL could not allocate a BN_CTX") }
        self.context = context
    }

    deinit { BN_CTX_free(context) }

    /// RFC 8032 §5.1.3: the point `raw` encodes, or why it encodes none.
    func decode(_ raw: [UInt8]) -> Decoded {
        var bytes = raw
        let sign = bytes[31] >> 7
        bytes[31] &= 0x7f
        let y = Number(littleEndian: bytes)
        // Step 1: y must be below p, so every y has one spelling.
        guard isBelowP(y) else { return .refused(.nonCanonical) }
        // Steps 2 and 3: x² = u/v with u = y² − 1 and v = d·y² + 1; the candidate root is u·v³·(u·v⁷)^((p−5)/8).
        let ySquared = multiply(y, y)
        let u = subtract(ySquared, Self.word(1))
        let v = add(multiply(d, ySquared), Self.word(1))
        let vCubed = multiply(multiply(v, v), v)
        var x = multiply(multiply(u, vCubed), power(multiply(u, multiply(vCubed, multiply(vCubed, v))), rootExponent))
        let check = multiply(v, multiply(x, x))
        if equal(check, u) {
            // x is a root.
        } else if equal(check, negate(u)) {
            x = multiply(x, sqrtMinusOne)
        } else {
            return .refused(.notOnCurve)
        }
        // Step 4: x = 0 has no negative, so its sign bit must be clear; otherwise pick the root with the given sign.
        if isZero(x), sign == 1 { return .refused(.nonCanonical) }
        if (isOdd(x) ? 1 : 0) != sign { x = negate(x) }
        return .point(x: x, y: y)
    }

    /// Whether 8·(x, y) is the identity, i.e. the point's order divides the cofactor 8.
    ///
    /// Doubles three times in projective coordinates (X : Y : Z), formula dbl-2008-bbjlp with a = −1. Its
    /// denominators are y² − x² and 2 − y² + x², which equal 1 ± d·x²·y² on the curve and are never zero because
    /// d is not a square, so every point of the curve doubles correctly.
    func hasSmallOrder(x: Number, y: Number) -> Bool {
        var (X, Y, Z) = (x, y, Self.word(1))
        for _ in 0..<3 {
            let b = square(add(X, Y))
            let c = square(X)
            let dd = square(Y)
            let e = negate(c)
            let f = add(e, dd)
            let h = square(Z)
            let j = subtract(f, add(h, h))
            X = multiply(subtract(subtract(b, c), dd), j)
            Y = multiply(f, subtract(e, dd))
            Z = multiply(f, j)
        }
        return isZero(X) && equal(Y, Z)
    }

    // MARK: Modular operations

    private func add(_ a: Number, _ b: Number) -> Number {
        let r = Number()
        Self.check(BN_mod_add(r.pointer, a.pointer, b.pointer, p.pointer, context) == 1)
        return r
    }

    private func subtract(_ a: Number, _ b: Number) -> Number {
        let r = Number()
        Self.check(BN_mod_sub(r.pointer, a.pointer, b.pointer, p.pointer, context) == 1)
        return r
    }

    private func negate(_ a: Number) -> Number { subtract(Self.word(0), a) }

    private func multiply(_ a: Number, _ b: Number) -> Number {
        let r = Number()
        Self.check(BN_mod_mul(r.pointer, a.pointer, b.pointer, p.pointer, context) == 1)
        return r
    }

    private func square(_ a: Number) -> Number { multiply(a, a) }

    private func power(_ a: Number, _ exponent: Number) -> Number {
        let r = Number()
        Self.check(BN_mod_exp(r.pointer, a.pointer, exponent.pointer, p.pointer, context) == 1)
        return r
    }

    // A Number passed as an argument lives until the function returns, so its pointer is safe to use inside.

    private func equal(_ a: Number, _ b: Number) -> Bool { BN_cmp(a.pointer, b.pointer) == 0 }

    private func isBelowP(_ a: Number) -> Bool { BN_cmp(a.pointer, p.pointer) < 0 }

    private func isZero(_ a: Number) -> Bool { BN_is_zero(a.pointer) == 1 }

    private func isOdd(_ a: Number) -> Bool { BN_is_odd(a.pointer) == 1 }

    private static func word(_ value: UInt) -> Number {
        let r = Number()
        check(BN_set_word(r.pointer, value) == 1)
        return r
    }

    /// BIGNUM arithmetic on numbers below 2²⁵⁶ fails only when memory runs out.
    fileprivate static func check(_ succeeded: Bool) {
        if !succeeded { fatalError("OpenSSL BIGNUM arithmetic failed: \(OpenSSL.drainErrors())") }
    }
}
