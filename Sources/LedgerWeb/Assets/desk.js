/**
 * The desk (docs/BROWSER.md): the committee records and the oversight group approves, rejects and signs
 * checkpoints, with a key kept in this browser. Every entry is built here from the form, shown in plain
 * words, signed as its exact canonical bytes and posted to `POST /api/v1/entries`, which runs every rule;
 * a refusal comes back in the reader's language and is shown on the form. No key leaves the browser.
 */

import { decode, encode, entryHash, signedMessage, keyID, base64, fromBase64, fromHex, hex } from "./canonical.js";
import { keyHash, fingerprint } from "./note.js";
import { verifyConsistency } from "./merkle.js";
import { checkChain, ChainError } from "./chain.js";
import { KeyFileError, publicKeyFile } from "./pem.js";
import * as keyring from "./keyring.js";

const zh = document.documentElement.lang.startsWith("zh");
const say = (en, chinese) => (zh ? chinese : en);
const base = location.pathname.replace(/desk$/, "");
const utf8 = new TextEncoder();
const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

/** A refusal to show a person: from the server (`code` is its reason) or from a check here. */
class Refusal extends Error {
  constructor(message, code = "refused") {
    super(message);
    this.code = code;
  }
}

// ——— talking to the server ———

async function get(path) {
  let answer;
  try {
    answer = await fetch(base + path, { cache: "no-store", headers: { Accept: "application/json" } });
  } catch {
    throw new Refusal(say("The server could not be reached; nothing was sent.", "无法连接服务器；未发送任何内容。"), "unreachable");
  }
  const json = await answer.json().catch(() => null);
  if (!answer.ok || !json) throw refusalFrom(answer.status, json);
  return json;
}

async function post(path, bytes) {
  let answer;
  try {
    answer = await fetch(base + path, { method: "POST", body: bytes, cache: "no-store",
      headers: { "Content-Type": "application/json", "Accept-Language": zh ? "zh-CN" : "en" } });
  } catch {
    throw new Refusal(say("The server could not be reached; nothing was sent.", "无法连接服务器；未发送任何内容。"), "unreachable");
  }
  return { status: answer.status, json: await answer.json().catch(() => null) };
}

const refusalFrom = (status, json) => new Refusal(json?.error?.message
  ?? say(`The server answered ${status}; nothing was written.`, `服务器回应 ${status}；未写入任何内容。`), json?.error?.code ?? `http_${status}`);

/**
 * Signs an entry of `kind` with `data` on the server's current head and posts it. When someone else's
 * entry got there first (`stale_head`), it is built on the new head and signed once more.
 */
async function append(key, kind, data, memo) {
  for (let attempt = 0; ; attempt++) {
    const head = await get("api/v1/head");
    const now = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace(".000Z", "Z");
    const body = { author: key.id, data, kind, prev: head.head, seq: head.size,
      time: head.last_time && head.last_time > now ? head.last_time : now, v: 1 };
    if (memo) body.memo = memo;
    const sig = await keyring.sign(key, signedMessage(body));
    const { status, json } = await post("api/v1/entries", encode({ body, sig: base64(sig) }));
    if (status === 201) return json;
    if (status === 409 && json?.error?.code === "stale_head" && attempt === 0) continue;
    throw refusalFrom(status, json);
  }
}

// ——— reading the forms, and saying what they say ———

/** Member and fund names, from the page's lists. */
const names = new Map($$("#members option, select[name=fund] option").map((o) => [o.value, o.textContent]));
const named = (id) => names.get(id) ?? id;
const members = $$("#members option").map((o) => ({ id: o.value, label: o.textContent }));

/** The household typed: its id (in any case), or a name only one household has; otherwise a refusal. */
function member(text, label) {
  const nameOf = (m) => [` (${m.id})`, `（${m.id}）`].reduce((name, tail) => name.endsWith(tail) ? name.slice(0, -tail.length) : name, m.label);
  const exact = members.filter((m) => m.id === text);
  const found = exact.length ? exact : members.filter((m) => m.id.toLowerCase() === text.toLowerCase() || nameOf(m) === text);
  if (found.length === 1) return found[0].id;
  if (found.length) {
    throw new Refusal(say(`${label}: “${text}” names ${found.length} households; choose one from the list.`,
      `${label}：“${text}”对应 ${found.length} 户，请从列表中选择。`), "ambiguous_member");
  }
  throw new Refusal(say(`${label}: no open household is “${text}”.`, `${label}：没有“${text}”这一在册农户。`), "unknown_member");
}

