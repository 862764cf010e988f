// French formats for money and dates, and their parsing from what a person types.

/** 4990 → "49,90 €", 123456 → "1 234,56 €": as `Intl.NumberFormat("fr-FR", EUR)` writes it (a narrow
 *  no-break space between thousands, a no-break space before €), without loading the browser's locale
 *  data at start (that alone cost the first screen several milliseconds). */
export function formatEuros(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.round(Math.abs(cents));
  const units = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  return `${sign}${units},${String(abs % 100).padStart(2, "0")}\u00a0€`;
}

/** "49,90", "49.9", "1 234,56 €", "12" → cents; null when it is not an amount. Negative stays negative. */
export function parseEuros(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, "").replace(/^EUR|EUR$/i, "");
  const match = /^(-?)(\d{1,12})(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const [, sign, whole, fraction = ""] = match;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return sign === "-" ? -cents : cents;
}

/** 4990 → "49,90" (for an input field) */
export function centsToInput(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, "0")}`;
}

const MONTHS = [
  "janvier", "février", "mars", "avril", "mai", "juin",
  "juillet", "août", "septembre", "octobre", "novembre", "décembre",
];

/** "2026-03-12" → "12 mars 2026" ("1er" for the first day) */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const day = Number(m[3]);
  return `${day === 1 ? "1er" : day} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** An RFC 3339 timestamp → "24 novembre 2026 à 14 h 05" in local time */
export function formatTimestamp(rfc3339: string): string {
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return rfc3339;
  const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  return `${formatDate(iso)} à ${d.getHours()} h ${String(d.getMinutes()).padStart(2, "0")}`;
}

/** "12/03/2026", "12-3-2026", "2026-03-12" → "2026-03-12"; null when not a real date. */
export function parseFrenchDate(text: string): string | null {
  const t = text.trim();
  let y: number, mo: number, d: number;
  let m = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(t);
  if (m) {
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t))) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    return null;
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return null;
  }
  if (y < 1900) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** "2026-03-12" → "12/03/2026" (for an input field) */
export function isoToInput(iso: string | null): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** A long file name shortened in its middle, keeping its start and its extension (« Facture…042.pdf »);
 *  the whole name goes in a `title` beside it. */
export function shortName(name: string, max = 42): string {
  const chars = Array.from(name);
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 && name.length - dot <= 6 ? Array.from(name.slice(dot)) : [];
  const tail = Math.min(8, Math.max(0, max - ext.length - 10));
  const headLen = max - 1 - tail - ext.length;
  const stem = chars.slice(0, chars.length - ext.length);
  return stem.slice(0, headLen).join("").trimEnd() + "…" + stem.slice(stem.length - tail).join("") + ext.join("");
}
