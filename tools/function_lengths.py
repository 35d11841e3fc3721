#!/usr/bin/env python3
"""Lists the functions longer than a limit in C++ and JavaScript sources.

For: keeping the house rule "no function over 60 lines (tables and lists of
rules excepted)" visible (README, issue 11). A function's length is the
number of lines from the first line of its signature to its closing brace,
both included, so what a reader scrolls through.

How: a brace-depth scan of the text with comments, string and character
literals (C++ raw strings, JS template literals and regular expressions)
blanked out. In C++ a '{' opens a function when what stands before it at
namespace or class scope has a parameter list and no '=' before it (a
function, constructor or operator), or inside a function when it closes a
lambda's introducer ("[&](int x) {"). In JavaScript it is "function", an
arrow "=> {" or a method "name(args) {". Nested functions (lambdas, inner
functions) are listed on their own too, and count in the length of the
function that holds them.

Usage:
  tools/function_lengths.py [--max N] [--fail] [--skip PATH]... PATH...
PATH is a file or a directory (*.cc *.h *.js below it). Prints one line a
function over the limit, longest first: "LENGTH path:line name". With
--fail the exit status is 1 when any is listed (a ctest), else 0.
"""

import argparse
import os
import re
import sys

CPP_ENDINGS = (".cc", ".h", ".cpp", ".hpp")
JS_ENDINGS = (".js", ".mjs")
CONTROL = {"if", "for", "while", "switch", "catch", "else", "do", "try", "return", "sizeof",
           "alignof", "decltype", "noexcept", "static_assert", "requires"}


def blank(text, start, end):
    """`text[start:end]` with every character but newlines made a space."""
    return "".join(c if c == "\n" else " " for c in text[start:end])