const money = (fen) => `¥${Math.floor(fen / 100).toLocaleString("en-US")}.${String(fen % 100).padStart(2, "0")}`;

/** Yuan as typed — `1234.5`, `1,234.50`, `¥12` — in fen, or a refusal naming the field. */
function fen(text, label, zeroAllowed) {
  const plain = text.replace(/^[¥￥]/, "").trim();
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(plain);
  const value = match ? Number(match[1].replace(/,/g, "")) * 100 + Number((match[2] ?? "").padEnd(2, "0")) : NaN;
  if (!Number.isSafeInteger(value) || value > 1e12 || (value === 0 && !zeroAllowed)) {
    throw new Refusal(say(`${label}: “${text}” is not an amount in yuan, such as 1234.50.`, `${label}：“${text}”不是以元为单位的金额，例如 1234.50。`), "bad_amount");
  }
  return value;
}

/** The public key typed or pasted for a `key.add`: base64 of 32 bytes, or a `.pub` PEM. */
function rawPublicKey(text, label) {
  const pem = /-----BEGIN PUBLIC KEY-----([\sA-Za-z0-9+/=]+)-----END PUBLIC KEY-----/.exec(text);
  try {
    const der = fromBase64((pem ? pem[1] : text).replace(/\s/g, ""));
    const prefix = "302a300506032b6570032100";
    if (der.length === 32) return der;
    if (der.length === 44 && hex(der.subarray(0, 12)) === prefix) return der.subarray(12);
  } catch { /* refused below */ }
  throw new Refusal(say(`${label}: not an Ed25519 public key (base64 of 32 bytes, or a .pub file).`, `${label}：不是 Ed25519 公钥（32 字节的 base64，或 .pub 文件）。`), "bad_key");
}

const labelOf = (input) => input.closest("label")?.firstChild?.textContent.trim() ?? input.name;

/** The entry's `data` and memo from a form: each input is a field; optional ones left empty are left out. */
async function readForm(form) {
  const kind = form.dataset.kind;
  const data = {};
  let memo;
  for (const input of $$("input, select", form)) {
    const text = input.value.trim();
    if (input.name === "memo") { memo = text || undefined; continue; }
    if (!text) {
      if (input.required) throw new Refusal(say(`${labelOf(input)}: please fill it in.`, `${labelOf(input)}：请填写。`), "missing");
      continue;
    }
    switch (input.dataset.type) {
      case "yuan": data[input.name] = fen(text, labelOf(input), input.name === "fee"); break;
      case "seq":
        if (!/^\d{1,15}$/.test(text)) throw new Refusal(say(`${labelOf(input)}: an entry number, such as 42.`, `${labelOf(input)}：应为条目序号，例如 42。`), "bad_seq");
        data[input.name] = Number(text);
        break;
      case "pub": data[input.name] = base64(rawPublicKey(text, labelOf(input))); break;
      case "member": data[input.name] = member(text, labelOf(input)); break;
      default: data[input.name] = text;
    }
  }
  if (kind === "key.add") {
    const raw = fromBase64(data.pub);
    return { data: { key: { holder: data.holder, id: await keyID(raw), pub: data.pub, role: data.role } }, memo };
  }
  return { data, memo };
}

const METHOD = { cash: ["in cash", "现金"], bank: ["by bank transfer", "银行转账"], mobile: ["by mobile payment", "移动支付"] };
const ROLE = { committee: ["the committee", "管理委员会"], oversight: ["the oversight group", "监督组"] };

