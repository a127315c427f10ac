// Loads every page of the built book in Debian's headless Chromium, as a reader would:
// - from disk: no page requests anything but local files (the book works offline), every page
//   loads without a failed request or a JavaScript error, and on pages with math KaTeX output is
//   present, no raw `$$` is left and KaTeX's own stylesheet and fonts are in use;
// - in a light and a dark theme, on a desktop and on a phone (390x844): every text of every SVG
//   picture (drawn in the page or loaded by an <img>) contrasts with what is behind it (4.5:1) and
//   is at least 11 px tall on the screen; nothing in a page sticks out past the screen's edge
//   unless it sits in a box of its own that scrolls (a table, a code block, a wide picture); no
//   code block holds a line so long that reading it means scrolling across several screens;
// - pages with pictures again in all five mdBook themes;
// - printed: print.html with every hint, walkthrough and model answer open, and every quiz printed
//   as its questions with their answers;
// - over HTTP too (a server on 127.0.0.1), under the site's sub-path as on GitHub Pages: print.html
//   and chapter pages without console errors, the 404 page styled, search finding a word.
// Usage: node check.mjs BOOK_HTML_DIR
// CHECK_PAGES=ch02,appendix/decision-tree node check.mjs book/html checks only the pages whose
// path contains one of the comma-separated parts (for trying a change; CI checks every page).
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
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
const only = (process.env.CHECK_PAGES ?? "").split(",").filter((part) => part);
if (only.length > 0) {
  const kept = pages.filter((page) => only.some((part) => page.slice(root.length + 1).includes(part)));
  pages.splice(0, pages.length, ...kept);
}

const LIGHT = ["light", "rust"];
const DARK = ["coal", "navy", "ayu"];
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const LONGEST_LINE_PX = 1400;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const problems = [];
const where = (file) => file.slice(root.length + 1);

/// A fresh page in `theme` at `viewport`, reporting failed requests and script errors.
async function open(url, label, { theme = "light", viewport = DESKTOP, offline = true } = {}) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript((theme) => localStorage.setItem("mdbook-theme", theme), theme);
  const page = await context.newPage();
  page.on("request", (request) => {
    const target = request.url();
    if (offline && !target.startsWith("file:") && !target.startsWith("data:")) {
      problems.push(`${label}: requests ${target}`);
    }
  });
  page.on("requestfailed", (request) => problems.push(`${label}: failed to load ${request.url()}`));
  page.on("pageerror", (error) => problems.push(`${label}: JavaScript error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${label}: console error: ${message.text()}`);
  });
  await page.goto(url, { waitUntil: "load", timeout: 30000 });
  // A GIL lab draws its timeline once its WebAssembly is compiled: the checks see it drawn.
  await page.waitForFunction(() => [...document.querySelectorAll("main .gil-lab")]
    .every((lab) => lab.classList.contains("gil-lab-ready") || lab.querySelector(".lab-error")),
  null, { timeout: 20000 }).catch(() => problems.push(`${label}: a GIL lab did not start`));
  const applied = await page.evaluate(() => document.documentElement.className);
  // toc.html is the sidebar's frame: it takes the theme from its parent page.
  if (!url.endsWith("/toc.html") && !applied.split(" ").includes(theme)) problems.push(`${label}: theme ${theme} was not applied (${applied})`);
  return { page, context };
}

// ---- Runs inside the page ------------------------------------------------------------------

