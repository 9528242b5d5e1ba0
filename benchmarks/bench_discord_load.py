"""Load test of the real CitebotBot against the fake Discord (tests/fakediscord) on 127.0.0.1.

1,000 MESSAGE_CREATEs from 50 users go over the fake gateway at a steady offered rate (200/s by
default): mentions of the bot in #general, DMs, plain questions in a channel a moderator enabled
with `/channels enable`, and messages that must get no reply (chatter in a channel that is not
enabled, non-questions in the enabled one, a question that mentions someone else, and a second bot
mentioning citebot). Five "heavy" users send 30 questions each, fast (two at 50/s, three at 10/s),
so they run into the per-user cooldown (default 5 per 1 s), some of them several times; the other
45 stay under it unless the bot falls behind and handles their messages in a bunch. Then the same
mix goes out again as one burst, and a third, steady pass at a quarter of the rate runs in a child
interpreter started with `-X tracemalloc=1` for the Python heap peak (tracing slows the bot about
4x; its timings are shown too but are not the bot's).

Checks (PASS/FAIL each; exit status 1 on any FAIL): every eligible message the cooldown let through
is answered exactly once (the reply references it); nothing replies to an ineligible message; per
user, no more than RATE answers in any PER seconds, both on the cooldown's own clock and as
observed from outside; one cooldown notice per blocked stretch; every reply has
allowed_mentions.parse == [] and pings nobody; no log record at ERROR or above; the fake saw no
failed or unknown request.

    python benchmarks/bench_discord_load.py [--messages N] [--rps R] [--rate 5] [--per 1.0]
                                            [--no-burst] [--no-tracemalloc] [--sentences N]

`--sentences N` serves the shipped sources plus N distractor sentences (benchmarks/distractors.py),
built before the bot starts: the loop lag with a large base (issue 11).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import logging
import random
import re
import shutil
import subprocess
import sys
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for _p in (str(ROOT), str(HERE)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

from _common import DEV_NATO, MB, PUBLIC, SHIPPED, machine, memory, percentile, scratch, table  # noqa: E402

from bot import render, triggers  # noqa: E402
from bot.client import CitebotBot, create_bot  # noqa: E402
from bot.config import Settings  # noqa: E402
from tests.fakediscord import FakeDiscord, SentMessage, World, payloads, running_bot  # noqa: E402

ELIGIBLE = ("mention", "dm", "qa")
INELIGIBLE = ("news-chatter", "qa-chatter", "other-mention", "bot-mention", "bot-qa")
CHATTER = [
    "Great article, thanks for sharing",
    "I think Rutte will do fine in the job.",
    "lol the Teflon nickname is perfect",
    "Reading this on the train right now",
    "Thanks, very interesting read",
    "Orban always wants something in return",
    "Not sure I agree with the analysis",
    "The summit coverage was better last year",
    "brb, coffee",
    "Good morning everyone",
]
NOTICE = re.compile(re.escape(render.cooldown_text(7)).replace("7", r"\d+"))
TRACE_FRAMES = 1  # frames per allocation in the tracemalloc pass (8 slows the bot ~5x more)
FAST_GAP, SLOW_GAP = 0.02, 0.1  # seconds between a heavy user's questions (fast / slow heavy users)


# --- the plan: who says what, where, when ------------------------------------------------------


@dataclass
class Planned:
    """One message to send: ``at`` seconds after the start, by user index ``user`` (-1: the other bot)."""

    at: float
    user: int
    kind: str
    text: str


def load_questions() -> list[str]:
    """Question texts of the public eval set and tests/data/dev-nato.jsonl."""
    out: list[str] = []
    for path in (PUBLIC, DEV_NATO):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["q"])
    return out


def make_plan(
    rng: random.Random,
    questions: list[str],
    *,
    n: int,
    users: int,
    heavy_users: int,
    heavy_count: int,
    duration: float,
) -> list[Planned]:
    """*n* messages over *duration* seconds, sorted by time: 10% ineligible (split over the
    INELIGIBLE kinds), *heavy_users* users sending *heavy_count* questions each (the first two
    every FAST_GAP s, the others every SLOW_GAP s), the rest spread evenly over the light users."""
    asked = [q for q in questions if triggers.looks_like_question(q)]  # what #qa auto-answers
    assert all(not triggers.looks_like_question(c) for c in CHATTER)
    n_inel = n // 10
    n_heavy = heavy_users * heavy_count
    n_light = n - n_inel - n_heavy
    light = list(range(heavy_users, users))
    if n_light < 0 or not light:
        raise SystemExit("not enough messages for that many heavy users")
    plan: list[Planned] = []

    def eligible(at: float, user: int) -> Planned:
        kind = rng.choices(ELIGIBLE, weights=(4, 3, 3))[0]
        if kind == "qa":
            return Planned(at, user, kind, rng.choice(asked))
        return Planned(at, user, kind, rng.choice(questions))

    for h in range(heavy_users):
        gap = FAST_GAP if h < 2 else SLOW_GAP
        start = rng.uniform(0, max(0.0, duration - heavy_count * gap))
        plan += [eligible(start + i * gap, h) for i in range(heavy_count)]
    for j, user in enumerate(light):
        k = n_light // len(light) + (1 if j < n_light % len(light) else 0)
        if k:
            step = duration / k
            phase = rng.uniform(0, step)
            plan += [eligible(phase + i * step, user) for i in range(k)]
    for i in range(n_inel):
        kind = INELIGIBLE[i % len(INELIGIBLE)]
        user = -1 if kind.startswith("bot-") else rng.choice(light)
        if kind == "news-chatter":
            text = rng.choice(CHATTER + asked)  # not enabled: even questions get no answer
        elif kind == "qa-chatter":
            text = rng.choice(CHATTER)
        else:
            text = rng.choice(asked)
        plan.append(Planned(rng.uniform(0, duration), user, kind, text))
    plan.sort(key=lambda m: m.at)
    return plan


# --- what was sent and what came back ------------------------------------------------------------


@dataclass
class Sent:
    """A message the benchmark dispatched."""

    mid: int
    user_id: int
    kind: str
    t_dispatch: float  # perf_counter() just before the fake built and dispatched MESSAGE_CREATE
    scheduled: float  # perf_counter() it was due at
    seq: int = 0  # gateway sequence number

    @property
    def eligible(self) -> bool:
        return self.kind in ELIGIBLE


class TimedList(list[SentMessage]):
    """``fake.sent_messages`` that notes when the fake recorded each message the bot POSTed."""

    def __init__(self, items: Iterable[SentMessage] = ()) -> None:
        super().__init__(items)
        self.times: dict[int, float] = {}  # bot message id -> perf_counter()

    def append(self, item: SentMessage) -> None:
        self.times[item.id] = time.perf_counter()
        super().append(item)


class DecisionLog:
    """Wraps the bot's own Cooldowns clock and ``hit`` to log every decision (user, time, verdict)."""

    def __init__(self, bot: CitebotBot) -> None:
        self.entries: list[tuple[int, float, bool, bool]] = []  # (user, monotonic, allowed, notify)
        cd = bot.cooldowns
        clock: Callable[[], float] = cd._clock
        hit = cd.hit
        self._now = 0.0

        def recording_clock() -> float:
            self._now = clock()
            return self._now

        def recording_hit(key: int) -> Any:
            verdict = hit(key)
            self.entries.append((key, self._now, verdict.allowed, verdict.notify))
            return verdict

        cd._clock = recording_clock
        cd.hit = recording_hit  # type: ignore[method-assign]


