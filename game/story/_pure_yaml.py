"""PyYAML's pure-Python reader, made to read plain text the way libyaml does.

Without libyaml, PyYAML ends an unquoted text inside `{…}` or `[…]` at a `?`, so
`{fi: Mitä te tekisitte?, en: …}` from the format guide would not load. libyaml (and YAML 1.2)
let `?` stand inside a text; this reader does too, so a story loads the same either way.
"""

from __future__ import annotations

from yaml import SafeLoader
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
        spaces: list[str] = []
        while True:
            length = 0
            if self.peek() == "#":
                break
            while True:
                ch = self.peek(length)
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
            chunks.extend(spaces)
            chunks.append(self.prefix(length))
            self.forward(length)
            end_mark = self.get_mark()
            spaces = self.scan_plain_spaces(indent, start_mark)
            if not spaces or self.peek() == "#" or (
                not self.flow_level and self.column < indent
            ):
                break
        return ScalarToken("".join(chunks), True, start_mark, end_mark)
