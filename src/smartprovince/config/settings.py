"""Settings for smartprovince: one module, switched by environment variables.

With nothing configured it runs on SQLite with jobs executed immediately, so a new user needs
no services at all. Production sets ``DATABASE_URL``, ``SECRET_KEY``, ``DEBUG=0`` and
``ALLOWED_HOSTS`` (see README).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import dj_database_url


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = Path(os.environ.get("SMARTPROVINCE_HOME", Path.cwd())).resolve()
DATA_DIR = Path(os.environ.get("DATA_DIR", BASE_DIR / "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", True)
TESTING = env_bool("SMARTPROVINCE_TESTING", False) or "pytest" in sys.modules
_DEV_SECRET = "dev-only-insecure-key-change-me-0123456789-smartprovince"  # noqa: S105
SECRET_KEY = os.environ.get("SECRET_KEY", _DEV_SECRET)
if not DEBUG and SECRET_KEY == _DEV_SECRET:
    raise RuntimeError("SECRET_KEY must be set when DEBUG is off")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_htmx",
    "simple_history",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "smartprovince.core",
    "smartprovince.agencies",
    "smartprovince.plans",
    "smartprovince.projects",
    "smartprovince.monitoring",
    "smartprovince.datahub",
    "smartprovince.eservices",
    "smartprovince.training",
    "smartprovince.smartcity",
    "smartprovince.portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "smartprovince.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "smartprovince.core.middleware.ThaiFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    "smartprovince.core.middleware.OutOfRangeIdMiddleware",
]

ROOT_URLCONF = "smartprovince.config.urls"
WSGI_APPLICATION = "smartprovince.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "smartprovince.core.context_processors.platform",
            ],
            "builtins": ["smartprovince.core.templatetags.thai"],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'smartprovince.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

_cache_url = os.environ.get("CACHE_URL", "")
if _cache_url.startswith("redis"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": _cache_url,
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache"
            if _cache_url == "db"
            else "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "smartprovince_cache",
        }
    }

# Jobs: immediate (eager) unless a worker is configured: JOBS_BACKEND=database + `smartprovince db_worker`.
JOBS_BACKEND = os.environ.get("JOBS_BACKEND", "immediate")
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if JOBS_BACKEND == "database"
        else "django_tasks.backends.immediate.ImmediateBackend",
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "core:workspace"
LOGOUT_REDIRECT_URL = "portal:home"

LANGUAGE_CODE = "th"
LANGUAGES = [("th", "ไทย"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "smartprovince.core.staticfinders.PackageAssetsFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
UPLOAD_MAX_BYTES = int(os.environ.get("UPLOAD_MAX_BYTES", str(200 * 1024 * 1024)))

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "smartprovince@localhost")

# Security. Production (DEBUG off) turns on secure cookies and HSTS.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 3600
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["smartprovince.core.permissions.DeclaredPermission"],
    # a list view that names the apps its rows come from (data_apps) counts its total once per data
    # version; any other list counts on every request
    "DEFAULT_PAGINATION_CLASS": "smartprovince.core.pagination.VersionedPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "smartprovince.core.api_schema.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("RATE_ANON", "120/min"),
        "public_write": os.environ.get("RATE_PUBLIC_WRITE", "20/min"),
        "user": os.environ.get("RATE_USER", "2000/min"),
    },
    "EXCEPTION_HANDLER": "smartprovince.core.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "smartprovince API",
    "DESCRIPTION": "API ของแพลตฟอร์มขับเคลื่อนแผนปฏิบัติการดิจิทัลจังหวัด",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Several models have a "status" field with their own choices: name each enum.
    "ENUM_NAME_OVERRIDES": {
        "ProjectStatusEnum": "smartprovince.projects.models.Project.Status",
        "ProgressReportStatusEnum": "smartprovince.projects.models.ProgressReport.Status",
        "ActionPlanStatusEnum": "smartprovince.projects.models.AgencyActionPlan.Status",
        "EnrolmentStatusEnum": "smartprovince.training.models.courses.Enrolment.Status",
        "InitiativeStatusEnum": "smartprovince.smartcity.models.Initiative.Status",
        "JobStatusEnum": "smartprovince.core.models.Job.Status",
        "MeasureEnum": "smartprovince.plans.models.Indicator.Measure",  # also Measurement.Source
        "BudgetSourceEnum": "smartprovince.projects.models.BudgetLine.Source",
        "MeasurementStatusEnum": "smartprovince.monitoring.models.Measurement.Status",
    },
}

# Platform-level configuration
PLATFORM_NAME_TH = os.environ.get("PLATFORM_NAME_TH", "ระบบขับเคลื่อนแผนปฏิบัติการดิจิทัลจังหวัดสกลนคร")
PLATFORM_NAME_EN = os.environ.get("PLATFORM_NAME_EN", "Sakon Nakhon Digital Action Plan Platform")
PROVINCE_CODE = os.environ.get("PROVINCE_CODE", "47")
DEFAULT_PLAN_FILE = PACKAGE_DIR / "plans" / "data" / "sakon-nakhon-2563-2565.yaml"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    AXES_ENABLED = env_bool("AXES_ENABLED", False)
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
