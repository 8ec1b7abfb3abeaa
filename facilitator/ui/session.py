"""The facilitator plugged into the game window: set-up, logging, reflection, resume.

`install(app, folders)` builds the game with the facilitator's `SessionHooks` and opens the
menu, first offering to resume an interrupted session if there is one. `Facilitator` keeps the
one session being played (`run`) and turns the game's callbacks into the facilitator's screens.
"""

from __future__ import annotations

import errno
import logging
from collections.abc import Sequence
from pathlib import Path

from facilitator.errors import FacilitatorError, LogError, NotFound, write_problem
from facilitator.groups import Group
from facilitator.reflection import split_decisions
from facilitator.review import open_report
from facilitator.sessions import ActiveSession, SessionStore, SessionSummary
from game.constants import VOTE_MODES, VoteMode
from game.i18n import t
from game.play.controller import PlayController
from game.play.flow import PlayFlow
from game.story.loader import LoadedStory
from game.story.runtime import Runtime
from game.ui.app import App, Intent, Pop, Push, Replace, View
from game.ui.main import Game, SessionHooks
from game.ui.speech import Speaker
from game.ui.views.menu import MenuView, StoryEntry, discover
from game.ui.views.saving import ProblemKind, SaveProblem

from .host import Run, as_player
from .reflection import ReflectionFlow
from .resume import resume_view
from .setup import NewGroupView, SessionOptionsView, SetupDefaults, SetupView, real_groups

log = logging.getLogger("porukka.facilitator")

DEFAULT_VOTE_MODE: VoteMode = "hands"  # works with no extra hardware
DEFAULT_REFLECTION = "private"


