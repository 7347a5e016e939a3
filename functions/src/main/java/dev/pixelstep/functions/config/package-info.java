/** Configuration of the functions from environment variables and system properties. */
package dev.pixelstep.functions.config;
