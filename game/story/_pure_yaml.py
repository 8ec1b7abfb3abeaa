"""PyYAML's pure-Python reader, made to read plain text the way libyaml does.

Without libyaml, PyYAML ends an unquoted text inside `{…}` or `[…]` at a `?`, so
`{fi: Mitä te tekisitte?, en: …}` from the format guide would not load, and it refuses a tab
between words, where libyaml reads a blank. This reader does as libyaml does in both, so a story
loads the same either way. It also refuses what libyaml refuses: a ':' right before a
bracket or comma inside `{…}` and a tag glued to `[`, `]` or `,`.
"""

from __future__ import annotations

from yaml import SafeLoader
from yaml.error import Mark
from yaml.scanner import ScannerError
from yaml.tokens import ScalarToken

_BREAKS = "\0 \t\r\n\x85\u2028\u2029"


class PureSafeLoader(SafeLoader):
    """SafeLoader whose plain scalars end where libyaml's do."""

    def scan_plain(self) -> ScalarToken:
        # PyYAML's own scan_plain, except that '?' does not end a text in a flow collection.
        chunks: list[str] = []
        start_mark = self.get_mark()
        end_mark = start_mark
        indent = self.indent + 1
        spaces: list[str] | None = []
        while True:
            length = 0
            if self.peek() == "#":
                break
            while True:
                ch = self.peek(length)
                if self.flow_level and ch == ":" and self.peek(length + 1) in ",?[]{}":
                    self.forward(length)
                    raise ScannerError("while scanning a plain scalar", start_mark,
                                       "found unexpected ':'", self.get_mark())
                if (
                    ch in _BREAKS
                    or (ch == ":" and self.peek(length + 1)
                        in _BREAKS + (",[]{}" if self.flow_level else ""))
                    or (self.flow_level and ch in ",[]{}")
                ):
                    break
                length += 1
            if length == 0:
                break
            self.allow_simple_key = False
            chunks.extend(spaces or [])
            chunks.append(self.prefix(length))
            self.forward(length)
            end_mark = self.get_mark()
            spaces = self.scan_plain_spaces(indent, start_mark)
            if not spaces or self.peek() == "#" or (
                not self.flow_level and self.column < indent
            ):
                break
        return ScalarToken("".join(chunks), True, start_mark, end_mark)

    def scan_to_next_token(self) -> None:
        # As libyaml: a tab separates tokens inside a line, though it may not indent one.
        if self.index == 0 and self.peek() == "\ufeff":
            self.forward()
        found = False
        while not found:
            while self.peek() == " " or (
                self.peek() == "\t" and (self.flow_level or not self.allow_simple_key)
            ):
                self.forward()
            if self.peek() == "#":
                while self.peek() not in "\0\r\n\x85\u2028\u2029":
                    self.forward()
            if self.scan_line_break():
                if not self.flow_level:
                    self.allow_simple_key = True
            else:
                found = True

    def scan_plain_spaces(self, indent: int, start_mark: Mark) -> list[str] | None:
        # PyYAML's own, except that tabs are blanks too, as in libyaml, unless they indent.
        chunks: list[str] = []
        length = 0
        while self.peek(length) in " \t":
            length += 1
        whitespaces = self.prefix(length)
        self.forward(length)
        ch = self.peek()
        if ch in "\r\n\x85\u2028\u2029":
            line_break = self.scan_line_break()
            self.allow_simple_key = True
            if self._document_mark():
                return None
            breaks: list[str] = []
            while self.peek() in " \t\r\n\x85\u2028\u2029":
                if self.peek() == " ":
                    self.forward()
                elif self.peek() == "\t":
                    if self.column < indent:
                        raise ScannerError("while scanning a plain scalar", start_mark,
                                           "found a tab character that violates indentation",
                                           self.get_mark())
                    self.forward()
                else:
                    breaks.append(self.scan_line_break())
                    if self._document_mark():
                        return None
            if line_break != "\n":
                chunks.append(line_break)
            elif not breaks:
                chunks.append(" ")
            chunks.extend(breaks)
        elif whitespaces:
            chunks.append(whitespaces)
        return chunks

    def _document_mark(self) -> bool:
        prefix = self.prefix(3)
        return prefix in ("---", "...") and self.peek(3) in _BREAKS

    def scan_tag_uri(self, name: str, start_mark: Mark) -> str:
        # libyaml ends a tag at ',', '[' and ']', and then wants a blank after it.
        chunks: list[str] = []
        length = 0
        ch = self.peek(length)
        while ch.isascii() and (ch.isalnum() or ch in "-;/?:@&=+$_.!~*'()%"):
            if ch == "%":
                chunks.append(self.prefix(length))
                self.forward(length)
                length = 0
                chunks.append(self.scan_uri_escapes(name, start_mark))
            else:
                length += 1
            ch = self.peek(length)
        if length:
            chunks.append(self.prefix(length))
            self.forward(length)
            length = 0
        if not chunks:
            raise ScannerError(f"while parsing a {name}", start_mark,
                               f"expected URI, but found {ch!r}", self.get_mark())
        return "".join(chunks)
