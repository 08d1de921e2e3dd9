// The lessons' content: one chapter per part of the lecture, in our own words; see lessons.hpp.
// The set-ups were tried with the core first (seeds 1–3); the figures the texts quote are
// what those runs showed.
#include "app/lessons.hpp"

#include "app/i18n.hpp"
#include "config/properties.hpp"

namespace mlp::ui {

namespace {

// The page's default set-up with a diff in the address's words (config/properties.hpp).
RunConfig setup(const std::string& diff) { return with_diff(RunConfig{}, diff); }

// A button that loads `setup` and compares `runs` of it side by side.
LessonPreset comparing(std::string label, const RunConfig& setup, std::vector<CompareRun> runs) {
  LessonPreset p{std::move(label), setup};
  p.compare = std::move(runs);
  return p;
}

Lesson perceptron() {
  auto perceptron_on = [](const std::string& source) {
    return setup("data=" + source + "&layers=none&out=sigmoid&lr=0.5&batch=10&epochs=200");
  };
  return {tr_noop("What one layer cannot do"),
          tr_noop("A perceptron is one weighted sum and a sigmoid: ŷ = σ([1 X]·w), trained by "
                  "w ← w − α·[1 X]ᵀ(ŷ − y)/N. Its boundary ŷ = 0.5 is where [1 x₁ x₂]·w = 0: always a straight line."),
          tr_noop("The boundary and the accuracy. Two blobs: 100 %. Half-moons: a line gets about 85–93 %. Circles: "
                  "55–65 %, and the loss stays near ln 2 ≈ 0.69, a coin toss."),
          tr_noop("Load each set and press Play. On circles, raise α or train longer: the line turns and shifts but "
                  "never bends. Then load \"Circles, inputs x₁², x₂²\": the same single layer now gets the squares of "
                  "the coordinates, and its boundary w₀ + w₁x₁² + w₂x₂² = 0 is an ellipse. After a few epochs, step one "
                  "batch and read W1 in the matrices: w₁ and w₂ are positive and close (the ring, class 1, is where "
                  "x₁² + x₂² is large), w₀ negative: the boundary is about the circle x₁² + x₂² = −w₀/w₁."),
          LessonView::Boundary,
          {{tr_noop("Two blobs"), perceptron_on("linearly_separable")},
           {tr_noop("Half-moons"), perceptron_on("non_linearly_separable")},
           {tr_noop("Circles"), perceptron_on("circles")},
           {tr_noop("Circles, inputs x₁², x₂²"), with_diff(perceptron_on("circles"), "features=x1sq,x2sq")}}};
}

Lesson hidden_layer() {
  auto hidden_on = [](const std::string& source) {
    return setup("data=" + source + "&layers=8&act=sigmoid&drop=0&out=sigmoid&lr=1&batch=10&epochs=500");
  };
  return {tr_noop("One hidden layer fixes it"),
          tr_noop("Add a hidden layer: H = σ([1 X]·W₁), ŷ = σ([1 H]·W₂). Each hidden unit draws its own line; the "
                  "output combines them, so the boundary can bend around the disk. Back-propagation gives the hidden "
                  "units their share of the error."),
          tr_noop("The small maps beside the boundary, one per hidden unit: each a soft half-plane. Circles and "
                  "half-moons now reach (nearly) 100 %."),
          tr_noop("Cut the hidden layer to 3 units, then 2: how many lines does a ring need? Switch the hidden layer "
                  "to ReLU."),
          LessonView::Boundary,
          {{tr_noop("Circles"), hidden_on("circles")},
           {tr_noop("Half-moons"), hidden_on("non_linearly_separable")},
           {tr_noop("Two blobs"), hidden_on("linearly_separable")}}};
}

Lesson chain_rule() {
  LessonPreset tiny{tr_noop("Network 2-2-1, batch 1"),
                    setup("data=xor&layers=2&act=sigmoid&drop=0&out=sigmoid&lr=0.5&batch=1&epochs=50")};
  tiny.weight_layer = 0;  // W₁[1, 0]: from input x₁ to hidden unit 1, the longest path to the loss
  tiny.weight_row = 1;
  tiny.weight_col = 0;
  return {tr_noop("The chain rule"),
          tr_noop("Walk the graph back from the output and multiply the local gradients: for c = (2a)², "
                  "∂c/∂a = ∂c/∂b · ∂b/∂a = 2b × 2 = 8a. Paths add up: in the lecture's 2nd example (ŷ = 14, y = 17) "
                  "∂L/∂w₁ = 2(ŷ − y) = −6, and w₂, used directly and via a = 3w₂, gets −6 + (−6)·3 = −24."),
          tr_noop("The chain-rule tab: ∂L/∂w of W₁[1, 0] as a product of local gradients with the actual numbers, "
                  "beside the finite-difference estimate. They agree."),
          tr_noop("Step phase by phase (S) through the backward pass: dZ₂ = Ŷ − Y, dW₂ = [1 H]ᵀ·dZ₂/N, "
                  "dH = dZ₂·W₂[1:]ᵀ, dZ₁ = dH ∗ H(1 − H). Pick another weight in the chain-rule tab."),
          LessonView::ChainRule,
          {tiny}};
}

Lesson initialisation() {
  const RunConfig base = setup("data=circles&layers=4&act=sigmoid&drop=0&out=softmax&lr=1&batch=10&epochs=300");
  return {tr_noop("Initialisation"),
          tr_noop("Equal weights make every hidden unit compute the same value and get the same gradient: they stay "
                  "twins, as if there were one hidden node. Large weights saturate σ, where σ' = H(1 − H) ≈ 0, so "
                  "learning crawls. Use random, small weights: w ≈ ±√(1/r) for r rows."),
          tr_noop("Equal: identical unit maps and W₁ columns; accuracy stalls at 50–70 %. Large: hard-edged maps "
                  "(H ≈ 0 or 1); with seed 1 it learns more slowly, with seed 3 it gets stuck. Small random: circles "
                  "are learnt."),
          tr_noop("Load the three and watch the unit maps, then compare all three side by side from one start."),
          LessonView::Boundary,
          {{tr_noop("All weights equal"), with_diff(base, "init=equal")},
           {tr_noop("Large weights"), with_diff(base, "init=large")},
           {tr_noop("Small random"), with_diff(base, "init=lecture")},
           comparing(tr_noop("Compare the three"), base,
                     {{Activation::Sigmoid, 0.0, 1.0, Init::Equal},
                      {Activation::Sigmoid, 0.0, 1.0, Init::Large},
                      {Activation::Sigmoid, 0.0, 1.0, Init::Lecture}})}};
}

Lesson batching() {
  const RunConfig base = setup("data=circles&layers=8&act=relu&drop=0&out=softmax&lr=0.5&batch=3&epochs=10");
  return {tr_noop("Mini-batches"),
          tr_noop("One iteration = one batch: forward, loss, backward, update. 99 examples in batches of 3 give 33 "
                  "updates per epoch, 330 in 10 epochs. If the batch size does not divide N, the last batch is shorter."),
          tr_noop("The status line: batch i of 33. The grey batch loss jumps around (3 points per update); the loss "
                  "on all 99 falls smoothly."),
          tr_noop("Step a batch (B) and an epoch (E). Then set the batch size to 99 (one update per epoch) or 10 (the "
                  "last batch holds 9): which needs fewer epochs, which fewer updates?"),
          LessonView::Curves,
          {{tr_noop("99 examples, batch 3"), with_diff(base, "n=99&test=0")}}};
}

Lesson vanishing_gradients() {
  auto deep = [](const std::string& act) {
    return setup("data=circles&layers=8,8,8,8,8&act=" + act + "&drop=0&out=softmax&lr=0.5&batch=10&epochs=300");
  };
  return {tr_noop("Vanishing gradients"),
          tr_noop("Going back through a sigmoid layer multiplies the error by σ' = H(1 − H) ≤ 1/4. After five layers "
                  "little is left, and the first layers hardly learn. ReLU, ρ(z) = max(0, z), has ρ' = 1 where a unit "
                  "is active: the error gets through."),
          tr_noop("Curves → Gradients: rms(dWₗ) per layer, log scale. Five sigmoid layers: dW₁ is thousands of times "
                  "smaller than dW₆ and the accuracy stays at 50 %. ReLU: similar sizes, circles learnt."),
          tr_noop("Load both and compare the gradient plots, then run sigmoid, ReLU and ReLU + dropout side by side "
                  "from the same weights. ReLU + dropout stalls at α = 0.5: give that run α = 0.1 and it learns. "
                  "Remove sigmoid layers until sigmoid learns."),
          LessonView::Gradients,
          {{tr_noop("Deep sigmoid 2-8-8-8-8-8-2"), deep("sigmoid")},
           {tr_noop("Deep ReLU"), deep("relu")},
           comparing(tr_noop("Compare sigmoid, ReLU, dropout"), deep("sigmoid"),
                     {{Activation::Sigmoid, 0.0, 0.5, Init::Lecture},
                      {Activation::ReLU, 0.0, 0.5, Init::Lecture},
                      {Activation::ReLU, 0.2, 0.5, Init::Lecture}})}};
}

Lesson dropout() {
  auto glyphs = [](const std::string& act_drop_lr) {
    return setup("data=glyphs&noise=0.1&layers=20,20,20&out=softmax&batch=0&epochs=1000&" + act_drop_lr);
  };
  return {tr_noop("Overfitting and dropout"),
          tr_noop("The lecture's 25-20-20-20-5 network learns the five clean glyphs and is tested on noisy copies "
                  "(10 % of pixels flipped). It fits the training set perfectly, the test set less well: overfitting. "
                  "Dropout keeps round(20·0.8) = 16 random units per batch, scaled by 1/0.8 = 1.25; none are dropped "
                  "at test time."),
          tr_noop("Training (blue) against test (orange) loss. In the network graph the dropped units are off and "
                  "change each batch; the same mask M multiplies H forward and dH backward."),
          tr_noop("Compare dropout 0, 0.2 and 0.5 side by side (choose the test loss curve): with 0.2 the test loss "
                  "usually ends lower; 0.5 is often too much for five images. Then load the lecture's sigmoid + dropout."),
          LessonView::Curves,
          {{tr_noop("ReLU, no dropout"), glyphs("act=relu&drop=0&lr=0.1")},
           {tr_noop("ReLU, dropout 0.2"), glyphs("act=relu&drop=0.2&lr=0.1")},
           {tr_noop("Sigmoid, dropout 0.2"), glyphs("act=sigmoid&drop=0.2&lr=1")},
           comparing(tr_noop("Compare dropout 0, 0.2, 0.5"), glyphs("act=relu&drop=0&lr=0.1"),
                     {{Activation::ReLU, 0.0, 0.1, Init::Lecture},
                      {Activation::ReLU, 0.2, 0.1, Init::Lecture},
                      {Activation::ReLU, 0.5, 0.1, Init::Lecture}})}};
}

Lesson penalties() {
  auto small_noisy = [](const std::string& penalty) {
    return setup("data=xor&n=60&noise=0.35&test=0.5&layers=16,16&act=relu&drop=0&out=softmax&lr=0.1&batch=10"
                 "&epochs=1500&" + penalty);
  };
  return {tr_noop("Weight penalties: L1 and L2"),
          tr_noop("A big network on 30 noisy training points learns the noise: the training loss goes to 0 while the "
                  "test loss climbs. A penalty on large weights pulls it back: L2 adds λ₂/2·Σw² to the loss, so each "
                  "step uses dW + λ₂·W; L1 adds λ₁·Σ|w|, so the step uses dW + λ₁·sign W and drives small weights to "
                  "exactly 0. Neither touches the bias row."),
          tr_noop("Curves: the test loss (orange) against the training loss (blue), and the penalty (purple). In the "
                  "update phase, the penalty's matrix P sits next to dW."),
          tr_noop("Load both and compare the test loss after 1500 epochs, and the boundary: smooth with L2, ragged "
                  "without. Try λ₂ = 0.1 (too much: the network cannot fit) and L1 instead of L2 (the network graph "
                  "thins out)."),
          LessonView::Curves,
          {{tr_noop("No penalty"), small_noisy("l2=0")}, {tr_noop("L2, λ₂ = 0.01"), small_noisy("l2=0.01")},
           {tr_noop("L1, λ₁ = 0.003"), small_noisy("l1=0.003")}}};
}

Lesson optimisers() {
  const RunConfig spiral = setup("data=spiral&layers=12,12&act=relu&drop=0&out=softmax&lr=0.05&batch=10&epochs=300");
  return {tr_noop("Optimisers: momentum and Adam"),
          tr_noop("Gradient descent steps α·dW: small where the loss surface is flat, zig-zagging across a narrow "
                  "valley. Momentum keeps a velocity V ← μ·V − α·dW, so steady directions speed up and zig-zags cancel. "
                  "Adam keeps running means of the gradient (m) and of its square (v), corrects their start at 0 "
                  "(m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ)) and steps α·m̂/(√v̂ + ε): about α for every weight, however small its "
                  "gradient."),
          tr_noop("The update phase: V, or m̂ and v̂, drawn next to dW. Compare: the three loss curves from the same start."),
          tr_noop("Step the update phase with Adam and hover over m̂ and v̂: the step of each weight is α·m̂/(√v̂ + ε). "
                  "Give Adam α = 0.2 in Compare: too large, even for Adam."),
          LessonView::Matrices,
          {{tr_noop("Spiral, Adam"), with_diff(spiral, "opt=adam&lr=0.01")},
           comparing(tr_noop("Compare SGD, momentum, Adam"), spiral,
                     {{Activation::ReLU, 0.0, 0.05, Init::Lecture, Optimizer::SGD},
                      {Activation::ReLU, 0.0, 0.05, Init::Lecture, Optimizer::Momentum},
                      {Activation::ReLU, 0.0, 0.01, Init::Lecture, Optimizer::Adam}})}};
}

Lesson function_approximator() {
  auto sine_with = [](int units) {
    return setup("data=sine&n=200&layers=" + std::to_string(units) +
                 "&act=tanh&drop=0&out=linear&opt=adam&lr=0.02&batch=10&epochs=300");
  };
  return {tr_noop("A network as a function approximator"),
          tr_noop("Regression: the targets are numbers y, not classes. The output unit is linear, ŷ = [1 H]·W₂, and the "
                  "loss is the mean squared error ½(ŷ − y)²; its gradient is again Ŷ − Y, so back-propagation does not "
                  "change. With one hidden tanh layer ŷ(x) = w₀ + Σⱼ wⱼ·tanh(bⱼ + aⱼx): a weighted sum of S-shaped "
                  "steps. Each unit adds one bend, and enough units approximate any smooth curve."),
          tr_noop("The curve view: the blue line ŷ(x) over the points, and under it each hidden unit's tanh along x. "
                  "The R² curve: 1 is a perfect fit, 0 no better than always answering the mean."),
          tr_noop("Load 1 unit and play: one S follows the middle of the wave but cuts off both humps (test R² about "
                  "0.88). With 2 units the curve bends twice (0.95); 8 units follow the sine down to its noise (0.97; "
                  "the noise alone keeps R² under 0.98). Then the bumps: two inputs, the background is ŷ and the dots "
                  "are y on the same colour scale; two layers of 12 units reach R² about 0.98."),
          LessonView::Boundary,
          {{tr_noop("Sine, 1 unit"), sine_with(1)},
           {tr_noop("2 units"), sine_with(2)},
           {tr_noop("8 units"), sine_with(8)},
           {tr_noop("Bumps, 2-D"), setup("data=gauss-surface&n=600&layers=12,12&act=tanh&drop=0&out=linear&opt=adam&lr=0.01"
                                "&batch=10&epochs=300")}}};
}

Lesson homework() {
  const RunConfig recipe =
      setup("data=glyphs&layers=20,20,20&act=relu&drop=0.2&out=softmax&lr=0.01&batch=0&epochs=2000");
  return {tr_noop("Homework 10-1, 10-2"),
          tr_noop("10-1: ReLU and dropout, MNIST pixels rescaled to [0, 1], 50 hidden nodes, 2000 iterations, "
                  "α = 0.01: reach 90 % test accuracy and plot both losses. 10-2: tune hidden nodes, α, batch size and "
                  "epochs to reach 98 %, choosing on a validation set."),
          tr_noop("Here the recipe runs on the glyphs, where every matrix is visible: three ReLU layers, dropout 0.2, "
                  "α = 0.01, with momentum 0.9 and without. Compare how fast the loss falls."),
          tr_noop("For MNIST itself: the MNIST tab (preset hw10-1), or mlp train --preset hw10-1 and mlp search. "
                  "Change one setting at a time; note the test accuracy."),
          LessonView::Curves,
          {{tr_noop("Momentum 0.9"), with_diff(recipe, "mom=0.9")}, {tr_noop("Plain gradient descent"), recipe}}};
}

}  // namespace

const std::vector<Lesson>& lessons() {
  static const std::vector<Lesson> chapters = {perceptron(),     hidden_layer(),        chain_rule(),
                                               initialisation(), batching(),            vanishing_gradients(),
                                               dropout(),        penalties(),           optimisers(),
                                               function_approximator(), homework()};
  return chapters;
}

const char* lesson_view_name(LessonView view) {
  switch (view) {
    case LessonView::Boundary: return tr_noop("decision boundary");
    case LessonView::Curves: return tr_noop("learning curves");
    case LessonView::Gradients: return tr_noop("gradient sizes (curves)");
    case LessonView::Matrices: return tr_noop("matrices of this phase");
    case LessonView::ChainRule: return tr_noop("chain rule for one weight");
    case LessonView::Network: return tr_noop("network graph");
  }
  return "?";
}

}  // namespace mlp::ui
