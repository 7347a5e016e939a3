/**
 * Error names predefined by the States Language, the failure that travels through an execution, and the exception task handlers throw.
 */
package dev.pixelstep.asl.error;
