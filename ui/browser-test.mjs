// The launchpad in a real browser: Debian's chromium driven by playwright-core (no browser download), against a
// running `airgate dev`. Walks what a scientist does, with a screenshot per step, and fails on any console error
// or any request to another host (the page must work offline).
//   AIRGATE_URL=http://127.0.0.1:5080 node browser-test.mjs [screenshot folder, default test-output/]
// The run events, logs and rerun routes must exist: a missing one fails the test.
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { chromium } from "playwright-core";

const base = (process.env.AIRGATE_URL ?? "http://127.0.0.1:5080").replace(/\/$/, "");
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const out = resolve(process.argv[2] ?? "test-output");
mkdirSync(out, { recursive: true });
const dagId = "bactopia_species_screen";
const pipelineId = "bactopia-kraken2-3.2.0";
const log = (message) => console.log(`[launchpad] ${message}`);
const fail = (message) => {
  throw new Error(`launchpad browser test failed: ${message}`);
};

const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
const consoleErrors = [];
const external = [];
let step = 0;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const url = message.location()?.url ?? "";
    // The browser reports every 4xx answer to fetch as a console error; the API's 400 (the mistakes) and the
    // probes of routes this Airgate may not have are answers the test expects and checks itself.
    if (/Failed to load resource: the server responded with a status of (400|404)/.test(message.text()) && url.startsWith(`${base}/api/`)) return;
    consoleErrors.push(`${message.text()} (${url})`);
  });
  page.on("pageerror", (error) => consoleErrors.push(`page error: ${error.message}`));
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(base) && !url.startsWith("data:") && !url.startsWith("blob:")) external.push(url);
  });
  const shot = async (name, target = page) => {
    step += 1;
    const file = `${out}/${String(step).padStart(2, "0")}-${name}.png`;
    await target.screenshot({ path: file, fullPage: true });
    log(`screenshot ${file}`);
  };
  const control = (name) => page.locator(`[data-pipeline="${pipelineId}"] [id="#/properties/${name}"]`);
  const input = (name) => page.locator(`[id="#/properties/${name}-input"]`);

  // 1. Choose a workflow.
  await page.goto(`${base}/`);
  await page.getByLabel("Search workflows").fill("species");
  const link = page.getByRole("link", { name: "Bactopia species screen" });
  await link.waitFor();
  if ((await page.locator(".cards > li").count()) !== 1) fail("the search did not narrow the list to one workflow");
  await shot("workflows");
  await link.click();

  // 2. Fill its form, with two mistakes: a relative output directory and zero CPUs.
  await input("kraken2_db").waitFor();
  if ((await input("max_cpus").inputValue()) === "") fail("defaults are not filled in (max_cpus)");
  await page.getByRole("button", { name: "Add to Samples" }).click();
  const row = page.locator(`[data-pipeline="${pipelineId}"] .array-table-layout tbody tr`).first();
  const cells = row.locator("input");
  await cells.nth(0).fill("isolate-1");
  await cells.nth(1).fill("/data/isolate-1_R1.fastq.gz");
  await input("outdir").fill("relative/dir");
  await input("kraken2_db").fill("/db/k2_standard_08gb");
  await input("max_cpus").fill("0");
  await shot("form-filled");

  // 3. Submit: both mistakes beside their fields, and in the summary.
  await page.getByRole("button", { name: "Start run" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "to fix" });
  await summary.waitFor();
  for (const name of ["outdir", "max_cpus"]) {
    const error = control(name).locator(".validation_error");
    await error.waitFor({ timeout: 10_000 }).catch(() => fail(`no error shown beside ${name}`));
    log(`error beside ${name}: ${await error.innerText()}`);
  }
  if (!(await summary.innerText()).includes("/outdir") || !(await summary.innerText()).includes("/max_cpus")) fail("the summary does not list both errors");
  await shot("errors-beside-fields");

  // 4. Correct them; the dry run shows the exact conf.
  await input("outdir").fill("/results/browser-test");
  await input("max_cpus").fill("2");
  await page.getByRole("button", { name: "Check (dry run)" }).click();
  const conf = page.getByLabel("The conf that would be sent");
  await conf.waitFor();
  if (!(await conf.innerText()).includes("/results/browser-test")) fail("the dry run's conf does not carry the corrected value");
  if ((await control("outdir").locator(".validation_error").count()) !== 0) fail("a corrected field still shows its error");
  await shot("dry-run-conf");

  // 5. Start the run: the page moves to the run.
  await page.getByRole("button", { name: "Start run" }).click();
  await page.waitForURL(/\/runs\/bactopia_species_screen\//);
  const runUrl = page.url();
  const runId = decodeURIComponent(runUrl.split("/").pop());
  log(`started ${runId}`);
  await page.locator("table.tasks tbody tr").first().waitFor();
  // Every rendering of the task table from now on is recorded in the page, so a change that happens while the test
  // does something else (the emulated run may finish within seconds) is still seen.
  await page.evaluate(() => {
    const seen = (window.__taskTables = []);
    const record = () => {
      const rows = [...document.querySelectorAll("table.tasks tbody tr")].map((r) => r.textContent).join("|");
      if (rows && seen[seen.length - 1] !== rows) seen.push(rows);
    };
    record();
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await shot("run-started");

  // 6. Task states change without reloading.
  const tables = () => page.evaluate(() => window.__taskTables);
  const navigations = [];
  page.on("framenavigated", (frame) => frame === page.mainFrame() && navigations.push(frame.url()));
  const deadline = Date.now() + 45_000;
  while ((await tables()).length < 2) {
    if (Date.now() > deadline) fail(`task states did not change within 45 s: ${(await tables()).join(" / ")}`);
    await page.waitForTimeout(500);
  }
  if (navigations.length > 0) fail(`the page reloaded: ${navigations.join(", ")}`);
  const seen = await tables();
  log(`task states changed: ${seen[0]} -> ${seen[seen.length - 1]}`);
  await shot("states-changed");

  // 7. Stop the run, with a note, while it runs (the emulated run lasts about a minute).
  await page.getByLabel("Why stop it (note, optional)").fill("stopped by the launchpad browser test");
  await page.getByRole("button", { name: "Stop run" }).click();
  await page.getByText("The run was stopped.").waitFor();
  await page.locator(".facts .state-failed").waitFor();
  await shot("stopped");

  // 8. A task's log (followed: a finished task sends its log and ends).
  const firstTask = await page.locator("table.tasks tbody tr").first().getAttribute("data-task");
  await page.locator("table.tasks tbody tr").first().getByRole("button", { name: /^Log of/ }).click();
  await page.getByRole("heading", { name: `Log of ${firstTask}` }).waitFor();
  await page.getByLabel(/Follow/).check();
  await page.waitForFunction(() => (document.querySelector("pre.log")?.textContent ?? "").length > 0, null, { timeout: 30_000 });
  log("the log shows lines");
  await shot("task-log");

  // 9. Rerun with one parameter changed: the change is listed before starting.
  await page.getByRole("link", { name: "Rerun with corrections…" }).click();
  await input("outdir").waitFor();
  if ((await input("outdir").inputValue()) !== "/results/browser-test") fail("the rerun form is not filled with the run's parameters");
  await input("outdir").fill("/results/browser-test-rerun");
  await page.getByRole("button", { name: "Show changes (dry run)" }).click();
  const changes = page.locator("table.changes");
  await changes.waitFor();
  const text = await changes.innerText();
  if (!text.includes("/outdir") || !text.includes("/results/browser-test-rerun")) fail(`the change is not listed: ${text}`);
  await shot("rerun-changes");
  await page.getByRole("button", { name: "Start rerun" }).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/rerun") && url.href !== runUrl);
  await page.getByText("Rerun of").waitFor();
  await shot("rerun-started");

  // 10. Readable on a narrow screen too; runs listing.
  await page.goto(`${base}/runs`);
  await page.locator("table.runs tbody tr").first().waitFor();
  await shot("my-runs");
  const narrow = await context.newPage();
  await narrow.setViewportSize({ width: 390, height: 844 });
  await narrow.goto(`${base}/workflows/${dagId}`);
  await narrow.locator(`[id="#/properties/outdir-input"]`).waitFor();
  const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 1) fail(`the form is wider than a narrow screen by ${overflow} px`);
  await shot("narrow-form", narrow);

  // 11. Every control of the form (a sample row included) and of the runs page has a label.
  await narrow.getByRole("button", { name: "Add to Samples" }).click();
  const unlabelledIn = (target) => target.evaluate(() =>
    [...document.querySelectorAll("input, select, textarea, button")]
      .filter((el) => !(el.labels?.length || el.getAttribute("aria-label") || el.getAttribute("aria-labelledby") || (el.tagName === "BUTTON" && el.textContent.trim())))
      .map((el) => el.outerHTML.slice(0, 120)),
  );
  const unlabelled = [...(await unlabelledIn(narrow)), ...(await unlabelledIn(page))];
  if (unlabelled.length > 0) fail(`controls without a label: ${unlabelled.join(" ; ")}`);

  if (consoleErrors.length > 0) fail(`console errors: ${consoleErrors.join(" ; ")}`);
  if (external.length > 0) fail(`the page reached other hosts: ${external.join(", ")}`);
  log(`passed; screenshots in ${out}`);
} finally {
  await browser.close();
}
