// Builds the desk's writing editor (newsreel/desk/editor_src/, CodeMirror 6 from package.json)
// into one static file the desk serves: newsreel/desk/static/desk/editor.js.
//
//   node tools/build_editor.mjs                 rebuild the committed bundle
//   node tools/build_editor.mjs --outfile FILE  build elsewhere (the spec that finds a stale bundle)
//
// The bundle is committed, so `make run` needs no Node; tests/desk/test_editor_bundle.py fails
// when it differs from what its sources build. esbuild's output is the same bytes for the same
// sources and versions (no timestamps, no absolute paths).
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const at = args.indexOf("--outfile");
const outfile = at >= 0 ? path.resolve(args[at + 1]) : path.join(root, "newsreel/desk/static/desk/editor.js");

await build({
  entryPoints: [path.join(root, "newsreel/desk/editor_src/main.js")],
  outfile,
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  legalComments: "eof",
  absWorkingDir: root,
  banner: { js: "/* Newsreel desk editor: built by tools/build_editor.mjs from newsreel/desk/editor_src/ (CodeMirror 6, MIT). Do not edit; rebuild. */" },
  logLevel: "warning",
});
