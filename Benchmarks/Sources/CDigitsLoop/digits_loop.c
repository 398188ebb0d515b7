#include "digits_loop.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* No a*b+c contracted into an FMA: Swift never does it, and the point is the same bits. */
#pragma STDC FP_CONTRACT OFF

struct dl_state {
    /* The sizes as the general loops read them (not constants to the compiler). */
    int inputs, hidden, classes, batch;
    int training_count, test_count;
    double cost, test_cost;
    double parameters[DL_PARAMETERS];
    /* The training and the test samples, each set's rows in its own order (the trainer's
     * workspaces). */
    double *xt, *yt, *xs, *ys;
    /* The forward passes over a whole set: h of the hidden layer, a and y^ of the output. */
    double *eval_h, *eval_a, *eval_out;
    /* One batch: its rows, then per layer h, g'(a) and delta (the output layer's a, y^, delta). */
    double xb[DL_BATCH * DL_INPUTS], yb[DL_BATCH * DL_CLASSES];
    double h1[DL_BATCH * DL_HIDDEN], d1[DL_BATCH * DL_HIDDEN], delta1[DL_BATCH * DL_HIDDEN];
    double a2[DL_BATCH * DL_CLASSES], h2[DL_BATCH * DL_CLASSES], delta2[DL_BATCH * DL_CLASSES];
    /* The side-by-side sums of one layer's gradient: W, then b. */
    double gradient[DL_PARAMETERS];
};

/* ---- one layer: the loops of LayerKernel, sum for sum ----
 * Always inlined: dl_epoch calls them with constant sizes (known trip counts, so clang unrolls
 * and vectorises across outputs), the general path with the sizes from the state. */

#define LAYER static inline __attribute__((always_inline))

/* Hidden layer, tanh: h = tanh(in W + b), and g' = 1 - h^2 when `d` is given. */
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
            if (d) d[s * m + j] = 1.0 - g * g;
        }
    }
}

/* Output layer, softmax and ce (LayerKernel.forwardClassification): a, then y^ = softmax(a)
 * shifted by max a, C from a in its stable form, and delta = y^ - y when `delta` is given.
 * Returns C. */
LAYER double forward_softmax(int N, int n, int m, const double *in, const double *w, const double *b,
                             const double *y, double *a, double *h, double *delta) {
    double cost = 0;
    for (int s = 0; s < N; s++) {
        const double *row = in + s * n;
        double *as = a + s * m, *hs = h + s * m;
        const double *ys = y + s * m;
        for (int j = 0; j < m; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += row[i] * w[i * m + j];
            as[j] = sum + b[j];
        }
        double shift = -INFINITY;
        for (int j = 0; j < m; j++)
            if (as[j] > shift) shift = as[j];
        double total = 0;
        for (int j = 0; j < m; j++) {
            double e = exp(as[j] - shift);
            hs[j] = e;
            total += e;
        }
        for (int j = 0; j < m; j++) hs[j] = hs[j] / total;
        double log_sum = log(total);
        double sample = 0;
        for (int j = 0; j < m; j++)
            if (ys[j] != 0) sample -= ys[j] * (as[j] - shift - log_sum);
        cost += sample;
        if (delta)
            for (int j = 0; j < m; j++) delta[s * m + j] = hs[j] - ys[j];
    }
    return cost;
}

/* ---- the same sums, side by side (LayerKernel.preActivations, descendSideBySide) ----
 * Each a_j still adds its terms in the order of i from 0, then b, and each dC/dw_ij its samples in
 * order from 0, but the loops run over i (or the samples) outside and j inside, so the outputs'
 * sums advance together: with the sizes fixed they live in vector registers. The same bits. */

/* a of sample s's row into `a`: sum_i in[i] w[i][j], then + b[j]. */
LAYER void pre_activations(int n, int m, const double *row, const double *w, const double *b, double *a) {
    for (int j = 0; j < m; j++) a[j] = 0;
    for (int i = 0; i < n; i++) {
        double x = row[i];
        const double *weights = w + i * m;
        for (int j = 0; j < m; j++) a[j] += x * weights[j];
    }
    for (int j = 0; j < m; j++) a[j] += b[j];
}

LAYER void forward_tanh_sbs(int N, int n, int m, const double *in, const double *w, const double *b, double *h,
                            double *d) {
    double a[DL_INPUTS > DL_HIDDEN ? DL_INPUTS : DL_HIDDEN];
    for (int s = 0; s < N; s++) {
        pre_activations(n, m, in + s * n, w, b, a);
        for (int j = 0; j < m; j++) {
            double g = tanh(a[j]);
            h[s * m + j] = g;
            if (d) d[s * m + j] = 1.0 - g * g;
        }
    }
}

