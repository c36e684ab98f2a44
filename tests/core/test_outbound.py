"""The outbound HTTP policy against real local servers and a fake resolver.

Host names resolve through ``FakeDNS``: a name answers the addresses a test gives it
(successive answers model DNS rebinding), and a "public" address such as 8.8.8.8 is routed
to a local server, so a request to a public target can be made without the internet while
the policy still sees a public address.
"""

import json
import socket
import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
import trustme
from django.core.exceptions import ValidationError

from site_s6.core import outbound
from site_s6.core.outbound import (
    BlockedTarget,
    OutboundError,
    Timeout,
    TooLarge,
    TooManyRedirects,
    blocked_reason,
    fetch,
    validate_outbound_url,
)

PUBLIC = "8.8.8.8"
PUBLIC_V6 = "2001:4860:4860::8888"
PRIVATE_ANSWERS = ["127.0.0.1", "10.0.0.5", "169.254.169.254", "::1", "::ffff:127.0.0.1"]


class Handler(BaseHTTPRequestHandler):
    """Answers by path: ``/echo`` (what was received, as JSON), ``/big?n=`` (n bytes with
    a length), ``/stream?n=`` (n bytes without one), ``/redirect?to=`` (302), ``/trickle``
    (one byte every 50 ms, for ever)."""

    protocol_version = "HTTP/1.1"

    def _answer(self):
        parts = urlsplit(self.path)
        query = {name: values[0] for name, values in parse_qs(parts.query).items()}
        length = int(self.headers.get("Content-Length") or 0)
        received = self.rfile.read(length) if length else b""
        self.server.seen.append({"path": parts.path, "headers": dict(self.headers)})
        if parts.path == "/echo":
            body = json.dumps(
                {
                    "method": self.command,
                    "host": self.headers["Host"],
                    "user_agent": self.headers["User-Agent"],
                    "body": received.decode(),
                }
            ).encode()
            self._send(200, body)
        elif parts.path == "/big":
            self._send(200, b"x" * int(query["n"]))
        elif parts.path == "/stream":
            self.send_response(200)
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b"y" * int(query["n"]))
            self.close_connection = True
        elif parts.path == "/redirect":
            self.send_response(int(query.get("status", 302)))
            self.send_header("Location", query["to"])
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif parts.path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Length", "1000000")
            self.end_headers()
            for _ in range(200):
                self.wfile.write(b"z")
                self.wfile.flush()
                time.sleep(0.05)
        else:
            self._send(404, b"none")

    def _send(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_HEAD = _answer

    def log_message(self, *args):
        pass


class Server:
    """A threaded HTTP(S) server on 127.0.0.1 that records what reaches it."""

    def __init__(self, ssl_context=None):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.seen = []
        if ssl_context is not None:
            self.httpd.socket = ssl_context.wrap_socket(self.httpd.socket, server_side=True)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def seen(self):
        return self.httpd.seen

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


class SilentServer:
    """Accepts connections and never answers."""

    def __init__(self):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.held = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                connection, _address = self.sock.accept()
            except OSError:
                return
            self.held.append(connection)

    def close(self):
        self.sock.close()
        for connection in self.held:
            connection.close()


class FakeDNS:
    """``socket.getaddrinfo`` with names a test controls and public addresses routed to
    local servers; everything else goes to the real resolver."""

    def __init__(self, real):
        self.real = real
        self.names = {}
        self.routes = {}
        self.lookups = []

    def answer(self, name, *answers):
        """``name`` answers ``answers[0]`` first, then each next one, then the last again."""
        self.names[name] = [list(addresses) for addresses in answers]

    def route(self, address, port):
        self.routes[address] = ("127.0.0.1", port)

    def __call__(self, host, port, family=0, type=0, proto=0, flags=0):  # noqa: A002
        name = host.decode() if isinstance(host, bytes) else host
        self.lookups.append(name)
        if name in self.names:
            answers = self.names[name]
            addresses = answers.pop(0) if len(answers) > 1 else answers[0]
            return [self._info(address, port) for address in addresses]
        if name in self.routes:
            return self.real(*self.routes[name], family, type, proto, flags)
        return self.real(host, port, family, type, proto, flags)

    @staticmethod
    def _info(address, port):
        if ":" in address:
            return (socket.AF_INET6, socket.SOCK_STREAM, 6, "", (address, port, 0, 0))
        return (socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))


@pytest.fixture(scope="module")
def server():
    server = Server()
    yield server
    server.close()


@pytest.fixture(scope="module")
def internal():
    """A second local server standing for an internal service nobody outside may reach."""
    server = Server()
    yield server
    server.close()