class HttpProbe:
    """Wraps the bot's ``http.request`` to see how many requests pile up on one route + channel
    (discord.py's rate-limit bucket: it stays at limit 1 when no X-RateLimit headers come back)."""

    def __init__(self, bot: CitebotBot) -> None:
        self.pending: dict[str, int] = defaultdict(int)
        self.max_pending: dict[str, int] = defaultdict(int)
        request = bot.http.request

        async def probed(route: Any, **kwargs: Any) -> Any:
            key = f"{route.method} {route.path} {route.major_parameters}"
            self.pending[key] += 1
            self.max_pending[key] = max(self.max_pending[key], self.pending[key])
            try:
                return await request(route, **kwargs)
            finally:
                self.pending[key] -= 1

        bot.http.request = probed  # type: ignore[method-assign]

    def reset(self) -> None:
        self.max_pending.clear()


class GcWatch:
    """Counts cyclic-GC runs per generation and their longest pause (they show as loop lag)."""

    def __init__(self) -> None:
        self.runs = [0, 0, 0]
        self.max_pause = [0.0, 0.0, 0.0]
        self._start = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            g = info["generation"]
            self.runs[g] += 1
            self.max_pause[g] = max(self.max_pause[g], time.perf_counter() - self._start)

    def __enter__(self) -> GcWatch:
        gc.callbacks.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self)


