import { describe, expect, it } from "vitest";
import { centsToInput, formatDate, formatEuros, isoToInput, parseEuros, parseFrenchDate, shortName } from "./format";

describe("money", () => {
  it("reads amounts the way people type them", () => {
    expect(parseEuros("49,90")).toBe(4990);
    expect(parseEuros("49.9")).toBe(4990);
    expect(parseEuros(" 1 234,56 € ")).toBe(123456);
    expect(parseEuros("12")).toBe(1200);
    expect(parseEuros("-12,50")).toBe(-1250);
    expect(parseEuros("douze")).toBeNull();
    expect(parseEuros("12,345")).toBeNull();
    expect(parseEuros("")).toBeNull();
  });

  it("writes amounts the French way", () => {
    expect(formatEuros(123456).replace(/\s/g, " ")).toBe("1 234,56 €");
    // The same characters as the browser's own French format, for every size of amount.
    const intl = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
    for (const cents of [0, 1, 99, 100, 4990, 99999, 100000, 123456, 1234567, 100000000, 123456789012, -4990, -123456]) {
      expect(formatEuros(cents)).toBe(intl.format(cents / 100));
    }
    expect(centsToInput(4990)).toBe("49,90");
    expect(centsToInput(5)).toBe("0,05");
  });
});

describe("dates", () => {
  it("reads French dates and refuses impossible ones", () => {
    expect(parseFrenchDate("12/03/2026")).toBe("2026-03-12");
    expect(parseFrenchDate("1-3-2026")).toBe("2026-03-01");
    expect(parseFrenchDate("2026-03-12")).toBe("2026-03-12");
    expect(parseFrenchDate("29/02/2024")).toBe("2024-02-29");
    expect(parseFrenchDate("29/02/2026")).toBeNull();
    expect(parseFrenchDate("31/04/2026")).toBeNull();
    expect(parseFrenchDate("12 mars")).toBeNull();
  });

  it("writes dates in words", () => {
    expect(formatDate("2026-03-12")).toBe("12 mars 2026");
    expect(formatDate("2026-08-01")).toBe("1er août 2026");
    expect(isoToInput("2026-03-12")).toBe("12/03/2026");
    expect(isoToInput(null)).toBe("");
  });

  it("shortens a long file name in its middle, keeping its extension", () => {
    expect(shortName("Facture 2026-0042.pdf")).toBe("Facture 2026-0042.pdf");
    const long = "Capture d'écran du suivi La Poste montrant le colis livré le 3 novembre 2026 à 14h12.png";
    const short = shortName(long);
    expect(Array.from(short).length).toBe(42);
    expect(short.startsWith("Capture d'écran du suivi")).toBe(true);
    expect(short.endsWith("14h12.png")).toBe(true);
    expect(short).toContain("…");
    expect(Array.from(shortName("é".repeat(60))).length).toBe(42);
  });
});

