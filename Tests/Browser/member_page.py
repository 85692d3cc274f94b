#!/usr/bin/env python3
"""The member page checks the server's word in a real Chromium, against a real `ledger serve`.

    python3 Tests/Browser/member_page.py .build/release/ledger

An honest server's page says data-verified="true" (first visit, in English and Chinese, with the genesis hash
typed from the notice); a proxy on loopback that changes one amount, one entry's bytes, the checkpoint or a
proof makes it say "false" with the reason; so does a server that, after a first visit, shows a forked
history, an older one, or another ledger. It also times the page checking a member with 100 entries. Exit
status: 0 when every case comes out as it should, 1 when one does not, 2 when the check could not run.
"""

import argparse
import http.server
import json
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

TIMEOUT_MS = 30_000


class CannotRun(Exception):
    """The check itself could not run: a missing tool, or a ledger command that failed."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Ledger:
    """The ledger binary and the demo's keys."""

    def __init__(self, binary: Path, folder: Path):
        self.binary, self.folder = binary, folder

    def run(self, *args: str) -> str:
        done = subprocess.run([str(self.binary), *args], capture_output=True, text=True, timeout=300)
        if done.returncode != 0:
            raise CannotRun(f"`ledger {' '.join(args[:2])}` exited with {done.returncode}: {done.stderr.strip()[-1500:]}")
        return done.stdout

    def key(self, name: str) -> str:
        return str(self.folder / "demo" / "keys" / f"{name}.pem")

    def copy(self, name: str) -> Path:
        path = self.folder / name
        shutil.copy(self.folder / "demo" / "ledger.db", path)
        return path

    def donate_and_checkpoint(self, database: Path, donor: str, amount: str) -> None:
        self.run("record", "donation", "--ledger", str(database), "--key", self.key("wang"), "--donor", donor, "--amount", amount)
        self.run("checkpoint", "sign", "--ledger", str(database), "--key", self.key("zhang"))


class Server:
    """`ledger serve` on 127.0.0.1:port; a fixed port keeps the browser's origin, and so what it remembers."""

    def __init__(self, ledger: Ledger, database: Path, port: int):
        self.port = port
        self.process = subprocess.Popen([str(ledger.binary), "serve", "--ledger", str(database), "--listen",
                                         f"127.0.0.1:{port}", "--rate-limit", "0"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/head", timeout=1).read()
                return
            except (urllib.error.URLError, ConnectionError):
                if self.process.poll() is not None:
                    raise CannotRun(f"ledger serve exited: {self.process.stderr.read()[-1500:]}")
                time.sleep(0.1)
        self.stop()
        raise CannotRun("ledger serve did not answer within 30 s")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


class TamperingProxy:
    """Forwards GETs to a server, passing each answer's body through `tamper(path, body)`."""

    def __init__(self, upstream: int, tamper):
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                try:
                    answer = urllib.request.urlopen(f"http://127.0.0.1:{upstream}{self.path}", timeout=10)
                    status, headers, body = answer.status, answer.headers, answer.read()
                except urllib.error.HTTPError as error:
                    status, headers, body = error.code, error.headers, error.read()
                body = tamper(self.path, body)
                self.send_response(status)
                for name in ("Content-Type", "Content-Security-Policy", "X-Content-Type-Options"):
                    if headers.get(name):
                        self.send_header(name, headers[name])
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        outer.url = f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class Browser:
    """The system Chromium; each profile is a fresh browser context with its own localStorage."""

    def __init__(self, playwright):
        chromium = shutil.which("chromium")
        if chromium is None:
            raise CannotRun("needs a Chromium on PATH: apt-get install chromium")
        self.browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])

    def profile(self, locale: str = "en-US"):
        return self.browser.new_context(locale=locale, viewport={"width": 360, "height": 800})

    @staticmethod
    def outcome(context, url: str) -> dict:
        """Opens `url` and waits for the page's check; returns its attributes, text, time and console errors."""
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        started = time.monotonic()
        page.goto(url)
        page.wait_for_selector("#verification:not([data-verified='pending'])", state="attached", timeout=TIMEOUT_MS)
        seconds = time.monotonic() - started
        verified, reason, text, evidence = page.eval_on_selector(
            "#verification", "e => [e.dataset.verified, e.dataset.reason ?? null, e.querySelector('.outcome').textContent,"
            " e.querySelectorAll('pre').length]")
        page.close()
        return {"verified": verified, "reason": reason, "text": text, "evidence": evidence, "seconds": seconds,
                "errors": errors}


