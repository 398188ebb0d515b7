#ifndef NETWORK_LOOP_H
#define NETWORK_LOOP_H

#include <stdint.h>

/* The floor for Trainer.run(steps:) on a network: a 2-16-16-1 network (tanh, tanh,
 * sigmoid), SSE loss, the seed reduction (W -= lr * sum over samples, b -= lr * mean), 256
 * samples, written as plain C loops with every sum in the order of BackpropCore's LayerKernel and
 * NetworkKernel, so the results can be compared bit for bit. One forward pass per step. */

enum {
    NET_SAMPLES = 256,
    NET_INPUTS = 2,
    NET_HIDDEN = 16,
    NET_OUTPUTS = 1,
    /* W1 2x16, b1, W2 16x16, b2, W3 16x1, b3: Network.parameters' order (layer by layer, W
     * row-major, then b). */
    NET_PARAMETERS = (NET_INPUTS + 1) * NET_HIDDEN + (NET_HIDDEN + 1) * NET_HIDDEN + (NET_HIDDEN + 1) * NET_OUTPUTS,
};

/** The problem, made by SplitMix64 from `seed`: x (256x2, uniform in [-1, 1)), y (256x1: 1 inside
 *  the circle x0^2 + x1^2 < 0.5, else 0), and the starting parameters (Glorot-uniform W, b = 0).
 *  Writes NET_SAMPLES * NET_INPUTS, NET_SAMPLES * NET_OUTPUTS and NET_PARAMETERS doubles. */
void net_make_problem(uint64_t seed, double *x, double *y, double *parameters);

/** A training run's state: the data, the parameters and the buffers of the last forward pass. */
typedef struct net_state net_state;

/** A state at step 0 of the problem (copies the arrays) with its forward pass done. */
net_state *net_new(const double *x, const double *y, const double *parameters);
void net_free(net_state *state);

/** Takes `steps` steps at learning rate `lr`; returns the cost after the last. Sizes fixed at
 *  compile time (the loops below with constant trip counts). */
double net_run(net_state *state, long steps, double lr);
/** The same loops with the sizes read at run time from the state, as the Swift kernel has them. */
double net_run_general(net_state *state, long steps, double lr);

/** The cost of the current state. */
double net_cost(const net_state *state);
/** The current parameters, NET_PARAMETERS doubles in Network.parameters' order. */
const double *net_parameters(const net_state *state);

#endif
