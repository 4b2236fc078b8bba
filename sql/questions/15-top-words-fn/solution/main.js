/**
 * @param {string} document
 * @param {number} k
 * @return {string[]}
 */
function topWords(document, k) {
    const counts = new Map();
    for (const w of document.match(/[A-Za-z]+/g) || []) {
        const word = w.toLowerCase();
        counts.set(word, (counts.get(word) || 0) + 1);
    }
    return [...counts.entries()]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .slice(0, k)
        .map((e) => e[0]);
}
