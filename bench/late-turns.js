// Finds what holds the language server's message loop: run the server under a CPU profile while a timer that should
// fire every 5 ms records every turn that came late, then list what ran during each late turn.
//
// Record (as the server that bench/lsp-latency.ts spawns; writes late-turns-PID.cpuprofile and .json on exit):
//   LATE_TURNS_OUT=/tmp/lt npx tsx bench/lsp-latency.ts CORPUS --server bench/late-turns.js [options]
//   (LATE_TURNS_SERVER: the server to wrap, dist/server.js by default; LATE_TURNS_MS: what counts as late, 45 ms)
// Report:
//   node bench/late-turns.js report /tmp/lt/late-turns-PID.cpuprofile
const fs = require('node:fs');
const path = require('node:path');

const reportFile = process.argv[2] === 'report' ? process.argv[3] : null;
if (reportFile) report(reportFile);
else record();

function record() {
  const inspector = require('node:inspector');
  const out = process.env.LATE_TURNS_OUT || require('node:os').tmpdir();
  const lateMs = Number(process.env.LATE_TURNS_MS || 45);
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  const t0 = performance.now();
  const late = [];
  let last = t0;
  setInterval(() => {
    const now = performance.now();
    if (now - last > lateMs) late.push([last - t0, now - t0]);
    last = now;
  }, 5).unref();
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    // The session answers synchronously on the main thread: the profile is written before the process ends.
    session.post('Profiler.stop', (err, result) => {
      if (err) return;
      const base = path.join(out, `late-turns-${process.pid}`);
      fs.mkdirSync(out, { recursive: true });
      fs.writeFileSync(`${base}.cpuprofile`, JSON.stringify(result.profile));
      fs.writeFileSync(`${base}.json`, JSON.stringify(late));
    });
  };
  process.on('exit', write);
  process.on('SIGTERM', () => {
    write();
    process.exit(0);
  });
  require(path.resolve(process.env.LATE_TURNS_SERVER || path.join(__dirname, '..', 'dist', 'server.js')));
}

/** For each late turn, the functions the profile saw running in it, by inclusive time. */
function report(profileFile) {
  const p = JSON.parse(fs.readFileSync(profileFile, 'utf8'));
  const late = JSON.parse(fs.readFileSync(profileFile.replace(/\.cpuprofile$/, '.json'), 'utf8'));
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const at = [];
  let t = 0;
  for (const d of p.timeDeltas) at.push((t += d) / 1000);
  const plumbing = /^\(root\)|^\(anonymous\):0$|processTicksAndRejections|listOnTimeout|processTimers/;
  console.log(`${late.length} late turns`);
  for (const [from, to] of late) {
    const inclusive = new Map();
    p.samples.forEach((id, i) => {
      if (at[i] < from || at[i] > to) return;
      const dt = (p.timeDeltas[i] || 0) / 1000;
      const seen = new Set();
      for (let x = id; x !== undefined; x = parent.get(x)) {
        const f = nodes.get(x).callFrame;
        seen.add(`${f.functionName || '(anonymous)'}:${f.lineNumber}`);
      }
      for (const k of seen) inclusive.set(k, (inclusive.get(k) || 0) + dt);
    });
    const top = [...inclusive].filter(([k]) => !plumbing.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 12);
    console.log(`\n${from.toFixed(0)}-${to.toFixed(0)} ms: a turn ${(to - from).toFixed(0)} ms long`);
    console.log('  ' + top.map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' | '));
  }
}
