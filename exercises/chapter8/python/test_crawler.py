"""Drill 8.9 (Python): the crawler fetches every page once, up to the limit in flight at once."""

import random
import socketserver
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import harness

HANG_HINT = (
    "the crawl never ends: a worker waits for pages that will never come. The crawl is over "
    "when nothing is queued and no fetch is in flight, not merely when the queue is empty"
)
LIMIT = 4


def make_site(pages, seed):
    """`pages` pages linking to each other (with cycles), a broken link and external links.
    The start page links to more pages than the limit, so a crawler can fill it at once."""
    chooser = random.Random(seed)
    paths = ["/"] + ["/page/{}".format(number) for number in range(1, pages)]
    links = {"/": paths[1:LIMIT + 3] + ["/missing", "http://elsewhere.invalid/x"]}
    for path in paths[1:]:
        links[path] = chooser.sample(paths, 3) + ["mailto:someone@elsewhere.invalid"]
    for path in paths[1:]:  # everything reachable from the start page
        links[chooser.choice(paths[:paths.index(path)] or ["/"])].append(path)
    return links


class Site(object):
    """A real HTTP server on 127.0.0.1 that counts the requests per page and how many are open
    at once. A request is held while fewer than LIMIT are open and the crawler knows of pages
    it has not asked for yet (linked from pages already answered): a right crawler is then
    about to send more, so every run shows whether it fills the limit. No timing decides that."""

    def __init__(self, links):
        self.links = links
        self.requests = {}
        self.open = 0
        self.most_open = 0
        self.linked = {"/"}  # pages within the site linked from pages already answered
        self.holding = True
        self.holds_run_out = 0
        self.changed = threading.Condition()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                site.serve(self)

            def log_message(self, *args):
                pass

        class Server(socketserver.ThreadingMixIn, HTTPServer):
            daemon_threads = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.address = "127.0.0.1:{}".format(self.server.server_address[1])
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def serve(self, request):
        path = request.path
        if path == "/":
            # Before answering the start page, let the crawler's other workers settle. A right
            # crawler has them waiting on its condition by then (this returns at once); one whose
            # workers quit on an empty queue has lost them by then, however late they started,
            # and fetches one page at a time. Bounded: a crawler that waits some other way is
            # only slowed down.
            with harness.WATCHDOG.test_waits():
                harness.SpuriousCondition.wait_until_waiting(
                    LIMIT - 1, threading.current_thread(), patience=1.0
                )
        with self.changed:
            self.requests[path] = self.requests.get(path, 0) + 1
            self.open += 1
            self.most_open = max(self.most_open, self.open)
            self.changed.notify_all()
            # The last resort, for a crawler that never fills the limit: after two holds that
            # ran out (2 s each, well inside the watchdog's patience), stop holding at all.
            deadline = time.monotonic() + 2
            with harness.WATCHDOG.test_waits():
                while self.holding and self.open < LIMIT and self.linked - set(self.requests):
                    left = deadline - time.monotonic()
                    if left <= 0:
                        self.holds_run_out += 1
                        self.holding = self.holds_run_out < 2
                        break
                    self.changed.wait(left)
            self.linked.update(link for link in self.links.get(path, []) if link.startswith("/"))
            # The request counts as open until the answer starts: a client may go on as soon
            # as it has read a status line, before this thread has finished writing.
            self.open -= 1
            self.changed.notify_all()
        if path not in self.links:
            request.send_error(404)
            return
        body = "".join('<a href="{}">link</a>'.format(link) for link in self.links[path])
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.end_headers()
        request.wfile.write(body.encode())

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class CrawlerTests(harness.DrillTest):
    drill_id = "8.9"

    def test_every_page_once_and_never_more_than_the_limit_at_once(self):
        links = make_site(random.randint(20, 30), random.randrange(1000))
        site = Site(links)
        try:
            found = harness.call(self.drill, self.module.crawl, site.address, "/", LIMIT, hang_hint=HANG_HINT)
        finally:
            site.close()
        twice = sorted(path for path, count in site.requests.items() if count > 1)
        self.drill.check(not twice, "these pages were fetched more than once: {}".format(", ".join(twice)))
        self.drill.check(
            found == set(links),
            "the crawl returned {} pages; the site has {} reachable pages (missing: {}; not "
            "pages: {})".format(
                len(found or ()), len(links), sorted(set(links) - set(found or ()))[:3],
                sorted(set(found or ()) - set(links))[:3],
            ),
        )
        self.drill.check(
            site.most_open <= LIMIT,
            "{} requests were open at once; the limit was {}".format(site.most_open, LIMIT),
        )
        self.drill.check(
            site.most_open == LIMIT,
            "at most {} request(s) were open at once; with a limit of {} and plenty of pages "
            "queued, the crawler should use all {}".format(site.most_open, LIMIT, LIMIT),
        )
