"""The fault drill: ``make faults``. Faults under load, and what the product does.

WARNING: this restarts the machine's PostgreSQL cluster and stops and restarts its Redis
server (127.0.0.1:6379; Redis comes back empty, as its configuration keeps nothing on
disk). Everything else on the machine that uses them sees each outage (a few seconds
each). Run it as root on a machine where that is acceptable, never on a production host.

It creates its own PostgreSQL database (``s6_faults``, dropped at the end) and uses Redis
database 14 (its keys removed at the end), migrates and seeds a small tree
(``seed_bulk``), and registers three webhook endpoints pointing at a receiver it runs on
127.0.0.1, which records each delivery's ``X-S6-Delivery`` header. It runs the product's
processes as in production (bench settings: production plus the bench URLs): gunicorn
with four workers, one task worker (``db_worker``) and the scheduler. ``wrk`` (64
connections) alternates between the API's news list and a public news page, through four
phases:

1. baseline: no fault;
2. PostgreSQL: load, then a restart of the cluster while the web workers are idle with
   their kept connections (``CONN_MAX_AGE``), then load again: the first request of each
   worker after the restart reuses a connection the restart closed, which
   ``CONN_HEALTH_CHECKS`` replaces. A task worker that exits while the database is down
   is started again, as a process manager would, and counted;
3. Redis: stopped four seconds in, started again ten seconds later, under load: the
   cache degrades to misses (``IGNORE_EXCEPTIONS``);
4. task worker: a batch of pages is published (each publish enqueues a delivery to every
   endpoint) and the worker is killed with SIGKILL while a delivery is in flight, then
   started again. The task it was running stays RUNNING until the scheduler's recovery
   (``site_s6.runtime.recovery``, here after 15 s) sets it back to READY.

It reports, per phase, wrk's requests by status class and its socket errors, and for the
webhooks every delivery id enqueued, received, and received more than once (at least once
is the promise: the delivery cut by the kill may be received twice, with the same id).
Goals: 0 errors in every phase, every delivery received. The process stops by itself
(every wait is bounded) in about five minutes, and starts PostgreSQL and Redis again if
either is left down.
"""

import argparse
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import psycopg2

from bench.run import (
    BIN,
    LOOPBACK,
    PYTHON,
    ROOT,
    Cache,
    Databases,
    Environment,
    Server,
    manage,
    module,
)

DATABASE = "s6_faults"
REDIS_URL = f"redis://{LOOPBACK}:6379/14"
REDIS_START = [
    "redis-server",
    "--daemonize",
    "yes",
    "--bind",
    LOOPBACK,
    "--port",
    "6379",
    "--save",
    "",
    "--appendonly",
    "no",
]
SEED = {"sites": 2, "news": 60, "events": 12, "campaigns": 2, "visits": 2}
ENDPOINTS = 3
PUBLISHED = 8
DELIVERY_TASK = "site_s6.api.webhooks.delivery.deliver_webhook"
# Seconds a task may stay RUNNING before the recovery runs it again (production: 30 min).
STALE_AFTER = 15
# The receiver's answer takes this long, so that deliveries are in flight when the
# worker is killed.
RECEIVER_DELAY = 0.4
API_LIST = "/api/v3/news/?limit=20"

LUA = """
-- Written by bench/faults.py: alternates between paths, counts answers by status class.
local paths = {%(paths)s}
local counter = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok = 0
  client_errors = 0
  server_errors = 0
end

function request()
  counter = counter + 1
  return wrk.format(nil, paths[(counter %% #paths) + 1])
end

function response(status, headers, body)
  if status >= 500 then
    server_errors = server_errors + 1
  elseif status >= 400 then
    client_errors = client_errors + 1
  else
    ok = ok + 1
  end
end

function done(summary, latency, requests)
  local o, c, s = 0, 0, 0
  for _, thread in ipairs(threads) do
    o = o + thread:get("ok")
    c = c + thread:get("client_errors")
    s = s + thread:get("server_errors")
  end
  local e = summary.errors
  io.write(string.format(
    'FAULTS_JSON {"requests": %%d, "ok": %%d, "status_4xx": %%d, "status_5xx": %%d, ' ..
    '"connect": %%d, "read": %%d, "write": %%d, "timeout": %%d, "p99_us": %%d, "max_us": %%d}\\n',
    summary.requests, o, c, s, e.connect, e.read, e.write, e.timeout,
    latency:percentile(99), latency.max))
end
"""