/// Problems with the texts of one SVG root: contrast and size. `outside` is the colour behind the
/// picture (an [r, g, b]) when nothing inside it is; `scale` multiplies the size on screen.
function svgTextProblems({ selector, outside, scale }) {
  const parse = (colour) => {
    const match = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(colour ?? "");
    if (!match) return null;
    if (match[4] !== undefined && Number(match[4]) === 0) return null;
    return [Number(match[1]), Number(match[2]), Number(match[3])];
  };
  const fillOf = (element) => {
    const fill = getComputedStyle(element).fill;
    const gradient = /url\("?#([^")]+)"?\)/.exec(fill);
    if (gradient) {
      // A gradient background: judge by its first stop.
      const stop = document.getElementById(gradient[1])?.querySelector("stop");
      return stop ? parse(getComputedStyle(stop).stopColor) : null;
    }
    return parse(fill);
  };
  const luminance = ([r, g, b]) => {
    const channel = (c) => {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const contrast = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const found = [];
  // Only outermost pictures: a picture nested in another is checked with it.
  for (const svg of [...document.querySelectorAll(selector)].filter((svg) => !svg.ownerSVGElement)) {
    const name = svg.querySelector(":scope > title")?.textContent?.trim() ?? "an SVG picture";
    const [faint, small] = [[], []];
    // Rectangles and texts in document order, which is painting order: a text is drawn over the
    // rectangles before it. Each box is measured once (a flame graph has thousands).
    const painted = [];
    for (const element of svg.querySelectorAll("rect, text")) {
      const box = element.getBoundingClientRect();
      if (element.tagName.toLowerCase() === "rect") {
        const fill = fillOf(element);
        if (fill && box.width > 0) painted.push({ box, fill });
        continue;
      }
      const text = element;
      const words = text.textContent.trim();
      if (!words || box.width === 0) continue;
      const colour = fillOf(text);
      if (!colour) continue;
      const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
      // What is painted behind the text: the last rectangle before it that covers its middle.
      let behind = outside;
      for (let index = painted.length - 1; index >= 0; index -= 1) {
        const r = painted[index].box;
        if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) {
          behind = painted[index].fill;
          break;
        }
      }
      const ratio = contrast(colour, behind);
      if (ratio < 4.5) faint.push({ words, ratio, colour, behind });
      const size = parseFloat(getComputedStyle(text).fontSize) * (text.getScreenCTM()?.a ?? 1) * scale;
      if (size < 11 - 0.05) small.push({ words, size });
    }
    // One line per picture and kind of problem, with its worst case.
    if (faint.length > 0) {
      const worst = faint.sort((a, b) => a.ratio - b.ratio)[0];
      found.push(`"${name}": ${faint.length} text(s) contrast less than 4.5:1 with what is behind them; worst ` +
        `"${worst.words}" at ${worst.ratio.toFixed(2)}:1 (rgb(${worst.colour}) on rgb(${worst.behind}))`);
    }
    if (small.length > 0) {
      const worst = small.sort((a, b) => a.size - b.size)[0];
      found.push(`"${name}": ${small.length} text(s) smaller than 11 px on screen; smallest "${worst.words}" at ${worst.size.toFixed(1)} px`);
    }
  }
  return found;
}

