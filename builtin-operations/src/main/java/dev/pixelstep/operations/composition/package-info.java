/**
 * Composition: border, rounded corners, drop shadow and a text watermark drawn with the bundled
 * font. Overlaying another image (which needs S3 access from an operation) is not here.
 */
package dev.pixelstep.operations.composition;
