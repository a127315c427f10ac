"""Exercise 8.9 (Python): a concurrent web crawler.
Book: src/ch08/09-crawler.md

Crawl a site from one page, following links within the site (is_within_site), with at most
`max_in_flight` requests open at a time. Fetch every page exactly once however many pages link
to it, skip pages that fail (a broken link), and return the set of paths fetched.
fetch_links (provided, in web.py) does the HTTP; the exercise is the concurrency: a queue of
pages to fetch and a set of pages seen, shared by the workers, and knowing when the crawl is
over (an empty queue is not enough).

The test serves a site on 127.0.0.1 with cycles, a broken link and links elsewhere, counts the
requests per page and how many are open at once: that must reach the limit, never pass it.
Check with: python3 exercises/chapter8/python/check.py 8.9
"""

import threading

from web import fetch_links, is_within_site  # noqa: F401  (provided; yours to use)


def crawl(server, start, max_in_flight):
    # TODO: max_in_flight worker threads sharing a list of paths to fetch, a set of paths seen
    # and a count of fetches in flight, under one threading.Condition; each worker takes a
    # path, fetches it outside the lock, adds the new links; all stop when nothing is queued
    # and nothing is in flight.
    raise NotImplementedError