/** One sentence for what an entry does, from its kind and data (a target described from its own bytes). */
function describe(kind, d) {
  switch (kind) {
    case "donation":
      return d.form === "in_kind"
        ? say(`Donation in kind from ${d.donor} to ${named(d.fund)}: ${d.item}${d.quantity ? `, ${d.quantity} ${d.unit}` : ""}, declared value ${money(d.amount)}`,
          `${d.donor} 向${named(d.fund)}捐赠物资：${d.item}${d.quantity ? ` ${d.quantity}${d.unit}` : ""}，申报价值 ${money(d.amount)}`)
        : say(`Donation of ${money(d.amount)} in cash from ${d.donor} to ${named(d.fund)}`, `${d.donor} 向${named(d.fund)}捐款 ${money(d.amount)}（现金）`);
    case "sale":
      return say(`Sale for ${named(d.member)}: ${d.quantity} ${d.unit} of ${d.product} for ${money(d.amount)}${d.buyer ? ` to ${d.buyer}` : ""}${d.fee ? `, fee ${money(d.fee)} to ${named(d.fund ?? "general")}` : ""}`,
        `为${named(d.member)}助销${d.product} ${d.quantity}${d.unit}，售价 ${money(d.amount)}${d.buyer ? `，买方 ${d.buyer}` : ""}${d.fee ? `，服务费 ${money(d.fee)} 入${named(d.fund ?? "general")}` : ""}`);
    case "grant":
      return say(`Grant of ${money(d.amount)} to ${named(d.member)} from ${named(d.fund)}, for ${d.purpose}`, `从${named(d.fund)}向${named(d.member)}发放救助金 ${money(d.amount)}，用途：${d.purpose}`);
    case "payout":
      return say(`Pay ${money(d.amount)} to ${named(d.member)} ${METHOD[d.method]?.[0] ?? d.method}`, `以${METHOD[d.method]?.[1] ?? d.method}向${named(d.member)}支付 ${money(d.amount)}`);
    case "expense":
      return say(`Expense of ${money(d.amount)} from ${named(d.fund)} to ${d.payee}, for ${d.purpose}`, `从${named(d.fund)}支出 ${money(d.amount)} 给 ${d.payee}，用途：${d.purpose}`);
    case "reversal":
      return say(`Undo entry ${d.target}, because: ${d.reason}`, `冲正第 ${d.target} 条，原因：${d.reason}`);
    case "key.add":
      return say(`Add the key ${d.key?.id} of ${d.key?.holder} to ${ROLE[d.key?.role]?.[0] ?? d.key?.role}`, `为${ROLE[d.key?.role]?.[1] ?? d.key?.role}添加 ${d.key?.holder} 的密钥 ${d.key?.id}`);
    default:
      return `${kind}: ${JSON.stringify(d)}`;
  }
}

// ——— asking before signing ———

const confirmBox = $("#confirm");

/** Shows what will be signed and resolves true when the person chooses to sign it. */
function confirmSigning(sentence, fields) {
  $(".what", confirmBox).textContent = sentence;
  $(".fields", confirmBox).textContent = JSON.stringify(fields, null, 1);
  confirmBox.hidden = false;
  confirmBox.scrollIntoView({ block: "nearest" });
  return new Promise((resolve) => {
    const done = (answer) => () => { confirmBox.hidden = true; resolve(answer); };
    $(".sign", confirmBox).onclick = done(true);
    $(".cancel", confirmBox).onclick = done(false);
  });
}

/** A message for the person, and what it was, for scripts and tests (`data-code`). */
function tell(element, text, code = "") {
  element.textContent = text;
  element.dataset.code = code;
}

/** After an entry is appended (the pending list changes) or a key of the ledger is opened (the sections open),
 * the page is loaded again; this keeps what to tell the person across the load. */
function reloadTelling(text, seq = "") {
  sessionStorage.setItem("desk-flash", JSON.stringify({ seq, text }));
  location.reload();
}

function appended(result) {
  const status = result.status === "pending" ? say("waiting for approval", "待审批") : say("in force", "已生效");
  reloadTelling(say(`Entry ${result.seq} is in the ledger (${status}).`, `第 ${result.seq} 条已记入账本（${status}）。`), result.seq);
}

function showFlash() {
  const saved = JSON.parse(sessionStorage.getItem("desk-flash") ?? "null");
  sessionStorage.removeItem("desk-flash");
  if (!saved) return;
  const line = document.createElement("p");
  line.id = "flash";
  line.setAttribute("role", "status");
  if (saved.seq !== "") line.dataset.seq = saved.seq;
  line.textContent = saved.text;
  $("h1").after(line);
}

