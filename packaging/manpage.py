#!/usr/bin/env python3
"""Writes ledger(1) from the command's own definitions, so the manual never drifts from `--help`.

    LANG=C.UTF-8 ledger --experimental-dump-help | packaging/manpage.py en 0.9.0 2026-12-08 > ledger.1
    LANG=zh_CN.UTF-8 ledger --experimental-dump-help | packaging/manpage.py zh 0.9.0 2026-12-08 > ledger.zh.1

The input is swift-argument-parser's description of every command, in the language the command speaks under
LANG. The page has a section per command (a `.SS` under COMMANDS, nested commands too) with its options; the
options every command takes are listed once. Its roff is UTF-8, as man-db reads it.
"""

import json
import sys

HEADINGS = {
    "en": {"name": "NAME", "synopsis": "SYNOPSIS", "description": "DESCRIPTION", "common": "OPTIONS OF EVERY COMMAND",
           "commands": "COMMANDS", "exit": "EXIT STATUS", "environment": "ENVIRONMENT", "files": "FILES",
           "see": "SEE ALSO", "command": "COMMAND", "options": "OPTIONS", "default": "default", "values": "values"},
    "zh": {"name": "名称", "synopsis": "用法", "description": "说明", "common": "各命令通用的选项", "commands": "命令",
           "exit": "退出状态", "environment": "环境变量", "files": "文件", "see": "另见", "command": "命令",
           "options": "选项", "default": "默认", "values": "可选值"},
}

EXIT = {
    "en": [("0", "success (for verify: the ledger is valid)"),
           ("1", "the ledger is invalid: verify found a bad entry, and names the first one"),
           ("2", "refused: the entry would break a ledger rule, or the member or entry named is not in the ledger (or the name is several members'); nothing was written"),
           ("3", "file or storage problem: no ledger at that path, an unreadable file, a full disk, a busy ledger"),
           ("4", "key or passphrase problem: no key given, a key file missing or readable by others, a wrong passphrase"),
           ("64", "bad arguments: an unknown option, a malformed amount, a missing value")],
    "zh": [("0", "成功（verify：账本有效）"), ("1", "账本无效：verify 发现错误条目，并指出第一条"),
           ("2", "被拒绝：违反账本规则，或所指成员、条目不在账本中（或该称呼对应多位成员）；未写入任何内容"), ("3", "文件或存储问题：路径下没有账本、文件无法读取、磁盘已满、账本忙"),
           ("4", "密钥或口令问题：未提供密钥、密钥文件缺失或他人可读、口令错误"), ("64", "参数错误：未知选项、金额格式不对、缺少值")],
}

ENVIRONMENT = {
    "en": [("LEDGER_PATH", "the ledger file when --ledger is not given"), ("LEDGER_KEY", "the key file when --key is not given"),
           ("LC_ALL, LANG", "the language: Chinese when it begins with zh, English otherwise (--lang overrides it)")],
    "zh": [("LEDGER_PATH", "未给出 --ledger 时使用的账本文件"), ("LEDGER_KEY", "未给出 --key 时使用的密钥文件"),
           ("LC_ALL, LANG", "界面语言：以 zh 开头为中文，否则为英文（--lang 优先）")],
}

FILES = {
    "en": [("/etc/default/ledger", "settings of the ledger service (ledger serve under systemd)"),
           ("/usr/lib/systemd/system/ledger.service", "the service, hardened; its one writable folder is /var/lib/ledger"),
           ("/usr/share/doc/ledger/guides/", "short guides for the committee, the oversight group and households, in Chinese and English")],
    "zh": [("/etc/default/ledger", "账本服务（systemd 下的 ledger serve）的设置"),
           ("/usr/lib/systemd/system/ledger.service", "加固后的服务，唯一可写目录为 /var/lib/ledger"),
           ("/usr/share/doc/ledger/guides/", "管理委员会、监督组和农户的中英文简明指南")],
}


def roff(text: str) -> str:
    """Text as roff: backslashes escaped, and no line beginning with a control character."""
    lines = text.replace("\\", "\\e").replace("-", "\\-").split("\n")
    return "\n".join("\\&" + line if line[:1] in (".", "'") else line for line in lines)


