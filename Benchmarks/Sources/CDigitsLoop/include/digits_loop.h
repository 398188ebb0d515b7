#ifndef DIGITS_LOOP_H
#define DIGITS_LOOP_H

/* The floor for Trainer.run(steps:) on the digits preset: a 64-16-10 network (tanh, then
 * softmax), the cross-entropy summed over the samples, the mean reduction (W and b step by the
 * batch's summed gradient / its N), sgd, mini-batches of 32 over the training samples in an order
 * the caller passes in, written as plain C loops with every sum in the order of BackpropCore's
 * LayerKernel and NetworkKernel, so the results can be compared bit for bit. An epoch is what
 * `Trainer.run(steps:)` does for one: its batches, then the forward passes over every training
 * sample and every test sample for their costs. */

enum {
    DL_INPUTS = 64,
    DL_HIDDEN = 16,
    DL_CLASSES = 10,
    DL_BATCH = 32,
    /* W1 64x16, b1, W2 16x10, b2: Network.parameters' order (layer by layer, W row-major, then b). */
    DL_PARAMETERS = (DL_INPUTS + 1) * DL_HIDDEN + (DL_HIDDEN + 1) * DL_CLASSES,
};

/** A training run's state: the training and test samples, the parameters and the buffers. */
typedef struct dl_state dl_state;

/** A state at the start: x (samples x 64) and y (samples x 10, one-hot) of every sample, the
 *  training and test samples as indices into them (copied in that order, as the trainer's
 *  workspaces hold them), and the parameters. Runs the forward passes for the costs. NULL when
 *  out of memory. */
dl_state *dl_new(const double *x, const double *y, const int *training, int training_count, const int *test,
                 int test_count, const double *parameters);
void dl_free(dl_state *state);

/** One epoch at learning rate `lr`: the training samples in batches of DL_BATCH (the last
 *  smaller), taken in the order `order` gives (positions in `training`, one each), then the
 *  forward passes over the training and the test samples. Returns the training cost. Sizes fixed
 *  at compile time; the outputs' sums side by side (LayerKernel.preActivations and
 *  descendSideBySide: each sum in the same order as one at a time, so the same bits). */
double dl_epoch(dl_state *state, const int *order, double lr);
/** The same loops with the sizes read at run time from the state, as the Swift kernel has them. */
double dl_epoch_general(dl_state *state, const int *order, double lr);
/** dl_epoch with one sum at a time (each a_j over i, each dC/dw_ij over the samples, innermost),
 *  as LayerKernel ran every layer before its sums went side by side. */
double dl_epoch_natural(dl_state *state, const int *order, double lr);

/** C over the training samples, and over the test samples, after the last epoch. */
double dl_cost(const dl_state *state);
double dl_test_cost(const dl_state *state);
/** The current parameters, DL_PARAMETERS doubles in Network.parameters' order. */
const double *dl_parameters(const dl_state *state);

#endif