async function attempt(messageElement, work) {
  tell(messageElement, "");
  try {
    await work();
  } catch (error) {
    if (error instanceof Refusal) return tell(messageElement, error.message, error.code);
    if (error instanceof KeyFileError) return tell(messageElement, say(error.en, error.zh), error.code);
    if (error instanceof ChainError) return tell(messageElement, say(`Entry ${error.seq}: ${error.en}. Nothing was signed.`, `第 ${error.seq} 条：${error.zh}。未签名。`), "bad_chain");
    tell(messageElement, say(`Something went wrong in the browser: ${error.message}`, `浏览器出错：${error.message}`), "browser_error");
  }
}

// ——— the sections ———

function recordForms(key) {
  const chooser = $("#kind");
  const show = () => $$("form.entry").forEach((form) => { form.hidden = form.dataset.kind !== chooser.value; });
  chooser.addEventListener("change", show);
  show();
  for (const form of $$("form.entry")) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      attempt($(".message", form), async () => {
        const { data, memo } = await readForm(form);
        const fields = memo ? { ...data, memo } : data;
        if (!(await confirmSigning(describe(form.dataset.kind, data), fields))) return;
        appended(await append(key, form.dataset.kind, data, memo));
      });
    });
  }
}

function pendingActions(key, role) {
  for (const item of $$("#pending li[data-seq]")) {
    const seq = Number(item.dataset.seq);
    const reasonInput = $("input[name=reason]", item);
    if (role !== "oversight") { // only the oversight group rejects, and approves money (docs/FORMAT.md section 7)
      $(".reject", item).hidden = true;
      reasonInput.closest("label").hidden = true;
      if (item.dataset.approval === "money") {
        const note = document.createElement("span");
        note.className = "note";
        note.textContent = say("Money going out is approved by the oversight group.", "资金支出由监督组审批。");
        $(".approve", item).replaceWith(note);
        continue;
      }
    }
    const act = (verdict) => attempt($(".message", item), async () => {
      const reason = reasonInput.value.trim();
      if (verdict === "reject" && !reason) throw new Refusal(say("Say why it is rejected.", "请填写驳回原因。"), "missing");
      const target = await targetOf(seq);
      const data = verdict === "approve" ? { hash: target.hash, target: seq } : { hash: target.hash, reason, target: seq };
      const sentence = verdict === "approve"
        ? say(`Approve entry ${seq}: ${target.sentence}`, `批准第 ${seq} 条：${target.sentence}`)
        : say(`Reject entry ${seq}: ${target.sentence} — because ${reason}`, `驳回第 ${seq} 条：${target.sentence}——原因：${reason}`);
      if (!(await confirmSigning(sentence, data))) return;
      appended(await append(key, verdict, data, undefined));
    });
    $(".approve", item).addEventListener("click", () => act("approve"));
    $(".reject", item).addEventListener("click", () => act("reject"));
  }
}

/** The entry to approve, read from its own bytes: its hash is computed here and the words come from what
 * it says, so an approval can only ever be of the entry the person was shown. */
async function targetOf(seq) {
  const served = await get(`api/v1/entries/${seq}`);
  const bytes = utf8.encode(served.entry ?? "");
  let entry;
  try { entry = decode(bytes); } catch {
    throw new Refusal(say(`Entry ${seq} as the server sent it is not canonical; nothing was signed.`, `服务器发来的第 ${seq} 条不是规范编码；未签名。`), "non_canonical");
  }
  if (entry.body?.seq !== seq) throw new Refusal(say(`The server sent another entry as entry ${seq}.`, `服务器把别的条目当作第 ${seq} 条发来。`), "bad_seq");
  return { hash: hex(await entryHash(bytes)), sentence: describe(entry.body.kind, entry.body.data ?? {}) };
}

