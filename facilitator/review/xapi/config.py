"""The organisation's xAPI settings: from the environment, or the same keys in
`xapi.json` in the data folder (kept 0600; the environment wins).

A separate file from the window's `settings.json`, which the game rewrites whole when the
counsellor changes a setting. Nothing is configured by default, and then nothing is sent.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ... import paths
from .statements import DEFAULT_BASE_IRI, MIN_PEOPLE, Options

SETTINGS_FILE = "xapi.json"
KEYS = (
    "PORUKKA_LRS_ENDPOINT",  # the LRS's base URL, ending in /xAPI/
    "PORUKKA_LRS_USER",
    "PORUKKA_LRS_PASSWORD",
    "PORUKKA_LRS_PASSWORD_FILE",
    "PORUKKA_XAPI_BASE_IRI",  # Porukka's activity and extension IRIs live under this
    "PORUKKA_XAPI_HOME_PAGE",  # the organisation's home page, for the actors' accounts
    "PORUKKA_XAPI_INDIVIDUAL",  # "on": individual self-ratings and feedback, pseudonymised
    "PORUKKA_XAPI_FEEDBACK_WORDS",  # "on": the one word of feedback too (with INDIVIDUAL)
    "PORUKKA_XAPI_SEND_AFTER_SESSION",  # "on": the game sends when a session ends
    "PORUKKA_XAPI_BATCH",  # statements per request (default 100)
    "PORUKKA_XAPI_TIMEOUT",  # seconds per request (default 30)
    "PORUKKA_XAPI_RETRIES",  # tries per request on 5xx or a lost connection (default 4)
)
TRUE = {"1", "on", "true", "yes", "kyllä", "ja"}


class ConfigError(ValueError):
    """A setting that cannot be used; `key` names it."""

    def __init__(self, key: str, message: str) -> None:
        self.key = key
        super().__init__(message)


@dataclass(frozen=True)
class XapiConfig:
    endpoint: str | None
    user: str | None
    password: str | None
    base_iri: str
    home_page: str
    individual: bool
    feedback_words: bool
    send_after_session: bool
    batch: int
    timeout: float
    retries: int
    source: str  # where the endpoint came from: "environment", the settings file, or ""

    @property
    def configured(self) -> bool:
        return bool(self.endpoint)

    def fingerprint(self) -> str:
        """`Options.fingerprint()` without loading the pseudonym key."""
        return Options(base_iri=self.base_iri, home_page=self.home_page,
                       individual=self.individual,
                       feedback_words=self.individual and self.feedback_words,
                       min_people=MIN_PEOPLE).fingerprint()

    def options(self, root: Path | None = None) -> Options:
        """The statement options; the pseudonym key is loaded (made once) only when
        individual statements are on."""
        pseudonym = None
        if self.individual:
            from .pseudonym import load_or_create_key, pseudonymiser

            pseudonym = pseudonymiser(load_or_create_key(root or paths.data_dir()))
        return Options(base_iri=self.base_iri, home_page=self.home_page,
                       individual=self.individual,
                       feedback_words=self.individual and self.feedback_words,
                       pseudonym=pseudonym, min_people=MIN_PEOPLE)


def settings_path(root: Path) -> Path:
    return root / SETTINGS_FILE


def _file_settings(root: Path) -> dict[str, str]:
    path = settings_path(root)
    try:
        paths.private_file(path)
        doc = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise ConfigError(SETTINGS_FILE, f"{path} cannot be read: {exc}") from None
    if not isinstance(doc, dict):
        raise ConfigError(SETTINGS_FILE, f"{path} must hold a JSON object")
    unknown = sorted(k for k in doc if k not in KEYS)
    if unknown:
        raise ConfigError(unknown[0], f"{path}: unknown setting {unknown[0]}")
    return {k: str(v) if not isinstance(v, bool) else ("on" if v else "off")
            for k, v in doc.items() if v is not None}


def _int(values: Mapping[str, str], key: str, default: int, low: int, high: int) -> int:
    raw = values.get(key)
    if raw in (None, ""):
        return default
    try:
        value = int(str(raw))
    except ValueError:
        raise ConfigError(key, f"{key} must be a whole number, not {raw!r}") from None
    if not low <= value <= high:
        raise ConfigError(key, f"{key} must be between {low} and {high}")
    return value


def _iri(key: str, value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(key, f"{key} must be an http(s) address, not {value!r}")
    return value


def load_config(root: Path | None = None, environ: Mapping[str, str] | None = None
                ) -> XapiConfig:
    """The settings in force. Raises ConfigError naming a setting that cannot be used."""
    env = os.environ if environ is None else environ
    root = root if root is not None else paths.data_dir(create=False)
    values = _file_settings(root)
    from_env = {k: env[k] for k in KEYS if env.get(k)}
    source = ""
    if from_env.get("PORUKKA_LRS_ENDPOINT"):
        source = "environment"
    elif values.get("PORUKKA_LRS_ENDPOINT"):
        source = str(settings_path(root))
    values.update(from_env)
    endpoint = values.get("PORUKKA_LRS_ENDPOINT") or None
    if endpoint is not None:
        _iri("PORUKKA_LRS_ENDPOINT", endpoint)
        if not endpoint.endswith("/"):
            endpoint += "/"
    password = values.get("PORUKKA_LRS_PASSWORD") or None
    pw_file = values.get("PORUKKA_LRS_PASSWORD_FILE")
    if password is None and pw_file:
        try:
            password = Path(pw_file).expanduser().read_text("utf-8").strip("\r\n")
        except OSError as exc:
            raise ConfigError("PORUKKA_LRS_PASSWORD_FILE",
                              f"PORUKKA_LRS_PASSWORD_FILE {pw_file}: {exc.strerror or exc}"
                              ) from None
    base = _iri("PORUKKA_XAPI_BASE_IRI", values.get("PORUKKA_XAPI_BASE_IRI") or
                DEFAULT_BASE_IRI).rstrip("/")
    home = values.get("PORUKKA_XAPI_HOME_PAGE")
    if home:
        _iri("PORUKKA_XAPI_HOME_PAGE", home)
    else:
        origin = urlsplit(endpoint or base)
        home = f"{origin.scheme}://{origin.netloc}"
    return XapiConfig(
        endpoint=endpoint,
        user=values.get("PORUKKA_LRS_USER") or None,
        password=password,
        base_iri=base,
        home_page=home,
        individual=values.get("PORUKKA_XAPI_INDIVIDUAL", "").lower() in TRUE,
        feedback_words=values.get("PORUKKA_XAPI_FEEDBACK_WORDS", "").lower() in TRUE,
        send_after_session=values.get("PORUKKA_XAPI_SEND_AFTER_SESSION", "").lower() in TRUE,
        batch=_int(values, "PORUKKA_XAPI_BATCH", 100, 1, 1000),
        timeout=float(_int(values, "PORUKKA_XAPI_TIMEOUT", 30, 1, 600)),
        retries=_int(values, "PORUKKA_XAPI_RETRIES", 4, 0, 10),
        source=source,
    )
