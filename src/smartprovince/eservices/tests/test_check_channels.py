"""``check_channels`` requests each URL channel and records the result."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from io import StringIO

import pytest
from django.core.management import call_command

from smartprovince.agencies.models import Agency
from smartprovince.core.models import AuditEvent
from smartprovince.eservices import services

pytestmark = pytest.mark.django_db


class Handler(BaseHTTPRequestHandler):
    def do_HEAD(self):
        if self.path == "/no-head":
            self.send_response(405)
        else:
            self.send_response(200 if self.path in ("/ok", "/") else 404)
        self.end_headers()

    def do_GET(self):
        self.send_response(200 if self.path == "/no-head" else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def http_server():
    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_check_records_results(admin_user, http_server):
    agri = Agency.objects.get(code="SKN-AGRI")
    ok = services.channel_create(actor=admin_user, agency=agri, channel_type="website", address=f"{http_server}/ok")
    get_only = services.channel_create(actor=admin_user, agency=agri, channel_type="eservice", address=f"{http_server}/no-head")
    missing = services.channel_create(actor=admin_user, agency=agri, channel_type="facebook", address=f"{http_server}/gone")
    handle = services.channel_create(actor=admin_user, agency=agri, channel_type="line_oa", address="@skn-agri")
    out = StringIO()
    call_command("check_channels", "--agency", "SKN-AGRI", "--timeout", "5", stdout=out)
    for channel in (ok, get_only, missing, handle):
        channel.refresh_from_db()
    assert (ok.last_check_ok, ok.last_check_detail) == (True, "ตอบกลับ HTTP 200")
    assert ok.last_verified_on is not None
    assert get_only.last_check_ok is True
    assert (missing.last_check_ok, missing.last_check_detail, missing.last_verified_on) == (False, "ตอบกลับ HTTP 404", None)
    assert handle.last_checked_at is None  # not a URL: not checked
    assert "ตรวจสอบ 3 ช่องทาง: ใช้งานได้ 2 · มีปัญหา 1" in out.getvalue()
    assert AuditEvent.objects.filter(action="eservices.channel.checked").count() == 3
