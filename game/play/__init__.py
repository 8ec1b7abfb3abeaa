"""The group's side of a story: votes, ballots, turns, ties and the counsellor's actions.

Pure logic: no pygame. The views render it and turn input into calls on it.
"""
