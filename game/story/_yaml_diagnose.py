"""What a YAML syntax error means for someone who has never seen YAML, and where to fix it.

Runs only after the parser has failed. It reads the parser's problem and context (the same for
libyaml and PyYAML's pure-Python reader, whose phrases differ) and looks at the source lines
themselves: a tab, curly quotes, a word without its colon. The position it gives is where the
author has to type the fix, which is often the parser's *context* mark, not its problem mark.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .issues import Issue

SMART_QUOTES = "”“„‘’‚«»"
_KEY = re.compile(r"([^\W\d][\w-]*|\"[^\"]*\"|'[^']*'):(?:\s+|$)")
_WORD_KEY = re.compile(r"[^\W\d][\w-]*\Z")
TEXT_KEYS = frozenset("text title description guide discuss label unit name if goto who".split())
KNOWN_KEYS = frozenset(
    "format id title description guide languages start variables characters domains scenes "
    "lines text who if choices goto end discuss set add reflect timer background music sound "
    "mood initial min max show label unit name color image".split()
)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _value_start(line: str) -> int:
    """Index where the value on a `key: value` or `- value` line starts."""
    i = _indent(line)
    while line.startswith("- ", i) or line[i:] == "-":
        i += 2
        while i < len(line) and line[i] == " ":
            i += 1
    m = _KEY.match(line, i)
    if m:
        i = m.end()
    return min(i, len(line))


def _key_of(line: str) -> str | None:
    i = _indent(line)
    while line.startswith("- ", i):
        i += 2
    m = _KEY.match(line, i)
    return m.group(1) if m else None


def _dq(text: str) -> str:
    """Text to show inside double quotes in a hint."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _sq(text: str) -> str:
    return text.replace("'", "''")


def _strip_comment(text: str) -> str:
    cut = text.find(" #")
    return text[:cut].rstrip() if cut >= 0 else text.rstrip()