class ErrorLog(logging.Handler):
    """Collects WARNING-and-above records from every logger (ERROR+ fail the run)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def at_least(self, level: int) -> list[logging.LogRecord]:
        return [r for r in self.records if r.levelno >= level]


@dataclass
class Env:
    """The running fake and bot, and the people and channels of the benchmark's world."""

    fake: FakeDiscord
    bot: CitebotBot
    world: World
    qa_id: int
    users: list[dict[str, Any]]
    other_bot: dict[str, Any]
    decisions: DecisionLog
    http: HttpProbe
    sent_log: TimedList
    errors: ErrorLog
    rate: int
    per: float


@dataclass
class RunResult:
    """Figures and check outcomes of one pass."""

    name: str
    figures: dict[str, Any]
    checks: list[tuple[str, bool, str]]
    by_kind: dict[str, list[float]] = field(default_factory=dict)


# --- sending ---------------------------------------------------------------------------------------


def route(env: Env, m: Planned) -> tuple[int, dict[str, Any], str]:
    """(channel id, author, content) of a planned message."""
    w = env.world
    author = env.other_bot if m.user < 0 else env.users[m.user]
    me = env.fake.mention(env.fake.bot_user)
    if m.kind == "mention":
        return w.general_id, author, f"{me} {m.text}" if len(m.text) % 2 else f"{m.text} {me}"
    if m.kind == "dm":
        return int(w.dm_channel_for(author)["id"]), author, m.text
    if m.kind in ("qa", "qa-chatter", "bot-qa"):
        return env.qa_id, author, m.text
    if m.kind == "news-chatter":
        return w.news_id, author, m.text
    if m.kind == "other-mention":
        other = env.users[(m.user + 1) % len(env.users)]
        return w.general_id, author, f"{env.fake.mention(other)} {m.text}"
    if m.kind == "bot-mention":
        return w.general_id, author, f"{me} {m.text}"
    raise ValueError(m.kind)


async def send(env: Env, m: Planned, due: float) -> Sent:
    """Dispatch one MESSAGE_CREATE through the fake's gateway, noting when."""
    channel_id, author, content = route(env, m)
    t = time.perf_counter()
    mid = await env.fake.user_says(channel_id, author, content)
    return Sent(mid, int(author["id"]), m.kind, t, due)


async def lag_monitor(stop: asyncio.Event, out: list[float], interval: float = 0.005) -> None:
    """Event-loop lag: how late each ``sleep(interval)`` wakes up."""
    while not stop.is_set():
        t = time.perf_counter()
        await asyncio.sleep(interval)
        out.append(time.perf_counter() - t - interval)


async def run_pass(
    env: Env, name: str, plan: list[Planned], rps: float | None, timeout: float, quiet: float
) -> RunResult:
    """Send *plan* (paced at *rps*, or all at once when None), wait for the replies, check them."""
    fake = env.fake
    first_sent = len(env.sent_log)
    first_decision = len(env.decisions.entries)
    lags: list[float] = []
    stop = asyncio.Event()
    env.http.reset()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    with GcWatch() as gcw:
        monitor = asyncio.create_task(lag_monitor(stop, lags))
        start = time.perf_counter() + 0.05
        tasks: list[asyncio.Task[Sent]] = []
        for i, m in enumerate(plan):
            due = start + (i / rps if rps else 0.0)
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(send(env, m, due)))
        sent = list(await asyncio.gather(*tasks))

        # wait until every eligible message was decided and each decision calling for a reply has one
        mids = {s.mid for s in sent}
        n_eligible = sum(s.eligible for s in sent)
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            decided = env.decisions.entries[first_decision:]
            wanted = sum(1 for _, _, ok, notify in decided if ok or notify)
            got = sum(1 for m in env.sent_log[first_sent:] if m.reference_id in mids)
            if len(decided) >= n_eligible and got >= wanted:
                break
            await asyncio.sleep(0.01)
        await asyncio.sleep(quiet)  # room for any extra (duplicate or unwanted) reply to show up
        stop.set()
        await monitor
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0 - quiet

    seq_of = {
        int(p["d"]["id"]): int(p["s"])
        for s in fake.sessions.values()
        for p in s.history
        if p["t"] == "MESSAGE_CREATE"
    }
    for s in sent:
        s.seq = seq_of.get(s.mid, 0)
    replies = env.sent_log[first_sent:]
    decisions = env.decisions.entries[first_decision:]
    result = evaluate(env, name, sent, replies, decisions, lags)
    create = "POST /channels/{channel_id}/messages "
    posts = [n for k, n in env.http.max_pending.items() if k.startswith(create)]
    result.figures["max POSTs queued/channel"] = max(posts, default=0)
    result.figures["gc runs gen0/1/2"] = "/".join(map(str, gcw.runs))
    result.figures["gc max pause ms"] = max(gcw.max_pause) * 1000
    result.figures["CPU % of one core"] = 100 * cpu / max(wall, 1e-9)
    return result


