def inspect(harness: str) -> str:
    opening, closing = "([{<", ")]}>"
    stack = []
    for i, c in enumerate(harness, 1):
        if c in opening:
            stack.append((opening.index(c), i))
        elif not stack or stack[-1][0] != closing.index(c):
            return "ERROR %d" % i
        else:
            stack.pop()
    return "ERROR %d" % stack[0][1] if stack else "OK"
