import { describe, expect, it } from "vitest";
import { LIST_PAGE, rowsThatFit } from "./start";

describe("the first screen asks for what fits in the window", () => {
  it("counts the rows a window shows below the header, and the one cut by the edge", () => {
    expect(rowsThatFit(780)).toBe(6); // (780 - 240) / 110 = 4.9 rows, rounded up, + 1
    expect(rowsThatFit(1440)).toBe(12); // 10.9 → 11, + 1
    expect(rowsThatFit(570)).toBe(4); // exactly 3 rows, + 1
  });
  it("never asks for fewer than 4 rows nor more than a page", () => {
    expect(rowsThatFit(300)).toBe(4);
    expect(rowsThatFit(20_000)).toBe(LIST_PAGE);
  });
});
