#include "seed_loop.h"

#include <math.h>

/* The article's data. */
static const double x[2][3] = {{1, 2, 3}, {3, 2, 1}};
static const double y[2][2] = {{1, 0}, {0, 1}};

/* Forward pass: fills the prediction and g'(a) and returns C. The sums run in the same order as
 * numpy's matmul then + b, so the result matches the article's trace to the last bit. */
static double forward(const seed_state *s, double prediction[2][2], double derivative[2][2]) {
    double cost = 0;
    for (int n = 0; n < 2; n++) {
        for (int j = 0; j < 2; j++) {
            double sum = 0;
            for (int i = 0; i < 3; i++) sum += x[n][i] * s->w[i][j];
            double a = sum + s->b[j];
            double g = 1.0 / (1.0 + exp(-a));
            prediction[n][j] = g;
            derivative[n][j] = g * (1.0 - g);
            double error = g - y[n][j];
            cost += error * error;
        }
    }
    return cost;
}

seed_state seed_start(void) {
    seed_state s = {{{0.1, 0.2}, {0.3, 0.4}, {0.5, 0.6}}, {0, 0}, 0};
    double prediction[2][2], derivative[2][2];
    s.cost = forward(&s, prediction, derivative);
    return s;
}

double seed_run(seed_state *s, long steps, double lr) {
    double prediction[2][2], derivative[2][2];
    /* The buffers describe the current state, as the Swift trainer keeps them between runs. */
    s->cost = forward(s, prediction, derivative);
    for (long step = 0; step < steps; step++) {
        double delta[2][2];
        for (int n = 0; n < 2; n++)
            for (int j = 0; j < 2; j++)
                delta[n][j] = derivative[n][j] * (2 * (prediction[n][j] - y[n][j]));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                double gradient = 0;
                for (int n = 0; n < 2; n++) gradient += x[n][i] * delta[n][j];
                s->w[i][j] -= lr * gradient;
            }
        }
        for (int j = 0; j < 2; j++) {
            double sum = 0;
            for (int n = 0; n < 2; n++) sum += delta[n][j];
            s->b[j] -= lr * (sum / 2);
        }
        s->cost = forward(s, prediction, derivative);
    }
    return s->cost;
}
