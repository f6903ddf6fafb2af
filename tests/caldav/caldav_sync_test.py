#!/usr/bin/python3
"""End-to-end tests of `simplan remind --sync caldav` and `simplan remind --sync vdir DIR`.

Usage: /usr/bin/python3 tests/caldav/caldav_sync_test.py SIMPLAN_BINARY [unittest arguments]

Needs Debian's python3-radicale (3.1) and python3-caldav (0.11) and nothing else.

Every CalDAV test starts its own Radicale on 127.0.0.1 (the port is picked by the kernel and read from
Radicale's log), with htpasswd logins (alice / secret), a temporary storage folder and a log file, and makes
the calendar collection /alice/renewals/ with python-caldav. What is on the server is always read with
python-caldav and what reached the server with Radicale's log, never with simplan.

Every simplan run gets a temporary HOME and XDG_CONFIG_HOME, `--today 2026-11-29`, SOURCE_DATE_EPOCH and
LANG=C.UTF-8, so nothing depends on the clock, the machine or the user running the tests.
"""

import ast
import collections
import dataclasses
import http.client
import http.server
import json
import os
import re
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.parse
from pathlib import Path
from typing import Callable, Dict, List, Optional

import caldav
import icalendar
from caldav.elements import dav

SIMPLAN: Optional[str] = None  # the simplan executable, from the command line

TODAY = "2026-11-29"
SOURCE_DATE_EPOCH = "1796000000"
USER = "alice"
PASSWORD = "secret"
COLLECTION_PATH = "/alice/renewals/"
MOMS_PHONE = "Mom's phone"
MY_MINT = "My Mint"

STARTUP_DEADLINE_SECONDS = 30
PROCESS_TIMEOUT_SECONDS = 120

# Methods that change something on a WebDAV server.
WRITE_METHODS = {"PUT", "DELETE", "MOVE", "COPY", "PROPPATCH", "MKCOL", "MKCALENDAR", "POST"}

HEX16_LINE_ID = re.compile(r"^simplan-([0-9a-f]{16})-")
SYNC_HASH = re.compile(r"^[0-9a-fA-F]{16}$")


# ---------------------------------------------------------------------------------------------------------
# Calendar data: what simplan exports, and what a calendar object holds


def unfold(text: str) -> str:
    return re.sub(r"\r?\n[ \t]", "", text)


@dataclasses.dataclass(frozen=True)
class ExportedEvent:
    """One VEVENT of `simplan remind --export ics`."""

    uid: str
    day: str  # DTSTART, YYYY-MM-DD
    summary: str
    content: str  # the VEVENT's unfolded lines without DTSTAMP: equal content, equal X-SIMPLAN-HASH
    vevent: icalendar.cal.Component


def parse_export(text: str) -> Dict[str, ExportedEvent]:
    """The events of an iCalendar export by UID, in the export's order."""
    contents: Dict[str, str] = {}
    block: Optional[List[str]] = None
    for line in unfold(text).splitlines():
        if line == "BEGIN:VEVENT":
            block = []
        elif line == "END:VEVENT" and block is not None:
            uid = next(l[4:] for l in block if l.startswith("UID:"))
            contents[uid] = "\n".join(l for l in block if not re.match(r"DTSTAMP[:;]", l))
            block = None
        elif block is not None:
            block.append(line)
    events: Dict[str, ExportedEvent] = {}
    for vevent in icalendar.Calendar.from_ical(text).walk("VEVENT"):
        uid = str(vevent["UID"])
        events[uid] = ExportedEvent(uid=uid, day=vevent.decoded("DTSTART").isoformat(),
                                    summary=str(vevent["SUMMARY"]), content=contents[uid], vevent=vevent)
    return events


def component_fields(component: icalendar.cal.Component, ignore=("DTSTAMP", "X-SIMPLAN-HASH")) -> dict:
    """A component's properties (serialized) and sub-components, for comparing two copies of an event."""
    props = collections.defaultdict(list)
    for name, value in component.property_items(recursive=False):
        if name in ("BEGIN", "END") or name in ignore:
            continue
        props[name].append(value.to_ical().decode() if hasattr(value, "to_ical") else str(value))
    return {"properties": {k: sorted(v) for k, v in props.items()},
            "components": [(sub.name, component_fields(sub, ignore)) for sub in component.subcomponents]}


def diff_exports(old: Dict[str, ExportedEvent], new: Dict[str, ExportedEvent]):
    """What a sync from a target holding `old` to `new` must do: (created, updated, deleted, unchanged)."""
    created = [uid for uid in new if uid not in old]
    updated = [uid for uid in new if uid in old and new[uid].content != old[uid].content]
    deleted = [uid for uid in old if uid not in new]
    unchanged = [uid for uid in new if uid in old and new[uid].content == old[uid].content]
    return created, updated, deleted, unchanged


@dataclasses.dataclass(frozen=True)
class StoredObject:
    """One calendar object resource (or vdir file) as a client sees it."""

    name: str  # last segment of the href (percent-decoded), or the file name
    etag: str
    text: str
    uid: str
    day: str
    summary: str
    sync_hash: Optional[str]
    calendar: icalendar.Calendar


def parse_stored(name: str, etag: str, text: str) -> StoredObject:
    cal = icalendar.Calendar.from_ical(text)
    vevents = cal.walk("VEVENT")
    first = vevents[0] if vevents else None
    return StoredObject(
        name=name, etag=etag, text=text, calendar=cal,
        uid=str(first["UID"]) if first is not None and "UID" in first else "",
        day=first.decoded("DTSTART").isoformat() if first is not None and "DTSTART" in first else "",
        summary=str(first.get("SUMMARY", "")) if first is not None else "",
        sync_hash=str(first["X-SIMPLAN-HASH"]) if first is not None and "X-SIMPLAN-HASH" in first else None)


