/**
 * @param {string} typed
 * @param {string} meant
 * @param {number} insertCost
 * @param {number} deleteCost
 * @param {number} replaceCost
 * @return {number}
 */
function typoCost(typed, meant, insertCost, deleteCost, replaceCost) {
    const m = meant.length;
    let prev = new Float64Array(m + 1), cur = new Float64Array(m + 1);
    for (let j = 0; j <= m; j++) prev[j] = j * insertCost;
    for (let i = 1; i <= typed.length; i++) {
        cur[0] = i * deleteCost;
        for (let j = 1; j <= m; j++) {
            let v = prev[j - 1] + (typed[i - 1] === meant[j - 1] ? 0 : replaceCost);
            if (prev[j] + deleteCost < v) v = prev[j] + deleteCost;
            if (cur[j - 1] + insertCost < v) v = cur[j - 1] + insertCost;
            cur[j] = v;
        }
        [prev, cur] = [cur, prev];
    }
    return prev[m];
}
