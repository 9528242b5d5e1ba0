"""Settings from the environment and .env: parsing, precedence, errors that name the variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, Settings
from knowledge import DEFAULT_SOURCES

TOKEN = "MTIzNDU2Nzg5.secret-token-value"


def test_defaults_without_any_setting() -> None:
    s = Settings.load({}, env_file=None)
    assert s.discord_token == "" and s.sources == DEFAULT_SOURCES
    assert s.db_path == Path("var/citebot.db") and s.settings_db == Path("var/guild-settings.db")
    assert (s.cooldown_rate, s.cooldown_seconds) == (3, 30.0)
    assert s.shard_count is None and s.shard_ids == () and s.moderator_role_ids == ()
    assert s.api_base_url == s.gateway_url == "" and s.log_level == "INFO"


def test_every_variable_is_parsed() -> None:
    s = Settings.load(
        {
            "DISCORD_TOKEN": TOKEN,
            "CITEBOT_DB": "/tmp/x.db",
            "CITEBOT_SOURCES": "/tmp/src",
            "CITEBOT_SETTINGS_DB": "/tmp/gs.db",
            "CITEBOT_MODERATOR_ROLE_IDS": "11, 22,33",
            "CITEBOT_DEV_GUILD_ID": "44",
            "CITEBOT_COOLDOWN_RATE": "5",
            "CITEBOT_COOLDOWN_SECONDS": "2.5",
            "SHARD_COUNT": "4",
            "SHARD_IDS": "0,3",
            "DISCORD_API_BASE_URL": "http://127.0.0.1:1/api/v10",
            "DISCORD_GATEWAY_URL": "ws://127.0.0.1:1/ws",
            "CITEBOT_LOG_LEVEL": "debug",
        },
        env_file=None,
    )
    assert s.discord_token == TOKEN
    assert (s.db_path, s.sources, s.settings_db) == (Path("/tmp/x.db"), Path("/tmp/src"), Path("/tmp/gs.db"))
    assert s.moderator_role_ids == (11, 22, 33) and s.dev_guild_id == 44
    assert (s.cooldown_rate, s.cooldown_seconds) == (5, 2.5)
    assert (s.shard_count, s.shard_ids) == (4, (0, 3))
    assert s.api_base_url.endswith("/api/v10") and s.gateway_url.endswith("/ws")
    assert s.log_level == "DEBUG"


def test_env_file_is_read_and_the_environment_wins(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text(
        "# a comment\n\nexport DISCORD_TOKEN='from-file'\nCITEBOT_COOLDOWN_RATE=\"7\"\n"
        "CITEBOT_DB=var/file.db\nnot a setting\n",
        "utf-8",
    )
    s = Settings.load({"CITEBOT_DB": "env.db"}, env_file=env_file)
    assert s.discord_token == "from-file" and s.cooldown_rate == 7 and s.db_path == Path("env.db")
    assert Settings.load({}, env_file=tmp_path / "missing.env").discord_token == ""


@pytest.mark.parametrize(
    "env, variable",
    [
        ({"SHARD_COUNT": "2", "SHARD_IDS": "0,x"}, "SHARD_IDS"),
        ({"SHARD_IDS": "0,1"}, "SHARD_IDS"),
        ({"SHARD_COUNT": "2", "SHARD_IDS": "0,2"}, "SHARD_IDS"),
        ({"SHARD_COUNT": "two"}, "SHARD_COUNT"),
        ({"CITEBOT_MODERATOR_ROLE_IDS": "mods"}, "CITEBOT_MODERATOR_ROLE_IDS"),
        ({"CITEBOT_DEV_GUILD_ID": "1.5"}, "CITEBOT_DEV_GUILD_ID"),
        ({"CITEBOT_COOLDOWN_RATE": "0"}, "CITEBOT_COOLDOWN_RATE"),
        ({"CITEBOT_COOLDOWN_SECONDS": "soon"}, "CITEBOT_COOLDOWN_SECONDS"),
    ],
)
def test_bad_values_name_their_variable(env: dict[str, str], variable: str) -> None:
    with pytest.raises(ConfigError, match=variable):
        Settings.load(env, env_file=None)


def test_the_token_is_never_in_repr_or_str() -> None:
    s = Settings.load({"DISCORD_TOKEN": TOKEN}, env_file=None)
    assert TOKEN not in repr(s) and TOKEN not in str(s)
