// Prints the functions with the most self time in a V8 .cpuprofile: node bench/profile-top.js FILE [N]
const fs = require('node:fs');
const p = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const nodes = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map();
p.samples.forEach((id, i) => {
  const f = nodes.get(id).callFrame;
  const k = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
  self.set(k, (self.get(k) || 0) + (p.timeDeltas[i] || 0));
});
for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[3] || 20))) {
  console.log(`${(t / 1000).toFixed(0).padStart(7)} ms  ${k}`);
}
