const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(s => s.length > 0);

function escapeTime(r, c, rows) {
    const n = r * c;
    const grid = rows.join('');
    const dist = new Int32Array(n).fill(-1);
    const q = new Int32Array(n);
    let head = 0, tail = 0;
    const s = grid.indexOf('S');
    dist[s] = 0;
    q[tail++] = s;
    while (head < tail) {
        const cur = q[head++];
        if (grid[cur] === 'E') return dist[cur];
        const y = Math.floor(cur / c), x = cur - y * c;
        const cand = [];
        if (y > 0) cand.push(cur - c);
        if (y < r - 1) cand.push(cur + c);
        if (x > 0) cand.push(cur - 1);
        if (x < c - 1) cand.push(cur + 1);
        for (const nxt of cand) {
            if (dist[nxt] >= 0 || grid[nxt] === '#') continue;
            dist[nxt] = dist[cur] + 1;
            q[tail++] = nxt;
        }
    }
    return -1;
}

const r = parseInt(data[0], 10), c = parseInt(data[1], 10);
console.log(String(escapeTime(r, c, data.slice(2, 2 + r))));
