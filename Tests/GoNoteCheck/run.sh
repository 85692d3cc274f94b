#!/usr/bin/env bash
# Interop check: checkpoints written by `ledger` are standard C2SP signed notes.
#
# Builds notecheck (main.go) against Debian's golang.org/x/mod (offline, GOPATH mode), makes a fresh ledger
# with `ledger demo`, signs a checkpoint with `ledger audit`, cosigns it with `ledger checkpoint cosign`, and
# checks that Go's note.Open accepts it with the keys from `ledger keys --note` and rejects it once one character
# of the note text is changed.
#
# Usage:    Tests/GoNoteCheck/run.sh PATH/TO/ledger
# Needs:    apt-get install golang-go golang-golang-x-mod-dev
# Exit:     0 when every check passes, non-zero on the first failure.
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 PATH/TO/ledger" >&2
    exit 64
fi

step() { printf '==> %s\n' "$*"; }
pass() { printf '    ok: %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

[[ -f $1 && -x $1 ]] || fail "$1 is not an executable ledger binary"
ledger="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
gopath=/usr/share/gocode
work="$(mktemp -d "${TMPDIR:-/tmp}/go-note-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT

step "build notecheck with golang.org/x/mod/sumdb/note (GO111MODULE=off GOPATH=$gopath)"
command -v go >/dev/null || fail "go is not installed (apt-get install golang-go golang-golang-x-mod-dev)"
[[ -d $gopath/src/golang.org/x/mod/sumdb/note ]] || fail "golang.org/x/mod is not in $gopath (apt-get install golang-golang-x-mod-dev)"
(cd "$here" && GO111MODULE=off GOPATH="$gopath" GOFLAGS= GOCACHE="${GOCACHE:-$work/go-cache}" go build -o "$work/notecheck" .)
pass "$(go version)"

step "make a fresh ledger: $ledger demo --dir DIR"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset LEDGER_PATH LEDGER_KEY
"$ledger" demo --dir "$work/demo" >"$work/demo.log" 2>&1 || { cat "$work/demo.log" >&2; fail "ledger demo failed"; }
db="$work/demo/ledger.db"
keys="$work/demo/keys"
[[ -f $db && -f $keys/zhang.pem && -f $keys/he.pem ]] || fail "ledger demo did not write ledger.db and keys/{zhang,he}.pem"
pass "$db"

step "sign a checkpoint: ledger audit --key zhang.pem; cosign it: ledger checkpoint cosign --key he.pem"
"$ledger" audit --ledger "$db" --key "$keys/zhang.pem" >"$work/note.txt" 2>"$work/audit.log" \
    || { cat "$work/audit.log" >&2; fail "ledger audit failed"; }
"$ledger" checkpoint cosign "$work/note.txt" --ledger "$db" --key "$keys/he.pem" >"$work/cosigned.txt" \
    || fail "ledger checkpoint cosign failed"
signature_lines="$(grep -c '^— ' "$work/cosigned.txt" || true)"
[[ $signature_lines -eq 2 ]] || fail "the cosigned note has $signature_lines signature lines, expected 2"
mapfile -t note_signers < <(awk '/^— / { print $2 }' "$work/cosigned.txt" | sort)
pass "$(sed -n 2p "$work/note.txt") entries, signed by ${note_signers[*]}"

step "ledger keys --note"
"$ledger" keys --note --ledger "$db" >"$work/keys.txt"
mapfile -t vkeys <"$work/keys.txt"
[[ ${#vkeys[@]} -gt 0 ]] || fail "ledger keys --note printed no verifier keys"
pass "${#vkeys[@]} verifier keys"

step "Go note.Open accepts the audit note and the cosigned note with those keys"
got="$("$work/notecheck" "$work/note.txt" "${vkeys[@]}")" || fail "Go rejected the audit note"
[[ $got == "$(awk '/^— / { print $2 }' "$work/note.txt")" ]] || fail "Go verified '$got' for the audit note"
pass "note.txt verified by $got"
got="$("$work/notecheck" "$work/cosigned.txt" "${vkeys[@]}")" || fail "Go rejected the cosigned note"
mapfile -t verified < <(printf '%s\n' "$got" | sort)
[[ "${verified[*]}" == "${note_signers[*]}" ]] || fail "Go verified '${verified[*]}', expected '${note_signers[*]}'"
pass "cosigned.txt verified by ${verified[*]}"

step "Go note.Open rejects the note with one character of its text changed"
sed '1s/mutual-aid-ledger\//mutual-aid-ledgeR\//' "$work/cosigned.txt" >"$work/altered.txt"
changed="$({ cmp -l "$work/cosigned.txt" "$work/altered.txt" || true; } | wc -l)"
[[ $changed -eq 1 ]] || fail "the altered note differs in $changed bytes, expected 1"
status=0
"$work/notecheck" "$work/altered.txt" "${vkeys[@]}" >/dev/null 2>"$work/altered.err" || status=$?
[[ $status -eq 1 ]] || fail "Go gave exit $status for the altered note, expected 1 (rejected)"
pass "rejected: $(cat "$work/altered.err")"

step "Go note.Open rejects the note when only keys that did not sign it are given"
mapfile -t others < <(printf '%s\n' "${vkeys[@]}" | grep -v -e "^${note_signers[0]}+" -e "^${note_signers[1]}+")
[[ ${#others[@]} -gt 0 ]] || fail "no verifier keys besides the signers'"
status=0
"$work/notecheck" "$work/cosigned.txt" "${others[@]}" >/dev/null 2>"$work/others.err" || status=$?
[[ $status -eq 1 ]] || fail "Go gave exit $status with only non-signing keys, expected 1 (rejected)"
pass "rejected: $(cat "$work/others.err")"

step "the ledger agrees: it accepts the cosigned note and refuses the altered one"
"$ledger" checkpoint verify "$work/cosigned.txt" --ledger "$db" >/dev/null || fail "ledger checkpoint verify refused the cosigned note"
status=0
"$ledger" checkpoint verify "$work/altered.txt" --ledger "$db" >/dev/null || status=$?
[[ $status -eq 1 ]] || fail "ledger checkpoint verify gave exit $status for the altered note, expected 1"
pass "ledger checkpoint verify: cosigned accepted, altered refused"

echo "PASS: Go's golang.org/x/mod/sumdb/note reads the ledger's checkpoints"
