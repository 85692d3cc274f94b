#!/usr/bin/env python3
"""The desk signs in a real Chromium against a real `ledger serve`, and the command line agrees with what it signed.

    python3 Tests/Browser/desk.py .build/release/ledger

A person makes a key on the desk; the committee adds it by governance with the command line; the person records a
grant, which the page describes in plain words before signing; their own approval of it is refused on the page with
the rule's message and nothing is appended; an oversight member, in a second browser profile in Chinese, opens the
demo's key file and approves it; a payout is rejected with a reason; an encrypted key file from `ledger keygen` opens
with its passphrase (and a wrong one is told so); a refused donation shows the server's Chinese message on the form;
the oversight member checks the chain and signs a checkpoint; the key file saved by the browser signs with the command
line; and `ledger verify` accepts the ledger. Exit status: 0 when all of it holds, 1 when something does not, 2 when
the check could not run.
"""

import argparse
import base64
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from member_page import Browser, CannotRun, Ledger, Server, TamperingProxy, change_first, free_port, unmatched, verdict

TIMEOUT_MS = 60_000


class Desk:
    """One browser profile's desk page, with the few steps a person takes on it."""

    def __init__(self, context, base: str):
        self.page = context.new_page()
        self.base = base
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))
        # A refusal is an answer the page shows, not an error; the browser still logs its status.
        self.page.on("console", lambda message: message.type == "error" and not message.text.startswith(
            "Failed to load resource: the server responded with a status of 4") and self.errors.append(message.text))

    def open(self, query: str = "") -> str:
        self.page.goto(f"{self.base}/desk{query}")
        self.page.wait_for_selector("#key:not([data-state='loading'])", state="attached", timeout=TIMEOUT_MS)
        return self.page.get_attribute("#key", "data-state")

    def make_key(self, holder: str, passphrase: str = "") -> tuple[str, str]:
        """Makes a key; returns the saved key file's text and the public key line the page offers."""
        self.page.eval_on_selector("details.new-key", "d => { d.open = true; }")
        self.page.fill("#create-key input[name=holder]", holder)
        self.page.fill("#create-key input[name=passphrase]", passphrase)
        self.page.click("#create-key button[type=submit]")
        self.page.wait_for_selector("#create-key .message[data-code='created']", timeout=TIMEOUT_MS)
        with self.page.expect_download() as download:
            self.page.click("#create-key .saved a >> nth=0")
        pem = Path(download.value.path()).read_text()
        return pem, self.page.text_content("#key .add-command")

    def open_key_file(self, path: str, passphrase: str = "") -> str:
        self.page.eval_on_selector("details.open-key", "d => { d.open = true; }")
        self.page.set_input_files("#open-key input[name=file]", path)
        self.page.fill("#open-key input[name=passphrase]", passphrase)
        self.forget_outcomes()
        self.page.click("#open-key button[type=submit]")
        # A key the ledger knows loads the page again, with the sections it may use.
        return self.poll("""() => document.querySelector("#flash") && document.querySelector("#key[data-state='active']")
            ? 'opened' : document.querySelector('#open-key .message').dataset.code || null""")

    def forget_outcomes(self) -> None:
        """Clears what earlier steps left on the page, so the next outcome read is the next step's."""
        self.page.evaluate("""() => { document.querySelector('#flash')?.remove();
            document.querySelectorAll('.message').forEach(m => { m.dataset.code = ''; }); }""")

    def poll(self, script: str):
        """The first answer of `script` that is not null, read again while the page reloads."""
        deadline = time.monotonic() + TIMEOUT_MS / 1000
        while time.monotonic() < deadline:
            try:
                answer = self.page.evaluate(script)
            except Exception:  # noqa: BLE001 — the context is replaced while the page loads again
                answer = None
            if answer:
                return answer
            time.sleep(0.05)
        return None

    def review(self, kind: str, fields: dict[str, str]) -> str:
        """Fills the form of `kind` and asks to review it; returns the sentence to be signed."""
        self.page.select_option("#kind", kind)
        form = f"form.entry[data-kind='{kind}']"
        for name, value in fields.items():
            selector = f"{form} [name='{name}']"
            if self.page.eval_on_selector(selector, "e => e.tagName") == "SELECT":
                self.page.select_option(selector, value)
            else:
                self.page.fill(selector, value)
        self.page.click(f"{form} button[type=submit]")
        self.page.wait_for_function(f"""() => !document.querySelector('#confirm').hidden
            || document.querySelector("{form} .message").dataset.code""", timeout=TIMEOUT_MS)
        return self.page.text_content("#confirm .what") if self.page.is_visible("#confirm") \
            else f"(not shown: {self.page.text_content(f'{form} .message')})"

    def sign(self) -> dict:
        """Signs what is shown; returns the outcome: the flash after the page reloads, or the form's message."""
        self.forget_outcomes()
        self.page.click("#confirm .sign")
        return self.poll(OUTCOME) or {"code": "timeout", "text": "no outcome on the page"}

    def pending_action(self, seq: int, verdict: str, reason: str = "") -> str:
        item = f"#pending li[data-seq='{seq}']"
        if reason:
            self.page.fill(f"{item} input[name=reason]", reason)
        self.page.click(f"{item} button.{verdict}")
        self.page.wait_for_selector("#confirm:not([hidden])", timeout=TIMEOUT_MS)
        return self.page.text_content("#confirm .what")


