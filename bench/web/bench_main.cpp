// The web benchmark: `mlp bench` (src/cli/bench_command.cpp) compiled to WebAssembly with
// the same core library as the page. shell.html fetches MNIST's training files into the
// virtual file system under /mnist before main runs and passes the flags from the URL.
#include "cli/bench_command.hpp"

int main(int argc, char** argv) { return mlp::run_bench(argc, argv); }
