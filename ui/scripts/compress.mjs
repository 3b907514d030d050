// Writes a Brotli (.br, quality 11) and a gzip (.gz, level 9) copy beside each text file of dist/, once per build, so
// Airgate sends the smallest encoding the browser accepts without compressing at every request (Node's own zlib: no
// package). A copy that would not be smaller is not written. Airgate picks .br or .gz by Accept-Encoding
// (src/Airgate/Launchpad/PrecompressedFiles.cs).
import { readdir, readFile, writeFile, rm } from "node:fs/promises";
import { join, extname } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const dist = new URL("../dist/", import.meta.url).pathname;
const compressible = new Set([".js", ".css", ".html", ".svg", ".json", ".txt"]);

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

let count = 0;
for await (const path of files(dist)) {
  if (!compressible.has(extname(path))) continue;
  const raw = await readFile(path);
  const variants = [
    [".br", brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })],
    [".gz", gzipSync(raw, { level: 9 })],
  ];
  for (const [suffix, bytes] of variants) {
    if (bytes.length < raw.length) {
      await writeFile(path + suffix, bytes);
      count++;
    } else {
      await rm(path + suffix, { force: true });
    }
  }
}
console.log(`compress: ${count} precompressed files written in dist/`);
