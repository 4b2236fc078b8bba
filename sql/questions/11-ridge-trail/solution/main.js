const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(s => s.length > 0);

// Fewest steps from the top-left to the bottom-right cell using only moves
// whose height difference is at most limit; -1 if impossible.
function bfsSteps(r, c, h, limit) {
    const n = r * c;
    const dist = new Int32Array(n).fill(-1);
    const q = new Int32Array(n);
    let head = 0, tail = 0;
    dist[0] = 0;
    q[tail++] = 0;
    while (head < tail) {
        const cur = q[head++];
        if (cur === n - 1) return dist[cur];
        const x = cur % c;
        const cand = [cur - c, cur + c, x > 0 ? cur - 1 : -1, x < c - 1 ? cur + 1 : -1];
        for (const nxt of cand) {
            if (nxt < 0 || nxt >= n || dist[nxt] >= 0 || Math.abs(h[nxt] - h[cur]) > limit) continue;
            dist[nxt] = dist[cur] + 1;
            q[tail++] = nxt;
        }
    }
    return -1;
}

function ridgeTrail(r, c, h) {
    let mn = Infinity, mx = -Infinity;
    for (const v of h) { if (v < mn) mn = v; if (v > mx) mx = v; }
    let lo = 0, hi = mx - mn;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (bfsSteps(r, c, h, mid) >= 0) hi = mid; else lo = mid + 1;
    }
    return [lo, bfsSteps(r, c, h, lo)];
}

const r = parseInt(data[0], 10), c = parseInt(data[1], 10);
const h = new Int32Array(r * c);
for (let i = 0; i < r * c; i++) h[i] = parseInt(data[2 + i], 10);
const [e, s] = ridgeTrail(r, c, h);
console.log(`${e} ${s}`);
