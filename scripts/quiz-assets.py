#!/usr/bin/env python3
"""An mdBook preprocessor that runs after mdbook-quiz (book.toml: [preprocessor.quiz-assets]).

mdbook-quiz links its script and stylesheet into each page with a quiz, relative to that page
(`../quiz/quiz-embed.iife.js`). print.html holds every chapter at the book's root, where
`../quiz/` points outside the book: read from disk or under a sub-path, the print page then fails
to load them. This rewrites each such link into one that starts from the page's own
`path_to_root` (a variable mdBook defines on every page), so it resolves from chapter pages and
from print.html alike. Standard library only.
"""

import json
import re
import sys

LINK = re.compile(
    r'<script type="text/javascript" src="(?:\.\./)*quiz/(?P<script>[\w.-]+\.js)"></script>'
    r'|<link rel="stylesheet" type="text/css" href="(?:\.\./)*quiz/(?P<style>[\w.-]+\.css)">'
)


def from_root(match):
    # document.write keeps the original behaviour: a script that runs right here, in order.
    if match.group("script"):
        tag = f"<script src=\"' + path_to_root + 'quiz/{match.group('script')}\"><\\/script>"
    else:
        tag = f"<link rel=\"stylesheet\" href=\"' + path_to_root + 'quiz/{match.group('style')}\">"
    return f"<script>document.write('{tag}');</script>"


def rewrite(items):
    for item in items:
        chapter = item.get("Chapter") if isinstance(item, dict) else None
        if chapter:
            chapter["content"] = LINK.sub(from_root, chapter["content"])
            rewrite(chapter.get("sub_items", []))


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "supports":
        sys.exit(0)  # every renderer: the HTML is the only one that shows quizzes anyway
    _context, book = json.load(sys.stdin)
    rewrite(book.get("items", book.get("sections", [])))
    json.dump(book, sys.stdout)


if __name__ == "__main__":
    main()
