"""The one door for outbound HTTP: webhooks today, feeds, page metadata and Facebook next.

Every request the product makes to another server goes through :func:`fetch`, so one
policy holds everywhere:

- ``http`` and ``https`` only, and no credentials in the URL (``user:pass@``);
- the host is resolved **once**, every address it resolves to is checked (loopback,
  private, link-local, CGNAT, multicast, reserved, unspecified, addresses embedding one
  of those), and the connection goes to a checked address, with the original ``Host``
  header and, for https, the SNI name and certificate check of the host name. A second
  resolution (DNS rebinding) is never made, so it cannot send the request elsewhere;
- redirects are not followed unless asked for, and then each hop is checked again
  (at most ``MAX_REDIRECTS``);
- a connect timeout, a read timeout, an overall deadline and a maximum body size;
- a ``User-Agent`` naming the product; no environment proxy is ever used (a proxy would
  connect to addresses this module did not check).

Private targets are allowed only when ``S6_OUTBOUND_ALLOW_PRIVATE`` is true (development
and tests, where receivers listen on loopback).

urllib3 has no public hook to check the address it connects to, so this module resolves
the name itself and hands urllib3 the checked address, as urllib3's documentation shows for
a custom SNI name (``HTTPSConnectionPool(address, server_hostname=..., ...)``).
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import urllib3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

USER_AGENT = "Sector6-Newsroom/1 (Primaria Sectorului 6)"
ALLOWED_SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}
MAX_REDIRECTS = 3
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
#: Seconds to connect and to wait for each read, unless ``S6_OUTBOUND_TIMEOUT`` says.
DEFAULT_TIMEOUT = 5.0
#: Seconds for the whole exchange, body included, unless ``S6_OUTBOUND_DEADLINE`` says.
DEFAULT_DEADLINE = 30.0
#: Bytes of a response body read at most, unless ``S6_OUTBOUND_MAX_BYTES`` says.
DEFAULT_MAX_BYTES = 2 * 1024 * 1024
CHUNK = 64 * 1024

# Shared address space for carrier-grade NAT: not "private" for ipaddress, not public either.
CGNAT = ipaddress.ip_network("100.64.0.0/10")
# NAT64 prefix: an address in it reaches the IPv4 address in its last 32 bits.
NAT64 = ipaddress.ip_network("64:ff9b::/96")


class OutboundError(Exception):
    """An outbound request failed: the target could not be reached or answered badly."""


class BlockedTarget(OutboundError):
    """The policy refuses the target: scheme, credentials or a non-public address.

    ``reason`` says why, in words fit for a log (never the response of the target, since
    no request was sent)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class TooLarge(OutboundError):
    """The response body is larger than the request's ``max_bytes``."""


class Timeout(OutboundError):
    """Connecting, a read, or the whole exchange took longer than allowed."""


class TooManyRedirects(OutboundError):
    """More than ``MAX_REDIRECTS`` redirects were followed."""


@dataclass(frozen=True)
class Response:
    """What a target answered: status, headers (case-insensitive), at most ``max_bytes``
    of body, the seconds it took, the final URL and the address actually connected to."""

    url: str
    status: int
    headers: Mapping[str, str]
    body: bytes
    elapsed: float
    address: str
    truncated: bool = False
    redirects: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def text(self, limit: int | None = None) -> str:
        """The body decoded as UTF-8 (invalid bytes replaced), cut to ``limit`` characters."""
        text = self.body.decode("utf-8", errors="replace")
        return text if limit is None else text[:limit]


@dataclass(frozen=True)
class Target:
    """A URL that passed the checks that need no network: scheme, host, port, no
    credentials. ``host`` is the ASCII (IDNA) host name or the address literal."""

    scheme: str
    host: str
    port: int
    path: str

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        if self.port == DEFAULT_PORTS[self.scheme]:
            return host
        return f"{host}:{self.port}"


# Settings ---------------------------------------------------------------------------


def allow_private() -> bool:
    """Whether private, loopback and link-local targets are allowed (never in production)."""
    return bool(getattr(settings, "S6_OUTBOUND_ALLOW_PRIVATE", False))


def default_timeout() -> float | tuple[float, float]:
    return getattr(settings, "S6_OUTBOUND_TIMEOUT", DEFAULT_TIMEOUT)


def default_deadline() -> float:
    return float(getattr(settings, "S6_OUTBOUND_DEADLINE", DEFAULT_DEADLINE))


def default_max_bytes() -> int:
    return int(getattr(settings, "S6_OUTBOUND_MAX_BYTES", DEFAULT_MAX_BYTES))


def ca_bundle() -> str | None:
    """A CA bundle file to verify certificates with, instead of the system's."""
    return getattr(settings, "S6_OUTBOUND_CA_BUNDLE", None) or None


# The policy ---------------------------------------------------------------------------