class Facilitator:
    """Turns the game's hooks into sessions: set-up, the log, the reflection, resuming."""

    def __init__(self, store: SessionStore | None = None) -> None:
        self.store = store if store is not None else SessionStore()
        self.game: Game | None = None
        self.run: Run | None = None

    def hooks(self) -> SessionHooks:
        return SessionHooks(setup=self.setup, finished=self.finished, reflect=self.reflect)

    # -- set-up --

    def defaults(self, loaded: LoadedStory, ui_lang: str) -> SetupDefaults:
        """The last group used, its last vote mode, reflection and story language."""
        languages = list(loaded.story.languages)
        last: SessionSummary | None = None
        group_lang: str | None = None
        for i, sid in enumerate(self.store.session_ids()):
            if i >= 40 or (last is not None and group_lang is not None):
                break
            try:
                s = self.store.summary(sid)
            except (LogError, NotFound):
                continue
            if getattr(s, "simulated", False):
                continue  # demo data from `porukka simulate` never sets a real group's defaults
            if last is None:
                last = s
            if s.group == last.group and s.language in languages and group_lang is None:
                group_lang = s.language
        groups = real_groups(self.store)
        ids = {g.id for g in groups}
        if last is not None and last.group in ids:
            group_id: str | None = last.group
        else:
            group_id = max(groups, key=lambda g: g.created).id if groups else None
        if group_lang is None:
            group_lang = ui_lang if ui_lang in languages else loaded.story.default_language
        vote = last.vote_mode if last is not None and last.vote_mode in VOTE_MODES \
            else DEFAULT_VOTE_MODE
        reflection = last.reflection if last is not None else DEFAULT_REFLECTION
        return SetupDefaults(group_id, vote, reflection, group_lang)

    def setup(self, app: App, loaded: LoadedStory) -> Intent:
        return Push(SetupView(app, self, loaded, self.defaults(loaded, app.settings.ui_lang)))

    def start(self, app: App, loaded: LoadedStory, group: Group, present: Sequence[str],
              lang: str, vote_mode: str, reflection: str) -> Intent | None:
        """Start the session in the store and the story on the screen."""
        self.shutdown()  # a session somehow still open stays resumable, never lost
        people = []
        for pid in present:
            people.append(as_player(self.store.groups.participant(pid)))
        try:
            session = self.store.start(group.id, list(present), loaded, vote_mode=vote_mode,
                                       reflection=reflection, language=lang)
        except (FacilitatorError, OSError) as exc:
            problem = write_problem(exc)
            if problem is None and not isinstance(exc, FacilitatorError):
                raise
            ui = app.settings.ui_lang
            note = t("fs-start-not-writable", ui, reason=problem.strerror or problem) \
                if problem is not None else t("fs-start-failed", ui, reason=str(exc))
            app.note(note, 12)
            return None
        run = Run(session, loaded, group, lang, vote_mode, reflection, people)
        try:
            view = self._play(app, run, None)
        except BaseException:
            session.close()
            raise
        self.run = run
        _unwind(app, (SetupView, SessionOptionsView, NewGroupView))
        return Push(view)

    def _play(self, app: App, run: Run, flow: PlayFlow | None) -> View:
        if self.game is None:
            self.game = Game(app, [], self.hooks())
        if flow is None:
            runtime = Runtime(run.loaded.story, run.lang, story_hash=run.loaded.content_hash)
            flow = PlayFlow(PlayController(runtime, run.vote_mode,  # type: ignore[arg-type]
                                           run.participants, listener=run.session.recorder))
        return self.game.play_view(run.loaded, run.lang, run.vote_mode,  # type: ignore[arg-type]
                                   run.participants, flow=flow,
                                   saving=SessionSaving(run.session))

    # -- the reflection --

    def finished(self, app: App, controller: PlayController, how: str) -> Intent | None:
        if self.run is None:
            return Pop()
        return Replace(ReflectionFlow(app, self, self.run, controller, final=True).first())

    def reflect(self, app: App, controller: PlayController) -> Intent | None:
        if self.run is None:
            return None
        return Push(ReflectionFlow(app, self, self.run, controller, final=False).first())

    def splits(self) -> set[tuple[str, str]]:
        """The decisions of this session whose vote was split (read from its log)."""
        if self.run is None:
            return set()
        try:
            self.run.session.flush(2.0)
            return split_decisions(self.store.events(self.run.session.id))
        except FacilitatorError:
            return set()

    def last_ratings(self, participant: str) -> dict[str, int]:
        """The participant's latest earlier rating per domain (the faint outline)."""
        if self.run is None:
            return {}
        try:
            return self.store.last_ratings(self.run.group.id, participant,
                                           before=self.run.session.id)
        except FacilitatorError:
            return {}

    ended_session_id: str | None = None

    def open_report(self, lang: str) -> str | None:
        """Open the report of the session just ended in the browser, for the counsellor.
        Returns a note for the screen when it cannot be opened."""
        if not self.ended_session_id:
            return None
        try:
            open_report(self.ended_session_id, lang, store=self.store)
        except (FacilitatorError, OSError) as exc:
            log.error("opening the report failed: %s", exc)
            return str(exc)
        return None

    def end_run(self) -> str | None:
        """End the session (session_ended, finished); None, or why it could not be saved."""
        run, self.run = self.run, None
        if run is None:
            return None
        self.ended_session_id = run.session.id
        try:
            run.session.end()
        except (FacilitatorError, OSError) as exc:
            log.error("ending session %s failed: %s", run.session.id, exc)
            return str(exc)
        from ..review.xapi.after_session import send_after_session  # off unless configured

        send_after_session(self.store, run.lang)
        return None

    # -- resuming --

    def interrupted(self) -> list[SessionSummary]:
        """Real sessions left unfinished (a killed `simulate` run is not the group's)."""
        try:
            found = self.store.interrupted()
        except FacilitatorError:
            return []
        return [s for s in found if not getattr(s, "simulated", False)]

    def find_story(self, app: App, story_id: str) -> LoadedStory | None:
        entries: list[StoryEntry] = []
        for v in app.views:
            if isinstance(v, MenuView):
                entries = v.entries
        if not entries and self.game is not None:
            entries = discover(self.game.folders, app.settings.ui_lang)
        return next((e.loaded for e in entries
                     if e.loaded is not None and e.loaded.story.id == story_id), None)

    def resume(self, app: App, session_id: str, loaded: LoadedStory) -> Intent:
        """Carry on an interrupted session in its own log, at its scene, with its votes."""
        point = self.store.resume_point(session_id)
        session, state = self.store.resume(session_id, loaded)
        try:
            group = self.store.groups.group(point.group)
            people = []
            for pid in point.present:
                try:
                    people.append(as_player(self.store.groups.participant(pid)))
                except NotFound:
                    continue  # erased since: play on without them
            run = Run(session, loaded, group, point.language, point.vote_mode, point.reflection,
                      people)
            runtime = Runtime(loaded.story, point.language, story_hash=loaded.content_hash)
            controller = PlayController(runtime, point.vote_mode,
                                        people, listener=session.recorder, state=state)
            ballot = controller.ballot
            if point.at_choice and ballot is not None and controller.scene_id == point.scene:
                offered = {c.id for c in ballot.offered}
                known = {p.id for p in people}
                ballot.votes.update({p: c for p, c in point.votes.items()
                                     if c in offered and p in known})
            flow = PlayFlow(controller)
            flow.continue_ballot()
            view = self._play(app, run, flow)
        except BaseException:
            session.close()
            raise
        self.run = run
        return Replace(view)

    def close_interrupted(self, session_id: str) -> None:
        self.store.close_interrupted(session_id)

    # -- closing --

    def shutdown(self) -> None:
        """The window closes: a session still open stays resumable (nothing is lost)."""
        run, self.run = self.run, None
        if run is not None:
            try:
                run.session.close()
            except FacilitatorError as exc:
                log.error("closing session %s failed: %s", run.session.id, exc)


