"""Session events as xAPI 1.0.3 statements, for an organisation's Learning Record Store.

`statements` maps a session's log to statements (pure; `_records` is the one place that reads
the log's records), `outbox` remembers what the LRS has acknowledged (durable, in the data
folder), `client` speaks HTTP (imported only when sending), `push` ties them together
(`_quick` answers "nothing waits" cheaply), `config` reads the organisation's settings,
`pseudonym` keeps the key of the individual statements' pseudonyms, `erasure` records the
voiding statements that `forget` and `purge` owe the LRS, `after_session` sends from the game,
`commands` is the command line and `strings` its texts. Nothing here opens a connection unless
an endpoint is configured. See docs/xapi.md.
"""
