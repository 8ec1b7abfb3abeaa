"""Picture files that lie about their size (issue 14), for the validator's and the window's
tests. Nothing here is decodable at the size it claims; the tests only read headers."""

from __future__ import annotations

import struct
import zlib


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png(width: int, height: int) -> bytes:
    """A PNG (signature, IHDR, an empty IDAT, IEND) claiming the given size."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr)
            + _png_chunk(b"IDAT", zlib.compress(b"")) + _png_chunk(b"IEND", b""))


def _sof(width: int, height: int) -> bytes:
    body = struct.pack(">BHHB", 8, height, width, 3) + b"\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    return b"\xff\xc0" + struct.pack(">H", len(body) + 2) + body


def _sos() -> bytes:
    body = b"\x03\x01\x00\x02\x11\x03\x11\x00\x3f\x00"
    return b"\xff\xda" + struct.pack(">H", len(body) + 2) + body


def jpeg_with_decoy(width: int = 40000, height: int = 40000, real: bytes | None = None) -> bytes:
    """A JPEG whose real frame is `width`×`height`, dressed to look 100×100 to a naive reader.

    With `real` (a whole JPEG file), that picture follows the disguise instead, so a decoder
    can show which frame it really uses.

    After the start marker comes a fill byte (0xFF) before a comment marker: a reader that
    takes the fill byte for a marker reads the next two bytes as a segment length and jumps
    into the comment, where a small decoy frame waits. A reader that follows the format skips
    the fill byte, skips the whole comment by its length and finds the real frame after it.
    """
    comment_length = 0xFFF0  # the length field counts itself
    naive_jump = 2 + 2 + 0xFEFF  # where the naive reader lands: the marker, length, "payload"
    head = b"\xff\xd8" + b"\xff" + b"\xff\xfe" + struct.pack(">H", comment_length)
    payload = bytearray(comment_length - 2)
    at = naive_jump - len(head)
    decoy = _sof(100, 100)
    payload[at:at + len(decoy)] = decoy
    rest = real[2:] if real is not None else _sof(width, height) + _sos() + b"\x00" * 64
    return head + bytes(payload) + b"\xff" + rest


def jpeg(width: int, height: int) -> bytes:
    """A plain JPEG header claiming the given size."""
    return b"\xff\xd8" + _sof(width, height) + _sos() + b"\x00" * 64


def svg(attributes: str, body: str = "") -> bytes:
    return f'<svg xmlns="http://www.w3.org/2000/svg" {attributes}>{body}</svg>'.encode()
