package org.smoothcert.data;

/**
 * The three sides of a sample, each one of the same kind: the training side, the test side and the
 * validation side (empty when no validation examples were asked for).
 */
public record Sides<S>(S train, S test, S validation) {}
