"""Reading many logs at once (a group's report, an export) without the cyclic collector.

Reading a hundred sessions makes hundreds of thousands of small objects (parsed JSON, typed
records) that hold no reference cycles: reference counting frees what is not kept. While
they are alive, though, the cyclic collector keeps promoting them and now and then walks the
whole heap (tens of milliseconds each time, a third of a group report's time measured), for
no garbage at all. `collector_paused` switches it off for such a read and back on after. A
group's report (`review.load.group_page`) keeps it off until the page is written and what was
read is let go: refcounting frees all of it, so the collector has next to nothing left to walk
when it runs again.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cyclic garbage collector off (as it was before, after)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
