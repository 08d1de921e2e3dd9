// Tests for the property table (src/config/properties): every setting survives a trip through
// the page address and through the `mlp` flags, links are read forgivingly (clamped, unknown
// keys noted) and diffs strictly.
#include <catch2/catch.hpp>

#include "cli/cli_app.hpp"
#include "config/presets.hpp"
#include "config/properties.hpp"

#include <set>

using namespace mlp;

namespace {

// A configuration where every property differs from both starting points.
RunConfig unusual() {
  return with_diff(RunConfig{},
                   "data=spiral&n=321&noise=0.07&classes=3&test=0.3&scale=zscore&test-part=first-half&limit=99&features=x1,x2,sinx1&target=value"
                   "&layers=7,5,3&act=tanh,sigmoid,relu&drop=0.1,0,0.25&out=sigmoid&init=xavier&lr=0.0125"
                   "&batch=17&shuffle=0&mom=0.5&opt=adam&beta1=0.8&beta2=0.99&eps=1e-06&l1=0.002&l2=0.003&seed=42&epochs=33&iterations=1234&eval-every=7"
                   "&train-eval-limit=500");
}

// `config` through the `mlp` flags: each row with a flag written as --flag value.
RunConfig through_flags(const RunConfig& config, const RunConfig& start) {
  cli::Args args;
  for (const Property& p : properties()) {
    if (!*p.flag) continue;
    const std::string value = p.write(config);
    if (!*p.value_name) args.push_back((value == "1" ? "--" : "--no-") + std::string(p.flag));
    else args.insert(args.end(), {std::string("--") + p.flag, value});
  }
  cli::Command command("test", "mlp test");
  cli::ConfigFlags flags(command.app, false);
  cli::parse(command.app, args);
  return flags.config(start);
}

}  // namespace

TEST_CASE("keys and flags are unique, every row reads what it writes", "[properties]") {
  std::set<std::string> keys, flags;
  const RunConfig c = unusual();
  for (const Property& p : properties()) {
    INFO(p.key);
    CHECK(keys.insert(p.key).second);
    if (*p.flag) CHECK(flags.insert(p.flag).second);
    CHECK(find_property(p.key) == &p);
    // this row alone, written from one config and read into another, carries the value
    RunConfig other = cli_defaults();
    other.hidden = c.hidden;  // the per-layer rows need the same layer count
    std::vector<std::string> notes;
    CHECK(p.read(p, other, p.write(c), OutOfRange::Refuse, notes).empty());
    CHECK(p.write(other) == p.write(c));
    CHECK(notes.empty());
  }
  CHECK(unusual() != RunConfig{});
  CHECK(unusual() != cli_defaults());
}

TEST_CASE("every property and every preset survives the flags", "[properties]") {
  CHECK(through_flags(unusual(), cli_defaults()) == unusual());
  for (const RunPreset& p : run_presets()) {
    INFO(p.name);
    CHECK(through_flags(p.config, RunConfig{}) == p.config);
  }
}

TEST_CASE("the address carries the page's settings, for every preset too", "[properties]") {
  std::vector<std::string> notes;
  const RunConfig page = decode_config(encode_config(unusual()), notes);
  CHECK(notes.empty());
  for (const Property& p : properties()) {
    INFO(p.key);
    if (p.in_address) CHECK(p.write(page) == p.write(unusual()));
    else CHECK(p.write(page) == p.write(RunConfig{}));  // not in the address: the page's default
  }
  for (const RunPreset& p : run_presets()) {
    INFO(p.name);
    CHECK(encode_config(decode_config(encode_config(p.config), notes)) == encode_config(p.config));
  }
  CHECK(notes.empty());
  // the default address (links written before a row was added simply lack it)
  CHECK(encode_config(RunConfig{}) ==
        "data=circles&n=200&noise=-1&classes=0&test=0.25&features=x1,x2&target=class&layers=6,6&act=relu,relu&drop=0,0&out=softmax&init=lecture"
        "&lr=0.2&batch=10&shuffle=1&mom=0.9&opt=sgd&beta1=0.9&beta2=0.999&eps=1e-08&l1=0&l2=0&seed=1&epochs=200");
}

