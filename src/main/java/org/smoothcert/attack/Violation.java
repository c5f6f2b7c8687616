package org.smoothcert.attack;

import org.smoothcert.certify.Certificate;

/**
 * A test point whose clean certificate covered the attack on it (radius >= cost) and whose smoothed
 * prediction under the attack is not its clean one: a contradiction of the certificate, possible only
 * with the run's probability alpha (an abstention under attack counts, to be strict).
 */
public record Violation(Attack attack, int point, int trueLabel, int cost, Certificate clean, Certificate attacked) {}
