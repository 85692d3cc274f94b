#!/usr/bin/env bash
# The Debian package on a Debian 12 that has never seen Swift (docs/TESTING.md):
#
#     bash Tests/Packaging/run.sh ledger_VERSION_ARCH.deb
#
# debootstrap makes a minimal bookworm in a temporary folder; apt installs the package there, fetching its
# Depends from Debian's archive; inside that root `ledger --version`, `ledger demo`, `ledger verify` on what
# the demo wrote and on a tampered copy (exit 1) and `man ledger` must work, and removing the package must
# leave nothing but its settings (and nothing after a purge). Outside, the binary must name no library of a
# Swift toolchain and the unit must pass `systemd-analyze verify` there. Needs root and debootstrap.
# Prints the figures; exits 0 when all holds, 1 when something does not, 2 when the check could not run.
set -uo pipefail

deb=$(realpath "${1:?usage: Tests/Packaging/run.sh PACKAGE.deb}")
here=$(cd "$(dirname "$0")/../.." && pwd)
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
root=$(mktemp -d /tmp/ledger-debian12-XXXXXX)
failures=0

cleanup() {
    umount "$root/proc" 2>/dev/null
    rm -rf "$root" "$root.log"
}
trap cleanup EXIT

fail() { echo "FAIL $*"; failures=$((failures + 1)); }
ok() { echo "ok   $*"; }
inside() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
# Seconds that `inside COMMAND…` takes, its output sent to $root/tmp/out.
timed() {
    local start end
    start=$(date +%s.%N)
    inside "$@" > "$root/tmp/out" 2>&1
    local status=$?
    end=$(date +%s.%N)
    seconds=$(echo "$end - $start" | bc)
    return $status
}

for tool in debootstrap chroot readelf bc; do
    command -v "$tool" > /dev/null || { echo "error: needs $tool" >&2; exit 2; }
done

echo "== a minimal Debian 12 in $root"
if ! debootstrap --variant=minbase bookworm "$root" "$mirror" > "$root.log" 2>&1; then
    tail -20 "$root.log" >&2
    echo "error: debootstrap failed" >&2
    exit 2
fi
mount -t proc proc "$root/proc"
if inside sh -c 'ls /usr/lib/swift /usr/share/swift /usr/bin/swift* 2>/dev/null' | grep -q .; then
    echo "error: the fresh system already holds Swift" >&2
    exit 2
fi

echo "== apt installs the package, resolving its Depends from Debian's archive"
cp "$deb" "$root/tmp/ledger.deb"
if inside apt-get update -q > /dev/null && inside apt-get install -y -q --no-install-recommends /tmp/ledger.deb man-db systemd > "$root/tmp/apt.log" 2>&1; then
    ok "apt-get install ./$(basename "$deb") ($(grep -o '[0-9]* newly installed' "$root/tmp/apt.log"))"
else
    tail -20 "$root/tmp/apt.log"
    fail "apt-get install of the package"
fi

echo "== inside the fresh system"
if timed ledger --version && grep -q '^ledger format v1$' "$root/tmp/out" && grep -q '^OpenSSL 3' "$root/tmp/out" && grep -q '^SQLite 3' "$root/tmp/out"; then
    ok "ledger --version in ${seconds} s: $(tr '\n' ';' < "$root/tmp/out")"
else
    fail "ledger --version: $(cat "$root/tmp/out")"
fi
if timed ledger demo --dir /root/demo; then
    ok "ledger demo in ${seconds} s"
else
    fail "ledger demo: $(tail -5 "$root/tmp/out")"
fi
if inside ledger verify /root/demo/ledger.db > "$root/tmp/out" 2>&1; then
    ok "ledger verify accepts the demo's ledger"
else
    fail "ledger verify on the demo's ledger: $(tail -5 "$root/tmp/out")"
fi
inside ledger export --ledger /root/demo/ledger.db --out /root/demo/export.jsonl > /dev/null 2>&1
# One amount changed in one entry: its signature no longer matches.
sed -i '0,/"amount":\([0-9]\)/s//"amount":9\1/' "$root/root/demo/export.jsonl"
inside ledger verify /root/demo/export.jsonl > "$root/tmp/out" 2>&1
status=$?
if [ "$status" -eq 1 ]; then
    ok "ledger verify refuses a tampered copy with exit 1: $(grep -m1 -i 'entry' "$root/tmp/out")"
else
    fail "ledger verify on a tampered copy exited $status, not 1: $(tail -3 "$root/tmp/out")"
fi
if inside sh -c 'MANWIDTH=80 man ledger 2>/dev/null' > "$root/tmp/out" && grep -q 'ledger serve' "$root/tmp/out" && grep -q 'ledger verify' "$root/tmp/out"; then
    ok "man ledger ($(wc -l < "$root/tmp/out") lines, $(grep -c '^ *ledger [a-z-]*' "$root/tmp/out") command headings)"
else
    fail "man ledger: $(head -5 "$root/tmp/out")"
fi
if inside sh -c 'MANWIDTH=80 man -L zh_CN ledger 2>/dev/null' | grep -q '账本'; then
    ok "man -L zh_CN ledger is in Chinese"
else
    fail "man -L zh_CN ledger"
fi
for completion in /usr/share/bash-completion/completions/ledger /usr/share/zsh/vendor-completions/_ledger \
    /usr/share/fish/vendor_completions.d/ledger.fish; do
    [ -s "$root$completion" ] && grep -q 'verify' "$root$completion" && ok "completion $completion" || fail "completion $completion"
done
for guide in committee oversight household; do
    for language in en zh; do
        [ -s "$root/usr/share/doc/ledger/guides/$guide.$language.md" ] || fail "guide $guide.$language.md missing"
    done
done
ok "guides under /usr/share/doc/ledger/guides: $(ls "$root/usr/share/doc/ledger/guides" | tr '\n' ' ')"

echo "== outside: the binary's libraries, and the unit"
if links=$(bash "$here/packaging/check-links" "$root/usr/bin/ledger" 2>&1); then
    ok "no library of a Swift toolchain: $links"
else
    fail "check-links: $links"
fi
# Inside, where the unit's binary and man page are installed, by the system's own systemd.
if inside systemd-analyze verify /usr/lib/systemd/system/ledger.service > "$root/tmp/out" 2>&1; then
    ok "systemd-analyze verify ledger.service"
else
    fail "systemd-analyze verify: $(cat "$root/tmp/out")"
fi
score=$(inside systemd-analyze security --offline=yes /usr/lib/systemd/system/ledger.service 2>/dev/null | tail -1)
echo "     systemd-analyze security: ${score:-not available}"

echo "== removal"
inside dpkg -r ledger > /dev/null 2>&1
if [ ! -e "$root/usr/bin/ledger" ] && [ ! -e "$root/usr/share/man/man1/ledger.1.gz" ] && [ -e "$root/etc/default/ledger" ]; then
    ok "dpkg -r removes the program and keeps /etc/default/ledger"
else
    fail "dpkg -r left the program, or took the settings"
fi
inside dpkg -P ledger > /dev/null 2>&1
[ ! -e "$root/etc/default/ledger" ] && ok "dpkg -P removes the settings too" || fail "dpkg -P kept /etc/default/ledger"

echo "figures: package $(du -k "$deb" | cut -f1) KiB"
if [ "$failures" -gt 0 ]; then
    echo "FAILED: $failures checks"
    exit 1
fi
echo "PASS: the package installs, runs and leaves on a Debian 12 that never saw Swift"
