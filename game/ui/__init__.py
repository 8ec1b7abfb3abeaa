"""The pygame front end: what the group sees on the shared screen, and the counsellor's controls.

Importing this package imports pygame; the story core (`game.story`) never does.
"""
