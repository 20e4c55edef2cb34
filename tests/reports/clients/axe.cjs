// Runs axe-core's WCAG 2.1 A and AA rules on each HTML file in headless Chromium, 1280 and 390 px wide; prints {file: [violations]} as
// JSON. Usage: node axe.cjs NODE_MODULES CHROMIUM FILE... (puppeteer-core and axe-core from NODE_MODULES).
const path = require("path");
const [modules, chromium, ...files] = process.argv.slice(2);
const puppeteer = require(path.resolve(modules, "puppeteer-core"));
const axeSource = require("fs").readFileSync(path.resolve(modules, "axe-core", "axe.min.js"), "utf8");

(async () => {
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const found = {};
  try {
    const page = await browser.newPage();
    for (const file of files) {
     for (const width of [1280, 390]) {  // a desktop, and a phone, where wide tables scroll in their box
      await page.setViewport({ width, height: 900 });
      await page.goto("file://" + path.resolve(file), { waitUntil: "load" });
      await page.evaluate(axeSource);
      const result = await page.evaluate(() =>
        axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })
      );
      found[file] = (found[file] || []).concat(result.violations.map((v) => ({
        width,
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
      })));
     }
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(found, null, 1) + "\n");
})().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + "\n");
  process.exit(2);
});
