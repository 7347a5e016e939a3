/**
 * Internal to the engine: the interpreter ({@code runtime}), paths and intrinsic functions
 * ({@code expression}), Choice rules ({@code choice}) and JSON helpers ({@code json}). Public only so
 * that the engine's packages can share them; not an API, and they may change in any release. The
 * API is {@link dev.pixelstep.asl.AslEngine}, {@link dev.pixelstep.asl.StateMachine},
 * {@link dev.pixelstep.asl.Execution} and the {@code task}, {@code history}, {@code error} and
 * {@code time} packages.
 */
package dev.pixelstep.asl.internal;
