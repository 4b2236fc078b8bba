const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(s => s.length > 0);

const n = parseInt(data[0], 10), q = parseInt(data[1], 10);
const parent = new Int32Array(n + 1), size = new Int32Array(n + 1).fill(1);
for (let i = 0; i <= n; i++) parent[i] = i;
let count = n;

function find(x) {
    let root = x;
    while (parent[root] !== root) root = parent[root];
    while (parent[x] !== root) { const next = parent[x]; parent[x] = root; x = next; }
    return root;
}

function join(a, b) {
    a = find(a); b = find(b);
    if (a === b) return;
    if (size[a] < size[b]) [a, b] = [b, a];
    parent[b] = a;
    size[a] += size[b];
    count--;
}

const out = [];
let pos = 2;
for (let i = 0; i < q; i++) {
    const op = data[pos++];
    if (op === 'J') { join(+data[pos], +data[pos + 1]); pos += 2; }
    else if (op === 'Q') { out.push(find(+data[pos]) === find(+data[pos + 1]) ? 'YES' : 'NO'); pos += 2; }
    else if (op === 'S') { out.push(String(size[find(+data[pos])])); pos += 1; }
    else out.push(String(count));
}
console.log(out.join('\n'));
