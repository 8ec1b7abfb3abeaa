"""Twine import: a Twee 3 file becomes a Porukka story.

Passages become scenes, links become choices (one link: `goto`; none: an ending), paragraphs
become lines. Links written as macros count too: Harlowe's `(link-goto:)`, `(go-to:)` and
`(link: "…")[(go-to: "…")]`, SugarCube's `<<link>>`, `<<button>>` and `<<goto>>`, when their text
and target are written out in quotes. Twine's story formats (Harlowe, SugarCube, Snowman,
Chapbook) are programming languages; Porukka stories are not, so every other macro, script or
variable is taken out of the text and reported once with its passage and line, for the author
to rewrite by hand with Porukka's own `if`, `set` and `add`. HTML tags are taken out and counted
in one note. Nothing in the file is ever run.
"""

from __future__ import annotations

import bisect
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any

from game.story.conditions import KEYWORDS
from game.story.validate import MAX_TEXT

MAX_TWEE_BYTES = 5 * 1024 * 1024
MAX_CHOICES = 6

SPECIAL_PASSAGES = frozenset({
    "StoryInit", "StoryCaption", "StoryMenu", "StoryBanner", "StorySubtitle", "StoryAuthor",
    "StoryShare", "StoryInterface", "PassageReady", "PassageDone", "PassageHeader",
    "PassageFooter", "StoryIncludes", "StorySettings", "StoryTitle", "StoryData",
})
SKIPPED_TAGS = frozenset({
    "script", "stylesheet", "widget", "header", "footer", "startup", "debug-header",
    "debug-footer", "debug-startup", "init", "Twine.image", "Twine.private",
})

_ASCII = str.maketrans({"ä": "a", "ö": "o", "å": "a", "Ä": "a", "Ö": "o", "Å": "a", "ß": "ss",
                        "æ": "ae", "ø": "o", "Æ": "ae", "Ø": "o"})


def slug(name: str, *, allow_underscore: bool = False) -> str:
    """`Äidin luona!` → `aidin-luona`: lowercase a–z, 0–9 and '-' (ä→a, ö→o, å→a, é→e …)."""
    text = name.translate(_ASCII)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9_]+" if allow_underscore else r"[^a-z0-9]+", "-", text)
    return text.strip("-")


