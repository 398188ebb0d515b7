#include "network_loop.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* No a*b+c contracted into an FMA: Swift never does it, and the point is the same bits. */
#pragma STDC FP_CONTRACT OFF

struct net_state {
    /* The sizes as the general loops read them (not constants to the compiler). */
    int samples, sizes[4];
    double cost;
    double x[NET_SAMPLES * NET_INPUTS];
    double y[NET_SAMPLES * NET_OUTPUTS];
    double parameters[NET_PARAMETERS];
    /* Per layer: h (output), g'(a), delta; N x m each. */
    double h1[NET_SAMPLES * NET_HIDDEN], d1[NET_SAMPLES * NET_HIDDEN], delta1[NET_SAMPLES * NET_HIDDEN];
    double h2[NET_SAMPLES * NET_HIDDEN], d2[NET_SAMPLES * NET_HIDDEN], delta2[NET_SAMPLES * NET_HIDDEN];
    double h3[NET_SAMPLES * NET_OUTPUTS], d3[NET_SAMPLES * NET_OUTPUTS], delta3[NET_SAMPLES * NET_OUTPUTS];
};

/* ---- the problem ---- */

static uint64_t splitmix64(uint64_t *state) {
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Uniform in [0, 1), exactly representable: the top 53 bits. */
static double uniform(uint64_t *state) { return (double)(splitmix64(state) >> 11) * 0x1.0p-53; }

void net_make_problem(uint64_t seed, double *x, double *y, double *parameters) {
    uint64_t s = seed;
    for (int n = 0; n < NET_SAMPLES; n++) {
        double x0 = 2 * uniform(&s) - 1, x1 = 2 * uniform(&s) - 1;
        x[n * NET_INPUTS] = x0;
        x[n * NET_INPUTS + 1] = x1;
        y[n] = x0 * x0 + x1 * x1 < 0.5 ? 1 : 0;
    }
    const int sizes[4] = {NET_INPUTS, NET_HIDDEN, NET_HIDDEN, NET_OUTPUTS};
    double *p = parameters;
    for (int l = 0; l < 3; l++) {
        int n = sizes[l], m = sizes[l + 1];
        double limit = sqrt(6.0 / (n + m));
        for (int k = 0; k < n * m; k++) *p++ = (2 * uniform(&s) - 1) * limit;
        for (int j = 0; j < m; j++) *p++ = 0;
    }
}

/* ---- one layer: the loops of LayerKernel, sum for sum ----
 * Always inlined: net_run calls them with constant sizes (fully known trip counts), the general
 * path through noinline wrappers with the sizes from the state. */

#define LAYER static inline __attribute__((always_inline))

/* Hidden layer, tanh: h = tanh(in W + b), g' = 1 - h^2. */
LAYER void forward_tanh(int N, int n, int m, const double *in, const double *w, const double *b, double *h,
                        double *d) {
    for (int s = 0; s < N; s++) {
        const double *row = in + s * n;
        for (int j = 0; j < m; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += row[i] * w[i * m + j];
            double a = sum + b[j];
            double g = tanh(a);
            h[s * m + j] = g;
            d[s * m + j] = 1.0 - g * g;
        }
    }
}

/* Output layer, sigmoid and SSE: also delta = g'(a) * 2(y^ - y); returns C. */
LAYER double forward_output(int N, int n, int m, const double *in, const double *w, const double *b,
                            const double *y, double *h, double *d, double *delta) {
    double cost = 0;
    for (int s = 0; s < N; s++) {
        const double *row = in + s * n;
        for (int j = 0; j < m; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += row[i] * w[i * m + j];
            double a = sum + b[j];
            double g = 1.0 / (1.0 + exp(-a));
            int k = s * m + j;
            double derivative = g * (1.0 - g);
            double dC = 2 * (g - y[k]);
            h[k] = g;
            d[k] = derivative;
            delta[k] = derivative * dC;
            double difference = g - y[k];
            cost += difference * difference;
        }
    }
    return cost;
}

/* e_prev = delta W^T with W before its update, delta_prev = g'_prev * e_prev. */
LAYER void send_back(int N, int n, int m, const double *delta, const double *w, const double *d_prev,
                     double *delta_prev) {
    for (int s = 0; s < N; s++) {
        const double *row = delta + s * m;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < m; j++) sum += row[j] * w[i * m + j];
            delta_prev[s * n + i] = d_prev[s * n + i] * sum;
        }
    }
}

