"""Issue messages for story authors: the validator's codes and the authoring tools' own.

An issue's code is its key in the interface catalogue (`game/locale`), and its params fill in the
`{name}` fields. Words that vary inside a message (a type, a kind of name, a condition problem)
are entries of their own (`word-…`), so the sentences stay whole in every language; this module
picks them.
"""

from __future__ import annotations

from typing import Any

from game.i18n import has, interface_language, t, tn

# Codes whose message depends on a count: the param holding it.
_COUNTED = {"too-few-choices": "count", "plain-texts": "n"}


def word(key: str, lang: str, **params: Any) -> str:
    """A word used inside messages (`word-<key>`), or `key` itself when there is none."""
    if not has(f"word-{key}"):
        return key
    return t(f"word-{key}", lang, **params)


def render(code: str, lang: str, params: dict[str, Any]) -> str:
    """The message for `code` in `lang` (fi, sv or en; anything else reads as English)."""
    lang = interface_language(lang)
    p = dict(params)
    if code == "wrong-type":
        p["expected"] = word(str(p.get("expected")), lang)
        p["found"] = word(str(p.get("found")), lang)
    elif code == "set-type":
        p["expected"] = word(str(p.get("expected")), lang)
    elif code == "bad-name":
        p["dash"] = word("dash", lang) if p.get("kind") in ("scene", "choice", "character") else ""
        p["kind"] = word(f"kind-{p.get('kind')}", lang)
    elif code in ("condition-syntax", "condition-type"):
        p["problem"] = word(f"cp-{p.get('problem')}", lang, text=p.get("text", ""),
                            op=p.get("op", ""))
    elif code == "bad-placeholder":
        key = f"pp-{p.get('problem')}"
        p["problem"] = word(key, lang) if has(f"word-{key}") else str(p.get("problem"))
    elif code == "asset-path":
        p["problem"] = word(f"ap-{p.get('problem')}", lang)
    elif code == "asset-type":
        p["kind"] = word(f"kind-{p.get('kind')}", lang)
    elif code == "unknown-domain":
        p["declare"] = word("declare", lang) if p.get("declare") else ""
    elif code == "scene-exit":
        p["given"] = word("given", lang, given=p["given"]) if p.get("given") else word(
            "given-none", lang)
    elif code == "duplicate-choice-id":
        p["implicit"] = word("implicit", lang) if p.get("implicit") else ""
    if not has(code):
        text = f"{code} {params}"
    elif code in _COUNTED:
        text = tn(code, int(p.pop(_COUNTED[code])), lang, **p)
    else:
        text = t(code, lang, **p)
    if p.get("hint"):
        text += word("hint", lang, hint=p["hint"])
    elif code == "unknown-key" and p.get("allowed"):
        text += word("allowed", lang, allowed=p["allowed"])
    return text
