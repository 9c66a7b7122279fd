"""The project's own URLs, Django's auth pages and the admin's own pages."""

from .harness import Row

ROWS = {
    #                       anon own  other office council chair sysadm
    "home": Row(get="200 200 200 200 200 R 200", post="405 405 405 405 405 405 405"),
}
