"""Benchmark of xAPI sending, run on demand: `python tests/bench/bench_xapi.py [--sessions N]`.

1. Throughput: `--sessions` (default 1,000) simulated sessions, then one `porukka xapi push
   --include-simulated` (the real command, its own process) to a local Ralph LRS on 127.0.0.1
   (file-system backend, as in the tests): statements acknowledged per second, wall clock of the
   whole push (reading the logs, making the statements, HTTP, the outbox's fsyncs).
2. Nothing waiting: `porukka xapi push` again, when the LRS has everything, against the start-up
   of `porukka --help`; median of `--repeat` runs each, and their ratio.

Ralph's fs backend reads its whole statements file for the duplicate check of every request,
so its cost grows with what it holds; an LRS on Elasticsearch, MongoDB or ClickHouse does not.
Needs the Ralph virtual environment (`.venv-ralph/`, made when missing, as in the tests).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from facilitator.simulation.engine import SimOptions, Simulation, builtin_stories  # noqa: E402
from tests.xapi.conftest import START, Ralph  # noqa: E402


def porukka(data: Path, env: dict[str, str], *args: str) -> tuple[float, str]:
    # As installed: bytecode cached (a checkout run with PYTHONDONTWRITEBYTECODE compiles
    # every module at every start, which would measure the compiler, not Porukka).
    full = {**{k: v for k, v in os.environ.items()
               if not k.startswith(("PORUKKA_LRS_", "PORUKKA_XAPI_"))
               and k != "PYTHONDONTWRITEBYTECODE"},
            "PORUKKA_DATA_DIR": str(data), "PYTHONPATH": str(ROOT), **env}
    t0 = time.perf_counter()
    res = subprocess.run([sys.executable, str(ROOT / "launcher.py"), *args], env=full,
                         capture_output=True, text=True)
    took = time.perf_counter() - t0
    if res.returncode != 0:
        raise SystemExit(f"porukka {' '.join(args)} failed:\n{res.stderr}")
    return took, res.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=1000)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--individual", action="store_true", help="individual statements on")
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}")
    with tempfile.TemporaryDirectory(prefix="bench-xapi-") as tmp:
        data = Path(tmp) / "data"
        t0 = time.perf_counter()
        Simulation(SimOptions(stories=tuple(builtin_stories()), group="Bench",
                              sessions=args.sessions, seed=7),
                   root=data, start=START, writer="thread").run()
        print(f"simulated {args.sessions} sessions in {time.perf_counter() - t0:.1f} s")
        lrs = Ralph(Path(tmp) / "ralph")
        lrs.start()
        try:
            env = lrs.env_for(PORUKKA_XAPI_BATCH=str(args.batch),
                              PORUKKA_XAPI_BASE_IRI="https://bench.example/xapi",
                              **({"PORUKKA_XAPI_INDIVIDUAL": "on"} if args.individual else {}))
            took, out = porukka(data, env, "xapi", "push", "--include-simulated", "--lang", "en")
            sent = len({s["id"] for s in lrs.stored()})
            print(out.strip())
            print(f"push: {sent} statements in {took:.1f} s = {sent / took:.0f} statements/s "
                  f"(batch {args.batch}; {sent / args.sessions:.1f} per session)")
            porukka(data, {}, "--help")  # warm: bytecode written, files in the page cache
            idle = [porukka(data, env, "xapi", "push", "--include-simulated")[0]
                    for _ in range(args.repeat + 1)][1:]
            helps = [porukka(data, {}, "--help")[0] for _ in range(args.repeat)]
            i, h = statistics.median(idle), statistics.median(helps)
            print(f"push with nothing waiting: {i * 1000:.0f} ms (median of {args.repeat}); "
                  f"porukka --help: {h * 1000:.0f} ms; ratio {i / h:.1f}")
            print(json.dumps({"sessions": args.sessions, "statements": sent,
                              "push_s": round(took, 2), "statements_per_s": round(sent / took),
                              "idle_push_ms": round(i * 1000), "help_ms": round(h * 1000)}))
        finally:
            lrs.stop()


if __name__ == "__main__":
    main()
