// Bundles the probe mini-app (with the real @invoicebox/minapp-sdk) into ../wwwroot/probe, which the emulator serves
// at /_emulator/probe/. The SDK ships ESM/CJS only, so it has to be bundled for the browser.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../wwwroot/probe/', import.meta.url));
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  entryPoints: ['src/probe.js'],
  bundle: true,
  format: 'iife',
  target: 'es2020',
  outfile: `${out}probe.js`,
  logLevel: 'warning',
});
await copyFile('src/index.html', `${out}index.html`);
await copyFile('src/probe.css', `${out}probe.css`);
