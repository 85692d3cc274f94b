/**
 * The browser half of run.py: checks canonical.js and merkle.js against what the Swift code wrote.
 *
 * Every line of a demo ledger must decode, encode back to the same bytes, chain to the one before and
 * verify with its author's key; every non-canonical spelling in cases.json must be refused under the
 * right rule and every listed value accepted with its exact bytes; every Merkle vector and every proof
 * `ledger prove` printed must verify, and each of them tampered must not. The findings are left in
 * `window.results`, then `body[data-done]` is set for the harness to read them.
 */

import {
  base64, decode, encode, entryHash, fromBase64, fromHex, hex, keyID, signedMessage, verifyEntry,
} from "./canonical.js";
import { leafHash, nodeHash, rootHash, verifyConsistency, verifyInclusion } from "./merkle.js";

const failures = [];
const figures = {};
const violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  violations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`);
});

/** Records a failure unless `ok`; returns `ok` so a count can follow. */
function check(ok, what) {
  if (!ok) failures.push(what);
  return Boolean(ok);
}

const utf8 = new TextEncoder();
const sameBytes = (a, b) => a.length === b.length && a.every((byte, i) => byte === b[i]);
const show = (bytes) => JSON.stringify(new TextDecoder().decode(bytes.subarray(0, 120)));
const flipped = (bytes, at = 0) => { const copy = bytes.slice(); copy[at] ^= 0x01; return copy; };
const sha256 = async (bytes) => new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));

async function fetchBytes(name) {
  const response = await fetch(name);
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

// The harness's own files are trusted JSON; JSON.parse is fine for them, just never for entries.
const fetchJSON = async (name) => JSON.parse(new TextDecoder().decode(await fetchBytes(name)));

function lines(file) {
  const result = [];
  for (let start = 0, end; (end = file.indexOf(0x0a, start)) !== -1; start = end + 1) {
    result.push(file.subarray(start, end));
  }
  return result;
}

function deepEqual(a, b) {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b)) return false;
  if (typeof a !== "object" || a === null || b === null) return Object.is(a, b);
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
}

/** Every line of the export: bytes, chain, keys and signatures. Returns the entry hashes for the proofs. */
async function checkLedger() {
  const file = await fetchBytes("ledger.jsonl");
  check(file.at(-1) === 0x0a, "ledger.jsonl does not end in a line feed");
  const keys = new Map();
  const hashes = [];
  const tally = { signed: 0, forgeriesRefused: 0 };
  const started = performance.now();
  for (const [seq, line] of lines(file).entries()) {
    hashes.push(await entryHash(line));
    // One entry's surprise must not hide the others'.
    try {
      await checkEntry(seq, line, hashes, keys, tally);
    } catch (error) {
      failures.push(`entry ${seq}: ${error.message}`);
    }
  }
  figures.entries = hashes.length;
  figures.entriesMs = Math.round(performance.now() - started);
  figures.signaturesVerified = tally.signed;
  figures.forgeriesRefused = tally.forgeriesRefused;
  figures.keys = keys.size;
  const genesis = file.subarray(0, file.indexOf(0x0a));
  const author = decode(genesis).body.author;
  const [, stranger] = [...keys].find(([id]) => id !== author) ?? [];
  if (stranger) check(!await verifyEntry(genesis, stranger), "verifyEntry accepts the genesis with another key");
  return hashes;
}

/** One line: its bytes, its place in the chain, the keys it adds, its signature, and two forgeries of it. */
async function checkEntry(seq, line, hashes, keys, tally) {
  const where = `entry ${seq}`;
  const entry = decode(line);
  check(sameBytes(encode(entry), line), `${where}: encode(decode(line)) is not the line`);
  const { body, sig } = entry;
  check(body.seq === seq, `${where}: seq is ${body.seq}`);
  const prev = seq === 0 ? "0".repeat(64) : hex(hashes[seq - 1]);
  check(body.prev === prev, `${where}: prev is ${body.prev}, but entry ${seq - 1} hashes to ${prev}`);
  // The signed body is the body exactly as it stands in the line: {"body":BODY,"sig":"SIG"}.
  const bodyBytes = line.subarray(8, line.length - sig.length - 10);
  const message = new Uint8Array([...utf8.encode("mutual-aid-ledger:v1:entry\n"), ...bodyBytes]);
  check(sameBytes(signedMessage(body), message), `${where}: signedMessage(body) is not the prefix and body bytes`);
  const added = body.kind === "genesis" ? body.data.keys : body.kind === "key.add" ? [body.data.key] : [];
  for (const key of added) {
    const raw = fromBase64(key.pub);
    check(await keyID(raw) === key.id, `${where}: keyID(${key.pub}) is not ${key.id}`);
    keys.set(key.id, raw);
  }
  const key = keys.get(body.author);
  if (!check(key, `${where}: its author ${body.author} is no key seen so far`)) return;
  if (check(await verifyEntry(line, key), `${where}: verifyEntry is false with the author's key`)) tally.signed++;
  const forgeries = {
    "a signature with a bit flipped": encode({ body, sig: base64(flipped(fromBase64(sig), seq % 64)) }),
    "a changed body": encode({ body: { ...body, seq: seq + 1 }, sig }),
  };
  for (const [what, bytes] of Object.entries(forgeries)) {
    if (check(!await verifyEntry(bytes, key), `${where}: verifyEntry accepts ${what}`)) tally.forgeriesRefused++;
  }
}

