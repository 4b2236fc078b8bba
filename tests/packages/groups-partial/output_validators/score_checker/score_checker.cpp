// Packing Crates: checks a choice of crates and scores it.  Kattis output validator:
// validator input answer feedback_dir < team_output.  A valid choice exits 42 and writes
// score.txt, its total weight divided by the best total (a fraction from 0 to 1); an
// invalid one exits 43 with the reason in judgemessage.txt.
#include <cstdio>
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
	std::ifstream in(argv[1]), ans(argv[2]);
	long long n, cap, best;
	in >> n >> cap;
	std::vector<long long> w(n);
	for (auto &x : w)
		in >> x;
	ans >> best;

	std::stringstream team;
	team << std::cin.rdbuf();
	long long k, total = 0;
	if (!(team >> k) || k < 0 || k > n)
		verdict(43, "expected the number of crates, 0.." + std::to_string(n));
	std::vector<bool> used(n, false);
	for (long long i = 0; i < k; i++) {
		long long p;
		if (!(team >> p))
			verdict(43, "expected " + std::to_string(k) + " positions");
		if (p < 1 || p > n || used[p - 1])
			verdict(43, "position " + std::to_string(p) + " is out of range or repeated");
		used[p - 1] = true;
		total += w[p - 1];
	}
	std::string extra;
	if (team >> extra)
		verdict(43, "unexpected output after the positions: " + extra.substr(0, 40));
	if (total > cap)
		verdict(43, "total weight " + std::to_string(total) + " exceeds " + std::to_string(cap));
	double score = best > 0 ? (double)total / (double)best : 1.0;
	if (score > 1)
		score = 1;
	FILE *f = std::fopen((feedback_dir + "score.txt").c_str(), "w");
	if (!f)
		return 1;
	std::fprintf(f, "%.6f\n", score);
	std::fclose(f);
	if (total < best)
		verdict(42, "total " + std::to_string(total) + " of a possible " + std::to_string(best));
	verdict(42, "");
}
