"""The spellings the browser decoder must refuse and the values it must accept (docs/FORMAT.md section 2).

Each refusal is one small change to a line the Swift code wrote, so that only the rule under test is broken.
Each accepted value comes with its exact canonical bytes, written out by hand and checked here against
Python's json.dumps, which FORMAT.md names as the reference encoding. Bytes travel as base64, because many
of them are not valid UTF-8 and so could not be JSON strings.
"""

import base64
import json

MAX_BYTES = 65536
# Rules whose every refusal is bytes Python could not read or would write back otherwise, so its round trip
# must disagree with them too. The other rules also refuse values Python writes back unchanged: null, 2^53,
# 0x7F, 1.5, "\n" (escaped so by json.dumps as well), deep nesting, bad keys, long entries.
SPELLING_RULES = {1, 2, 8, 10}


def canonical(value) -> bytes:
    """The reference encoding of FORMAT.md section 2."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def python_round_trips(data: bytes) -> bool:
    try:
        return canonical(json.loads(data.decode("utf-8"))) == data
    except ValueError:  # UnicodeDecodeError and JSONDecodeError are both ValueErrors
        return False


def swap(line: bytes, old: bytes, new: bytes) -> bytes:
    """Replaces the first `old`, and insists it is there, so that a case can never silently test nothing."""
    if old not in line:
        raise ValueError(f"the demo line no longer contains {old!r}; the case needs another anchor")
    return line.replace(old, new, 1)


def ordered(members: list) -> bytes:
    """An object written with its members in the order given, for spellings with keys out of order."""
    return b"{" + b",".join(canonical(key) + b":" + canonical(value) for key, value in members) + b"}"


def pick_base_line(lines: list[bytes]) -> bytes:
    """A donation with a memo: it has nested objects, integers and Chinese text to change."""
    for line in lines:
        entry = json.loads(line)
        if entry["body"]["kind"] == "donation" and "memo" in entry["body"]:
            return line
    raise ValueError("the demo ledger has no donation with a memo to build cases from")


def refusals(line: bytes, genesis: bytes) -> list:
    entry = json.loads(line)
    body = entry["body"]
    memo = b'"memo":' + canonical(body["memo"])
    memo_open = b'"memo":"'
    amount = b'"amount":%d' % body["data"]["amount"]
    seq = b'"seq":%d' % body["seq"]
    end = b'"v":1}'
    first = body["memo"][0]
    first_escaped = (b"\\u%04x" % ord(first)) if ord(first) < 0x10000 else json.dumps(first)[1:-1].encode()
    body_bytes = canonical(body)
    sig = canonical(entry["sig"])
    data_after_kind = ordered([(key, body[key]) for key in ["author", "kind", "data"]]
                              + sorted((key, value) for key, value in body.items() if key not in ("author", "kind", "data")))

    def pad_to(size: int) -> bytes:
        return swap(line, memo_open, memo_open + b"x" * (size - len(line)))

    return [
        (1, "empty input", b""),
        (1, "the entry cut short by one byte", line[:-1]),
        (1, "two entries on one line", line + line),
        (1, "a byte order mark before the entry", b"\xef\xbb\xbf" + line),
        (1, "a plus sign on an integer", swap(line, end, b'"v":+1}')),
        (1, "a trailing comma in the body", swap(line, end, b'"v":1,}')),
        (2, "a space after the first brace", b"{ " + line[1:]),
        (2, "a space after a colon", swap(line, seq, seq.replace(b":", b": "))),
        (2, "a tab before a key", swap(line, b',"sig"', b',\t"sig"')),
        (2, "a line feed after the entry", line + b"\n"),
        (2, "a carriage return after the entry", line + b"\r"),
        (3, "null as the memo", swap(line, memo, b'"memo":null')),
        (3, "null in the genesis fund list", swap(genesis, b'"funds":[', b'"funds":[null,')),
        (4, "a fraction (.0)", swap(line, amount, amount + b".0")),
        (4, "an exponent (1e3)", swap(line, amount, b'"amount":1e3')),
        (4, "a capital exponent (1E3)", swap(line, amount, b'"amount":1E3')),
        (4, "a fraction in the version (1.5)", swap(line, end, b'"v":1.5}')),
        (5, "a leading zero (01)", swap(line, end, b'"v":01}')),
        (5, "minus zero (-0)", swap(line, amount, b'"amount":-0')),
        (5, "17 digits", swap(line, amount, b'"amount":10000000000000000')),
        (5, "2^53, one past the largest", swap(line, amount, b'"amount":9007199254740992')),
        (5, "-(2^53), one past the smallest", swap(line, amount, b'"amount":-9007199254740992')),
        (6, "a raw tab in the memo", swap(line, memo_open, memo_open + b"\t")),
        (6, "a raw line feed in the memo", swap(line, memo_open, memo_open + b"\n")),
        (6, "a raw NUL in the memo", swap(line, memo_open, memo_open + b"\x00")),
        (6, "a raw 0x1F in the memo", swap(line, memo_open, memo_open + b"\x1f")),
        (6, "a raw DEL (0x7F) in the memo", swap(line, memo_open, memo_open + b"\x7f")),
        (7, "a \\n escape", swap(line, memo_open, memo_open + b"\\n")),
        (7, "a \\t escape", swap(line, memo_open, memo_open + b"\\t")),
        (7, "a \\/ escape", swap(line, memo_open, memo_open + b"\\/")),
        (7, "a \\u00e9 escape", swap(line, memo_open, memo_open + b"\\u00e9")),
        (7, "a quote written \\u0022", swap(line, memo_open, memo_open + b"\\u0022")),
        (7, "the memo's first character as a \\u escape",
         swap(line, memo_open + first.encode(), memo_open + first_escaped)),
        (8, "a 0xFF byte", swap(line, memo_open, memo_open + b"\xff")),
        (8, "a lone continuation byte (0x80)", swap(line, memo_open, memo_open + b"\x80")),
        (8, "an overlong '/' (C0 AF)", swap(line, memo_open, memo_open + b"\xc0\xaf")),
        (8, "an encoded surrogate (ED A0 80)", swap(line, memo_open, memo_open + b"\xed\xa0\x80")),
        (8, "a code point past U+10FFFF (F4 90 80 80)", swap(line, memo_open, memo_open + b"\xf4\x90\x80\x80")),
        (8, "a three-byte character cut after two", swap(line, memo_open, memo_open + b"\xe6\x98")),
        (9, "an upper-case key", swap(line, b'{"body":', b'{"Body":')),
        (9, "an empty key", swap(line, b'{"body":{', b'{"body":{"":0,')),
        (9, "a key with a hyphen", swap(line, b'"memo":', b'"me-mo":')),
        (9, "a Chinese key", swap(line, b'"amount":', '"金额":'.encode())),
        (9, "a key spelled with an escape", swap(line, b'"memo":', b'"me\\\\mo":')),
        (10, "sig before body", b'{"sig":' + sig + b',"body":' + body_bytes + b"}"),
        (10, "data after kind", swap(line, body_bytes, data_after_kind)),
        (10, "a duplicate key", swap(line, end, b'"v":1,"v":1}')),
        (10, "a duplicate key with another value", swap(line, amount, amount + b',"amount":1')),
        (11, "depth 9: the memo as 7 nested arrays", swap(line, memo, b'"memo":' + b"[" * 7 + b"1" + b"]" * 7)),
        (11, "depth 9: the amount as 6 nested objects", swap(line, amount, b'"amount":' + b'{"a":' * 6 + b"1" + b"}" * 6)),
        (12, "65 537 bytes", pad_to(MAX_BYTES + 1)),
        (12, "100 000 bytes", pad_to(100_000)),
    ]


def acceptances_from(line: bytes) -> list:
    """Real lines changed only in ways the rules allow: the limits themselves."""
    body = json.loads(line)["body"]
    memo = b'"memo":' + canonical(body["memo"])
    padded = swap(line, b'"memo":"', b'"memo":"' + b"x" * (MAX_BYTES - len(line)))
    return [
        ("depth 8: the memo as 6 nested arrays", swap(line, memo, b'"memo":' + b"[" * 6 + b"1" + b"]" * 6)),
        ("exactly 65 536 bytes", padded),
    ]


# (name, value, its canonical bytes written out by hand). The hand-written bytes are the claim;
# json.dumps is the check.
HAND_VALUES = [
    ("Chinese text", {"society": "青禾村党群互助社（示例）", "holder": "陈主任"},
     '{"holder":"陈主任","society":"青禾村党群互助社（示例）"}'.encode()),
    ("U+0080, U+0085 and U+009F raw", {"text": "\u0080\u0085\u009f"}, b'{"text":"\xc2\x80\xc2\x85\xc2\x9f"}'),
    ("the largest and smallest integers", [9007199254740991, -9007199254740991, 0, -1, 1],
     b"[9007199254740991,-9007199254740991,0,-1,1]"),
    ("emoji, astral and flag characters", "😀𝄞🇨🇳",
     b'"\xf0\x9f\x98\x80\xf0\x9d\x84\x9e\xf0\x9f\x87\xa8\xf0\x9f\x87\xb3"'),
    ("quote and backslash escaped", 'say "hi" \\ back\\', b'"say \\"hi\\" \\\\ back\\\\"'),
    ("only escapes", '"\\', b'"\\"\\\\"'),
    ("empty object and array", {"a": {}, "b": []}, b'{"a":{},"b":[]}'),
    ("an empty object alone", {}, b"{}"),
    ("an empty array alone", [], b"[]"),
    ("the empty string", "", b'""'),
    ("booleans", [True, False], b"[true,false]"),
    ("keys in byte order, not letter order", {"b": 5, "a_b": 3, "a0": 4, "a.b": 2, "a": 1},
     b'{"a":1,"a.b":2,"a0":4,"a_b":3,"b":5}'),
    ("number-like keys sorted as bytes", {"2": 3, "10": 2, "1": 1}, b'{"1":1,"10":2,"2":3}'),
    ("a __proto__ key stays a field", {"__proto__": {"polluted": 1}}, b'{"__proto__":{"polluted":1}}'),
    ("a byte order mark inside a string", "\ufeffx", b'"\xef\xbb\xbfx"'),
    ("U+FFFF and U+10FFFF", "\uffff\U0010ffff", b'"\xef\xbf\xbf\xf4\x8f\xbf\xbf"'),
    ("line and paragraph separators raw", "a\u2028b\u2029c", b'"a\xe2\x80\xa8b\xe2\x80\xa9c"'),
    ("é raw, never \\u00e9", "café", b'"caf\xc3\xa9"'),
    ("eight levels of arrays", [[[[[[[[]]]]]]]], b"[[[[[[[[]]]]]]]]"),
    ("an integer alone", -42, b"-42"),
]


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def build(lines: list[bytes]) -> dict:
    """The cases for a demo ledger's lines. Raises ValueError when a case would not test what it says."""
    line = pick_base_line(lines)
    refuse = refusals(line, lines[0])
    problems = []
    for rule, name, data in refuse:
        if rule in SPELLING_RULES and python_round_trips(data):
            problems.append(f"rule {rule} case {name!r}: Python reads and writes it back unchanged")
    if sorted({rule for rule, _, _ in refuse}) != list(range(1, 13)):
        problems.append("the refusals do not cover every rule 1-12")
    accept = []
    for name, data in acceptances_from(line):
        accept.append((name, json.loads(data), data))
    accept += HAND_VALUES
    for name, value, data in accept:
        if canonical(value) != data:
            problems.append(f"accepted case {name!r}: json.dumps gives {canonical(value)!r}, not {data!r}")
    if problems:
        raise ValueError("; ".join(problems))
    return {
        "source": {"seq": json.loads(line)["body"]["seq"], "kind": "donation"},
        "refuse": [{"rule": rule, "name": name, "bytes": b64(data)} for rule, name, data in refuse],
        "accept": [{"name": name, "value": value, "bytes": b64(data)} for name, value, data in accept],
    }
