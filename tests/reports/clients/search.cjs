// Types a word into the knowledge bank's search, from the keyboard, in headless Chromium; prints what the page shows
// before, after typing and after clearing the field, as JSON. Usage: node search.cjs NODE_MODULES CHROMIUM FILE WORD
const path = require("path");
const [modules, chromium, file, word] = process.argv.slice(2);
const puppeteer = require(path.resolve(modules, "puppeteer-core"));

function seen() {  // runs in the page: the entries a person sees, and what the live region says
  const visible = (node) => node.getClientRects().length > 0;
  return {
    entries: Array.from(document.querySelectorAll("li.knowledge-entry")).filter(visible).map((li) => li.textContent),
    headings: Array.from(document.querySelectorAll("h2, h3")).filter(visible).map((h) => h.textContent),
    status: document.querySelector("[role=status]").textContent,
    focused: document.activeElement ? document.activeElement.id : "",
  };
}

(async () => {
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const errors = [];
  try {
    const page = await browser.newPage();
    page.on("console", (message) => errors.push(message.text()));
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.goto("file://" + path.resolve(file), { waitUntil: "load" });
    const before = await page.evaluate(seen);
    await page.keyboard.press("Tab");  // the first thing to focus on a page of its own: the search field
    await page.keyboard.type(word);
    const after = await page.evaluate(seen);
    for (let i = 0; i < word.length; i += 1) { await page.keyboard.press("Backspace"); }
    const cleared = await page.evaluate(seen);
    process.stdout.write(JSON.stringify({ before, after, cleared, errors }, null, 1) + "\n");
  } finally {
    await browser.close();
  }
})().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + "\n");
  process.exit(2);
});
