const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(s => s.length > 0);

// ===== YOUR SOLUTION HERE =====
// Implement the four operations for islands numbered 1..n.
class Alliances {
    constructor(n) { this.n = n; }
    join(a, b) { }
    same(a, b) { return false; }
    size(a) { return 1; }
    count() { return this.n; }
}

const n = parseInt(data[0], 10), q = parseInt(data[1], 10);
const al = new Alliances(n);
const out = [];
let pos = 2;
for (let i = 0; i < q; i++) {
    const op = data[pos++];
    if (op === 'J') { al.join(+data[pos], +data[pos + 1]); pos += 2; }
    else if (op === 'Q') { out.push(al.same(+data[pos], +data[pos + 1]) ? 'YES' : 'NO'); pos += 2; }
    else if (op === 'S') { out.push(String(al.size(+data[pos]))); pos += 1; }
    else out.push(String(al.count()));
}
console.log(out.join('\n'));
