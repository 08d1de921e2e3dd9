// Tests for the run presets (src/nn/presets): names are unique and found, every preset is a
// valid set-up for its data, and the lecture's and homework's presets say what the slides say.
#include <catch2/catch.hpp>

#include "nn/presets.hpp"

#include <set>
#include <stdexcept>

using namespace mlp;

TEST_CASE("every preset has a unique name and a valid set-up", "[presets]") {
  std::set<std::string> names;
  for (const RunPreset& p : run_presets()) {
    INFO(p.name);
    CHECK(names.insert(p.name).second);
    CHECK_FALSE(p.title.empty());
    CHECK_FALSE(p.summary.empty());
    const int inputs = p.data == "mnist" ? 784 : (p.data == "glyphs" ? 25 : 2);
    const int classes = p.data == "mnist" ? 10 : (p.data == "glyphs" ? 5 : 2);
    CHECK_NOTHROW(p.spec(inputs, classes).validate());
    CHECK_NOTHROW(p.config.validate());
    CHECK_NOTHROW(p.schedule.validate());
    CHECK(&find_run_preset(p.name) == &p);
  }
}

TEST_CASE("the lecture's MNIST preset is the lecture's run", "[presets]") {
  const RunPreset& p = find_run_preset("lecture-mnist");
  const NetworkSpec spec = p.spec(784, 10);
  CHECK(spec.describe() == NetworkSpec{784, {LayerSpec{100, Activation::Sigmoid, 0.0}}, 10}.describe());
  CHECK(p.config.batch_size == 256);
  CHECK(p.config.learning_rate == 1.0);
  CHECK(p.schedule.epochs == 10);
  CHECK(p.schedule.iterations == 0);
  CHECK(p.scaling == Scaling::ZScoreGlobal);
  CHECK(p.test_part == TestPart::SecondHalf);
}

TEST_CASE("homework 10-1: three ReLU layers of 50 with dropout 0.2 and lr 0.01", "[presets]") {
  const RunPreset& p = find_run_preset("hw10-1");
  REQUIRE(p.hidden.size() == 3);
  for (const LayerSpec& layer : p.hidden) {
    CHECK(layer.units == 50);
    CHECK(layer.activation == Activation::ReLU);
    CHECK(layer.dropout == 0.2);
  }
  CHECK(p.config.learning_rate == 0.01);
  CHECK(p.schedule.iterations == 2000);
  CHECK(p.scaling == Scaling::Rescale);
}

TEST_CASE("homework 10-2: the tuned configuration the search found", "[presets]") {
  const RunPreset& p = find_run_preset("hw10-2");
  REQUIRE(p.hidden.size() == 1);
  CHECK(p.hidden[0].units == 512);
  CHECK(p.config.learning_rate == 0.5);
  CHECK(p.config.batch_size == 64);
  CHECK(p.schedule.epochs == 15);
  CHECK(p.test_part == TestPart::All);
}

TEST_CASE("presets are listed per data set; unknown names are refused", "[presets]") {
  const auto mnist = presets_for("mnist");
  REQUIRE(mnist.size() == 3);
  CHECK(mnist.front()->name == "lecture-mnist");
  for (const RunPreset* p : mnist) CHECK(p->data == "mnist");
  CHECK(presets_for("no-such-data").empty());
  CHECK_THROWS_WITH(find_run_preset("hw99"), Catch::Contains("lecture-mnist"));
  CHECK(std::string(test_part_name(TestPart::SecondHalf)) == "second-half");
}
