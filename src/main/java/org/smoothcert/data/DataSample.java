package org.smoothcert.data;

/** The examples a run trains and certifies on, and where they came from. */
public record DataSample(Examples train, Examples test, Provenance provenance) {}