def list_collection(calendar: caldav.Calendar) -> Dict[str, StoredObject]:
    """Every object of a CalDAV collection by resource name, with its ETag (sync-collection REPORT + GETs)."""
    objects = {}
    for obj in calendar.objects(load_objects=True):
        if obj.data is None:  # listed by the REPORT as removed, or removed before its GET
            continue
        name = urllib.parse.unquote(obj.url.path.rsplit("/", 1)[-1])
        objects[name] = parse_stored(name, obj.props.get(dav.GetEtag.tag, ""), obj.data)
    return objects


def list_vdir(directory: Path) -> Dict[str, StoredObject]:
    return {p.name: parse_stored(p.name, "", p.read_text(encoding="utf-8"))
            for p in sorted(directory.iterdir()) if p.name.endswith(".ics")}


def file_states(directory: Path) -> dict:
    """Every file of a directory: (inode, mtime in ns, bytes)."""
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes()) for p in sorted(directory.iterdir())}


def foreign_ics(uid: str, summary: str, day: str = "20261210") -> str:
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//example//someone else//EN\r\nBEGIN:VEVENT\r\n"
            f"UID:{uid}\r\nDTSTAMP:20261101T100000Z\r\nDTSTART;VALUE=DATE:{day}\r\nSUMMARY:{summary}\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n")


# ---------------------------------------------------------------------------------------------------------
# Radicale


@dataclasses.dataclass(frozen=True)
class LoggedRequest:
    method: str
    path: str


class Radicale:
    """One Radicale server, its storage, its users and its log, in `root`."""

    LISTENING = re.compile(r"Listening on '\[?([0-9.]+)\]?:(\d+)'")
    REQUEST = re.compile(r"\] ([A-Z]+) request for ('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")")

    def __init__(self, root: Path):
        self.root = root
        self.log_path = root / "radicale.log"
        self.process: Optional[subprocess.Popen] = None
        self.port = 0

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def collection_url(self) -> str:
        return self.origin + COLLECTION_PATH

    def start(self) -> None:
        self.root.mkdir(parents=True)
        users = self.root / "users"
        users.write_text(f"{USER}:{PASSWORD}\n")
        config = self.root / "config"
        config.write_text(f"""\
[server]
hosts = 127.0.0.1:0
[auth]
type = htpasswd
htpasswd_filename = {users}
htpasswd_encryption = plain
delay = 0
[rights]
type = owner_only
[storage]
filesystem_folder = {self.root / "collections"}
[web]
type = none
[logging]
level = info
mask_passwords = True
""")
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen([sys.executable, "-m", "radicale", "--config", str(config)],
                                            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + STARTUP_DEADLINE_SECONDS
        while True:
            log_text = self.log_path.read_text(errors="replace")
            match = self.LISTENING.search(log_text)
            if match and "Radicale server ready" in log_text:
                self.port = int(match.group(2))
                try:
                    socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                    return
                except OSError:
                    pass
            if self.process.poll() is not None:
                raise RuntimeError(f"Radicale exited with {self.process.returncode}:\n{log_text}")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"Radicale did not accept connections within {STARTUP_DEADLINE_SECONDS} s:\n"
                                   f"{log_text}")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def log_mark(self) -> int:
        """Where the log ends now; `requests_since` reads what was logged after it."""
        return self.log_path.stat().st_size

    def requests_since(self, mark: int) -> List[LoggedRequest]:
        """The requests that reached the server since `mark` (Radicale logs "PUT request for '/path' ...")."""
        with open(self.log_path, "rb") as log:
            log.seek(mark)
            text = log.read().decode("utf-8", errors="replace")
        return [LoggedRequest(m.group(1), ast.literal_eval(m.group(2))) for m in self.REQUEST.finditer(text)]

    def writes_since(self, mark: int) -> List[LoggedRequest]:
        return [r for r in self.requests_since(mark) if r.method in WRITE_METHODS]


# ---------------------------------------------------------------------------------------------------------
# A proxy between simplan and Radicale that can change the server behind simplan's back


@dataclasses.dataclass
class Exchange:
    method: str
    path: str
    headers: Dict[str, str]
    status: int = 0


class Proxy:
    """Forwards every request verbatim to Radicale and returns its response verbatim (less hop-by-hop
    headers). `before_forward(method, path, headers)` runs in the request's thread before it is forwarded."""

    HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer",
                  "upgrade", "expect", "content-length"}

    def __init__(self, upstream_port: int, before_forward: Optional[Callable[[str, str, Dict[str, str]], None]]):
        self.upstream_port = upstream_port
        self.before_forward = before_forward
        self.exchanges: List[Exchange] = []
        self.errors: List[str] = []
        self.lock = threading.Lock()
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def __getattr__(self, name):
                if name.startswith("do_"):
                    return self.forward
                raise AttributeError(name)

            def read_body(self) -> Optional[bytes]:
                if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
                    body = b""
                    while True:
                        size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                        if size == 0:
                            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                                pass
                            return body
                        body += self.rfile.read(size)
                        self.rfile.readline()
                if "Content-Length" in self.headers:
                    return self.rfile.read(int(self.headers["Content-Length"]))
                return None

            def forward(self):
                body = self.read_body()
                headers = {k: v for k, v in self.headers.items()}
                exchange = Exchange(self.command, urllib.parse.unquote(self.path.split("?")[0]), headers)
                with proxy.lock:
                    proxy.exchanges.append(exchange)
                if proxy.before_forward is not None:
                    try:
                        proxy.before_forward(exchange.method, exchange.path, headers)
                    except Exception as error:  # reported by the test, the request still goes through
                        with proxy.lock:
                            proxy.errors.append(f"{exchange.method} {exchange.path}: {error!r}")
                upstream = http.client.HTTPConnection("127.0.0.1", proxy.upstream_port, timeout=60)
                try:
                    upstream.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
                    for name, value in self.headers.items():
                        if name.lower() not in proxy.HOP_BY_HOP:
                            upstream.putheader(name, value)
                    if body is not None:
                        upstream.putheader("Content-Length", str(len(body)))
                    upstream.endheaders(body)
                    response = upstream.getresponse()
                    data = response.read()
                finally:
                    upstream.close()
                exchange.status = response.status
                self.send_response_only(response.status, response.reason)
                for name, value in response.getheaders():
                    if name.lower() not in proxy.HOP_BY_HOP:
                        self.send_header(name, value)
                if self.command == "HEAD":
                    if response.getheader("Content-Length") is not None:
                        self.send_header("Content-Length", response.getheader("Content-Length"))
                elif data or response.status not in (204, 304):
                    self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def collection_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{COLLECTION_PATH}"

    def __enter__(self) -> "Proxy":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)


