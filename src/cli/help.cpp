// Usage messages of `mlp` and its commands (`mlp help [COMMAND]`).
#include "cli/bench_command.hpp"
#include "cli/commands.hpp"
#include "config/presets.hpp"

#include <sstream>

namespace mlp::cli {

namespace {

std::string preset_list() {
  std::ostringstream s;
  for (const RunPreset& p : run_presets()) {
    std::string name = "  " + p.name;
    name.resize(22, ' ');
    s << name << p.title << '\n';
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
         "  export-python  write a numpy script that rebuilds a run's first K updates and prints their losses\n"
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
         "  mlp make-data circles --n 400 --noise 0.1 --seed 1 --out circles.txt\n"
         "  mlp export-python --data circles --layers 6,6 --dropout 0.2 --steps 20 --out run.py\n";
}

}  // namespace

std::string usage(const std::string& command) {
  if (command.empty() || command == "help") return overview();
  if (command == "train") return train_usage() + "\npresets:\n" + preset_list();
  if (command == "gradcheck") return gradcheck_usage();
  if (command == "dump") return dump_usage();
  if (command == "search") return search_usage();
  if (command == "evaluate") return evaluate_usage();
  if (command == "make-data") return make_data_usage();
  if (command == "export-python") return export_python_usage();
  if (command == "bench") return bench_usage();
  return "";
}

}  // namespace mlp::cli
