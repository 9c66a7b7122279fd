"""The permission matrix: every named URL × every role × GET and POST.

Each app keeps its rows in ``tests/matrix/<app>.py`` as ``ROWS``: URL name →
``Row``. A row holds how to build the URL from the seeded commune
(``World``) and, for GET and POST, the seven expected answers in the order
of ``ROLES``, written as:

- ``200``, ``400``, ``403``, ``404``, ``405``…: that status;
- ``L``: a redirect to a login page (the portal's or the admin's);
- ``R``: a redirect elsewhere (the action ran or refused, and sent the user on).

The test resolves every named URL from the URL resolver; a URL without a row
fails it.
"""
