// Loads every page of the built book in Debian's headless Chromium, straight from disk:
// - no page requests anything but local files (the book works offline);
// - every page loads without a failed request or a JavaScript error;
// - on pages with math, KaTeX output is present, no raw `$$` is left, and KaTeX's own
//   stylesheet and fonts are in use (a formula renders, not just its markup).
// Usage: node check.mjs BOOK_HTML_DIR
import { chromium } from "playwright-core";
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(process.argv[2] ?? "book/html");
const pages = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    // 404.html is only ever served by a web server, at the site's root, for a missing page.
    else if (name.endsWith(".html") && name !== "404.html") pages.push(path);
  }
})(root);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const problems = [];
let mathPages = 0;
for (const file of pages) {
  const page = await browser.newPage();
  const url = pathToFileURL(file).href;
  const where = file.slice(root.length + 1);
  page.on("request", (request) => {
    const target = request.url();
    if (!target.startsWith("file:") && !target.startsWith("data:")) problems.push(`${where}: requests ${target}`);
  });
  page.on("requestfailed", (request) => {
    // Known limitation: mdbook-quiz links its assets as `../quiz/...` on every page, which from
    // print.html (at the book's root) points outside the book when read from disk. Quizzes are
    // interactive and pointless on paper; every chapter page is still checked in full.
    const quizOnPrintPage = where === "print.html" && request.url().includes("/quiz/");
    if (!quizOnPrintPage) problems.push(`${where}: failed to load ${request.url()}`);
  });
  page.on("pageerror", (error) => problems.push(`${where}: JavaScript error: ${error.message}`));
  await page.goto(url, { waitUntil: "load", timeout: 15000 });
  const math = await page.evaluate(async () => {
    const katex = document.querySelector(".katex");
    if (!katex) return null;
    await document.fonts.ready;
    return {
      rawDollars: document.querySelector("main").innerText.includes("$$"),
      fontFamily: getComputedStyle(katex).fontFamily,
      fontLoaded: document.fonts.check("16px KaTeX_Main"),
    };
  });
  if (math) {
    mathPages += 1;
    if (math.rawDollars) problems.push(`${where}: raw $$ left in the page`);
    if (!math.fontFamily.includes("KaTeX")) problems.push(`${where}: KaTeX stylesheet not applied (font ${math.fontFamily})`);
    if (!math.fontLoaded) problems.push(`${where}: KaTeX fonts did not load`);
  }
  await page.close();
}
await browser.close();
if (mathPages === 0) problems.push("no page with rendered math was found");
if (problems.length > 0) {
  console.error(`browser check: ${problems.length} problem(s):\n` + problems.join("\n"));
  process.exit(1);
}
console.log(`browser check: ${pages.length} pages loaded offline, ${mathPages} with rendered math`);