def strip_cpp(text):
    """C++ source with comments, literals and preprocessor lines blanked."""
    out = []
    i, n = 0, len(text)
    line_start = True
    while i < n:
        c = text[i]
        if line_start and c == "#":
            j = i
            while j < n and (text[j] != "\n" or text[j - 1] == "\\"):
                j += 1
            out.append(blank(text, i, j))
            i = j
            continue
        if c in " \t":
            out.append(c)
            i += 1
            continue
        line_start = c == "\n"
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
        elif c == "R" and text.startswith('"', i + 1) and not (i and (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'R"([^(\s]{0,16})\(', text[i:])
            if not m:
                out.append(c)
                i += 1
                continue
            close = ")" + m.group(1) + '"'
            j = text.find(close, i + m.end())
            j = n if j < 0 else j + len(close)
        elif c in "\"'":
            if c == "'" and i and text[i - 1].isalnum() and i + 1 < n and text[i + 1].isalnum():
                out.append(" ")  # a digit separator: 1'000'000
                i += 1
                continue
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(c + blank(text, i + 1, j - 1) + (c if j - 1 > i else ""))
            i = j
            continue
        else:
            out.append(c)
            i += 1
            continue
        out.append(blank(text, i, j))
        i = j
    return "".join(out)


REGEX_BEFORE = set("(,=:[!&|?{};+-*%<>~^") | {""}


def strip_js(text):
    """JavaScript source with comments, strings, templates and regexes blanked."""
    out = []
    i, n = 0, len(text)
    last = ""  # the last significant character written
    last_word = ""
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
        elif c == "/" and (last in REGEX_BEFORE or last_word in ("return", "typeof", "case")):
            j, in_class = i + 1, False
            while j < n and text[j] != "\n" and (in_class or text[j] != "/"):
                if text[j] == "\\":
                    j += 1
                elif text[j] == "[":
                    in_class = True
                elif text[j] == "]":
                    in_class = False
                j += 1
            j = min(j + 1, n)
            last, last_word = "x", ""
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            last, last_word = "x", ""
        elif c == "`":
            j = skip_template(text, i)
            last, last_word = "x", ""
        else:
            out.append(c)
            if not c.isspace():
                last = c if not (c.isalnum() or c in "_$") else "x"
                last_word = last_word + c if c.isalnum() or c in "_$" else ""
            i += 1
            continue
        out.append(blank(text, i, j))
        i = j
    return "".join(out)


def skip_template(text, i):
    """The end of the template literal starting at text[i] ('`'), past nested ${...}."""
    j, n = i + 1, len(text)
    while j < n and text[j] != "`":
        if text[j] == "\\":
            j += 2
        elif text.startswith("${", j):
            depth, j = 1, j + 2
            while j < n and depth:
                if text[j] == "`":
                    j = skip_template(text, j)
                    continue
                depth += {"{": 1, "}": -1}.get(text[j], 0)
                j += 1
        else:
            j += 1
    return min(j + 1, n)


def matching_paren_start(head):
    """Index of the '(' that matches the ')' ending `head`, or -1."""
    depth = 0
    for k in range(len(head) - 1, -1, -1):
        if head[k] == ")":
            depth += 1
        elif head[k] == "(":
            depth -= 1
            if depth == 0:
                return k
    return -1


LAMBDA_TAIL = re.compile(r"\s*(mutable|constexpr|noexcept|->\s*[\w:<>,&*\s]+|\s)*$")


def is_lambda(head):
    """True if `head` (the text before a '{') ends with a lambda's introducer."""
    h = head.rstrip()
    close = h.rfind("]")
    if close < 0:
        return False
    rest = h[close + 1:]
    if rest.strip().startswith("("):
        open_at = rest.index("(")
        params_end = matching_close(rest, open_at)
        if params_end < 0:
            return False
        rest = rest[params_end + 1:]
    return LAMBDA_TAIL.fullmatch(rest) is not None


def matching_close(s, open_at):
    depth = 0
    for k in range(open_at, len(s)):
        depth += {"(": 1, ")": -1}.get(s[k], 0)
        if depth == 0:
            return k
    return -1


def cpp_function_name(head):
    """The name of the function whose signature is `head`, or None if it is not one."""
    h = re.sub(r"\s+", " ", head).strip()
    if not h or "(" not in h:
        return None
    h = re.sub(r"^.*\b(public|private|protected)\s*:", "", h).strip()
    first = re.match(r"[A-Za-z_]\w*", h)
    if first and first.group(0) in CONTROL | {"namespace", "class", "struct", "union", "enum"}:
        return None
    # A constructor's initializer list: "Foo::Foo(int a) : a_(a), b_(b)".
    sig = re.split(r"\)\s*:(?!:)", h, maxsplit=1)[0] + ")" if re.search(r"\)\s*:(?!:)", h) else h
    paren = sig.find("(")
    before = sig[:paren]
    if "=" in before.replace("operator=", "").replace("==", "") and "operator" not in before:
        return None
    m = re.search(r"((?:[\w~]+::)*(?:operator\s*[^\s(]+|~?\w+))\s*$", before)
    return m.group(1) if m else None


def scan_braces(text, classify):
    """(name, first line, last line) of each function in stripped `text`.

    classify(head, open_kinds) names what the brace after `head` opens:
    ("function", name), ("scope", None) or ("block", None); `open_kinds`
    lists the kinds of the braces still open around it."""
    found = []
    stack = []  # per open brace: its kind
    starts = []  # per open brace: index of the function entry, or None
    head_from = 0
    for i, c in enumerate(text):
        if c == ";":
            head_from = i + 1
        elif c == "{":
            head = text[head_from:i]
            kind, name = classify(head, stack)
            stack.append(kind)
            if kind == "function":
                first = text.count("\n", 0, head_from + len(head) - len(head.lstrip())) + 1
                found.append([name, first, None])
                starts.append(len(found) - 1)
            else:
                starts.append(None)
            head_from = i + 1
        elif c == "}":
            if stack:
                stack.pop()
                entry = starts.pop()
                if entry is not None:
                    found[entry][2] = text.count("\n", 0, i) + 1
            head_from = i + 1
    return [tuple(f) for f in found if f[2] is not None]


def classify_cpp(head, open_kinds):
    in_function = "function" in open_kinds
    if is_lambda(head) and (in_function or "=" in head):
        return "function", "lambda"
    if in_function:
        return "block", None
    if re.search(r"\b(namespace|class|struct|union)\b[^()]*$", head) or \
       re.fullmatch(r"\s*extern\s*", head):
        return "scope", None
    name = cpp_function_name(head)
    return ("function", name) if name else ("block", None)


def scan_cpp(text):
    """(name, first line, last line) of each function in stripped C++ `text`."""
    return scan_braces(text, classify_cpp)


JS_FUNCTION = re.compile(
    r"(?:\bfunction\b\s*\*?\s*([\w$]*)\s*\([^()]*(?:\([^()]*\)[^()]*)*\)\s*$)"
    r"|(?:=>\s*$)"
    r"|(?:^\s*(?:async\s+|static\s+|get\s+|set\s+)*([\w$]+)\s*\([^()]*(?:\([^()]*\)[^()]*)*\)\s*$)",
    re.S)


def js_function_name(head):
    h = head.strip()
    m = JS_FUNCTION.search(h)
    if not m:
        return None
    if m.group(1):
        return m.group(1)
    if m.group(2):
        return None if m.group(2) in CONTROL else m.group(2)
    named = re.search(r"([\w$.]+)\s*[:=]\s*(?:async\s*)?(?:\([^()]*\)|[\w$]+)\s*=>\s*$", h)
    if named:
        return named.group(1)
    if h.endswith("=>") or re.search(r"\bfunction\b", h):
        return "(anonymous)"
    return None


def classify_js(head, _open_kinds):
    name = js_function_name(head)
    return ("function", name) if name else ("block", None)


def scan_js(text):
    """(name, first line, last line) of each function in stripped JS `text`."""
    return scan_braces(text, classify_js)


def functions(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    if path.endswith(JS_ENDINGS):
        return scan_js(strip_js(text))
    return scan_cpp(strip_cpp(text))


def source_files(paths, skip):
    for p in paths:
        if os.path.isfile(p):
            candidates = [p]
        else:
            candidates = sorted(os.path.join(d, f) for d, _, fs in os.walk(p) for f in fs)
        for c in candidates:
            if c.endswith(CPP_ENDINGS + JS_ENDINGS) and not any(os.path.normpath(c).endswith(s) for s in skip):
                yield c


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--max", type=int, default=60, help="longest allowed (default 60)")
    parser.add_argument("--fail", action="store_true", help="exit 1 if any function is longer")
    parser.add_argument("--skip", action="append", default=[],
                        help="a file to pass over (path ending), e.g. a route table")
    args = parser.parse_args()
    skip = [os.path.normpath(s) for s in args.skip]
    rows = []
    for path in source_files(args.paths, skip):
        for name, first, last in functions(path):
            length = last - first + 1
            if length > args.max:
                rows.append((length, f"{path}:{first}", name))
    rows.sort(key=lambda r: (-r[0], r[1]))
    for length, where, name in rows:
        print(f"{length:4d} {where} {name}")
    return 1 if args.fail and rows else 0


if __name__ == "__main__":
    sys.exit(main())
