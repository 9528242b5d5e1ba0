"""A fake Discord that the real discord.py client talks to over 127.0.0.1, for e2e tests.

    async with FakeDiscord() as fake:                  # serves REST + gateway, points discord.py here
        async with running_bot(bot, fake):             # bot.start() as a task, waits for ready
            mid = await fake.user_says(fake.world.general_id, fake.world.user, "ping")
            reply = await fake.wait_for_reply_to(mid)

See server.FakeDiscord for the recording / waiting / fault-injection API, payloads for payload
builders, world.World for the default guild, channels, roles and users.
"""

from . import payloads
from .harness import make_fast, running_bot
from .records import (
    InteractionRecord,
    InteractionResponse,
    RecordedRequest,
    SentMessage,
    UploadedFile,
    compile_path,
)
from .server import (
    ClientPointer,
    FakeDiscord,
    FakeDiscordError,
    FakeDiscordTimeout,
    Fault,
    effective_mentions,
    set_discord_endpoints,
    validate_message_body,
)
from .world import FakeGuild, World

__all__ = [
    "ClientPointer",
    "FakeDiscord",
    "FakeDiscordError",
    "FakeDiscordTimeout",
    "FakeGuild",
    "Fault",
    "InteractionRecord",
    "InteractionResponse",
    "RecordedRequest",
    "SentMessage",
    "UploadedFile",
    "World",
    "compile_path",
    "effective_mentions",
    "make_fast",
    "payloads",
    "running_bot",
    "set_discord_endpoints",
    "validate_message_body",
]