class Ids:
    """Unique ids from names: the first `alku` is `alku`, the next `alku-2`, then `alku-3`."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self.taken = set(taken or ())

    def make(self, name: str, fallback: str) -> str:
        base = slug(name) or fallback
        if not base[0].isalpha():
            base = f"{fallback}-{base}"
        candidate = base
        n = 1
        while candidate in self.taken or candidate in KEYWORDS:
            n += 1
            candidate = f"{base}-{n}"
        self.taken.add(candidate)
        return candidate


# --- reading Twee ------------------------------------------------------------------------------


@dataclass
class Passage:
    name: str
    tags: list[str]
    line: int  # of the `::` header, 1-based
    text: str
    metadata: str = ""


@dataclass(frozen=True)
class Note:
    """Something the import could not convert, at a line of the .twee file."""

    line: int
    column: int
    passage: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)


class TweeError(Exception):
    def __init__(self, code: str, line: int = 1, **params: Any) -> None:
        self.code = code
        self.line = line
        self.params = params
        super().__init__(code)


def _header(rest: str) -> tuple[str, list[str], str]:
    """Name, tags and metadata of a passage header (what follows `::`)."""
    name: list[str] = []
    tags = ""
    meta = ""
    i = 0
    while i < len(rest):
        c = rest[i]
        if c == "\\" and i + 1 < len(rest):
            name.append(rest[i + 1])
            i += 2
            continue
        if c == "[":
            end = rest.find("]", i)
            if end < 0:
                end = len(rest)
            tags = rest[i + 1 : end]
            i = end + 1
            brace = rest.find("{", i)
            meta = rest[brace:] if brace >= 0 else ""
            break
        if c == "{":
            meta = rest[i:]
            break
        name.append(c)
        i += 1
    return "".join(name).strip(), tags.split(), meta.strip()


def parse_twee(text: str) -> list[Passage]:
    """The passages of a Twee 3 file, in order."""
    passages: list[Passage] = []
    current: Passage | None = None
    body: list[str] = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.startswith("::"):
            if current is not None:
                current.text = "\n".join(body)
                passages.append(current)
            name, tags, meta = _header(line[2:])
            current = Passage(name, tags, n, "", meta)
            body = []
        elif current is not None:
            body.append(line[1:] if line.startswith("\\::") else line)
    if current is not None:
        current.text = "\n".join(body)
        passages.append(current)
    for p in passages:
        p.text = p.text.rstrip()
    return passages


# --- cleaning a passage's text -------------------------------------------------------------------

_BLOCKS = [
    (re.compile(r"<<script\b.*?(?:<</script>>|\Z)", re.S), "twee-script"),
    (re.compile(r"<script\b.*?(?:</script\s*>|\Z)", re.S | re.I), "twee-script"),
    (re.compile(r"<style\b.*?(?:</style\s*>|\Z)", re.S | re.I), "twee-script"),
    (re.compile(r"<!--.*?(?:-->|\Z)", re.S), "twee-comment"),
    (re.compile(r"/\*.*?(?:\*/|\Z)", re.S), "twee-comment"),
    (re.compile(r"/%.*?(?:%/|\Z)", re.S), "twee-comment"),
    (re.compile(r"<%.*?(?:%>|\Z)", re.S), "twee-snowman"),
]
_SUGARCUBE = re.compile(r"<<\s*(/?)\s*([A-Za-z_][\w-]*)?(?:[^<>\n]|<(?!<)|>(?!>))*>>")
"""A SugarCube macro, `<<name …>>` on one line. Its body may not hold `<<`: without that rule a
line of `<<` made every start scan the rest of the line (quadratic time)."""
_HARLOWE = re.compile(r"\(([A-Za-z][\w-]*):")
_MACRO_START = re.compile(r"<<\s*/?\s*[A-Za-z_]")
_QUOTED = re.compile(r"\s*(?:\"([^\"\n]*)\"|'([^'\n]*)')\s*")
_HARLOWE_LINKS = frozenset({"link-goto", "link-reveal-goto", "click-goto"})
_HARLOWE_GOTO = frozenset({"go-to", "goto"})
_HARLOWE_LINK_HOOK = frozenset({"link", "link-reveal", "link-repeat"})
_SUGARCUBE_LINKS = frozenset({"link", "button"})
_LINK_MACROS = _HARLOWE_LINKS | _HARLOWE_GOTO | _HARLOWE_LINK_HOOK
_HARLOWE_GOTO_ONLY = re.compile(
    r"\s*\((?:go-to|goto):\s*(?:\"([^\"\n]*)\"|'([^'\n]*)')\s*\)\s*", re.I)
_HTML = re.compile(r"</?([A-Za-z][\w-]*)\b[^<>\n]*>")
_INSERT = re.compile(r"\{[^{}\n]*\}")
_MODIFIER = re.compile(r"^[ \t]*\[[^\[\]\n]+\][ \t]*$", re.M)
_VARIABLE = re.compile(r"(?<![\w$])\$[A-Za-z_][\w.]*")
_SPACE_BEFORE = re.compile(r" +([.,!?;:])(?=\s|$)")
_CHAPBOOK_VARS = re.compile(r"\A(?:[^\n]*\n)*?--[ \t]*(?:\n|\Z)")


@dataclass(frozen=True)
class Link:
    text: str
    target: str
    line: int
    column: int
    jump: bool = False  # a `(go-to:)` or `<<goto>>`: the story moves on without a choice


def quoted_args(text: str, start: int = 0, end: int | None = None) -> list[str] | None:
    """The arguments of a macro, `text[start:end]`, when every one is a quoted string
    (`"a", "b"` or `"a" "b"`), else None: a computed text or target cannot be converted.
    Nothing is copied, and anything else fails at its first character (nested macros are
    not read again for each one around them)."""
    end = len(text) if end is None else end
    out: list[str] = []
    pos = start
    while pos < end:
        m = _QUOTED.match(text, pos, end)
        if m is None:
            return None
        out.append(m.group(1) if m.group(1) is not None else m.group(2))
        pos = m.end()
        if pos < end and text[pos] == ",":
            pos += 1
    return out


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def _parse_link(inner: str) -> tuple[str, str, str | None]:
    """(text, target, setter) of the inside of `[[…]]`."""
    setter = None
    if "][" in inner:
        inner, setter = inner.split("][", 1)
    if "|" in inner:
        text, target = inner.split("|", 1)
    elif "->" in inner:
        text, target = inner.rsplit("->", 1)
    elif "<-" in inner:
        target, text = inner.split("<-", 1)
    else:
        text = target = inner
    return text.strip(), target.strip(), setter


def find_links(text: str) -> list[tuple[int, int]]:
    """(start, end) of each `[[…]]` link: from `[[` to the first `]]` after it, on one line.

    A linear scan: the nearest `]]` found is remembered, so a line of ten thousand `[[` with no
    `]]` is read once, not once per `[[` (the regular expression this replaces took 50 s on a
    40 KB line).
    """
    found: list[tuple[int, int]] = []
    pos = 0
    close = -1
    while True:
        start = text.find("[[", pos)
        if start < 0:
            return found
        if close < start + 2:
            close = text.find("]]", start + 2)
            if close < 0:
                return found
        newline = text.find("\n", start + 2, close)
        if newline < 0:
            found.append((start, close + 2))
            pos = close + 2
        else:
            pos = newline + 1


def _gaps(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The stretches of a text of `length` between the given (sorted, disjoint) spans."""
    out: list[tuple[int, int]] = []
    at = 0
    for start, end in spans:
        out.append((at, start))
        at = end
    out.append((at, length))
    return out