/// The colour behind `element`: the first opaque background among it and its ancestors.
function backgroundBehind(element) {
  for (let node = element; node; node = node.parentElement) {
    const match = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(getComputedStyle(node).backgroundColor);
    if (match && (match[4] === undefined || Number(match[4]) > 0.5)) return [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  return [255, 255, 255];
}

/// Things in the page that stick out past the screen with no box of their own to scroll them,
/// and code blocks with absurdly long lines.
function layoutProblems(longestLine) {
  const main = document.querySelector("main");
  const found = [];
  if (!main) return found;
  const width = document.documentElement.clientWidth;
  const scrollsInside = (element) => {
    for (let node = element.parentElement; node && node !== main.parentElement; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (["auto", "scroll"].includes(style.overflowX) && node.getBoundingClientRect().right <= width + 1) return true;
    }
    return false;
  };
  for (const element of main.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || element.dataset.reported) continue;
    if (box.right > width + 1 && !scrollsInside(element)) {
      const text = (element.textContent || element.getAttribute("alt") || element.tagName).trim().replace(/\s+/g, " ");
      found.push(`<${element.tagName.toLowerCase()}> "${text.slice(0, 60)}" ends at ${Math.round(box.right)} px, past the ${width} px screen, and nothing scrolls it`);
      // Its children stick out too: one report per tree is enough.
      for (const child of element.querySelectorAll("*")) child.dataset.reported = "1";
    }
  }
  for (const pre of main.querySelectorAll("pre")) {
    const wide = Math.max(pre.scrollWidth, ...[...pre.children].map((child) => child.scrollWidth));
    if (wide > longestLine) {
      const first = pre.textContent.split("\n").sort((a, b) => b.length - a.length)[0];
      found.push(`a code block has a line ${wide} px wide ("${first.slice(0, 60)}..."): wrap it`);
    }
  }
  return [...new Set(found.filter((line) => line))];
}

// ---- Checks --------------------------------------------------------------------------------

/// The SVG pictures of one open page: the ones drawn in the page, and the ones behind an <img>.
async function checkPictures(page, label) {
  const found = await page.evaluate(({ fn, bg }) => {
    const check = new Function(`return (${fn})`)();
    const behind = new Function(`return (${bg})`)();
    const inline = document.querySelectorAll("main svg");
    let outside = [255, 255, 255];
    if (inline.length > 0) outside = behind(inline[0].parentElement);
    return inline.length ? check({ selector: "main svg", outside, scale: 1 }) : [];
  }, { fn: svgTextProblems.toString(), bg: backgroundBehind.toString() });
  for (const problem of found) problems.push(`${label}: ${problem}`);
  const images = await page.evaluate(({ bg }) => {
    const behind = new Function(`return (${bg})`)();
    return [...document.querySelectorAll("main img")]
      .filter((img) => /\.svg(\?|#|$)/.test(img.src) && img.getBoundingClientRect().width > 0)
      .map((img) => ({ src: img.src, shown: img.getBoundingClientRect().width, natural: img.naturalWidth, outside: behind(img.parentElement) }));
  }, { bg: backgroundBehind.toString() });
  for (const image of images) {
    const picture = await page.context().newPage();
    await picture.goto(image.src, { waitUntil: "load" });
    const natural = await picture.evaluate(() => document.documentElement.getBoundingClientRect().width);
    const inside = await picture.evaluate(({ fn, args }) => new Function(`return (${fn})`)()(args),
      { fn: svgTextProblems.toString(), args: { selector: "svg", outside: image.outside, scale: image.shown / natural } });
    for (const problem of inside) problems.push(`${label}: ${image.src.split("/").pop()}: ${problem}`);
    await picture.close();
  }
  return images.length + (await page.evaluate(() => document.querySelectorAll("main svg").length));
}

async function checkLayout(page, label) {
  const found = await page.evaluate(({ fn, longest }) => new Function(`return (${fn})`)()(longest),
    { fn: layoutProblems.toString(), longest: LONGEST_LINE_PX });
  for (const problem of found) problems.push(`${label}: ${problem}`);
}

let mathPages = 0;
const withPictures = [];
for (const [index, file] of pages.entries()) {
  const url = pathToFileURL(file).href;
  const name = where(file);
  if (index % 10 === 0) console.error(`... page ${index + 1} of ${pages.length}: ${name}`);
  // 1. Light theme, desktop: loading, offline, math, pictures, layout.
  {
    const { page, context } = await open(url, name);
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
      if (math.rawDollars) problems.push(`${name}: raw $$ left in the page`);
      if (!math.fontFamily.includes("KaTeX")) problems.push(`${name}: KaTeX stylesheet not applied (font ${math.fontFamily})`);
      if (!math.fontLoaded) problems.push(`${name}: KaTeX fonts did not load`);
    }
    if ((await checkPictures(page, `${name} (light)`)) > 0) withPictures.push(file);
    if (name !== "print.html") await checkLayout(page, `${name} (desktop)`);
    await context.close();
  }
  if (name === "print.html") continue;
  // 2. A dark theme, desktop; 3. the light theme on a phone.
  for (const [theme, viewport, label] of [["navy", DESKTOP, "navy"], ["light", PHONE, "phone, light"]]) {
    const { page, context } = await open(url, `${name} (${label})`, { theme, viewport });
    await checkPictures(page, `${name} (${label})`);
    await checkLayout(page, `${name} (${label})`);
    await context.close();
  }
}

// 4. Pages with pictures: every theme, desktop and phone.
for (const file of withPictures) {
  for (const theme of [...LIGHT, ...DARK]) {
    for (const [viewport, size] of [[DESKTOP, "desktop"], [PHONE, "phone"]]) {
      const label = `${where(file)} (${theme}, ${size})`;
      const { page, context } = await open(pathToFileURL(file).href, label, { theme, viewport });
      await checkPictures(page, label);
      await context.close();
    }
  }
}

// 5. Print: print.html as printed, from disk.
{
  const label = "print.html (printed)";
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  page.on("pageerror", (error) => problems.push(`${label}: JavaScript error: ${error.message}`));
  await page.emulateMedia({ media: "print" });
  await page.goto(pathToFileURL(join(root, "print.html")).href, { waitUntil: "load" });
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  const printed = await page.evaluate(() => {
    const closed = [...document.querySelectorAll("main details")].filter((details) => !details.open)
      .map((details) => details.querySelector("summary")?.textContent.trim() ?? "?");
    const quizzes = [...document.querySelectorAll("main .quiz-placeholder")];
    const unprinted = quizzes.filter((quiz) => {
      const printedQuiz = quiz.nextElementSibling?.classList.contains("quiz-print") ? quiz.nextElementSibling : null;
      return !printedQuiz || printedQuiz.getBoundingClientRect().height === 0
        || !printedQuiz.textContent.includes("Answer");
    }).length;
    const questions = document.querySelectorAll("main .quiz-print .quiz-print-question").length;
    return { details: document.querySelectorAll("main details").length, closed, quizzes: quizzes.length, unprinted, questions };
  });
  if (printed.closed.length > 0) {
    problems.push(`${label}: ${printed.closed.length} of ${printed.details} collapsed blocks stay closed on paper (first: "${printed.closed[0]}")`);
  }
  if (printed.quizzes === 0) problems.push(`${label}: no quiz found in print.html`);
  if (printed.unprinted > 0) {
    problems.push(`${label}: ${printed.unprinted} of ${printed.quizzes} quizzes do not print their questions with the answers`);
  }
  console.log(`print: ${printed.details} collapsed blocks, ${printed.quizzes} quizzes with ${printed.questions} questions printed`);
  await context.close();
}

// 5b. The GIL labs (theme/lab.js, the lab crate in WebAssembly), driven as a reader would.
const labTimes = [];
const labWork = [];
for (const file of pages.filter((file) => readFileSync(file, "utf8").includes('class="gil-lab"'))) {
  if (where(file) === "print.html") continue;
  const name = where(file);
  const { page, context } = await open(pathToFileURL(file).href, `${name} (lab)`);
  const labs = page.locator("main .gil-lab");
  for (let index = 0; index < (await labs.count()); index++) {
    const lab = labs.nth(index);
    const label = `${name} (lab ${index + 1})`;
    const state = () => lab.evaluate((root) => ({
      svg: root.querySelector(".lab-timeline").innerHTML,
      figures: root.querySelector(".lab-figures").innerText,
      error: root.querySelector(".lab-error")?.textContent ?? "",
    }));
    // Its first frame is the committed picture beside it, which the native simulator drew
    // (tests/pictures.rs): the WebAssembly build gives the same answer, to the byte.
    const first = await state();
    const picture = join(file, "..", await lab.getAttribute("data-picture"));
    const committed = await page.evaluate((text) => {
      const holder = document.createElement("figure");
      holder.innerHTML = text.trim();
      return holder.innerHTML;
    }, readFileSync(picture, "utf8"));
    if (first.svg !== committed) problems.push(`${label}: the first frame differs from ${where(picture)}`);
    // The keyboard: the interval goes up one tick with the arrow key; the picture and the
    // figures redraw at once.
    const policy = lab.locator("select").first();
    if ((await policy.inputValue()) === "lock" || (await policy.inputValue()) === "free") {
      await policy.selectOption("turns");
    }
    await lab.locator('input[aria-label="interval in ticks"]').focus();
    await page.keyboard.press("ArrowUp");
    const afterKey = await state();
    if (afterKey.svg === first.svg) problems.push(`${label}: the interval's arrow key did not redraw the timeline`);
    // A policy change, timed from the change to the next frame with the new picture.
    const timed = await lab.evaluate(async (root) => {
      const select = root.querySelector("select");
      const before = root.querySelector(".lab-timeline").innerHTML;
      const started = performance.now();
      select.value = "free";
      select.dispatchEvent(new Event("change", { bubbles: true }));
      await new Promise((done) => requestAnimationFrame(() => done()));
      return { ms: performance.now() - started, changed: root.querySelector(".lab-timeline").innerHTML !== before,
        work: Number(root.dataset.redrawMs) };
    });
    labTimes.push(timed.ms);
    labWork.push(timed.work);
    const free = await state();
    if (!timed.changed || !free.figures.includes("most threads running Python at once")) {
      problems.push(`${label}: switching to free-threaded did not redraw the timeline`);
    }
    // A thread added, then the predict-then-run question: the answer appears.
    const threads = await lab.locator(".lab-threads > li").count();
    await lab.getByRole("button", { name: "Add a thread" }).click();
    if ((await lab.locator(".lab-threads > li").count()) !== threads + 1) problems.push(`${label}: "Add a thread" added none`);
    if ((await state()).svg === free.svg) problems.push(`${label}: adding a thread did not redraw the timeline`);
    await lab.locator(".lab-predict input").fill("3");
    await lab.getByRole("button", { name: "Run it" }).click();
    const answer = await lab.locator(".lab-answer").innerText();
    if (!/The simulator says \d+ \(you said 3\)/.test(answer)) problems.push(`${label}: the question's answer is missing: "${answer}"`);
    await lab.getByRole("button", { name: "Back to the picture" }).click();
    if ((await state()).svg !== committed) problems.push(`${label}: "Back to the picture" does not return to the picture`);
    if ((await state()).error) problems.push(`${label}: ${(await state()).error}`);
  }
  await context.close();
}
if (labTimes.length < 3 && only.length === 0) problems.push(`only ${labTimes.length} GIL labs were found (chapters 1, 2 and 3 have one each)`);
if (labTimes.length > 0) console.log(`GIL labs: ${labTimes.length} driven; a control change to the redrawn picture took ` +
  `${Math.min(...labTimes).toFixed(1)}-${Math.max(...labTimes).toFixed(1)} ms to the next frame ` +
  `(simulating and drawing: ${Math.min(...labWork).toFixed(1)}-${Math.max(...labWork).toFixed(1)} ms)`);

// 6. Over HTTP, as the published site: under a sub-path (the site-url of book.toml, as on GitHub
// Pages), print.html and a chapter page load without console errors, a missing page gets the
// book's 404 page with its styles, and search finds a word.
{
  // mdBook writes the site-url into the 404 page's <base>.
  const notFound = readFileSync(join(root, "404.html"), "utf8");
  const prefix = /<base href="([^"]+)"/.exec(notFound)?.[1] ?? "/";
  const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml",
    ".woff2": "font/woff2", ".json": "application/json", ".png": "image/png", ".ico": "image/x-icon" };
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    const file = normalize(join(root, path.slice(prefix.length - 1)));
    try {
      if (!path.startsWith(prefix) || !file.startsWith(root)) throw new Error("outside the site");
      const body = readFileSync(statSync(file).isDirectory() ? join(file, "index.html") : file);
      response.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
      response.end(body);
    } catch {
      // As GitHub Pages does: the site's own 404.html, with status 404.
      response.writeHead(404, { "content-type": "text/html" });
      response.end(readFileSync(join(root, "404.html")));
    }
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  const base = `http://127.0.0.1:${server.address().port}${prefix}`;
  const missing = "ch01/no-such-page.html";
  for (const path of ["print.html", "ch08/10-gil-questions.html", "ch01/03-taking-turns.html", missing, "index.html"]) {
    const label = `${prefix}${path} (over HTTP)`;
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    page.on("response", (response) => {
      if (response.status() >= 400 && !response.url().endsWith(missing)) {
        problems.push(`${label}: ${response.url()} answered ${response.status()}`);
      }
    });
    page.on("requestfailed", (request) => problems.push(`${label}: failed to load ${request.url()}`));
    page.on("pageerror", (error) => problems.push(`${label}: JavaScript error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error" && !message.text().includes("404")) problems.push(`${label}: console error: ${message.text()}`);
    });
    await page.goto(base + path, { waitUntil: "load", timeout: 30000 });
    if (path === missing) {
      const styled = await page.evaluate(() => getComputedStyle(document.body).fontFamily.length > 0 &&
        document.querySelectorAll("link[rel=stylesheet]").length > 0 && !!document.querySelector("nav, .sidebar"));
      if (!styled) problems.push(`${label}: the 404 page has no styles or no table of contents`);
    }
    if (path === "index.html") {
      // mdBook's own script runs (a theme/book.js of ours would silently replace it): the theme
      // menu switches the theme.
      const switched = await page.click("#mdbook-theme-toggle", { timeout: 5000 })
        .then(() => page.click("#mdbook-theme-navy", { timeout: 5000 }))
        .then(() => page.evaluate(() => document.documentElement.classList.contains("navy")), () => false);
      if (!switched) problems.push(`${label}: the theme menu does not switch to navy: is mdBook's book.js replaced?`);
      await page.click("#mdbook-search-toggle");
      // mdBook searches on key presses, so type the word as a reader would.
      await page.locator("#mdbook-searchbar").pressSequentially("convoy", { delay: 50 });
      const found = await page.waitForFunction(() => document.querySelectorAll("#mdbook-searchresults li").length > 0,
        null, { timeout: 15000 }).then(() => true, () => false);
      if (!found) problems.push(`${label}: searching for "convoy" found nothing`);
      else {
        // A result's link must lead to a page that exists under the sub-path.
        const href = await page.evaluate(() => document.querySelector("#mdbook-searchresults li a").href);
        const reply = await page.request.get(href);
        if (reply.status() !== 200) problems.push(`${label}: a search result links ${href}, which answers ${reply.status()}`);
      }
    }
    await context.close();
  }
  server.close();
}

await browser.close();
if (mathPages === 0) problems.push("no page with rendered math was found");
if (withPictures.length === 0) problems.push("no page with an SVG picture was found");
if (problems.length > 0) {
  const unique = [...new Set(problems)];
  console.error(`browser check: ${unique.length} problem(s):\n` + unique.join("\n"));
  process.exit(1);
}
console.log(`browser check: ${pages.length} pages loaded offline, ${mathPages} with rendered math, ` +
  `${withPictures.length} with pictures checked in ${LIGHT.length + DARK.length} themes, on a desktop and a phone`);