def change_first(pattern: str, replacement: str, only: str):
    """A tamper that changes the first match of `pattern` (a regular expression; `replacement` may name its groups)
    in answers to paths starting with `only`, and fails the run if there is none, so no case passes vacuously."""
    def tamper(path: str, body: bytes) -> bytes:
        if not path.startswith(only):
            return body
        changed, count = re.subn(pattern, replacement, body.decode(), count=1)
        if count == 0:
            unmatched.append(f"{pattern} is not in the answer to {path}")
        return changed.encode()
    return tamper


unmatched: list[str] = []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ledger", type=Path, help="the ledger binary, e.g. .build/release/ledger")
    binary = parser.parse_args().ledger.resolve()
    failures: list[str] = []
    figures: dict = {}

    def expect(label: str, result: dict, verified: str, reason: str | None = None, evidence: int | None = None):
        ok = result["verified"] == verified and (reason is None or result["reason"] == reason) \
            and (evidence is None or result["evidence"] >= evidence) and not result["errors"]
        mark = "ok  " if ok else "FAIL"
        print(f"{mark} {label}: data-verified={result['verified']} reason={result['reason']} "
              f"({result['seconds'] * 1000:.0f} ms) {result['text'][:150]}")
        if not ok:
            failures.append(f"{label}: wanted {verified}/{reason}, got {result['verified']}/{result['reason']}; "
                            f"errors {result['errors']}")

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("error: needs Playwright: pip install playwright (the system Chromium is used)", file=sys.stderr)
        return 2
    try:
        with tempfile.TemporaryDirectory(prefix="ledger-member-page-") as temporary, sync_playwright() as playwright:
            folder = Path(temporary)
            ledger = Ledger(binary, folder)
            ledger.run("demo", "--dir", str(folder / "demo"))
            genesis = json.loads(ledger.run("show", "0", "--ledger", str(folder / "demo" / "ledger.db"), "--json"))["hash"]
            browser = Browser(playwright)

            # The honest server, first visits.
            honest = Server(ledger, folder / "demo" / "ledger.db", free_port())
            base = f"http://127.0.0.1:{honest.port}"
            expect("honest server, first visit", Browser.outcome(browser.profile(), f"{base}/members/H01"), "true")
            expect("honest server, first visit in Chinese", Browser.outcome(browser.profile("zh-CN"), f"{base}/members/H03?lang=zh"), "true")
            expect("the overview's lookup, /member?id=", Browser.outcome(browser.profile(), f"{base}/member?id=H01"), "true")
            expect("genesis typed from the notice", Browser.outcome(browser.profile(), f"{base}/members/H01#genesis={genesis}"), "true")
            wrong = ("0" if genesis[0] != "0" else "1") + genesis[1:]
            expect("another ledger's genesis typed", Browser.outcome(browser.profile(), f"{base}/members/H01#genesis={wrong}"),
                   "false", "genesis_mismatch")

            # A proxy in the middle changes one thing each time.
            cases = [
                ("one amount in the page's table", change_first(r'(<td class="num"><bdi>)-¥1,400\.00', r"\g<1>-¥14.00", "/members/"),
                 "amount_mismatch"),
                ("one amount in a row's description", change_first(r"¥1,400\.00 ·", "¥14.00 ·", "/members/"), "amount_mismatch"),
                ("the balance at the top", change_first(r"<td><bdi>¥44\.00", "<td><bdi>¥440.00", "/members/"), "amount_mismatch"),
                ("one amount in an entry's bytes", change_first(r'\\"amount\\":140000', r'\\"amount\\":14000', "/api/v1/members/"),
                 "bad_signature"),
                ("the checkpoint's size", change_first(r"(mutual-aid-ledger/[0-9a-f]{32}\\n)189", r"\g<1>188", "/api/v1/checkpoint"),
                 "bad_checkpoint_note"),
                ("one hash of a proof", change_first(r'"path":\["[0-9a-f]', '"path":["z', "/api/v1/members/"), "bad_proof"),
                ("a row for an entry the server cannot prove", change_first("<bdi>132</bdi>", "<bdi>133</bdi>", "/members/"),
                 "unbacked_row"),
            ]
            for label, tamper, reason in cases:
                proxy = TamperingProxy(honest.port, tamper)
                expect(f"proxy changes {label}", Browser.outcome(browser.profile(), f"{proxy.url}/members/H01"), "false", reason)
                proxy.close()

            # After a first visit, the same address serves another history.
            port = honest.port
            honest.stop()
            first, fork = ledger.copy("first.db"), ledger.copy("fork.db")
            ledger.donate_and_checkpoint(first, "甲公司", "100")
            ledger.donate_and_checkpoint(fork, "乙公司", "200")
            member = browser.profile()
            for label, database, verified, reason in [
                ("the history first seen", first, "true", None),
                ("the same history again", first, "true", None),
                ("a forked history of the same size", fork, "false", "forked"),
                ("an older history", folder / "demo" / "ledger.db", "false", "rolled_back"),
            ]:
                server = Server(ledger, database, port)
                expect(f"after a first visit, {label}", Browser.outcome(member, f"{base}/members/H01"), verified, reason,
                       evidence=2 if reason else None)
                server.stop()
            other = folder / "other"
            ledger.run("demo", "--dir", str(other))
            server = Server(ledger, other / "ledger.db", port)
            expect("after a first visit, another ledger", Browser.outcome(member, f"{base}/members/H01"), "false", "ledger_changed")
            server.stop()

            # A household with 100 entries.
            busy = ledger.copy("busy.db")
            for n in range(100):
                ledger.run("record", "sale", "--ledger", str(busy), "--key", ledger.key("wang"), "--member", "H02",
                           "--product", "番薯", "--quantity", "10", "--unit", "斤", "--amount", f"{20 + n}.50", "--fee", "1")
            # Signed by 黄委员 alone, whose key a key.add brought in after the genesis: trusted on a first visit only
            # because a trusted committee key proposed it and a trusted key of another holder approved it.
            ledger.run("checkpoint", "sign", "--ledger", str(busy), "--key", ledger.key("huang"))
            server = Server(ledger, busy, free_port())
            added = next(k["added"] for k in json.loads(urllib.request.urlopen(
                f"http://127.0.0.1:{server.port}/api/v1/keys").read())["keys"] if k["holder"] == "黄委员")
            proxy = TamperingProxy(server.port, change_first(r'"referred_by":\[.*\]', '"referred_by":[]', f"/api/v1/entries/{added}"))
            expect("proxy hides the approval of the checkpoint signer's key.add",
                   Browser.outcome(browser.profile(), f"{proxy.url}/members/H02"), "false", "bad_checkpoint_note")
            proxy.close()
            times = []
            for _ in range(3):
                result = Browser.outcome(browser.profile(), f"http://127.0.0.1:{server.port}/members/H02")
                expect("a household with 100 more entries", result, "true")
                times.append(result["seconds"])
            figures["member_page_100_entries_ms"] = sorted(int(t * 1000) for t in times)
            server.stop()
            figures["chromium"] = browser.browser.version
            browser.browser.close()
    except CannotRun as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    failures += [f"the tampering proxy found nothing to change: {text}" for text in unmatched]
    return verdict(figures, failures, "the member page believes only what it can check")


def verdict(figures: dict, failures: list[str], claim: str) -> int:
    """Prints the figures and the failed cases, or that `claim` holds; returns the exit status."""
    print(f"figures: {json.dumps(figures)}")
    if failures:
        print(f"\nFAILED: {len(failures)} cases", file=sys.stderr)
        for text in failures:
            print(f"  - {text}", file=sys.stderr)
        return 1
    print(f"PASS: {claim}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
