// Dragging files onto the real window as a file manager does: a small GTK drag source
// (drag_source.py) offers the files, and xdotool drags them onto Recours with the mouse, so the drop
// crosses XDND, WebKitGTK and Tauri's drag-and-drop event.
import { execFileSync, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const xdotool = (...args) => execFileSync("xdotool", args, { encoding: "utf8" }).trim();
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

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
export function windowNamed(name) {
  const ids = xdotool("search", "--onlyvisible", "--name", `^${name}$`).split("\n").filter(Boolean);
  return ids.map((id) => ({ id, ...geometry(id) })).sort((a, b) => b.w * b.h - a.w * a.h)[0];
}

export async function drag(from, to, steps = 25) {
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

/** Starts the drag source offering these files; resolves once its window is up. */
export async function startDragSource(files) {
  const source = spawn("/usr/bin/python3", [path.join(here, "drag_source.py"), ...files], {
    stdio: ["ignore", "pipe", "ignore"],
  });
  await new Promise((resolve, reject) => {
    source.stdout.once("data", resolve);
    source.once("error", reject);
    source.once("exit", (code) => reject(new Error(`drag_source.py exited (${code})`)));
  });
  return source;
}

/** Drags from the drag source's window to the middle of Recours' window. */
export async function dropOnRecours() {
  await sleep(500);
  const from = windowNamed("recours-drag-source");
  const to = windowNamed("Recours");
  if (!from || !to) throw new Error("both windows must be on screen");
  await drag(
    { x: from.x + Math.round(from.w / 2), y: from.y + Math.round(from.h / 2) },
    { x: to.x + Math.round(to.w / 2), y: to.y + Math.round(to.h / 2) },
  );
}
