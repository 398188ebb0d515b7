#ifndef SEED_LOOP_H
#define SEED_LOOP_H

/* The floor for the Swift fast path: the article's seed scenario (x 2x3, y 2x2, W 3x2, b 2,
 * sigmoid, SSE, W -= lr * x^T delta, b -= lr * mean(delta)) written as plain C with fixed sizes,
 * one forward pass per step producing the cost, exactly like Trainer.run(steps:). */

/** The state of one run: W (3x2, row i = input i) and b, and the cost of that state. */
typedef struct {
    double w[3][2];
    double b[2];
    double cost;
} seed_state;

/** The article's starting state (W = [[.1,.2],[.3,.4],[.5,.6]], b = 0) with its cost. */
seed_state seed_start(void);

/** Takes `steps` gradient-descent steps at learning rate `lr`; returns the cost after the last. */
double seed_run(seed_state *state, long steps, double lr);

#endif
