// The launchpad in a real browser: Debian's chromium driven by playwright-core (no browser download), against a
// running `airgate dev`. Walks what a scientist does, at 1280 px and again at 390 px, with a screenshot per step; on
// every view axe-core must find no serious and no moderate violation and the page must not be wider than the screen.
// Fails on any console error or any request to another host (the page must work offline).
//   AIRGATE_URL=http://127.0.0.1:5080 node browser-test.mjs [screenshot folder, default test-output/]
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { chromium } from "playwright-core";

const base = (process.env.AIRGATE_URL ?? "http://127.0.0.1:5080").replace(/\/$/, "");
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const out = resolve(process.argv[2] ?? "test-output");
mkdirSync(out, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
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

/** Console errors, outside requests: recorded for every page of a context. */
function watch(page) {
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const url = message.location()?.url ?? "";
    // The browser reports every 4xx answer to fetch as a console error; the API's 400 (the mistakes) and 404 (a log
    // not written yet, a route this Airgate may not have) are answers the test expects and checks itself.
    if (/Failed to load resource: the server responded with a status of (400|404)/.test(message.text()) && url.startsWith(`${base}/api/`)) return;
    consoleErrors.push(`${message.text()} (${url})`);
  });
  page.on("pageerror", (error) => consoleErrors.push(`page error: ${error.message}`));
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(base) && !url.startsWith("data:") && !url.startsWith("blob:")) external.push(url);
  });
}

/** A view: no serious or moderate axe violation, not wider than the screen, and a screenshot. */
async function view(page, name, width) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 3) }));
  });
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "moderate" || v.impact === "critical");
  if (bad.length > 0) fail(`${name} at ${width} px: axe found ${bad.map((v) => `${v.id} (${v.impact}) at ${v.nodes.join(", ")}`).join("; ")}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 1) fail(`${name} at ${width} px is wider than the screen by ${overflow} px`);
  step += 1;
  const file = `${out}/${String(step).padStart(2, "0")}-${name}-${width}.png`;
  await page.screenshot({ path: file, fullPage: true });
  log(`${name} at ${width} px: axe ${violations.length === 0 ? "clean" : `minor only (${violations.map((v) => v.id).join(", ")})`}; ${file}`);
}

/** The form fills a field after it renders (values arrive in an effect): wait for it, up to 10 s. */
async function waitForValue(page, name, expected, message) {
  await page
    .waitForFunction(([id, value]) => document.getElementById(id)?.value === value, [`#/properties/${name}-input`, expected], { timeout: 10_000 })
    .catch(() => fail(message));
}

/**
 * Fields typed in quick succession all keep their values. JSON Forms once took back its own debounced report of an
 * earlier state and dropped the field typed in between (about one walk in two lost kraken2_db).
 */
async function keptValues(input, expected) {
  for (const [name, value] of Object.entries(expected)) {
    const actual = await input(name).inputValue();
    if (actual !== value) fail(`the form lost a typed value: ${name} is "${actual}", typed "${value}"`);
  }
}

async function walk(width, user) {
  const height = width < 600 ? 844 : 800;
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  try {
    await steps(context, page, width, user);
  } catch (error) {
    await page.screenshot({ path: `${out}/failed-${width}.png`, fullPage: true }).catch(() => undefined);
    if (consoleErrors.length > 0) log(`console errors so far: ${consoleErrors.join(" ; ")}`);
    throw error;
  } finally {
    await context.close();
  }
}