TEST_CASE("links are read forgivingly: clamped, unknown and bad parts noted", "[properties]") {
  std::vector<std::string> notes;
  const RunConfig c = decode_config("lr=500&layers=4,4&act=sigmoid&drop=x&colour=red&batch&seed=7", notes);
  CHECK(c.train.learning_rate == 100);
  CHECK(c.hidden.size() == 2);
  CHECK(c.hidden[1].activation == Activation::Sigmoid);
  CHECK(c.train.seed == 7);
  const std::string all = [&] {
    std::string s;
    for (const auto& n : notes) s += n + "\n";
    return s;
  }();
  CHECK_THAT(all, Catch::Contains("learning rate 500 is above 100: using 100"));
  CHECK_THAT(all, Catch::Contains("link: drop 'x' is not valid (ignored)"));
  CHECK_THAT(all, Catch::Contains("link: unknown setting 'colour' (ignored)"));
  CHECK_THAT(all, Catch::Contains("link: 'batch' has no value"));
  CHECK(decode_config("act=relu%2Ctanh&layers=3,3", notes).hidden[1].activation == Activation::Tanh);
}

TEST_CASE("a data name with '+', '&', '%' or a space reads back unchanged from the address", "[properties]") {
  RunConfig c;
  c.data.source = "my+data & more=100%#1.csv";
  const std::string address = encode_config(c);
  CHECK_THAT(address, Catch::StartsWith("data=my%2Bdata%20%26%20more%3D100%25%231.csv&n=200&"));
  std::vector<std::string> notes;
  CHECK(decode_config(address, notes).data.source == c.data.source);
  CHECK(notes.empty());
  CHECK(with_diff(RunConfig{}, config_diff(RunConfig{}, c)).data.source == c.data.source);
  // the bytes that were not round-tripping: "%2b" reads as '+', which was written back bare
  CHECK(decode_config(encode_config(decode_config("data=a%2bb", notes)), notes).data.source == "a+b");
}

TEST_CASE("huge sizes in a link are clamped or refused before anything is allocated", "[properties]") {
  std::vector<std::string> notes;
  const RunConfig c = decode_config("layers=100000000&n=1000000000000&batch=1000000000000&limit=1e12", notes);
  CHECK(c.hidden.size() == 1);
  CHECK(c.hidden[0].units == NetworkSpec::kMaxUnits);
  CHECK(c.data.examples == 10000000);
  CHECK(c.train.batch_size == 100000000);
  CHECK(c.data.limit == 0);
  REQUIRE(notes.size() == 4);
  CHECK_THAT(notes[0], Catch::EndsWith("examples 1e+12 is above 1e+07: using 1e+07"));
  CHECK(notes[1] == "link: limit '1e12' is not valid (ignored)");
  CHECK_THAT(notes[2], Catch::EndsWith(" 1e+08 is above 4096: using 4096"));
  CHECK_THAT(notes[3], Catch::EndsWith(" 1e+12 is above 1e+08: using 1e+08"));

  std::string many = "1";
  for (int i = 0; i < NetworkSpec::kMaxHiddenLayers; ++i) many += ",1";
  notes.clear();
  CHECK(decode_config("layers=" + many, notes).hidden.size() == 2);  // the default, unchanged
  REQUIRE(notes.size() == 1);
  CHECK(notes[0] == "link: layers: 17 hidden layers, at most 16 (ignored)");
  CHECK_THROWS_WITH(with_diff(cli_defaults(), "layers=" + many), Catch::Contains("layers: 17 hidden layers, at most 16"));
  CHECK_THROWS_WITH(with_diff(cli_defaults(), "n=1000000000000"), Catch::Contains("n 1e+12 is outside 1 .. 1e+07"));
}

