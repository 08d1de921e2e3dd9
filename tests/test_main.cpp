// The Catch2 main for the one test executable `mlp_tests` (all tests/test_*.cpp).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
