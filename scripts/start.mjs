// npm start: set up what is missing, build the wasm if the sources changed, serve the page.
import { build } from "./build.mjs";
import { ensureNodeModules, main } from "./setup.mjs";
import { serve } from "./serve.mjs";

main(async () => {
  ensureNodeModules();
  await build({ ifStale: true });
  const port = Number(process.env.PORT ?? 8080);
  const { url } = await serve({ port });
  console.log(`\n  claimlens is running at ${url}\n  Open it in a browser and paste an article. (Ctrl-C to stop)\n`);
});
