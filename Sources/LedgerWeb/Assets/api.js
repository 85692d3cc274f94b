/**
 * The desk's conversation with the server (docs/API.md): reads, and entries signed here and posted as their
 * exact bytes. Every failure becomes a `Refusal` carrying the server's reason code and message, in the
 * reader's language, for the form that asked.
 */

import { encode, signedMessage, base64 } from "./canonical.js";
import { say, zh } from "./words.js";
import * as keyring from "./keyring.js";

/** The site's root, so the desk works where a host serves many ledgers under one address. */
export const base = location.pathname.replace(/desk$/, "");

/** A refusal to show a person: from the server (`code` is its reason) or from a check here. */
export class Refusal extends Error {
  constructor(message, code = "refused") {
    super(message);
    this.code = code;
  }
}

export async function get(path) {
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

export async function post(path, bytes) {
  let answer;
  try {
    answer = await fetch(base + path, { method: "POST", body: bytes, cache: "no-store",
      headers: { "Content-Type": "application/json", "Accept-Language": zh ? "zh-CN" : "en" } });
  } catch {
    throw new Refusal(say("The server could not be reached; nothing was sent.", "无法连接服务器；未发送任何内容。"), "unreachable");
  }
  return { status: answer.status, json: await answer.json().catch(() => null) };
}

export const refusalFrom = (status, json) => new Refusal(json?.error?.message
  ?? say(`The server answered ${status}; nothing was written.`, `服务器回应 ${status}；未写入任何内容。`), json?.error?.code ?? `http_${status}`);

/**
 * Signs an entry of `kind` with `data` on the server's current head and posts it. When someone else's
 * entry got there first (`stale_head`), it is built on the new head and signed once more.
 */
export async function append(key, kind, data, memo) {
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