# ---------------------------------------------------------------------------------------------------------
# Fixtures


class Fixture(unittest.TestCase):
    """A temporary directory, and on request a Radicale with the collection and/or a HOME with two lines."""

    maxDiff = None

    def setUp(self):
        tmp = tempfile.TemporaryDirectory(prefix="simplan-caldav-test-")
        self.addCleanup(tmp.cleanup)
        self.tmp = Path(tmp.name)

    # --- Radicale and python-caldav

    def start_radicale(self) -> None:
        self.radicale = Radicale(self.tmp / "radicale")
        self.radicale.start()
        self.addCleanup(self.radicale.stop)
        self.client = caldav.DAVClient(self.radicale.origin + "/", username=USER, password=PASSWORD)
        self.addCleanup(self.client.close)
        self.calendar = self.client.principal().make_calendar(name="Renewals", cal_id="renewals")
        self.assertEqual(self.calendar.url.path, COLLECTION_PATH)

    def new_client(self) -> caldav.DAVClient:
        """A client of its own (for another thread)."""
        return caldav.DAVClient(self.radicale.origin + "/", username=USER, password=PASSWORD)

    def server_objects(self) -> Dict[str, StoredObject]:
        return list_collection(self.calendar)

    def put_foreign(self, name: str, text: str) -> None:
        """Puts an object made by someone else at COLLECTION_PATH + name."""
        response = self.client.put(self.radicale.origin + COLLECTION_PATH + urllib.parse.quote(name), text,
                                   {"Content-Type": "text/calendar; charset=utf-8"})
        self.assertIn(response.status, (201, 204), f"PUT {name}")

    # --- simplan

    def setup_simplan_home(self, caldav_url: Optional[str] = None) -> None:
        self.home = self.tmp / "home"
        self.config_dir = self.home / ".config"
        self.simplan_dir = self.config_dir / "simplan"
        self.simplan_dir.mkdir(parents=True)
        if caldav_url is not None:
            self.write_caldav_config(caldav_url, self.simplan_dir / "caldav.json")
        self.simplan("lines", "add", "--plan", "cricket-smart-unlimited", "--start", "2026-10-31",
                     "--label", MOMS_PHONE)
        self.simplan("lines", "add", "--plan", "mint-unlimited", "--term", "90d", "--start", "2026-11-29",
                     "--label", MY_MINT)

    def write_caldav_config(self, url: str, path: Optional[Path] = None) -> Path:
        path = path or self.tmp / f"caldav-{len(list(self.tmp.glob('caldav-*.json')))}.json"
        path.write_text(json.dumps({"url": url, "username": USER,
                                    "password_command": ["printf", "%s", PASSWORD]}, indent=2))
        return path

    def environment(self, extra: Optional[Dict[str, str]] = None) -> Dict[str, str]:
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(self.home),
               "XDG_CONFIG_HOME": str(self.config_dir), "LANG": "C.UTF-8", "TZ": "UTC",
               "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
        env.update({k: v for k, v in os.environ.items() if re.match(r"(ASAN|UBSAN|LSAN|MSAN)_OPTIONS$", k)})
        env.update(extra or {})
        return env

    def simplan(self, *args: str, expect: int = 0, env: Optional[Dict[str, str]] = None
                ) -> subprocess.CompletedProcess:
        command = [SIMPLAN, "--today", TODAY, *args]
        result = subprocess.run(command, env=self.environment(env), cwd=self.tmp, stdin=subprocess.DEVNULL,
                                capture_output=True, text=True, timeout=PROCESS_TIMEOUT_SECONDS)
        if result.returncode != expect:
            self.fail(f"{' '.join(command)}\nexited {result.returncode}, expected {expect}\n"
                      f"--- stdout\n{result.stdout}--- stderr\n{result.stderr}")
        return result

    def export(self, *options: str) -> Dict[str, ExportedEvent]:
        events = parse_export(self.simplan("remind", "--export", "ics", *options).stdout)
        self.assertTrue(events, "the export has no events")
        return events

    def line_id(self, label: str) -> str:
        lines = json.loads((self.simplan_dir / "lines.json").read_text())["lines"]
        return next(line["id"] for line in lines if line["label"] == label)

    def uids_of(self, events, label: str) -> List[str]:
        prefix = f"simplan-{self.line_id(label)}-"
        return [uid for uid in events if uid.startswith(prefix)]

    def local_files(self) -> Dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted(self.simplan_dir.iterdir())}

    def sync(self, *options: str, target: str = "caldav", expect: int = 0, config: Optional[Path] = None,
             env: Optional[Dict[str, str]] = None) -> subprocess.CompletedProcess:
        """`simplan remind --sync TARGET OPTIONS`; checks that nothing local changed and no password leaked."""
        env = dict(env or {})
        if config is not None:
            env["SIMPLAN_CALDAV_CONFIG"] = str(config)
        before = self.local_files()
        result = self.simplan("remind", "--sync", *target.split(" ", 1), *options, expect=expect, env=env)
        self.assertEqual(self.local_files(), before, "a sync changed simplan's local files")
        for password in (PASSWORD, env.get("SIMPLAN_CALDAV_PASSWORD")):
            if password:
                self.assertNotIn(password, result.stdout + result.stderr, "simplan printed the password")
        return result

    # --- assertions

    def assertSyncReport(self, result, target: str, new: Dict[str, ExportedEvent], created=(), updated=(),
                         deleted=(), unchanged: int = 0, dry_run: bool = False) -> None:
        """stdout is one line per change ("created UID DATE SUMMARY", "deleted UID", or with --dry-run
        "would create ..."), in any order, then the summary line."""
        lines = result.stdout.splitlines()
        self.assertTrue(lines, "no output")
        *changes, summary = lines
        verbs = ({"created": "would create", "updated": "would update", "deleted": "would delete"} if dry_run
                 else {"created": "created", "updated": "updated", "deleted": "deleted"})
        expected = sorted([f"{verbs['created']} {uid} {new[uid].day} {new[uid].summary}" for uid in created] +
                          [f"{verbs['updated']} {uid} {new[uid].day} {new[uid].summary}" for uid in updated] +
                          [f"{verbs['deleted']} {uid}" for uid in deleted])
        # "deleted UID" may be followed by the date and summary of what was deleted.
        got = sorted(re.sub(rf"^({verbs['deleted']} \S+) .*$", r"\1", line) for line in changes)
        self.assertEqual(got, expected, f"the change lines; whole output:\n{result.stdout}")
        total = len(created) + len(updated) + unchanged
        if dry_run:
            want = (f"Dry run for {target}: {len(created)} to create, {len(updated)} to update, "
                    f"{len(deleted)} to delete, {unchanged} unchanged.")
            self.assertEqual(summary, want)
        else:
            pattern = (rf"Synced {total} events? to {re.escape(target)}: {len(created)} created, "
                       rf"{len(updated)} updated, {len(deleted)} deleted, {unchanged} unchanged\.")
            self.assertRegex(summary, "^" + pattern + "$")

    def assertHolds(self, stored: Dict[str, StoredObject], wanted: Dict[str, ExportedEvent],
                    foreign: Dict[str, StoredObject] = None) -> None:
        """The target holds exactly `wanted` as simplan's objects (<UID>.ics, the export's VEVENT plus
        X-SIMPLAN-HASH), and the `foreign` objects unchanged."""
        foreign = foreign or {}
        self.assertEqual(sorted(stored), sorted([uid + ".ics" for uid in wanted] + list(foreign)))
        for name, before in foreign.items():
            self.assertEqual((stored[name].etag, stored[name].text), (before.etag, before.text),
                             f"someone else's {name} was changed")
        for uid, event in wanted.items():
            obj = stored[uid + ".ics"]
            with self.subTest(uid=uid):
                self.assertEqual((obj.uid, obj.day, obj.summary), (uid, event.day, event.summary))
                self.assertRegex(obj.sync_hash or "", SYNC_HASH, "X-SIMPLAN-HASH")
                cal = obj.calendar
                self.assertEqual(str(cal.get("VERSION")), "2.0")
                self.assertRegex(str(cal.get("PRODID")), r"^-//simplan//simplan \S+//EN$")
                self.assertEqual(str(cal.get("CALSCALE")), "GREGORIAN")
                self.assertEqual([c.name for c in cal.subcomponents], ["VEVENT"])
                self.assertEqual(component_fields(cal.subcomponents[0]), component_fields(event.vevent))

    def assertWrites(self, mark: int, puts=(), deletes=()) -> None:
        """Exactly one PUT per UID in `puts` and one DELETE per UID in `deletes` reached Radicale."""
        got = collections.Counter((r.method, r.path) for r in self.radicale.writes_since(mark))
        want = collections.Counter([("PUT", COLLECTION_PATH + uid + ".ics") for uid in puts] +
                                   [("DELETE", COLLECTION_PATH + uid + ".ics") for uid in deletes])
        self.assertEqual(sorted(got.elements()), sorted(want.elements()), "the writes that reached Radicale")

    def assertSameObjects(self, before: Dict[str, StoredObject], after: Dict[str, StoredObject], names) -> None:
        for name in names:
            self.assertIn(name, after)
            self.assertEqual((after[name].etag, after[name].text), (before[name].etag, before[name].text),
                             f"{name} was changed")


