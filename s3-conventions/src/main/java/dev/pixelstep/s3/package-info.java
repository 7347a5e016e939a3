/**
 * How pixelstep's objects look in S3: one home for the conventions that the functions, the local
 * runtime, its command line and web page, and the CDK smoke test all follow. {@link
 * dev.pixelstep.s3.UserMetadata} names the user-metadata entries and encodes and decodes their
 * values (RFC 2047), {@link dev.pixelstep.s3.ObjectLimits} holds the default size limit of an
 * upload, and {@link dev.pixelstep.s3.MissingObjects} says which S3 errors mean "no such object".
 * No dependencies beyond the AWS SDK's S3 module, which every user already has.
 */
package dev.pixelstep.s3;
