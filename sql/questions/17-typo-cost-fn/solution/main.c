long long typoCost(char* typed, char* meant, long long insertCost, long long deleteCost, long long replaceCost) {
    size_t n = strlen(typed), m = strlen(meant);
    long long *prev = malloc((m + 1) * sizeof(long long)), *cur = malloc((m + 1) * sizeof(long long));
    long long answer;

    for (size_t j = 0; j <= m; j++)
        prev[j] = (long long)j * insertCost;
    for (size_t i = 1; i <= n; i++) {
        cur[0] = (long long)i * deleteCost;
        for (size_t j = 1; j <= m; j++) {
            long long v = prev[j - 1] + (typed[i - 1] == meant[j - 1] ? 0 : replaceCost);
            if (prev[j] + deleteCost < v)
                v = prev[j] + deleteCost;
            if (cur[j - 1] + insertCost < v)
                v = cur[j - 1] + insertCost;
            cur[j] = v;
        }
        long long *t = prev;
        prev = cur;
        cur = t;
    }
    answer = prev[m];
    free(prev);
    free(cur);
    return answer;
}
