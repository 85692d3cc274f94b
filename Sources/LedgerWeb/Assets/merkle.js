/**
 * RFC 9162 Merkle proofs in the browser (docs/FORMAT.md section 12), so that a member holding a
 * receipt and a signed checkpoint can check them without trusting the server that sent them.
 *
 * Hashes are 32-byte Uint8Arrays. Sizes and indexes may reach 2^53 − 1, past the 32 bits that `&` and
 * `>>` work on, so the bit steps of the RFC are written with `%` and division.
 */

const digest = async (...parts) => {
  const bytes = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  parts.reduce((at, part) => (bytes.set(part, at), at + part.length), 0);
  return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
};

/** SHA-256(0x00 ‖ data). For a ledger entry this is its entry hash, so entry hashes are the leaves. */
export const leafHash = (data) => digest(Uint8Array.of(0), data);

/** SHA-256(0x01 ‖ left ‖ right): the different first byte keeps a node from passing as a leaf. */
export const nodeHash = (left, right) => digest(Uint8Array.of(1), left, right);

/** The root over leaf hashes (RFC 9162 section 2.1.1): SHA-256 of nothing for no leaves; otherwise
 * split at the largest power of two below the size. */
export async function rootHash(leaves) {
  if (leaves.length === 0) return digest();
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(await rootHash(leaves.slice(0, k)), await rootHash(leaves.slice(k)));
}

/**
 * Whether `path` proves that `leaf` is leaf `index` of the tree of `size` leaves with `root`
 * (RFC 9162 section 2.1.3.2). Bad input of any kind is a false answer, never an exception: a proof
 * comes from someone else.
 */
export async function verifyInclusion(index, size, leaf, path, root) {
  try {
    if (!isCount(index) || !isCount(size) || index >= size || !isHash(leaf) || !isHash(root) || !isPath(path)) {
      return false;
    }
    let fn = index;
    let sn = size - 1;
    let r = leaf;
    for (const p of path) {
      if (sn === 0) return false; // a longer proof than the tree has levels
      if (odd(fn) || fn === sn) {
        r = await nodeHash(p, r);
        while (!odd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
      } else {
        r = await nodeHash(r, p);
      }
      [fn, sn] = [half(fn), half(sn)];
    }
    return sn === 0 && equal(r, root);
  } catch {
    return false;
  }
}

/**
 * Whether `path` proves that the tree of `oldSize` leaves with `oldRoot` is the start of the tree of
 * `newSize` leaves with `newRoot` (RFC 9162 section 2.1.4.2). Like the Swift checker: a proof from the
 * empty tree or between sizes out of order is refused, and equal sizes need an empty proof and equal
 * roots. Never throws.
 */
export async function verifyConsistency(oldSize, newSize, oldRoot, newRoot, path) {
  try {
    if (!isCount(oldSize) || !isCount(newSize) || oldSize === 0 || oldSize > newSize) return false;
    if (!isHash(oldRoot) || !isHash(newRoot) || !isPath(path)) return false;
    if (oldSize === newSize) return path.length === 0 && equal(oldRoot, newRoot);
    if (path.length === 0) return false;
    // When the old tree is a complete subtree, its root is the proof's unwritten first element.
    const proof = isPowerOfTwo(oldSize) ? [oldRoot, ...path] : path;
    let fn = oldSize - 1;
    let sn = newSize - 1;
    while (odd(fn)) [fn, sn] = [half(fn), half(sn)];
    let fr = proof[0];
    let sr = proof[0];
    for (const c of proof.slice(1)) {
      if (sn === 0) return false;
      if (odd(fn) || fn === sn) {
        fr = await nodeHash(c, fr);
        sr = await nodeHash(c, sr);
        while (!odd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
      } else {
        sr = await nodeHash(sr, c);
      }
      [fn, sn] = [half(fn), half(sn)];
    }
    return sn === 0 && equal(fr, oldRoot) && equal(sr, newRoot);
  } catch {
    return false;
  }
}

const odd = (n) => n % 2 === 1;
const half = (n) => Math.floor(n / 2);
const isCount = (n) => Number.isSafeInteger(n) && n >= 0;
const isHash = (h) => h instanceof Uint8Array && h.length === 32;
const isPath = (path) => Array.isArray(path) && path.every(isHash);

function isPowerOfTwo(n) {
  while (n > 1 && n % 2 === 0) n /= 2;
  return n === 1;
}

function equal(a, b) {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
