"""Exercise 8.9 (Python): a concurrent web crawler.
Book: src/ch08/09-crawler.md

Crawl a site from one page, following links within the site, with at most `max_in_flight`
requests open at a time. Fetch every page exactly once, skip pages that fail, and return the
set of paths fetched. fetch_links (provided, in web.py) does the HTTP; the exercise is the
concurrency.
"""

import threading

from web import fetch_links, is_within_site  # provided: exercises/chapter8/python/web.py


def crawl(server, start, max_in_flight):
    seen = {start}
    to_fetch = [start]
    fetched = set()
    in_flight = 0  # pages taken from to_fetch and not finished: the crawl ends at 0 and empty
    changed = threading.Condition()

    def worker():
        nonlocal in_flight
        while True:
            with changed:
                while not to_fetch and in_flight > 0:
                    changed.wait()
                if not to_fetch:
                    return  # nothing queued and nobody fetching: nothing more can come
                path = to_fetch.pop()
                in_flight += 1
            try:
                links = fetch_links(server, path)
                ok = True
            except OSError:
                links, ok = [], False  # a broken link: skip the page
            with changed:
                if ok:
                    fetched.add(path)
                for link in links:
                    if is_within_site(link) and link not in seen:
                        seen.add(link)
                        to_fetch.append(link)
                in_flight -= 1
                changed.notify_all()

    workers = [threading.Thread(target=worker) for _ in range(max_in_flight)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    return fetched