/** The worked examples of FORMAT.md section 15, pinned to the bytes and hashes printed there. */
async function checkWorkedExamples() {
  const committee = fromBase64("A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=");
  const oversight = fromBase64("Kay64UG8yvCyLhqU000LxzYeUm0L/hLIl5S8kyKWbdc=");
  const entries = [GENESIS_EXAMPLE, DONATION_EXAMPLE].map((text) => utf8.encode(text));
  const hashes = await Promise.all(entries.map(entryHash));
  const pinned = [
    [entries[0].length, 744, "genesis length"],
    [entries[1].length, 399, "donation length"],
    [hex(committee), "03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8", "committee raw key"],
    [await keyID(committee), "56475aa75463474c", "committee key id"],
    [await keyID(oversight), "24f6ed6acbfe1009", "oversight key id"],
    [hex(hashes[0]), "6773d4dba341f212f81c1a1dbbdf055e2dd2e8dd364d3e1cdda7d363c1f24484", "genesis hash"],
    [hex(hashes[1]), "95187de41b255a1cc7c380fd111b78f039b6d140542fc442a00f1e5972ca0f18", "donation hash"],
    [signedMessage(decode(entries[1]).body).length, 320, "signed message length"],
    [hex(signedMessage(decode(entries[1]).body).subarray(0, 35)),
      "6d757475616c2d6169642d6c65646765723a76313a656e7472790a7b22617574686f72", "signed message start"],
    [hex(await sha256(signedMessage(decode(entries[1]).body))),
      "79e8324b4f39131d880277caf2bdae3d849b678f32ab6877d46a412acd43cfff", "signed message SHA-256"],
    [hex(await rootHash(hashes)), "c70be689b24a9ca6ef050cbcf32a79d857f7850597856eddb618ef88988c6e6f", "Merkle root"],
    [await verifyEntry(entries[0], committee), true, "genesis signature"],
    [await verifyEntry(entries[1], committee), true, "donation signature"],
    [await verifyEntry(entries[1], oversight), false, "donation with the oversight key"],
    [await verifyEntry(entries[1], committee.subarray(0, 31)), false, "a 31-byte key"],
  ];
  for (const [got, want, what] of pinned) check(got === want, `FORMAT.md example, ${what}: ${got}, not ${want}`);
  for (const entry of entries) check(sameBytes(encode(decode(entry)), entry), "FORMAT.md example does not round-trip");
  figures.workedExampleChecks = pinned.length + entries.length;
}

/** Hex and base64 have one spelling each (FORMAT.md section 1): the lenient ones must be refused. */
function checkTextForms() {
  const refused = (parse, text) => { try { parse(text); return false; } catch { return true; } };
  const cases = [
    [fromBase64, "A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg", "base64 without padding"],
    [fromBase64, "A6EHv/POEL4dcN0Y50vAm Wfk1jCbpQ1fHdyGZBJVMbg=", "base64 with a space"],
    [fromBase64, "AB==", "base64 with stray bits"],
    [fromBase64, "A6EHv_POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=", "URL-safe base64"],
    [fromHex, "AB", "upper-case hex"],
    [fromHex, "abc", "odd-length hex"],
  ];
  for (const [parse, text, what] of cases) check(refused(parse, text), `${what} is accepted: ${text}`);
  check(base64(fromBase64("AA==")).length === 4 && hex(fromHex("00ff")) === "00ff", "hex or base64 round trip");
  figures.textFormChecks = cases.length + 1;
}

