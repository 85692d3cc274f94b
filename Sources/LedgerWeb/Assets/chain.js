/**
 * The whole ledger checked in the browser before an oversight member signs its tree head (docs/BROWSER.md):
 * every entry is read strictly, follows the one before it (its `seq`, its `prev`, a time no earlier), and
 * carries the signature of a key that the genesis or a `key.add` before it introduced; the Merkle root of
 * them all is what gets signed. The ledger's rules — roles, approvals, balances — are the server's and
 * `ledger verify`'s to run; this check is what lets a phone sign without trusting the server's root.
 */

import { decode, entryHash, signedMessage, keyID, fromBase64, hex } from "./canonical.js";
import { rootHash } from "./merkle.js";

const PAGE = 500; // the server's largest page
const ZERO = "0".repeat(64);
const utf8 = new TextEncoder();

/** Why the chain was refused: `.seq` names the entry, `.en` and `.zh` say what. */
export class ChainError extends Error {
  constructor(seq, en, zh) {
    super(`entry ${seq}: ${en}`);
    Object.assign(this, { name: "ChainError", seq, en, zh });
  }
}

/**
 * Checks entries 0 ..< `size`, fetched with `get(path)` (JSON), and returns `{ leaves, root, ledger, genesis }`:
 * the entry hashes, their Merkle root (32 bytes), the ledger id, and the genesis entry hash in hex. `progress(done, size)` is
 * called after each page.
 * @throws {ChainError}
 */
export async function checkChain(get, size, progress = () => {}) {
  const keys = new Map(); // key id → CryptoKey, as entries introduce them
  const leaves = [];
  let prev = ZERO, time = "", ledger = null;
  for (let from = 0; from < size; from += PAGE) {
    const page = await get(`api/v1/entries?from=${from}&limit=${Math.min(PAGE, size - from)}`);
    const entries = page.entries ?? [];
    if (entries.length === 0) throw new ChainError(from, "the server sent no entry here", "服务器未发来此条");
    for (const item of entries) {
      const seq = leaves.length;
      if (seq >= size) break;
      const bytes = utf8.encode(item.entry ?? "");
      let entry;
      try { entry = decode(bytes); } catch (error) {
        throw new ChainError(seq, `it is not canonical (${error.message})`, `不是规范编码（${error.message}）`);
      }
      const body = entry.body ?? {};
      if (body.seq !== seq) throw new ChainError(seq, "it is out of order", "顺序不对");
      if (body.prev !== prev) throw new ChainError(seq, "it does not follow the entry before it", "未接续上一条");
      if (!(typeof body.time === "string" && body.time >= time)) throw new ChainError(seq, "its time is earlier than the entry before it", "时间早于上一条");
      if (seq === 0) {
        if (body.kind !== "genesis") throw new ChainError(0, "the first entry is not a genesis", "首条不是创始条目");
        ledger = body.data?.ledger;
        for (const key of body.data?.keys ?? []) await introduce(keys, key);
      }
      if (!(await signedBy(keys.get(body.author), entry))) {
        throw new ChainError(seq, "its signature does not verify with a key of this ledger", "签名无法用本账本的密钥核验");
      }
      if (body.kind === "key.add") await introduce(keys, body.data?.key);
      const leaf = await entryHash(bytes);
      leaves.push(leaf);
      prev = hex(leaf);
      time = body.time;
    }
    progress(leaves.length, size);
  }
  if (leaves.length !== size) throw new ChainError(leaves.length, "the server sent too few entries", "服务器发来的条目不足");
  return { leaves, root: await rootHash(leaves), ledger, genesis: hex(leaves[0]) };
}

async function introduce(keys, key) {
  if (typeof key?.id !== "string" || typeof key.pub !== "string" || keys.has(key.id)) return;
  try {
    const raw = fromBase64(key.pub);
    if (await keyID(raw) !== key.id) return; // a key id names its key; one that does not signs nothing
    keys.set(key.id, await crypto.subtle.importKey("raw", raw, { name: "Ed25519" }, false, ["verify"]));
  } catch { /* a key that cannot be read signs nothing */ }
}

async function signedBy(key, entry) {
  if (!key || typeof entry.sig !== "string") return false;
  try {
    const signature = fromBase64(entry.sig);
    return signature.length === 64 && await crypto.subtle.verify({ name: "Ed25519" }, key, signature, signedMessage(entry.body));
  } catch {
    return false;
  }
}
