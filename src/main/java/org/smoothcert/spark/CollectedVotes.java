package org.smoothcert.spark;

import java.util.List;
import org.smoothcert.votes.SliceVotes;

/**
 * The votes of a run's N classifiers as the engine collected them, and how many of them it reused
 * from checkpoints rather than trained.
 *
 * @param slices the votes and training statistics, slice by slice, covering [0, N)
 */
public record CollectedVotes(List<SliceVotes> slices, long reusedClassifiers, long trainedClassifiers, int slicesTrained,
    int slicesReused) {}
