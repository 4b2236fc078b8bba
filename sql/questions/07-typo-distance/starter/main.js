const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(s => s.length > 0);

// ===== YOUR SOLUTION HERE =====
// ins, del, rep: costs of insert, delete and replace.
// Return the minimum cost of turning s into t.
function typoCost(ins, del, rep, s, t) {
    return 0;
}

const [ins, del, rep] = data.slice(0, 3).map(Number);
console.log(String(typoCost(ins, del, rep, data[3], data[4])));
