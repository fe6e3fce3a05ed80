import { describe, expect, it } from "vitest";
import { catchAppError } from "@/tests/helpers/catch-app-error";
import { readBodyBytes, readFormBody, readJsonBody } from "./read-body";

function chunkedRequest(chunks: number, chunkBytes: number, type = "application/json") {
  let sent = 0;
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled++;
      if (sent >= chunks) return controller.close();
      sent++;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
    },
  });
  const request = new Request("http://localhost/x", {
    method: "POST",
    body,
    headers: { "content-type": type },
    duplex: "half",
  } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("readBodyBytes", () => {
  it("stops reading a chunked body at the first chunk past the cap", async () => {
    const { request, pulled } = chunkedRequest(10_000, 1024);
    const err = await catchAppError(readBodyBytes(request, 4 * 1024));
    expect(err.code).toBe("PAYLOAD_TOO_LARGE");
    expect(pulled()).toBeLessThan(10);
  });

  it("refuses a declared length over the cap without reading", async () => {
    const request = new Request("http://localhost/x", {
      method: "POST",
      body: "x".repeat(10),
      headers: { "content-length": "999999" },
    });
    expect((await catchAppError(readBodyBytes(request, 100))).code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("reads a body within the cap whole", async () => {
    const { request } = chunkedRequest(3, 1000);
    expect((await readBodyBytes(request, 3000)).byteLength).toBe(3000);
  });
});

describe("readJsonBody", () => {
  const post = (body: string, type: string) =>
    new Request("http://localhost/x", { method: "POST", body, headers: { "content-type": type } });

  it("parses JSON sent as application/json", async () => {
    expect(await readJsonBody(post('{"a":1}', "application/json; charset=utf-8"), 100)).toEqual({ a: 1 });
  });

  it("refuses text/plain and form types with 415, before parsing", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", ""]) {
      expect((await catchAppError(readJsonBody(post('{"a":1}', type), 100))).code).toBe("UNSUPPORTED_MEDIA_TYPE");
    }
  });

  it("answers 400 for malformed JSON or bytes that are not UTF-8", async () => {
    expect((await catchAppError(readJsonBody(post('{"a":', "application/json"), 100))).code).toBe("BAD_REQUEST");
    const bad = new Request("http://localhost/x", {
      method: "POST",
      body: new Uint8Array([0x7b, 0xff, 0x7d]),
      headers: { "content-type": "application/json" },
    });
    expect((await catchAppError(readJsonBody(bad, 100))).code).toBe("BAD_REQUEST");
  });
});

describe("readFormBody", () => {
  it("parses a URL-encoded and a multipart form within the cap", async () => {
    const encoded = new Request("http://localhost/x", {
      method: "POST",
      body: "a=1&b=two",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect((await readFormBody(encoded, 100)).get("b")).toBe("two");
    const form = new FormData();
    form.set("source", "hello");
    const multipart = new Request("http://localhost/x", { method: "POST", body: form });
    expect((await readFormBody(multipart, 10_000)).get("source")).toBe("hello");
  });

  it("refuses an oversized chunked form", async () => {
    const { request } = chunkedRequest(100, 1024, "application/x-www-form-urlencoded");
    expect((await catchAppError(readFormBody(request, 2048))).code).toBe("PAYLOAD_TOO_LARGE");
  });
});
