// Tests for the run presets (src/config/presets): names are unique and found, every preset is a
// valid set-up for its data, and the lecture's and homework's presets say what the slides say.
#include <catch2/catch.hpp>

#include "config/presets.hpp"

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
    const std::string& data = p.config.data.source;
    const int inputs = data == "mnist" ? 784 : (data == "glyphs" ? 25 : 2);
    const int classes = data == "mnist" ? 10 : (data == "glyphs" ? 5 : 2);
    CHECK_NOTHROW(p.config.spec(inputs, classes).validate());
    CHECK_NOTHROW(p.config.train.validate());
    CHECK_NOTHROW(p.config.schedule.validate());
    CHECK(&find_run_preset(p.name) == &p);
  }
}

TEST_CASE("the lecture's MNIST preset is the lecture's run", "[presets]") {
  const RunConfig& c = find_run_preset("lecture-mnist").config;
  CHECK(c.spec(784, 10).describe() == NetworkSpec{784, {LayerSpec{100, Activation::Sigmoid, 0.0}}, 10}.describe());
  CHECK(c.train.batch_size == 256);
  CHECK(c.train.learning_rate == 1.0);
  CHECK_FALSE(c.train.shuffle);
  CHECK(c.schedule.epochs == 10);
  CHECK(c.schedule.iterations == 0);
  CHECK(c.data.scaling == Scaling::ZScoreGlobal);
  CHECK(c.data.test_part == TestPart::SecondHalf);
}

TEST_CASE("homework 10-1: three ReLU layers of 50 with dropout 0.2 and lr 0.01", "[presets]") {
  const RunConfig& c = find_run_preset("hw10-1").config;
  REQUIRE(c.hidden.size() == 3);
  for (const LayerSpec& layer : c.hidden) {
    CHECK(layer.units == 50);
    CHECK(layer.activation == Activation::ReLU);
    CHECK(layer.dropout == 0.2);
  }
  CHECK(c.train.learning_rate == 0.01);
  CHECK(c.train.optimizer.kind == Optimizer::Momentum);
  CHECK(c.train.optimizer.momentum == 0.9);
  CHECK(c.train.batch_size == 64);
  CHECK(c.schedule.iterations == 2000);
  CHECK(c.schedule.eval_every == 50);
  CHECK(c.data.scaling == Scaling::Rescale);
}

TEST_CASE("homework 10-2: the tuned configuration the search found", "[presets]") {
  const RunConfig& c = find_run_preset("hw10-2").config;
  REQUIRE(c.hidden.size() == 1);
  CHECK(c.hidden[0].units == 512);
  CHECK(c.train.learning_rate == 0.5);
  CHECK(c.train.batch_size == 64);
  CHECK(c.schedule.epochs == 15);
  CHECK(c.data.test_part == TestPart::All);
}

TEST_CASE("presets are listed per data set; unknown names are refused", "[presets]") {
  const auto mnist = presets_for("mnist");
  REQUIRE(mnist.size() == 3);
  CHECK(mnist.front()->name == "lecture-mnist");
  for (const RunPreset* p : mnist) CHECK(p->config.data.source == "mnist");
  CHECK(presets_for("no-such-data").empty());
  CHECK_THROWS_WITH(find_run_preset("hw99"), Catch::Contains("lecture-mnist"));
  CHECK(std::string(test_part_name(TestPart::SecondHalf)) == "second-half");
  CHECK(parse_test_part("first-half") == TestPart::FirstHalf);
  CHECK_THROWS_WITH(parse_test_part("middle"), Catch::Contains("second-half"));
}
