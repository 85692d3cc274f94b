#!/usr/bin/env bash
# Writes the fuzzer's seed corpus (Fuzz/seeds) from real ledgers made by the `ledger` command:
#  - a small society signed with the fixed test keys of Tests/LedgerTesting (seed = SHA-256 of the name), so the
#    fuzzer's rules path can re-sign mutated entries: every kind the command line writes, approvals, a
#    rejection, a reversal, key changes, a checkpoint;
#  - the first entries of a `ledger demo` ledger (random keys: real bytes for the decoder and the verifier).
# Each seed is a `.jsonl` fragment: single entries, and runs of consecutive entries from the start.
# Usage: Fuzz/make-corpus.sh LEDGER-BINARY
set -euo pipefail
ledger=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
seeds=$root/Fuzz/seeds
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# PKCS#8 PEM of an Ed25519 key whose 32-byte seed is SHA-256(name), like TestKeys.key(name).
seed_key() {
    local name=$1 file=$2
    { printf '302e020100300506032b657004220420' | xxd -r -p; printf '%s' "$name" | openssl dgst -sha256 -binary; } \
        | openssl pkey -inform DER -out "$file"
    chmod 600 "$file"
    openssl pkey -in "$file" -pubout -out "$file.pub"
}
seed_key committee-1 c1.pem; seed_key committee-2 c2.pem; seed_key committee-3 c3.pem
seed_key oversight-1 o1.pem; seed_key oversight-2 o2.pem; seed_key outsider x1.pem
export LEDGER_PATH=$work/seed.db LANG=C
run() { local key=$1; shift; "$ledger" "$@" --key "$key.pem" >/dev/null; }
run c1 init --society 测试互助社 --committee 陈=c1.pem.pub --committee 李=c2.pem.pub --committee 王=c3.pem.pub \
    --oversight 张=o1.pem.pub --oversight 何=o2.pem.pub
run c1 member add H001 --name 黄大伯 --note 种植鸡心黄皮                     # 1
run c1 member add H002 --name 李阿婆                                      # 2
run c2 record donation --donor 爱心企业甲 --amount 5000 --receipt R-001 --memo 春节慰问  # 3
run c1 record donation --donor 爱心超市 --amount 800 --in-kind 大米 --quantity 200 --unit 斤  # 4
run c1 record sale --member H001 --product 鸡心黄皮 --quantity 120.5 --unit 斤 --amount 960 --buyer 区供销社 --fee 48  # 5
run c1 record grant --member H002 --amount 2000 --purpose 医疗救助            # 6
run o1 approve 6                                                          # 7
run c2 record expense --amount 350 --payee 镇物流站 --purpose 运费             # 8
run o2 reject 8 --reason 运费由买方承担                                      # 9
run c1 record payout --member H001 --amount 912 --method bank              # 10
run o2 approve 10                                                         # 11
run c1 record donation --donor 爱心人士 --amount 200                         # 12
run c1 reverse 12 --reason 重复录入                                          # 13
run o1 approve 13                                                         # 14
run c1 fund add education --name 助学基金                                    # 15
run o1 approve 15                                                         # 16
run c1 key add --role oversight 周=x1.pem.pub                               # 17
run c2 approve 17                                                         # 18
run o1 approve 17                                                         # 19
run c1 key revoke "$(basename "$(openssl pkey -pubin -in o2.pem.pub -outform DER | tail -c 32 | openssl dgst -sha256 -binary | xxd -p -c 64 | cut -c1-16)")" --reason 密钥遗失  # 20
run c2 approve 20                                                         # 21
run x1 approve 20                                                         # 22
run c1 member update H002 --note 独居老人                                    # 23
run c1 member add H003 --name 陈伯                                         # 24
run c1 member close H003 --reason 迁出本村                                   # 25
"$ledger" audit --key o1.pem >/dev/null                                  # 26
"$ledger" export --out seed.jsonl >/dev/null
"$ledger" verify seed.jsonl >/dev/null

"$ledger" demo --dir "$work/demo" >/dev/null
head -n 40 demo/ledger.jsonl > demo.jsonl

rm -rf "$seeds"
mkdir -p "$seeds"
n=$(wc -l < seed.jsonl)
for i in $(seq 1 "$n"); do sed -n "${i}p" seed.jsonl > "$seeds/entry-$(printf %02d $((i - 1)))"; done
for k in 3 8 12 17 22 "$n"; do head -n "$k" seed.jsonl > "$seeds/prefix-$(printf %02d "$k")"; done
head -c "$(($(head -n 5 seed.jsonl | wc -c) - 40))" seed.jsonl > "$seeds/prefix-05-torn"
for i in 1 2 3 6 7 13 19 25 33; do sed -n "${i}p" demo.jsonl > "$seeds/demo-entry-$(printf %02d $((i - 1)))"; done
head -n 40 demo.jsonl > "$seeds/demo-prefix-40"
echo "wrote $(ls "$seeds" | wc -l) seeds ($(du -sk "$seeds" | cut -f1) KiB) to $seeds"
