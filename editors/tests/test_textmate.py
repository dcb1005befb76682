#!/usr/bin/env python3
"""Checks editors/vscode/syntaxes/accord.tmLanguage.json with a port of the vscode-textmate engine.

Usage: test_textmate.py ACCORD_BINARY FILE.accord...

1. The grammar is valid JSON and every regex compiles with Oniguruma (the engine VS Code uses).
2. A sample line of each token class gets the scope an editor theme colours it by.
3. Every file is tokenised completely: no non-whitespace text is left with only the base scope.
   Files the lexer reads without E101/E102/E103/E109 (asked of `accord check`) must also have no
   `invalid.illegal` text: the grammar knows every token they hold.
"""
import json
import logging
import pathlib
import subprocess
import sys

import onigurumacffi
from textmate_grammar.parsers.base import LanguageParser

GRAMMAR = pathlib.Path(__file__).resolve().parent.parent / "vscode" / "syntaxes" / "accord.tmLanguage.json"
LEXICAL_ERRORS = ("[E101]", "[E102]", "[E103]", "[E109]")
# The port logs every stretch of plain string content it steps over; that is not a problem.
logging.getLogger("textmate_grammar").setLevel(logging.ERROR)

failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message)


def regexes(node, where="$"):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("match", "begin", "end", "while") and isinstance(value, str):
                yield f"{where}.{key}", value
            else:
                yield from regexes(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from regexes(value, f"{where}[{index}]")


def tokens(parser, text):
    element = parser.parse_string(text)
    return element.flatten() if element is not None else []


def check_samples(parser):
    samples = [
        ("scheme", "scheme SE-05 \"Outpatients\" {", "keyword.declaration"),
        ("SE-05", "scheme SE-05 \"Outpatients\" {", "entity.name.type"),
        ("status", "  status delivery", "keyword.other.attribute"),
        ("delivery", "  status delivery", "constant.language"),
        ("productivity", "  productivity £1m", "keyword.other.attribute"),
        ("productivity", "  kind productivity", "constant.language"),
        ("green", "confidence-weights { green 100%; amber 50% }", "constant.language"),
        ("£1.2m", "  cash-releasing £1.2m", "constant.numeric.money"),
        ("-", "  cap ESNEFT -£40k", "keyword.operator.arithmetic"),
        ("33", "  change -33% by 2024-03", "constant.numeric.percent"),
        ("by", "  change -33% by 2024-03", "keyword.other"),
        ("2024-03", "  change -33% by 2024-03", "constant.other.month"),
        ("2022-09-30", "  as-of 2022-09-30", "constant.other.date"),
        ("FY22/23", "  savings FY22/23 {", "constant.other.financial-year"),
        ("2022/23", "  FY21/22 £1m; 2022/23 £2m", "constant.other.financial-year"),
        ("..", "  years FY22/23..FY24/25", "punctuation.separator.range"),
        ("1_000.5", "let x = 1_000.5 * 2", "constant.numeric.decimal"),
        ("\\\"", "  role \"The \\\"lead\\\"\"", "constant.character.escape"),
        ("# note", "area planned \"Planned\" # note", "comment.line"),
        ("fu-f2f", "  owner fu-f2f", "variable.other"),
        ("M3", "  after M1, PIP-02.M3", "variable.other.member"),
        ("=", "let fu-cost = £120", "keyword.operator.assignment"),
        ("£1.2M", "  cap X £1.2M", "invalid.illegal"),
        ("12k", "  capacity 12k", "invalid.illegal"),
    ]
    for text, line, scope in samples:
        # Every token within the first occurrence of `text` must carry the scope.
        start = line.index(text)
        found = [(token_text, scopes) for (_, column), token_text, scopes in tokens(parser, line)
                 if start <= column < start + len(text)]
        if not found or not all(any(s.startswith(scope) for s in scopes) for _, scopes in found):
            fail(f"`{text}` in `{line}` should be {scope}; got {found}")


def check_file(parser, accord, path):
    text = path.read_text(encoding="utf-8", errors="replace")
    result = subprocess.run([accord, "check", str(path)], capture_output=True, text=True)
    lexically_clean = not any(code in result.stdout + result.stderr for code in LEXICAL_ERRORS)
    covered = []
    for (line, column), token_text, scopes in tokens(parser, text):
        covered.append(token_text)
        if token_text.strip() and scopes == ["source.accord"]:
            fail(f"{path}:{line + 1}:{column + 1}: untokenised text {token_text!r}")
        if lexically_clean and any(s.startswith("invalid") for s in scopes):
            fail(f"{path}:{line + 1}:{column + 1}: {token_text!r} marked invalid in a file the lexer accepts")
    # Every non-space character must be in some token.
    if "".join(covered).split() != "".join(text.splitlines()).split():
        fail(f"{path}: the tokens do not cover the text")
    return lexically_clean


def main():
    accord, files = sys.argv[1], [pathlib.Path(f) for f in sys.argv[2:]]
    grammar = json.loads(GRAMMAR.read_text(encoding="utf-8"))
    patterns = list(regexes(grammar))
    for where, pattern in patterns:
        try:
            onigurumacffi.compile(pattern)
        except Exception as error:  # the binding raises a bare error type per version
            fail(f"{where}: {pattern!r} does not compile: {error}")
    if failures:
        sys.exit(1)  # the engine cannot load a grammar whose regexes do not compile
    parser = LanguageParser(grammar)
    check_samples(parser)
    clean = sum(check_file(parser, accord, path) for path in files)
    print(f"textmate: {len(patterns)} regexes compile; {len(files)} files tokenised "
          f"({clean} lexically clean); {len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
