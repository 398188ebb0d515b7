"""The article's numpy code, unchanged in its maths, printing reference values for the tests.

Run:  python3 Tests/BackpropCoreTests/Fixtures/article_seed.py
It prints the cost after steps 1, 2, 3 and 1000, the prediction after step 1, and the final
W and b with repr (17 significant digits), which SeedTraceTests.swift quotes.
"""
import numpy as np

param = {}
nodes = {}
learning_rate = 0.1


def sigmoid(x):
    return 1.0 / (1. + np.exp(- x))


def sigmoid_gradient(x):
    sig = sigmoid(x)
    return sig * (1. - sig)


def cost(y_pred, y):
    return np.sum((y_pred - y) ** 2)


def cost_gradient(y_pred, y):
    return 2 * (y_pred - y)


def forward(x):
    nodes['matmul'] = np.matmul(x, param['w'])
    nodes['bias'] = nodes['matmul'] + param['b']
    nodes['sigmoid'] = sigmoid(nodes['bias'])
    return nodes['sigmoid']


def backward(x, y_pred, y):
    matrix = np.multiply(sigmoid_gradient(nodes['bias']), cost_gradient(y_pred, y))
    matrix2 = np.mean(matrix, 0, keepdims=False)
    param['w'] -= learning_rate * np.matmul(np.transpose(x), matrix)
    param['b'] -= learning_rate * matrix2


def setup():
    x = np.array([[1., 2., 3.],
                  [3., 2., 1.]])
    y = np.array([[1., 0.],
                  [0., 1.]])
    param['w'] = np.array([[.1, .2], [.3, .4], [.5, .6]])
    param['b'] = np.array([0., 0.])
    for i in range(1000):
        y_pred = forward(x)
        backward(x, y_pred, y)
        step = i + 1
        if step in (1, 2, 3, 1000):
            print("cost after step", step, repr(float(cost(forward(x), y))))
        if step == 1:
            print("prediction after step 1", [[repr(float(v)) for v in row] for row in forward(x)])
    print("w", [[repr(float(v)) for v in row] for row in param['w']])
    print("b", [repr(float(v)) for v in param['b']])


if __name__ == '__main__':
    np.set_printoptions(precision=17)
    setup()
