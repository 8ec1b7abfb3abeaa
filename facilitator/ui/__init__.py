"""The facilitator's screens on the game's UI toolkit: session set-up, the reflection and
feedback, resuming an interrupted session (`session.install` wires them into the game)."""
