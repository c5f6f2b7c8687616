#!/usr/bin/python3
"""The default smoothcert run written as a plain scikit-learn script: the peer benchmark.

Same experiment: the same 100 training and 1,000 test images (MNIST 1 vs 7, binarized; read from the
files `smoothcert bench --export-sample` writes, so the sample is shared), the same noise distribution
(every pixel and every training label kept with probability beta, else set to the other value), N
classifiers each trained on its own noised training set and voting on its own noised copy of the test
set, LogisticRegression(solver="lbfgs") with the project's penalty mapped (below), 2 worker processes,
and the same certificate (one-sided Clopper-Pearson at alpha / (m * classes), radius r where
p_lower > 1 - (1/2) ((1 - beta) / beta)^r, the L0 threshold of binary pixels and labels).

What it does not share: its random streams (numpy's PCG64 seeded by (seed, j), not the project's
SplitMix64), so its votes are another sample of the same distribution, not the project's votes; the
optimiser's stopping rule (scikit-learn's lbfgs at its defaults, tol 1e-4 on the projected gradient,
against Breeze's relative-improvement test at 1e-6); and the model's parameterisation: the project's
softmax over 2 classes with L2 decay lambda / 2 (||w_0||^2 + ||w_1||^2) on the mean loss of T examples
has its optimum at w_1 = -w_0, where it equals binary logistic regression on d = w_1 - w_0 with
(lambda / 4) ||d||^2, i.e. scikit-learn's C = 2 / (lambda T) (C = 0.02 for lambda = 1, T = 100).
"""
import argparse
import os
import sys
import time

START = time.time()

import numpy as np  # noqa: E402
from multiprocessing import Pool  # noqa: E402


def load(sample):
    with open(os.path.join(sample, "shape.txt")) as f:
        t, m, dim, levels, classes = (int(v) for v in f.read().split())
    if levels != 2 or classes != 2:
        sys.exit("this script does binary pixels and two classes only")
    read = lambda name: np.fromfile(os.path.join(sample, name), dtype=np.uint8)
    xtr = read("train-features.u8").reshape(t, dim)
    ytr = read("train-labels.u8")
    xte = read("test-features.u8").reshape(m, dim)
    yte = read("test-labels.u8")
    return xtr, ytr, xte, yte


def votes_for(args):
    first, last, sample, beta, c, seed = args
    cpu = time.process_time()
    from sklearn.linear_model import LogisticRegression
    xtr, ytr, xte, _ = load(sample)
    votes = np.zeros((xte.shape[0], 2), dtype=np.int64)
    rows = np.arange(xte.shape[0])
    for j in range(first, last):
        rng = np.random.default_rng([seed, j])
        x = xtr ^ (rng.random(xtr.shape) >= beta)
        y = ytr ^ (rng.random(ytr.shape) >= beta)
        xt = xte ^ (rng.random(xte.shape) >= beta)
        if len(np.unique(y)) < 2:
            pred = np.full(xte.shape[0], y[0])
        else:
            model = LogisticRegression(solver="lbfgs", C=c)
            model.fit(x, y)
            pred = model.predict(xt)
        votes[rows, pred] += 1
    return votes, time.process_time() - cpu


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sample", required=True)
    p.add_argument("--n", type=int, default=10_000)
    p.add_argument("--beta", type=float, default=0.9)
    p.add_argument("--l2", type=float, default=1.0)
    p.add_argument("--alpha", type=float, default=0.001)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()
    from scipy.stats import beta as beta_dist
    xtr, ytr, xte, yte = load(a.sample)
    c = 2.0 / (a.l2 * xtr.shape[0])
    chunks = 50
    bounds = [a.n * k // chunks for k in range(chunks + 1)]
    tasks = [(bounds[k], bounds[k + 1], a.sample, a.beta, c, a.seed) for k in range(chunks)]
    t0 = time.time()
    with Pool(a.workers) as pool:
        results = pool.map(votes_for, tasks, chunksize=1)
    votes = sum(v for v, _ in results)
    worker_cpu = sum(t for _, t in results)
    t1 = time.time()
    m = xte.shape[0]
    top = votes.argmax(axis=1)
    n_top = votes[np.arange(m), top]
    alpha = a.alpha / (m * 2)
    p_lower = np.where(n_top > 0, beta_dist.ppf(alpha, n_top, a.n - n_top + 1), 0.0)
    ratio = (1 - a.beta) / a.beta
    print(f"sklearn peer: N={a.n}, {a.workers} worker processes, C={c:g}, training+voting {t1 - t0:.1f} s")
    for r in range(4):
        threshold = 1 - 0.5 * ratio ** r
        ok = (p_lower > threshold) & (p_lower > 0.5) & (top == yte)
        print(f"radius {r}: certified accuracy {100 * ok.mean():.1f}%")
    print(f"sklearn peer wall time: {time.time() - START:.1f} s; CPU: {worker_cpu:.1f} s in the workers"
          f" ({1000 * worker_cpu / a.n:.1f} ms a classifier) + {time.process_time():.1f} s in the parent")


if __name__ == "__main__":
    main()