def parse_target(url: str) -> Target:
    """Check what can be checked without the network; raise ``BlockedTarget`` if not."""
    if not isinstance(url, str) or not url:
        raise BlockedTarget("empty URL")
    if any(ord(char) < 33 or ord(char) == 127 for char in url):
        raise BlockedTarget("the URL contains spaces or control characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise BlockedTarget(f"invalid URL: {error}") from None
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise BlockedTarget(f"scheme {scheme or '(none)'!r} is not allowed, only http and https")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise BlockedTarget("credentials in the URL are not allowed")
    if not parts.hostname:
        raise BlockedTarget("the URL has no host")
    try:
        host = parts.hostname.encode("idna").decode("ascii")
    except UnicodeError:
        raise BlockedTarget("invalid host name") from None
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    port = DEFAULT_PORTS[scheme] if port is None else port
    return Target(scheme=scheme, host=host, port=port, path=path)


def blocked_reason(address: str | ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why ``address`` may not be a target (``"loopback"``, ``"private"``, ...), or None
    for a public address."""
    ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    if isinstance(ip, ipaddress.IPv6Address):
        # Addresses that carry an IPv4 address reach it: judge the IPv4 one too.
        embedded = [ip.ipv4_mapped, ip.sixtofour]
        if ip.teredo:
            embedded.extend(ip.teredo)
        if ip in NAT64:
            embedded.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
        for inner in filter(None, embedded):
            if reason := blocked_reason(inner):
                return f"{reason} (embedded in {ip})"
    checks = (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("carrier-grade NAT", ip in CGNAT),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
    )
    for reason, hit in checks:
        if hit:
            return reason
    if not ip.is_global:
        return "not a public address"
    return None


def resolve(target: Target) -> list[str]:
    """The addresses of ``target``'s host, each checked; raise ``BlockedTarget`` if any is
    not allowed (one bad answer among good ones is still a bad name), ``OutboundError``
    if the name does not resolve."""
    try:
        infos = socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise OutboundError(f"cannot resolve {target.host}: {error}") from None
    addresses = []
    for _family, _type, _proto, _canonname, sockaddr in infos:
        address = str(sockaddr[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise OutboundError(f"cannot resolve {target.host}")
    if not allow_private():
        for address in addresses:
            if reason := blocked_reason(address):
                raise BlockedTarget(f"{target.host} resolves to {address}: {reason}")
    return addresses


def check_url(url: str) -> tuple[Target, list[str]]:
    """Apply the whole policy to ``url`` (resolving its host); return the target and the
    checked addresses to connect to. Raise ``BlockedTarget`` or ``OutboundError``."""
    target = parse_target(url)
    return target, resolve(target)


# Form and model validation ---------------------------------------------------------------


def validate_outbound_url(value: str) -> None:
    """Validator for URL fields of targets the product will call: refuses other schemes,
    credentials and, unless ``S6_OUTBOUND_ALLOW_PRIVATE`` is on, a host that resolves to
    a private, loopback or link-local address. A name that does not resolve (yet) passes:
    every request checks again when it connects."""
    try:
        target = parse_target(value)
    except BlockedTarget as blocked:
        if "credentials" in blocked.reason:
            raise ValidationError(
                _(
                    "Remove the user name and password from the URL: credentials in a URL "
                    "are not allowed."
                ),
                code="credentials",
            ) from None
        raise ValidationError(
            _("Enter an http or https URL with a host name."), code="scheme"
        ) from None
    if allow_private():
        return
    try:
        resolve(target)
    except BlockedTarget as blocked:
        raise ValidationError(
            _(
                "This URL points to a private, loopback or link-local address "
                "(%(reason)s). Only public addresses can be called."
            ),
            code="private",
            params={"reason": blocked.reason},
        ) from None
    except OutboundError:
        return


# The request ----------------------------------------------------------------------------


def _as_timeout(timeout: float | tuple[float, float]) -> tuple[float, float]:
    if isinstance(timeout, (tuple, list)):
        connect, read = timeout
    else:
        connect = read = timeout
    return float(connect), float(read)


def _within(timeout: tuple[float, float], deadline: float) -> urllib3.Timeout:
    """The connect and read timeouts, each cut to what is left before the deadline."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise Timeout("the deadline passed before the request could be made")
    connect, read = timeout
    return urllib3.Timeout(connect=min(connect, left), read=min(read, left))


def _pool(target: Target, address: str, timeout: urllib3.Timeout):
    common = {"timeout": timeout, "maxsize": 1, "retries": False, "block": False}
    if target.scheme == "https":
        return urllib3.HTTPSConnectionPool(
            address,
            target.port,
            cert_reqs="CERT_REQUIRED",
            ca_certs=ca_bundle(),
            server_hostname=target.host,
            assert_hostname=target.host,
            **common,
        )
    return urllib3.HTTPConnectionPool(address, target.port, **common)


def _read_body(raw, *, max_bytes: int, truncate: bool, deadline: float) -> tuple[bytes, bool]:
    declared = raw.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes and not truncate:
        raise TooLarge(f"the response declares {declared} bytes, more than {max_bytes}")
    chunks, size = [], 0
    while True:
        if time.monotonic() > deadline:
            raise Timeout("the response took longer than the deadline")
        # read1: one read of the socket at most, so the deadline is checked between reads
        # even when the target trickles its answer.
        chunk = raw.read1(min(CHUNK, max_bytes + 1 - size), decode_content=False)
        if not chunk:
            return b"".join(chunks), False
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            if truncate:
                return b"".join(chunks)[:max_bytes], True
            raise TooLarge(f"the response is larger than {max_bytes} bytes")


def _exchange(
    target: Target,
    addresses: list[str],
    *,
    method: str,
    headers: dict[str, str],
    body: bytes | None,
    timeout: tuple[float, float],
    deadline: float,
    max_bytes: int,
    truncate: bool,
):
    """One request to the first of ``addresses`` that accepts the connection."""
    headers = {"Host": target.host_header, **headers}
    last_error: Exception | None = None
    for address in addresses:
        pool = _pool(target, address, _within(timeout, deadline))
        try:
            raw = pool.urlopen(
                method,
                target.path,
                body=body,
                headers=headers,
                retries=False,
                redirect=False,
                assert_same_host=False,
                preload_content=False,
                decode_content=False,
            )
            try:
                content, truncated = _read_body(
                    raw, max_bytes=max_bytes, truncate=truncate, deadline=deadline
                )
                return raw, address, content, truncated
            finally:
                raw.close()
        except urllib3.exceptions.NewConnectionError as error:
            # Refused or unreachable: the name's next checked address may answer.
            last_error = error
            continue
        except urllib3.exceptions.TimeoutError as error:
            raise Timeout(f"timed out ({error.__class__.__name__})") from None
        except urllib3.exceptions.SSLError as error:
            raise OutboundError(f"TLS error: {error}") from None
        except urllib3.exceptions.HTTPError as error:
            raise OutboundError(f"{error.__class__.__name__}: {error}") from None
        except OSError as error:
            raise OutboundError(f"connection error: {error}") from None
        finally:
            pool.close()
    raise OutboundError(f"cannot connect to {target.host}: {last_error}")


def fetch(
    url: str,
    *,
    method: str = "GET",
    headers: Mapping[str, str] | None = None,
    body: bytes | None = None,
    timeout: float | tuple[float, float] | None = None,
    deadline: float | None = None,
    max_bytes: int | None = None,
    truncate: bool = False,
    allow_redirects: bool = False,
) -> Response:
    """Make one HTTP request under the outbound policy and return its ``Response``.

    ``timeout`` is seconds to connect and to wait for each read (a number, or a
    ``(connect, read)`` pair); ``deadline`` bounds the whole exchange. A body past
    ``max_bytes`` raises ``TooLarge``, or with ``truncate=True`` is cut there (the
    response says ``truncated``). Without ``allow_redirects`` a redirect is returned as
    it is; with it, at most ``MAX_REDIRECTS`` hops are followed, each checked like the
    first. Any status is a response, not an error: callers judge ``status``.

    Raises ``BlockedTarget`` (nothing was sent), ``Timeout``, ``TooLarge``,
    ``TooManyRedirects`` or ``OutboundError``.
    """
    started = time.monotonic()
    timeout = _as_timeout(default_timeout() if timeout is None else timeout)
    deadline_at = started + (default_deadline() if deadline is None else deadline)
    max_bytes = default_max_bytes() if max_bytes is None else max_bytes
    method = method.upper()
    request_headers = {
        "User-Agent": USER_AGENT,
        "Accept-Encoding": "identity",
        **(headers or {}),
    }
    redirects: list[str] = []
    while True:
        target, addresses = check_url(url)
        raw, address, content, truncated = _exchange(
            target,
            addresses,
            method=method,
            headers=request_headers,
            body=body,
            timeout=timeout,
            deadline=deadline_at,
            max_bytes=max_bytes,
            truncate=truncate,
        )
        location = raw.headers.get("Location")
        if not (allow_redirects and raw.status in REDIRECT_STATUSES and location):
            return Response(
                url=url,
                status=raw.status,
                headers=raw.headers,
                body=content,
                elapsed=time.monotonic() - started,
                address=address,
                truncated=truncated,
                redirects=tuple(redirects),
            )
        if len(redirects) >= MAX_REDIRECTS:
            raise TooManyRedirects(f"more than {MAX_REDIRECTS} redirects")
        redirects.append(url)
        next_url = urljoin(url, location)
        if raw.status == 303 or (raw.status in (301, 302) and method == "POST"):
            method, body = ("HEAD" if method == "HEAD" else "GET"), None
        if parse_target(next_url).host != target.host:
            # Credentials meant for one host never travel to another.
            request_headers = {
                name: value
                for name, value in request_headers.items()
                if name.lower() not in ("authorization", "cookie")
            }
        url = next_url
