// Accepts any two different 1-based positions whose values add up to T.
// Kattis output validator: validator input answer feedback_dir < team_output; 42 = AC, 43 = WA.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

static std::string feedback_dir;

[[noreturn]] static void verdict(int code, const std::string &message)
{
	if (!message.empty()) {
		std::ofstream judge(feedback_dir + "judgemessage.txt");
		judge << message << "\n";
	}
	std::exit(code);
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		std::cerr << "usage: " << argv[0] << " input answer feedback_dir\n";
		return 1;
	}
	feedback_dir = argv[3];
	if (feedback_dir.empty() || feedback_dir.back() != '/')
		feedback_dir += '/';
	std::ifstream in(argv[1]);
	long long n, t;
	in >> n >> t;
	std::vector<long long> a(n);
	for (auto &x : a)
		in >> x;

	std::stringstream team;
	team << std::cin.rdbuf();
	long long i, j;
	std::string extra;
	if (!(team >> i >> j))
		verdict(43, "expected two indices");
	if (team >> extra)
		verdict(43, "unexpected output after the two indices: " + extra.substr(0, 40));
	if (i < 1 || i > n || j < 1 || j > n)
		verdict(43, "an index is out of range 1.." + std::to_string(n));
	if (i == j)
		verdict(43, "the two indices must differ");
	if (a[i - 1] + a[j - 1] != t)
		verdict(43, "a_i + a_j = " + std::to_string(a[i - 1] + a[j - 1]) + ", not " +
				    std::to_string(t));
	verdict(42, "");
}
