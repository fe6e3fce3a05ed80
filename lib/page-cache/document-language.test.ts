import { describe, expect, it } from "vitest";
import { setDocumentLanguage } from "./document-language";

const page = (body: string) =>
  `<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><a class="skip-link" href="#main">Skip to content</a>${body}</body></html>`;

describe("setDocumentLanguage", () => {
  it("sets <html lang> and the skip link from a Spanish address", () => {
    const out = setDocumentLanguage(page(`<div class="pub" lang="es"><p>Hola</p></div>`), "/es/articles/gota");
    expect(out.startsWith(`<!DOCTYPE html><html lang="es">`)).toBe(true);
    expect(out).toContain(`href="#main">Saltar al contenido</a>`);
    expect(out).not.toContain("Skip to content");
    expect(setDocumentLanguage(page(""), "/es")).toContain(`<html lang="es">`);
  });

  it("leaves English pages, other documents and text that merely looks like the tag as they are", () => {
    const english = page(`<p>&lt;html lang="en"</p>`);
    expect(setDocumentLanguage(english, "/articles/gout")).toBe(english);
    expect(setDocumentLanguage(english, "/estonia")).toBe(english);
    expect(setDocumentLanguage(`<?xml version="1.0"?><rss/>`, "/es/rss.xml")).toBe(`<?xml version="1.0"?><rss/>`);
    const body = `<p>&lt;html lang="en"&gt; Skip to content</p>`;
    const out = setDocumentLanguage(page(body), "/es/search");
    expect(out).toContain(body);
  });
});