# ---------------------------------------------------------------------------------------------------------
# The tests


class HarnessSelfTest(Fixture):
    """The fixtures themselves (no simplan): when these fail, the other failures say nothing about simplan."""

    def setUp(self):
        super().setUp()
        self.start_radicale()

    def test_radicale_logs_each_put_and_the_proxy_forwards_verbatim(self):
        mark = self.radicale.log_mark()
        self.calendar.save_event(foreign_ics("dentist-123@example.com", "Dentist"))
        self.assertEqual([(r.method, r.path) for r in self.radicale.writes_since(mark)],
                         [("PUT", COLLECTION_PATH + "dentist-123@example.com.ics")])
        stored = self.server_objects()
        self.assertEqual([(o.uid, o.day, o.summary) for o in stored.values()],
                         [("dentist-123@example.com", "2026-12-10", "Dentist")])
        etag = stored["dentist-123@example.com.ics"].etag
        self.assertTrue(etag)

        seen = []
        with Proxy(self.radicale.port, lambda method, path, headers: seen.append(method)) as proxy, \
                caldav.DAVClient(proxy.collection_url, username=USER, password=PASSWORD) as client:
            calendars = client.principal().calendars()  # PROPFINDs
            self.assertEqual([c.url for c in calendars], [proxy.collection_url])
            via_proxy = list_collection(client.calendar(url=proxy.collection_url))
            self.assertEqual(via_proxy["dentist-123@example.com.ics"].etag, etag)
            url = proxy.collection_url + "dentist-123@example.com.ics"
            text = foreign_ics("dentist-123@example.com", "Dentist moved")
            stale = client.request(url, "PUT", text, {"If-Match": '"stale"', "Content-Type": "text/calendar"})
            fresh = client.request(url, "PUT", text, {"If-Match": etag, "Content-Type": "text/calendar"})
        self.assertEqual(stale.status, 412)
        self.assertIn(fresh.status, (201, 204))  # Radicale answers 201 to a PUT that replaces, too
        self.assertEqual([e.status for e in proxy.exchanges if e.method == "PUT"], [412, fresh.status])
        self.assertIn("PROPFIND", seen)
        self.assertEqual(proxy.errors, [])
        self.assertEqual(self.server_objects()["dentist-123@example.com.ics"].summary, "Dentist moved")


