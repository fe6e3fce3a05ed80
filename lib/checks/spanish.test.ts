// The content checks of a Spanish article: the Spanish dictionary (dictionary-es), the INFLESZ readability
// scale, the condition template's Spanish headings.
import { describe, expect, it } from "vitest";
import { infleszScore, spanishSyllables } from "./rules/language";
import { runContentChecks } from "./run-checks";
import { createWordChecker, misspellings } from "./spelling";
import { textBlocks, type PmNode } from "../content/document-blocks";
import type { CheckInput } from "./types";

const p = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
const h = (text: string) => ({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text }] });

function input(...content: object[]): CheckInput {
  return {
    title: "Calcinosis cutánea",
    summary: "Depósitos de calcio en la piel.",
    body: { type: "doc", content },
    references: [],
  };
}
const misspelt = (text: string, locale: "en" | "es") =>
  misspellings(textBlocks({ type: "doc", content: [p(text)] } as PmNode), createWordChecker([], locale)).map(
    (f) => f.subject,
  );

describe("Spanish spelling", () => {
  it("flags a misspelt Spanish word and passes correct ones, accents included", () => {
    const text =
      "La calcinosis cutánea es la acumulación de depósitos de calcio en la piel. Los síntomas más frecuentes son " +
      "bultos duros y blanquecinos; también puede haber dolor. El médico confirma el diagnóstico con una biopsia. " +
      "La enfermedaz puede volver después del tratamiento.";
    expect(misspelt(text, "es")).toEqual(["enfermedaz"]);
  });

  it("reads a word without its accent as misspelt in Spanish, and Spanish prose as misspelt in English", () => {
    expect(misspelt("Los sintomas de la piel.", "es")).toEqual(["sintomas"]);
    expect(misspelt("Los síntomas de la piel.", "en")).toContain("síntomas");
  });

  it("the run of checks uses the article's language", () => {
    const body = [p("El tratamiento de la enfermedaz depende de la causa.")];
    const spelling = (locale: "en" | "es") =>
      runContentChecks(input(...body), { locale })
        .findings.filter((f) => f.rule === "spelling")
        .map((f) => f.subject);
    expect(spelling("es")).toEqual(["enfermedaz"]);
    expect(spelling("en")).toContain("tratamiento");
  });
});

describe("Spanish readability (INFLESZ)", () => {
  it("counts Spanish syllables: diphthongs together, hiatus apart, silent u", () => {
    const words = ["piel", "calcio", "ciudad", "día", "baúl", "poeta", "queso", "guitarra", "enfermedad", "hay"];
    expect(words.map(spanishSyllables)).toEqual([1, 2, 2, 2, 2, 3, 2, 3, 4, 1]);
  });

  it("scores plain prose above the patients' target and dense prose below it", () => {
    const plain = "La piel se pone dura. Salen bultos blancos. A veces duele. El médico lo mira. ";
    const dense =
      "La calcinosis cutánea distrófica constituye una manifestación cutánea caracterizada por el depósito " +
      "intersticial de sales cálcicas insolubles, generalmente secundaria a enfermedades autoinmunitarias " +
      "sistémicas, alteraciones metabólicas concomitantes o traumatismos tisulares localizados. ";
    expect(infleszScore([plain.repeat(10)])!.score).toBeGreaterThan(65);
    expect(infleszScore([dense.repeat(5)])!.score).toBeLessThan(40);
    expect(infleszScore(["Demasiado corto."])).toBeNull();
    const readability = (text: string) =>
      runContentChecks(input(p(text)), { locale: "es" }).findings.filter((f) => f.rule === "readability");
    expect(readability(plain.repeat(10))).toEqual([]);
    const found = readability(dense.repeat(5));
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/INFLESZ .* below the target of 55 for general public and patients/);
  });
});

describe("Spanish template headings", () => {
  it("a condition article with the template's sections in Spanish misses none", () => {
    const headings = ["¿Qué es?", "Tipos", "Causas", "Síntomas", "Diagnóstico", "Tratamiento", "Pronóstico"];
    const result = runContentChecks(
      { ...input(...headings.flatMap((t) => [h(t), p("Texto.")])), conditionName: "Calcinosis cutánea" },
      { locale: "es" },
    );
    expect(result.findings.filter((f) => f.rule === "missing-section")).toEqual([]);
  });
});
