/**
 * The desk (docs/BROWSER.md): the committee records and the oversight group approves, rejects and signs
 * checkpoints, with a key kept in this browser. Every entry is built here from the form, shown in plain
 * words, signed as its exact canonical bytes and posted to `POST /api/v1/entries`, which runs every rule;
 * a refusal comes back in the reader's language and is shown on the form. No key leaves the browser.
 */

import { decode, entryHash, base64, fromBase64, fromHex, hex } from "./canonical.js";
import { keyHash, fingerprint } from "./note.js";
import { verifyConsistency } from "./merkle.js";
import { checkChain, ChainError } from "./chain.js";
import { Pins } from "./pins.js";
import { KeyFileError, publicKeyFile } from "./pem.js";
import * as keyring from "./keyring.js";
import { Refusal, base, get, post, append, refusalFrom } from "./api.js";
import { readForm } from "./forms.js";
import { say, describe } from "./words.js";

const utf8 = new TextEncoder();
const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

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
    const trusted = Pins.saved(base);
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
