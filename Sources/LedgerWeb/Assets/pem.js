/**
 * Key files in the browser: the PKCS#8 PEM that `ledger keygen` writes, plain or encrypted (PBES2 with
 * PBKDF2 and AES-CBC, RFC 8018), read and written with WebCrypto alone. A key read here is kept
 * non-extractable: the page can sign with it but no script can read it back (docs/BROWSER.md).
 */

import { base64, fromBase64 } from "./canonical.js";

/** Why a key file was refused: `.code` is `bad_key_file`, `wrong_passphrase` or `needs_passphrase`;
 * `.en` and `.zh` say it to a person. */
export class KeyFileError extends Error {
  constructor(code, en, zh) {
    super(`${code}: ${en}`);
    Object.assign(this, { name: "KeyFileError", code, en, zh });
  }
}

const bad = (what) => new KeyFileError("bad_key_file", `This is not a key file of the ledger (${what}).`,
  `这不是账本的密钥文件（${what}）。`);

// Object identifiers, as their DER contents.
const OID = {
  ed25519: [0x2b, 0x65, 0x70], // 1.3.101.112
  pbes2: [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0d], // 1.2.840.113549.1.5.13
  pbkdf2: [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0c], // 1.2.840.113549.1.5.12
  hmacSHA1: [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x07], // the PRF when none is named
  hmacSHA256: [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x09],
  aes128cbc: [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x02],
  aes256cbc: [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x2a],
};
const PRF = [[OID.hmacSHA1, "SHA-1"], [OID.hmacSHA256, "SHA-256"]];
const CIPHER = [[OID.aes128cbc, 128], [OID.aes256cbc, 256]];
const SEQUENCE = 0x30, INTEGER = 0x02, OCTETS = 0x04, NULL = 0x05, OBJECT = 0x06;

/** Files this page writes: OWASP's 2023 count for PBKDF2-HMAC-SHA256, a second or so on an old phone. */
export const ITERATIONS = 600000;
const MAX_ITERATIONS = 10000000; // a hostile file must not hang the page

/** The key in a PEM file: `{ privateKey, publicKey }`, the private one for signing only and never readable
 * again, the public one as its 32 raw bytes. `passphrase` is needed only for an encrypted file.
 * @throws {KeyFileError} */
export async function readKeyFile(text, passphrase = "") {
  const block = pemBlock(text);
  let pkcs8 = block.der;
  if (block.label === "ENCRYPTED PRIVATE KEY") {
    if (!passphrase) {
      throw new KeyFileError("needs_passphrase", "This key file is locked: type its passphrase.", "此密钥文件已加密：请输入口令。");
    }
    pkcs8 = await decrypt(block.der, passphrase);
  } else if (block.label !== "PRIVATE KEY") {
    throw bad(`a “${block.label}” block`);
  }
  const seed = ed25519Seed(pkcs8);
  // Extractable just long enough to learn the public half; the key kept is imported again without it.
  const open = await crypto.subtle.importKey("pkcs8", pkcs8, { name: "Ed25519" }, true, ["sign"]);
  const publicKey = fromBase64url((await crypto.subtle.exportKey("jwk", open)).x);
  const privateKey = await crypto.subtle.importKey("pkcs8", pkcs8, { name: "Ed25519" }, false, ["sign"]);
  seed.fill(0);
  pkcs8.fill(0);
  return { privateKey, publicKey };
}

/** The PKCS#8 PEM of an extractable private key, encrypted with `passphrase` when one is given. */
export async function writeKeyFile(privateKey, passphrase = "") {
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey("pkcs8", privateKey));
  if (!passphrase) return pem("PRIVATE KEY", pkcs8);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(16));
  const aes = await deriveKey(passphrase, salt, ITERATIONS, "SHA-256", 256);
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-CBC", iv }, aes, pkcs8));
  pkcs8.fill(0);
  const algorithm = tlv(SEQUENCE, tlv(OBJECT, OID.pbes2), tlv(SEQUENCE,
    tlv(SEQUENCE, tlv(OBJECT, OID.pbkdf2), tlv(SEQUENCE, tlv(OCTETS, salt), integer(ITERATIONS),
      tlv(SEQUENCE, tlv(OBJECT, OID.hmacSHA256), tlv(NULL)))),
    tlv(SEQUENCE, tlv(OBJECT, OID.aes256cbc), tlv(OCTETS, iv))));
  return pem("ENCRYPTED PRIVATE KEY", tlv(SEQUENCE, algorithm, tlv(OCTETS, sealed)));
}

/** The `.pub` file `ledger keygen` writes beside a key: SubjectPublicKeyInfo of the 32 raw bytes. */
export const publicKeyFile = (raw) =>
  pem("PUBLIC KEY", tlv(SEQUENCE, tlv(SEQUENCE, tlv(OBJECT, OID.ed25519)), tlv(0x03, [0], raw)));

// ——— PEM ———

function pemBlock(text) {
  const match = /-----BEGIN ([A-Z ]+)-----\r?\n([A-Za-z0-9+/=\r\n]+?)\r?\n?-----END \1-----/.exec(String(text));
  if (!match) throw bad("no PEM block");
  try {
    return { label: match[1], der: fromBase64(match[2].replace(/[\r\n]/g, "")) };
  } catch {
    throw bad("its base64 is damaged");
  }
}