@pytest.fixture
def dns(monkeypatch):
    fake = FakeDNS(socket.getaddrinfo)
    monkeypatch.setattr(socket, "getaddrinfo", fake)
    return fake


@pytest.fixture
def public(dns, server):
    """``public.example`` resolves to a public address, served by ``server``."""
    dns.answer("public.example", [PUBLIC])
    dns.route(PUBLIC, server.port)
    return f"http://public.example:{server.port}"


@pytest.fixture
def strict(settings):
    settings.S6_OUTBOUND_ALLOW_PRIVATE = False


@pytest.fixture(autouse=True)
def _forget_requests(server, internal):
    server.seen.clear()
    internal.seen.clear()


# Addresses ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.8.8", "loopback"),
        ("10.0.0.5", "private"),
        ("172.16.3.4", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("100.64.0.1", "carrier-grade NAT"),
        ("0.0.0.0", "unspecified"),  # noqa: S104
        ("224.0.0.1", "multicast"),
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:169.254.169.254", "link-local"),
        ("2002:7f00:1::", "loopback"),  # 6to4 of 127.0.0.1
        ("64:ff9b::a00:5", "private"),  # NAT64 of 10.0.0.5
    ],
)
def test_non_public_addresses_are_blocked_with_their_reason(address, reason):
    assert blocked_reason(address).startswith(reason)


@pytest.mark.parametrize(
    "address",
    # A public IPv4 address in its IPv4-mapped IPv6 form is refused too: no DNS answer
    # should carry one, and ipaddress files the whole ::ffff:0:0/96 as reserved.
    ["240.0.0.1", "255.255.255.255", "192.0.2.10", "2001:db8::1", "::ffff:8.8.8.8"],
)
def test_reserved_and_documentation_addresses_are_blocked(address):
    assert blocked_reason(address)


@pytest.mark.parametrize("address", [PUBLIC, "1.1.1.1", PUBLIC_V6])
def test_public_addresses_pass(address):
    assert blocked_reason(address) is None


# URLs --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://public.example/file",
        "gopher://public.example:70/_GET",
        "javascript:alert(1)",
        "public.example/hook",
        "http:///nohost",
        "http://public.example:99999/",
        "http://public.example/a b",
    ],
)
def test_other_schemes_and_malformed_urls_are_refused(settings, dns, url):
    settings.S6_OUTBOUND_ALLOW_PRIVATE = True  # refused whatever the setting
    dns.answer("public.example", [PUBLIC])
    with pytest.raises(BlockedTarget):
        fetch(url)
    assert "public.example" not in dns.lookups


@pytest.mark.parametrize("userinfo", ["user:pass@", "user@", ":pass@"])
def test_credentials_in_the_url_are_refused(settings, server, userinfo):
    settings.S6_OUTBOUND_ALLOW_PRIVATE = True
    with pytest.raises(BlockedTarget, match="credentials"):
        fetch(f"http://{userinfo}127.0.0.1:{server.port}/echo")
    assert server.seen == []


# Private targets ---------------------------------------------------------------------


@pytest.mark.parametrize("address", PRIVATE_ANSWERS)
def test_a_name_resolving_to_a_private_address_is_refused(strict, dns, server, address):
    dns.answer("rebind.example", [address])
    with pytest.raises(BlockedTarget, match=f"rebind.example resolves to {address}"):
        fetch(f"http://rebind.example:{server.port}/echo")
    assert server.seen == []


def test_one_private_answer_among_public_ones_is_enough_to_refuse(strict, dns, server):
    dns.answer("mixed.example", [PUBLIC, "127.0.0.1"])
    dns.route(PUBLIC, server.port)
    with pytest.raises(BlockedTarget):
        fetch(f"http://mixed.example:{server.port}/echo")
    assert server.seen == []


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "localhost", "[::ffff:127.0.0.1]", "2130706433", "0x7f.1", "0"]
)
def test_loopback_spelled_any_way_is_refused(strict, server, host):
    with pytest.raises(BlockedTarget):
        fetch(f"http://{host}:{server.port}/echo")
    assert server.seen == []


def test_private_targets_are_reached_when_the_setting_allows_them(settings, server):
    settings.S6_OUTBOUND_ALLOW_PRIVATE = True
    response = fetch(f"http://127.0.0.1:{server.port}/echo")
    assert response.status == 200 and response.ok
    assert response.address == "127.0.0.1"
    assert json.loads(response.body)["host"] == f"127.0.0.1:{server.port}"
    assert response.elapsed >= 0
    assert response.truncated is False


# Public targets and DNS rebinding ----------------------------------------------------


