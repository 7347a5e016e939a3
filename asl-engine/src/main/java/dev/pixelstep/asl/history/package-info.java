/**
 * The execution history (events like the Step Functions console shows) and listeners for it.
 */
package dev.pixelstep.asl.history;
