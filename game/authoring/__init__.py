"""Tools for story authors: the story map, story tests, translations, Twine import."""
