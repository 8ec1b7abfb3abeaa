"""Porukka's engine: the pure story core (`game.story`) and the front ends built on it."""