function pem(label, der) {
  const lines = base64(der).match(/.{1,64}/g).join("\n");
  return `-----BEGIN ${label}-----\n${lines}\n-----END ${label}-----\n`;
}

// ——— PKCS#8 and PBES2 ———

/** The 32-byte seed of an Ed25519 PrivateKeyInfo (RFC 8410): version, algorithm, then the key. */
function ed25519Seed(der) {
  const info = reader(der).sequence();
  const version = info.integer();
  if (version !== 0 && version !== 1) throw bad("unknown PKCS#8 version");
  const algorithm = info.sequence();
  if (!same(algorithm.object(), OID.ed25519)) throw bad("not an Ed25519 key");
  const seed = reader(info.octets()).octets();
  if (seed.length !== 32) throw bad("an Ed25519 seed is 32 bytes");
  return seed;
}

/** PKCS#8 from an EncryptedPrivateKeyInfo: PBES2, PBKDF2 with HMAC-SHA-1 or -256, AES-128- or 256-CBC. */
async function decrypt(der, passphrase) {
  const info = reader(der).sequence();
  const algorithm = info.sequence();
  if (!same(algorithm.object(), OID.pbes2)) throw bad("not encrypted with PBES2");
  const params = algorithm.sequence();
  const kdf = params.sequence();
  if (!same(kdf.object(), OID.pbkdf2)) throw bad("its key is not derived with PBKDF2");
  const kdfParams = kdf.sequence();
  const salt = kdfParams.octets();
  const iterations = kdfParams.integer();
  if (!(iterations >= 1 && iterations <= MAX_ITERATIONS)) throw bad("an unreasonable iteration count");
  let keyLength = null, hash = "SHA-1";
  if (kdfParams.next() === INTEGER) keyLength = kdfParams.integer();
  if (kdfParams.next() === SEQUENCE) {
    const prf = kdfParams.sequence().object();
    hash = PRF.find(([oid]) => same(oid, prf))?.[1] ?? null;
    if (!hash) throw bad("an unsupported PBKDF2 hash");
  }
  const scheme = params.sequence();
  const cipher = scheme.object();
  const bits = CIPHER.find(([oid]) => same(oid, cipher))?.[1];
  if (!bits || (keyLength !== null && keyLength * 8 !== bits)) throw bad("an unsupported cipher");
  const iv = scheme.octets();
  if (iv.length !== 16) throw bad("an AES-CBC IV is 16 bytes");
  const sealed = info.octets();
  const aes = await deriveKey(passphrase, salt, iterations, hash, bits);
  try {
    const plain = new Uint8Array(await crypto.subtle.decrypt({ name: "AES-CBC", iv }, aes, sealed));
    ed25519Seed(plain).fill(0); // bad padding that happened to pass still fails here
    return plain;
  } catch {
    throw new KeyFileError("wrong_passphrase", "The passphrase does not open this key file.", "口令无法打开此密钥文件。");
  }
}

async function deriveKey(passphrase, salt, iterations, hash, bits) {
  const secret = await crypto.subtle.importKey("raw", new TextEncoder().encode(passphrase), "PBKDF2", false, ["deriveKey"]);
  return crypto.subtle.deriveKey({ name: "PBKDF2", salt, iterations, hash }, secret, { name: "AES-CBC", length: bits },
    false, ["encrypt", "decrypt"]);
}

// ——— DER: only what these structures use ———

/** Reads one DER element after another; every read checks its tag, and lengths never run past the end. */
function reader(bytes) {
  let at = 0;
  function element(tag) {
    if (bytes[at] !== tag) throw bad("unexpected DER");
    let length = bytes[at + 1];
    at += 2;
    if (length >= 0x80) {
      const count = length & 0x7f;
      if (count < 1 || count > 3) throw bad("unexpected DER length");
      length = 0;
      for (let i = 0; i < count; i++) length = length * 256 + bytes[at++];
    }
    if (!(at + length <= bytes.length)) throw bad("cut short");
    const contents = bytes.subarray(at, at + length);
    at += length;
    return contents;
  }
  return {
    next: () => bytes[at],
    sequence: () => reader(element(SEQUENCE)),
    octets: () => element(OCTETS).slice(),
    object: () => element(OBJECT),
    integer() {
      const contents = element(INTEGER);
      if (contents.length < 1 || contents.length > 4 || contents[0] & 0x80) throw bad("unexpected integer");
      return contents.reduce((n, b) => n * 256 + b, 0);
    },
  };
}

function tlv(tag, ...parts) {
  const contents = parts.flatMap((part) => Array.from(part));
  const n = contents.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Uint8Array.from([tag, ...length, ...contents]);
}

function integer(n) {
  const bytes = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  if (bytes.length === 0 || bytes[0] & 0x80) bytes.unshift(0);
  return tlv(INTEGER, bytes);
}

const same = (a, b) => a.length === b.length && a.every((byte, i) => byte === b[i]);

function fromBase64url(text) {
  const padded = text.replace(/-/g, "+").replace(/_/g, "/");
  return fromBase64(padded + "=".repeat((4 - (padded.length % 4)) % 4));
}