def _bracket_ends(text: str) -> dict[int, int]:
    """For each `[`, the index just after the `]` that closes it (unclosed ones are left out):
    the bracket matching of Harlowe's hooks, for every `[` in one pass."""
    ends: dict[int, int] = {}
    stack: list[int] = []
    for i, c in enumerate(text):
        if c == "[":
            stack.append(i)
        elif c == "]" and stack:
            ends[stack.pop()] = i + 1
    return ends


class _Parens:
    """Where the `(` of each Harlowe macro closes (just after its `)`), or -1, in linear time
    overall. Quoted text inside the parentheses is skipped.

    A scan from one `(` also settles every `(` it meets outside quotes (a scan started there
    would run the same way), so those are remembered. Scans that run to the end of the text
    unclosed are capped: after a few, an unknown `(` counts as unclosed too.
    """

    MAX_OPEN_SCANS = 8

    def __init__(self, text: str) -> None:
        self.text = text
        self.known: dict[int, int] = {}
        self.open_scans = 0

    def close(self, start: int) -> int:
        found = self.known.get(start)
        if found is not None:
            return found
        if self.open_scans >= self.MAX_OPEN_SCANS:
            return -1
        text = self.text
        stack: list[int] = []
        quote: str | None = None
        for i in range(start, len(text)):
            c = text[i]
            if quote:
                if c == quote:
                    quote = None
                continue
            if c in "\"'":
                quote = c
            elif c == "(":
                stack.append(i)
            elif c == ")":
                self.known[stack.pop()] = i + 1
                if not stack:
                    return i + 1
        self.open_scans += 1
        for opened in stack:
            self.known[opened] = -1
        return -1


