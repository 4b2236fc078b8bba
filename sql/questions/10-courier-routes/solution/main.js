const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(s => s.length > 0);

const MOD = 1000000007;

// Minimal binary heap of [distance, node] pairs ordered by distance.
class MinHeap {
    constructor() { this.a = []; }
    get size() { return this.a.length; }
    push(item) {
        const a = this.a;
        a.push(item);
        let i = a.length - 1;
        while (i > 0) {
            const p = (i - 1) >> 1;
            if (a[p][0] <= a[i][0]) break;
            [a[p], a[i]] = [a[i], a[p]];
            i = p;
        }
    }
    pop() {
        const a = this.a, top = a[0], last = a.pop();
        if (a.length > 0) {
            a[0] = last;
            let i = 0;
            for (;;) {
                let c = 2 * i + 1;
                if (c >= a.length) break;
                if (c + 1 < a.length && a[c + 1][0] < a[c][0]) c++;
                if (a[c][0] >= a[i][0]) break;
                [a[c], a[i]] = [a[i], a[c]];
                i = c;
            }
        }
        return top;
    }
}

// Returns null if N is unreachable, otherwise [distance, routes mod MOD].
// Distances stay below 2^53 (at most 10^4 * 10^9), so plain numbers are exact.
function fastestRoutes(n, edges) {
    const adj = Array.from({ length: n + 1 }, () => []);
    for (const [u, v, w] of edges) {
        adj[u].push([v, w]);
        adj[v].push([u, w]);
    }
    const dist = new Array(n + 1).fill(Infinity);
    const ways = new Array(n + 1).fill(0);
    dist[1] = 0;
    ways[1] = 1;
    const pq = new MinHeap();
    pq.push([0, 1]);
    while (pq.size > 0) {
        const [d, u] = pq.pop();
        if (d > dist[u]) continue;
        for (const [v, w] of adj[u]) {
            const nd = d + w;
            if (nd < dist[v]) {
                dist[v] = nd;
                ways[v] = ways[u];
                pq.push([nd, v]);
            } else if (nd === dist[v]) {
                ways[v] = (ways[v] + ways[u]) % MOD;
            }
        }
    }
    return dist[n] === Infinity ? null : [dist[n], ways[n]];
}

const n = parseInt(data[0], 10), m = parseInt(data[1], 10);
const edges = [];
for (let j = 0; j < m; j++) edges.push([+data[2 + 3 * j], +data[3 + 3 * j], +data[4 + 3 * j]]);
const res = fastestRoutes(n, edges);
console.log(res === null ? '-1' : `${res[0]} ${res[1]}`);
