/**
 * Note: the returned string must be malloc'd; the caller frees it.
 */
char* inspect(char* harness) {
    static const char opening[] = "([{<", closing[] = ")]}>";
    size_t n = strlen(harness);
    int *shape = malloc((n + 1) * sizeof(int)), *position = malloc((n + 1) * sizeof(int));
    int top = 0;
    char *report = malloc(32);

    strcpy(report, "OK");
    for (size_t i = 0; i < n; i++) {
        const char *o = strchr(opening, harness[i]);
        if (o) {
            shape[top] = (int)(o - opening);
            position[top++] = (int)i + 1;
        } else if (top == 0 || closing[shape[top - 1]] != harness[i]) {
            sprintf(report, "ERROR %zu", i + 1);
            top = 0;
            break;
        } else {
            top--;
        }
    }
    if (top > 0)
        sprintf(report, "ERROR %d", position[0]);
    free(shape);
    free(position);
    return report;
}
