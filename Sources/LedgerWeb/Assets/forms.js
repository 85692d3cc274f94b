/**
 * An entry's `data` read from a desk form (docs/FORMAT.md section 6): each input is a field, named after
 * it, read as its `data-type` says; what cannot become a valid field is refused here, naming the field,
 * before anything is signed. The server still runs every rule.
 */

import { keyID, base64, fromBase64, hex } from "./canonical.js";
import { Refusal } from "./api.js";
import { say } from "./words.js";

const members = [...document.querySelectorAll("#members option")].map((o) => ({ id: o.value, label: o.textContent }));

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
export async function readForm(form) {
  const kind = form.dataset.kind;
  const data = {};
  let memo;
  for (const input of form.querySelectorAll("input, select")) {
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
