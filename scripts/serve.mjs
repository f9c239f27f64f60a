// A small static server for www/ on 127.0.0.1: port 8080, or the next free one.
// Used by `npm start` and by the browser tests. Sends the page's Content-Security-Policy (with
// the pages, and with scripts for the workers' sake).
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { log, main, root } from "./setup.mjs";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/** Starts serving `dir`; resolves to {server, url}. Tries `port`, then the next ones. */
export function serve({ dir = join(root, "www"), port = 8080, host = "127.0.0.1", tries = 50, quiet = false } = {}) {
  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(dir, path));
    if (!(file + sep).startsWith(dir + sep) && file !== dir) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const headers = {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "content-length": statSync(file).size,
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    };
    // the page's policy; on scripts too, where it binds the workers (worker.js, sw.js), which
    // take their policy from their own response, not from the page (module scripts ignore it)
    if (extname(file) === ".html" || extname(file) === ".js") headers["content-security-policy"] = CSP;
    res.writeHead(200, headers);
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    let attempt = 0;
    const listen = (p) => {
      server.once("error", (e) => {
        if (e.code === "EADDRINUSE" && ++attempt < tries) listen(p + 1);
        else reject(e);
      });
      server.listen(p, host, () => {
        const url = `http://${host}:${server.address().port}/`;
        if (!quiet) log(`serving ${dir} at ${url}`);
        resolve({ server, url });
      });
    };
    listen(port);
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(async () => {
    const port = Number(process.env.PORT ?? 8080);
    const { url } = await serve({ port });
    console.log(`\n  claimlens is running at ${url}\n  (Ctrl-C to stop)\n`);
  });
}
