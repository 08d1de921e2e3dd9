// `mlp bench`: training throughput of the lecture's MNIST network (784-100-10, sigmoid
// hidden layer, softmax output, batch 256, float32, one thread), timed on the real
// Trainer<float> step. The same function runs in the browser (bench/web/), so native
// and web figures come from one code path; bench/run.sh puts them beside numpy.
#pragma once

#include <string>

namespace mlp {

// argv[0] is the command name ("bench"); the flags follow. Prints the set-up, the timing
// and the lines "examples/s (wall clock, median batch): <number>" and "examples/s (CPU
// time, median batch): <number>" on stdout; returns 0, 1 (data could not be loaded, or
// training diverged) or 2 (bad flag, after printing the usage on stderr).
int run_bench(int argc, char** argv);

// The flags of `mlp bench`, for `mlp help bench`.
std::string bench_usage();

}  // namespace mlp
