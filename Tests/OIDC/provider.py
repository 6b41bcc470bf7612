"""A small OpenID Connect provider for Styr's sign-in tests, on loopback only.

Built on Authlib's authorization server (authorization code grant, PKCE, the OpenID Connect code
flow: Authlib makes and signs the ID token with joserfc) and Flask. Not for production: the one
user of the test signs in without a password (the authorize endpoint consents at once), and the
test can switch the provider to misbehave through POST /_test/mode:

  normal        a correct ID token
  foreign-key   signed with a key that is not in the JWKS (under the published key's kid)
  unknown-kid   signed with a key that is not in the JWKS, under a kid the JWKS does not have
  wrong-aud     issued to another client
  expired       expired an hour ago
  wrong-nonce   another sign-in's nonce
  wrong-iss     another issuer
  rotate        a new signing key replaces the old one in the JWKS (key rotation)

Run: AUTHLIB_INSECURE_TRANSPORT=1 python3 provider.py --port 55601 --redirect-uri http://127.0.0.1:55602/logg-inn/oidc/tilbake
"""

import argparse
import os
import time

os.environ.setdefault("AUTHLIB_INSECURE_TRANSPORT", "1")

from authlib.integrations.flask_oauth2 import AuthorizationServer
from authlib.oauth2.rfc6749 import grants
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import UserInfo
from authlib.oidc.core.grants import OpenIDCode
from html import escape

from flask import Flask, jsonify, redirect, request
from joserfc.jwk import RSAKey

CLIENT_ID = "styr"
CLIENT_SECRET = "styr-test-secret"


def new_key(kid):
    key = RSAKey.generate_key(2048, parameters={"kid": kid, "use": "sig", "alg": "RS256"})
    return key


class State:
    def __init__(self):
        self.counter = 1
        self.signing = new_key("key-1")
        self.published = [self.signing]
        self.mode = "normal"
        self.user = {"sub": "test-subject-1", "email": "oidc.bruker@example.no", "name": "Oidc Bruker", "groups": []}
        self.codes = {}
        self.logouts = 0
        self.jwks_fetches = 0
        self.login_page = False

    def rotate(self):
        self.counter += 1
        self.signing = new_key(f"key-{self.counter}")
        self.published = [self.signing]


STATE = State()


class Client:
    def __init__(self, redirect_uri):
        self.client_id = CLIENT_ID
        self.client_secret = CLIENT_SECRET
        self.redirect_uri = redirect_uri

    def get_client_id(self):
        return self.client_id

    def get_default_redirect_uri(self):
        return self.redirect_uri

    def get_allowed_scope(self, scope):
        allowed = {"openid", "email", "profile"}
        return " ".join(s for s in (scope or "").split() if s in allowed)

    def check_redirect_uri(self, redirect_uri):
        return redirect_uri == self.redirect_uri

    def check_client_secret(self, client_secret):
        return client_secret == self.client_secret

    def check_endpoint_auth_method(self, method, endpoint):
        return method in ("client_secret_basic", "client_secret_post")

    def check_response_type(self, response_type):
        return response_type == "code"

    def check_grant_type(self, grant_type):
        return grant_type == "authorization_code"


class AuthorizationCode:
    def __init__(self, code, client_id, redirect_uri, scope, user, nonce, challenge, method):
        self.code, self.client_id, self.redirect_uri, self.scope, self.user = code, client_id, redirect_uri, scope, user
        self.nonce, self.code_challenge, self.code_challenge_method = nonce, challenge, method
        self.auth_time = int(time.time())

    def get_redirect_uri(self):
        return self.redirect_uri

    def get_scope(self):
        return self.scope

    def get_nonce(self):
        return self.nonce

    def get_auth_time(self):
        return self.auth_time

    def get_acr(self):
        return None

    def get_amr(self):
        return None


class CodeGrant(grants.AuthorizationCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]

    def save_authorization_code(self, code, request):
        data = request.payload.data
        STATE.codes[code] = AuthorizationCode(
            code, request.client.client_id, request.payload.redirect_uri, request.scope, request.user,
            data.get("nonce"), data.get("code_challenge"), data.get("code_challenge_method"))

    def query_authorization_code(self, code, client):
        item = STATE.codes.get(code)
        return item if item and item.client_id == client.client_id else None

    def delete_authorization_code(self, authorization_code):
        STATE.codes.pop(authorization_code.code, None)

    def authenticate_user(self, authorization_code):
        return authorization_code.user