LAYER double forward_softmax_sbs(int N, int n, int m, const double *in, const double *w, const double *b,
                                 const double *y, double *a, double *h, double *delta) {
    double cost = 0;
    for (int s = 0; s < N; s++) {
        double *as = a + s * m, *hs = h + s * m;
        const double *ys = y + s * m;
        pre_activations(n, m, in + s * n, w, b, as);
        double shift = -INFINITY;
        for (int j = 0; j < m; j++)
            if (as[j] > shift) shift = as[j];
        double total = 0;
        for (int j = 0; j < m; j++) {
            double e = exp(as[j] - shift);
            hs[j] = e;
            total += e;
        }
        for (int j = 0; j < m; j++) hs[j] = hs[j] / total;
        double log_sum = log(total);
        double sample = 0;
        for (int j = 0; j < m; j++)
            if (ys[j] != 0) sample -= ys[j] * (as[j] - shift - log_sum);
        cost += sample;
        if (delta)
            for (int j = 0; j < m; j++) delta[s * m + j] = hs[j] - ys[j];
    }
    return cost;
}

/* Mean reduction, the sums side by side into `gradient` (n x m, then m for b). */
LAYER void descend_sbs(int N, int n, int m, const double *in, const double *delta, double *w, double *b, double lr,
                       double *gradient) {
    double count = N;
    double *bias = gradient + n * m;
    for (int k = 0; k < n * m + m; k++) gradient[k] = 0;
    for (int s = 0; s < N; s++) {
        const double *x = in + s * n, *d = delta + s * m;
        for (int i = 0; i < n; i++) {
            double value = x[i];
            double *g = gradient + i * m;
            for (int j = 0; j < m; j++) g[j] += value * d[j];
        }
        for (int j = 0; j < m; j++) bias[j] += d[j];
    }
    for (int k = 0; k < n * m; k++) w[k] -= lr * (gradient[k] / count);
    for (int j = 0; j < m; j++) b[j] -= lr * (bias[j] / count);
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

/* Mean reduction: W -= lr * (sum_s in[s,i] delta[s,j]) / N; b -= lr * (sum_s delta[s,j]) / N. */
LAYER void descend(int N, int n, int m, const double *in, const double *delta, double *w, double *b, double lr) {
    double count = N;
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < m; j++) {
            double sum = 0;
            for (int s = 0; s < N; s++) sum += in[s * n + i] * delta[s * m + j];
            w[i * m + j] -= lr * (sum / count);
        }
    }
    for (int j = 0; j < m; j++) {
        double sum = 0;
        for (int s = 0; s < N; s++) sum += delta[s * m + j];
        b[j] -= lr * (sum / count);
    }
}

/* ---- the network: NetworkKernel's order ---- */

/* C of the samples (x, y), `count` of them, through the current parameters: LayerKernel's loops
 * one sum at a time (`natural`), or side by side. */
LAYER double cost_of(dl_state *t, const double *x, const double *y, int count, int n0, int n1, int n2, int natural) {
    const double *w1 = t->parameters, *b1 = w1 + n0 * n1;
    const double *w2 = b1 + n1, *b2 = w2 + n1 * n2;
    if (natural) {
        forward_tanh(count, n0, n1, x, w1, b1, t->eval_h, NULL);
        return forward_softmax(count, n1, n2, t->eval_h, w2, b2, y, t->eval_a, t->eval_out, NULL);
    }
    forward_tanh_sbs(count, n0, n1, x, w1, b1, t->eval_h, NULL);
    return forward_softmax_sbs(count, n1, n2, t->eval_h, w2, b2, y, t->eval_a, t->eval_out, NULL);
}

/* One step on the batch's first N rows: forward, then from the output layer down, each layer
 * sending its error back before its own W moves. */
LAYER void batch_step(dl_state *t, int N, int n0, int n1, int n2, double lr, int natural) {
    double *w1 = t->parameters, *b1 = w1 + n0 * n1;
    double *w2 = b1 + n1, *b2 = w2 + n1 * n2;
    if (natural) {
        forward_tanh(N, n0, n1, t->xb, w1, b1, t->h1, t->d1);
        forward_softmax(N, n1, n2, t->h1, w2, b2, t->yb, t->a2, t->h2, t->delta2);
        send_back(N, n1, n2, t->delta2, w2, t->d1, t->delta1);
        descend(N, n1, n2, t->h1, t->delta2, w2, b2, lr);
        descend(N, n0, n1, t->xb, t->delta1, w1, b1, lr);
        return;
    }
    forward_tanh_sbs(N, n0, n1, t->xb, w1, b1, t->h1, t->d1);
    forward_softmax_sbs(N, n1, n2, t->h1, w2, b2, t->yb, t->a2, t->h2, t->delta2);
    send_back(N, n1, n2, t->delta2, w2, t->d1, t->delta1);
    descend_sbs(N, n1, n2, t->h1, t->delta2, w2, b2, lr, t->gradient);
    descend_sbs(N, n0, n1, t->xb, t->delta1, w1, b1, lr, t->gradient);
}