class CalDavSyncTest(Fixture):
    def setUp(self):
        super().setUp()
        self.start_radicale()
        self.setup_simplan_home(self.radicale.collection_url)
        self.url = self.radicale.collection_url

    def first_sync(self) -> Dict[str, ExportedEvent]:
        wanted = self.export()
        self.sync()
        return wanted

    def edit_on_server(self, path: str, summary: str) -> str:
        """Changes the SUMMARY of the object at `path` directly on Radicale; returns its new ETag."""
        with self.new_client() as client:
            event = client.calendar(url=self.radicale.collection_url).event_by_url(self.radicale.origin + path)
            event.load()
            event.icalendar_component["SUMMARY"] = icalendar.vText(summary)
            event.save()
            return event.load().props[dav.GetEtag.tag]

    def test_the_first_sync_creates_exactly_the_exported_events(self):
        wanted = self.export()
        self.assertEqual(len(wanted), 8)
        mark = self.radicale.log_mark()
        result = self.sync()
        self.assertEqual(result.stderr, "")
        self.assertSyncReport(result, self.url, wanted, created=list(wanted))
        self.assertWrites(mark, puts=list(wanted))
        self.assertHolds(self.server_objects(), wanted)

    def test_a_second_sync_with_nothing_changed_sends_no_put_and_no_delete(self):
        wanted = self.first_sync()
        before = self.server_objects()
        mark = self.radicale.log_mark()
        result = self.sync()
        self.assertWrites(mark)
        self.assertSyncReport(result, self.url, wanted, unchanged=len(wanted))
        self.assertEqual(result.stdout.count("\n"), 1, "only the summary line")
        after = self.server_objects()
        self.assertSameObjects(before, after, before)
        self.assertEqual(sorted(after), sorted(before))

    def test_a_recorded_renewal_replaces_the_paid_terms_events_and_leaves_the_other_line_alone(self):
        old = self.first_sync()
        before = self.server_objects()
        self.simplan("lines", "renewed", MOMS_PHONE, "--on", TODAY)
        new = self.export()
        created, updated, deleted, unchanged = diff_exports(old, new)
        moms_id = self.line_id(MOMS_PHONE)
        self.assertTrue({f"simplan-{moms_id}-t1-renewal", f"simplan-{moms_id}-t1-suspended"} <= set(deleted))
        self.assertIn(f"simplan-{moms_id}-t2-suspended", created)

        mark = self.radicale.log_mark()
        result = self.sync()
        self.assertSyncReport(result, self.url, new, created, updated, deleted, len(unchanged))
        self.assertWrites(mark, puts=created + updated, deletes=deleted)
        after = self.server_objects()
        self.assertHolds(after, new)
        self.assertFalse([name for name in after if name.startswith(f"simplan-{moms_id}-t1-")])
        mint = [uid + ".ics" for uid in self.uids_of(old, MY_MINT)]
        self.assertTrue(mint)
        self.assertSameObjects(before, after, mint)

    def test_a_removed_line_loses_all_its_events_and_the_other_line_keeps_its_own(self):
        old = self.first_sync()
        before = self.server_objects()
        mint = self.uids_of(old, MY_MINT)
        self.simplan("lines", "remove", MY_MINT)
        new = self.export()
        self.assertEqual(sorted(new), sorted(uid for uid in old if uid not in mint))

        mark = self.radicale.log_mark()
        result = self.sync()
        self.assertSyncReport(result, self.url, new, deleted=mint, unchanged=len(new))
        self.assertWrites(mark, deletes=mint)
        after = self.server_objects()
        self.assertHolds(after, new)
        self.assertSameObjects(before, after, [uid + ".ics" for uid in new])

    def test_events_that_are_not_simplans_are_never_changed_or_deleted(self):
        self.calendar.save_event(foreign_ics("dentist-123@example.com", "Dentist"))
        self.calendar.save_event(foreign_ics("simplan-12345-t1-renewal", "Not simplan's: 5 hex digits"))
        self.calendar.save_event(foreign_ics("simplan-0123456789abcdef01-t1-renewal",
                                             "Not simplan's: 18 hex digits"))
        # Named like the event of a line that is not in the lines file, but its UID is someone else's.
        self.put_foreign("simplan-0123456789abcdef-t1-renewal.ics",
                         foreign_ics("birthday-7@example.com", "Birthday"))
        foreign = self.server_objects()
        self.assertEqual(len(foreign), 4)

        def sync_and_check(old, new):
            created, updated, deleted, unchanged = diff_exports(old, new)
            mark = self.radicale.log_mark()
            result = self.sync()
            self.assertSyncReport(result, self.url, new, created, updated, deleted, len(unchanged))
            self.assertWrites(mark, puts=created + updated, deletes=deleted)
            self.assertHolds(self.server_objects(), new, foreign)

        first = self.export()
        sync_and_check({}, first)
        sync_and_check(first, first)
        self.simplan("lines", "renewed", MOMS_PHONE, "--on", TODAY)
        renewed = self.export()
        sync_and_check(first, renewed)
        self.simplan("lines", "remove", MY_MINT)
        sync_and_check(renewed, self.export())

    def test_a_wrong_password_fails_with_exit_5_and_changes_nothing(self):
        self.first_sync()
        self.simplan("lines", "renewed", MOMS_PHONE, "--on", TODAY)  # so that a sync would change something
        before = self.server_objects()
        lines_file = (self.simplan_dir / "lines.json").read_bytes()
        mark = self.radicale.log_mark()
        result = self.sync(expect=5, env={"SIMPLAN_CALDAV_PASSWORD": "not-the-secret-7319"})
        self.assertTrue(result.stderr.startswith("simplan: error: "), result.stderr)
        self.assertIn(f'refused the login of user "{USER}" (HTTP 401)', result.stderr)
        self.assertIn(self.url, result.stderr)
        self.assertTrue(self.radicale.requests_since(mark), "no request reached Radicale")
        self.assertWrites(mark)
        after = self.server_objects()
        self.assertSameObjects(before, after, before)
        self.assertEqual(sorted(after), sorted(before))
        self.assertEqual((self.simplan_dir / "lines.json").read_bytes(), lines_file)

    def test_a_server_that_is_down_fails_with_exit_5_and_changes_nothing(self):
        # A socket bound but not listening: connections to its port are refused, and nobody else can take it.
        with socket.socket() as closed:
            closed.bind(("127.0.0.1", 0))
            url = f"http://127.0.0.1:{closed.getsockname()[1]}{COLLECTION_PATH}"
            lines_file = (self.simplan_dir / "lines.json").read_bytes()
            result = self.sync(expect=5, config=self.write_caldav_config(url))
        self.assertTrue(result.stderr.startswith("simplan: error: "), result.stderr)
        self.assertIn(f"cannot connect to {url}", result.stderr)
        self.assertEqual((self.simplan_dir / "lines.json").read_bytes(), lines_file)
        self.assertEqual(self.server_objects(), {})

    def conflict_setup(self):
        """A first sync, then the options (`--state WA`) whose sync must update some events."""
        old = self.first_sync()
        new = self.export("--state", "WA")
        created, updated, deleted, unchanged = diff_exports(old, new)
        self.assertEqual((created, deleted), ([], []))
        self.assertGreaterEqual(len(updated), 2, "--state WA should change the amounts of the Mint events")
        return new, updated, unchanged

    def test_every_write_is_conditional_on_what_simplan_listed(self):
        def writes(proxy):
            return {(e.method, e.path[len(COLLECTION_PATH):-len(".ics")]): e for e in proxy.exchanges
                    if e.method in WRITE_METHODS}

        old = self.export()
        with Proxy(self.radicale.port, None) as proxy:
            self.sync(config=self.write_caldav_config(proxy.collection_url))
        self.assertEqual(sorted(writes(proxy)), sorted(("PUT", uid) for uid in old))
        for (method, uid), exchange in writes(proxy).items():
            self.assertEqual((exchange.headers.get("If-None-Match"), exchange.headers.get("If-Match")), ("*", None),
                             f"the PUT that creates {uid}")

        before = self.server_objects()
        self.simplan("lines", "renewed", MOMS_PHONE, "--on", TODAY)
        new = self.export("--state", "WA")
        created, updated, deleted, unchanged = diff_exports(old, new)
        self.assertTrue(created and updated and deleted)
        with Proxy(self.radicale.port, None) as proxy:
            self.sync("--state", "WA", config=self.write_caldav_config(proxy.collection_url))
        self.assertEqual(sorted(writes(proxy)), sorted([("PUT", uid) for uid in created + updated] +
                                                       [("DELETE", uid) for uid in deleted]))
        for uid in created:
            self.assertEqual(writes(proxy)[("PUT", uid)].headers.get("If-None-Match"), "*")
        for method, uids in (("PUT", updated), ("DELETE", deleted)):
            for uid in uids:
                self.assertEqual(writes(proxy)[(method, uid)].headers.get("If-Match"), before[uid + ".ics"].etag,
                                 f"the {method} of {uid}")
        self.assertHolds(self.server_objects(), new)

    def test_a_412_conflict_is_read_again_and_retried_once(self):
        new, updated, unchanged = self.conflict_setup()
        tampered = []  # (path, ETag after the change)

        def before_forward(method, path, headers):
            if method == "PUT" and "If-Match" in headers and not tampered:
                tampered.append((path, self.edit_on_server(path, "Changed by someone else")))

        with Proxy(self.radicale.port, before_forward) as proxy:
            result = self.sync("--state", "WA", config=self.write_caldav_config(proxy.collection_url))
        self.assertEqual(proxy.errors, [])
        self.assertEqual(len(tampered), 1, "simplan sent no PUT with If-Match")
        path, new_etag = tampered[0]
        puts = [e for e in proxy.exchanges if e.method == "PUT" and e.path == path]
        self.assertEqual([e.status for e in puts][:1], [412], "Radicale should have refused the first PUT")
        self.assertEqual(len(puts), 2, "simplan should retry the refused PUT once")
        self.assertEqual(puts[1].headers.get("If-Match"), new_etag, "the retry's If-Match is the new ETag")
        self.assertIn(puts[1].status, (200, 201, 204))
        self.assertSyncReport(result, proxy.collection_url, new, updated=updated, unchanged=len(unchanged))
        self.assertHolds(self.server_objects(), new)

        mark = self.radicale.log_mark()
        again = self.sync("--state", "WA")
        self.assertSyncReport(again, self.url, new, unchanged=len(new))
        self.assertWrites(mark)

    def test_a_second_412_for_the_same_event_fails_with_exit_5_and_the_other_events_are_still_synced(self):
        new, updated, unchanged = self.conflict_setup()
        target = []  # the path of the first PUT with If-Match; changed before each of its PUTs

        def before_forward(method, path, headers):
            if method == "PUT" and "If-Match" in headers and (not target or target[0] == path):
                target[:1] = [path]
                self.edit_on_server(path, f"Changed by someone else ({headers['If-Match']})")

        with Proxy(self.radicale.port, before_forward) as proxy:
            result = self.sync("--state", "WA", expect=5, config=self.write_caldav_config(proxy.collection_url))
        self.assertEqual(proxy.errors, [])
        self.assertTrue(target, "simplan sent no PUT with If-Match")
        failed_uid = urllib.parse.unquote(target[0].rsplit("/", 1)[-1])[:-len(".ics")]
        self.assertEqual([e.status for e in proxy.exchanges if e.method == "PUT" and e.path == target[0]],
                         [412, 412], "one PUT and one retry, both refused")
        self.assertIn("simplan: error: ", result.stderr)
        self.assertIn(failed_uid, result.stderr)
        others = [uid for uid in updated if uid != failed_uid]
        self.assertTrue(others)
        for uid in others:
            self.assertIn(f"updated {uid} {new[uid].day} {new[uid].summary}", result.stdout.splitlines())
        self.assertNotIn(f"updated {failed_uid} ", result.stdout)
        stored = self.server_objects()
        self.assertTrue(stored[failed_uid + ".ics"].summary.startswith("Changed by someone else"))
        self.assertHolds({k: v for k, v in stored.items() if k != failed_uid + ".ics"},
                         {k: v for k, v in new.items() if k != failed_uid})

        mark = self.radicale.log_mark()
        again = self.sync("--state", "WA")
        self.assertSyncReport(again, self.url, new, updated=[failed_uid], unchanged=len(new) - 1)
        self.assertWrites(mark, puts=[failed_uid])
        self.assertHolds(self.server_objects(), new)

    def test_a_dry_run_says_what_would_change_and_writes_nothing(self):
        wanted = self.export()
        mark = self.radicale.log_mark()
        result = self.sync("--dry-run")
        self.assertSyncReport(result, self.url, wanted, created=list(wanted), dry_run=True)
        self.assertWrites(mark)
        self.assertEqual(self.server_objects(), {})

        self.sync()
        before = self.server_objects()
        self.simplan("lines", "renewed", MOMS_PHONE, "--on", TODAY)
        new = self.export("--state", "WA")
        created, updated, deleted, unchanged = diff_exports(wanted, new)
        self.assertTrue(created and updated and deleted)
        mark = self.radicale.log_mark()
        result = self.sync("--state", "WA", "--dry-run")
        self.assertSyncReport(result, self.url, new, created, updated, deleted, len(unchanged), dry_run=True)
        self.assertWrites(mark)
        after = self.server_objects()
        self.assertSameObjects(before, after, before)
        self.assertEqual(sorted(after), sorted(before))


    def test_a_sync_limited_by_line_leaves_the_other_lines_events_alone(self):
        old = self.first_sync()
        before = self.server_objects()
        mint = [uid + ".ics" for uid in self.uids_of(old, MY_MINT)]
        moms_old = {uid: old[uid] for uid in self.uids_of(old, MOMS_PHONE)}
        self.simplan("lines", "renewed", MOMS_PHONE, "--on", TODAY)
        options = ("--line", MOMS_PHONE, "--state", "WA")  # --state WA would change the Mint events
        moms_new = self.export(*options)
        self.assertEqual(sorted(moms_new), sorted(self.uids_of(moms_new, MOMS_PHONE)))
        created, updated, deleted, unchanged = diff_exports(moms_old, moms_new)
        self.assertTrue(created and deleted)

        mark = self.radicale.log_mark()
        result = self.sync(*options)
        self.assertSyncReport(result, self.url, moms_new, created, updated, deleted, len(unchanged))
        self.assertWrites(mark, puts=created + updated, deletes=deleted)
        after = self.server_objects()
        self.assertSameObjects(before, after, mint)

        # A line no longer in the file keeps its events while --line limits the sync, and loses them after.
        self.simplan("lines", "remove", MY_MINT)
        mark = self.radicale.log_mark()
        result = self.sync(*options)
        self.assertSyncReport(result, self.url, moms_new, unchanged=len(moms_new))
        self.assertWrites(mark)
        self.assertSameObjects(after, self.server_objects(), mint)

        new = self.export()
        mark = self.radicale.log_mark()
        result = self.sync()
        self.assertSyncReport(result, self.url, new, deleted=[name[:-len(".ics")] for name in mint],
                              unchanged=len(new))
        self.assertWrites(mark, deletes=[name[:-len(".ics")] for name in mint])
        self.assertHolds(self.server_objects(), new)

    def test_a_server_address_and_a_calendar_name_find_the_calendar(self):
        wanted = self.export()
        config = self.tmp / "caldav-by-name.json"
        # A server's address, its /.well-known/caldav (which Radicale redirects), and the user's address.
        starts = (self.radicale.origin + "/", self.radicale.origin + "/.well-known/caldav",
                  self.radicale.origin + f"/{USER}/")
        for number, start in enumerate(starts):
            with self.subTest(start=start):
                config.write_text(json.dumps({"url": start, "calendar": "Renewals", "username": USER,
                                              "password_command": ["printf", "%s", PASSWORD]}))
                result = self.sync(config=config)
                first = number == 0
                self.assertSyncReport(result, self.url, wanted, created=list(wanted) if first else [],
                                      unchanged=0 if first else len(wanted))
        self.assertHolds(self.server_objects(), wanted)

    def test_a_server_address_without_a_known_calendar_name_lists_the_calendars_and_changes_nothing(self):
        for name, said in ((None, 'name the calendar to use in "calendar", one of: "Renewals" '),
                           ("Phone", 'the user has no calendar named "Phone"; the calendars are: "Renewals" ')):
            with self.subTest(name=name):
                settings = {"url": self.radicale.origin + "/", "username": USER,
                            "password_command": ["printf", "%s", PASSWORD]}
                if name is not None:
                    settings["calendar"] = name
                config = self.tmp / "caldav-unnamed.json"
                config.write_text(json.dumps(settings))
                mark = self.radicale.log_mark()
                result = self.sync(config=config, expect=3)
                self.assertTrue(result.stderr.startswith(f"simplan: error: {config}: /calendar: "), result.stderr)
                self.assertIn(said + f"({self.url})", result.stderr)
                self.assertWrites(mark)
                self.assertEqual(result.stdout, "")


