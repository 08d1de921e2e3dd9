// The MNIST views, one function per view (each draws into the current ImGui window):
//   show_test_gallery   test digits with predicted and true labels; the softmax bars of the chosen one
//   show_confusion      the 10 x 10 confusion matrix; a click on a cell lists its digits
//   show_mistakes       the most confidently wrong test digits
//   show_hidden_units   each first-layer hidden unit's 784 incoming weights as a 28 x 28 image
//   show_draw_digit     a canvas to draw a digit on, digitized like MNIST, predicted live
//   show_forward_pass   one digit through the network layer by layer; the last batch's matrices summarised
// Each keeps what it needs between frames in its own state struct. Clickable parts are
// published for the browser tests (names in each function's comment).
#pragma once

#include "app/mnist_images.hpp"
#include "data/digitize.hpp"
#include "data/scaling.hpp"
#include "nn/predictions.hpp"

#include <string>
#include <vector>

namespace mlp {

// What the views look at.
struct MnistViewInput {
  const Network<float>* net = nullptr;         // the current network
  long version = 0;                            // changes whenever its weights change
  const Predictions* predictions = nullptr;    // of that network on the test digits (may be filling)
  DigitPixels pixels;                          // the test digits' raw pixels
  const Scaler* scaler = nullptr;              // how training inputs were scaled
  const Matrix<float>* start_W1 = nullptr;     // the first layer's weights when the run started
  const Dataset* test = nullptr;               // the test digits as the network sees them (scaled)
  const Pass<float>* last_pass = nullptr;      // the last training batch's matrices (empty before one)
};

// A grid of test digits, each captioned with its predicted and true class; one can be chosen.
struct DigitGrid {
  DigitAtlas atlas{64};
  int chosen = -1;  // a test row, or -1
};

// Draws `rows` (at most the atlas capacity) in a grid of cells `cell` pixels wide; a click
// chooses a digit. Published as "<id>_<k>" for the k-th cell.
void show_digit_grid(DigitGrid& grid, const std::vector<int>& rows, const MnistViewInput& in, const char* id,
                     float cell = 64);

// Ŷ of one digit as ten horizontal bars (the predicted class in blue, or orange when wrong;
// the true class marked). `truth` < 0 when unknown (a drawn digit).
void show_softmax_bars(const float* probabilities, int classes, int truth, const char* id);

struct GalleryState {
  DigitGrid grid;
  int first = 0;  // first test row shown
};
// Published: "gallery_prev", "gallery_next", "gallery_<k>".
void show_test_gallery(GalleryState& state, const MnistViewInput& in);

struct ConfusionState {
  int truth = -1, predicted = -1;  // the chosen cell, or -1
  DigitGrid grid;
};
// Published: "confusion_<true>_<predicted>", "confusion_digits_<k>".
void show_confusion(ConfusionState& state, const MnistViewInput& in);

struct MistakesState {
  DigitGrid grid;
};
// Published: "mistakes_<k>".
void show_mistakes(MistakesState& state, const MnistViewInput& in);

struct HiddenUnitsState {
  platform::Texture mosaic;
  long version = -1;  // network version in the mosaic
  int columns = 0, units = 0;
  bool shared_scale = false;  // one colour scale for all units instead of one per unit
  bool change = true;         // show W1 − W1(start), what training changed, instead of W1
};
// Published: "hidden_units".
void show_hidden_units(HiddenUnitsState& state, const MnistViewInput& in);

struct DrawState {
  InkImage ink = InkImage::Zero(112, 112);  // the canvas, ink in [0, 1]
  bool drawing = false;
  ImVec2 last;                    // last brush position (ink pixels)
  bool dirty = true;              // ink changed since the last prediction
  long version = -1;              // network version of the prediction
  FeatureMatrix digit;            // 1 x 784 digitized, raw 0..255
  std::vector<float> probabilities;  // the network's Ŷ for it (empty: no ink)
  int predicted = -1;
  platform::Texture canvas, preview;
};
// Published: "draw_canvas", "draw_clear".
void show_draw_digit(DrawState& state, const MnistViewInput& in);

struct ForwardState {
  int row = 0;                 // the test digit followed
  int shown_row = -1;          // the digit in `input`
  platform::Texture input;
};
// Published: "forward_row", "forward_bars".
void show_forward_pass(ForwardState& state, const MnistViewInput& in);

}  // namespace mlp