/* Seed reduction: W -= lr * sum_s in[s,i] delta[s,j]; b -= lr * (sum_s delta[s,j]) / N. */
LAYER void descend(int N, int n, int m, const double *in, const double *delta, double *w, double *b, double lr) {
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < m; j++) {
            double sum = 0;
            for (int s = 0; s < N; s++) sum += in[s * n + i] * delta[s * m + j];
            w[i * m + j] -= lr * sum;
        }
    }
    for (int j = 0; j < m; j++) {
        double sum = 0;
        for (int s = 0; s < N; s++) sum += delta[s * m + j];
        b[j] -= lr * (sum / N);
    }
}

/* ---- the network: NetworkKernel's order ---- */

LAYER double forward_all(net_state *t, int N, int n0, int n1, int n2, int n3) {
    double *w1 = t->parameters, *b1 = w1 + n0 * n1;
    double *w2 = b1 + n1, *b2 = w2 + n1 * n2;
    double *w3 = b2 + n2, *b3 = w3 + n2 * n3;
    forward_tanh(N, n0, n1, t->x, w1, b1, t->h1, t->d1);
    forward_tanh(N, n1, n2, t->h1, w2, b2, t->h2, t->d2);
    return forward_output(N, n2, n3, t->h2, w3, b3, t->y, t->h3, t->d3, t->delta3);
}

/* From the output layer down: each layer sends its error back before its own W moves. */
LAYER void descend_all(net_state *t, int N, int n0, int n1, int n2, int n3, double lr) {
    double *w1 = t->parameters, *b1 = w1 + n0 * n1;
    double *w2 = b1 + n1, *b2 = w2 + n1 * n2;
    double *w3 = b2 + n2, *b3 = w3 + n2 * n3;
    send_back(N, n2, n3, t->delta3, w3, t->d2, t->delta2);
    descend(N, n2, n3, t->h2, t->delta3, w3, b3, lr);
    send_back(N, n1, n2, t->delta2, w2, t->d1, t->delta1);
    descend(N, n1, n2, t->h1, t->delta2, w2, b2, lr);
    descend(N, n0, n1, t->x, t->delta1, w1, b1, lr);
}

net_state *net_new(const double *x, const double *y, const double *parameters) {
    net_state *t = calloc(1, sizeof *t);
    if (!t) return NULL;
    t->samples = NET_SAMPLES;
    t->sizes[0] = NET_INPUTS;
    t->sizes[1] = t->sizes[2] = NET_HIDDEN;
    t->sizes[3] = NET_OUTPUTS;
    memcpy(t->x, x, sizeof t->x);
    memcpy(t->y, y, sizeof t->y);
    memcpy(t->parameters, parameters, sizeof t->parameters);
    t->cost = forward_all(t, NET_SAMPLES, NET_INPUTS, NET_HIDDEN, NET_HIDDEN, NET_OUTPUTS);
    return t;
}

void net_free(net_state *state) { free(state); }

double net_cost(const net_state *state) { return state->cost; }

const double *net_parameters(const net_state *state) { return state->parameters; }

double net_run(net_state *t, long steps, double lr) {
    for (long step = 0; step < steps; step++) {
        descend_all(t, NET_SAMPLES, NET_INPUTS, NET_HIDDEN, NET_HIDDEN, NET_OUTPUTS, lr);
        t->cost = forward_all(t, NET_SAMPLES, NET_INPUTS, NET_HIDDEN, NET_HIDDEN, NET_OUTPUTS);
    }
    return t->cost;
}

__attribute__((noinline)) static double general_step(net_state *t, double lr) {
    int N = t->samples, n0 = t->sizes[0], n1 = t->sizes[1], n2 = t->sizes[2], n3 = t->sizes[3];
    descend_all(t, N, n0, n1, n2, n3, lr);
    return forward_all(t, N, n0, n1, n2, n3);
}

double net_run_general(net_state *t, long steps, double lr) {
    for (long step = 0; step < steps; step++) t->cost = general_step(t, lr);
    return t->cost;
}