class VdirSyncTest(Fixture):
    def setUp(self):
        super().setUp()
        self.setup_simplan_home()

    def test_vdir_sync_writes_one_file_per_event_and_touches_only_its_own(self):
        vdir = self.tmp / "renewals"  # given relative to simplan's working directory, self.tmp
        vdir.mkdir()
        (vdir / "other.ics").write_text(foreign_ics("other-1@example.com", "Someone else's"))
        (vdir / "README.txt").write_text("Not a calendar object.\n")
        (vdir / "simplan-0123456789abcdef-t1-renewal.ics").write_text(
            foreign_ics("birthday-7@example.com", "Birthday, in a file named like simplan's"))
        foreign = file_states(vdir)
        foreign_objects = {name: obj for name, obj in list_vdir(vdir).items()}

        wanted = self.export()
        result = self.sync(target="vdir renewals")
        self.assertSyncReport(result, "renewals", wanted, created=list(wanted))
        self.assertHolds(list_vdir(vdir), wanted, foreign_objects)
        self.assertEqual(sorted(p.name for p in vdir.iterdir()),
                         sorted([uid + ".ics" for uid in wanted] + list(foreign)))

        first = file_states(vdir)
        result = self.sync(target="vdir renewals")
        self.assertSyncReport(result, "renewals", wanted, unchanged=len(wanted))
        self.assertEqual(file_states(vdir), first, "a second run changed files")

        mint = self.uids_of(wanted, MY_MINT)
        self.simplan("lines", "remove", MY_MINT)
        new = self.export()
        result = self.sync(target="vdir renewals")
        self.assertSyncReport(result, "renewals", new, deleted=mint, unchanged=len(new))
        now = file_states(vdir)
        self.assertEqual(now, {name: state for name, state in first.items() if name[:-4] not in mint})
        for name, state in foreign.items():
            self.assertEqual(now[name], state, f"{name} was changed")

    def test_vdir_sync_creates_a_missing_directory_private(self):
        wanted = self.export()
        result = self.sync(target="vdir new-calendar")
        self.assertSyncReport(result, "new-calendar", wanted, created=list(wanted))
        vdir = self.tmp / "new-calendar"
        self.assertEqual(stat.S_IMODE(vdir.stat().st_mode), 0o700)
        self.assertHolds(list_vdir(vdir), wanted)


