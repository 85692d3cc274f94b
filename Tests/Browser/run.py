#!/usr/bin/env python3
"""Checks the browser modules (Sources/LedgerWeb/Assets) against the Swift code, in a real Chromium.

    python3 Tests/Browser/run.py .build/release/ledger

It has the ledger binary write its demo ledger and some Merkle proofs, builds the non-canonical spellings of
cases.py, serves all of it with the test page under a strict Content-Security-Policy, and lets the page check
every entry, case and proof (pages/codec-test.js). Exit status: 0 when everything agrees, 1 on any
disagreement, 2 when the check could not run.
"""

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
import cases  # noqa: E402
from static_site import StaticSite  # noqa: E402

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
ASSETS = ["canonical.js", "merkle.js"]
PAGE = "codec-test.html"
PAGE_TIMEOUT_MS = 120_000


class CannotRun(Exception):
    """The check itself could not run: a missing tool, or a ledger command that failed."""


def ledger(binary: Path, *args: str) -> str:
    done = subprocess.run([str(binary), *args], capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise CannotRun(f"`ledger {args[0]}` exited with {done.returncode}: {done.stderr.strip()[-2000:]}")
    return done.stdout


def demo_ledger(binary: Path, folder: Path) -> tuple[Path, list[bytes]]:
    """The demo's export and its lines; each line must already be canonical by Python's reference encoding."""
    ledger(binary, "demo", "--dir", str(folder))
    export = folder / "ledger.jsonl"
    data = export.read_bytes()
    if not data.endswith(b"\n"):
        raise CannotRun("the demo's ledger.jsonl does not end in a line feed")
    lines = data[:-1].split(b"\n")
    for seq, line in enumerate(lines):
        if cases.canonical(json.loads(line)) != line:
            raise CannotRun(f"entry {seq} of the demo is not what json.dumps writes; FORMAT.md says it must be")
    return export, lines


def ledger_proofs(binary: Path, database: Path, size: int) -> dict:
    """Inclusion and consistency proofs from `ledger prove`, for the page to check against its own roots."""
    inclusion = sorted({(0, size), (size - 1, size), (size // 3, size), (1, 2), (size // 2, size - 1)})
    consistency = sorted({(1, size), (size // 2, size), (size - 1, size), (1, 2), (3, 7)}
                         | ({(64, 128)} if size >= 128 else set()))
    common = ["--ledger", str(database), "--json"]
    return {
        "inclusion": [json.loads(ledger(binary, "prove", str(seq), "--size", str(n), *common))
                      for seq, n in inclusion],
        "consistency": [json.loads(ledger(binary, "prove", "--from", str(old), "--to", str(new), *common))
                        for old, new in consistency],
    }


def build_site(site: Path, export: Path, case_set: dict, proofs: dict) -> None:
    site.mkdir()
    for name in ASSETS:
        shutil.copy(REPO / "Sources/LedgerWeb/Assets" / name, site / name)
    for name in (PAGE, "codec-test.js"):
        shutil.copy(HERE / "pages" / name, site / name)
    shutil.copy(REPO / "Tests/LedgerCoreTests/Vectors/merkle_rfc6962.json", site / "merkle_rfc6962.json")
    shutil.copy(export, site / "ledger.jsonl")
    (site / "cases.json").write_text(json.dumps(case_set, indent=1))
    (site / "proofs.json").write_text(json.dumps(proofs, indent=1))


def run_page(url: str) -> tuple[dict, list[str], str]:
    """Opens the page in the system Chromium and returns its results, its console errors and the version."""
    try:
        from playwright.sync_api import Error as PlaywrightError, sync_playwright
    except ImportError:
        raise CannotRun("needs Playwright: pip install playwright (the system Chromium is used, so no "
                        "`playwright install`)")
    chromium = shutil.which("chromium")
    if chromium is None:
        raise CannotRun("needs a Chromium on PATH: apt-get install chromium")
    console = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.on("console", lambda message: message.type == "error" and console.append(message.text))
            page.on("pageerror", lambda error: console.append(f"uncaught: {error}"))
            page.goto(url + PAGE)
            try:
                # A selector, not wait_for_function: that evaluates a string, which this very CSP forbids.
                page.wait_for_selector("body[data-done='true']", state="attached", timeout=PAGE_TIMEOUT_MS)
            except PlaywrightError:
                raise CannotRun("the page never finished; console errors: " + ("; ".join(console) or "none"))
            return page.evaluate("window.results"), console, browser.version
        finally:
            browser.close()


def report(results: dict, console: list[str], version: str, seconds: float) -> int:
    f = results["figures"]
    print(f"Chromium {version}; strict CSP; {seconds:.1f} s in all")
    if "entries" in f:
        print(f"ledger.jsonl: {f['entries']} entries decoded, re-encoded byte for byte, chained, and "
              f"{f['signaturesVerified']} signatures verified in {f['entriesMs']} ms "
              f"({f['keys']} keys; {f['forgeriesRefused']} forgeries refused)")
    if "acceptedValues" in f:
        print(f"cases.json: {f['refusedSpellings']} non-canonical spellings refused under their rule (1-12), "
              f"{f['acceptedValues']} values accepted with their exact bytes; "
              f"{f.get('encodeRefusals', 0)} unencodable values refused")
    if "workedExampleChecks" in f:
        print(f"FORMAT.md section 15 examples: {f['workedExampleChecks']} pinned checks; "
              f"hex/base64 spellings: {f.get('textFormChecks', 0)} checks")
    if "inclusionVectors" in f:
        print(f"Merkle vectors: {f['inclusionVectors']} inclusion and {f['consistencyVectors']} consistency proofs "
              f"verified, {f['tamperedProofsRefused']} tampered ones refused")
    if "ledgerInclusionProofs" in f:
        print(f"ledger prove: {f['ledgerInclusionProofs']} inclusion and {f['ledgerConsistencyProofs']} "
              f"consistency proofs verified; root of all {f.get('entries')} entries {f['ledgerRoot']}")
    print(f"page: {f.get('totalMs')} ms")
    problems = [f"page: {text}" for text in results["failures"]]
    problems += [f"content security policy: {text}" for text in results["violations"]]
    problems += [f"browser console: {text}" for text in console]
    if problems:
        print(f"\nFAILED: {len(problems)} problems", file=sys.stderr)
        for text in problems[:100]:
            print(f"  - {text}", file=sys.stderr)
        if len(problems) > 100:
            print(f"  … and {len(problems) - 100} more", file=sys.stderr)
        return 1
    print("PASS: the browser modules agree with the Swift code")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ledger", type=Path, help="the ledger binary, e.g. .build/release/ledger")
    binary = parser.parse_args().ledger.resolve()
    started = time.monotonic()
    try:
        if not binary.is_file():
            raise CannotRun(f"no ledger binary at {binary}; build it first (swift build -c release)")
        with tempfile.TemporaryDirectory(prefix="ledger-browser-") as temporary:
            folder = Path(temporary)
            export, lines = demo_ledger(binary, folder / "demo")
            proofs = ledger_proofs(binary, folder / "demo" / "ledger.db", len(lines))
            try:
                case_set = cases.build(lines)
            except ValueError as error:
                raise CannotRun(f"the cases are wrong, not the modules: {error}")
            build_site(folder / "site", export, case_set, proofs)
            with StaticSite(folder / "site") as site:
                results, console, version = run_page(site.url)
    except CannotRun as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return report(results, console, version, time.monotonic() - started)


if __name__ == "__main__":
    sys.exit(main())
