"""Where a built wheel puts the built-in stories and the shared assets (see game.resources).

In a checkout this package is empty: pyproject.toml maps the top-level `stories/` and `assets/`
folders into it (as `game._builtin.stories` and `game._builtin.assets`) only when a wheel is
built, so the project keeps its layout and an installed copy still carries its content.
"""
