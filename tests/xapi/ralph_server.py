"""Ralph, the test suite's Learning Record Store, as one uvicorn process on 127.0.0.1.

Run with the Ralph virtual environment's python (`.venv-ralph/bin/python`), never Porukka's:
`python tests/xapi/ralph_server.py PORT`. Configuration comes from the environment
(`RALPH_APP_DIR`, `RALPH_AUTH_FILE`, `RALPH_RUNSERVER_BACKEND=fs`,
`RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH`), set by the fixture in `conftest.py`.

Why a wrapper: Ralph 5.1.0's file-system backend creates its statements file on the first
write and answers every later POST with 500 ("fs_lrs.jsonl already exists"), because its
default operation type is CREATE. Setting it to APPEND before the app is imported makes the
fs backend usable for more than one request; nothing else of Ralph is changed.
"""

from __future__ import annotations

import sys

from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

import uvicorn  # noqa: E402  (after the backend is patched)
from ralph.api import app  # noqa: E402

if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning",
                access_log=False)