class _Cleaner:
    """Takes the unsupported parts out of a passage's text, keeping every offset in place."""

    def __init__(self, passage: Passage) -> None:
        self.p = passage
        self.text = passage.text
        self.chars = list(passage.text)
        self.notes: list[Note] = []
        self.links: list[Link] = []
        self.html = 0  # HTML tags taken out: counted, said once for the whole file
        self.first_html: int | None = None
        self._line_starts: list[int] = []

    def where(self, offset: int) -> tuple[int, int]:
        row = self.row(offset)
        return self.p.line + 1 + row, offset - self._line_starts[row] + 1

    def row(self, offset: int) -> int:
        """0-based line of `offset` within the passage (a binary search: many notes on a
        long passage must not each count the lines before them)."""
        if not self._line_starts:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        return bisect.bisect_right(self._line_starts, offset) - 1

    def note(self, offset: int, code: str, **params: Any) -> None:
        line, col = self.where(offset)
        self.notes.append(Note(line, col, self.p.name, code, params))

    def current(self) -> str:
        return "".join(self.chars)

    def run(self) -> str:
        m = _CHAPBOOK_VARS.match(self.text)
        if m and re.search(r"^[\w.]+(?: \([^)\n]*\))?[ \t]*:", self.text, re.M):
            self.note(0, "twee-chapbook-vars")
            _blank(self.chars, 0, m.end())
        for pattern, code in _BLOCKS:
            for m in pattern.finditer(self.current()):
                if m.group().strip():
                    self.note(m.start(), code, text=_excerpt(m.group()))
                    _blank(self.chars, m.start(), m.end())
        for m in _SUGARCUBE.finditer(self.current()):
            if not m.group(1):
                self._sugarcube(m.start(), m.group(), (m.group(2) or "").lower())
            _blank(self.chars, m.start(), m.end())
        self._long_macros()
        self._links()
        self._harlowe()
        for m in _HTML.finditer(self.current()):
            self.html += 1
            if self.first_html is None:
                self.first_html = m.start()
            _blank(self.chars, m.start(), m.end())
        for m in _INSERT.finditer(self.current()):
            self.note(m.start(), "twee-insert", text=_excerpt(m.group()))
            _blank(self.chars, m.start(), m.end())
        for m in _MODIFIER.finditer(self.current()):
            self.note(m.start() + m.group().index("["), "twee-modifier",
                      text=_excerpt(m.group().strip()))
            _blank(self.chars, m.start(), m.end())
        for m in _VARIABLE.finditer(self.current()):
            self.note(m.start(), "twee-variable", text=m.group())
        self.links.sort(key=lambda link: (link.line, link.column))
        return self.current()

    def _sugarcube(self, start: int, whole: str, name: str) -> None:
        """A one-line SugarCube macro: a link or goto becomes a Link, anything else a note."""
        args = whole[2:-2].strip()[len(name):].strip() if name else ""
        if name in _SUGARCUBE_LINKS or name == "goto":
            link = self._sugarcube_link(args, name == "goto")
            if link is not None:
                line, col = self.where(start)
                self.links.append(Link(link[0], link[1], line, col, jump=name == "goto"))
                return
            self.note(start, "twee-link-macro", text=_excerpt(whole))
            return
        self.note(start, "twee-macro", text=_excerpt(whole))

    @staticmethod
    def _sugarcube_link(args: str, jump: bool) -> tuple[str, str] | None:
        """(text, target) of `<<link "text" "Target">>`, `<<link [[text|Target]]>>` or
        `<<goto "Target">>`; None when the target is computed or missing."""
        if args.startswith("[[") and args.endswith("]]") and args.count("[[") == 1:
            text, target, setter = _parse_link(args[2:-2])
            return (text or target, target) if target and setter is None else None
        quoted = quoted_args(args)
        if quoted is None:
            return None
        if jump and len(quoted) == 1 and quoted[0].strip():
            return quoted[0].strip(), quoted[0].strip()
        if not jump and len(quoted) == 2 and quoted[1].strip():
            return quoted[0].strip() or quoted[1].strip(), quoted[1].strip()
        return None

    def _long_macros(self) -> None:
        """SugarCube macros over several lines (`<<set _list = [` … `]>>`): each is one note and
        leaves nothing behind. From each `<<` to the first `>>`, unless another `<<` comes
        first; every character is read a bounded number of times."""
        text = self.current()
        pos = 0
        close = -1
        while True:
            start = text.find("<<", pos)
            if start < 0:
                return
            if not _MACRO_START.match(text, start):
                pos = start + 2
                continue
            if close < start + 2:
                close = text.find(">>", start + 2)
                if close < 0:
                    return
            nested = text.find("<<", start + 2, close)
            if nested >= 0:
                pos = nested
                continue
            whole = text[start:close + 2]
            if not whole[2:].lstrip().startswith("/"):
                self.note(start, "twee-macro", text=_excerpt(whole))
            _blank(self.chars, start, close + 2)
            pos = close + 2

    def _links(self) -> None:
        text = self.current()
        lines_with_text: set[int] = set()
        found = find_links(text)
        stripped = "".join(text[a:b] for a, b in _gaps(found, len(text)))
        # a line that holds nothing but links is a menu of choices: it leaves no text behind
        for n, kept in enumerate(stripped.split("\n")):
            if kept.strip():
                lines_with_text.add(n)
        for start, end in found:
            whole = text[start:end]
            label, target, setter = _parse_link(whole[2:-2])
            line, col = self.where(start)
            if setter is not None:
                self.note(start, "twee-setter", text=_excerpt(whole))
            if not target:
                self.note(start, "twee-empty-link", text=whole)
            else:
                self.links.append(Link(label or target, target, line, col))
            row = self.row(start)
            _blank(self.chars, start, end)
            if row in lines_with_text:
                for i, c in enumerate(label):
                    if start + i < end:
                        self.chars[start + i] = c if c != "\n" else " "

    def _harlowe(self) -> None:
        # Blanking changes nothing the search or the matching reads beyond `pos`, so the text
        # is read once (joining it again after each macro took quadratic time).
        text = self.current()
        parens = _Parens(text)
        brackets = _bracket_ends(text)
        pos = 0
        while True:
            m = _HARLOWE.search(text, pos)
            if m is None:
                return
            end = parens.close(m.start())
            if end < 0:
                end = m.end()
            name = m.group(1).lower()
            hook = end
            while hook < len(text) and text[hook] in " \t":
                hook += 1
            close = -1
            if hook < len(text) and text[hook] == "[" and not text.startswith("[[", hook):
                close = brackets.get(hook, -1)
            if self._harlowe_link(name, m.start(), end, text, hook, close):
                pos = close if name in _HARLOWE_LINK_HOOK else end
                continue
            self.note(m.start(), "twee-link-macro" if name in _LINK_MACROS else "twee-macro",
                      text=_excerpt(text[m.start():end]))
            _blank(self.chars, m.start(), end)
            if close > 0:
                self.chars[hook] = " "
                self.chars[close - 1] = " "
            pos = end

    def _harlowe_link(self, name: str, start: int, end: int, text: str, hook: int,
                      close: int) -> bool:
        """Harlowe's links written as macros become Links: `(link-goto: "text", "Target")`,
        `(link-goto: "Target")`, `(go-to: "Target")` and `(link: "text")[(go-to: "Target")]`.
        False when this macro is not one of them (or its text or target is computed)."""
        if name not in _LINK_MACROS or text[end - 1] != ")":
            return False
        args = quoted_args(text, start + len(name) + 2, end - 1)
        if not args or not all(a.strip() for a in args):
            return False
        line, col = self.where(start)
        if name in _HARLOWE_LINKS and len(args) in (1, 2):
            self.links.append(Link(args[0].strip(), args[-1].strip(), line, col))
            _blank(self.chars, start, end)
            return True
        if name in _HARLOWE_GOTO and len(args) == 1:
            self.links.append(Link(args[0].strip(), args[0].strip(), line, col, jump=True))
            _blank(self.chars, start, end)
            return True
        if name in _HARLOWE_LINK_HOOK and len(args) == 1 and close > 0:
            inner = _HARLOWE_GOTO_ONLY.fullmatch(text, hook + 1, close - 1)
            if inner is None:
                return False
            target = inner.group(1) if inner.group(1) is not None else inner.group(2)
            if not target.strip():
                return False
            self.links.append(Link(args[0].strip(), target.strip(), line, col))
            _blank(self.chars, start, close)
            return True
        return False


