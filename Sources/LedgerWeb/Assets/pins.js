/**
 * What this browser trusts for one ledger, kept in localStorage under the site's root (docs/BROWSER.md):
 *
 * - the genesis: the one typed from the printed notice, or else the one seen on the first visit;
 * - the keys that genesis lists, and each key added later by a `key.add` signed by a trusted committee
 *   key and approved by a trusted key of another holder, both in the signed checkpoint;
 * - the last checkpoint it verified, which every later one must extend.
 *
 * The server can take trust away (a key it reports revoked is dropped) but never give it.
 */

import { entryHash, verifyEntry, base64, fromBase64, fromHex, hex } from "./canonical.js";
import { verifyInclusion } from "./merkle.js";

const PREFIX = "mutual-aid-ledger:";

export class Pins {
  /** @param tools the page's `get`, `read`, `Refusal` and the typed genesis hash, if any. */
  constructor(key, saved, tools) {
    this.key = key;
    this.tools = tools;
    this.genesis = saved?.genesis ?? null;
    this.checkpoint = saved?.checkpoint ?? null;
    this.trusted = new Map(Object.entries(saved?.keys ?? {}));
    this.served = new Map();
    this.unconfirmed = [];
  }

  /** What this browser saved for the site at `base`, read only: `{ ledger, genesis, keys, checkpoint }`, or null. */
  static saved(base) {
    try { return JSON.parse(localStorage.getItem(PREFIX + base) ?? "null"); } catch { return null; }
  }

