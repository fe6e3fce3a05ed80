import { describe, expect, it } from "vitest";
import { formatLongDate, formatNumber } from "./format";
import { localeOfPath, localizedPath, toReaderLocale } from "./locales";
import { readerMessages } from "./messages";

describe("readers' locales", () => {
  it("English keeps its unprefixed addresses; other languages live under /<code>", () => {
    expect(localizedPath("en", "/articles/gout")).toBe("/articles/gout");
    expect(localizedPath("es", "/articles/gota")).toBe("/es/articles/gota");
    expect(localizedPath("es", "/")).toBe("/es");
    expect(localeOfPath("/es/articles/gota")).toBe("es");
    expect(localeOfPath("/es")).toBe("es");
    expect(localeOfPath("/articles/es")).toBe("en");
    expect(localeOfPath("/en/articles/x")).toBe("en");
    expect(toReaderLocale("fr")).toBe("en");
  });

  it("formats dates and numbers as each language writes them, in UTC", () => {
    const d = "2023-08-28T23:30:00.000Z";
    expect(formatLongDate(d, "en")).toBe("August 28, 2023");
    expect(formatLongDate(d, "es")).toBe("28 de agosto de 2023");
    expect(formatNumber(12000, "en")).toBe("12,000");
    expect(formatNumber(12000, "es")).toBe("12.000");
  });

  it("every catalogue has every message, none left empty", () => {
    const shape = (value: unknown): unknown =>
      typeof value === "function"
        ? "fn"
        : Array.isArray(value)
          ? value.length
          : value && typeof value === "object"
            ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]))
            : typeof value;
    expect(shape(readerMessages("es"))).toEqual(shape(readerMessages("en")));
    const strings = (value: unknown): string[] =>
      typeof value === "string"
        ? [value]
        : value && typeof value === "object"
          ? Object.values(value).flatMap(strings)
          : [];
    expect(strings(readerMessages("es")).filter((s) => !s.trim())).toEqual([]);
    expect(readerMessages("es").article.sourceUpdated(readerMessages("es").languageNames.en, "3 de mayo de 2026")).toBe(
      "La versión en inglés se actualizó el 3 de mayo de 2026.",
    );
  });
});
