/**
 * The member page checks what the server shows instead of trusting it (docs/BROWSER.md): every entry
 * on the page is signed by its author and included in the latest signed checkpoint, the checkpoint is
 * signed by keys this browser trusts and extends the one it remembers, and the amounts and balances in
 * the table are the ones those entries carry. The outcome is `data-verified` on #verification.
 */

import { decode, entryHash, verifyEntry, fromBase64, fromHex, hex } from "./canonical.js";
import { verifyInclusion, verifyConsistency } from "./merkle.js";
import { parseCheckpoint, verifyCheckpoint, fingerprint, NoteError } from "./note.js";
import { Pins } from "./pins.js";

const box = document.getElementById("verification");
const zh = document.documentElement.lang.startsWith("zh");
const say = (en, chinese) => (zh ? chinese : en);
const utf8 = new TextEncoder();
/** The site's root, so the page works where a host serves many ledgers under one address. */
const base = location.pathname.replace(/(?:members\/[^/]*|member)$/, "");

/** A failed check: `reason` goes into data-reason, `evidence` (texts) is shown below the message. */
class Refusal extends Error {
  constructor(reason, en, chinese, evidence = []) {
    super(say(en, chinese));
    Object.assign(this, { reason, evidence });
  }
}

async function get(path) {
  let answer;
  try {
    answer = await fetch(base + path, { cache: "no-store", headers: { Accept: "application/json" } });
  } catch {
    throw new Refusal("unreachable", "The server could not be reached.", "无法连接服务器。");
  }
  if (!answer.ok) throw new Refusal("server_error", `The server answered ${answer.status} to ${path}.`, `服务器对 ${path} 的回应是 ${answer.status}。`);
  try { return await answer.json(); } catch {
    throw new Refusal("server_error", `The server's answer to ${path} is not JSON.`, `服务器对 ${path} 的回应不是 JSON。`);
  }
}

/** An entry's bytes decoded strictly; a spelling the ledger would refuse is a refusal here too. */
function read(text, seq) {
  const bytes = utf8.encode(text);
  try {
    return { bytes, entry: decode(bytes) };
  } catch (error) {
    throw new Refusal("non_canonical", `Entry ${seq} as the server sent it is not canonical (${error.message}).`,
      `服务器发来的第 ${seq} 条不是规范编码（${error.message}）。`);
  }
}

/** Checks `bytes` are entry `seq`, signed by `key` (a raw public key), and in the tree under `root`. */
async function checkEntry(bytes, entry, seq, key, path, note) {
  if (entry.body?.seq !== seq) throw new Refusal("bad_seq", `The server sent another entry as entry ${seq}.`, `服务器把别的条目当作第 ${seq} 条发来。`);
  if (!key || !(await verifyEntry(bytes, key))) {
    throw new Refusal("bad_signature", `Entry ${seq} does not carry its author's signature: it was altered.`, `第 ${seq} 条没有录入人的有效签名：已被改动。`);
  }
  if (seq >= note.size) return false;
  const leaf = await entryHash(bytes);
  if (!Array.isArray(path) || !(await verifyInclusion(seq, note.size, leaf, path.map(fromHexOrEmpty), note.root))) {
    throw new Refusal("bad_proof", `Entry ${seq} is not in the signed checkpoint of ${note.size} entries.`, `第 ${seq} 条不在 ${note.size} 条的签名检查点之中。`);
  }
  return true;
}

const fromHexOrEmpty = (text) => { try { return fromHex(text); } catch { return new Uint8Array(); } };

/** The served checkpoint, parsed; a missing or malformed one is a refusal. */
async function servedCheckpoint() {
  const served = await get("api/v1/checkpoint");
  if (!served.signed) throw new Refusal("no_checkpoint", "No signed checkpoint yet: nothing can be checked until the oversight group signs one.", "尚无签名检查点：监督组签署之前无法核验。");
  try { return parseCheckpoint(served.signed.note); } catch (error) {
    throw new Refusal("bad_checkpoint_note", `The checkpoint is malformed: ${error.detail}.`, `检查点格式有误：${error.detail}。`);
  }
}