def make_app(issuer, redirect_uri):
    app = Flask(__name__)
    client = Client(redirect_uri)

    class StyrOpenIDCode(OpenIDCode):
        """Authlib's OpenID Connect code flow, with the misbehaviours the test asks for."""

        def exists_nonce(self, nonce, req):
            return False

        def resolve_client_private_key(self, c):
            if STATE.mode in ("foreign-key", "unknown-kid"):
                return new_key("unused").as_dict(private=True)
            return STATE.signing.as_dict(private=True)

        def get_encode_header(self, c):
            kid = STATE.signing.kid
            if STATE.mode == "unknown-kid":
                kid = "not-published"
            return {"alg": "RS256", "kid": kid}

        def get_client_claims(self, c):
            now = int(time.time())
            claims = {"iss": issuer, "aud": [c.get_client_id()], "iat": now, "exp": now + 300}
            if STATE.mode == "wrong-aud":
                claims["aud"] = ["another-client"]
            if STATE.mode == "expired":
                claims["iat"], claims["exp"] = now - 7200, now - 3600
            if STATE.mode == "wrong-iss":
                claims["iss"] = "http://127.0.0.1:1/another-issuer"
            return claims

        def get_authorization_code_claims(self, authorization_code):
            claims = super().get_authorization_code_claims(authorization_code)
            if STATE.mode == "wrong-nonce":
                claims["nonce"] = "nonce-of-another-sign-in"
            return claims

        def generate_user_info(self, user, scope):
            info = UserInfo(sub=user["sub"], name=user["name"])
            if "email" in scope:
                info["email"] = user["email"]
                info["email_verified"] = True
            info["groups"] = user.get("groups", [])
            return info

    server = AuthorizationServer(app, query_client=lambda cid: client if cid == CLIENT_ID else None,
                                 save_token=lambda token, req: None)
    server.register_grant(CodeGrant, [StyrOpenIDCode(require_nonce=True), CodeChallenge(required=True)])

    @app.get("/.well-known/openid-configuration")
    def discovery():
        return jsonify({
            "issuer": issuer,
            "authorization_endpoint": issuer + "/authorize",
            "token_endpoint": issuer + "/token",
            "jwks_uri": issuer + "/jwks",
            "end_session_endpoint": issuer + "/logout",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        })

    @app.get("/jwks")
    def jwks():
        STATE.jwks_fetches += 1
        return jsonify({"keys": [key.as_dict(private=False) for key in STATE.published]})

    @app.get("/authorize")
    def authorize():
        # The test's user is signed in at the provider and consents at once, unless the provider
        # asks for the user's name on its own page first (POST /_test/login-page, for the browser).
        if STATE.login_page and request.cookies.get("provider_session") != STATE.user["email"]:
            return login_page(request.query_string.decode(), "")
        return server.create_authorization_response(grant_user=STATE.user)

    @app.post("/authorize")
    def authorize_sign_in():
        query = request.form.get("query", "")
        if request.form.get("username", "").strip() != STATE.user["email"]:
            return login_page(query, "Ukjent bruker.", 401)
        answer = redirect(issuer + "/authorize?" + query)
        answer.set_cookie("provider_session", STATE.user["email"], httponly=True, samesite="Lax")
        return answer

    def login_page(query, error, status=200):
        body = f"""<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Testleverandør – logg inn</title></head>
<body><main><h1>Testleverandør</h1><p>Logg inn for å fortsette til Styr.</p>{f'<p role="alert">{escape(error)}</p>' if error else ''}
<form method="post" action="/authorize"><input type="hidden" name="query" value="{escape(query)}">
<label for="username">Brukernavn</label> <input id="username" name="username" autocomplete="username">
<button id="provider-sign-in" type="submit">Logg inn hos Testleverandør</button></form></main></body></html>"""
        return body, status, {"Content-Type": "text/html; charset=utf-8"}

    @app.post("/_test/login-page")
    def set_login_page():
        STATE.login_page = bool(request.get_json().get("on"))
        return jsonify({"login_page": STATE.login_page})

    @app.post("/token")
    def token():
        return server.create_token_response()

    @app.get("/logout")
    def logout():
        target = request.args.get("post_logout_redirect_uri", "")
        if request.args.get("client_id") != CLIENT_ID or not target.startswith(redirect_uri.split("/logg-inn")[0]):
            return "unknown post_logout_redirect_uri", 400
        STATE.logouts += 1
        return redirect(target)

    @app.post("/_test/mode")
    def set_mode():
        mode = request.get_json()["mode"]
        if mode == "rotate":
            STATE.rotate()
            mode = "normal"
        STATE.mode = mode
        return jsonify({"mode": STATE.mode, "kid": STATE.signing.kid})

    @app.post("/_test/user")
    def set_user():
        STATE.user = request.get_json()
        return jsonify(STATE.user)

    @app.get("/_test/stats")
    def stats():
        return jsonify({"logouts": STATE.logouts, "jwks_fetches": STATE.jwks_fetches, "kid": STATE.signing.kid})

    return app


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=55601)
    parser.add_argument("--redirect-uri", required=True)
    arguments = parser.parse_args()
    issuer = f"http://127.0.0.1:{arguments.port}"
    make_app(issuer, arguments.redirect_uri).run(host="127.0.0.1", port=arguments.port, threaded=True)
