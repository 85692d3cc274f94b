/**
 * The ledger checked in the browser before someone signs its tree head (docs/BROWSER.md): every entry is
 * read strictly, follows the one before it (its `seq`, its `prev`, a time no earlier), and carries the
 * signature of a key that the genesis or a `key.add` before it introduced; the Merkle root of them all is
 * what gets signed. The ledger's rules — roles, approvals, balances — are the server's and `ledger
 * verify`'s to run; this check is what lets a phone sign without trusting the server's root.
 *
 * What was checked is kept as a small state — the size, the last entry's hash and time, the keys met, and
 * the roots of the tree's complete subtrees (at most 53 hashes) — so the next check starts where this one
 * ended and costs only the entries added since.
 */

import { decode, entryHash, signedMessage, keyID, fromBase64, fromHex, hex } from "./canonical.js";
import { nodeHash } from "./merkle.js";

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
 * Checks entries `saved.size` ..< `size` (all of them when nothing was saved), fetched with `get(path)`
 * (JSON), and returns `{ root, state }`: the Merkle root of the `size` entries as 32 bytes, and the state
 * to pass as `saved` next time (plain JSON, for localStorage). `progress(done, size)` follows each page.
 * @throws {ChainError}
 */
export async function checkChain(get, size, saved = null, progress = () => {}) {
  if (!(size >= 1)) throw new ChainError(0, "the ledger has no entries", "账本没有条目");
  const state = saved ? structuredClone(saved) : { size: 0, prev: ZERO, time: "", ledger: null, genesis: null, keys: {}, frontier: [] };
  if (state.size > size) {
    throw new ChainError(size, `the server now has fewer entries than the ${state.size} this browser checked before`,
      `服务器现有条目少于本浏览器此前核对过的 ${state.size} 条`);
  }
  const keys = new Map();
  for (const [id, pub] of Object.entries(state.keys)) await introduce(keys, { id, pub });
  const frontier = state.frontier.map(([count, hash]) => ({ count, hash: fromHex(hash) }));
  while (state.size < size) {
    const page = await get(`api/v1/entries?from=${state.size}&limit=${Math.min(PAGE, size - state.size)}`);
    const entries = page.entries ?? [];
    if (entries.length === 0) throw new ChainError(state.size, "the server sent no entry here", "服务器未发来此条");
    for (const item of entries.slice(0, size - state.size)) {
      const seq = state.size;
      const bytes = utf8.encode(item.entry ?? "");
      let entry;
      try { entry = decode(bytes); } catch (error) {
        throw new ChainError(seq, `it is not canonical (${error.message})`, `不是规范编码（${error.message}）`);
      }
      const body = entry.body ?? {};
      if (body.seq !== seq) throw new ChainError(seq, "it is out of order", "顺序不对");
      if (body.prev !== state.prev) throw new ChainError(seq, "it does not follow the entry before it", "未接续上一条");
      if (!(typeof body.time === "string" && body.time >= state.time)) {
        throw new ChainError(seq, "its time is earlier than the entry before it", "时间早于上一条");
      }
      if (seq === 0) {
        if (body.kind !== "genesis") throw new ChainError(0, "the first entry is not a genesis", "首条不是创始条目");
        state.ledger = body.data?.ledger ?? null;
        for (const key of body.data?.keys ?? []) await introduce(keys, key, state.keys);
      }
      if (!(await signedBy(keys.get(body.author), entry))) {
        throw new ChainError(seq, "its signature does not verify with a key of this ledger", "签名无法用本账本的密钥核验");
      }
      if (body.kind === "key.add") await introduce(keys, body.data?.key, state.keys);
      const leaf = await entryHash(bytes);
      await append(frontier, leaf);
      state.prev = hex(leaf);
      if (seq === 0) state.genesis = state.prev;
      state.time = body.time;
      state.size += 1;
    }
    progress(state.size, size);
  }
  state.frontier = frontier.map(({ count, hash }) => [count, hex(hash)]);
  return { root: await rootOf(frontier), state };
}

/** Adds a leaf to the complete subtrees, joining the last two while they are the same size. */
async function append(frontier, leaf) {
  frontier.push({ count: 1, hash: leaf });
  while (frontier.length > 1 && frontier.at(-1).count === frontier.at(-2).count) {
    const right = frontier.pop();
    const left = frontier.pop();
    frontier.push({ count: left.count * 2, hash: await nodeHash(left.hash, right.hash) });
  }
}

/** RFC 9162's root from the complete subtrees, largest first: each joins the root of those after it. */
async function rootOf(frontier) {
  let root = frontier.at(-1).hash;
  for (let i = frontier.length - 2; i >= 0; i--) root = await nodeHash(frontier[i].hash, root);
  return root;
}

async function introduce(keys, key, kept = null) {
  if (typeof key?.id !== "string" || typeof key.pub !== "string" || keys.has(key.id)) return;
  try {
    const raw = fromBase64(key.pub);
    if (await keyID(raw) !== key.id) return; // a key id names its key; one that does not signs nothing
    keys.set(key.id, await crypto.subtle.importKey("raw", raw, { name: "Ed25519" }, false, ["verify"]));
    if (kept) kept[key.id] = key.pub;
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
