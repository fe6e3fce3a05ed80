// npx tsx scripts/pg-cluster.ts start [--port 5439] [--durable]   starts a throwaway cluster, prints shell
//                                                               assignments: PG_CLUSTER_DIR=… PG_URL=…
// npx tsx scripts/pg-cluster.ts stop <dir>                        stops it and removes its folder
// See scripts/lib/pg-cluster.ts.
import { startCluster, stopCluster } from "./lib/pg-cluster";

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (command === "start") {
    const portArg = rest.indexOf("--port");
    const cluster = await startCluster({
      port: portArg >= 0 ? Number(rest[portArg + 1]) : undefined,
      durable: rest.includes("--durable"),
    });
    console.log(`PG_CLUSTER_DIR=${cluster.dir}`);
    console.log(`PG_URL=${cluster.url}`);
    return;
  }
  if (command === "stop" && rest[0]) {
    stopCluster(rest[0]);
    return;
  }
  console.error("usage: tsx scripts/pg-cluster.ts start [--port N] [--durable] | stop <dir>");
  process.exit(2);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