  /** The genesis hash typed on this page or carried in the link (`#genesis=HEX`), kept for later visits. */
  static typed(base) {
    const linked = /(?:^#|&)genesis=([0-9a-f]{64})(?:&|$)/.exec(location.hash)?.[1];
    if (linked) localStorage.setItem(PREFIX + base + ":typed", linked);
    return localStorage.getItem(PREFIX + base + ":typed");
  }

  /** Trust for the ledger `note` names: saved, or founded on its genesis, then brought up to the server's keys. */
  static async open(base, note, tools) {
    const key = PREFIX + base;
    let saved = JSON.parse(localStorage.getItem(key) ?? "null");
    if (saved && tools.typedGenesis && saved.genesis !== tools.typedGenesis) saved = null; // the notice wins
    if (saved && saved.ledger !== note.ledger) {
      throw new tools.Refusal("ledger_changed", "The server now shows another ledger than the one this browser checked before.",
        "服务器现在显示的账本与本浏览器之前核验的不是同一本。", [saved.checkpoint?.note ?? saved.ledger, note.text]);
    }
    const pins = new Pins(key, saved, tools);
    if (!saved) await pins.found(note);
    await pins.follow(note);
    return pins;
  }

  /** First visit (or a newly typed genesis): entry 0 must be this ledger's genesis, signed by a key it lists. */
  async found(note) {
    const { get, read, Refusal, typedGenesis } = this.tools;
    const page = await get("api/v1/entries?from=0&limit=1");
    const { bytes, entry } = read(page.entries?.[0]?.entry ?? "", 0);
    const { body } = entry;
    const genesis = hex(await entryHash(bytes));
    if (typedGenesis && genesis !== typedGenesis) {
      throw new Refusal("genesis_mismatch", `The server's first entry is not the genesis on the printed notice (${typedGenesis.slice(0, 16)}…).`,
        `服务器的首条不是公示上印的创始条目（${typedGenesis.slice(0, 16)}…）。`, [genesis]);
    }
    const keys = body?.kind === "genesis" && body.seq === 0 && body.data?.ledger === note.ledger ? body.data.keys : null;
    const author = Array.isArray(keys) ? keys.find((k) => k.id === body.author && k.role === "committee") : null;
    if (!author || !(await verifyEntry(bytes, fromBase64(author.pub)))) {
      throw new Refusal("bad_genesis", "The server's first entry is not a genesis of this ledger signed by its founder.", "服务器的首条不是本账本由创始人签名的创始条目。");
    }
    this.genesis = genesis;
    for (const k of keys) this.trusted.set(k.id, { pub: k.pub, role: k.role, holder: k.holder });
    this.unconfirmed.push({ seq: 0, bytes });
  }

  /** Drops keys the server reports revoked; trusts keys added by trusted people (see the top). */
  async follow(note) {
    const { get } = this.tools;
    const listed = (await get("api/v1/keys")).keys ?? [];
    for (const k of listed) {
      this.served.set(k.id, k.pub);
      if (k.status === "revoked" || k.status === "refused") this.trusted.delete(k.id);
    }
    for (const k of listed) {
      if (k.status !== "active" || this.trusted.has(k.id) || !(k.added < note.size)) continue;
      const detail = await get(`api/v1/entries/${k.added}`);
      const vouched = await this.vouched(k, detail);
      if (vouched) {
        this.trusted.set(k.id, { pub: k.pub, role: k.role, holder: k.holder });
        this.unconfirmed.push(...vouched);
      }
    }
  }

  /** The `key.add` and its approval when both are signed by trusted keys of two holders; else null. */
  async vouched(k, detail) {
    const { read } = this.tools;
    const added = read(detail.entry ?? "", k.added);
    const { body } = added.entry;
    const proposer = this.trusted.get(body?.author);
    if (body?.kind !== "key.add" || body.seq !== k.added || body.data?.key?.id !== k.id || body.data.key.pub !== k.pub
      || proposer?.role !== "committee" || !(await verifyEntry(added.bytes, fromBase64(proposer.pub)))) return null;
    const hash = hex(await entryHash(added.bytes));
    for (const item of detail.referred_by ?? []) {
      const approval = read(item.entry ?? "", item.seq);
      const a = approval.entry.body;
      const approver = this.trusted.get(a?.author);
      if (a?.kind === "approve" && a.data?.target === k.added && a.data.hash === hash && approver
        && approver.holder !== proposer.holder && await verifyEntry(approval.bytes, fromBase64(approver.pub))) {
        return [{ seq: k.added, bytes: added.bytes }, { seq: a.seq, bytes: approval.bytes }];
      }
    }
    return null;
  }

  /** Once the checkpoint is verified: the entries trust was founded on must be in it. */
  async confirm(note) {
    const { get, Refusal } = this.tools;
    for (const { seq, bytes } of this.unconfirmed) {
      if (seq >= note.size) continue;
      const proof = await get(`api/v1/proofs/inclusion?index=${seq}&size=${note.size}`);
      const path = (proof.path ?? []).map((h) => { try { return fromHex(h); } catch { return new Uint8Array(); } });
      if (!(await verifyInclusion(seq, note.size, await entryHash(bytes), path, note.root))) {
        throw new Refusal("bad_proof", `Entry ${seq}, which a trusted key comes from, is not in the signed checkpoint.`, `可信密钥所依据的第 ${seq} 条不在签名检查点之中。`);
      }
    }
  }

  /** Keys whose signatures on checkpoints count: id → raw public key. */
  rawKeys() { return new Map([...this.trusted].map(([id, k]) => [id, fromBase64(k.pub)])); }

  /** Every key an entry may be signed with, trusted or only listed: a key id is the hash of its key, so a
   * listed key cannot stand in for another; the checkpoint is what vouches for the entries. */
  allKeys() {
    const keys = new Map([...this.served].map(([id, pub]) => [id, fromBase64(pub)]));
    for (const [id, raw] of this.rawKeys()) keys.set(id, raw);
    return keys;
  }

  holder(id) { return this.trusted.get(id)?.holder ?? id; }

  /** Keeps the verified checkpoint and the trust it was checked with, for the next visit. */
  remember(note) {
    localStorage.setItem(this.key, JSON.stringify({
      ledger: note.ledger, genesis: this.genesis, keys: Object.fromEntries(this.trusted),
      checkpoint: { size: note.size, root: base64(note.root), note: note.text },
    }));
  }

  /** The form where a person types the genesis hash from the printed notice. */
  static offerTyping(box, say, base) {
    const form = box.querySelector("form");
    if (!form) return;
    form.hidden = false;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const typed = form.elements.genesis.value.trim().toLowerCase();
      const message = form.querySelector(".message");
      if (!/^[0-9a-f]{64}$/.test(typed)) {
        message.textContent = say("A genesis hash is 64 characters 0–9 and a–f.", "创始哈希为 64 个字符（0–9、a–f）。");
        return;
      }
      localStorage.setItem(PREFIX + base + ":typed", typed);
      location.reload();
    });
  }
}
