/**
 * Signed checkpoints in the browser (docs/FORMAT.md section 12): a C2SP tlog-checkpoint in a C2SP
 * signed-note, read as strictly as the Swift reader and checked against keys the reader chose to trust.
 */

import { fromBase64, hex } from "./canonical.js";

const ORIGIN = "mutual-aid-ledger/";
const MAX_SIGNATURES = 100;
const utf8 = new TextEncoder();

/** Why a note is refused: `.code` is `bad_checkpoint_note` (section 10), `.detail` says what. */
export class NoteError extends Error {
  constructor(detail) {
    super(`bad_checkpoint_note: ${detail}`);
    Object.assign(this, { name: "NoteError", code: "bad_checkpoint_note", detail });
  }
}

/**
 * The note's parts: `text` (the three signed lines, final newline included), `ledger`, `size`, `root`
 * (32 bytes) and `signatures` ({name, keyHash, signature}). Signatures are not checked here.
 * @throws {NoteError} unless it is exactly origin, decimal size and base64 root, then signature lines.
 */
export function parseCheckpoint(note) {
  if (typeof note !== "string") throw new NoteError("not text");
  if (/[\u0000-\u0009\u000b-\u001f]/.test(note)) throw new NoteError("control character");
  if (!note.endsWith("\n")) throw new NoteError("the note must end with a newline");
  const split = note.lastIndexOf("\n\n");
  if (split < 0) throw new NoteError("no signature block");
  const text = note.slice(0, split + 1);
  const lines = text.split("\n");
  if (lines.length !== 4 || !lines[0].startsWith(ORIGIN)) throw new NoteError("not origin, size and root");
  const size = Number(lines[1]);
  if (!/^(0|[1-9][0-9]*)$/.test(lines[1]) || !Number.isSafeInteger(size)) throw new NoteError("size is not decimal");
  let root;
  try { root = fromBase64(lines[2]); } catch { throw new NoteError("root is not base64"); }
  if (root.length !== 32) throw new NoteError("root is not 32 bytes");
  const signatures = note.slice(split + 2, -1).split("\n").map((line) => {
    const parts = line.startsWith("— ") ? line.slice(2).split(" ") : [];
    if (parts.length !== 2 || !validName(parts[0])) throw new NoteError("bad signature line");
    let bytes;
    try { bytes = fromBase64(parts[1]); } catch { throw new NoteError("bad signature line"); }
    if (bytes.length <= 4) throw new NoteError("bad signature line");
    return { name: parts[0], keyHash: bytes.subarray(0, 4), signature: bytes.subarray(4) };
  });
  if (signatures.length > MAX_SIGNATURES) throw new NoteError("more than 100 signatures");
  return { text, ledger: lines[0].slice(ORIGIN.length), size, root, signatures };
}

/** Key names have no white space and no `+` (C2SP signed-note). */
const validName = (name) => name.length > 0 && !/[\s+]/u.test(name);

/** First 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ raw public key). */
export async function keyHash(name, rawPublicKey) {
  const bytes = new Uint8Array([...utf8.encode(name), 0x0a, 0x01, ...rawPublicKey]);
  return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)).subarray(0, 4);
}

/**
 * The names of the trusted keys whose signatures verify, sorted. Lines from keys not in `trusted` (a Map
 * from key id to raw public key) are ignored, as section 12 says.
 * @throws {NoteError} when a trusted key's signature fails (the note was altered), or none signed.
 */
export async function verifyCheckpoint(parsed, trusted) {
  const message = utf8.encode(parsed.text);
  const verified = new Set();
  for (const { name, keyHash: hash, signature } of parsed.signatures) {
    const raw = trusted.get(name);
    if (!raw || !same(await keyHash(name, raw), hash)) continue;
    const key = await crypto.subtle.importKey("raw", raw, { name: "Ed25519" }, false, ["verify"]);
    const good = signature.length === 64 && await crypto.subtle.verify({ name: "Ed25519" }, key, signature, message);
    if (!good) throw new NoteError(`the signature of ${name} does not verify`);
    verified.add(name);
  }
  if (verified.size === 0) throw new NoteError("no trusted key signed it");
  return [...verified].sort();
}

/** The fingerprint people compare by eye: the first 16 hex of SHA-256 of the text, in fours. */
export async function fingerprint(text) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", utf8.encode(text)));
  return hex(digest.subarray(0, 8)).match(/..../g).join("-");
}

const same = (a, b) => a.length === b.length && a.every((byte, i) => byte === b[i]);
