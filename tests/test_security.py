"""Security behaviour of the foundation: CSRF, login throttling, passwords, cookies, deploy check."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, override_settings

from smartprovince.agencies.models import Agency

pytestmark = pytest.mark.django_db

SRC = str(Path(__file__).resolve().parents[1] / "src")


def test_post_without_csrf_token_is_refused_and_changes_nothing(make_user: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("csrf_admin", role="province_admin"))
    count = Agency.objects.count()
    response = client.post("/app/agencies/new/", {"code": "SKN-CSRF", "name_th": "x", "kind": "other"})
    assert response.status_code == 403
    assert Agency.objects.count() == count


def test_forms_render_a_csrf_token(make_user: Any) -> None:
    client = Client()
    client.force_login(make_user("csrf_admin2", role="province_admin"))
    for url in ("/app/agencies/new/", "/app/agencies/users/new/", f"/app/agencies/users/{client.session['_auth_user_id']}/"):
        html = client.get(url).content.decode()
        post_forms = [f for f in html.split("<form")[1:] if 'method="post"' in f.split(">", 1)[0]]
        assert len(post_forms) >= 2, url
        for form in post_forms:
            assert 'name="csrfmiddlewaretoken"' in form.split("</form>", 1)[0], url
    anonymous = Client().get("/accounts/login/").content.decode()
    assert anonymous.count('name="csrfmiddlewaretoken"') >= 2


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_login_is_throttled_after_repeated_failures(make_user: Any) -> None:
    get_user_model().objects.create_user(username="victim", password="Right-password-2565")
    client = Client()
    for _ in range(3):
        response = client.post("/accounts/login/", {"username": "victim", "password": "wrong"})
    locked = client.post("/accounts/login/", {"username": "victim", "password": "Right-password-2565"})
    assert locked.status_code == 429
    assert "ระงับการเข้าสู่ระบบชั่วคราว" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)


def test_password_validators_are_on() -> None:
    from django.contrib.auth.password_validation import get_default_password_validators

    names = {type(v).__name__ for v in get_default_password_validators()}
    assert names == {
        "UserAttributeSimilarityValidator", "MinimumLengthValidator", "CommonPasswordValidator", "NumericPasswordValidator",
    }


def test_session_cookie_is_http_only_and_same_site(client: Client) -> None:
    get_user_model().objects.create_user(username="cookie", password="Right-password-2565")
    response = client.post("/accounts/login/", {"username": "cookie", "password": "Right-password-2565"})
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] is True and cookie["samesite"] == "Lax"


def test_check_deploy_is_clean_with_production_settings(tmp_path: Any) -> None:
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "x" * 20 + "-production-secret-key-for-the-check-0123456789",
        "ALLOWED_HOSTS": "dap.example.go.th",
        "DATA_DIR": str(tmp_path),
        "PYTHONPATH": SRC,
    }
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "-m", "smartprovince", "check", "--deploy", "--fail-level", "WARNING"],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_default_secret_key(tmp_path: Any) -> None:
    env = {**os.environ, "DEBUG": "0", "DATA_DIR": str(tmp_path), "PYTHONPATH": SRC}
    env.pop("SECRET_KEY", None)
    result = subprocess.run([sys.executable, "-m", "smartprovince", "check"], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize(
    "url", ["/api/v1/surveys/685071275898209786132430848/", "/services/685071275898209786132430848/", "/api/v1/agencies/?offset=99999999999999999999"]
)
def test_out_of_range_numbers_are_not_server_errors(client: Client, url: str) -> None:
    assert client.get(url).status_code in (200, 404)


def test_nul_characters_in_lookups_are_a_client_error(client: Client, make_user: Any) -> None:
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(make_user("nul_admin", role="province_admin"))
    response = api.post("/api/v1/projects/", {"agency": "SKN\x00AGRI", "name_th": "x"}, format="json")
    assert response.status_code == 400
    assert client.get("/agencies/?q=%00").status_code in (200, 400)
