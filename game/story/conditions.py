"""The condition language of `if:` — a tiny, safe expression language with its own parser.

    expr    := or
    or      := and ("or" and)*
    and     := not ("and" not)*
    not     := "not" not | compare
    compare := sum (("==" | "!=" | "<" | "<=" | ">" | ">=") sum)?
    sum     := unary (("+" | "-") unary)*
    unary   := "-" unary | atom
    atom    := NUMBER | "true" | "false" | NAME | "seen" "(" SCENE_ID ")" | "(" expr ")"

Expressions are parsed once, type-checked against the story's variables, and compiled into
closures; nothing is ever passed to `eval`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Set
from dataclasses import dataclass
from typing import Any, Literal, Union

from .limits import (
    MAX_CONDITION_CHARS,
    MAX_CONDITION_DEPTH,
    MAX_CONDITION_TOKENS,
    MAX_NUMBER,
    shown_number,
)

KEYWORDS = frozenset({"and", "or", "not", "true", "false", "seen"})
NAME_RE = re.compile(r"[^\W\d]\w*\Z")
SCENE_ID_RE = re.compile(r"[^\W\d][\w-]*\Z")

Type = Literal["number", "bool"]


class ConditionError(Exception):
    """A condition that does not parse or type-check; `column` is 1-based within the text."""

    def __init__(self, code: str, column: int, **params: Any) -> None:
        self.code = code
        self.column = column
        self.params = params
        super().__init__(f"{code} at column {column}: {params}")


# --- tokens -----------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<num>\d+(?![\w]))
  | (?P<op>==|!=|<=|>=|<|>|=|\+|-|\(|\))
  | (?P<name>[^\W\d][\w-]*)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # "num", "op", "name", "end"
    text: str
    col: int  # 0-based


_PREFIX_AFTER = frozenset({"(", "==", "!=", "<=", ">=", "<", ">", "=", "+", "-",
                           "and", "or", "not"})
"""After these (or at the start) a '-' is a minus sign in front of something, not a subtraction."""


def tokenize(source: str) -> list[Token]:
    """The tokens of `source`, refusing what is longer, deeper or bigger than the limits.

    The limits are enforced here, before any recursive descent, so no condition can bring the
    parser (or the checker, compiler and evaluator that walk its tree) near Python's recursion
    limit: the tree is at most MAX_CONDITION_TOKENS nodes deep.
    """
    if len(source) > MAX_CONDITION_CHARS:
        raise ConditionError("condition-too-long", 1, length=len(source),
                             limit=MAX_CONDITION_CHARS)
    tokens: list[Token] = []
    levels = [0]  # the nesting level at which each open parenthesis's contents start
    run = 0  # prefix operators ('not', minus) in a row just before the current token
    prev = ""
    pos = 0
    n = len(source)
    while pos < n:
        m = _TOKEN.match(source, pos)
        if m is None:
            raise ConditionError("condition-syntax", pos + 1, problem="char", text=source[pos])
        kind = m.lastgroup
        text = m.group()
        if kind == "name" and "-" in text:
            # A '-' belongs to a name only inside seen(...); elsewhere it is a minus sign.
            text = text.split("-", 1)[0]
            end = pos + len(text)
        else:
            end = m.end()
        if kind != "ws":
            if len(tokens) >= MAX_CONDITION_TOKENS:
                raise ConditionError("condition-too-complex", pos + 1,
                                     limit=MAX_CONDITION_TOKENS)
            if kind == "num":
                digits = text.lstrip("0") or "0"
                if len(digits) > len(str(MAX_NUMBER)) or int(digits) > MAX_NUMBER:
                    raise ConditionError("number-range", pos + 1, shown=shown_number(text),
                                         limit=MAX_NUMBER)
            prefix = text == "not" or (text == "-" and prev in _PREFIX_AFTER)
            if prefix or text == "(":
                run += 1
                if levels[-1] + run > MAX_CONDITION_DEPTH:
                    raise ConditionError("condition-too-deep", pos + 1,
                                         limit=MAX_CONDITION_DEPTH)
                if text == "(":
                    levels.append(levels[-1] + run)
                    run = 0
            else:
                run = 0
                if text == ")" and len(levels) > 1:
                    levels.pop()
            tokens.append(Token(kind or "", text, pos))
            prev = text
        pos = end
    tokens.append(Token("end", "", n))
    return tokens


# --- syntax tree ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Num:
    value: int
    col: int


@dataclass(frozen=True, slots=True)
class Bool:
    value: bool
    col: int


@dataclass(frozen=True, slots=True)
class Var:
    name: str
    col: int


@dataclass(frozen=True, slots=True)
class Seen:
    scene: str
    col: int  # of the scene id


@dataclass(frozen=True, slots=True)
class Not:
    operand: Node
    col: int


@dataclass(frozen=True, slots=True)
class Neg:
    operand: Node
    col: int


@dataclass(frozen=True, slots=True)
class BinOp:
    op: str
    left: Node
    right: Node
    col: int  # of the operator


Node = Union[Num, Bool, Var, Seen, Not, Neg, BinOp]

_COMPARE = ("==", "!=", "<", "<=", ">", ">=")


class _Parser:
    def __init__(self, source: str) -> None:
        self.source = source
        self.tokens = tokenize(source)
        self.i = 0

    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def take(self) -> Token:
        t = self.tokens[self.i]
        self.i += 1
        return t

    def error(self, tok: Token, problem: str) -> ConditionError:
        return ConditionError("condition-syntax", tok.col + 1, problem=problem, text=tok.text)

    def parse(self) -> Node:
        if self.tok.kind == "end":
            raise ConditionError("condition-syntax", 1, problem="empty", text="")
        node = self.or_()
        if self.tok.kind != "end":
            raise self.error(self.tok, "unexpected")
        return node

    def or_(self) -> Node:
        node = self.and_()
        while self.tok.kind == "name" and self.tok.text == "or":
            t = self.take()
            node = BinOp("or", node, self.and_(), t.col)
        return node

    def and_(self) -> Node:
        node = self.not_()
        while self.tok.kind == "name" and self.tok.text == "and":
            t = self.take()
            node = BinOp("and", node, self.not_(), t.col)
        return node

    def not_(self) -> Node:
        if self.tok.kind == "name" and self.tok.text == "not":
            t = self.take()
            return Not(self.not_(), t.col)
        return self.compare()

    def compare(self) -> Node:
        node = self.sum()
        if self.tok.kind == "op" and self.tok.text in _COMPARE:
            t = self.take()
            node = BinOp(t.text, node, self.sum(), t.col)
            if self.tok.kind == "op" and self.tok.text in _COMPARE:
                raise self.error(self.tok, "chained")
        elif self.tok.kind == "op" and self.tok.text == "=":
            raise self.error(self.tok, "single-equals")
        return node

    def sum(self) -> Node:
        node = self.unary()
        while self.tok.kind == "op" and self.tok.text in ("+", "-"):
            t = self.take()
            node = BinOp(t.text, node, self.unary(), t.col)
        return node

    def unary(self) -> Node:
        if self.tok.kind == "op" and self.tok.text == "-":
            t = self.take()
            return Neg(self.unary(), t.col)
        return self.atom()

    def atom(self) -> Node:
        t = self.tok
        if t.kind == "num":
            self.take()
            return Num(int(t.text), t.col)
        if t.kind == "op" and t.text == "(":
            self.take()
            node = self.or_()
            if not (self.tok.kind == "op" and self.tok.text == ")"):
                raise self.error(self.tok, "close-paren")
            self.take()
            return node
        if t.kind == "name":
            if t.text == "true" or t.text == "false":
                self.take()
                return Bool(t.text == "true", t.col)
            if t.text == "seen":
                return self.seen()
            if t.text in KEYWORDS:
                raise self.error(t, "keyword")
            self.take()
            return Var(t.text, t.col)
        if t.kind == "end":
            raise self.error(t, "missing-operand")
        raise self.error(t, "unexpected")

    def seen(self) -> Node:
        start = self.take()
        if not (self.tok.kind == "op" and self.tok.text == "("):
            raise self.error(self.tok if self.tok.kind != "end" else start, "seen-paren")
        self.take()
        # Scene ids may contain '-', so read the raw id from the source text.
        m = re.compile(r"\s*([^\W\d][\w-]*)\s*\)").match(self.source, self.tok.col)
        if m is None:
            raise self.error(self.tok, "seen-id")
        col = m.start(1)
        scene = m.group(1)
        # Skip the tokens that the id and the closing parenthesis covered.
        end = m.end()
        while self.tok.kind != "end" and self.tok.col < end:
            self.take()
        return Seen(scene, col)


def parse(source: str) -> Node:
    """Parse a condition; raises ConditionError with a 1-based column into `source`."""
    return _Parser(source).parse()


# --- printing (for round trips and messages) --------------------------------------------

_PREC = {"or": 1, "and": 2, "not": 3, **{op: 4 for op in _COMPARE}, "+": 5, "-": 5, "neg": 6}


def unparse(node: Node) -> str:
    """Source text that parses back to the same tree (columns aside)."""
    return _unparse(node, 0)


def _unparse(node: Node, outer: int) -> str:
    if isinstance(node, Num):
        return str(node.value)
    if isinstance(node, Bool):
        return "true" if node.value else "false"
    if isinstance(node, Var):
        return node.name
    if isinstance(node, Seen):
        return f"seen({node.scene})"
    if isinstance(node, Not):
        text, prec = f"not {_unparse(node.operand, _PREC['not'])}", _PREC["not"]
    elif isinstance(node, Neg):
        text, prec = f"-{_unparse(node.operand, _PREC['neg'])}", _PREC["neg"]
    else:
        prec = _PREC[node.op]
        # Left-associative chains keep the left side at the same level; comparisons don't chain.
        left_prec = prec if node.op not in _COMPARE else prec + 1
        text = f"{_unparse(node.left, left_prec)} {node.op} {_unparse(node.right, prec + 1)}"
    return f"({text})" if prec < outer else text


# --- type checking ------------------------------------------------------------------------


def check(node: Node, variables: Mapping[str, Type], scenes: Set[str] | Mapping[str, Any]) -> Type:
    """The type of `node`; raises ConditionError for unknown names and type errors."""
    if isinstance(node, Num):
        return "number"
    if isinstance(node, Bool):
        return "bool"
    if isinstance(node, Var):
        if node.name not in variables:
            raise ConditionError("unknown-variable", node.col + 1, name=node.name,
                                 known=sorted(variables))
        return variables[node.name]
    if isinstance(node, Seen):
        if node.scene not in scenes:
            raise ConditionError("unknown-scene", node.col + 1, name=node.scene,
                                 known=sorted(scenes))
        return "bool"
    if isinstance(node, Not):
        if check(node.operand, variables, scenes) != "bool":
            raise ConditionError("condition-type", node.col + 1, problem="not-number")
        return "bool"
    if isinstance(node, Neg):
        if check(node.operand, variables, scenes) != "number":
            raise ConditionError("condition-type", node.col + 1, problem="arith-bool")
        return "number"
    left = check(node.left, variables, scenes)
    right = check(node.right, variables, scenes)
    op = node.op
    if op in ("and", "or"):
        if left != "bool" or right != "bool":
            raise ConditionError("condition-type", node.col + 1, problem="logic-number", op=op)
        return "bool"
    if op in ("+", "-"):
        if left != "number" or right != "number":
            raise ConditionError("condition-type", node.col + 1, problem="arith-bool", op=op)
        return "number"
    if left != right:
        raise ConditionError("condition-type", node.col + 1, problem="mixed-compare", op=op)
    if op not in ("==", "!=") and left == "bool":
        raise ConditionError("condition-type", node.col + 1, problem="order-bool", op=op)
    return "bool"


def check_condition(
    source: str, variables: Mapping[str, Type], scenes: Set[str] | Mapping[str, Any]
) -> Node:
    """Parse and type-check a whole `if:`; it must be true/false, not a number."""
    node = parse(source)
    if check(node, variables, scenes) != "bool":
        raise ConditionError("condition-type", 1, problem="not-bool")
    return node


# --- compiling ----------------------------------------------------------------------------

Env = Mapping[str, Any]
Evaluator = Callable[[Env, Set[str]], Any]


def compile_node(node: Node) -> Evaluator:
    """A closure `(variables, seen) -> value` for a checked tree."""
    if isinstance(node, Num) or isinstance(node, Bool):
        value = node.value
        return lambda env, seen: value
    if isinstance(node, Var):
        name = node.name
        return lambda env, seen: env[name]
    if isinstance(node, Seen):
        scene = node.scene
        return lambda env, seen: scene in seen
    if isinstance(node, Not):
        f = compile_node(node.operand)
        return lambda env, seen: not f(env, seen)
    if isinstance(node, Neg):
        f = compile_node(node.operand)
        return lambda env, seen: -f(env, seen)
    a = compile_node(node.left)
    b = compile_node(node.right)
    op = node.op
    if op == "and":
        return lambda env, seen: a(env, seen) and b(env, seen)
    if op == "or":
        return lambda env, seen: a(env, seen) or b(env, seen)
    if op == "+":
        return lambda env, seen: a(env, seen) + b(env, seen)
    if op == "-":
        return lambda env, seen: a(env, seen) - b(env, seen)
    if op == "==":
        return lambda env, seen: a(env, seen) == b(env, seen)
    if op == "!=":
        return lambda env, seen: a(env, seen) != b(env, seen)
    if op == "<":
        return lambda env, seen: a(env, seen) < b(env, seen)
    if op == "<=":
        return lambda env, seen: a(env, seen) <= b(env, seen)
    if op == ">":
        return lambda env, seen: a(env, seen) > b(env, seen)
    return lambda env, seen: a(env, seen) >= b(env, seen)


def evaluate(node: Node, variables: Env, seen: Set[str]) -> Any:
    """Evaluate without compiling (slow path for tests and one-offs)."""
    return compile_node(node)(variables, seen)
