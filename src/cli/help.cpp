// Usage messages of `mlp` and its commands (`mlp help [COMMAND]`).
#include "cli/bench_command.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/presets.hpp"

#include <sstream>

namespace mlp::cli {

namespace {

std::string preset_list() {
  std::ostringstream s;
  for (const auto& p : presets()) {
    std::string name = "  " + p.name;
    name.resize(22, ' ');
    s << name << p.summary << '\n';
  }
  return s.str();
}

std::string overview() {
  return "mlp: train and inspect multi-layer perceptrons (mlp-playground)\n\n"
         "usage: mlp COMMAND [FLAGS]\n\n"
         "commands:\n"
         "  train       train a network, print progress and final loss/accuracy, write history/plot/model\n"
         "  search      grid or random hyperparameter search on a validation split or k folds\n"
         "  gradcheck   compare back-propagation with central differences (double precision)\n"
         "  evaluate    a saved model's loss, accuracy and confusion matrix on a data set\n"
         "  dump        write every matrix of one training step as JSON\n"
         "  make-data   write a generated toy set in the lecture's `x1 x2 label` text format\n"
         "  bench       training throughput of the lecture's MNIST network\n"
         "  help        this text, or `mlp help COMMAND`\n\n"
         "presets (`mlp train --preset NAME`, later flags override):\n" +
         preset_list() +
         "\nexamples:\n"
         "  mlp train --preset hw10-1\n"
         "  mlp train --data circles --layers 8 --activation sigmoid --lr 1 --batch 0 --epochs 2000\n"
         "  mlp search --hidden 50,100 --lr 0.1,1 --batch 64,256 --epochs 5 --validation 0.1\n"
         "  mlp gradcheck\n"
         "  mlp dump --preset glyphs --out step.json\n"
         "  mlp make-data circles --n 400 --noise 0.1 --seed 1 --out circles.txt\n";
}

}  // namespace

std::string usage(const std::string& command) {
  if (command.empty()) return overview();
  if (command == "train")
    return "usage: mlp train [--preset NAME] [FLAGS]\n\n"
           "Trains on the training set, evaluating the training and test sets as it goes.\n\n"
           "  --preset NAME           start from a preset's flags (listed below); later flags override\n" +
           flag_help(train_flag_specs()) + "\npresets:\n" + preset_list();
  if (command == "gradcheck")
    return "usage: mlp gradcheck [FLAGS]\n\n"
           "Checks back-propagation against central differences for every combination of the\n"
           "given activations, outputs and dropout ratios on a small random network (double).\n\n" +
           flag_help(gradcheck_flags());
  if (command == "dump")
    return "usage: mlp dump [--preset NAME] [FLAGS] --out FILE.json\n\n"
           "Writes every matrix of one training step (weights before, X, Y, Z/H/dropout masks per\n"
           "layer, Y_hat, loss, dZ/dH/dW, weights after) as JSON.\n\n" +
           flag_help(dump_flags());
  if (command == "search")
    return "usage: mlp search [FLAGS]\n\n"
           "Tries every combination (grid) or --samples random ones of the listed values, judged on a\n"
           "validation split of the training set or by k-fold cross-validation; prints a table, then\n"
           "retrains the best configuration on the whole training set and reports its test accuracy.\n"
           "Defaults: --data mnist --preprocess zscore-global.\n\n" +
           flag_help(search_flags());
  if (command == "evaluate")
    return "usage: mlp evaluate --model FILE.json [DATA FLAGS]\n\n"
           "Evaluates a model saved by `mlp train --save-model` on the training and test sets; give the\n"
           "same data and --preprocess flags as for training.\n\n" +
           flag_help(evaluate_flags());
  if (command == "make-data")
    return "usage: mlp make-data NAME [FLAGS] --out FILE\n\n"
           "Generates toy set NAME and writes it in the lecture's text format (header x1 x2 label).\n\n" +
           flag_help(make_data_flags());
  if (command == "bench") return bench_usage();
  if (command == "help") return overview();
  return "";
}

}  // namespace mlp::cli
