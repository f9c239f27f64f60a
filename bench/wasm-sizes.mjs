// node bench/wasm-sizes.mjs [FILE.wasm] [--top N] [--group]
// Where the bytes of a wasm module go: each function's code size, named from the "name" custom
// section (cargo's target/wasm32-unknown-unknown/<profile>/claimlens.wasm keeps it; the
// wasm-opt'd www/pkg file does not, so its functions show as indices). With --group, sizes are
// summed by crate (the first path segment of the demangled name).
import { readFileSync } from "node:fs";

function leb(buf, pos) {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = buf[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return [result, pos];
  }
}

/** {sections: [{id, name, size}], functions: [{index, name, size}]} of a wasm binary. */
export function wasmSizes(buf) {
  if (buf.readUInt32LE(0) !== 0x6d736100) throw new Error("not a wasm module");
  let pos = 8;
  let imported = 0;
  const bodies = [];
  const names = new Map();
  const sections = [];
  while (pos < buf.length) {
    const id = buf[pos++];
    let size;
    [size, pos] = leb(buf, pos);
    const end = pos + size;
    let name = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "datacount"][id] ?? `#${id}`;
    if (id === 0) {
      let [n, p] = leb(buf, pos);
      name = buf.toString("utf8", p, p + n);
      if (name === "name") {
        p += n;
        while (p < end) {
          const sub = buf[p++];
          let len;
          [len, p] = leb(buf, p);
          const subEnd = p + len;
          if (sub === 1) {
            let count;
            [count, p] = leb(buf, p);
            for (let i = 0; i < count; i++) {
              let idx, l;
              [idx, p] = leb(buf, p);
              [l, p] = leb(buf, p);
              names.set(idx, buf.toString("utf8", p, p + l));
              p += l;
            }
          }
          p = subEnd;
        }
      }
    } else if (id === 2) {
      let [count, p] = leb(buf, pos);
      for (let i = 0; i < count; i++) {
        for (let k = 0; k < 2; k++) {
          let l;
          [l, p] = leb(buf, p);
          p += l;
        }
        const kind = buf[p++];
        if (kind === 0) {
          [, p] = leb(buf, p);
          imported++;
        } else if (kind === 1) {
          p += 1;
          const flags = buf[p++];
          [, p] = leb(buf, p);
          if (flags & 1) [, p] = leb(buf, p);
        } else if (kind === 2) {
          const flags = buf[p++];
          [, p] = leb(buf, p);
          if (flags & 1) [, p] = leb(buf, p);
        } else if (kind === 3) {
          p += 2;
        } else {
          [, p] = leb(buf, p);
        }
      }
    } else if (id === 10) {
      let [count, p] = leb(buf, pos);
      for (let i = 0; i < count; i++) {
        let len;
        const start = p;
        [len, p] = leb(buf, p);
        bodies.push(p + len - start);
        p += len;
      }
    }
    sections.push({ id, name, size: end - pos });
    pos = end;
  }
  const functions = bodies.map((size, i) => ({ index: imported + i, name: names.get(imported + i) ?? `func[${imported + i}]`, size }));
  return { sections, functions };
}

/** The crate a (mangled or demangled) Rust symbol belongs to, roughly. */
function crateOf(name) {
  const m = name.match(/_ZN\d+([A-Za-z_][A-Za-z0-9_]*)/) ?? name.match(/^<?([A-Za-z_][A-Za-z0-9_]*)::/);
  return m ? m[1] : name.startsWith("func[") ? "(unnamed)" : name.split(/[:<(]/)[0] || "(other)";
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("--") && !/^\d+$/.test(a)) ?? "target/wasm32-unknown-unknown/release/claimlens.wasm";
  const top = Number(args[args.indexOf("--top") + 1]) || 30;
  const { sections, functions } = wasmSizes(readFileSync(file));
  console.log(`${file}`);
  for (const s of sections) console.log(`  section ${s.name.padEnd(24)} ${String(s.size).padStart(9)} bytes`);
  if (args.includes("--group")) {
    const by = new Map();
    for (const f of functions) by.set(crateOf(f.name), (by.get(crateOf(f.name)) ?? 0) + f.size);
    for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${String(v).padStart(9)}  ${k}`);
  } else {
    for (const f of functions.sort((a, b) => b.size - a.size).slice(0, top)) console.log(`  ${String(f.size).padStart(9)}  ${f.name.slice(0, 140)}`);
  }
}