async function steps(context, page, width, user) {
  watch(page);
  const control = (name, target = page) => target.locator(`[data-pipeline="${pipelineId}"] [id="#/properties/${name}"]`);
  const input = (name, target = page) => target.locator(`[data-pipeline="${pipelineId}"] [id="#/properties/${name}-input"]`);

  // 1. Sign in as a user: the header says who and with which roles; a second tab of the session is the same user.
  await page.goto(`${base}/`);
  await page.getByLabel("Act as user").fill(user);
  await page.getByRole("button", { name: "Switch user" }).click();
  await page.locator(`.whoami[data-user="${user}"]`).waitFor();
  const whoami = await page.locator(".whoami").innerText();
  if (!whoami.includes(user) || !whoami.includes("roles")) fail(`the header does not say who is signed in: ${whoami}`);
  const second = await context.newPage();
  watch(second);
  await second.goto(`${base}/runs`);
  await second.locator(`.whoami[data-user="${user}"]`).waitFor({ timeout: 10_000 }).catch(() => fail("a new tab did not keep the signed-in user"));
  log(`a new tab is still ${user}`);

  // 2. Choose a workflow.
  await page.getByLabel("Search workflows").fill("species");
  const link = page.getByRole("link", { name: "Bactopia species screen" });
  await link.waitFor();
  if ((await page.locator(".cards > li").count()) !== 1) fail("the search did not narrow the list to one workflow");
  await view(page, "workflows", width);
  await link.click();

  // 3. Fill its form, with mistakes: a relative output directory, zero CPUs and a sample name with a space.
  await input("kraken2_db").waitFor();
  if ((await input("max_cpus").inputValue()) === "") fail("defaults are not filled in (max_cpus)");
  const outdirLabel = await control("outdir").locator("label").first().innerText();
  if (!outdirLabel.includes("--outdir")) fail(`the field does not show the parameter name people type: ${outdirLabel}`);
  await page.getByRole("button", { name: "Add to Samples" }).click();
  const row = page.locator(`[data-pipeline="${pipelineId}"] .array-table-layout tbody tr`).first();
  const cells = row.locator("input");
  await cells.nth(0).fill("isolate 1");
  await cells.nth(1).fill("/data/isolate-1_R1.fastq.gz");
  await input("outdir").fill("relative/dir");
  await input("kraken2_db").fill("/db/k2_standard_08gb");
  await input("max_cpus").fill("0");
  await view(page, "form-filled", width);
  await keptValues(input, { outdir: "relative/dir", kraken2_db: "/db/k2_standard_08gb", max_cpus: "0" });

  // 4. Submit: each mistake beside its field, and in the summary by label and row, with the profile's errorMessage.
  // Leave the last field first, as a user moving to the button does: at 390 px its blur re-lays the form out, which
  // would move the button between the press and the release of one synthetic click.
  await input("max_cpus").blur();
  await page.getByRole("button", { name: "Start run" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "to fix" });
  await summary.waitFor();
  for (const name of ["outdir", "max_cpus"]) {
    const error = control(name).locator(".validation_error");
    await error.waitFor({ timeout: 10_000 }).catch(() => fail(`no error shown beside ${name}`));
  }
  const text = await summary.innerText();
  for (const expected of ["Output directory (--outdir)", "Maximum CPUs (--max_cpus)", "Samples (--samples), row 1: Sample name", "must be an absolute path"]) {
    if (!text.includes(expected)) fail(`the summary does not say "${expected}": ${text}`);
  }
  if (/\/samples\/0|must match the pattern/.test(text)) fail(`the summary shows pointers or raw patterns: ${text}`);
  await view(page, "errors-beside-fields", width);

  // 5. Correct them; the dry run shows the exact conf, and offers params.json and the command line.
  await cells.nth(0).fill("isolate-1");
  await input("outdir").fill(`/results/browser-test-${width}`);
  await input("max_cpus").fill("2");
  // As in step 4: leave the field before pressing the button, so a blur's re-layout cannot move the button mid-click.
  await input("max_cpus").blur();
  await keptValues(input, { outdir: `/results/browser-test-${width}`, kraken2_db: "/db/k2_standard_08gb", max_cpus: "2" });
  await page.getByRole("button", { name: "Check (dry run)" }).click();
  const conf = page.getByLabel("The conf that would be sent");
  await conf.waitFor().catch(async () => fail(`the dry run showed no conf: ${(await page.getByRole("alert").allInnerTexts()).join(" / ")}`));
  if (!(await conf.innerText()).includes(`/results/browser-test-${width}`)) fail("the dry run's conf does not carry the corrected value");
  const paramsLink = page.getByRole("link", { name: `Download ${pipelineId}.params.json` });
  const [download] = await Promise.all([page.waitForEvent("download"), paramsLink.click()]);
  const exported = JSON.parse(readFileSync(await download.path(), "utf8"));
  if (download.suggestedFilename() !== `${pipelineId}.params.json`) fail(`params.json is named ${download.suggestedFilename()}`);
  if (exported.outdir !== `/results/browser-test-${width}` || exported.max_cpus !== 2) fail(`params.json is not what would run: ${JSON.stringify(exported)}`);
  if (!(await page.getByLabel("The command line").innerText()).includes(`-params-file ${pipelineId}.params.json`)) fail("no command line");
  await view(page, "dry-run-export", width);

  // 6. Save the form as a preset; it comes back after a reload.
  const presetName = `browser test ${width}`;
  await page.getByLabel("Save the form as").fill(presetName);
  await page.getByRole("button", { name: "Save preset" }).click();
  await page.getByText(`Saved the form as “${presetName}”.`).waitFor();
  await page.reload();
  await input("outdir").waitFor();
  await page.getByLabel("Start from a preset").selectOption(presetName);
  await page.getByRole("button", { name: "Use preset" }).click();
  await page.locator(`[data-started-from="preset “${presetName}”"]`).waitFor();
  await waitForValue(page, "outdir", `/results/browser-test-${width}`, "the preset did not fill the form");
  await view(page, "preset-loaded", width);

  // 7. Start the run: the page moves to the run; a tab on "My runs" will be told when it ends.
  await page.getByRole("button", { name: "Start run" }).click();
  await page.waitForURL(/\/runs\/bactopia_species_screen\//);
  const runUrl = page.url();
  const runId = decodeURIComponent(runUrl.split("/").pop());
  log(`started ${runId}`);
  await page.locator("table.tasks tbody tr").first().waitFor();

  // 8. The log of a task that has not started yet waits for it, then shows its lines (Follow on).
  const lastRow = page.locator("table.tasks tbody tr").last();
  const lastTask = await lastRow.getAttribute("data-task");
  await lastRow.getByRole("button", { name: /^Log of/ }).click();
  await page.getByRole("heading", { name: `Log of ${lastTask}` }).waitFor();
  await page.getByLabel(/Follow/).check();
  const status = await page.locator(".log-panel [aria-live]").innerText();
  log(`log of ${lastTask} at first: ${status || "(lines)"}`);
  if (/Not found|has no log/i.test(status)) fail(`the log panel gave up: ${status}`);
  await view(page, "run-log-waiting", width);
  await page.waitForFunction(() => (document.querySelector("pre.log")?.textContent ?? "").length > 0, null, { timeout: 90_000 })
    .catch(async () => fail(`the log panel did not recover: ${await page.locator(".log-panel").innerText()}`));
  log("the log shows lines once the task ran");
  await view(page, "run-log", width);

  // 9. The run ends (it is stopped here) while "My runs" is open in the other tab: that tab says so.
  if (!(await page.locator(".facts .state-success, .facts .state-failed").count())) {
    await page.getByRole("button", { name: "Stop run" }).click().catch(() => undefined);
  }
  await page.locator(".facts .state-failed, .facts .state-success").waitFor({ timeout: 90_000 });
  await second.locator(`.notice[data-run="${runId}"]`).waitFor({ timeout: 30_000 }).catch(() => fail("the other tab was not told the run ended"));
  await view(second, "run-ended-notice", width);

  // 10. Launch again from the run: the form holds its parameters.
  await page.getByRole("link", { name: "Launch again…" }).click();
  await page.locator(`[data-started-from="run ${runId}"]`).waitFor();
  await input("outdir").waitFor();
  await waitForValue(page, "outdir", `/results/browser-test-${width}`, "launch again did not fill the form with the run's parameters");
  // The workflow's page lists its recent runs, this one among them.
  await page.locator("table.workflow-runs").getByRole("link", { name: runId }).waitFor();
  await view(page, "launch-again-and-workflow-runs", width);

  // 11. Rerun with one parameter changed: the change is listed; the new run's page opens without the old log panel.
  await page.goto(runUrl);
  await page.getByRole("link", { name: "Rerun with corrections…" }).click();
  await input("outdir").waitFor();
  await input("outdir").fill(`/results/browser-test-${width}-rerun`);
  await page.getByRole("button", { name: "Show changes (dry run)" }).click();
  const changes = page.locator("table.changes");
  await changes.waitFor();
  if (!(await changes.innerText()).includes(`/results/browser-test-${width}-rerun`)) fail("the change is not listed");
  await view(page, "rerun-changes", width);
  await page.getByRole("button", { name: "Start rerun" }).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/rerun") && url.href !== runUrl);
  await page.getByText("Rerun of").waitFor();
  if ((await page.locator(".log-panel").count()) !== 0) fail("the log panel carried over to the rerun's page");
  await view(page, "rerun-started", width);

  // 12. All runs, filtered by a plain "user contains" field.
  await page.goto(`${base}/runs?scope=all`);
  await page.getByLabel("User (started by)").fill(user.slice(1, 4).toUpperCase());
  await page.waitForFunction((name) => {
    const rows = [...document.querySelectorAll("table.runs tbody tr")];
    return rows.length > 0 && rows.every((r) => r.children[3]?.textContent === name);
  }, user, { timeout: 15_000 }).catch(() => fail("the user filter did not narrow the runs to the user"));
  await view(page, "runs-filtered", width);

  // 13. An nf-core form: groups collapsible with their description, help behind "more", hidden parameters on demand.
  await page.goto(`${base}/workflows/amplicon_16s_survey`);
  const group = page.locator("details.param-group").first();
  await group.waitFor();
  const more = page.locator("details.help-text").first();
  if (await more.evaluate((d) => d.open)) fail("help text is expanded before asking");
  await more.locator("summary").click();
  if ((await more.locator("div").innerHTML()).includes("<script")) fail("help text is not sanitised");
  if ((await page.locator(".path-hint").count()) === 0) fail("a path field does not say what it expects");
  const before = await page.locator("[id$='-input']").count();
  await page.getByLabel(/Show hidden parameters/).first().check();
  await page.waitForFunction((n) => document.querySelectorAll("[id$='-input']").length > n, before);
  await view(page, "nf-core-form", width);

  // Every control has a label.
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll("input, select, textarea, button")]
      .filter((el) => !(el.labels?.length || el.getAttribute("aria-label") || el.getAttribute("aria-labelledby") || (el.tagName === "BUTTON" && el.textContent.trim())))
      .map((el) => el.outerHTML.slice(0, 120)),
  );
  if (unlabelled.length > 0) fail(`controls without a label: ${unlabelled.join(" ; ")}`);
}

try {
  // WIDTHS=390 runs one width only, when working on it.
  const widths = (process.env.WIDTHS ?? "1280,390").split(",").map(Number);
  if (widths.includes(1280)) await walk(1280, "alice");
  if (widths.includes(390)) await walk(390, "bob");
  if (consoleErrors.length > 0) fail(`console errors: ${consoleErrors.join(" ; ")}`);
  if (external.length > 0) fail(`the page reached other hosts: ${external.join(", ")}`);
  log(`passed; screenshots in ${out}`);
} finally {
  await browser.close();
}
