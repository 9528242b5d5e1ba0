"""Settings from the environment and an optional .env file (documented in .env.example)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from knowledge import DEFAULT_SOURCES
from knowledge.shelf import Caps

if TYPE_CHECKING:
    from knowledge.fetch import FetchPolicy


class ConfigError(ValueError):
    """A setting has a value we cannot use; the message names the variable."""


def read_env_file(path: Path) -> dict[str, str]:
    """KEY=VALUE lines; '#' comments, blank lines and optional quotes are allowed."""
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for line in path.read_text("utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        key = key.strip().removeprefix("export ").strip()
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[key] = value
    return values


def _ids(name: str, raw: str) -> tuple[int, ...]:
    try:
        return tuple(int(x) for x in raw.replace(" ", "").split(",") if x)
    except ValueError:
        raise ConfigError(
            f"{name} must be a comma-separated list of numeric ids, got {raw!r}"
        ) from None


def _int(name: str, raw: str | None, default: int | None) -> int | None:
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from None


def _bool(name: str, raw: str | None) -> bool:
    value = (raw or "").strip().lower()
    if value in ("", "0", "false", "no", "off"):
        return False
    if value in ("1", "true", "yes", "on"):
        return True
    raise ConfigError(f"{name} must be true or false, got {raw!r}")


def _float(name: str, raw: str | None, default: float) -> float:
    if raw is None or raw.strip() == "":
        return default
    try:
        return float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None


@dataclass(frozen=True)
class Settings:
    """Everything the bot and the command line are configured with."""

    discord_token: str = field(default="", repr=False)  # never printed
    db_path: Path = Path("var/citebot.db")
    sources: Path = DEFAULT_SOURCES
    settings_db: Path = Path("var/guild-settings.db")
    moderator_role_ids: tuple[int, ...] = ()
    dev_guild_id: int | None = None
    cooldown_rate: int = 3
    cooldown_seconds: float = 30.0
    shard_count: int | None = None
    shard_ids: tuple[int, ...] = ()
    api_base_url: str = ""
    gateway_url: str = ""
    log_level: str = "INFO"
    servers_dir: Path = Path("var/servers")
    open_bases: int = 64
    idle_seconds: float = 900.0
    max_articles: int = 25
    max_source_bytes: int = 2_000_000
    rebuild_cooldown: float = 10.0
    fetch_timeout: float = 15.0
    fetch_max_bytes: int = 3_000_000
    fetch_allow_loopback: bool = False  # tests only

    def fetch_policy(self) -> FetchPolicy:
        from knowledge.fetch import FetchPolicy  # aiohttp loads only where pages are fetched

        return FetchPolicy(
            max_bytes=self.fetch_max_bytes,
            timeout=self.fetch_timeout,
            allow_loopback=self.fetch_allow_loopback,
        )

    def caps(self) -> Caps:
        return Caps(max_articles=self.max_articles, max_total_bytes=self.max_source_bytes)

    @classmethod
    def load(
        cls, env: dict[str, str] | None = None, env_file: Path | None = Path(".env")
    ) -> Settings:
        """Settings from *env* (default os.environ) over the values of *env_file*."""
        values = read_env_file(env_file) if env_file else {}
        values.update(os.environ if env is None else env)

        def get(key: str) -> str | None:
            v = values.get(key)
            return v.strip() if isinstance(v, str) else v

        shard_count = _int("SHARD_COUNT", get("SHARD_COUNT"), None)
        shard_ids = _ids("SHARD_IDS", get("SHARD_IDS") or "")
        if shard_ids and shard_count is None:
            raise ConfigError("SHARD_IDS needs SHARD_COUNT as well")
        if shard_count is not None and any(i >= shard_count or i < 0 for i in shard_ids):
            raise ConfigError(f"SHARD_IDS must be between 0 and SHARD_COUNT-1 ({shard_count - 1})")
        rate = _int("CITEBOT_COOLDOWN_RATE", get("CITEBOT_COOLDOWN_RATE"), 3)
        if rate is not None and rate < 1:
            raise ConfigError("CITEBOT_COOLDOWN_RATE must be at least 1")
        return cls(
            discord_token=get("DISCORD_TOKEN") or "",
            db_path=Path(get("CITEBOT_DB") or "var/citebot.db"),
            sources=Path(get("CITEBOT_SOURCES") or DEFAULT_SOURCES),
            settings_db=Path(get("CITEBOT_SETTINGS_DB") or "var/guild-settings.db"),
            moderator_role_ids=_ids(
                "CITEBOT_MODERATOR_ROLE_IDS", get("CITEBOT_MODERATOR_ROLE_IDS") or ""
            ),
            dev_guild_id=_int("CITEBOT_DEV_GUILD_ID", get("CITEBOT_DEV_GUILD_ID"), None),
            cooldown_rate=rate or 3,
            cooldown_seconds=_float(
                "CITEBOT_COOLDOWN_SECONDS", get("CITEBOT_COOLDOWN_SECONDS"), 30.0
            ),
            shard_count=shard_count,
            shard_ids=shard_ids,
            api_base_url=get("DISCORD_API_BASE_URL") or "",
            gateway_url=get("DISCORD_GATEWAY_URL") or "",
            log_level=(get("CITEBOT_LOG_LEVEL") or "INFO").upper(),
            servers_dir=Path(get("CITEBOT_SERVERS_DIR") or "var/servers"),
            open_bases=_int("CITEBOT_OPEN_BASES", get("CITEBOT_OPEN_BASES"), 64) or 64,
            idle_seconds=_float("CITEBOT_BASE_IDLE_SECONDS", get("CITEBOT_BASE_IDLE_SECONDS"), 900.0),
            max_articles=_int("CITEBOT_MAX_ARTICLES", get("CITEBOT_MAX_ARTICLES"), 25) or 25,
            max_source_bytes=_int("CITEBOT_MAX_SOURCE_BYTES", get("CITEBOT_MAX_SOURCE_BYTES"), 2_000_000)
            or 2_000_000,
            rebuild_cooldown=_float("CITEBOT_REBUILD_COOLDOWN", get("CITEBOT_REBUILD_COOLDOWN"), 10.0),
            fetch_timeout=_float("CITEBOT_FETCH_TIMEOUT", get("CITEBOT_FETCH_TIMEOUT"), 15.0),
            fetch_max_bytes=_int("CITEBOT_FETCH_MAX_BYTES", get("CITEBOT_FETCH_MAX_BYTES"), 3_000_000)
            or 3_000_000,
            fetch_allow_loopback=_bool(
                "CITEBOT_FETCH_ALLOW_LOOPBACK", get("CITEBOT_FETCH_ALLOW_LOOPBACK")
            ),
        )
