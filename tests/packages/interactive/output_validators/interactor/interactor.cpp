// Guess the Number: the interactor.  Kattis interactive output validator:
// interactor input answer feedback_dir <submission_output >submission_input; 42 = AC, 43 = WA.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

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
	long long secret;
	in >> secret;

	for (int guesses = 1;; guesses++) {
		long long g;
		if (!(std::cin >> g))
			verdict(43, "the program stopped without finding the number");
		if (guesses > 10)
			verdict(43, "more than 10 guesses");
		if (g == secret) {
			std::cout << "correct" << std::endl;
			break;
		}
		std::cout << (secret < g ? "lower" : "higher") << std::endl;
	}
	std::string extra;
	if (std::cin >> extra)
		verdict(43, "output after the number was found: " + extra.substr(0, 40));
	verdict(42, "");
}
