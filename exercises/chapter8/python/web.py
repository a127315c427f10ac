"""Provided for drill 8.9 (Python): fetching a page's links over HTTP, with the standard library."""

import urllib.request
from html.parser import HTMLParser

TIMEOUT_SECONDS = 5


def is_within_site(link):
    """Only paths on this server: "/a/b", not "http://elsewhere/..." or "mailto:...". """
    return link.startswith("/") and not link.startswith("//")


class _Links(HTMLParser):
    def __init__(self):
        HTMLParser.__init__(self)
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.extend(value for name, value in attrs if name == "href" and value)


def fetch_links(server, path):
    """The links on the page at `path` of `server` ("127.0.0.1:port"). Raises OSError (an
    HTTPError for a 404, a timeout, a refused connection) when the page cannot be had."""
    url = "http://{}{}".format(server, path)
    with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as reply:
        parser = _Links()
        parser.feed(reply.read().decode("utf-8", "replace"))
        return parser.links