def test_a_public_target_gets_the_host_name_and_the_product_user_agent(strict, dns, public):
    response = fetch(f"{public}/echo?x=1", method="POST", body=b'{"a":1}', headers={"X-Test": "1"})
    assert response.status == 200
    echoed = json.loads(response.body)
    assert echoed["method"] == "POST"
    assert echoed["body"] == '{"a":1}'
    assert echoed["host"] == public.removeprefix("http://")
    assert echoed["user_agent"] == outbound.USER_AGENT
    assert "Sector6-Newsroom" in outbound.USER_AGENT
    assert response.address == PUBLIC
    assert response.headers["content-type"] == "application/octet-stream"


def test_dns_rebinding_connects_to_the_checked_address(strict, dns, server, internal):
    # First answer public (checked), any later one the internal service: the request must
    # go to the first, checked address, and the name must be resolved only once.
    dns.answer("rebind.example", [PUBLIC], ["127.0.0.1"])
    dns.route(PUBLIC, server.port)
    response = fetch(f"http://rebind.example:{internal.port}/echo")

    assert dns.lookups.count("rebind.example") == 1
    assert response.address == PUBLIC
    assert json.loads(response.body)["host"] == f"rebind.example:{internal.port}"
    assert len(server.seen) == 1
    assert internal.seen == []


def test_a_checked_url_rebinding_before_the_request_is_refused(strict, dns, internal):
    # Registration saw a public address; at delivery the name answers loopback.
    dns.answer("rebind.example", [PUBLIC], ["127.0.0.1"])
    validate_outbound_url(f"http://rebind.example:{internal.port}/echo")
    with pytest.raises(BlockedTarget):
        fetch(f"http://rebind.example:{internal.port}/echo")
    assert internal.seen == []


def test_the_next_checked_address_is_tried_when_the_first_refuses(strict, dns, server):
    closed = socket.create_server(("127.0.0.1", 0))
    closed_port = closed.getsockname()[1]
    closed.close()
    dns.answer("two.example", ["1.1.1.1", PUBLIC])
    dns.route("1.1.1.1", closed_port)
    dns.route(PUBLIC, server.port)
    response = fetch(f"http://two.example:{server.port}/echo")
    assert response.address == PUBLIC
    assert len(server.seen) == 1


# Redirects ----------------------------------------------------------------------------


def test_redirects_are_returned_not_followed_by_default(strict, public, internal):
    target = f"http://127.0.0.1:{internal.port}/echo"
    response = fetch(f"{public}/redirect?to={target}")
    assert response.status == 302
    assert response.headers["Location"] == target
    assert internal.seen == []


@pytest.mark.parametrize(
    "location",
    [
        "http://127.0.0.1:{internal}/echo",
        "http://[::1]:{internal}/echo",
        "http://169.254.169.254/latest/meta-data/",
        "http://private.example:{internal}/echo",
        "file:///etc/passwd",
        "http://user:pass@public.example:{server}/echo",
    ],
)
def test_each_redirect_hop_is_checked(strict, dns, public, server, internal, location):
    dns.answer("private.example", ["10.0.0.5"])
    location = location.format(internal=internal.port, server=server.port)
    with pytest.raises(BlockedTarget):
        fetch(f"{public}/redirect?to={location}", allow_redirects=True)
    assert internal.seen == []
    assert [seen["path"] for seen in server.seen] == ["/redirect"]


def test_allowed_redirects_are_followed_up_to_three_hops(strict, public, server):
    final = f"{public}/echo"
    hop = final
    for _ in range(3):
        hop = f"{public}/redirect?to={hop}"
    response = fetch(hop, method="POST", body=b"payload", allow_redirects=True)
    assert response.status == 200
    assert response.url == final
    assert len(response.redirects) == 3
    # A 302 answer to a POST is followed with a GET, without the body.
    assert json.loads(response.body)["method"] == "GET"

    with pytest.raises(TooManyRedirects):
        fetch(f"{public}/redirect?to={hop}", allow_redirects=True)


def test_a_307_redirect_keeps_the_method_and_body(strict, public):
    response = fetch(
        f"{public}/redirect?status=307&to=/echo",
        method="POST",
        body=b"payload",
        allow_redirects=True,
    )
    assert json.loads(response.body) | {"host": None, "user_agent": None} == {
        "method": "POST",
        "body": "payload",
        "host": None,
        "user_agent": None,
    }


# Sizes and time -----------------------------------------------------------------------


def test_a_body_past_the_limit_is_refused(strict, public):
    with pytest.raises(TooLarge):
        fetch(f"{public}/big?n=5000", max_bytes=1000)
    # Without a declared length, reading stops past the limit.
    with pytest.raises(TooLarge):
        fetch(f"{public}/stream?n=500000", max_bytes=1000)


