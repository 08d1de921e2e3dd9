// Tests for the playground's view of a set-up (src/app/run_setup): sanitize fits a regression
// set with the linear output and 1-D data with plain inputs; keep_locked puts back what an
// instructor's link locked, a whole section or one row.
#include <catch2/catch.hpp>

#include "app/run_setup.hpp"
#include "config/properties.hpp"

using namespace mlp;
using namespace mlp::ui;

TEST_CASE("sanitize: a regression set gets the linear output, the 1-D sine plain inputs, with notes", "[run_setup]") {
  RunConfig s = with_diff(RunConfig{}, "data=sine&features=x1,x1sq");
  const std::vector<std::string> notes = sanitize(s);
  CHECK(s.output == Output::Linear);
  CHECK(is_plain(s.data.features));
  REQUIRE(notes.size() == 2);
  CHECK(notes[0] == "input features need 2-D points, not sine: using x1, x2");
  CHECK(notes[1] == "sine has real-valued targets: using the linear output (MSE)");
  RunConfig surface = with_diff(RunConfig{}, "data=gauss-surface&features=x1,x2,x1x2&out=linear");
  CHECK(sanitize(surface).empty());  // 2-D: features allowed, already linear
  const DataSplit data = make_data(surface);
  CHECK(data.train.is_regression());
  CHECK(data.train.features() == 3);
  CHECK(network_spec(surface, data.train).outputs == 1);
}

TEST_CASE("keep_locked: a locked section or row keeps its value, the rest changes", "[run_setup]") {
  const RunConfig current = with_diff(RunConfig{}, "data=xor&n=120&layers=5&act=tanh&lr=0.1&opt=momentum&mom=0.8&l2=0.01");
  RunConfig edited = with_diff(RunConfig{}, "data=spiral&n=300&layers=3,3&act=relu&lr=2&opt=adam&mom=0.5&l2=0.5");
  PageConfig page;
  page.lock = {"data", "lr", "opt"};
  keep_locked(page, current, edited);
  CHECK(edited.data.source == "xor");
  CHECK(edited.data.examples == 120);
  CHECK(edited.train.learning_rate == 0.1);
  CHECK(edited.train.optimizer.kind == Optimizer::Momentum);  // opt with its constants
  CHECK(edited.train.optimizer.momentum == 0.8);
  CHECK(edited.train.l2 == 0.5);             // not locked: the edit stands
  CHECK(edited.hidden.size() == 2);          // the network is not locked
  page.lock = {"network"};
  keep_locked(page, current, edited);
  CHECK(edited.hidden.size() == 1);
  CHECK(edited.hidden[0].units == 5);
  CHECK(edited.hidden[0].activation == Activation::Tanh);
  RunConfig same = current;
  keep_locked(PageConfig{}, edited, same);   // nothing locked: nothing put back
  CHECK(same == current);
}