/** Checks the chain here — from where this browser's last check ended — then signs its tree head. */
function checkpointSigning(key) {
  const section = $("#checkpoint");
  const message = $(".message", section);
  $("#sign-checkpoint").addEventListener("click", () => attempt(message, async () => {
    const served = await get("api/v1/checkpoint");
    const trusted = pinned();
    const saved = JSON.parse(localStorage.getItem(CHAIN + base) ?? "null");
    const { root, state } = await checkChain(get, served.size, saved?.ledger === served.ledger ? saved : null, (done, size) =>
      tell(message, say(`Checked ${done.toLocaleString("en-US")} of ${size.toLocaleString("en-US")} entries…`, `已核对 ${done} / ${size} 条…`), "progress"));
    if (hex(root) !== served.root) {
      throw new Refusal(say("The server's tree root is not the root of its entries; nothing was signed.", "服务器的树根与其条目的根不符；未签名。"), "root_mismatch");
    }
    if (trusted?.genesis && trusted.genesis !== state.genesis) {
      throw new Refusal(say("This ledger's first entry is not the genesis this browser checked before; nothing was signed.", "本账本的首条不是本浏览器此前核验过的创始条目；未签名。"), "genesis_mismatch");
    }
    for (const point of [served.signed, trusted?.checkpoint]) {
      if (point && !(await isStartOf(point, served.size, root))) {
        throw new Refusal(say(`The entries no longer match the checkpoint of ${point.size} entries signed before: the ledger was rewritten. Nothing was signed.`,
          `条目与此前签署的 ${point.size} 条检查点不符：账本被改写过。未签名。`), "not_consistent");
      }
    }
    localStorage.setItem(CHAIN + base, JSON.stringify(state));
    const text = `mutual-aid-ledger/${state.ledger}\n${served.size}\n${base64(root)}\n`;
    const signature = await keyring.sign(key, utf8.encode(text));
    const line = `— ${key.id} ${base64(new Uint8Array([...(await keyHash(key.id, key.publicKey)), ...signature]))}\n`;
    const print = await fingerprint(text);
    const sentence = say(`Sign that the ledger has ${served.size} entries with root ${hex(root).slice(0, 16)}…, fingerprint ${print}`,
      `签署：账本共 ${served.size} 条，根 ${hex(root).slice(0, 16)}…，指纹 ${print}`);
    if (!(await confirmSigning(sentence, { size: served.size, root: hex(root) }))) return tell(message, "");
    const { status, json } = await post("api/v1/checkpoint", utf8.encode(`${text}\n${line}`));
    if (status !== 201) throw refusalFrom(status, json);
    tell(message, say(`Checkpoint of ${json.size} entries signed; fingerprint ${json.fingerprint}, signed by ${json.signers.length}.`,
      `已签署 ${json.size} 条的检查点；指纹 ${json.fingerprint}，共 ${json.signers.length} 人签名。`), "signed");
  }));
}

/** Where the desk keeps what its last chain check covered (chain.js), per site. */
const CHAIN = "mutual-aid-ledger-chain:";

/** What this browser trusts for the site from its member pages (pins.js): the genesis and the last checkpoint. */
function pinned() {
  try { return JSON.parse(localStorage.getItem("mutual-aid-ledger:" + base) ?? "null"); } catch { return null; }
}

/** Whether an earlier checkpoint (`size`, `root` in hex or base64) is the start of the tree just checked. */
async function isStartOf(point, size, root) {
  if (!(point.size <= size)) return false;
  const old = point.root.length === 64 ? fromHex(point.root) : fromBase64(point.root);
  if (point.size === size) return hex(old) === hex(root);
  const proof = await get(`api/v1/proofs/consistency?old=${point.size}&new=${size}`);
  const path = (proof.path ?? []).map((h) => { try { return fromHex(h); } catch { return new Uint8Array(); } });
  return verifyConsistency(point.size, size, old, root, path);
}

// ——— the key ———

const keyBox = $("#key");

function saveLink(name, text, label) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type: "application/x-pem-file" }));
  link.download = name;
  link.textContent = label;
  return link;
}