def log(message: str) -> None:
    print(f"[faults {time.strftime('%H:%M:%S')}] {message}", flush=True)


# Services of the machine --------------------------------------------------------------


def postgres_cluster() -> str:
    versions = sorted(Path("/etc/postgresql").iterdir()) if Path("/etc/postgresql").is_dir() else []
    if not versions:
        sys.exit("make faults restarts the machine's PostgreSQL: no cluster in /etc/postgresql")
    return versions[-1].name


def postgres_answers(admin_url: str) -> bool:
    try:
        psycopg2.connect(admin_url, connect_timeout=2).close()
    except psycopg2.OperationalError:
        return False
    return True


def wait_for(check, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return check()


def pg_ctl(action: str) -> None:
    subprocess.run(  # noqa: S603 - the machine's cluster, a fixed command
        ["pg_ctlcluster", "--skip-systemctl-redirect", postgres_cluster(), "main", action],  # noqa: S607
        check=True,
        timeout=120,
        capture_output=True,
    )


def redis_answers() -> bool:
    import redis

    try:
        return bool(redis.Redis(host=LOOPBACK, port=6379, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def redis_stop() -> None:
    subprocess.run(  # noqa: S603
        ["redis-cli", "-h", LOOPBACK, "-p", "6379", "shutdown", "nosave"],  # noqa: S607
        timeout=30,
        capture_output=True,
        check=False,
    )


def redis_start() -> None:
    home = "/var/lib/redis" if os.path.isdir("/var/lib/redis") else tempfile.gettempdir()
    subprocess.run(REDIS_START, cwd=home, check=True, timeout=30, capture_output=True)  # noqa: S603


def restore_services(admin_url: str) -> None:
    """Start PostgreSQL and Redis again if a phase (or an interruption) left one down."""
    if not postgres_answers(admin_url):
        log("PostgreSQL does not answer: starting it")
        with contextlib.suppress(subprocess.SubprocessError):
            pg_ctl("start")
        if not wait_for(lambda: postgres_answers(admin_url), 60):
            log("PostgreSQL is still down: start it by hand (pg_ctlcluster … main start)")
    if not redis_answers():
        log("Redis does not answer: starting it")
        with contextlib.suppress(subprocess.SubprocessError):
            redis_start()
        if not wait_for(redis_answers, 30):
            log(f"Redis is still down: start it by hand ({' '.join(REDIS_START)})")


# The webhook receiver -----------------------------------------------------------------


class Receiver:
    """A threaded HTTP server on loopback that records each delivery's id."""

    def __init__(self):
        self.lock = threading.Lock()
        self.deliveries: list[str] = []
        self.in_flight = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(min(length, 1_000_000))
                with receiver.lock:
                    receiver.deliveries.append(self.headers.get("X-S6-Delivery", ""))
                    receiver.in_flight += 1
                # A sender killed meanwhile (the drill's SIGKILL) has closed the socket.
                try:
                    time.sleep(RECEIVER_DELAY)
                    self.send_response(200)
                    self.send_header("Content-Length", "2")
                    self.end_headers()
                    self.wfile.write(b"ok")
                except OSError:
                    self.close_connection = True
                finally:
                    with receiver.lock:
                        receiver.in_flight -= 1

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer((LOOPBACK, 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def snapshot(self) -> tuple[list[str], int]:
        with self.lock:
            return list(self.deliveries), self.in_flight


# Processes ----------------------------------------------------------------------------


class Process:
    """A manage.py process in its own process group, restartable, its output in a log."""

    def __init__(self, env: dict, log_path: Path, *args: str):
        self.env = env
        self.log_path = log_path
        self.args = args
        self.process = None
        self.starts = 0

    def start(self) -> None:
        with open(self.log_path, "ab") as output:
            self.process = subprocess.Popen(  # noqa: S603 - this project's commands
                [PYTHON, "manage.py", *self.args],
                cwd=ROOT,
                env=self.env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.starts += 1

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self, sig=signal.SIGKILL) -> None:
        if self.alive():
            os.killpg(self.process.pid, sig)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=15)

    def stop(self) -> None:
        self.kill(signal.SIGTERM)


# Load ---------------------------------------------------------------------------------


class Load:
    """``wrk`` against the server, alternating between ``paths``."""

    def __init__(self, server: Server, paths: list[str], workdir: Path, args):
        self.server = server
        self.args = args
        self.script = workdir / "faults.lua"
        self.script.write_text(LUA % {"paths": ", ".join(json.dumps(p) for p in paths)})

    def command(self, seconds: float) -> list[str]:
        return [
            "wrk",
            f"-t{self.args.threads}",
            f"-c{self.args.connections}",
            f"-d{int(seconds)}s",
            "--timeout",
            "10s",
            "-s",
            str(self.script),
            f"{self.server.base}/",
        ]

    def start(self, seconds: float) -> subprocess.Popen:
        return subprocess.Popen(  # noqa: S603 - wrk on loopback
            self.command(seconds), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )

    @staticmethod
    def result(process: subprocess.Popen, seconds: float) -> dict:
        output, errors = process.communicate(timeout=seconds + 60)
        for line in output.splitlines():
            if line.startswith("FAULTS_JSON "):
                return json.loads(line.removeprefix("FAULTS_JSON "))
        raise RuntimeError(f"wrk gave no summary:\n{output}\n{errors}")

    def run(self, seconds: float) -> dict:
        return self.result(self.start(seconds), seconds)


def add(*results: dict) -> dict:
    total = Counter()
    for result in results:
        for key, value in result.items():
            if key.endswith("_us"):
                total[key] = max(total[key], value)
            else:
                total[key] += value
    return dict(total)


def errors(result: dict) -> int:
    return sum(
        result[key] for key in ("status_4xx", "status_5xx", "connect", "read", "write", "timeout")
    )


# The phases ---------------------------------------------------------------------------


class Drill:
    def __init__(self, args, env: dict, load: Load, processes: dict, receiver: Receiver):
        self.args = args
        self.env = env
        self.load = load
        self.server_log = Path(load.server.log_path)
        self.processes = processes
        self.worker = processes["task worker"]
        self.receiver = receiver
        self.phases: list[dict] = []
        self.webhooks: dict = {}

    def logged_errors(self) -> int:
        """The server errors Django has logged so far (``Internal Server Error: …``)."""
        text = self.server_log.read_text(errors="replace") if self.server_log.exists() else ""
        return text.count("Internal Server Error:")

    def drain(self) -> None:
        """Wait until the web workers have answered what wrk left in their queue when it
        stopped (a request behind those is answered last), so that no request is in
        progress when the next fault begins; bounded."""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.load.server.base}/bench/hello/", timeout=30):  # noqa: S310
                    break
            except OSError:
                time.sleep(0.5)
        time.sleep(1)

    def record(self, name: str, fault: str, result: dict, logged: int, **extra) -> None:
        row = {
            "phase": name,
            "fault": fault,
            **result,
            "errors": errors(result),
            "logged_5xx": logged,
            **extra,
        }
        self.phases.append(row)
        log(
            f"{name}: {result['requests']} requests, {row['errors']} errors seen by wrk "
            f"(5xx {result['status_5xx']}, 4xx {result['status_4xx']}, "
            f"socket {result['connect'] + result['read'] + result['write'] + result['timeout']}, "
            f"logged by the server {logged})"
        )

    def supervise(self) -> list[str]:
        """Start again, as a process manager would, the task worker or the scheduler if
        it exited; return their names."""
        restarted = []
        for name, process in self.processes.items():
            if not process.alive():
                log(f"the {name} exited ({process.process.returncode}): starting it again")
                process.start()
                restarted.append(name)
        return restarted

    def baseline(self) -> None:
        logged = self.logged_errors()
        result = self.load.run(self.args.phase)
        self.drain()
        self.record("baseline", "none", result, self.logged_errors() - logged)

    def postgres(self) -> None:
        logged = self.logged_errors()
        before = self.load.run(self.args.phase * 0.4)
        self.drain()
        started = time.monotonic()
        at_restart = self.logged_errors()
        pg_ctl("restart")
        answered = wait_for(lambda: postgres_answers(self.args.pg), 60)
        down = round(time.monotonic() - started, 1)
        at_ready = self.logged_errors()
        log(f"PostgreSQL restarted in {down} s")
        after = self.load.run(self.args.phase * 0.6)
        self.drain()
        self.record(
            "postgresql",
            f"cluster restarted ({down} s) between two loads, web workers idle",
            add(before, after),
            # Requests that reached the server while it was down (none if the drain
            # worked) are not part of the goal: they need the database.
            (at_restart - logged) + (self.logged_errors() - at_ready),
            while_down_5xx=at_ready - at_restart,
            back=answered,
            restarted=self.supervise(),
        )

    def redis(self) -> None:
        logged = self.logged_errors()
        seconds = self.args.phase
        process = self.load.start(seconds)
        time.sleep(4)
        redis_stop()
        stopped = time.monotonic()
        stopped_ok = wait_for(lambda: not redis_answers(), 5)
        time.sleep(max(0, 10 - (time.monotonic() - stopped)))
        redis_start()
        back = wait_for(redis_answers, 30)
        down = round(time.monotonic() - stopped, 1)
        log(f"Redis was down for {down} s")
        result = self.load.result(process, seconds)
        self.drain()
        self.record(
            "redis",
            f"server stopped under load for {down} s, then started empty",
            result,
            self.logged_errors() - logged,
            stopped=stopped_ok,
            back=back,
            restarted=self.supervise(),
        )

    def worker_kill(self) -> None:
        logged = self.logged_errors()
        seconds = self.args.phase
        process = self.load.start(seconds)
        time.sleep(2)
        log(f"publishing {PUBLISHED} pages ({PUBLISHED * ENDPOINTS} webhook deliveries)")
        manage(self.env, "shell", "-c", PUBLISH % {"count": PUBLISHED})
        # Killed while a delivery is in flight, a few into the batch.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            received, in_flight = self.receiver.snapshot()
            if len(received) >= 3 and in_flight:
                break
            time.sleep(0.02)
        received, in_flight = self.receiver.snapshot()
        self.worker.kill(signal.SIGKILL)
        log(f"task worker killed (SIGKILL) after {len(received)} deliveries, {in_flight} in flight")
        time.sleep(3)
        self.worker.start()
        result = self.load.result(process, seconds)
        self.drain()
        self.webhooks = self.wait_for_deliveries()
        self.record(
            "task worker",
            f"SIGKILL with a delivery in flight ({len(received)} received before), "
            "started again 3 s later",
            result,
            self.logged_errors() - logged,
            restarted=[],
        )

    def enqueued(self) -> list[dict]:
        connection = psycopg2.connect(self.env["DATABASE_URL"])
        try:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT args_kwargs, status, worker_ids "
                    "FROM django_tasks_database_dbtaskresult WHERE task_path = %s",
                    [DELIVERY_TASK],
                )
                return [
                    {
                        "delivery_id": row[0]["args"][1]["delivery_id"],
                        "status": row[1],
                        "workers": row[2],
                    }
                    for row in cursor.fetchall()
                ]
        finally:
            connection.close()

    def wait_for_deliveries(self) -> dict:
        """Every delivery id enqueued received at least once (bounded wait)."""
        deadline = time.monotonic() + self.args.delivery_wait
        while True:
            tasks = self.enqueued()
            expected = {task["delivery_id"] for task in tasks}
            received, _ = self.receiver.snapshot()
            missing = expected - set(received)
            done = all(task["status"] in ("SUCCESSFUL", "FAILED") for task in tasks)
            if (not missing and done) or time.monotonic() > deadline:
                break
            self.supervise()
            time.sleep(1)
        counts = Counter(received)
        result = {
            "enqueued": len(expected),
            "received": len(expected & set(received)),
            "missing": sorted(missing),
            "duplicates": sorted(key for key, number in counts.items() if number > 1),
            "unexpected": sorted(set(received) - expected),
            "recovered_tasks": sum(1 for task in tasks if len(task["workers"]) > 1),
            "task_statuses": dict(Counter(task["status"] for task in tasks)),
        }
        log(
            f"webhooks: {result['received']}/{result['enqueued']} delivery ids received, "
            f"{len(result['duplicates'])} twice, {result['recovered_tasks']} task(s) recovered"
        )
        return result


PUBLISH = """
from wagtail.models import Site
from site_s6.news.models import NewsPage
site = Site.objects.get(is_default_site=True)
pages = NewsPage.objects.live().descendant_of(site.root_page).order_by("pk")[:%(count)d]
for page in pages:
    page.save_revision().publish()
"""

ENDPOINTS_SCRIPT = """
from wagtail.models import Site
from site_s6.api.webhooks.models import WebhookEndpoint
site = Site.objects.get(is_default_site=True)
for number in range(%(count)d):
    WebhookEndpoint.objects.create(site=site, url="http://%(host)s:%(port)d/hook/%%d/" %% number)
"""


PHASES = {
    "baseline": "baseline",
    "postgresql": "postgres",
    "redis": "redis",
    "worker": "worker_kill",
}


# Report -------------------------------------------------------------------------------


GOALS = {
    "baseline": "0 errors",
    "postgresql": "0 errors: the first request after the restart succeeds",
    "redis": "0 errors (no 5xx): the cache degrades to misses",
    "task worker": "0 errors; every delivery received after the restart",
}


def met(row: dict, webhooks: dict) -> bool:
    if row["errors"] or row["logged_5xx"]:
        return False
    if row["phase"] == "task worker":
        return bool(webhooks) and not webhooks["missing"] and webhooks["enqueued"] > 0
    return row.get("back", True)


def format_report(drill: Drill, meta: dict) -> str:
    lines = [
        f"\nFault drill of {meta['date']} (commit {meta['commit']}): gunicorn {meta['workers']} "
        f"workers, one task worker, the scheduler; wrk {meta['connections']} connections on "
        f"`{API_LIST}` and a public news page.\n",
        "| phase | fault | requests | 2xx/3xx | 4xx | 5xx | socket errors | 5xx logged "
        "| goal | met |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for row in drill.phases:
        sockets = row["connect"] + row["read"] + row["write"] + row["timeout"]
        lines.append(
            f"| {row['phase']} | {row['fault']} | {row['requests']} | {row['ok']} | "
            f"{row['status_4xx']} | {row['status_5xx']} | {sockets} | {row['logged_5xx']} | "
            f"{GOALS[row['phase']]} | "
            f"{'yes' if met(row, drill.webhooks) else 'NO'} |"
        )
    hooks = drill.webhooks
    if hooks:
        lines.append(
            f"\nWebhooks: {hooks['enqueued']} deliveries enqueued to {ENDPOINTS} endpoints, "
            f"{hooks['received']} received with their delivery id, {len(hooks['missing'])} "
            f"missing; {len(hooks['duplicates'])} received twice (at least once: the delivery "
            f"cut by the kill), {len(hooks['unexpected'])} unknown ids; "
            f"{hooks['recovered_tasks']} task(s) run again by the recovery; task statuses "
            f"{hooks['task_statuses']}."
        )
    lines.append(
        "\n5xx logged: the server errors Django logged during the phase, requests wrk gave "
        "up on included (for PostgreSQL, those after it answered again)."
    )
    for row in drill.phases:
        if "while_down_5xx" in row:
            lines.append(
                f"\nRequests answered with 5xx while PostgreSQL was down: "
                f"{row['while_down_5xx']} (the web workers were idle)."
            )
        if row.get("restarted"):
            lines.append(
                f"\nAfter the {row['phase']} phase, started again after exiting on its own "
                f"(as a process manager does): {', '.join(row['restarted'])}."
            )
    return "\n".join(lines) + "\n"


def git_commit() -> str:
    try:
        return subprocess.run(  # noqa: S603
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
            cwd=ROOT,
            check=True,
            text=True,
            capture_output=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phase", type=int, default=18, help="Seconds of load per phase.")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers.")
    parser.add_argument(
        "--delivery-wait", type=int, default=120, help="Seconds to wait for the deliveries."
    )
    parser.add_argument(
        "--phases",
        default=",".join(PHASES),
        help=f"Comma-separated phases to run, in order (default: {','.join(PHASES)}).",
    )
    parser.add_argument(
        "--settings",
        default="site_s6.settings.bench",
        help="The processes' settings module (default: the bench settings).",
    )
    parser.add_argument("--logs", help="Keep the processes' logs in this directory.")
    parser.add_argument("--pg", default=f"postgres://postgres@{LOOPBACK}:5432/postgres")
    args = parser.parse_args(argv)
    args.phases = args.phases.split(",")
    for phase in args.phases:
        if phase not in PHASES:
            parser.error(f"unknown phase {phase!r}; known: {', '.join(PHASES)}")
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk (make faults does it as root).")
    if os.geteuid() != 0:
        sys.exit("make faults restarts PostgreSQL and Redis: run it as root.")
    postgres_cluster()
    if not postgres_answers(args.pg) or not redis_answers():
        sys.exit("PostgreSQL and Redis must be up on 127.0.0.1 before the drill.")
    started = time.monotonic()
    meta = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": git_commit(),
        "workers": args.workers,
        "connections": args.connections,
    }
    databases = Databases(args.pg, "faults", keep=set())
    cache = Cache(REDIS_URL, prefix="s6faults")
    processes: list[Process] = []
    try:
        with tempfile.TemporaryDirectory(prefix="s6-faults-") as workdir, Receiver() as receiver:
            work = Path(workdir)
            logs = Path(args.logs) if args.logs else work
            logs.mkdir(parents=True, exist_ok=True)
            databases.create(DATABASE)
            env = Environment(databases, cache).for_database(DATABASE, "drill")
            env.update(
                DJANGO_SETTINGS_MODULE=args.settings,
                # A settings module of one's own may live outside the repository.
                PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
                S6_OUTBOUND_ALLOW_PRIVATE="1",
                S6_TASK_STALE_AFTER=str(STALE_AFTER),
                PATH=f"{BIN}:{os.environ.get('PATH', '')}",
            )
            log("migrating and seeding")
            manage(env, "migrate", "--noinput", "-v0")
            seed = [f"--{option}={value}" for option, value in SEED.items()]
            manage(env, "seed_bulk", *seed, "--locales=ro,en", "--seed=6")
            manage(
                env,
                "shell",
                "-c",
                ENDPOINTS_SCRIPT % {"count": ENDPOINTS, "host": LOOPBACK, "port": receiver.port},
            )
            probe = module(env, "bench.probe")
            worker = Process(
                env,
                logs / "worker.log",
                "db_worker",
                "--queue-name",
                "*",
                "--interval",
                "1",
                "--no-reload",
            )
            scheduler = Process(env, logs / "scheduler.log", "run_scheduler")
            processes += [worker, scheduler]
            with Server(env, args.workers, logs / "gunicorn.log") as server:
                worker.start()
                scheduler.start()
                load = Load(server, [API_LIST, probe["news_path"]], work, args)
                for path in (API_LIST, probe["news_path"]):
                    with urllib.request.urlopen(f"{server.base}{path}", timeout=60) as answer:  # noqa: S310
                        log(f"{path}: {answer.status}")
                drill = Drill(
                    args, env, load, {"task worker": worker, "scheduler": scheduler}, receiver
                )
                for phase in args.phases:
                    try:
                        getattr(drill, PHASES[phase])()
                    finally:
                        restore_services(args.pg)
                    if phase == "postgresql":
                        # The admin connection did not survive the restart.
                        databases.connection = psycopg2.connect(args.pg)
                        databases.connection.autocommit = True
                for process in processes:
                    process.stop()
            for name in ("worker", "scheduler", "gunicorn"):
                path = logs / f"{name}.log"
                tail = path.read_text(errors="replace").splitlines()[-5:] if path.exists() else []
                if tail:
                    log(f"last lines of {name}.log:\n  " + "\n  ".join(tail))
    finally:
        for process in processes:
            with contextlib.suppress(Exception):
                process.stop()
        restore_services(args.pg)
        with contextlib.suppress(Exception):
            cache.clear()
        with contextlib.suppress(Exception):
            databases.close()
    report = format_report(drill, meta)
    print(report)
    log(f"done in {round(time.monotonic() - started)} s")
    return 0 if all(met(row, drill.webhooks) for row in drill.phases) else 1


if __name__ == "__main__":
    sys.exit(main())
