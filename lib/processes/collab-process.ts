// Starts the co-editing server (scripts/collab-server.ts) as a child of the app process, so that `npm start`
// and `start:demo` stay one command. It is its own process so that the site keeps serving when it stops (the
// editor then falls back to autosave). Restarted after a crash, a few times, with a growing pause.
// COLLAB_AUTOSTART=0 leaves it to the operator (e.g. one co-editing server for several app processes), and so
// does COLLAB_NODES (the app hands sockets to the nodes listed there, which run on their own);
// COLLAB_DISABLED=1 switches co-editing off (the editor autosaves).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const g = globalThis as unknown as { __imprimaturCollab?: ChildProcess | "starting" };

export function startCollabServer(): void {
  const { COLLAB_DISABLED, COLLAB_AUTOSTART, COLLAB_NODES } = process.env;
  if (COLLAB_DISABLED === "1" || COLLAB_AUTOSTART === "0" || COLLAB_NODES || g.__imprimaturCollab) return;
  g.__imprimaturCollab = "starting";
  let crashes = 0;
  const launch = () => {
    // tsx as a loader in this very node process, not tsx's command line (which runs the script in a second
    // process): the child is the server itself, so a signal or a crash reaches it and its sockets, and
    // nothing is left behind when it is killed.
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(process.cwd(), "scripts", "collab-server.ts")],
      {
        cwd: process.cwd(),
        env: process.env,
        // The IPC channel lets the child notice when this process is gone, however it ended.
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      },
    );
    g.__imprimaturCollab = child;
    child.on("exit", (code, signal) => {
      if (shuttingDown) return;
      crashes++;
      if (crashes > 5) {
        console.error("[collab] the co-editing server keeps stopping; editors fall back to autosave.");
        return;
      }
      console.error(`[collab] the co-editing server stopped (${code ?? signal}); restarting in ${crashes * 2} s`);
      setTimeout(launch, crashes * 2000).unref();
    });
  };
  let shuttingDown = false;
  // Only "exit": listening for signals here would replace the server's own shutdown.
  process.once("exit", () => {
    shuttingDown = true;
    const child = g.__imprimaturCollab;
    if (child && child !== "starting") child.kill("SIGTERM");
  });
  launch();
}
