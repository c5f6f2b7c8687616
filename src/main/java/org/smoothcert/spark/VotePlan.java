package org.smoothcert.spark;

import org.smoothcert.data.Examples;
import org.smoothcert.model.Learner;
import org.smoothcert.smoothing.Smoothing;

/**
 * What the engine trains and votes on: classifiers [0, N) of {@code smoothing} on {@code train}, each
 * learned by {@code learner} and voting on {@code test}.
 *
 * @param slices slices to cut N into, 0 for automatic
 * @param cuts classifier indices no slice may straddle (e.g. the two-sample protocol's n0)
 */
public record VotePlan(Examples train, Examples test, Learner learner, Smoothing smoothing, int classifiers,
    int slices, long[] cuts) {}