# What the page says once a signature was sent: the note after it reloads, or a form's message.
OUTCOME = """() => {
  const flash = document.querySelector('#flash');
  if (flash && flash.dataset.seq) return { seq: Number(flash.dataset.seq), text: flash.textContent };
  const message = [...document.querySelectorAll('.message')].find(m => m.dataset.code && m.dataset.code !== 'progress');
  return message ? { code: message.dataset.code, text: message.textContent } : null;
}"""


def key_files(folder: Path) -> list[tuple[str, Path, str, str]]:
    """Key files made by OpenSSL, each with the passphrase to type and the outcome the page must give."""
    def openssl(*args: str) -> None:
        done = subprocess.run(["openssl", *args], capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            raise CannotRun(f"openssl {args[0]} failed: {done.stderr}")
    plain = folder / "openssl-plain.pem"
    openssl("genpkey", "-algorithm", "ed25519", "-out", str(plain))
    files = [("plain PKCS#8 from openssl genpkey", plain, "", "opened")]
    for name, extra in [("AES-128-CBC with HMAC-SHA1", ["-v2", "aes-128-cbc", "-v2prf", "hmacWithSHA1"]),
                        ("AES-256-CBC with HMAC-SHA256, 100,000 rounds", ["-v2", "aes-256-cbc", "-iter", "100000"])]:
        path = folder / f"openssl-{len(files)}.pem"
        openssl("pkcs8", "-topk8", "-in", str(plain), "-out", str(path), "-passout", "pass:secret", *extra)
        files.append((f"encrypted, {name}", path, "secret", "opened"))
    files.append(("encrypted, opened without its passphrase", files[-1][1], "", "needs_passphrase"))
    other = folder / "p256.pem"
    openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", str(other))
    files.append(("a P-256 key, not Ed25519", other, "", "bad_key_file"))
    cut = folder / "cut.pem"
    text = plain.read_text().splitlines()
    cut.write_text("\n".join([text[0], text[1][:20], text[-1]]) + "\n")
    files.append(("a damaged file", cut, "", "bad_key_file"))
    return files


def key_id_of(path: Path, passphrase: str) -> str:
    """The key id (docs/FORMAT.md section 4) of a private key file, as OpenSSL reads it."""
    public = subprocess.run(["openssl", "pkey", "-in", str(path), "-passin", f"pass:{passphrase}", "-pubout", "-outform", "DER"],
                            capture_output=True, timeout=30).stdout[-32:]
    return hashlib.sha256(public).hexdigest()[:16]


def get(base: str, path: str) -> dict:
    return json.loads(urllib.request.urlopen(f"{base}{path}", timeout=10).read())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ledger", type=Path, help="the ledger binary, e.g. .build/release/ledger")
    parser.add_argument("--screenshots", type=Path, help="a folder for pictures of the desk at 360 and 1280 px")
    arguments = parser.parse_args()
    binary = arguments.ledger.resolve()

    def picture(desk: Desk, name: str) -> None:
        """The page as it looks now, at phone width and at a desktop's, when pictures were asked for."""
        if arguments.screenshots:
            arguments.screenshots.mkdir(parents=True, exist_ok=True)
            for width in (360, 1280):
                desk.page.set_viewport_size({"width": width, "height": 800})
                desk.page.screenshot(path=str(arguments.screenshots / f"{name}-{width}.png"), full_page=True)
            desk.page.set_viewport_size({"width": 360, "height": 800})

    def member_pictures(desk: Desk) -> None:
        """The household page the desk's entries reach, checked in the browser, in both languages."""
        for language in ("en", "zh"):
            desk.page.goto(f"{desk.base}/members/H01?lang={language}")
            desk.page.wait_for_selector("#verification:not([data-verified='pending'])", state="attached", timeout=TIMEOUT_MS)
            check(f"the member page checks out after the desk's work ({language})",
                  desk.page.get_attribute("#verification", "data-verified") == "true",
                  desk.page.text_content("#verification .outcome"))
            picture(desk, f"member-{language}")
        desk.page.goto(f"{desk.base}/?lang=zh")
        picture(desk, "overview-zh")
    failures: list[str] = []
    figures: dict = {}

    def check(label: str, ok: bool, detail: object = "") -> None:
        shown = " ".join(str(detail).split())[:160]
        print(f"{'ok  ' if ok else 'FAIL'} {label}{f': {shown}' if shown else ''}")
        if not ok:
            failures.append(f"{label}: {detail}")

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("error: needs Playwright: pip install playwright (the system Chromium is used)", file=sys.stderr)
        return 2
    try:
        with tempfile.TemporaryDirectory(prefix="ledger-desk-") as temporary, sync_playwright() as playwright:
            folder = Path(temporary)
            ledger = Ledger(binary, folder)
            ledger.run("demo", "--dir", str(folder / "demo"))
            database = folder / "demo" / "ledger.db"
            server = Server(ledger, database, free_port())
            base = f"http://127.0.0.1:{server.port}"
            remote = ("--remote", base)
            browser = Browser(playwright)

            def governance_add(holder_line: str, role: str) -> int:
                """`ledger key add` as the committee, then approvals until the key is active; returns its entry."""
                holder, _, pub = holder_line.partition("=")
                before = {k["id"] for k in get(base, "/api/v1/keys")["keys"]}
                ledger.run("key", "add", "--role", role, f"{holder}={pub}", "--key", ledger.key("wang"), *remote)
                added = next(k for k in get(base, "/api/v1/keys")["keys"] if k["id"] not in before)
                for approver in ("li", "zhang", "he", "chen"):
                    if next(k for k in get(base, "/api/v1/keys")["keys"] if k["id"] == added["id"])["status"] == "active":
                        break
                    ledger.run("approve", str(added["added"]), "--key", ledger.key(approver), *remote)
                status = next(k for k in get(base, "/api/v1/keys")["keys"] if k["id"] == added["id"])["status"]
                check(f"governance made {holder}'s key active", status == "active", status)
                return added["added"]

            # A new committee member makes a key on the desk, on a phone-sized screen.
            person = Desk(browser.profile(), base)
            check("a fresh profile holds no key", person.open() == "none")
            picture(person, "desk-no-key")
            pem, line = person.make_key("Lin Xiaomei")
            check("the saved key file is PKCS#8 PEM", pem.startswith("-----BEGIN PRIVATE KEY-----"), pem[:40])
            command = line.splitlines()[0]
            check("the page offers the `ledger key add` line", command.startswith("ledger key add --role ROLE 'Lin Xiaomei="), command)
            check("the key is not yet in the ledger", person.page.get_attribute("#key", "data-state") == "unknown")
            key_id = person.page.get_attribute("#key", "data-key")
            governance_add(command.split("'")[1], "committee")
            check("the desk now signs as the committee", person.open() == "active"
                  and person.page.is_visible("#record"), person.page.text_content("#key .who"))

            # A grant, described in plain words before it is signed.
            size = get(base, "/api/v1/head")["size"]
            person.review("payout", {"member": "h99", "amount": "5", "method": "bank"})
            code = person.page.get_attribute("form.entry[data-kind='payout'] .message", "data-code")
            check("a household that does not exist is refused on the form", code == "unknown_member", code)
            sentence = person.review("grant", {"member": "黄大伯", "amount": "1,234.50", "fund": "general", "purpose": "医疗救助"})
            check("the grant is described in words", "¥1,234.50" in sentence and "黄大伯" in sentence and "社区慈善基金" in sentence, sentence)
            picture(person, "desk-confirm")
            grant = person.sign()
            entry = get(base, f"/api/v1/entries/{grant.get('seq', -1)}") if "seq" in grant else {}
            body = json.loads(entry.get("entry", "{}")).get("body", {})
            check("the grant is appended as signed", grant.get("seq") == size and body.get("author") == key_id
                  and body.get("data") == {"amount": 123450, "fund": "general", "member": "H01", "purpose": "医疗救助"}
                  and entry.get("status") == "pending", grant)

            # A bad amount is refused on the page; nothing is sent.
            person.review("payout", {"member": "H02", "amount": "12.345", "method": "bank"})
            code = person.page.get_attribute("form.entry[data-kind='payout'] .message", "data-code")
            check("an amount with three decimals is refused on the form", code == "bad_amount"
                  and get(base, "/api/v1/head")["size"] == size + 1, code)

            # The committee proposes a key on the desk; approving one's own proposal is the server's rule, on the page.
            check("a committee member is not offered the approval of money", not person.page.is_visible(
                f"#pending li[data-seq='{grant['seq']}'] button.approve"))
            newcomer = subprocess.run(["openssl", "pkey", "-pubout", "-outform", "DER"], input=subprocess.run(
                ["openssl", "genpkey", "-algorithm", "ed25519"], capture_output=True, timeout=30).stdout,
                capture_output=True, timeout=30).stdout[-32:]
            person.review("key.add", {"holder": "周委员", "role": "oversight", "pub": base64.b64encode(newcomer).decode()})
            proposal = person.sign()
            added = json.loads(get(base, f"/api/v1/entries/{proposal.get('seq', -1)}")["entry"])["body"]["data"]["key"]
            check("the key.add carries the key and its id", added == {"holder": "周委员", "id": hashlib.sha256(newcomer).hexdigest()[:16],
                  "pub": base64.b64encode(newcomer).decode(), "role": "oversight"}, added)
            size = get(base, "/api/v1/head")["size"]
            person.pending_action(proposal["seq"], "approve")
            refused = person.sign()
            check("self-approval is refused with the rule's message", refused.get("code") == "self_approval"
                  and "approve" in refused.get("text", "") and get(base, "/api/v1/head")["size"] == size, refused)

            # An oversight member, in Chinese, opens the demo's key file and approves.
            overseer = Desk(browser.profile("zh-CN"), base)
            check("the oversight member's profile holds no key", overseer.open("?lang=zh") == "none")
            check("the demo's key file opens", overseer.open_key_file(ledger.key("zhang")) == "opened")
            overseer.page.wait_for_selector("#pending:not([hidden])", timeout=TIMEOUT_MS)
            picture(overseer, "desk-oversight-zh")
            if arguments.screenshots:
                overseer.open("?lang=en")
                picture(overseer, "desk-oversight-en")
                overseer.open("?lang=zh")
            words = overseer.pending_action(grant["seq"], "approve")
            check("the approval describes the grant from its bytes", "¥1,234.50" in words and "黄大伯" in words, words)
            approval = overseer.sign()
            check("the oversight approval is appended", approval.get("seq") == size
                  and get(base, f"/api/v1/entries/{grant['seq']}")["status"] == "effective", approval)

            # A payout recorded and then rejected with a reason.
            person.open()
            person.review("payout", {"member": "h01", "amount": "50", "method": "mobile"})
            payout = person.sign()
            overseer.open("?lang=zh")
            overseer.pending_action(payout.get("seq", -1), "reject", "金额有误")
            rejection = overseer.sign()
            check("the payout is rejected with its reason", "seq" in rejection
                  and get(base, f"/api/v1/entries/{payout.get('seq', -1)}")["status"] == "rejected", rejection)

            # An encrypted key from `ledger keygen`: the wrong passphrase is told so, the right one opens it.
            locked = folder / "chen-2.pem"
            env = {**os.environ, "NEW_PASSPHRASE": "荔枝 2026 correct horse"}
            done = subprocess.run([str(binary), "keygen", "--holder", "陈会计", "--out", str(locked), "--passphrase-env",
                                   "NEW_PASSPHRASE"], capture_output=True, text=True, env=env, timeout=60)
            if done.returncode != 0:
                raise CannotRun(f"ledger keygen failed: {done.stderr}")
            public = subprocess.run(["openssl", "pkey", "-pubin", "-in", f"{locked}.pub", "-outform", "DER"],
                                    capture_output=True, timeout=30).stdout[-32:]
            governance_add(f"陈会计={base64.b64encode(public).decode()}", "committee")
            clerk = Desk(browser.profile("zh-CN"), base)
            clerk.open("?lang=zh")
            code = clerk.open_key_file(str(locked), "wrong passphrase")
            message = clerk.page.text_content("#open-key .message")
            check("a wrong passphrase is told in Chinese", code == "wrong_passphrase" and "口令" in message, message)
            code = clerk.open_key_file(str(locked), "荔枝 2026 correct horse")
            clerk.open("?lang=zh")
            check("the encrypted key file opens with its passphrase", code == "opened"
                  and clerk.page.get_attribute("#key", "data-state") == "active", clerk.page.text_content("#key .who"))
            picture(clerk, "desk-committee-zh")

            # A donation the server refuses: its Chinese message on the form, the ledger as it was.
            used = next(json.loads(e["entry"])["body"]["data"]["receipt"] for e in get(base, "/api/v1/entries?limit=500")["entries"]
                        if e["kind"] == "donation" and "receipt" in json.loads(e["entry"])["body"]["data"])
            before = get(base, "/api/v1/head")
            clerk.review("donation", {"donor": "爱心企业", "amount": "800", "fund": "general", "form": "cash", "receipt": used})
            refused = clerk.sign()
            check("a reused receipt number is refused in Chinese", refused.get("code") == "receipt_reused"
                  and "收据" in refused.get("text", "") and get(base, "/api/v1/head") == before, refused)

            # The oversight member checks the chain in the browser and signs a checkpoint.
            overseer.open("?lang=zh")
            started = time.monotonic()
            overseer.page.click("#sign-checkpoint")
            overseer.page.wait_for_selector("#confirm:not([hidden])", timeout=TIMEOUT_MS)
            figures["check_chain_ms"] = int((time.monotonic() - started) * 1000)
            signed = overseer.sign()
            point = get(base, "/api/v1/checkpoint")
            check("the checkpoint is signed in the browser", signed.get("code") == "signed"
                  and point["signed"]["size"] == point["size"], signed)
            member_pictures(Desk(browser.profile(), base))

            # The next checkpoint checks only the entries added since, from what this browser kept.
            for n in range(3):
                ledger.run("record", "donation", "--donor", f"邻居{n}", "--amount", "10", "--key", ledger.key("wang"), *remote)
            overseer.open("?lang=zh")
            asked: list[str] = []
            overseer.page.on("request", lambda request: "/api/v1/entries?" in request.url and asked.append(request.url))
            overseer.page.click("#sign-checkpoint")
            overseer.page.wait_for_selector("#confirm:not([hidden])", timeout=TIMEOUT_MS)
            again = overseer.sign()
            signed_size = point["signed"]["size"]
            kept = overseer.page.evaluate("() => JSON.parse(Object.entries(localStorage).find(([k]) => k.startsWith('mutual-aid-ledger-chain:'))[1])")
            head = get(base, "/api/v1/head")["size"]
            check("the next checkpoint fetches only the entries added since", asked == [
                f"{base}/api/v1/entries?from={signed_size}&limit={head - signed_size}"], asked)
            check("the next checkpoint resumes from the kept state", again.get("code") == "signed" and kept["size"] == head
                  and get(base, "/api/v1/checkpoint")["signed"]["size"] == head and len(kept["frontier"]) <= 53, again)

            # A server that alters what it sends: nothing is signed.
            before = get(base, "/api/v1/checkpoint")["signed"]
            for label, tamper, code in [
                ("one amount in an entry's bytes", change_first(r'\\"amount\\":(\d)', r'\\"amount\\":9\1', "/api/v1/entries?"), "bad_chain"),
                ("the tree root it reports", change_first(r'"root":"[0-9a-f]', '"root":"0', "/api/v1/checkpoint"), "root_mismatch"),
            ]:
                proxy = TamperingProxy(server.port, tamper)
                fooled = Desk(browser.profile(), proxy.url)
                fooled.open()
                fooled.open_key_file(ledger.key("he"))
                fooled.page.wait_for_selector("#checkpoint:not([hidden])", timeout=TIMEOUT_MS)
                fooled.forget_outcomes()
                fooled.page.click("#sign-checkpoint")
                outcome = fooled.poll(OUTCOME) or {"code": "timeout", "text": fooled.page.text_content("#checkpoint .message"),
                                                   "key": fooled.page.text_content("#key .who")}
                check(f"a proxy that changes {label} gets nothing signed", outcome.get("code") == code
                      and get(base, "/api/v1/checkpoint")["signed"] == before, outcome)
                proxy.close()

            # The key file the browser saved signs on the command line.
            saved = folder / "lin.pem"
            saved.write_text(pem)
            saved.chmod(0o600)  # the command line refuses a key file others can read
            ledger.run("record", "donation", "--donor", "林小梅的邻居", "--amount", "20", "--key", str(saved), *remote)
            last = get(base, "/api/v1/entries?from=%d&limit=1" % (get(base, "/api/v1/head")["size"] - 1))["entries"][0]
            check("the browser's key file signs with the command line", last["author"] == key_id, last["author"])

            # Key files as OpenSSL writes them, and a browser-made encrypted one as OpenSSL reads it.
            keys = Desk(browser.profile(), base)
            keys.open()
            for label, path, passphrase, wanted in key_files(folder):
                code = keys.open_key_file(str(path), passphrase)
                shown = keys.page.get_attribute("#key", "data-key")
                ok = code == wanted and (wanted != "opened" or shown == key_id_of(path, passphrase))
                check(f"key file: {label}", ok, f"{code} {shown} {keys.page.text_content('#open-key .message')}")
            locked_pem, line = keys.make_key("Browser-made", "青禾 passphrase")
            opened = subprocess.run(["openssl", "pkey", "-in", "/dev/stdin", "-passin", "pass:青禾 passphrase", "-pubout",
                                     "-outform", "DER"], input=locked_pem.encode(), capture_output=True, timeout=30)
            wanted_pub = line.splitlines()[0].split("=", 1)[1].rstrip("'")
            check("OpenSSL opens the browser's encrypted key file and finds its public key", locked_pem.startswith(
                "-----BEGIN ENCRYPTED PRIVATE KEY-----") and base64.b64encode(opened.stdout[-32:]).decode() == wanted_pub,
                opened.stderr.decode()[-200:])

            errors = person.errors + overseer.errors + clerk.errors + keys.errors
            check("no script errors on the pages", not errors, errors)
            weight = len(urllib.request.urlopen(f"{base}/desk").read()) + sum(
                len(urllib.request.urlopen(f"{base}/assets/{name}").read())
                for name in ("desk.js", "api.js", "forms.js", "words.js", "canonical.js", "note.js", "merkle.js", "chain.js", "pem.js",
                             "keyring.js"))
            figures["desk_page_bytes"] = weight
            check("the desk with its modules weighs under 100 KB", weight < 100_000, weight)
            server.stop()
            verified = subprocess.run([str(binary), "verify", str(database)], capture_output=True, text=True, timeout=300)
            check("ledger verify accepts what the browsers signed", verified.returncode == 0, verified.stdout[-300:] + verified.stderr[-300:])
            shown = ledger.run("show", str(grant.get("seq", 0)), "--ledger", str(database))
            check("ledger show shows the browser's grant", "123450" in shown or "1,234.50" in shown, shown[:200])
            figures["chromium"] = browser.browser.version
            browser.browser.close()
    except CannotRun as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    failures += [f"the tampering proxy found nothing to change: {text}" for text in unmatched]
    return verdict(figures, failures, "the desk signs what it shows, and the ledger takes only what its rules allow")


if __name__ == "__main__":
    sys.exit(main())
