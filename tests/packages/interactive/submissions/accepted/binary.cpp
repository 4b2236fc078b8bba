#include <iostream>
#include <string>

int main()
{
	int lo = 1, hi = 1000;
	std::string reply;
	while (lo <= hi) {
		int g = (lo + hi) / 2;
		std::cout << g << std::endl;
		if (!(std::cin >> reply) || reply == "correct")
			break;
		if (reply == "lower")
			hi = g - 1;
		else
			lo = g + 1;
	}
	return 0;
}
