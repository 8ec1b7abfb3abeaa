"""The session log: durable storage, the typed event log and the recorder."""
