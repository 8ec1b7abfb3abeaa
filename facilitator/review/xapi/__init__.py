"""Session events as xAPI 1.0.3 statements, for an organisation's Learning Record Store.

`statements` maps a session's log to statements (pure), `outbox` remembers what the LRS has
acknowledged (durable, in the data folder), `client` speaks HTTP (imported only when sending),
`push` ties them together, `config` reads the organisation's settings, `erasure` records the
voiding statements that `forget` and `purge` owe the LRS. Nothing here opens a connection
unless an endpoint is configured. See docs/xapi.md.
"""