def option_name(argument: dict) -> str:
    if argument["kind"] == "positional":
        value = f"\\fI{roff(argument['valueName'])}\\fR"
        return f"[{value}]" if argument.get("isOptional") else value
    names = ", ".join(f"\\fB{roff(('-' if n['kind'] == 'short' else '--') + n['name'])}\\fR" for n in argument.get("names", []))
    return names + (f" \\fI{roff(argument['valueName'])}\\fR" if argument["kind"] == "option" else "")


def key(argument: dict) -> str:
    return json.dumps({k: argument.get(k) for k in ("kind", "names", "valueName")}, sort_keys=True)


def options(arguments: list, words: dict, skip: set) -> list[str]:
    out = []
    for argument in arguments:
        if not argument.get("shouldDisplay", True) or key(argument) in skip:
            continue
        help_text = argument.get("abstract", "")
        extras = []
        if argument.get("allValues"):
            extras.append(f"{words['values']}: {', '.join(argument['allValues'])}")
        if argument.get("defaultValue") not in (None, ""):
            extras.append(f"{words['default']}: {argument['defaultValue']}")
        if extras:
            help_text += f" ({'; '.join(extras)})"
        out += [".TP", option_name(argument), roff(help_text)]
    return out


def leaves(command: dict) -> list[dict]:
    children = [c for c in command.get("subcommands", []) if c.get("shouldDisplay", True) and c["commandName"] != "help"]
    return [leaf for child in children for leaf in leaves(child)] if children else [command]


def commands(command: dict, path: list[str], words: dict, skip: set) -> list[str]:
    out = []
    for child in command.get("subcommands", []):
        if not child.get("shouldDisplay", True) or child["commandName"] == "help":
            continue
        name = " ".join(path + [child["commandName"]])
        out += [f'.SS "{roff(name)}"', roff(child.get("abstract", ""))]
        if child.get("discussion"):
            out += [".PP", roff(child["discussion"])]
        out += options(child.get("arguments", []), words, skip)
        out += commands(child, path + [child["commandName"]], words, skip)
    return out


def main() -> None:
    language, version, date = sys.argv[1], sys.argv[2], sys.argv[3]
    words = HEADINGS[language]
    top = json.load(sys.stdin)["command"]
    # An option every command takes is described once, not thirty times.
    every = [leaf.get("arguments", []) for leaf in leaves(top)]
    common_keys = set.intersection(*[{key(a) for a in arguments} for arguments in every])
    common = [a for a in every[0] if key(a) in common_keys]
    page = [
        '.\\" Written by packaging/manpage.py from `ledger --experimental-dump-help`; do not edit.',
        f'.TH LEDGER 1 "{date}" "ledger {version}" "{"用户命令" if language == "zh" else "User Commands"}"',
        ".ad l",  # ragged right: justified Chinese spreads the few break points apart
        f".SH {words['name']}", f"ledger \\- {roff(top.get('abstract', ''))}",
        f".SH {words['synopsis']}", f".B ledger\n\\fI{words['command']}\\fR [\\fI{words['options']}\\fR]",
        ".br", ".B ledger --version", ".br", ".B ledger --help",
        f".SH {words['description']}", roff(top.get("discussion", "")),
        f".SH {words['common']}", *options(common, words, set()),
        f".SH {words['commands']}", *commands(top, ["ledger"], words, common_keys),
        f".SH {words['exit']}", *[line for code, text in EXIT[language] for line in (".TP", f"\\fB{code}\\fR", roff(text))],
        f".SH {words['environment']}", *[line for name, text in ENVIRONMENT[language] for line in (".TP", f"\\fB{roff(name)}\\fR", roff(text))],
        f".SH {words['files']}", *[line for name, text in FILES[language] for line in (".TP", f"\\fI{roff(name)}\\fR", roff(text))],
        f".SH {words['see']}", "\\fBhledger\\fR(1), \\fBsqlite3\\fR(1), \\fBopenssl\\fR(1); /usr/share/doc/ledger/",
    ]
    sys.stdout.write("\n".join(page) + "\n")


if __name__ == "__main__":
    main()
