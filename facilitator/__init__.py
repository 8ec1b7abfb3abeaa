"""The application around the engine: groups, sessions, the log, reflection and review."""
