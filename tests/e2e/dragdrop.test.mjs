// A real drag and drop onto the window: a small GTK drag source (drag_source.py) offers two files, and
// xdotool drags them onto Recours with the mouse, so the drop crosses XDND, WebKitGTK and Tauri's
// drag-and-drop event exactly as from a file manager. The files then arrive staged in the window.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { By, cli, click, find, isoDaysAgo, launch, root, screenshot, tempDataDir, waitText } from "./harness.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const dataDir = tempDataDir("dragdrop");
const photo = path.join(dataDir, "Colis écrasé.png");
const order = path.join(dataDir, "Confirmation de commande.pdf");
let app;
let source;

const xdotool = (...args) => execFileSync("xdotool", args, { encoding: "utf8" }).trim();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function geometry(id) {
  const g = Object.fromEntries(
    xdotool("getwindowgeometry", "--shell", id)
      .split("\n")
      .map((l) => l.split("="))
      .map(([k, v]) => [k, Number(v)]),
  );
  return { x: g.X, y: g.Y, w: g.WIDTH, h: g.HEIGHT };
}

/** The largest visible window whose name is exactly `name`. */
function windowNamed(name) {
  const ids = xdotool("search", "--onlyvisible", "--name", `^${name}$`).split("\n").filter(Boolean);
  return ids.map((id) => ({ id, ...geometry(id) })).sort((a, b) => b.w * b.h - a.w * a.h)[0];
}

async function drag(from, to, steps = 25) {
  xdotool("mousemove", String(from.x), String(from.y));
  await sleep(150);
  xdotool("mousedown", "1");
  for (let i = 1; i <= steps; i++) {
    const x = Math.round(from.x + ((to.x - from.x) * i) / steps);
    const y = Math.round(from.y + ((to.y - from.y) * i) / steps);
    xdotool("mousemove", String(x), String(y));
    await sleep(40);
  }
  await sleep(300);
  xdotool("mouseup", "1");
}

describe("dragging files onto the real window", () => {
  before(async () => {
    copyFileSync(path.join(root, "icons/128x128.png"), photo);
    writeFileSync(order, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    const file = path.join(dataDir, "dossier.json");
    writeFileSync(
      file,
      JSON.stringify({
        title: "Colis arrivé écrasé",
        problem: "non_conforming",
        merchant: { name: "MaBoutique", country: "FR" },
        order: { date: isoDaysAgo(12), amount_cents: 5990, payment_method: "card", delivered_date: isoDaysAgo(3) },
      }),
    );
    cli(dataDir, "create", "--json", file);
    app = await launch(dataDir);
    source = spawn("/usr/bin/python3", [path.join(here, "drag_source.py"), photo, order], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    await new Promise((resolve, reject) => {
      source.stdout.once("data", resolve);
      source.once("error", reject);
      source.once("exit", (code) => reject(new Error(`drag_source.py exited (${code})`)));
    });
  });
  after(async () => {
    source?.kill();
    await app?.quit();
  });

  it("stages the dropped files and adds them to the dossier", async () => {
    const { driver } = app;
    await click(driver, "Colis arrivé écrasé");
    await waitText(driver, "[data-testid=no-pieces]", "Aucune pièce");
    await sleep(500);
    const from = windowNamed("recours-drag-source");
    const to = windowNamed("Recours");
    assert.ok(from && to, "both windows are on screen");
    await drag(
      { x: from.x + Math.round(from.w / 2), y: from.y + Math.round(from.h / 2) },
      { x: to.x + Math.round(to.w / 2), y: to.y + Math.round(to.h / 2) },
    );
    await waitText(driver, "[data-testid=staged-files]", "Colis écrasé.png");
    await waitText(driver, "[data-testid=staged-files]", "Confirmation de commande.pdf");
    await screenshot(driver, "12-fichiers-deposes");
    await click(driver, "Ajouter 2 fichiers");
    await waitText(driver, "[data-testid=attach-results]", "ajouté");
    await click(driver, "Fermer");
    await waitText(driver, "[data-testid=pieces]", "Confirmation de commande");
    assert.equal((await driver.findElements(By.css("[data-testid=pieces] li"))).length, 2);
    await find(driver, "[data-testid=piece-thumbnail]");
    const [dossier] = cli(dataDir, "list");
    assert.equal(cli(dataDir, "pieces", "--dossier", String(dossier.id)).length, 2);
  });
});
