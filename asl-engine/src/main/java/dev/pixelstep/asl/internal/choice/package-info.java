/**
 * Choice rules: data-test expressions with their comparison operators, and And/Or/Not.
 */
package dev.pixelstep.asl.internal.choice;
