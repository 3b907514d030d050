// Opens Airgate's /docs (Scalar, served by Airgate itself) in Debian's chromium through playwright-core, finds the
// operations, and sends a dry run from the page's own client. Fails on any request to another host: the page must
// work offline. Usage: AIRGATE_URL=http://127.0.0.1:5080 node docs-test.mjs
import { chromium } from "playwright-core";

const base = process.env.AIRGATE_URL ?? "http://127.0.0.1:5080";
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const fail = (message) => {
  throw new Error(`docs test failed: ${message}`);
};

const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const external = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(base) && !url.startsWith("data:") && !url.startsWith("blob:")) {
      external.push(url);
    }
  });

  await page.goto(`${base}/docs`);
  await page.getByText("Open Group - Runs").first().click({ force: true });
  const trigger = page.getByText("Validate the parameters and start a run").first();
  await trigger.waitFor({ timeout: 30_000 });
  for (const summary of ["Airflow DAGs with their pipelines", "One run, fresh from Airflow", "Stop (state failed"]) {
    if ((await page.getByText(summary).count()) === 0) {
      fail(`operation '${summary}' is not on the page`);
    }
  }
  console.log("[docs] the operations are listed");
  // Scalar's developer toolbar needs scalar.com for each of its buttons: useless offline, so Airgate hides it.
  for (const label of ["Generate SDK", "Share", "Deploy"]) {
    if ((await page.getByRole("button", { name: label, exact: false }).count()) > 0) {
      fail(`the page shows the online-only button '${label}'`);
    }
  }
  console.log("[docs] no online-only buttons (Share, Generate SDK, Deploy)");

  await trigger.click();
  await page.getByRole("button", { name: "Test Request (post /api/v1/workflows/{dag_id}/runs)" }).click();
  const client = page.getByRole("dialog");
  await client.locator("tr#dag_id [aria-label=' Value']").click();
  await page.keyboard.type("bactopia_species_screen");
  await client.locator("tr#dry_run button[aria-haspopup='menu']").click();
  await page.getByRole("menuitem", { name: "true" }).or(page.getByRole("option", { name: "true" })).first().click();
  const body = client.locator(".cm-content[contenteditable='true']").last();
  await body.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  // The editor closes brackets and quotes as they are typed, so the body is inserted as one piece of text.
  await page.keyboard.insertText(JSON.stringify({
    pipelines: {
      "bactopia-kraken2-3.2.0": {
        samples: [{ sample: "isolate-1", r1: "/data/isolate-1_R1.fastq.gz" }],
        outdir: "/results/docs-test",
        kraken2_db: "/db/k2",
      },
    },
  }));

  const answer = page.waitForResponse((response) => response.url().includes("/api/v1/workflows/bactopia_species_screen/runs?dry_run=true"));
  await client.getByRole("button", { name: /^Send/ }).first().click();
  const response = await answer;
  const text = await response.text();
  if (response.status() !== 200 || !text.includes("\"conf\"")) {
    fail(`the dry run answered ${response.status()}: ${text.slice(0, 500)}`);
  }
  console.log("[docs] a dry run sent from the page answered 200 with the conf");

  if (external.length > 0) {
    fail(`the page reached other hosts: ${external.join(", ")}`);
  }
  console.log("[docs] no request left Airgate");
} finally {
  await browser.close();
}
