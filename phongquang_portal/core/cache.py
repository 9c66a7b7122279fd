"""A Redis cache that may make pages faster, never make them fail.

Django's ``RedisCache`` raises when Redis cannot be reached, so every view
or middleware that touches the cache would answer 500 during an outage.
``FailSafeRedisCache`` treats Redis errors as an empty cache: a read misses,
a write is dropped, and the warning is logged once. After an error Redis is
left alone for ``retry_after`` seconds (OPTIONS, default 5), so a request
does not wait for a dead server at every cache call; then it is tried again.

Nothing that must be true is kept only in the cache: sessions, login
attempts and the versions of public pages live in the database.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# When each Redis (by its servers) may be tried again; shared by every
# thread's cache object and by the cache aliases using the same servers.
_RESUME_AT = {}


def _missing(key, delta=1):
    raise ValueError(f"Key '{key}' not found")


# What each call answers while Redis is away: what an empty cache answers.
_FALLBACKS = {
    "add": lambda key, value, timeout: False,
    "get": lambda key, default: default,
    "set": lambda key, value, timeout: None,
    "touch": lambda key, timeout: False,
    "delete": lambda key: False,
    "get_many": lambda keys: {},
    "has_key": lambda key: False,
    "incr": _missing,
    "set_many": lambda data, timeout: None,
    "delete_many": lambda keys: None,
    "clear": lambda: False,
}


class FailSafeRedisCacheClient(RedisCacheClient):
    def __init__(self, servers, retry_after=5, **options):
        super().__init__(servers, **options)
        self._retry_after = retry_after
        self._where = tuple(servers)

    def _away(self):
        return time.monotonic() < _RESUME_AT.get(self._where, 0)

    def _failed(self, name, exc):
        _RESUME_AT[self._where] = time.monotonic() + self._retry_after
        logger.warning(
            "Cache %s unreachable (%s on %s): pages are built fresh for %ss.",
            ",".join(self._where),
            exc.__class__.__name__,
            name,
            self._retry_after,
        )


def _guarded(name):
    fallback = _FALLBACKS[name]
    call = getattr(RedisCacheClient, name)

    def method(self, *args, **kwargs):
        if self._away():
            return fallback(*args, **kwargs)
        try:
            return call(self, *args, **kwargs)
        except RedisError as exc:
            self._failed(name, exc)
            return fallback(*args, **kwargs)

    method.__name__ = name
    return method


for _name in _FALLBACKS:
    setattr(FailSafeRedisCacheClient, _name, _guarded(_name))


class FailSafeRedisCache(RedisCache):
    """``RedisCache`` whose outage reads as an empty cache (see the module)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = FailSafeRedisCacheClient