# --- checking --------------------------------------------------------------------------------------


def is_notice(m: SentMessage) -> bool:
    return not m.embeds and NOTICE.fullmatch(m.content) is not None


def blocked_stretches(outcomes: list[str]) -> list[list[str]]:
    """Maximal runs of not-answered eligible messages ("N" notice, "S" silent) between answers."""
    out: list[list[str]] = []
    run: list[str] = []
    for o in [*outcomes, "A"]:
        if o == "A":
            if run:
                out.append(run)
            run = []
        else:
            run.append(o)
    return out


def evaluate(
    env: Env,
    name: str,
    sent: list[Sent],
    replies: list[SentMessage],
    decisions: list[tuple[int, float, bool, bool]],
    lags: list[float],
) -> RunResult:
    """The figures and the PASS/FAIL checks of one pass."""
    rate, per = env.rate, env.per
    times = env.sent_log.times
    by_ref: dict[int, list[SentMessage]] = defaultdict(list)
    by_mid = {s.mid: s for s in sent}
    stray: list[SentMessage] = []
    for r in replies:
        if r.reference_id in by_mid:
            by_ref[r.reference_id].append(r)
        else:
            stray.append(r)
    checks: list[tuple[str, bool, str]] = []

    # the cooldown's decisions, matched to each user's eligible messages in gateway order
    # (discord.py handles gateway events in order and on_message calls hit() before its first await)
    per_user: dict[int, list[Sent]] = defaultdict(list)
    for s in sorted(sent, key=lambda s: s.seq):
        if s.eligible:
            per_user[s.user_id].append(s)
    dec_user: dict[int, list[tuple[float, bool, bool]]] = defaultdict(list)
    for user, t, ok, notify in decisions:
        dec_user[user].append((t, ok, notify))
    problems: list[str] = []
    allowed_n = notify_n = silent_n = 0
    for user in set(per_user) | set(dec_user):
        msgs, decs = per_user.get(user, []), dec_user.get(user, [])
        if len(msgs) != len(decs):
            problems.append(f"user {user}: {len(msgs)} eligible messages, {len(decs)} cooldown decisions")
            continue
        for s, (_, ok, notify) in zip(msgs, decs, strict=True):
            got = by_ref.get(s.mid, [])
            if ok:
                allowed_n += 1
                if len(got) != 1 or not got[0].embeds:
                    problems.append(f"{s.kind} {s.mid}: allowed, got {len(got)} replies")
            elif notify:
                notify_n += 1
                if len(got) != 1 or not is_notice(got[0]):
                    problems.append(f"{s.kind} {s.mid}: blocked with notice, got {len(got)} replies")
            else:
                silent_n += 1
                if got:
                    problems.append(f"{s.kind} {s.mid}: blocked silently, got {len(got)} replies")
    checks.append(
        (
            "every eligible message the cooldown allowed answered exactly once (and nothing else)",
            not problems,
            f"{allowed_n} allowed, {notify_n} notices, {silent_n} silent"
            + (f"; {len(problems)} problems, e.g. {problems[:3]}" if problems else ""),
        )
    )

    inel = [s for s in sent if not s.eligible]
    answered_inel = [s for s in inel if by_ref.get(s.mid)]
    checks.append(
        (
            "no reply to ineligible messages, no stray bot message",
            not answered_inel and not stray,
            f"{len(inel)} ineligible, {len(answered_inel)} answered, {len(stray)} stray",
        )
    )

    # cooldown on its own clock: allowed decision i and i+rate at least `per` apart
    clock_bad = []
    for user, decs in dec_user.items():
        ok_times = [t for t, ok, _ in decs if ok]
        for i in range(len(ok_times) - rate):
            span = ok_times[i + rate] - ok_times[i]
            if span < per:
                clock_bad.append(f"user {user}: {rate + 1} allowed in {span:.3f}s")
    checks.append(
        (
            f"cooldown (bot clock): at most {rate} answers per user in any {per:g} s",
            not clock_bad,
            "; ".join(clock_bad[:3]) or f"{len(dec_user)} users checked",
        )
    )

    # the same seen from outside: answer i+rate received >= per after answer i was dispatched
    outside_bad = []
    limited_users = 0
    stretches_total = 0
    notice_bad = []
    for user, msgs in per_user.items():
        outcomes = []
        answers = []
        for s in msgs:
            got = by_ref.get(s.mid, [])
            if got and got[0].embeds:
                outcomes.append("A")
                answers.append((s.t_dispatch, times[got[0].id]))
            else:
                outcomes.append("N" if got and is_notice(got[0]) else "S")
        for i in range(len(answers) - rate):
            span = answers[i + rate][1] - answers[i][0]
            if span < per:
                outside_bad.append(f"user {user}: {rate + 1} answers within {span:.3f}s")
        stretches = blocked_stretches(outcomes)
        limited_users += bool(stretches)
        stretches_total += len(stretches)
        for st in stretches:
            if st.count("N") != 1 or st[0] != "N":
                notice_bad.append(f"user {user}: stretch {''.join(st)}")
    checks.append(
        (
            f"cooldown (observed): answer i+{rate} arrives >= {per:g} s after question i was sent",
            not outside_bad,
            "; ".join(outside_bad[:3]) or f"{len(per_user)} users checked",
        )
    )
    checks.append(
        (
            "cooldown notice once per blocked stretch (on its first message)",
            not notice_bad,
            f"{stretches_total} stretches over {limited_users} users"
            + (f"; bad: {notice_bad[:3]}" if notice_bad else ""),
        )
    )

    pinging = [
        r
        for r in replies
        if r.allowed_mentions is None
        or r.allowed_mentions.get("parse") != []
        or r.allowed_mentions.get("replied_user")
        or r.pinged_user_ids
        or r.pinged_role_ids
        or r.pinged_everyone
    ]
    checks.append(
        (
            "every reply: allowed_mentions.parse == [], pings nobody",
            not pinging,
            f"{len(replies)} replies, {len(pinging)} could ping",
        )
    )

    bad_requests = [r for r in env.fake.requests if r.status is None or r.status >= 300 or r.route is None]
    checks.append(
        (
            "fake: no failed, unknown or errored request",
            not bad_requests and not env.fake.errors,
            f"{len(env.fake.requests)} requests so far, {len(bad_requests)} bad, "
            f"{len(env.fake.errors)} fake errors"
            + (
                f"; e.g. {bad_requests[0].method} {bad_requests[0].path} -> {bad_requests[0].status}"
                if bad_requests
                else ""
            ),
        )
    )

    # latency: dispatch -> the fake recording the reply
    lat: list[float] = []
    by_kind: dict[str, list[float]] = defaultdict(list)
    for mid, got in by_ref.items():
        d = times[got[0].id] - by_mid[mid].t_dispatch
        lat.append(d)
        by_kind[by_mid[mid].kind if got[0].embeds else "notice"].append(d)
    t0 = min(s.t_dispatch for s in sent)
    t_last_dispatch = max(s.t_dispatch for s in sent)
    t_last = max((times[r.id] for r in replies), default=t0)
    answered = sum(1 for got in by_ref.values() if got[0].embeds)
    notices = sum(1 for got in by_ref.values() if is_notice(got[0]))
    figures: dict[str, Any] = {
        "offered": len(sent),
        "offered/s": len(sent) / max(t_last_dispatch - t0, 1e-9),
        "eligible": sum(s.eligible for s in sent),
        "answered": answered,
        "notices": notices,
        "silently limited": silent_n,
        "ignored (ineligible)": len(inel) - len(answered_inel),
        "users limited": limited_users,
        "replies/s": len(replies) / max(t_last - t0, 1e-9),
        "last reply s": t_last - t0,
        "p50 ms": percentile(lat, 50) * 1000,
        "p90 ms": percentile(lat, 90) * 1000,
        "p99 ms": percentile(lat, 99) * 1000,
        "max ms": max(lat, default=float("nan")) * 1000,
        "loop lag p99 ms": percentile(lags, 99) * 1000,
        "loop lag max ms": max(lags, default=float("nan")) * 1000,
        "sender late max ms": max(s.t_dispatch - s.scheduled for s in sent) * 1000,
    }
    return RunResult(name, figures, checks, dict(by_kind))