def test_a_body_past_the_limit_can_be_truncated(strict, public):
    response = fetch(f"{public}/stream?n=500000", max_bytes=1000, truncate=True)
    assert response.body == b"y" * 1000
    assert response.truncated is True
    exact = fetch(f"{public}/big?n=1000", max_bytes=1000)
    assert len(exact.body) == 1000 and not exact.truncated


def test_the_default_size_limit_comes_from_the_settings(settings, strict, public):
    settings.S6_OUTBOUND_MAX_BYTES = 10
    with pytest.raises(TooLarge):
        fetch(f"{public}/big?n=11")
    assert fetch(f"{public}/big?n=10").body == b"x" * 10


def test_a_server_that_never_answers_times_out(settings):
    settings.S6_OUTBOUND_ALLOW_PRIVATE = True
    silent = SilentServer()
    try:
        with pytest.raises(Timeout):
            fetch(f"http://127.0.0.1:{silent.port}/", timeout=0.3)
        # The deadline bounds the wait even when the read timeout is longer.
        with pytest.raises(Timeout):
            fetch(f"http://127.0.0.1:{silent.port}/", timeout=30, deadline=0.3)
    finally:
        silent.close()


def test_a_trickling_answer_is_cut_by_the_deadline(strict, public):
    with pytest.raises(Timeout):
        fetch(f"{public}/trickle", timeout=1, deadline=0.3)


def test_errors_form_one_hierarchy():
    for error in (BlockedTarget, TooLarge, Timeout, TooManyRedirects):
        assert issubclass(error, OutboundError)


def test_a_refused_connection_is_an_outbound_error(settings):
    settings.S6_OUTBOUND_ALLOW_PRIVATE = True
    closed = socket.create_server(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    with pytest.raises(OutboundError, match="cannot connect"):
        fetch(f"http://127.0.0.1:{port}/")


# TLS -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory):
    authority = trustme.CA()
    certificate = authority.issue_cert("secure.example")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    certificate.configure_cert(context)
    names = []
    context.sni_callback = lambda sock, name, ctx: names.append(name)
    server = Server(ssl_context=context)
    bundle = tmp_path_factory.mktemp("ca") / "ca.pem"
    authority.cert_pem.write_to_path(str(bundle))
    server.sni_names = names
    server.bundle = str(bundle)
    yield server
    server.close()


def test_https_goes_to_the_checked_address_with_sni_and_certificate_check(
    strict, settings, dns, tls_server
):
    settings.S6_OUTBOUND_CA_BUNDLE = tls_server.bundle
    dns.answer("secure.example", [PUBLIC])
    dns.answer("wrong.example", [PUBLIC])
    dns.route(PUBLIC, tls_server.port)

    response = fetch(f"https://secure.example:{tls_server.port}/echo")
    assert response.status == 200
    assert response.address == PUBLIC
    assert json.loads(response.body)["host"] == f"secure.example:{tls_server.port}"
    assert "secure.example" in tls_server.sni_names

    # The same server, reached under a name its certificate does not carry: refused.
    with pytest.raises(OutboundError, match="TLS"):
        fetch(f"https://wrong.example:{tls_server.port}/echo")


# The form validator ------------------------------------------------------------------


def test_the_validator_refuses_private_targets_credentials_and_other_schemes(strict, dns):
    dns.answer("intranet.example", ["10.0.0.5"])
    dns.answer("public.example", [PUBLIC])
    cases = {
        "http://intranet.example/hook": "private",
        "http://127.0.0.1:8000/hook": "private",
        "http://[::1]/hook": "private",
        "http://169.254.169.254/latest/": "private",
        "https://user:pass@public.example/hook": "credentials",
        "ftp://public.example/hook": "scheme",
    }
    for url, code in cases.items():
        with pytest.raises(ValidationError) as caught:
            validate_outbound_url(url)
        assert caught.value.code == code, url
    validate_outbound_url("https://public.example/hook")


def test_the_validator_lets_private_targets_pass_only_with_the_setting(settings, dns):
    dns.answer("intranet.example", ["10.0.0.5"])
    settings.S6_OUTBOUND_ALLOW_PRIVATE = True
    validate_outbound_url("http://intranet.example/hook")
    with pytest.raises(ValidationError):
        validate_outbound_url("http://user:pass@intranet.example/hook")
    settings.S6_OUTBOUND_ALLOW_PRIVATE = False
    with pytest.raises(ValidationError):
        validate_outbound_url("http://intranet.example/hook")