def _excerpt(text: str, limit: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


_EMPHASIS = [
    # Each body stops at the next opening mark, so no start scans the rest of the text.
    re.compile(r"''(?=\S)((?:(?!'').)+?)(?<=\S)''"),  # Harlowe and SugarCube bold
    re.compile(r"(?<![:/])//(?=\S)((?:(?!//).)+?)(?<=\S)//"),  # Harlowe and SugarCube italics
    re.compile(r"\*\*(?=\S)((?:(?!\*\*).)+?)(?<=\S)\*\*"),  # Markdown bold (Chapbook, Snowman)
]


def emphasis(text: str) -> str:
    """Twine's bold and italics become Porukka's one kind of emphasis, `*text*`."""
    for pattern in _EMPHASIS:
        text = pattern.sub(r"*\1*", text)
    return text


def literal(text: str) -> str:
    """Text shown as it is: Porukka reads `{name}` as a variable, so braces are doubled."""
    return text.replace("{", "{{").replace("}", "}}")


def paragraphs(text: str) -> list[str]:
    """Blocks separated by blank lines, each on one line, braces doubled for Porukka."""
    out: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text):
        flat = emphasis(_SPACE_BEFORE.sub(r"\1", " ".join(block.split())))
        if not flat:
            continue
        flat = literal(flat)
        while len(flat) > MAX_TEXT:
            cut = flat.rfind(". ", 0, MAX_TEXT - 1)
            cut = cut + 1 if cut > MAX_TEXT // 2 else flat.rfind(" ", 0, MAX_TEXT - 1)
            if cut <= 0:
                cut = MAX_TEXT - 1
            out.append(flat[:cut].strip())
            flat = flat[cut:].strip()
        if flat:
            out.append(flat)
    return out


