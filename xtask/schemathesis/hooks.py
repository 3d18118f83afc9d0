"""Schemathesis hooks for `cargo xtask test`: the staff account the run works as.

`cargo xtask test` starts a server on a new database and makes an admin on its command line; this
module gives that admin its password, every role and TOTP (so an admin who turns on "every staff
member needs TOTP" does not lock the run out), then hands schemathesis an access token, renewed
through the refresh cookie: the fuzzer's own failed sign-ins slow down new sign-ins from this
address, never a refresh. The follow-up endpoints get the token a tipster's or a family's
receipt opens.
"""

import base64
import hashlib
import hmac
import os
import struct
import threading
import time

import requests
import schemathesis
from schemathesis import GenerationMode

BASE = os.environ["SANAD_URL"]
PASSWORD = "fuzzing admin passphrase 2026"
ROLES = ["admin", "moderator", "caseworker", "editor"]
REFRESH_COOKIE = "sanad_refresh"
TIMEOUT = 30


def totp(secret: str, at: float) -> str:
    """RFC 6238 as the server reads it: SHA-1, six digits, 30 seconds."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def _checked(answer: requests.Response, what: str) -> requests.Response:
    if not answer.ok:
        raise RuntimeError(f"{what}: {answer.status_code} {answer.text}")
    return answer


def _sign_in() -> str:
    """Makes the admin ready and returns its refresh cookie."""
    link = os.environ["SANAD_FUZZ_LINK"]
    email = os.environ["SANAD_FUZZ_EMAIL"]
    _checked(
        requests.post(f"{BASE}/api/v1/auth/link/password", json={"token": link, "password": PASSWORD}, timeout=TIMEOUT),
        "setting the password",
    )
    login = lambda: _checked(
        requests.post(f"{BASE}/api/v1/auth/login", json={"email": email, "password": PASSWORD}, timeout=TIMEOUT),
        "signing in",
    )
    first = login().json()
    bearer = {"Authorization": f"Bearer {first['access_token']}"}
    _checked(
        requests.put(f"{BASE}/api/v1/staff/{first['staff']['id']}/roles", json={"roles": ROLES}, headers=bearer, timeout=TIMEOUT),
        "giving every role",
    )
    # Roles travel in the access token: sign in again to carry them.
    answer = login()
    bearer = {"Authorization": f"Bearer {answer.json()['access_token']}"}
    secret = _checked(requests.post(f"{BASE}/api/v1/me/totp", headers=bearer, timeout=TIMEOUT), "starting TOTP").json()["secret"]
    _checked(
        requests.post(f"{BASE}/api/v1/me/totp/confirm", json={"code": totp(secret, time.time())}, headers=bearer, timeout=TIMEOUT),
        "confirming TOTP",
    )
    return answer.cookies[REFRESH_COOKIE]


def _follow_up(path: str, report: dict) -> str:
    """Sends a report as a tipster or a family would and opens it with its receipt."""
    headers = {"Proof-Of-Work": _solved_challenge()}
    made = _checked(requests.post(f"{BASE}{path}", json=report, headers=headers, timeout=TIMEOUT), f"reporting to {path}")
    opened = requests.post(f"{BASE}/api/v1/follow-up", json={"receipt": made.json()["receipt"]}, timeout=TIMEOUT)
    return _checked(opened, "opening the report with its receipt").json()["token"]


TIP = {"subject": "recruiter", "description": "A travel office offers jobs abroad that turn out to be army contracts."}
CASE = {
    "names": {"given": "Ali", "father": "Hassan"},
    "phones": ["0770 555 1234"],
    "reporter": {"relationship": "mother", "name": "Fatima", "phone": "07801234567", "language": "ar"},
    "consent": "committee",
}

_lock = threading.Lock()
_refresh = None
# The tipster's and the family's follow-up tokens (20 minutes, longer than the run), made before
# the fuzzer's wrong receipts can slow down receipts from this address.
_follow_up_tokens: dict = {}


@schemathesis.auth(refresh_interval=240)
class Tokens:
    def get(self, case, ctx):
        global _refresh
        with _lock:
            if _refresh is None:
                _refresh = _sign_in()
                _follow_up_tokens["tip"] = _follow_up("/api/v1/tips", TIP)
                _follow_up_tokens["case"] = _follow_up("/api/v1/cases", CASE)
            answer = _checked(
                requests.post(f"{BASE}/api/v1/auth/refresh", cookies={REFRESH_COOKIE: _refresh}, timeout=TIMEOUT),
                "refreshing the session",
            )
            _refresh = answer.cookies[REFRESH_COOKIE]
            return answer.json()["access_token"]

    def set(self, case, data, ctx):
        security = case.operation.definition.raw.get("security") or []
        if any("bearer" in requirement for requirement in security):
            token = data
        elif any("follow_up" in requirement for requirement in security):
            kind = "case" if case.operation.path.startswith("/api/v1/follow-up/case") else "tip"
            token = _follow_up_tokens[kind]
        else:
            return
        case.headers = case.headers or {}
        case.headers["Authorization"] = f"Bearer {token}"


PROOF_OF_WORK = "proof-of-work"
GUARDED = {("POST", "/api/v1/tips"), ("POST", "/api/v1/cases")}


def _solved_challenge() -> str:
    challenge = _checked(requests.post(f"{BASE}/api/v1/challenges", timeout=TIMEOUT), "asking for a challenge").json()
    token, bits = challenge["token"], challenge["bits"]
    nonce = 0
    while True:
        digest = int.from_bytes(hashlib.sha256(f"{token}:{nonce}".encode()).digest(), "big")
        if digest >> (256 - bits) == 0:
            return f"{token}:{nonce}"
        nonce += 1


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    """A report the fuzzer means to be valid carries a solved challenge, as a browser's does: no
    generated string solves one. A header it left out, or a report it means to be invalid, keeps
    what it was given, so the server's refusals are still tested."""
    if (case.method.upper(), case.operation.path) not in GUARDED or case.headers is None:
        return
    if case.meta is None or case.meta.generation.mode != GenerationMode.POSITIVE:
        return
    for name in list(case.headers):
        if name.lower() == PROOF_OF_WORK:
            case.headers[name] = _solved_challenge()