/** cases.json: every refused spelling under its rule, every accepted value with its exact bytes. */
async function checkCases() {
  const { refuse, accept } = await fetchJSON("cases.json");
  const rules = new Set();
  for (const { rule, name, bytes } of refuse) {
    const what = `rule ${rule}, ${name}`;
    try {
      decode(fromBase64(bytes));
      failures.push(`${what}: decode accepted it`);
    } catch (error) {
      if (error.code !== "non_canonical") failures.push(`${what}: threw ${error}, not a non_canonical refusal`);
      else if (error.rule !== rule) failures.push(`${what}: refused, but as ${error.message}`);
      else if (check(error.message.includes(`rule ${rule}`), `${what}: the message names no rule`)) rules.add(rule);
    }
  }
  for (const { name, value, bytes: text } of accept) {
    const bytes = fromBase64(text);
    try {
      const decoded = decode(bytes);
      check(deepEqual(decoded, value), `${name}: decode gives ${JSON.stringify(decoded)}`);
      check(sameBytes(encode(decoded), bytes), `${name}: encode(decode(bytes)) is not the bytes`);
      check(sameBytes(encode(value), bytes), `${name}: encode gives ${show(encode(value))}, not ${show(bytes)}`);
    } catch (error) {
      failures.push(`${name}: ${error.message}`);
    }
  }
  const proto = decode(utf8.encode('{"__proto__":{"polluted":1}}'));
  check(Object.hasOwn(proto, "__proto__") && Object.getPrototypeOf(proto) === Object.prototype && !("polluted" in {}),
    "a __proto__ key changed a prototype instead of staying a field");
  check(rules.size === 12, `refusals seen for rules ${[...rules].sort((a, b) => a - b)}, not all of 1-12`);
  figures.refusedSpellings = refuse.length;
  figures.acceptedValues = accept.length;
}

/** Values JavaScript has and the format does not: encode must throw, never write something close. */
function checkEncodeRefusals() {
  const nine = (inner) => Array.from({ length: 9 }).reduce((value) => [value], inner);
  const values = {
    "null": null, "undefined": undefined, "1.5": 1.5, "NaN": NaN, "Infinity": Infinity,
    "2^53": 2 ** 53, "-(2^53)": -(2 ** 53), "1e21": 1e21, "a bigint": 10n, "a symbol": Symbol("s"),
    "a function": () => 1, "a NUL in a string": "a\u0000b", "a tab in a string": "a\tb", "DEL": "\u007f",
    "a lone high surrogate": "\ud800", "a lone low surrogate": "x\udc00", "an upper-case key": { A: 1 },
    "an empty key": { "": 1 }, "a hyphen in a key": { "a-b": 1 }, "a non-ASCII key": { "é": 1 },
    "null in an object": { a: null }, "undefined in an object": { a: undefined }, "an array hole": [1, , 2],
    "depth 9 arrays": nine(1), "depth 9 objects": Array.from({ length: 9 }).reduce((value) => ({ a: value }), 1),
    "a Date": new Date(0), "a Map": new Map(), "a Uint8Array": new Uint8Array(2),
    "a class instance": new (class Point {})(),
  };
  for (const [name, value] of Object.entries(values)) {
    try {
      const bytes = encode(value);
      failures.push(`encode accepted ${name}, writing ${show(bytes)}`);
    } catch (error) {
      check(error instanceof TypeError || error instanceof RangeError, `encode of ${name} threw ${error}`);
    }
  }
  check(new TextDecoder().decode(encode(nine(1)[0])) === "[[[[[[[[1]]]]]]]]", "encode refuses depth 8");
  check(new TextDecoder().decode(encode(-0)) === "0", "encode(-0) is not 0");
  figures.encodeRefusals = Object.keys(values).length;
}

