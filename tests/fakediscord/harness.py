"""Run a real discord.py client against a FakeDiscord for the length of a test."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any, TypeVar

import discord

from .server import FakeDiscord

ClientT = TypeVar("ClientT", bound=discord.Client)


async def _no_identify_delay(shard_id: int | None, *, initial: bool = False) -> None:
    """Replacement for ``Client.before_identify_hook`` (which sleeps 5 s before re-IDENTIFY)."""


def make_fast(client: discord.Client, guild_ready_timeout: float = 0.05) -> None:
    """Cut discord.py's test-hostile delays: the wait after the last GUILD_CREATE before
    ``on_ready`` (default 2 s) and the 5 s sleep before every re-IDENTIFY."""
    client._connection.guild_ready_timeout = guild_ready_timeout
    client.before_identify_hook = _no_identify_delay  # type: ignore[method-assign]


@contextlib.asynccontextmanager
async def running_bot(
    bot: ClientT,
    fake: FakeDiscord | None = None,
    *,
    token: str = "fake-token",
    ready_timeout: float = 5.0,
    close_timeout: float = 5.0,
    fast: bool = True,
    guild_ready_timeout: float = 0.05,
) -> AsyncIterator[ClientT]:
    """``async with running_bot(bot, fake) as bot:`` -- start ``bot.start(token)`` as a task,
    wait until ready, and on exit ``close()`` it, await the task and re-raise what it raised.

    ``fake`` (optional) is pointed at for the duration if it is not already.  ``fast`` applies
    :func:`make_fast`.  If the task dies before ready, its exception is raised immediately.
    """
    pointer = None
    if fake is not None and fake.api_base != discord.http.Route.BASE:
        pointer = fake.point_client_here()
    if fast:
        make_fast(bot, guild_ready_timeout)
    task: asyncio.Task[Any] = asyncio.create_task(bot.start(token), name="discord-bot")
    ready: asyncio.Task[Any] = asyncio.create_task(bot.wait_until_ready())
    if fake is not None:
        fake.watch(task)
    body_exc: BaseException | None = None
    try:
        done, _ = await asyncio.wait(
            {task, ready}, timeout=ready_timeout, return_when=asyncio.FIRST_COMPLETED
        )
        if task in done:
            task.result()  # raises what start() raised
            raise RuntimeError("bot.start() returned before the bot was ready")
        if ready not in done:
            detail = f"\n{fake.describe()}" if fake is not None else ""
            raise TimeoutError(f"bot not ready after {ready_timeout}s{detail}")
        yield bot
    except BaseException as exc:
        body_exc = exc
        raise
    finally:
        ready.cancel()
        if fake is not None:
            fake.unwatch(task)
        task_exc: BaseException | None = None
        try:
            await bot.close()
            await asyncio.wait_for(asyncio.shield(task), close_timeout)
        except TimeoutError:
            task_exc = TimeoutError(f"bot task did not end {close_timeout}s after close()")
        except Exception as exc:
            task_exc = exc
        if not task.done():
            task.cancel()
            with contextlib.suppress(BaseException):
                await task
        if pointer is not None:
            pointer.restore()
        if task_exc is not None:
            if body_exc is None:
                raise task_exc
            if task_exc is not body_exc and task_exc is not body_exc.__cause__:
                body_exc.add_note(f"(the bot task also ended with {task_exc!r})")