class _Finder:
    def __init__(self, text: str, file: str, exc: yaml.MarkedYAMLError) -> None:
        self.lines = [ln.rstrip("\r") for ln in text.split("\n")]
        self.file = file
        self.problem = exc.problem or ""
        self.context = exc.context or ""
        pm = exc.problem_mark or exc.context_mark
        cm = exc.context_mark
        self.pl: int = pm.line if pm else 0
        self.pc: int = pm.column if pm else 0
        self.cl: int = cm.line if cm else self.pl
        self.cc: int = cm.column if cm else self.pc

    def line(self, n: int) -> str:
        return self.lines[n] if 0 <= n < len(self.lines) else ""

    def found(
        self, code: str, line: int, col: int, end: int | None = None, /, **params: Any
    ) -> Issue:
        text = self.line(line)
        col = max(0, min(col, len(text)))
        end_col = None if end is None else max(end, col) + 2
        return Issue(self.file, line + 1, col + 1, "error", code, params,
                     end_line=line + 1 if end_col else None, end_column=end_col, excerpt=text)

    def value_issue(self, code: str, line: int, quote: str = "dq", **params: Any) -> Issue:
        text = self.line(line)
        vs = _value_start(text)
        value = _strip_comment(text[vs:])
        shown = _sq(value) if quote == "sq" else _dq(value)
        return self.found(code, line, vs, vs + max(len(value), 1) - 1, text=shown, **params)

    def prev_content(self, n: int) -> int | None:
        """The nearest line above `n` that has content (not blank, not only a comment)."""
        for k in range(n - 1, -1, -1):
            body = self.lines[k].strip()
            if body and not body.startswith("#"):
                return k
        return None

    # --- the classes, most specific first ---

    def find(self) -> Issue:
        for rule in (self.tab, self.nbsp, self.quotes, self.smart_quotes, self.flow,
                     self.special_start, self.quote_inside, self.dash_in_text, self.glued_dash,
                     self.simple_key, self.colon_in_text, self.block):
            found = rule()
            if found is not None:
                return found
        return self.found("yaml-other", self.pl, self.pc, None, problem=self.problem)

    def tab(self) -> Issue | None:
        if "tab" not in self.problem and "\t" not in self.problem and not (
            "cannot start any token" in self.problem and self.line(self.pl)[self.pc:][:1] == "\t"
        ):
            candidates = [self.pl, self.cl]
        else:
            candidates = [self.pl, self.cl, self.pl - 1]
        for n in candidates:
            text = self.line(n)
            lead = text[: len(text) - len(text.lstrip(" \t"))]
            if "\t" in lead:
                return self.found("yaml-tab", n, lead.index("\t"))
        return None

    def nbsp(self) -> Issue | None:
        """A no-break space (from a web page or Word) where the layout needs a plain one."""
        for n in dict.fromkeys((self.pl, self.cl, self.pl - 1)):
            text = self.line(n)
            lead = len(text) - len(text.lstrip(" \u00a0"))
            at = text.find("\u00a0")
            if at < 0:
                continue
            if at < lead or text[at - 1 : at] in (":", "-"):
                return self.found("yaml-nbsp", n, at, None)
        return None

    def glued_dash(self) -> Issue | None:
        """`-text: ...` in a list whose other items start with '- '."""
        for n in dict.fromkeys((self.pl, self.prev_content(self.pl) or 0, self.cl)):
            text = self.line(n)
            body = text.lstrip(" ")
            if not re.match(r"-[^\s\d.-]", body):
                continue
            above = self.prev_content(n)
            siblings = [k for k in range(n) if self.lines[k].lstrip(" ").startswith("- ")
                        and _indent(self.lines[k]) == _indent(text)]
            if siblings or (above is not None and self.line(above).rstrip().endswith(":")):
                return self.found("yaml-dash-space", n, _indent(text) + 1, None,
                                  rest=_strip_comment(body[1:]))
        return None

    def quotes(self) -> Issue | None:
        if "quoted scalar" not in self.context:
            return None
        text = self.line(self.cl)
        quote = text[self.cc : self.cc + 1] or '"'
        if "escape" in self.problem:
            k = text.rfind("\\", self.cc, max(self.pc, self.cc + 1) + 1)
            if k < 0:
                k = text.find("\\", self.cc)
            char = text[k + 1 : k + 2] if k >= 0 else ""
            inner = text[self.cc + 1 :]
            inner = inner[: inner.rfind('"')] if '"' in inner else inner
            return self.found("yaml-backslash", self.cl, self.cc, None, char=char,
                              text=_sq(inner))
        rest = text[self.cc + 1 :].rstrip()
        other = "'" if quote == '"' else '"'
        if rest.endswith(other):
            return self.found("yaml-quote-mismatch", self.cl, len(rest) + self.cc, None,
                              quote=quote, other=other)
        return self.found("yaml-unclosed-quote", self.cl, len(text.rstrip()), None, quote=quote)

    def smart_quotes(self) -> Issue | None:
        for n in (self.pl, self.cl):
            text = self.line(n)
            for i, ch in enumerate(text):
                if ch in SMART_QUOTES:
                    vs = _value_start(text)
                    value = _strip_comment(text[vs:]).strip(SMART_QUOTES + " ")
                    return self.found("yaml-smart-quotes", n, i, None, char=ch,
                                      text=_dq(value))
        return None

    def flow(self) -> Issue | None:
        if "flow" not in self.context:
            return None
        open_line = self.line(self.cl)
        hash_at = open_line.find(" #", self.cc)
        if hash_at >= 0:
            start = hash_at + 1
            value = _strip_comment(open_line[start:].replace(" #", "  ", 1)).rstrip("}] ")
            value = open_line[start:].split(",")[0].rstrip("}] ")
            return self.found("yaml-hash-in-braces", self.cl, start, None, text=_dq(value))
        text = self.line(self.pl)
        if self.pl > self.cl:
            # The bracket opened on the context line is never closed.
            opened = self._open_brackets(open_line)
            if opened:
                closing = "".join("}" if b == "{" else "]" for b in reversed(opened))
                return self.found("yaml-unclosed-bracket", self.cl, len(open_line.rstrip()),
                                  None, closing=closing)
        char = text[self.pc : self.pc + 1] or "?"
        # The text that holds the offending mark starts after the nearest `{`, `[`, `,` or `: `.
        start = self.cc + 1 if self.pl == self.cl and text[self.cc : self.cc + 1] in "{[" else 0
        for k in range(min(self.pc, len(text)) - 1, start - 1, -1):
            if text[k] in "{[," or (text[k] == ":" and text[k + 1 : k + 2] == " " and k < self.pc
                                   and not self._inside_value(text, k)):
                start = k + 1
                break
        while start < len(text) and text[start] == " ":
            start += 1
        end = len(text)
        depth = 0
        for k in range(start, len(text)):
            if text[k] in "{[":
                depth += 1
            elif text[k] in "}]" and depth:
                depth -= 1
            elif text[k] in ",}]" and k >= self.pc:
                end = k
                break
        value = text[start:end].rstrip()
        return self.found("yaml-braces-text", self.pl, start, start + len(value) - 1,
                          char=char, text=_dq(value))

    @staticmethod
    def _open_brackets(text: str) -> str:
        """The brackets still open at the end of `text`, outside quotes."""
        stack: list[str] = []
        quote = ""
        for ch in text:
            if quote:
                quote = "" if ch == quote else quote
            elif ch in "'\"":
                quote = ch
            elif ch in "{[":
                stack.append(ch)
            elif ch in "}]" and stack:
                stack.pop()
            elif ch == "#":
                break
        return "".join(stack)

    @staticmethod
    def _inside_value(text: str, k: int) -> bool:
        """Whether the `: ` at `k` comes after a key's own `: ` in the same flow entry."""
        j = k - 1
        while j >= 0 and text[j] not in "{[,":
            if text[j] == ":" and text[j + 1 : j + 2] == " ":
                return True
            j -= 1
        return False

    def special_start(self) -> Issue | None:
        if "alias" in self.context or "anchor" in self.context:
            text = self.line(self.cl)
            char = text[self.cc : self.cc + 1]
            return self.value_issue("yaml-special-start", self.cl, char=char)
        if "cannot start any token" in self.problem:
            text = self.line(self.pl)
            return self.value_issue("yaml-special-start", self.pl, char=text[self.pc : self.pc + 1])
        text = self.line(self.pl)
        vs = _value_start(text)
        if text[vs : vs + 1] in ("{", "[") and self.pc > vs and (
            "block" in self.context or "expected" in self.problem
        ):
            return self.value_issue("yaml-brace-start", self.pl, char=text[vs])
        return None

    def quote_inside(self) -> Issue | None:
        text = self.line(self.pl)
        vs = _value_start(text)
        quote = text[vs : vs + 1]
        if quote not in ("'", '"') or self.pc <= vs:
            return None
        end = text.find(quote, vs + 1)
        if quote == "'":
            while 0 <= end < len(text) - 1 and text[end + 1] == "'":
                end = text.find("'", end + 2)
        if end < 0 or end >= self.pc:
            return None
        inner = text[vs + 1 :].rstrip()
        inner = inner[:-1] if inner.endswith(quote) else inner
        if quote == '"':
            return self.found("yaml-quote-inside", self.pl, end, None, text=_sq(inner))
        return self.found("yaml-apostrophe-inside", self.pl, end, None, text=_dq(inner))

    def dash_in_text(self) -> Issue | None:
        if "sequence entries are not allowed" not in self.problem:
            return None
        return self.value_issue("yaml-dash-in-text", self.pl)

    def simple_key(self) -> Issue | None:
        if "expected ':'" not in self.problem:
            return None
        n = self.cl
        text = self.line(n)
        body = text.strip()
        ind = _indent(text)
        if re.match(r"-[^\s-]", body):
            return self.found("yaml-dash-space", n, ind + 1, None, rest=_strip_comment(body[1:]))
        m = re.match(r"([^\W\d][\w-]*):(\S.*)", body)
        if m:
            return self.found("yaml-colon-space", n, ind + len(m.group(1)) + 1, None,
                              key=m.group(1), value=_strip_comment(m.group(2)))
        above = self.prev_content(n)
        if above is not None:
            prev = self.line(above)
            prev_key = _key_of(prev)
            prev_value = _strip_comment(prev[_value_start(prev):]) if prev_key else ""
            words = body.split()
            first = words[0] if words else ""
            looks_like_key = first in KNOWN_KEYS or (len(words) <= 2 and bool(
                _WORD_KEY.match(first)) and not body.endswith((".", "!", "?", ",")))
            if prev_key and prev_value and not prev_value.startswith(("'", '"', "|", ">")) \
                    and not looks_like_key:
                return self.found("yaml-continuation", n, ind, None, key=prev_key,
                                  like=above + 1)
            if prev.rstrip().endswith(":") and not looks_like_key:
                key = _key_of(prev)
                if key in TEXT_KEYS:
                    return self.found("yaml-continuation", n, ind, None, key=key,
                                      like=above + 1)
                return self.found("yaml-missing-dash", n, ind, None, like=above + 1)
        word = body.split()[0] if body.split() else body
        return self.found("yaml-missing-colon", n, ind + len(word), None, word=word)

    def colon_in_text(self) -> Issue | None:
        if "mapping values are not allowed" not in self.problem:
            return None
        n = self.pl
        above = self.prev_content(n)
        text = self.line(n)
        if _key_of(text) is not None and self.pc >= _value_start(text):
            return self.value_issue("yaml-colon-in-text", n)
        if above is not None:
            prev = self.line(above)
            prev_key = _key_of(prev)
            inner = _indent(prev)
            while prev.startswith("- ", inner):
                inner += 2
            # A line indented deeper than a plain text above it is read as that text's end.
            if not prev.rstrip().endswith(":") and (
                _indent(text) > inner if prev_key is not None else _indent(text) > _indent(prev)
            ):
                like = self._sibling(n, _indent(text))
                expected = _indent(self.line(like)) if like is not None else _indent(prev)
                return self.found("yaml-continued", n, 0, max(_indent(text) - 1, 0),
                                  like=(like if like is not None else above) + 1,
                                  expected=expected, found=_indent(text))
            start = self._scalar_start(n)
            if start is not None:
                body = self.line(start).strip()
                word = body.split()[0]
                return self.found("yaml-missing-colon", start, _indent(self.line(start))
                                  + len(word), None, word=word)
        return self.value_issue("yaml-colon-in-text", n)

    def _like_key(self, n: int) -> tuple[int, int] | None:
        """The line above whose key the key on line `n` should line up with, and its column.

        Only the keys that enclose line `n` are candidates (each less indented than the one
        below it): the same key if one of them is it (another `goto:`), for a name opening a
        block (a scene, a variable) the nearest such name, else the one closest in indentation.
        """
        text = self.line(n)
        key = _key_of(text)
        found = _indent(text)
        opens = text.rstrip().endswith(":")
        chain: list[tuple[int, int, str]] = []
        limit = 1 << 30
        for k in range(n - 1, -1, -1):
            other = self.lines[k]
            okey = _key_of(other)
            if okey is None:
                continue
            col = _indent(other)
            while other.startswith("- ", col):
                col += 2
            if col < limit:
                chain.append((k, col, okey))
                limit = col
        if not chain:
            return None
        for k, col, okey in chain:
            if okey == key:
                return k, col
        if key not in KNOWN_KEYS and opens:
            for k, col, okey in chain:
                if okey not in KNOWN_KEYS and self.lines[k].rstrip().endswith(":"):
                    return k, col
        k, col, _ = min(chain, key=lambda c: (abs(c[1] - found), -c[1]))
        return k, col

    def _scalar_start(self, n: int) -> int | None:
        """The line above `n` where a text without its colon began and swallowed line `n`."""
        indent = _indent(self.line(n))
        for k in range(n - 1, -1, -1):
            other = self.lines[k]
            body = other.strip()
            if not body or body.startswith("#") or _indent(other) > indent:
                continue
            if ":" not in body and not body.startswith("- "):
                return k
            return None
        return None

    def _sibling(self, n: int, indent: int) -> int | None:
        """The nearest line above `n` that a line indented by `indent` should line up with."""
        text = self.line(n)
        is_item = text.lstrip(" ").startswith("- ")
        for k in range(n - 1, -1, -1):
            other = self.lines[k]
            body = other.strip()
            if not body or body.startswith("#"):
                continue
            if is_item and body.startswith("- "):
                return k
            if not is_item and _key_of(other) is not None:
                return k
        return None

    def block(self) -> Issue | None:
        if "block" not in self.context and "<block end>" not in self.problem:
            return None
        n = self.pl
        text = self.line(n)
        found = _indent(text)
        is_item = text.lstrip(" ").startswith("- ")
        if is_item and not any(self.lines[k].lstrip(" ").startswith("- ")
                               and _indent(self.lines[k]) == found for k in range(n)):
            same = [k for k in range(n) if _indent(self.lines[k]) == found
                    and _key_of(self.lines[k]) is not None]
            if same:
                return self.found("yaml-stray-dash", n, found, found + 1, like=same[-1] + 1)
        if is_item:
            item = self._sibling(n, found)
            match = None if item is None else (item, _indent(self.line(item)))
        else:
            match = self._like_key(n)
        if match is None:
            return self.found("yaml-structure", n, found, None)
        like, expected = match
        if expected == found:
            return self.found("yaml-structure", n, found, None)
        return self.found("yaml-indent", n, 0, max(found - 1, 0), found=found,
                          expected=expected, like=like + 1)


def diagnose(text: str, file: str, exc: yaml.MarkedYAMLError) -> Issue:
    """One Issue for a syntax error, in the author's terms, at the place to fix."""
    return _Finder(text, file, exc).find()


def decoding_issue(raw: bytes, file: str) -> Issue | None:
    """A clearer finding for a file saved in a legacy encoding, or None."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Issue(file, 1, 1, "error", "file-utf16", {})
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return None
    for n, line in enumerate(text.split("\n")):
        for i, ch in enumerate(line):
            if ch in "äöåÄÖÅéü":
                return Issue(file, n + 1, i + 1, "error", "file-latin1", {},
                             excerpt=line.rstrip("\r"))
    return None