# --- converting ----------------------------------------------------------------------------------


@dataclass
class Conversion:
    story_id: str
    title: str
    data: dict[str, Any]
    notes: list[Note] = field(default_factory=list)
    scenes: int = 0

    def yaml(self, source_name: str, header: str | None = None) -> str:
        """The story as YAML text, with a comment (`header`) saying where it came from."""
        from ruamel.yaml import YAML
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        def build(value: Any, flow: bool = False) -> Any:
            if isinstance(value, dict):
                m = CommentedMap()
                for k, v in value.items():
                    m[k] = build(v, flow or k in ("end", "languages"))
                if flow:
                    m.fa.set_flow_style()
                return m
            if isinstance(value, list):
                s = CommentedSeq(build(v, flow) for v in value)
                if flow:
                    s.fa.set_flow_style()
                return s
            return value

        doc = build(self.data)
        doc.yaml_set_start_comment(header or (
            f"Converted from {source_name} by 'porukka import-twee'.\n"
            "Check the notes it printed, then run 'porukka validate' on this file."))
        scenes = doc["scenes"]
        for i, sid in enumerate(list(scenes)):
            if i:
                scenes.yaml_set_comment_before_after_key(sid, before="\n", indent=2)
        yaml = YAML(typ="rt")
        yaml.width = 100
        yaml.indent(mapping=2, sequence=4, offset=2)
        buf = io.StringIO()
        yaml.dump(doc, buf)
        return buf.getvalue().replace("\n# \n", "\n\n")


def _story_data(passages: list[Passage], notes: list[Note]) -> dict[str, Any]:
    for p in passages:
        if p.name == "StoryData":
            try:
                data = json.loads(p.text or "{}")
            except ValueError:
                notes.append(Note(p.line + 1, 1, p.name, "twee-bad-storydata"))
                return {}
            return data if isinstance(data, dict) else {}
    return {}


