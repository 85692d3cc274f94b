/**
 * The signing keys this browser profile keeps, in IndexedDB (docs/BROWSER.md). Each is a non-extractable
 * CryptoKey: the page signs with it, but no script — this site's or an injected one — can read it out, and
 * it never leaves the profile. A copy to keep elsewhere can be saved only when the key is made.
 */

import { keyID } from "./canonical.js";
import { readKeyFile, writeKeyFile } from "./pem.js";

const DATABASE = "mutual-aid-ledger-keys";
const STORE = "keys";

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "id" });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function transact(mode, work) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = work(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}

/** Every key kept here: `{ id, publicKey, privateKey, label, added }`, oldest first. */
export const all = async () => (await transact("readonly", (store) => store.getAll()))
  .sort((a, b) => a.added - b.added);

/** Keeps a key; the same key kept twice stays one. */
async function keep(privateKey, publicKey, label) {
  const id = await keyID(publicKey);
  await transact("readwrite", (store) => store.put({ id, publicKey, privateKey, label, added: Date.now() }));
  return { id, publicKey, privateKey, label };
}

/** Forgets a key in this browser. The ledger still lists it: revoking it is governance (`key.revoke`). */
export const forget = (id) => transact("readwrite", (store) => store.delete(id));

/**
 * Makes a new key. Returns the kept key and `file`, the PEM copy (encrypted with `passphrase` when one is
 * given) that the person may save now: afterwards the key cannot be read out of the browser again.
 */
export async function create(label, passphrase = "") {
  const made = await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"]);
  const file = await writeKeyFile(made.privateKey, passphrase);
  const publicKey = new Uint8Array(await crypto.subtle.exportKey("raw", made.publicKey));
  const pkcs8 = await crypto.subtle.exportKey("pkcs8", made.privateKey);
  const privateKey = await crypto.subtle.importKey("pkcs8", pkcs8, { name: "Ed25519" }, false, ["sign"]);
  new Uint8Array(pkcs8).fill(0);
  return { ...(await keep(privateKey, publicKey, label)), file };
}

/** Opens a key file (`ledger keygen`'s PEM, or one saved here) and keeps its key. @throws {KeyFileError} */
export async function importFile(text, passphrase, label) {
  const { privateKey, publicKey } = await readKeyFile(text, passphrase);
  return keep(privateKey, publicKey, label);
}

/** Ed25519 signature of `message` with a kept key. */
export const sign = async (key, message) =>
  new Uint8Array(await crypto.subtle.sign({ name: "Ed25519" }, key.privateKey, message));