/** The RFC 6962/9162 vectors: hashes, roots, and every proof, plain and tampered. */
async function checkMerkleVectors() {
  const vectors = await fetchJSON("merkle_rfc6962.json");
  for (const { desc, input, hash } of vectors.hasherKnownAnswers) {
    const [kind, a, b] = input.split(":");
    const got = input === "" ? await rootHash([])
      : kind === "leaf" ? await leafHash(fromHex(a)) : await nodeHash(fromHex(a), fromHex(b));
    check(hex(got) === hash, `hasher answer "${desc}": ${hex(got)}`);
  }
  const leaves = vectors.leafHashes.map(fromHex);
  for (const [i, input] of vectors.leafInputs.entries()) {
    check(hex(await leafHash(fromHex(input))) === vectors.leafHashes[i], `leaf hash ${i}`);
  }
  for (const [size, root] of vectors.rootsBySize.roots.entries()) {
    check(hex(await rootHash(leaves.slice(0, size))) === root, `root of the first ${size} leaves`);
  }
  for (const [level, hashes] of vectors.nodeHashes.levels.entries()) {
    for (const [i, hash] of hashes.entries()) {
      const width = 2 ** level;
      check(hex(await rootHash(leaves.slice(i * width, (i + 1) * width))) === hash, `node hash ${level}/${i}`);
    }
  }
  let tampered = 0;
  const inclusion = [...vectors.inclusionProofs.cases, ...vectors.generatedGrid.inclusion];
  for (const c of inclusion) {
    const what = `inclusion of leaf ${c.leafIndex} in ${c.treeSize}`;
    const proof = inclusionProof(c.leafIndex, c.treeSize, c.leafHash, c.proof, c.root);
    check(await includes(proof), `${what} does not verify`);
    for (const [how, bad] of inclusionTamperings(proof)) {
      if (check(!await includes(bad), `${what} verifies with ${how}`)) tampered++;
    }
  }
  const consistency = [...vectors.consistencyProofs.cases, ...vectors.generatedGrid.consistency];
  for (const c of consistency) {
    const what = `consistency of ${c.size1} with ${c.size2}`;
    const proof = consistencyProof(c.size1, c.size2, c.root1, c.root2, c.proof);
    check(await consistent(proof), `${what} does not verify`);
    for (const [how, bad] of consistencyTamperings(proof)) {
      if (check(!await consistent(bad), `${what} verifies with ${how}`)) tampered++;
    }
  }
  // Arguments of the wrong kind are a false answer, not an exception.
  const [a, b] = leaves;
  const junk = {
    "no arguments": [], "a string index": ["0", 1, a, [], a], "a string leaf": [0, 1, "x", [], a],
    "a null path": [0, 1, a, null, a], "a negative index": [-1, 2, a, [b], a],
    "a fractional index": [0.5, 2, a, [b], a],
  };
  for (const [what, args] of Object.entries(junk)) {
    check(await verifyInclusion(...args) === false, `verifyInclusion with ${what} is not false`);
  }
  check(await verifyConsistency(1, 2, a, a, [[a, b]]) === false, "verifyConsistency with a junk path is not false");
  check(await verifyConsistency(1, 2 ** 60, a, a, [b]) === false, "verifyConsistency past 2^53 is not false");
  figures.inclusionVectors = inclusion.length;
  figures.consistencyVectors = consistency.length;
  figures.tamperedProofsRefused = tampered;
}

const inclusionProof = (index, size, leaf, path, root) =>
  ({ index, size, leaf: fromHex(leaf), path: path.map(fromHex), root: fromHex(root) });
const consistencyProof = (oldSize, newSize, oldRoot, newRoot, path) =>
  ({ old: oldSize, new: newSize, oldRoot: fromHex(oldRoot), newRoot: fromHex(newRoot), path: path.map(fromHex) });
const includes = (p) => verifyInclusion(p.index, p.size, p.leaf, p.path, p.root);
const consistent = (p) => verifyConsistency(p.old, p.new, p.oldRoot, p.newRoot, p.path);

function inclusionTamperings(p) {
  const result = [
    ["a flipped root", { ...p, root: flipped(p.root) }],
    ["a flipped leaf", { ...p, leaf: flipped(p.leaf) }],
    ["an extra path element", { ...p, path: [...p.path, p.root] }],
    ["the index past the end", { ...p, index: p.size }],
  ];
  if (p.path.length) {
    result.push(["a flipped path element", { ...p, path: [flipped(p.path[0], 31), ...p.path.slice(1)] }]);
    result.push(["the last path element dropped", { ...p, path: p.path.slice(0, -1) }]);
  }
  return result;
}

function consistencyTamperings(p) {
  const result = [
    ["a flipped old root", { ...p, oldRoot: flipped(p.oldRoot) }],
    ["a flipped new root", { ...p, newRoot: flipped(p.newRoot) }],
    ["an extra path element", { ...p, path: [...p.path, p.newRoot] }],
    ["the empty old tree", { ...p, old: 0 }],
  ];
  if (p.old !== p.new) result.push(["the sizes swapped", { ...p, old: p.new, new: p.old }]);
  if (p.path.length) {
    result.push(["a flipped path element", { ...p, path: [flipped(p.path[0], 31), ...p.path.slice(1)] }]);
    result.push(["the last path element dropped", { ...p, path: p.path.slice(0, -1) }]);
  }
  return result;
}

