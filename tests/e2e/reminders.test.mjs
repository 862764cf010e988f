// Reminders in the real window: off by default; once turned on in Réglages, a deadline falling due today
// is announced by a desktop notification. The app runs on a private D-Bus session bus that dbus-monitor
// watches, so the test sees the org.freedesktop.Notifications call the app really makes.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { openSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  cli, click, find, isoDaysAgo, launch, screenshot, startBus, tempDataDir, waitText,
} from "./harness.mjs";

const dataDir = tempDataDir("reminders");
const monitorLog = path.join(dataDir, "dbus-monitor.txt");
let bus;
let monitor;
let app;

describe("reminders in the real window", () => {
  before(async () => {
    bus = await startBus();
    monitor = spawn("dbus-monitor", ["--address", bus.address, "interface='org.freedesktop.Notifications'"], {
      stdio: ["ignore", openSync(monitorLog, "w"), "ignore"],
    });
    const file = path.join(dataDir, "dossier.json");
    writeFileSync(
      file,
      JSON.stringify({
        title: "Montre jamais livrée",
        problem: "non_delivery",
        merchant: { name: "HorlogeShop", country: "FR" },
        order: { date: isoDaysAgo(7), amount_cents: 8900, payment_method: "card", promised_delivery_date: isoDaysAgo(0) },
      }),
    );
    cli(dataDir, "create", "--json", file);
    app = await launch(dataDir, { DBUS_SESSION_BUS_ADDRESS: bus.address });
  });
  after(async () => {
    await app?.quit();
    monitor?.kill();
    bus?.proc.kill();
  });

  it("announces a deadline that falls due once reminders are turned on", async () => {
    const { driver } = app;
    await waitText(driver, "[data-testid=dossier-list]", "Montre jamais livrée");
    await new Promise((r) => setTimeout(r, 1000));
    assert.doesNotMatch(readFileSync(monitorLog, "utf8"), /Recours/, "nothing before the person opts in");

    await click(driver, "Réglages");
    const box = await find(driver, "[data-testid=reminders]");
    assert.equal(await box.isSelected(), false, "off by default");
    await click(driver, "Me prévenir", "label");
    await click(driver, "Enregistrer");
    await waitText(driver, "[role=status]", "Réglages enregistrés");
    await screenshot(driver, "10-reglages");

    await driver.wait(() => /Date limite de livraison/.test(readFileSync(monitorLog, "utf8")), 10_000,
      "no notification reached the session bus");
    const log = readFileSync(monitorLog, "utf8");
    assert.match(log, /Recours : échéance le/);
    assert.match(log, /Montre jamais livrée — Date limite de livraison/);
  });
});
