/**
 * @param {number[]} weights
 * @param {number} capacity
 * @param {number} rafts
 * @return {boolean}
 */
function canCarry(weights, capacity, rafts) {
    const w = Float64Array.from(weights).sort();
    let i = 0, j = w.length - 1, needed = 0;
    while (i <= j) {
        if (i < j && w[i] + w[j] <= capacity) i++;
        j--;
        needed++;
    }
    return needed <= rafts;
}