# --- the whole benchmark ---------------------------------------------------------------------------


def build_world(n_users: int) -> tuple[World, int, list[dict[str, Any]], dict[str, Any]]:
    """The default world plus an #ask-citebot channel, *n_users* readers and a second bot."""
    world = World()
    qa_id = int(world.guild.add_channel("ask-citebot", topic="Ask away")["id"])
    users = []
    for i in range(n_users):
        u = world.add_user(payloads.user(name=f"reader{i:02d}"))
        world.guild.add_member(u)
        world.dm_channel_for(u)
        users.append(u)
    other_bot = world.add_user(payloads.user(name="otherbot", bot=True))
    world.guild.add_member(other_bot)
    return world, qa_id, users, other_bot


async def benchmark(args: argparse.Namespace, passes: list[tuple[str, float | None]]) -> list[RunResult]:
    """Start the fake and the bot, enable #ask-citebot as the moderator, run *passes*, close."""
    errors = ErrorLog()
    logging.getLogger().addHandler(errors)
    tmp = scratch("citebot-load-")
    if args.sentences:  # a large base: the shipped sources plus distractor prose, built beforehand
        from distractors import make_distractor_sources

        from knowledge import build_file

        sources = tmp / "sources"
        make_distractor_sources(sources, args.sentences)
        await asyncio.to_thread(build_file, sources, tmp / "base.db")
    else:
        sources = Path(shutil.copytree(SHIPPED, tmp / "sources"))
    world, qa_id, users, other_bot = build_world(args.users)
    questions = load_questions()
    results: list[RunResult] = []
    async with FakeDiscord(world) as fake:
        sent_log = TimedList(fake.sent_messages)
        fake.sent_messages = sent_log
        settings = Settings(
            db_path=tmp / "base.db",
            sources=sources,
            settings_db=tmp / "guilds.db",
            cooldown_rate=args.rate,
            cooldown_seconds=args.per,
            api_base_url=fake.api_base,
            gateway_url=fake.gateway_url,
        )
        bot = create_bot(settings)
        try:
            async with running_bot(bot, fake, ready_timeout=60):
                iid = await fake.invoke_command("channels enable", user=world.moderator, channel_id=qa_id)
                await fake.wait_for_interaction_response(iid)
                if not bot.guild_settings.is_enabled(world.guild_id, qa_id):
                    raise SystemExit("FAIL: /channels enable did not enable #ask-citebot")
                env = Env(
                    fake,
                    bot,
                    world,
                    qa_id,
                    users,
                    other_bot,
                    DecisionLog(bot),
                    HttpProbe(bot),
                    sent_log,
                    errors,
                    args.rate,
                    args.per,
                )
                for i, (name, rps) in enumerate(passes):
                    if i:
                        await asyncio.sleep(args.per + 0.5)  # every user's cooldown window empties
                    plan = make_plan(
                        random.Random(args.seed + i),
                        questions,
                        n=args.messages,
                        users=args.users,
                        heavy_users=args.heavy_users,
                        heavy_count=args.heavy_count,
                        duration=args.messages / args.rps,
                    )
                    if args.heap_pass:
                        tracemalloc.reset_peak()
                        before = tracemalloc.get_traced_memory()[0]
                    result = await run_pass(env, name, plan, rps, args.timeout, args.quiet)
                    if args.heap_pass:
                        now, peak = tracemalloc.get_traced_memory()
                        result.figures["heap before MB"] = before / MB
                        result.figures["heap peak in pass MB"] = peak / MB
                        result.figures["heap after MB"] = now / MB
                        result.figures["heap by package"] = heap_by_package(tracemalloc.take_snapshot())
                    results.append(result)
        finally:
            if bot._guild_settings is not None:
                bot._guild_settings.close()
    logging.getLogger().removeHandler(errors)
    bad = errors.at_least(logging.ERROR)
    for r in results:
        r.checks.append(
            (
                "no log record at ERROR or above",
                not bad,
                f"{len(bad)} errors, {len(errors.records) - len(bad)} warnings"
                + (f"; first: {bad[0].name}: {bad[0].getMessage()[:200]}" if bad else ""),
            )
        )
        r.figures["warnings"] = sorted(
            {f"{w.name}: {w.getMessage()[:150]}" for w in errors.records if w.levelno < logging.ERROR}
        )
    return results


