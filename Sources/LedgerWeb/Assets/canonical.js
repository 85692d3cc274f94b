/**
 * The ledger's canonical bytes in the browser (docs/FORMAT.md sections 2–4). Entries are hashed and
 * signed as exact bytes, so this writes what the Swift encoder writes and refuses every other spelling.
 * JSON.stringify sorts no keys; JSON.parse forgives whitespace, escapes, duplicate keys and fractions.
 */

const MAX_DEPTH = 8; // also bounds the recursion
const MAX_BYTES = 65536;
const MAX_INTEGER = Number.MAX_SAFE_INTEGER; // 2^53 − 1, exact in every JSON reader
const KEY = /^[a-z0-9_.]+$/;
const utf8 = new TextEncoder();
// fatal: invalid UTF-8 (overlong, surrogates) throws, never becomes U+FFFD. ignoreBOM: a leading U+FEFF is text.
const strictUTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Section 2's "What is rejected", in order, so that a refusal names its rule. */
const RULES = [, "not exactly one JSON value", "whitespace outside a string", "null", "a fraction or exponent",
  "a leading zero, -0, or too large", "a control character in a string", 'an escape but \\" and \\\\',
  "invalid UTF-8", "a key not [a-z0-9_.]+", "keys not in ascending byte order", "nested deeper than 8",
  "longer than 65536 bytes"];

/** Reason `non_canonical` (section 10), the rule broken, and the byte where reading stopped. */
export class NonCanonicalError extends Error {
  constructor(rule, detail, offset) {
    super(`non_canonical: rule ${rule}, ${RULES[rule]}${detail ? ` (${detail})` : ""}, at byte ${offset}`);
    Object.assign(this, { name: "NonCanonicalError", code: "non_canonical", rule, offset });
  }
}

/**
 * Canonical bytes: sorted keys, no whitespace, raw UTF-8 with only `"` and `\` escaped, as Python's
 * `json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)` writes them.
 * @throws {TypeError|RangeError} for what the format cannot hold, rather than writing something else.
 */
export const encode = (value) => utf8.encode(write(value, 0));

function write(value, depth) {
  switch (typeof value) {
    case "string":
      if (!value.isWellFormed()) throw new TypeError("a string with a lone surrogate has no UTF-8");
      if (/[\u0000-\u001f\u007f]/.test(value)) throw new TypeError("strings cannot hold U+0000–U+001F or U+007F");
      return `"${value.replace(/["\\]/g, "\\$&")}"`;
    case "boolean":
      return String(value);
    case "number":
      if (Math.abs(value) <= MAX_INTEGER && Number.isInteger(value)) return String(value); // -0 prints "0"
      throw new RangeError(`${value} cannot be encoded: only integers in ±(2^53−1)`);
  }
  if (value === null) throw new TypeError("null cannot be encoded: leave an absent field out");
  if (typeof value !== "object") throw new TypeError(`a ${typeof value} cannot be encoded`);
  if (depth >= MAX_DEPTH) throw new RangeError(`nested deeper than ${MAX_DEPTH}`);
  if (Array.isArray(value)) {
    // Not map(): a hole must read as undefined and be refused, not skipped.
    const parts = [];
    for (let i = 0; i < value.length; i++) parts.push(write(value[i], depth + 1));
    return `[${parts.join(",")}]`;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new TypeError(`a ${value.constructor?.name ?? "object"} cannot be encoded, only plain objects`);
  }
  const keys = Object.keys(value);
  for (const key of keys) if (!KEY.test(key)) throw new TypeError(`key ${JSON.stringify(key)} is not [a-z0-9_.]+`);
  // ASCII keys: UTF-16 order is byte order. Object.keys order is not ("2" before "10").
  return `{${keys.sort().map((key) => `"${key}":${write(value[key], depth + 1)}`).join(",")}}`;
}

/** Reads canonical bytes and refuses every other spelling, so what it returns encodes back to them.
 * @throws {NonCanonicalError} */
