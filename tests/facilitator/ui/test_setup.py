"""The session set-up: a group and nicknames typed in, presence, options, the session started."""

from __future__ import annotations

import pygame
import pytest

from facilitator.ui.setup import NewGroupView, SessionOptionsView, SetupView
from game.ui.views.menu import MenuView
from game.ui.views.play import PlayView


def open_setup(d):
    assert isinstance(d.top, MenuView)
    d.key(pygame.K_RETURN)
    assert isinstance(d.top, SetupView)
    return d.top


def test_a_group_and_participants_typed_in_then_a_session_starts(menu, store):
    d, fac = menu(store)
    view = open_setup(d)
    assert view.focus == "new-group"  # nothing exists yet: the first thing to do
    assert d.shown("Vain lempinimiä – ei oikeita nimiä.")  # the rule, said plainly
    d.key(pygame.K_RETURN)
    assert isinstance(d.top, NewGroupView)
    d.type("Tiistai")
    d.type("ryhmä")
    d.key(pygame.K_RETURN)
    assert d.top is view and view.group is not None and view.group.name == "Tiistairyhmä"
    assert view.focus == "field"
    for name in ("Kettu", "Susi", "Ilves"):
        d.type(name)
        d.key(pygame.K_RETURN)
    assert [p.nickname for p in view.people] == ["Kettu", "Susi", "Ilves"]
    # an invalid nickname: the error in the user's language, nothing added
    d.type("kettu@example.com")
    d.key(pygame.K_RETURN)
    assert d.shown("Tämä näyttää sähköpostiosoitteelta")
    assert len(store.groups.participants(view.group.id)) == 3
    d.key(pygame.K_ESCAPE)  # clears the field
    assert view.field.text == "" and not d.shown("sähköpostiosoitteelta")
    # Susi is not here today: up from the field to the last participant, then to Susi
    d.key(pygame.K_UP, n=2)
    assert view.focus == f"p:{view.people[1].id}"
    d.key(pygame.K_RETURN)
    assert view.status(view.people[1]) == "absent"
    assert d.shown("Paikalla 2")
    d.key(pygame.K_TAB, n=5)  # Ilves, field, Add, Back, Next
    assert view.focus == "next"
    d.key(pygame.K_RETURN)
    assert isinstance(d.top, SessionOptionsView)
    d.key(pygame.K_UP, n=2)  # from Start to the vote mode
    while d.top.options[1].value != "secret":
        d.key(pygame.K_RIGHT)
    d.key(pygame.K_DOWN, n=2)
    d.key(pygame.K_RETURN)
    assert isinstance(d.top, PlayView)
    assert [type(v).__name__ for v in d.app.views] == ["MenuView", "PlayView"]
    sessions = store.list_sessions()
    assert len(sessions) == 1
    s = sessions[0]
    assert s.status == "in-progress" and s.vote_mode == "secret" and s.reflection == "private"
    assert s.present_nicknames == ("Kettu", "Ilves") and s.language == "fi"
    assert [p.nickname for p in d.top.c.participants] == ["Kettu", "Ilves"]
    assert d.top.c.listener is fac.run.session.recorder
    fac.shutdown()


@pytest.mark.parametrize(("lang", "text"), [
    ("sv", "Det ser ut som en e-postadress"),
    ("en", "That looks like an e-mail address"),
])
def test_a_nickname_error_is_said_in_the_users_language(menu, store, group, lang, text):
    d, _ = menu(store, ui_lang=lang)
    open_setup(d)
    d.top.focus = "field"
    d.type("a@b.fi")
    d.key(pygame.K_RETURN)
    assert d.shown(text)


def test_someone_leaves_the_group_and_rejoins(menu, store, group, people):
    d, _ = menu(store)
    view = open_setup(d)
    kettu = view.people[0]
    view.focus = f"p:{kettu.id}"
    d.key(pygame.K_RIGHT, n=2)  # here → not today → has left the group
    assert not store.groups.participant(kettu.id).active
    assert d.shown("lähtenyt ryhmästä")
    d.key(pygame.K_RIGHT)  # → here today again
    assert store.groups.participant(kettu.id).active
    assert view.status(view.people[0]) == "present"


def test_usual_defaults_make_a_start_two_keys_away(menu, store, group, people, loaded):
    other = store.groups.create_group("Torstairyhmä")
    store.groups.add_participant(other.id, "Orava")
    store.start(group.id, [p.id for p in people], loaded, vote_mode="gamepads",
                reflection="skip", language="sv").end()
    d, fac = menu(store)
    view = open_setup(d)
    assert view.group.id == group.id  # the last group used, not the newest one
    assert view.focus == "next"
    assert {p.id for p in view.present_people()} == {p.id for p in people}
    d.key(pygame.K_RETURN)
    options = d.top
    assert [o.value for o in options.options] == ["sv", "gamepads", "skip"]
    d.key(pygame.K_RETURN)
    assert isinstance(d.top, PlayView) and d.top.c.vote_mode == "gamepads"
    fac.shutdown()


def test_mouse_only(menu, store, group, people):
    d, fac = menu(store)
    d.redraw()
    card = d.top.cards[0][0]
    d.click(card.center)
    view = d.top
    assert isinstance(view, SetupView)
    d.redraw()
    row = next(r for r, item, step in view.hits if item == f"p:{people[0].id}" and step == 0)
    d.click((row.left + 10, row.centery))  # the row itself toggles presence
    assert view.status(view.people[0]) == "absent"
    right = next(r for r, item, step in view.hits if item == f"p:{people[1].id}" and step == 1)
    d.click(right.center)
    assert view.status(view.people[1]) == "absent"
    d.click_button("next")
    assert isinstance(d.top, SessionOptionsView)
    d.redraw()
    start = next(b for b in d.top.buttons if b.action == "start")
    d.click(start.rect.center)
    assert isinstance(d.top, PlayView)
    assert [p.nickname for p in d.top.c.participants] == ["Ilves", "Karhu"]
    fac.shutdown()


def test_nobody_present_is_said_and_nothing_starts(menu, store, group, people):
    d, _ = menu(store)
    view = open_setup(d)
    for p in view.people:
        view.present.discard(p.id)
    d.key(pygame.K_RETURN)
    assert isinstance(d.top, SetupView) and d.shown("Merkitse ainakin yksi")
    assert store.list_sessions() == []


def test_demo_groups_stay_out_of_a_real_set_up(menu, store, group, people, loaded):
    """Regression guard: `porukka simulate` data must never become a real group's default."""
    demo = store.groups.create_group("Demoryhmä", simulated=True)
    kettu = store.groups.add_participant(demo.id, "Kettu")
    store.start(demo.id, [kettu.id], loaded, vote_mode="gamepads", reflection="skip",
                simulated=True).close()  # a demo run killed mid-way
    d, _ = menu(store)
    assert isinstance(d.top, MenuView)  # no resume screen for demo data
    view = open_setup(d)
    assert [g.id for g in view.groups] == [group.id]
    assert view.defaults.vote_mode == "hands"