class SessionSaving:
    """The play screen's view of the session log: a failed write, and trying again."""

    def __init__(self, session: ActiveSession) -> None:
        self.session = session

    def problem(self) -> SaveProblem | None:
        writer = self.session.writer
        if writer is None or writer.error is None:
            return None
        return SaveProblem(problem_kind(writer.error), _reason(writer.error), writer.pending)

    def retry(self) -> bool:
        writer = self.session.writer
        return writer is None or writer.retry()


def problem_kind(exc: BaseException) -> ProblemKind:
    """What a failed write means in the counsellor's terms, from the system's error number."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, OSError) and seen.errno is not None:
            if seen.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
                return "full"
            if seen.errno == errno.EROFS:
                return "read-only"
            if seen.errno in (errno.EACCES, errno.EPERM):
                return "denied"
            return "other"
        seen = seen.__cause__ or seen.__context__
    return "other"


def _reason(exc: BaseException) -> str:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, OSError):
            return seen.strerror or str(seen)
        seen = seen.__cause__ or seen.__context__
    return str(exc)


def _unwind(app: App, kinds: tuple[type, ...]) -> None:
    """Take the set-up screens off the stack (the menu stays under the story)."""
    app.views[:] = [v for v in app.views if not isinstance(v, kinds)]
    app.dirty = True


def install(app: App, folders: list[Path], store: SessionStore | None = None,
            speaker: Speaker | None = None, ask_language: bool = False) -> Facilitator:
    """The menu with the facilitator's hooks; an interrupted session is offered first, and at
    the first start (`ask_language`) the interface language is asked before anything."""
    fac = Facilitator(store)
    fac.game = Game(app, folders, fac.hooks(), speaker=speaker)
    app.views[:] = [fac.game.menu()]
    first = resume_view(app, fac)
    if first is not None:
        app.push(first)
    if ask_language:
        from game.ui.views.language import LanguageView

        app.push(LanguageView(app))
    app.dirty = True
    return fac