export function decode(bytes) {
  if (!(bytes instanceof Uint8Array)) throw new TypeError("decode takes a Uint8Array");
  if (bytes.length > MAX_BYTES) throw new NonCanonicalError(12, bytes.length, MAX_BYTES);
  let at = 0;
  const fail = (rule, detail, offset = at) => { throw new NonCanonicalError(rule, detail, offset); };
  const isSpace = (b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
  // Where something else was due, whitespace breaks rule 2; the end or anything else, rule 1.
  const unexpected = (what) => isSpace(bytes[at]) ? fail(2) : fail(1, at < bytes.length ? `${what} due` : "cut short");
  const expect = (byte, what) => { if (bytes[at] !== byte) unexpected(what); at++; };
  const word = (text) => [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));

  function value(depth) {
    const b = bytes[at];
    if (b === 0x7b || b === 0x5b) return container(b === 0x7b, depth + 1);
    if (b === 0x22) return string();
    if (b === 0x2d || (b >= 0x30 && b <= 0x39)) return integer();
    if (word("true")) return (at += 4, true);
    if (word("false")) return (at += 5, false);
    if (word("null")) fail(3);
    unexpected("a value");
  }

  function container(isObject, depth) {
    if (depth > MAX_DEPTH) fail(11);
    const close = isObject ? 0x7d : 0x5d;
    const result = isObject ? {} : [];
    if (bytes[++at] === close) return (at++, result);
    for (let previous = null; ; at++) {
      if (isObject) {
        if (bytes[at] !== 0x22) unexpected("a key");
        const start = at;
        const key = string();
        // An escape leaves `"` or `\` in the key, so this refuses escaped keys too.
        if (!KEY.test(key)) fail(9, JSON.stringify(key), start);
        if (previous !== null && !(previous < key)) fail(10, `"${key}" after "${previous}"`, start);
        previous = key;
        expect(0x3a, "':'");
        // Not `result[key] =`: "__proto__" is a valid key and must stay a field.
        const field = value(depth);
        Object.defineProperty(result, key, { value: field, enumerable: true, writable: true, configurable: true });
      } else {
        result.push(value(depth));
      }
      if (bytes[at] !== 0x2c) return (expect(close, "',' or the end"), result);
    }
  }

  function string() {
    const start = at++;
    const pieces = [];
    let run = at;
    for (let b; (b = bytes[at]) !== 0x22; at++) {
      if (b === undefined) fail(1, "ends in a string");
      if (b < 0x20 || b === 0x7f) fail(6, `byte ${b}`);
      if (b === 0x5c) {
        const next = bytes[at + 1];
        if (next !== 0x22 && next !== 0x5c) fail(next === undefined ? 1 : 7);
        pieces.push(bytes.subarray(run, at));
        run = ++at; // the escaped byte starts the next piece
      }
    }
    pieces.push(bytes.subarray(run, at++));
    try {
      return strictUTF8.decode(concat(pieces));
    } catch {
      fail(8, null, start);
    }
  }

  function integer() {
    const start = at;
    if (bytes[at] === 0x2d) at++;
    const digits = at;
    while (bytes[at] >= 0x30 && bytes[at] <= 0x39) at++;
    const count = at - digits;
    if (count === 0) unexpected("a digit");
    if (bytes[at] === 0x2e || bytes[at] === 0x65 || bytes[at] === 0x45) fail(4);
    if (count > 1 && bytes[digits] === 0x30) fail(5, "leading zero", start);
    if (count > 16) fail(5, "over 16 digits", start);
    // At most 16 digits: Number() is exact in range and lands outside it otherwise.
    const n = Number(String.fromCharCode(...bytes.subarray(start, at)));
    if (Object.is(n, -0)) fail(5, "-0", start);
    if (Math.abs(n) > MAX_INTEGER) fail(5, n, start);
    return n;
  }

  const result = value(0);
  if (at < bytes.length) isSpace(bytes[at]) ? fail(2) : fail(1, "bytes after the value");
  return result;
}

/** SHA-256(0x00 ‖ entry bytes): the next entry's `prev`, and the RFC 9162 leaf hash (section 4). */
export const entryHash = (entryBytes) => sha256(concat([Uint8Array.of(0), entryBytes]));

/** What an author signs: `mutual-aid-ledger:v1:entry`, 0x0A, then the canonical body alone. */
export const signedMessage = (body) => concat([utf8.encode("mutual-aid-ledger:v1:entry\n"), encode(body)]);

/** Hex of the first 8 bytes of SHA-256 of the 32-byte raw public key. */
export async function keyID(rawPublicKey) {
  if (!(rawPublicKey instanceof Uint8Array) || rawPublicKey.length !== 32) throw new TypeError("not 32 raw bytes");
  return hex((await sha256(rawPublicKey)).subarray(0, 8));
}

/**
 * Whether this key signed the entry. False too when `author` names another key: the author is the
 * signer. Throws only when the check cannot run: bytes that are not canonical, or no Ed25519 here.
 */
export async function verifyEntry(entryBytes, publicKeyRaw) {
  const { body, sig, ...rest } = decode(entryBytes);
  if (Object.keys(rest).length || typeof body?.author !== "string" || typeof sig !== "string") return false;
  if (body.author !== await keyID(publicKeyRaw).catch(() => null)) return false;
  let signature;
  try { signature = fromBase64(sig); } catch { return false; }
  if (signature.length !== 64) return false;
  const key = await crypto.subtle.importKey("raw", publicKeyRaw, { name: "Ed25519" }, false, ["verify"]);
  return crypto.subtle.verify({ name: "Ed25519" }, key, signature, signedMessage(body));
}

/** Lowercase hex (section 1). */
export const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/** Lowercase only: upper-case hex is never valid in an entry. */
export function fromHex(text) {
  if (typeof text !== "string" || !/^(?:[0-9a-f]{2})*$/.test(text)) throw new TypeError("not lowercase hex");
  return Uint8Array.from(text.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

/** Standard base64 with padding (RFC 4648 section 4). */
export const base64 = (bytes) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(""));

/** Canonical spelling only: atob forgives whitespace, missing padding and stray bits, so the bytes must
 * encode back to the same text. */
export function fromBase64(text) {
  let bytes = null;
  try { bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0)); } catch { /* refused below */ }
  if (bytes === null || base64(bytes) !== text) throw new TypeError("not canonical base64");
  return bytes;
}

const sha256 = async (bytes) => new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  parts.reduce((at, part) => (out.set(part, at), at + part.length), 0);
  return out;
}