/** Proofs `ledger prove` printed for the demo ledger, against the roots computed here from its lines. */
async function checkLedgerProofs(hashes) {
  const { inclusion, consistency } = await fetchJSON("proofs.json");
  const root = async (size) => hex(await rootHash(hashes.slice(0, size)));
  for (const p of inclusion) {
    const what = `ledger prove ${p.index} --size ${p.size}`;
    check(p.leaf === hex(hashes[p.index]), `${what}: its leaf is not entry ${p.index}'s hash`);
    check(p.root === await root(p.size), `${what}: its root is not the root computed here`);
    const proof = inclusionProof(p.index, p.size, p.leaf, p.path, p.root);
    check(await includes(proof), `${what} does not verify`);
    check(!await includes({ ...proof, leaf: hashes[(p.index + 1) % p.size] }), `${what} verifies for another entry`);
  }
  for (const p of consistency) {
    const what = `ledger prove --from ${p.old} --to ${p.new}`;
    check(p.old_root === await root(p.old), `${what}: its old root is not the one computed here`);
    check(p.new_root === await root(p.new), `${what}: its new root is not the one computed here`);
    const proof = consistencyProof(p.old, p.new, p.old_root, p.new_root, p.path);
    check(await consistent(proof), `${what} does not verify`);
    const tampered = { ...proof, path: [flipped(proof.path[0], 31), ...proof.path.slice(1)] };
    check(!await consistent(tampered), `${what} verifies with a flipped path element`);
  }
  figures.ledgerInclusionProofs = inclusion.length;
  figures.ledgerConsistencyProofs = consistency.length;
  figures.ledgerRoot = await root(hashes.length);
}

// FORMAT.md section 15, entries 0 and 1, exactly as printed there.
const GENESIS_EXAMPLE = '{"body":{"author":"56475aa75463474c","data":{"currency":"CNY","funds":[{"id":"general","name":"社区慈善基金"}],"keys":[{"holder":"陈主任","id":"56475aa75463474c","pub":"A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=","role":"committee"},{"holder":"张组长","id":"24f6ed6acbfe1009","pub":"Kay64UG8yvCyLhqU000LxzYeUm0L/hLIl5S8kyKWbdc=","role":"oversight"}],"ledger":"bc11dbf53476d3d61c31f1a0721c6151","policy":{"governance":{"committee":1,"oversight":1},"money_approvals":1},"society":"示例互助社"},"kind":"genesis","prev":"0000000000000000000000000000000000000000000000000000000000000000","seq":0,"time":"2026-11-29T12:23:12Z","v":1},"sig":"KGa8sREC+Ty/LcFAPdopdfwDxa2lwmVThobv5tW1zyEbn+dtBkv5sSfg9dEorSjRE1fvJCi+I2UGnCGp1WgwAA=="}';
const DONATION_EXAMPLE = '{"body":{"author":"56475aa75463474c","data":{"amount":500000,"donor":"爱心企业甲","form":"cash","fund":"general","receipt":"R-001"},"kind":"donation","memo":"春节慰问捐款","prev":"6773d4dba341f212f81c1a1dbbdf055e2dd2e8dd364d3e1cdda7d363c1f24484","seq":1,"time":"2026-11-29T12:23:13Z","v":1},"sig":"6a6e7QrUfGpZmG+7fCqr1MI+SmmHvRHsnJA+N56iUjRrNkEbFggzazgixiTkA2NJQwMfn7qczoRGgdvnVtLHAg=="}';

/** Runs one group of checks; one that throws is a failure, and the next group still runs. */
async function section(name, run) {
  try {
    return await run();
  } catch (error) {
    failures.push(`${name} stopped: ${error.stack ?? error}`);
  }
}

const started = performance.now();
try {
  const hashes = await section("the ledger check", checkLedger);
  await section("the worked examples", checkWorkedExamples);
  await section("the hex and base64 check", checkTextForms);
  await section("the cases", checkCases);
  await section("the encode refusals", checkEncodeRefusals);
  await section("the Merkle vectors", checkMerkleVectors);
  if (hashes) await section("the ledger proofs", () => checkLedgerProofs(hashes));
} finally {
  figures.totalMs = Math.round(performance.now() - started);
  window.results = { failures, figures, violations, userAgent: navigator.userAgent };
  document.getElementById("summary").textContent =
    failures.length ? `${failures.length} checks failed` : `all checks passed in ${figures.totalMs} ms`;
  const item = (text) => Object.assign(document.createElement("li"), { textContent: text });
  document.getElementById("failures").append(...failures.map(item));
  document.body.dataset.done = "true";
}