TEST_CASE("diffs are strict and show what differs", "[properties]") {
  CHECK_THROWS_WITH(with_diff(RunConfig{}, "lr=500"), Catch::Contains("lr 500 is outside"));
  CHECK_THROWS_WITH(with_diff(RunConfig{}, "speed=2"), Catch::Contains("unknown setting 'speed'"));
  const RunConfig c = with_diff(RunConfig{}, "layers=8&act=sigmoid&lr=1");
  CHECK(config_diff(RunConfig{}, c) == "layers=8&act=sigmoid&drop=0&lr=1");
  CHECK(config_diff(c, c).empty());
}

TEST_CASE("a link's momentum chooses the optimiser unless opt says otherwise", "[properties]") {
  std::vector<std::string> notes;
  CHECK(decode_config("mom=0.5", notes).train.optimizer.kind == Optimizer::Momentum);  // links before `opt`
  CHECK(decode_config("mom=0", notes).train.optimizer.kind == Optimizer::SGD);
  const RunConfig explicit_sgd = decode_config("opt=sgd&mom=0.5", notes);
  CHECK(explicit_sgd.train.optimizer.kind == Optimizer::SGD);
  CHECK(explicit_sgd.train.optimizer.momentum == 0.5);
  CHECK(decode_config("mom=0&opt=momentum", notes).train.optimizer.kind == Optimizer::Momentum);
  CHECK(decode_config("opt=adam&mom=0", notes).train.optimizer.kind == Optimizer::Adam);
  CHECK(notes.empty());
  CHECK(decode_config("opt=rmsprop", notes).train.optimizer.kind == Optimizer::SGD);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0] == "link: unknown optimizer 'rmsprop' (use sgd, momentum or adam) (ignored)");
}

TEST_CASE("an instructor's link: hide, lock, lesson, play and lang, written only when set", "[properties]") {
  std::vector<std::string> notes;
  const RunConfig c = decode_config("lr=0.3&hide=compare,mnist,setup.network&lock=data,network,lr&lesson=3&play=1&lang=zh-TW", notes);
  CHECK(notes.empty());
  CHECK(c.page.hide == std::vector<std::string>{"compare", "mnist", "setup.network"});
  CHECK(c.page.lock == std::vector<std::string>{"data", "network", "lr"});
  CHECK(c.page.lesson == 3);
  CHECK(c.page.play);
  CHECK(c.page.lang == "zh-TW");
  CHECK(c.page.hidden("mnist"));
  CHECK_FALSE(c.page.hidden("lessons"));
  CHECK(c.page.locked("lr"));
  const std::string address = encode_config(c);
  CHECK(address.find("&hide=compare,mnist,setup.network&lock=data,network,lr&lesson=3&play=1&lang=zh-TW") !=
        std::string::npos);
  CHECK(decode_config(address, notes) == c);
  CHECK(encode_config(RunConfig{}).find("hide=") == std::string::npos);  // unset: not in the link
  CHECK(encode_config(RunConfig{}).find("lang=") == std::string::npos);

  const RunConfig bad = decode_config("hide=compare,everything&lock=colour&lang=fr&lesson=-2&play=yes", notes);
  CHECK(bad.page.hide.empty());
  CHECK(bad.page.lock.empty());
  CHECK(bad.page.lang.empty());
  CHECK(bad.page.lesson == 0);
  CHECK_FALSE(bad.page.play);
  std::string all;
  for (const auto& n : notes) all += n + "\n";
  CHECK(all.find("hide: unknown 'everything' (valid: setup, lessons, compare, mnist") != std::string::npos);
  CHECK(all.find("lock: unknown 'colour'") != std::string::npos);
  CHECK(all.find("lang: unknown 'fr' (valid: en, zh-TW)") != std::string::npos);
  CHECK(all.find("lesson") != std::string::npos);
  CHECK(all.find("play") != std::string::npos);
}
