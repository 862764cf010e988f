import { describe, expect, it } from "vitest";
import { LIST_PAGE, rowsThatFit } from "./start";

describe("the first screen asks for what fits in the window", () => {
  it("counts the rows a window shows, and two more", () => {
    expect(rowsThatFit(780)).toBe(10); // 7.8 rows of about 100 px, rounded up, + 2
    expect(rowsThatFit(1440)).toBe(17);
  });
  it("never asks for fewer than 8 rows nor more than a page", () => {
    expect(rowsThatFit(300)).toBe(8);
    expect(rowsThatFit(20_000)).toBe(LIST_PAGE);
  });
});
