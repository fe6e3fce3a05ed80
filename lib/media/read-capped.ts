// Reads a request body as it streams in and stops at the cap: a 2 GB upload is refused after 20 MB have
// arrived, not after all of it was buffered. The declared Content-Length is checked first.
import { AppError } from "../errors";

export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  declaredLength: string | null,
  maxBytes: number,
): Promise<Buffer> {
  const tooLarge = () =>
    new AppError("PAYLOAD_TOO_LARGE", `The file is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit.`, {
      fieldErrors: { file: ["The file is too large."] },
      details: { maxBytes },
    });
  if (declaredLength && Number(declaredLength) > maxBytes) throw tooLarge();
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
  }
  return Buffer.concat(chunks, total);
}