/** Says whose key this is and what it may do, and opens the sections it may use. */
async function showKey() {
  const kept = await keyring.all();
  const listed = new Map(((await get("api/v1/keys")).keys ?? []).map((k) => [k.id, k]));
  // A key of the ledger if there is one; else the one made or opened last.
  const key = kept.find((k) => listed.get(k.id)?.status === "active") ?? kept.at(-1);
  const who = $(".who", keyBox);
  const record = key && listed.get(key.id);
  keyBox.dataset.state = !key ? "none" : record?.status ?? "unknown";
  keyBox.dataset.key = key?.id ?? "";
  const publicBox = $(".public", keyBox);
  publicBox.hidden = !key || record?.status === "active";
  if (!key) {
    tell(who, say("This browser holds no key yet: make one, or open your key file.", "本浏览器尚无密钥：请新建，或打开您的密钥文件。"));
    return;
  }
  if (!record || record.status !== "active") {
    const line = `ledger key add --role ROLE '${(key.label || "NAME").replace(/'/g, "")}=${base64(key.publicKey)}'`;
    $(".add-command", keyBox).textContent = `${line}\n# ${say("ROLE is committee or oversight; key id", "ROLE 为 committee 或 oversight；密钥编号")} ${key.id}`;
    const waiting = record?.status === "proposed";
    tell(who, waiting
      ? say(`Your key ${key.id} is proposed (entry ${record.added}) and waits for approval.`, `您的密钥 ${key.id} 已提出（第 ${record.added} 条），等待审批。`)
      : record ? say(`Your key ${key.id} is ${record.status} and can no longer sign.`, `您的密钥 ${key.id} 已${record.status === "revoked" ? "撤销" : "被驳回"}，不能再签名。`)
      : say(`Your key ${key.id} is not in this ledger yet: ask the committee to add it.`, `您的密钥 ${key.id} 尚未加入本账本：请管理委员会添加。`));
    return;
  }
  const role = record.role === "oversight" ? say("oversight group", "监督组") : say("committee", "管理委员会");
  tell(who, say(`You sign as ${record.holder} (${role}), key ${key.id}.`, `您以 ${record.holder}（${role}）的身份签名，密钥 ${key.id}。`));
  const forget = document.createElement("button");
  forget.type = "button";
  forget.className = "forget";
  forget.textContent = say("Forget this key in this browser", "在本浏览器中删除此密钥");
  forget.addEventListener("click", async () => {
    if (!window.confirm(say("Without a saved copy this key is gone for good. Forget it?", "若无备份，此密钥将永久丢失。确定删除？"))) return;
    await keyring.forget(key.id);
    location.reload();
  });
  who.after(forget);
  const signer = { ...key, role: record.role };
  if (record.role === "committee") {
    $("#record").hidden = false;
    recordForms(signer);
  }
  $("#pending").hidden = false;
  pendingActions(signer, record.role);
  $("#checkpoint").hidden = false;
  checkpointSigning(signer);
}

function keyForms() {
  const create = $("#create-key");
  create.addEventListener("submit", (event) => {
    event.preventDefault();
    attempt($(".message", create), async () => {
      const holder = create.elements.holder.value.trim();
      const made = await keyring.create(holder, create.elements.passphrase.value);
      create.elements.passphrase.value = "";
      const safe = holder.replace(/[^\p{L}\p{N}_-]/gu, "") || "key";
      $(".saved", create).replaceChildren(
        saveLink(`${safe}.pem`, made.file, say("Save the key file", "保存密钥文件")), " · ",
        saveLink(`${safe}.pem.pub`, publicKeyFile(made.publicKey), say("Save the public key", "保存公钥")));
      const said = say(`Key ${made.id} made and kept in this browser.`, `已新建密钥 ${made.id}，保存在本浏览器中。`);
      await refreshKey(said, $(".message", create), "created");
    });
  });
  const open = $("#open-key");
  open.addEventListener("submit", (event) => {
    event.preventDefault();
    attempt($(".message", open), async () => {
      const file = open.elements.file.files[0];
      if (!file) throw new Refusal(say("Choose the key file first.", "请先选择密钥文件。"), "missing");
      const kept = await keyring.importFile(await file.text(), open.elements.passphrase.value, file.name.replace(/\.pem$/, ""));
      open.elements.passphrase.value = "";
      const said = say(`Key ${kept.id} opened and kept in this browser.`, `已打开密钥 ${kept.id}，保存在本浏览器中。`);
      await refreshKey(said, $(".message", open), "opened");
    });
  });
}

/** After a key is made or opened: a key the ledger knows opens the sections, which are wired once, on a
 * fresh page; any other is shown with the line that adds it. */
async function refreshKey(said, message, code) {
  const listed = new Map(((await get("api/v1/keys")).keys ?? []).map((k) => [k.id, k]));
  if ((await keyring.all()).some((k) => listed.get(k.id)?.status === "active")) return reloadTelling(said);
  tell(message, said, code);
  await showKey();
}

showFlash();
keyForms();
attempt($(".who", keyBox), showKey);