/** The checkpoint's trusted signers; fails when a trusted signature is bad or no trusted key signed. */
async function signers(note, pins) {
  try { return await verifyCheckpoint(note, pins.rawKeys()); } catch (error) {
    if (!(error instanceof NoteError)) throw error;
    throw new Refusal("bad_checkpoint_note", `The checkpoint is not signed by the keys this browser trusts (${error.detail}).`,
      `检查点没有本浏览器信任的密钥的有效签名（${error.detail}）。`, [note.text]);
  }
}

/** The checkpoint extends the one remembered: same tree, grown or equal, else both are evidence. */
async function checkConsistency(note, pins) {
  const last = pins.checkpoint;
  if (!last) return;
  const evidence = [last.note, note.text];
  const lastRoot = fromBase64(last.root);
  if (note.size < last.size) {
    throw new Refusal("rolled_back", `The server now shows ${note.size} entries; this browser already saw ${last.size}.`,
      `服务器现在只显示 ${note.size} 条；本浏览器之前已看到 ${last.size} 条。`, evidence);
  }
  const proof = note.size === last.size ? { path: [] } : await get(`api/v1/proofs/consistency?old=${last.size}&new=${note.size}`);
  const same = note.size === last.size && hex(lastRoot) === hex(note.root);
  if (!same && !(note.size > last.size && await verifyConsistency(last.size, note.size, lastRoot, note.root, (proof.path ?? []).map(fromHexOrEmpty)))) {
    throw new Refusal("forked", "The server shows a history that differs from the one this browser checked before.",
      "服务器显示的历史与本浏览器之前核验的不同。", evidence);
  }
}

/** How much entry `entry` moves `member`'s balance, by section 8 (a reversal undoes its target's). */
function movement(entry, member, bySeq) {
  const { kind, data } = entry.body;
  if (kind === "reversal") {
    const target = bySeq.get(data.target);
    return target ? -movement(target, member, bySeq) : null;
  }
  if (data.member !== member) return null;
  if (kind === "sale") return data.amount - (data.fee ?? 0);
  if (kind === "grant") return data.amount;
  if (kind === "payout") return -data.amount;
  return null;
}

/** `¥1,234.50`, as the server writes amounts. */
const money = (fen) => `${fen < 0 ? "-" : ""}¥${Math.floor(Math.abs(fen) / 100).toLocaleString("en-US")}.${String(Math.abs(fen) % 100).padStart(2, "0")}`;

/** Every row of the movements table is an entry checked here, moving the amount it shows, and the
 * balances add up to the one at the top. */
