"""Styr's sign-in through a real OpenID Connect provider (Tests/OIDC/provider.py, Authlib) on loopback.

Started by scripts/oidc-test with STYR_URL and PROVIDER_URL set, a Styr server configured for the
provider and a pre-registered user oidc.bruker@example.no. Prints one line per check and closes
with 'N passed, N failed'.
"""

import os
import re
import sys
import time
from urllib.parse import parse_qs, urlparse

import requests

STYR = os.environ["STYR_URL"]
PROVIDER = os.environ["PROVIDER_URL"]
EMAIL = "oidc.bruker@example.no"
results = []


def check(name, condition, detail=""):
    results.append(bool(condition))
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else f" — {detail}"), flush=True)


def mode(value):
    requests.post(PROVIDER + "/_test/mode", json={"mode": value}, timeout=10).raise_for_status()


def stats():
    return requests.get(PROVIDER + "/_test/stats", timeout=10).json()


def sign_in(browser):
    """The whole flow as a browser follows it: Styr → the provider → Styr's callback."""
    return browser.get(STYR + "/logg-inn/oidc?neste=/konto", timeout=30)


def signed_in_as(browser):
    page = browser.get(STYR + "/konto", allow_redirects=False, timeout=30)
    return page.status_code == 200 and EMAIL in page.text


def refused(name, provider_mode, expected_text):
    mode(provider_mode)
    browser = requests.Session()
    answer = sign_in(browser)
    mode("normal")
    check(f"{name}: refused with 401", answer.status_code == 401, f"status {answer.status_code}")
    check(f"{name}: the login page says why", expected_text in answer.text, re.sub(r"\s+", " ", answer.text)[:300])
    check(f"{name}: no session", not signed_in_as(browser))


# The login page offers the provider.
page = requests.get(STYR + "/logg-inn", timeout=30)
check("login page: «Logg inn med …» button", "Logg inn med Testleverandør" in page.text, page.text[:300])

# Sign-in end to end.
browser = requests.Session()
answer = sign_in(browser)
check("sign-in: provider and callback followed", answer.status_code == 200 and "Du er logget inn" in answer.text,
      f"{answer.status_code} {answer.text[:200]}")
check("sign-in: the session is the pre-registered user's", signed_in_as(browser))

# A second sign-in of the same subject uses the stored link.
second = requests.Session()
sign_in(second)
check("sign-in again: linked subject", signed_in_as(second))

# Replayed state: the callback (code and state) sent twice from the same browser.
browser = requests.Session()
start = browser.get(STYR + "/logg-inn/oidc?neste=/konto", allow_redirects=False, timeout=30)
at_provider = browser.get(start.headers["Location"], allow_redirects=False, timeout=30)
callback = at_provider.headers["Location"]
state = parse_qs(urlparse(callback).query)["state"][0]
attempt_cookie = browser.cookies.get("styr_oidc_attempt")
first = browser.get(callback, allow_redirects=False, timeout=30)
check("replay: the first callback signs in", first.status_code == 200 and "Du er logget inn" in first.text, str(first.status_code))
replayer = requests.Session()
replayer.cookies.set("styr_oidc_attempt", attempt_cookie or "", path="/logg-inn/oidc")
again = replayer.get(callback, allow_redirects=False, timeout=30)
check("replay: the same state again is refused", again.status_code == 401 and "allerede brukt" in again.text, str(again.status_code))
check("replay: no session from it", not signed_in_as(replayer))

# A state from another browser (no binding cookie) is refused.
browser = requests.Session()
start = browser.get(STYR + "/logg-inn/oidc", allow_redirects=False, timeout=30)
at_provider = browser.get(start.headers["Location"], allow_redirects=False, timeout=30)
stranger = requests.Session()
foreign = stranger.get(at_provider.headers["Location"], allow_redirects=False, timeout=30)
check("another browser's state is refused", foreign.status_code == 401, str(foreign.status_code))

# Forged and wrong tokens, each refused.
refused("wrong signature (key not in JWKS, published kid)", "foreign-key", "feil signatur")
refused("unknown signing key (kid not in JWKS after refetch)", "unknown-kid", "nøkkel identitetstjenesten ikke publiserer")
refused("wrong audience", "wrong-aud", "feil mottaker")
refused("expired token", "expired", "utløpt")
refused("wrong nonce", "wrong-nonce", "feil nonce")
refused("wrong issuer", "wrong-iss", "annen identitetstjeneste")

# Key rotation: the provider replaces its key; Styr fetches the new key set and signs in.
time.sleep(2.2)  # Styr refetches the key set at most every 2 s
fetches = stats()["jwks_fetches"]
mode("rotate")
browser = requests.Session()
answer = sign_in(browser)
check("key rotation: sign-in with the new key", answer.status_code == 200 and signed_in_as(browser), str(answer.status_code))
check("key rotation: the key set was fetched again", stats()["jwks_fetches"] > fetches)

# Logout ends Styr's session and the provider's (RP-initiated logout).
account = browser.get(STYR + "/konto", timeout=30)
token = re.search(r'name="_csrf" value="([^"]+)"', account.text)
logouts = stats()["logouts"]
out = browser.post(STYR + "/logg-ut", data={"_csrf": token.group(1) if token else ""}, allow_redirects=False, timeout=30)
check("logout: redirected to the provider's end_session_endpoint",
      out.status_code in (302, 303) and out.headers.get("Location", "").startswith(PROVIDER + "/logout"), str(out.headers))
if out.headers.get("Location"):
    browser.get(out.headers["Location"], timeout=30)
check("logout: the provider ended its session", stats()["logouts"] == logouts + 1)
check("logout: no Styr session", not signed_in_as(browser))

passed, failed = results.count(True), results.count(False)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
