// The `x` script's idea of the oldest Node.js it accepts follows what the UI's build tools declare.
import { describe, expect, it } from 'vitest';

// Node's file system, without Node's type declarations in this project (Vitest runs in Node, in ui/).
const fsName = 'node:fs';
const fs = (await import(/* @vite-ignore */ fsName)) as { readFileSync(path: string, encoding: string): string };
const cwd = (globalThis as unknown as { process: { cwd(): string } }).process.cwd();
const read = (path: string) => fs.readFileSync(`${cwd}/../${path}`, 'utf8');

describe('x checks the versions the build needs', () => {
  it("NODE_MIN is the lowest Node.js Vite's engines allow", () => {
    const min = /^NODE_MIN=(\S+)$/m.exec(read('x'))?.[1];
    const engines: string = JSON.parse(read('ui/node_modules/vite/package.json')).engines.node;
    const lowest = [...engines.matchAll(/(\d+\.\d+\.\d+)/g)].map((m) => m[1]).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))[0];
    expect(min).toBe(lowest);
  });

  it('the Rust check reads the workspace rust-version that Cargo.toml declares', () => {
    expect(read('Cargo.toml')).toMatch(/^rust-version = "\d+\.\d+"$/m);
    expect(read('x')).toContain(`sed -n 's/^rust-version = "\\(.*\\)"/\\1/p' Cargo.toml`);
  });
});
