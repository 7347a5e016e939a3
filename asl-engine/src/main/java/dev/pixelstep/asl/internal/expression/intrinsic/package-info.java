/**
 * The intrinsic functions ({@code States.Format(...)} and friends) and the parser of their argument syntax.
 */
package dev.pixelstep.asl.internal.expression.intrinsic;