def heap_by_package(snapshot: tracemalloc.Snapshot, top: int = 7) -> list[tuple[str, float]]:
    """Live heap (MB) by the package that allocated it: the innermost traced frame outside the
    standard library. With the one frame kept by default, stdlib allocations are shown by file
    (copy.py: mostly the fake's deep copies of payloads; decoder.py: JSON parsed on both sides)."""
    stdlib = str(Path(json.__file__).resolve().parents[1])
    totals: dict[str, int] = defaultdict(int)

    def package(filename: str) -> str | None:
        name = filename.replace("\\", "/")
        if "/site-packages/" in name:
            return name.split("/site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
        if name.startswith(str(ROOT)):
            rel = Path(name).relative_to(ROOT).parts
            return "/".join(rel[:2]) if rel[0] == "tests" else rel[0]
        return None if name.startswith((stdlib, "<")) else name

    for stat in snapshot.statistics("traceback"):
        frames = list(stat.traceback)  # most recent call last
        owner = next((pkg for f in reversed(frames) if (pkg := package(f.filename))), None)
        totals[owner or f"stdlib: {frames[-1].filename.rsplit('/', 1)[-1]}"] += stat.size
    ranked = sorted(totals.items(), key=lambda kv: -kv[1])
    rest = sum(v for _, v in ranked[top:])
    return [(k, v / MB) for k, v in ranked[:top]] + ([("other", rest / MB)] if rest else [])


def heap_child(args: argparse.Namespace) -> dict[str, Any]:
    """Run one steady pass in a fresh `python -X tracemalloc=1` interpreter; its result as JSON."""
    cmd = [sys.executable, "-X", f"tracemalloc={TRACE_FRAMES}", str(Path(__file__).resolve()), "--heap-pass"]
    keys = ("messages", "users", "rate", "per", "heavy_users", "heavy_count", "seed", "timeout", "quiet")
    keys += ("sentences",)
    for key in keys:
        cmd += [f"--{key.replace('_', '-')}", str(getattr(args, key))]
    cmd += ["--rps", str(args.heap_rps or args.rps / 4)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=300)
    if proc.returncode not in (0, 1) or not proc.stdout.strip():
        raise RuntimeError(f"tracemalloc pass failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--messages", type=int, default=1000)
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--rps", type=float, default=200.0, help="steady offered load, messages/s")
    ap.add_argument("--rate", type=int, default=5, help="cooldown: questions per user per PER seconds")
    ap.add_argument("--per", type=float, default=1.0, help="cooldown window, seconds")
    ap.add_argument("--heavy-users", type=int, default=5)
    ap.add_argument("--heavy-count", type=int, default=30)
    ap.add_argument("--seed", type=int, default=20261129)
    ap.add_argument("--timeout", type=float, default=60.0, help="max wait for the replies of a pass")
    ap.add_argument("--quiet", type=float, default=0.5, help="wait after the last expected reply")
    ap.add_argument("--no-burst", action="store_true")
    ap.add_argument("--sentences", type=int, default=0, help="serve the base plus N distractor sentences")
    ap.add_argument("--no-tracemalloc", action="store_true")
    ap.add_argument(
        "--heap-rps",
        type=float,
        default=None,
        help="offered load of the tracemalloc pass (default RPS/4: tracing slows the bot ~4x)",
    )
    ap.add_argument("--heap-pass", action="store_true", help=argparse.SUPPRESS)  # the child
    args = ap.parse_args(argv)

    if args.heap_pass:
        if not tracemalloc.is_tracing():
            tracemalloc.start()
        [result] = asyncio.run(benchmark(args, [(f"steady {args.rps:g}/s, tracemalloc on", args.rps)]))
        result.figures["heap peak process MB"] = tracemalloc.get_traced_memory()[1] / MB
        result.figures["peak RSS MB"] = memory()["ru_maxrss"] / MB
        print(json.dumps({"name": result.name, "figures": result.figures, "checks": result.checks}))
        return 0 if all(ok for _, ok, _ in result.checks) else 1

    wall = time.perf_counter()
    rss_start = memory()
    passes: list[tuple[str, float | None]] = [(f"steady {args.rps:g}/s", args.rps)]
    if not args.no_burst:
        passes.append(("burst (all at once)", None))
    results = asyncio.run(benchmark(args, passes))
    mem = memory()
    heap: dict[str, Any] | None = None
    if not args.no_tracemalloc:
        heap = heap_child(args)
        results.append(RunResult(heap["name"], heap["figures"], [tuple(c) for c in heap["checks"]]))

    print(
        f"## bench_discord_load.py\n\n{machine()}. {args.messages} messages per pass from "
        f"{args.users} users ({args.heavy_users} heavy, {args.heavy_count} questions each); "
        f"cooldown {args.rate} per {args.per:g} s; base: shipped"
        f"{f' + {args.sentences:,} distractor sentences' if args.sentences else ''}.\n"
    )
    failed = 0
    for r in results:
        for name, ok, detail in r.checks:
            failed += not ok
            print(f"{'PASS' if ok else 'FAIL'} [{r.name}] {name} -- {detail}")
    cols = [
        "offered",
        "offered/s",
        "answered",
        "notices",
        "silently limited",
        "ignored (ineligible)",
        "users limited",
        "replies/s",
        "last reply s",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "max ms",
    ]
    more = [
        "loop lag p99 ms",
        "loop lag max ms",
        "gc runs gen0/1/2",
        "gc max pause ms",
        "max POSTs queued/channel",
        "sender late max ms",
        "CPU % of one core",
    ]
    for group in (cols, more):
        print()
        print(
            table(
                ["pass", *group],
                [[r.name, *[r.figures.get(c, float("nan")) for c in group]] for r in results],
            )
        )
    print()
    kinds = ["mention", "qa", "dm", "notice"]
    rows = []
    for r in results[:2]:
        for k in kinds:
            v = r.by_kind.get(k, [])
            rows.append(
                [
                    r.name,
                    k,
                    len(v),
                    percentile(v, 50) * 1000,
                    percentile(v, 99) * 1000,
                    max(v, default=float("nan")) * 1000,
                ]
            )
    print(table(["pass", "reply to", "replies", "p50 ms", "p99 ms", "max ms"], rows))
    print()
    mem_rows = [
        ["RSS before the bot started", rss_start["VmRSS"] / MB if "VmRSS" in rss_start else float("nan")],
        [
            "peak RSS (ru_maxrss) after " + " + ".join(r.name for r in results[: len(passes)]),
            mem["ru_maxrss"] / MB,
        ],
    ]
    if heap is not None:
        f = heap["figures"]
        mem_rows += [
            ["tracemalloc pass: peak RSS", f["peak RSS MB"]],
            ["tracemalloc pass: Python heap peak, whole process", f["heap peak process MB"]],
            [f"tracemalloc pass: heap before the {args.messages:,} messages", f["heap before MB"]],
            ["tracemalloc pass: heap peak during them", f["heap peak in pass MB"]],
            ["tracemalloc pass: heap after them", f["heap after MB"]],
        ]
    print(table(["memory (fake Discord included: same process)", "MB"], mem_rows))
    if heap is not None:
        print()
        print(
            table(
                ["live heap at the end of the tracemalloc pass, by allocating package", "MB"],
                [list(row) for row in heap["figures"]["heap by package"]],
            )
        )
    warnings = sorted({w for r in results for w in r.figures.get("warnings", [])})
    print(f"\nwarnings logged: {'; '.join(warnings) or 'none'}")
    print(f"wall time {time.perf_counter() - wall:.0f} s")
    print(f"\n{'FAIL' if failed else 'PASS'}: {failed} failed checks")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
