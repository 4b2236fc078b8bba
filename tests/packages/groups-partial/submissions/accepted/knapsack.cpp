#include <bits/stdc++.h>
using namespace std;

int main()
{
	int n, cap;
	cin >> n >> cap;
	vector<int> w(n);
	for (auto &x : w)
		cin >> x;
	// reach[s]: the crate that first made total s reachable (-1 for s = 0, -2 for never)
	vector<int> reach(cap + 1, -2);
	reach[0] = -1;
	for (int i = 0; i < n; i++)
		for (int s = cap; s >= w[i]; s--)
			if (reach[s] == -2 && reach[s - w[i]] != -2)
				reach[s] = i;
	int best = cap;
	while (reach[best] == -2)
		best--;
	vector<int> chosen;
	for (int s = best; s > 0; s -= w[reach[s]])
		chosen.push_back(reach[s] + 1);
	cout << chosen.size();
	for (int p : chosen)
		cout << " " << p;
	cout << "\n";
	return 0;
}