function checkTable(member, bySeq) {
  const rows = [...document.querySelectorAll("#movements tr")].slice(1).reverse();
  let running = 0;
  for (const row of rows) {
    const [seqCell, , whatCell, amountCell, balanceCell] = row.cells;
    const seq = Number(seqCell.textContent.trim());
    const entry = bySeq.get(seq);
    const delta = entry ? movement(entry, member, bySeq) : null;
    if (delta === null) {
      throw new Refusal("unbacked_row", `Row ${seqCell.textContent.trim()} is not an entry of this member that the server could prove.`, `第 ${seqCell.textContent.trim()} 行不是服务器能证明的本户条目。`);
    }
    running += delta;
    const source = entry.body.kind === "reversal" ? bySeq.get(entry.body.data.target) : entry;
    const signed = new Set([source.body.data.amount, source.body.data.fee ?? 0].map(money));
    const stray = (whatCell.textContent.match(/-?¥[0-9,]+\.[0-9]{2}/g) ?? []).find((text) => !signed.has(text));
    if (stray) {
      throw new Refusal("amount_mismatch", `Entry ${seq} is described with ${stray}, an amount it does not carry.`, `第 ${seq} 条的说明中有 ${stray}，该条目并无此金额。`);
    }
    if (amountCell.textContent.trim() !== money(delta) || balanceCell.textContent.trim() !== money(running)) {
      throw new Refusal("amount_mismatch", `Entry ${seq} says ${money(delta)} (balance ${money(running)}), but the page shows ${amountCell.textContent.trim()} (${balanceCell.textContent.trim()}).`,
        `第 ${seq} 条记载 ${money(delta)}（余额 ${money(running)}），页面却显示 ${amountCell.textContent.trim()}（${balanceCell.textContent.trim()}）。`);
    }
  }
  const shown = document.querySelector("#figures td")?.textContent.trim();
  if (shown !== undefined && shown !== money(running)) {
    throw new Refusal("amount_mismatch", `The entries add up to ${money(running)}, but the page shows a balance of ${shown}.`, `各条目合计 ${money(running)}，页面显示的余额却是 ${shown}。`);
  }
  for (const row of document.querySelectorAll("#waiting tr")) {
    const seq = Number(row.cells[0]?.textContent.trim());
    if (row.cells[0]?.tagName === "TD" && !bySeq.has(seq)) {
      throw new Refusal("unbacked_row", `Waiting entry ${seq} is not one the server could prove.`, `待审批的第 ${seq} 条不是服务器能证明的条目。`);
    }
  }
  return rows.length;
}

async function check() {
  const member = box.dataset.member;
  const note = await servedCheckpoint();
  const pins = await Pins.open(base, note, { get, read, checkEntry, Refusal, typedGenesis: Pins.typed(base) });
  const names = await signers(note, pins);
  await pins.confirm(note);
  await checkConsistency(note, pins);

  const served = await get(`api/v1/members/${encodeURIComponent(member)}/entries?size=${note.size}`);
  const keys = pins.allKeys();
  const bySeq = new Map();
  let covered = 0;
  for (const item of served.entries ?? []) {
    const { bytes, entry } = read(item.entry, item.seq);
    if (await checkEntry(bytes, entry, item.seq, keys.get(entry.body?.author), item.path, note)) covered += 1;
    bySeq.set(item.seq, entry);
  }
  const rows = checkTable(member, bySeq);
  pins.remember(note);
  const print = await fingerprint(note.text);
  const later = bySeq.size - covered;
  return say(`Checked in this browser: ${bySeq.size} entries signed by their authors, ${covered} of them in the checkpoint of ${note.size} entries (fingerprint ${print}) signed by ${names.map((id) => pins.holder(id)).join(", ")}; the ${rows} amounts shown are the signed ones.${later ? ` ${later} newer entries wait for the next checkpoint.` : ""}`,
    `已在本浏览器核验：${bySeq.size} 条均有录入人签名，其中 ${covered} 条在 ${note.size} 条的检查点（指纹 ${print}）之中，签署人：${names.map((id) => pins.holder(id)).join("、")}；页面上的 ${rows} 笔金额与签名条目一致。${later ? `另有 ${later} 条较新，待下一个检查点覆盖。` : ""}`);
}

function show(verified, message, reason, evidence = []) {
  box.dataset.verified = String(verified);
  if (reason) box.dataset.reason = reason; else delete box.dataset.reason;
  const text = box.querySelector(".outcome");
  text.textContent = (verified ? "✔ " : "✘ ") + message;
  for (const item of evidence) {
    const pre = document.createElement("pre");
    pre.textContent = item;
    box.append(pre);
  }
}

if (box) {
  check().then((message) => show(true, message), (error) => {
    if (error instanceof Refusal) show(false, error.message, error.reason, error.evidence);
    else show(false, say(`The check could not run: ${error.message}`, `无法核验：${error.message}`), "cannot_check");
  });
  Pins.offerTyping(box, say, base);
}
