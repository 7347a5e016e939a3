/**
 * The immutable parsed model of a state machine definition and its parser/validator, which reports every problem with a JSON pointer ({@link dev.pixelstep.asl.definition.InvalidDefinitionException}).
 */
package dev.pixelstep.asl.definition;
