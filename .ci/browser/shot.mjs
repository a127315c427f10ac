// Screenshots one page of the built book as a reader sees it, for looking at by eye.
// Usage: node shot.mjs PAGE.html OUT.png [theme] [width] [height] [screen|print] [CSS selector to show]
import { chromium } from "playwright-core";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [page, out, theme = "light", width = "1280", height = "900", media = "screen", selector] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const context = await browser.newContext({ viewport: { width: Number(width), height: Number(height) } });
await context.addInitScript((theme) => localStorage.setItem("mdbook-theme", theme), theme);
const tab = await context.newPage();
await tab.emulateMedia({ media });
const [file, anchor] = page.split("#");
await tab.goto(pathToFileURL(resolve(file)).href + (anchor ? `#${anchor}` : ""), { waitUntil: "load" });
if (media === "print") await tab.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
if (selector) await tab.locator(selector).first().scrollIntoViewIfNeeded();
await tab.screenshot({ path: out, fullPage: false });
await browser.close();
