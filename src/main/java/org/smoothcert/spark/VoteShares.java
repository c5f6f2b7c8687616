package org.smoothcert.spark;

/** Classifiers (and the slices they came in) reused from checkpoints and trained, each count on its own. */
public interface VoteShares {
  CollectedVotes.Share reused();

  CollectedVotes.Share trained();

  default long reusedClassifiers() {
    return reused().classifiers();
  }

  default int slicesReused() {
    return reused().slices();
  }

  default long trainedClassifiers() {
    return trained().classifiers();
  }

  default int slicesTrained() {
    return trained().slices();
  }
}