class UsageAndConfigTest(Fixture):
    """Failures found before anything is read from or written to a target (no server needed)."""

    def setUp(self):
        super().setUp()
        self.setup_simplan_home()

    def test_options_that_make_no_sense_with_sync_are_usage_errors(self):
        for options in (["--export", "ics"], ["--output", "out.ics"], ["--due-within", "3"], ["-q"],
                        ["--plan", "mint-unlimited", "--start", TODAY]):
            with self.subTest(options=options):
                result = self.sync(*options, target="vdir refused", expect=2)
                self.assertTrue(result.stderr.startswith("simplan: error: "), result.stderr)
                self.assertEqual(result.stdout, "")
                self.assertFalse((self.tmp / "refused").exists())

    def test_an_invalid_caldav_config_fails_with_exit_3_naming_the_file_and_the_json_path(self):
        for config, json_path in (({"url": 5, "username": USER}, "/url"),
                                  ({"url": "http://example.com/alice/renewals/", "username": USER}, "/url"),
                                  ({"url": "https://example.com/alice/renewals/", "username": 5}, "/username")):
            with self.subTest(config=config):
                path = self.tmp / "caldav-invalid.json"
                path.write_text(json.dumps({**config, "password_command": ["printf", "%s", PASSWORD]}))
                result = self.sync(config=path, expect=3)
                self.assertTrue(result.stderr.startswith(f"simplan: error: {path}: {json_path}: "),
                                result.stderr)
        path = self.tmp / "caldav-no-password.json"
        path.write_text(json.dumps({"url": "https://example.com/alice/renewals/", "username": USER}))
        result = self.sync(config=path, expect=3)
        self.assertIn(str(path), result.stderr)

    def test_an_unreadable_config_or_an_unwritable_vdir_fails_with_exit_4(self):
        result = self.sync(config=self.tmp, expect=4)  # a directory where the config file should be
        self.assertTrue(result.stderr.startswith("simplan: error: "), result.stderr)
        (self.tmp / "a-file").write_text("not a directory\n")
        result = self.sync(target="vdir a-file/renewals", expect=4)
        self.assertTrue(result.stderr.startswith("simplan: error: "), result.stderr)
        self.assertEqual((self.tmp / "a-file").read_text(), "not a directory\n")


def main() -> None:
    global SIMPLAN
    if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
        sys.exit(f"usage: {sys.argv[0]} SIMPLAN_BINARY [unittest arguments]")
    SIMPLAN = os.path.abspath(sys.argv.pop(1))
    # python-caldav (requests) talks to 127.0.0.1 directly, whatever proxy this machine uses; simplan gets an
    # environment of its own (Fixture.environment) without any proxy variable.
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        os.environ.pop(name, None)
    os.environ["no_proxy"] = os.environ["NO_PROXY"] = "127.0.0.1,localhost"
    if not os.access(SIMPLAN, os.X_OK):
        sys.exit(f"{sys.argv[0]}: {SIMPLAN} is not an executable")
    unittest.main()


if __name__ == "__main__":
    main()
