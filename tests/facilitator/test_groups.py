"""Groups and participants: nicknames only, markers told apart without colour, history kept."""

from __future__ import annotations

import json

import pytest

from facilitator.errors import InvalidInput, LogVersionError, NotFound
from facilitator.groups import PALETTE, SHAPES, GroupStore, Marker
from game.play.controller import COLOURS as UI_COLOURS
from game.play.controller import SHAPES as UI_SHAPES


@pytest.fixture
def groups() -> GroupStore:
    return GroupStore.in_memory()


def test_palette_is_eight_distinct_colours_each_with_its_own_shape():
    assert len(PALETTE) == 8
    assert len({m.colour for m in PALETTE}) == 8
    assert SHAPES == ("circle", "square", "triangle", "diamond", "star", "hexagon", "cross",
                      "heart")
    # The same pairs as the play screen draws.
    assert tuple(m.colour for m in PALETTE) == UI_COLOURS
    assert SHAPES == UI_SHAPES


def test_participants_get_free_markers_then_the_least_used(groups):
    g = groups.create_group("Tiistairyhmä")
    people = [groups.add_participant(g.id, f"Nimi{i}") for i in range(10)]
    assert [p.marker for p in people[:8]] == list(PALETTE)
    assert people[8].marker == PALETTE[0] and people[9].marker == PALETTE[1]
    groups.leave(people[2].id)
    assert groups.free_marker(g.id) == PALETTE[2]


def test_ids_are_random_and_stable(groups):
    g = groups.create_group("Tiistairyhmä")
    p = groups.add_participant(g.id, "Kettu")
    renamed = groups.rename_participant(p.id, "Repolainen")
    assert renamed.id == p.id and renamed.nickname == "Repolainen"
    other = GroupStore.in_memory().create_group("Tiistairyhmä")
    assert other.id != g.id


def test_leaving_keeps_the_participant_and_rejoining_brings_them_back(groups):
    g = groups.create_group("Ryhmä")
    a = groups.add_participant(g.id, "Kettu")
    b = groups.add_participant(g.id, "Susi")
    left = groups.leave(a.id)
    assert not left.active and left.left is not None
    assert [p.id for p in groups.participants(g.id)] == [b.id]
    assert [p.id for p in groups.participants(g.id, include_left=True)] == [a.id, b.id]
    assert groups.nicknames([a.id, b.id]) == {a.id: "Kettu", b.id: "Susi"}
    back = groups.rejoin(a.id)
    assert back.active and back.left is None


def test_nicknames_are_unique_within_a_group_ignoring_case(groups):
    g = groups.create_group("Ryhmä")
    groups.add_participant(g.id, "Kettu")
    with pytest.raises(InvalidInput) as err:
        groups.add_participant(g.id, "  kettu ")
    assert err.value.code == "nickname-taken"
    h = groups.create_group("Toinen")
    groups.add_participant(h.id, "Kettu")


def test_group_names_are_checked_and_unique(groups):
    groups.create_group("Tiistairyhmä")
    with pytest.raises(InvalidInput):
        groups.create_group("tiistairyhmä")
    with pytest.raises(InvalidInput):
        groups.create_group("ryhma@kunta.fi")
    assert groups.find_group("TIISTAIRYHMÄ").name == "Tiistairyhmä"


def test_a_chosen_marker_must_be_free_while_any_is(groups):
    g = groups.create_group("Ryhmä")
    a = groups.add_participant(g.id, "Kettu")
    with pytest.raises(InvalidInput) as err:
        groups.add_participant(g.id, "Susi", marker=a.marker)
    assert err.value.code == "marker-taken"
    b = groups.add_participant(g.id, "Susi", marker=PALETTE[5])
    assert b.shape == "hexagon"
    assert groups.set_marker(b.id, PALETTE[6]).shape == "cross"
    with pytest.raises(InvalidInput):
        groups.set_marker(b.id, Marker("#123456", "x", "blob"))


def test_unknown_ids(groups):
    with pytest.raises(NotFound):
        groups.group("g-nope")
    with pytest.raises(NotFound):
        groups.participant("p-nope")
    with pytest.raises(NotFound):
        groups.add_participant("g-nope", "Kettu")


def test_groups_persist_in_a_private_file(tmp_path):
    path = tmp_path / "groups.json"
    store = GroupStore(path)
    g = store.create_group("Ryhmä")
    p = store.add_participant(g.id, "Kettu")
    again = GroupStore(path)
    assert again.participant(p.id) == p
    # beside it only the (empty) lock that makes one writer at a time, private too
    assert sorted(x.name for x in tmp_path.iterdir()) == ["groups.json", "groups.json.lock"]
    assert all(x.stat().st_mode & 0o077 == 0 for x in tmp_path.iterdir())
    assert again.remove_participant(p.id)
    assert GroupStore(path).nicknames([p.id]) == {}


def test_an_unknown_groups_file_version_is_refused(tmp_path):
    path = tmp_path / "groups.json"
    GroupStore(path).create_group("Ryhmä")
    data = json.loads(path.read_text())
    data["meta"]["1"]["version"] = 9
    path.write_text(json.dumps(data))
    with pytest.raises(LogVersionError, match="version 9"):
        GroupStore(path)
