#!/usr/bin/env python3
"""Sums up the figures the robustness tests and the fuzzer wrote (JSON lines), for the CI log and the README.

  summarize.py FIGURES.jsonl
"""
import json
import sys

rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
by = {}
for row in rows:
    by.setdefault(row.get("test", "fuzz"), []).append(row)


def one(name):
    return (by.get(name) or [{}])[-1]


crash, imp = one("crash.append"), one("crash.import")
attacks = sorted({row["attack"] for row in by.get("forgery.caught", [])})
lines = [
    "seed of the robustness run: %s" % crash.get("seed", "?"),
    "crash safety: %s SIGKILLs of an appending loop survived; %s acknowledged appends all present (%s checks), "
    "%s committed but killed before acknowledging, %s kills left a write-ahead log to recover"
    % (crash.get("kills"), crash.get("appends_acknowledged"), crash.get("acknowledgement_checks"),
       crash.get("committed_but_unacknowledged"), crash.get("kills_leaving_wal")),
    "import killed %s times (%s entries, %s ms): nothing at the destination %s times, the whole ledger %s times, never a part"
    % (imp.get("kills"), imp.get("entries"), imp.get("import_ms"), imp.get("left_nothing"), imp.get("left_complete_ledger")),
]
for workers in (2, 4):
    c = one("concurrency.%d" % workers)
    lines.append("concurrency: %s processes x %s appends = %s entries in %ss, with %s verify and %s balance reads during them"
                 % (c.get("workers"), c.get("appends_per_worker"), c.get("appends_acknowledged"), c.get("seconds"),
                    c.get("verify_reads"), c.get("balance_reads")))
pages, huge, scan = one("storage.scribbled_pages"), one("hostile.huge_line"), one("keys.demo_scan")
lines += [
    "storage: every one of %s pages overwritten in turn (verify reported %s, found every entry intact %s times)"
    % (pages.get("pages"), pages.get("verify_reported_damage"), pages.get("verify_found_all_entries")),
    "hostile input: a %s MB line refused at %s KiB peak (baseline %s KiB)"
    % (huge.get("megabytes"), huge.get("verify_peak_kib"), huge.get("baseline_kib")),
    "keys: %s outputs and files of a demo run searched for %s private keys in %s spellings: none found"
    % (scan.get("outputs_and_files"), scan.get("keys"), scan.get("spellings")),
    "forgery: %d distinct attacks caught at the right entry with the right reason" % len(attacks),
]
fuzz = [row for row in rows if "fuzz_executions" in row]
if fuzz:
    lines.append("fuzzing: %d executions in %ds (libFuzzer + AddressSanitizer), no crash" % (fuzz[-1]["fuzz_executions"], fuzz[-1]["fuzz_seconds"]))
print("\n".join(lines))