/* Copies the training rows order[first ..< first + count] into the batch (Trainer.gatherBatch). */
static void gather(dl_state *t, const int *order, int first, int count) {
    for (int r = 0; r < count; r++) {
        int sample = order[first + r];
        memcpy(t->xb + r * t->inputs, t->xt + sample * t->inputs, sizeof(double) * t->inputs);
        memcpy(t->yb + r * t->classes, t->yt + sample * t->classes, sizeof(double) * t->classes);
    }
}

static double *copy_rows(const double *from, int width, const int *rows, int count) {
    double *to = malloc(sizeof(double) * (size_t)width * (size_t)(count > 0 ? count : 1));
    if (!to) return NULL;
    for (int r = 0; r < count; r++) memcpy(to + r * width, from + rows[r] * width, sizeof(double) * width);
    return to;
}

void dl_free(dl_state *t) {
    if (!t) return;
    free(t->xt);
    free(t->yt);
    free(t->xs);
    free(t->ys);
    free(t->eval_h);
    free(t->eval_a);
    free(t->eval_out);
    free(t);
}

dl_state *dl_new(const double *x, const double *y, const int *training, int training_count, const int *test,
                 int test_count, const double *parameters) {
    dl_state *t = calloc(1, sizeof *t);
    if (!t) return NULL;
    t->inputs = DL_INPUTS;
    t->hidden = DL_HIDDEN;
    t->classes = DL_CLASSES;
    t->batch = DL_BATCH;
    t->training_count = training_count;
    t->test_count = test_count;
    memcpy(t->parameters, parameters, sizeof t->parameters);
    int largest = training_count > test_count ? training_count : test_count;
    t->xt = copy_rows(x, DL_INPUTS, training, training_count);
    t->yt = copy_rows(y, DL_CLASSES, training, training_count);
    t->xs = copy_rows(x, DL_INPUTS, test, test_count);
    t->ys = copy_rows(y, DL_CLASSES, test, test_count);
    t->eval_h = malloc(sizeof(double) * DL_HIDDEN * (size_t)largest);
    t->eval_a = malloc(sizeof(double) * DL_CLASSES * (size_t)largest);
    t->eval_out = malloc(sizeof(double) * DL_CLASSES * (size_t)largest);
    if (!t->xt || !t->yt || !t->xs || !t->ys || !t->eval_h || !t->eval_a || !t->eval_out) {
        dl_free(t);
        return NULL;
    }
    t->cost = cost_of(t, t->xt, t->yt, training_count, DL_INPUTS, DL_HIDDEN, DL_CLASSES, 1);
    t->test_cost = cost_of(t, t->xs, t->ys, test_count, DL_INPUTS, DL_HIDDEN, DL_CLASSES, 1);
    return t;
}

double dl_cost(const dl_state *t) { return t->cost; }

double dl_test_cost(const dl_state *t) { return t->test_cost; }

const double *dl_parameters(const dl_state *t) { return t->parameters; }

/* An epoch with the sizes fixed at compile time, one sum at a time or side by side. */
LAYER double fixed_epoch(dl_state *t, const int *order, double lr, int natural) {
    int total = t->training_count;
    for (int first = 0; first < total; first += DL_BATCH) {
        int count = total - first < DL_BATCH ? total - first : DL_BATCH;
        gather(t, order, first, count);
        batch_step(t, count, DL_INPUTS, DL_HIDDEN, DL_CLASSES, lr, natural);
    }
    t->cost = cost_of(t, t->xt, t->yt, total, DL_INPUTS, DL_HIDDEN, DL_CLASSES, natural);
    t->test_cost = cost_of(t, t->xs, t->ys, t->test_count, DL_INPUTS, DL_HIDDEN, DL_CLASSES, natural);
    return t->cost;
}

double dl_epoch(dl_state *t, const int *order, double lr) { return fixed_epoch(t, order, lr, 0); }

double dl_epoch_natural(dl_state *t, const int *order, double lr) { return fixed_epoch(t, order, lr, 1); }

__attribute__((noinline)) static void general_step(dl_state *t, int count, double lr) {
    batch_step(t, count, t->inputs, t->hidden, t->classes, lr, 0);
}

__attribute__((noinline)) static double general_cost(dl_state *t, const double *x, const double *y, int count) {
    return cost_of(t, x, y, count, t->inputs, t->hidden, t->classes, 0);
}

double dl_epoch_general(dl_state *t, const int *order, double lr) {
    int total = t->training_count, size = t->batch;
    for (int first = 0; first < total; first += size) {
        int count = total - first < size ? total - first : size;
        gather(t, order, first, count);
        general_step(t, count, lr);
    }
    t->cost = general_cost(t, t->xt, t->yt, total);
    t->test_cost = general_cost(t, t->xs, t->ys, t->test_count);
    return t->cost;
}
