// Decides what an upload is from its first bytes (magic numbers), never from its name or the declared
// Content-Type. Things that are not images get a message that says what they look like, so a writer who
// picked the wrong file understands why it was refused.
import type { AcceptedType } from "./limits";

export type Detected =
  | { ok: true; mimeType: AcceptedType }
  | { ok: false; kind: "svg" | "svg-script" | "html" | "php" | "heic" | "unknown" | "empty" };

function ascii(bytes: Buffer, start: number, end: number): string {
  return bytes.subarray(start, end).toString("latin1");
}

export function detectImageType(bytes: Buffer): Detected {
  if (bytes.length === 0) return { ok: false, kind: "empty" };
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return { ok: true, mimeType: "image/jpeg" };
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return { ok: true, mimeType: "image/png" };
  const head6 = ascii(bytes, 0, 6);
  if (head6 === "GIF87a" || head6 === "GIF89a") return { ok: true, mimeType: "image/gif" };
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP")
    return { ok: true, mimeType: "image/webp" };
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === "ftyp") {
    // ISO-BMFF: the major brand, then compatible brands up to the box size.
    const boxSize = Math.min(bytes.readUInt32BE(0), bytes.length, 256);
    const brands: string[] = [ascii(bytes, 8, 12)];
    for (let i = 16; i + 4 <= boxSize; i += 4) brands.push(ascii(bytes, i, i + 4));
    if (brands.includes("avif") || brands.includes("avis")) return { ok: true, mimeType: "image/avif" };
    if (brands.some((b) => ["heic", "heix", "mif1", "msf1", "heim", "heis"].includes(b)))
      return { ok: false, kind: "heic" };
    return { ok: false, kind: "unknown" };
  }
  // Text formats: look at the start, skipping a byte-order mark and whitespace.
  const text = bytes
    .subarray(0, 4096)
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  if (text.startsWith("<?php") || text.includes("<?php")) return { ok: false, kind: "php" };
  if (/<svg[\s>]/.test(text)) {
    const whole = bytes.toString("utf8").toLowerCase();
    return { ok: false, kind: /<script|\son[a-z]+\s*=|javascript:/.test(whole) ? "svg-script" : "svg" };
  }
  if (text.startsWith("<!doctype html") || /^<(html|head|body|script|iframe|div|p)[\s>]/.test(text))
    return { ok: false, kind: "html" };
  return { ok: false, kind: "unknown" };
}

export const REFUSAL_MESSAGES: Record<Exclude<Detected, { ok: true }>["kind"], string> = {
  empty: "The file is empty.",
  svg: "SVG images are not accepted: an SVG is a document that can carry scripts and links. Export the drawing as PNG or WebP and upload that.",
  "svg-script":
    "This SVG contains a script, and SVG images are not accepted at all. Export the drawing as PNG or WebP and upload that.",
  html: "This file is an HTML document, not an image (whatever its name says). Upload a JPEG, PNG, WebP, AVIF or GIF.",
  php: "This file contains PHP code, not an image (whatever its name says). Upload a JPEG, PNG, WebP, AVIF or GIF.",
  heic: "HEIC/HEIF photos are not accepted. Export the photo as JPEG (most phones and photo apps can) and upload that.",
  unknown: "This file is not a JPEG, PNG, WebP, AVIF or GIF image (checked from its content, not its name).",
};
