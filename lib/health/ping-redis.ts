// A Redis PING for /readyz, over a plain socket (RESP), so the app needs no Redis client of its own: connect,
// AUTH when the URL carries a password, PING, expect +PONG, close, all within `timeoutMs`. TLS for rediss://.
// The error never names the address or the password.
import net from "node:net";
import tls from "node:tls";

function command(...args: string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("")}`;
}

export async function pingRedis(redisUrl: string, timeoutMs: number): Promise<void> {
  let url: URL;
  try {
    url = new URL(redisUrl);
  } catch {
    throw new Error("redis address is not a URL");
  }
  const secure = url.protocol === "rediss:";
  if (!secure && url.protocol !== "redis:") throw new Error("redis address must start with redis:// or rediss://");
  const host = url.hostname.replace(/^\[|\]$/g, "") || "127.0.0.1";
  const port = Number(url.port) || 6379;
  const password = decodeURIComponent(url.password);
  const user = decodeURIComponent(url.username);
  const requests = [...(password ? [user ? command("AUTH", user, password) : command("AUTH", password)] : [])];
  requests.push(command("PING"));

  await new Promise<void>((resolve, reject) => {
    const socket = secure ? tls.connect({ host, port, servername: host }) : net.connect({ host, port });
    let received = "";
    const finish = (err?: Error) => {
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve();
    };
    const timer = setTimeout(() => finish(new Error("redis did not answer in time")), timeoutMs);
    socket.once(secure ? "secureConnect" : "connect", () => socket.write(requests.join("")));
    socket.on("data", (chunk) => {
      received += chunk.toString("utf8");
      const lines = received.split("\r\n");
      // One reply line per request (AUTH's +OK, PING's +PONG); an error reply starts with "-".
      if (lines.some((l) => l.startsWith("-"))) return finish(new Error("redis refused the check (AUTH or PING)"));
      if (lines.includes("+PONG")) finish();
    });
    socket.once("error", () => finish(new Error("redis not reachable")));
    socket.once("close", () => finish(new Error("redis closed the connection")));
  });
}
