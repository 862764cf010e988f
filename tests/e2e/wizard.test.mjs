// The guided wizard in the real window: a non-delivery dossier whose promised date is past shows the
// mise en demeure as the current step with its date; recording it moves the stepper on; the official
// site opens from Rust with the registered-letter number; the list shows the next deadline.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  By, cli, click, daysAgo, find, findVisible, frenchDate, isoDaysAgo, launch, screenshot, tempDataDir, type, waitText,
} from "./harness.mjs";

const dataDir = tempDataDir("wizard");
const opened = path.join(dataDir, "opened-urls.txt");
let app;

const stepStatus = async (driver, id) =>
  (await find(driver, `[data-testid=ladder] [data-step=${id}]`)).getAttribute("data-status");

describe("the guided wizard in the real window", () => {
  before(async () => {
    const file = path.join(dataDir, "dossier.json");
    writeFileSync(
      file,
      JSON.stringify({
        title: "Aspirateur jamais livré",
        problem: "non_delivery",
        merchant: { name: "MaBoutique", country: "FR", fevad_mediator: true },
        order: {
          date: isoDaysAgo(30),
          amount_cents: 19990,
          payment_method: "card",
          promised_delivery_date: isoDaysAgo(20),
        },
      }),
    );
    cli(dataDir, "create", "--json", file);
    app = await launch(dataDir, { RECOURS_OPENED_URLS_FILE: opened });
  });
  after(async () => {
    await app?.quit();
  });

  it("lists the dossier with its step and next deadline", async () => {
    const { driver } = app;
    await waitText(driver, "[data-testid=dossier-list]", "Étape : mise en demeure");
    await click(driver, "Aspirateur jamais livré");
    await waitText(driver, "h1", "Aspirateur jamais livré");
  });

  it("shows the mise en demeure as the current step, with its date", async () => {
    const { driver } = app;
    assert.equal(await stepStatus(driver, "formal_notice"), "current");
    assert.equal(await stepStatus(driver, "complaint"), "not_applicable");
    // The first screen says what to do now; the law is under « Pourquoi ? ».
    const current = await find(driver, "[data-testid=next-action]");
    assert.equal(await current.getAttribute("data-step"), "formal_notice");
    const text = await current.getText();
    assert.match(text, /Mise en demeure/);
    assert.match(text, new RegExp(`Date limite de livraison — ${frenchDate(isoDaysAgo(20))}`));
    await (await find(driver, "[data-testid=why] summary")).click();
    await waitText(driver, "[data-testid=next-action]", "L216-6");
    await screenshot(driver, "08-etape-mise-en-demeure");
  });

  it("recording the formal notice moves the stepper on", async () => {
    const { driver } = app;
    await click(driver, "Noter : mise en demeure envoyée");
    await findVisible(driver, "[data-testid=event-form]");
    assert.equal(await (await find(driver, "#event-kind")).getAttribute("value"), "formal_notice_sent");
    await type(driver, "#event-date", daysAgo(2));
    await type(driver, "#event-tracking", "1A 123");
    await (await find(driver, "[data-testid=event-form] button[type=submit]")).click();
    await waitText(driver, "[data-testid=event-form]", "13 lettres et chiffres");
    await type(driver, "#event-tracking", "1A 123 456 7890 1");
    await (await find(driver, "[data-testid=event-form] button[type=submit]")).click();

    await driver.wait(async () => (await stepStatus(driver, "formal_notice")) === "done", 10_000);
    assert.equal(await stepStatus(driver, "termination"), "current");
    await waitText(driver, "[data-testid=timeline]", "recommandé n° 1A12345678901");
    await waitText(driver, "[data-testid=deadlines]", "Fin du délai laissé par la mise en demeure");
    await waitText(driver, "[data-testid=next-action]", frenchDate(isoDaysAgo(2 - 8)));
    assert.equal(await (await find(driver, "[data-testid=next-action]")).getAttribute("data-step"), "termination");
    await screenshot(driver, "09-apres-mise-en-demeure");
  });

  it("opens La Poste tracking from Rust with the letter's number", async () => {
    const { driver } = app;
    const button = await driver.findElement(By.css("[data-step=formal_notice] summary"));
    await button.click();
    await (await findVisible(driver, "[data-step=formal_notice] button[data-site=la_poste_tracking]")).click();
    await driver.wait(() => {
      try {
        return readFileSync(opened, "utf8").includes("code=1A12345678901");
      } catch {
        return false;
      }
    }, 5000);
    assert.equal(
      readFileSync(opened, "utf8").trim(),
      "https://www.laposte.fr/outils/suivre-vos-envois?code=1A12345678901",
    );
  });

  it("the CLI assesses the stored dossier the same way", async () => {
    const [dossier] = cli(dataDir, "list");
    const assessment = cli(dataDir, "assess", "--dossier", String(dossier.id));
    assert.equal(assessment.current_step, "termination");
    assert.equal(dossier.next_deadline.id, "formal_notice_expiry");
  });
});