def convert(text: str, *, story_id: str, lang: str = "fi") -> Conversion:
    """Convert Twee 3 text into story data (a dict ready to dump as story.yaml)."""
    passages = parse_twee(text)
    notes: list[Note] = []
    if not passages:
        raise TweeError("twee-no-passages")
    meta = _story_data(passages, notes)
    title = next((p.text.strip() for p in passages if p.name == "StoryTitle"), "") or story_id
    story_passages: list[Passage] = []
    for p in passages:
        skipped = [t for t in p.tags if t in SKIPPED_TAGS]
        if p.name in ("StoryTitle", "StoryData"):
            continue
        if p.name in SPECIAL_PASSAGES or skipped:
            notes.append(Note(p.line, 1, p.name, "twee-special",
                              {"why": ", ".join(skipped) or p.name}))
            continue
        story_passages.append(p)
    if not story_passages:
        raise TweeError("twee-no-passages")
    ids = Ids()
    by_name: dict[str, str] = {}
    for p in story_passages:
        if p.name in by_name:
            notes.append(Note(p.line, 1, p.name, "twee-duplicate-passage"))
            continue
        by_name[p.name] = ids.make(p.name, "kohtaus")
    start_name = meta.get("start") if isinstance(meta.get("start"), str) else None
    if start_name not in by_name:
        if start_name:
            notes.append(Note(1, 1, "StoryData", "twee-no-start", {"name": start_name}))
        start_name = "Start" if "Start" in by_name else story_passages[0].name
    scenes: dict[str, Any] = {}
    done: set[str] = set()
    html = 0
    first_html: Note | None = None
    for p in story_passages:
        if p.name in done:
            continue
        done.add(p.name)
        cleaner = _Cleaner(p)
        lines = paragraphs(cleaner.run())
        notes.extend(cleaner.notes)
        if cleaner.first_html is not None and first_html is None:
            line, col = cleaner.where(cleaner.first_html)
            first_html = Note(line, col, p.name, "twee-html-removed", {"n": 0})
        html += cleaner.html
        links: list[Link] = []
        for link in cleaner.links:
            if link.target not in by_name:
                notes.append(Note(link.line, link.column, p.name, "twee-broken-link",
                                  {"target": link.target}))
            else:
                links.append(link)
        jumps = [link for link in links if link.jump]
        if jumps and len(links) > 1:
            notes.append(Note(jumps[0].line, jumps[0].column, p.name, "twee-goto-among-links",
                              {"target": jumps[0].target}))
        if len(links) > MAX_CHOICES:
            extra = links[MAX_CHOICES]
            notes.append(Note(extra.line, extra.column, p.name, "twee-too-many-links",
                              {"count": len(links), "limit": MAX_CHOICES}))
            links = links[:MAX_CHOICES]
        scene: dict[str, Any] = {}
        if len(links) == 0:
            if not lines:
                lines = [literal(p.name)]
                notes.append(Note(p.line, 1, p.name, "twee-empty-passage"))
            scene["lines"] = lines
            scene["end"] = {"title": literal(p.name), "mood": "open"}
        elif len(links) == 1:
            if not lines:
                lines = [literal(links[0].text)]
            scene["lines"] = lines
            scene["goto"] = by_name[links[0].target]
        else:
            scene["lines"] = lines
            scene["choices"] = _choices(links, by_name)
        scenes[by_name[p.name]] = scene
    if first_html is not None:
        notes.append(replace(first_html, params={"n": html}))
    data: dict[str, Any] = {
        "format": 1,
        "id": story_id,
        "title": literal(title),
        "languages": [lang],
        "start": by_name[start_name],
        "scenes": scenes,
    }
    notes.sort(key=lambda n: (n.line, n.column))
    return Conversion(story_id, title, data, notes, len(scenes))


def _choices(links: list[Link], by_name: dict[str, str]) -> list[dict[str, Any]]:
    targets = [by_name[link.target] for link in links]
    repeated = {t for t in targets if targets.count(t) > 1}
    ids = Ids({t for t in targets if t not in repeated})
    out: list[dict[str, Any]] = []
    for link, target in zip(links, targets, strict=True):
        choice: dict[str, Any] = {}
        if target in repeated:
            choice["id"] = ids.make(link.text, "valinta")
        choice["text"] = literal(link.text)
        choice["goto"] = target
        out.append(choice)
    return out


def story_id_for(name: str) -> str:
    """A story id ([a-z0-9-], at most 64) from a folder or file name."""
    base = slug(name)[:64].strip("-")
    return base or "tarina"
